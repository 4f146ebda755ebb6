//! The server's documentation stays true to the code: every finding code and every
//! command is documented in `docs/server.md`.

#[test]
fn every_finding_code_and_command_is_documented() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/server.md"))
        .expect("docs/server.md");
    for (code, _) in factline::finding::CODES {
        assert!(
            docs.contains(&format!("`{code}`")),
            "docs/server.md does not document `{code}`"
        );
    }
    for command in factline::server::commands::all() {
        assert!(
            docs.contains(&format!("`{command}`")),
            "docs/server.md does not document `{command}`"
        );
    }
    for key in [
        "\"corpus\"",
        "\"severity\"",
        "\"ignoreNames\"",
        "factline-ignore",
    ] {
        assert!(docs.contains(key), "docs/server.md does not mention {key}");
    }
}
