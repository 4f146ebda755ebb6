//! End-to-end tests of the language server in this process, over an in-memory pipe with
//! Content-Length framing: every request and notification the server supports, against the
//! fixture workspace in `tests/fixtures/lsp`.

mod lsp_support;

use std::path::Path;

use lsp_support::*;
use serde_json::{Value, json};

const DATE_CODE: &str = "date-conflict";
const NAME_CODE: &str = "name-misspelled";

async fn start(root: &Path, capabilities: Value, options: Value) -> (Client, tokio::task::JoinHandle<i32>, Value) {
    let (mut client, server) = in_process();
    let result = client.initialize(root, capabilities, options).await;
    (client, server, result)
}

fn draft_uri(root: &Path) -> String {
    file_uri(&root.join("draft.md"))
}

/// Opens the fixture draft and returns the first diagnostics that contain a date conflict.
async fn open_fixture_draft(client: &mut Client, root: &Path) -> (String, String, Vec<Value>) {
    let uri = draft_uri(root);
    let text = fixture_draft();
    client.open(&uri, &text, 1).await;
    let diagnostics = client.wait_for_diagnostics(&uri, |list| with_code(list, DATE_CODE).is_some()).await;
    (uri, text, diagnostics)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn initialize_negotiates_the_position_encoding_and_announces_features() {
    let (mut client, _server, result) = start(&fixture_dir(), capabilities(true), Value::Null).await;
    let announced = &result["capabilities"];
    assert_eq!(announced["positionEncoding"], json!("utf-8"));
    assert_eq!(announced["textDocumentSync"]["change"], json!(2), "incremental sync");
    assert_eq!(announced["hoverProvider"], json!(true));
    assert_eq!(announced["definitionProvider"], json!(true));
    assert_eq!(announced["codeActionProvider"]["codeActionKinds"], json!(["quickfix"]));
    let commands = announced["executeCommandProvider"]["commands"].as_array().unwrap();
    assert!(commands.contains(&json!("factline.reloadCorpus")) && commands.contains(&json!("factline.corpusReport")));
    assert!(announced.get("diagnosticProvider").is_none(), "a push client gets no pull provider");
    client.shutdown_and_exit().await;

    let (mut client, _server, result) = start(&fixture_dir(), capabilities(false), Value::Null).await;
    assert_eq!(result["capabilities"]["positionEncoding"], json!("utf-16"));
    client.shutdown_and_exit().await;

    let (mut client, _server, result) = start(&fixture_dir(), pull_capabilities(), Value::Null).await;
    assert_eq!(result["capabilities"]["diagnosticProvider"]["identifier"], json!("factline"));
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fixture_draft_gets_complete_diagnostics() {
    let root = fixture_dir();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let (_uri, text, diagnostics) = open_fixture_draft(&mut client, &root).await;

    let date = with_code(&diagnostics, DATE_CODE).expect("a date conflict");
    assert_eq!(date["range"], range_of(&text, "Oct. 28", 0, false));
    assert_eq!(date["severity"], json!(2), "warning by default");
    assert_eq!(date["source"], json!("factline"));
    assert!(date["codeDescription"]["href"].as_str().unwrap().ends_with("docs/codes.md#date-conflict"));
    let message = date["message"].as_str().unwrap();
    assert!(message.contains("Oct. 28") && message.contains("Oct. 27"), "the message states both values: {message}");

    let related = date["relatedInformation"].as_array().expect("related information");
    let wire_path = root.join("corpus/wire-choe-putin.md").canonicalize().unwrap();
    let wire_text = std::fs::read_to_string(&wire_path).unwrap();
    let wire = related
        .iter()
        .find(|info| info["location"]["uri"] == json!(file_uri(&wire_path)))
        .unwrap_or_else(|| panic!("the Example Wire passage is cited: {related:?}"));
    let location = &wire["location"]["range"];
    let quoted = &wire_text[offset_at(&wire_text, &location["start"], false)..offset_at(&wire_text, &location["end"], false)];
    assert!(quoted.contains("Vladimir Putin in Moscow on Oct. 27"), "the range covers the passage exactly: {quoted:?}");

    let name = with_code(&diagnostics, NAME_CODE).expect("a misspelled name");
    assert_eq!(name["range"], range_of(&text, "Vladimir Puttin", 0, false));
    assert!(name["message"].as_str().unwrap().contains("Vladimir Putin"));
    client.shutdown_and_exit().await;
}

/// A finding after Korean text, an em-dash and emoji (surrogate pairs) on the same line
/// lands on the exact characters, in UTF-16 and in UTF-8.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn positions_after_korean_text_and_emoji_are_exact_in_both_encodings() {
    let root = fixture_dir();
    let text = "최선희 외무상 😀🇰🇵 — Foreign Minister Choe Son-hui met Russian President Vladimir Putin in Moscow on Oct. 28.\n";
    for utf8 in [false, true] {
        let (mut client, _server, _) = start(&root, capabilities(utf8), Value::Null).await;
        let uri = file_uri(&root.join("korean-draft.md"));
        client.open(&uri, text, 1).await;
        let diagnostics = client.wait_for_diagnostics(&uri, |list| with_code(list, DATE_CODE).is_some()).await;
        let date = with_code(&diagnostics, DATE_CODE).unwrap();
        assert_eq!(date["range"], range_of(text, "Oct. 28", 0, utf8), "utf8 = {utf8}");

        // The hover at the last UTF-16 unit / byte of the date answers for the same claim.
        let end = offset_of(text, "Oct. 28", 0) + "Oct. 2".len();
        let hover = client.call("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": position(text, end, utf8)})).await;
        assert_eq!(hover["range"], range_of(text, "Oct. 28", 0, utf8), "utf8 = {utf8}");
        client.shutdown_and_exit().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crlf_drafts_and_incremental_edits_keep_positions_right() {
    let root = fixture_dir();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let uri = file_uri(&root.join("crlf-draft.md"));
    let text = fixture_draft().replace('\n', "\r\n");
    client.open(&uri, &text, 1).await;
    let diagnostics = client.wait_for_diagnostics(&uri, |list| with_code(list, DATE_CODE).is_some()).await;
    assert_eq!(with_code(&diagnostics, DATE_CODE).unwrap()["range"], range_of(&text, "Oct. 28", 0, false));

    // Insert a Korean word with an emoji before the date: the finding moves right with it.
    let insert_at = offset_of(&text, "in Moscow", 0);
    let edited = format!("{}모스크바 🇷🇺 {}", &text[..insert_at], &text[insert_at..]);
    let at = position(&text, insert_at, false);
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": {"start": at, "end": at}, "text": "모스크바 🇷🇺 "}]}),
        )
        .await;
    let params = client
        .wait_for_notification("textDocument/publishDiagnostics", |params| params["uri"] == json!(uri) && params["version"] == json!(2))
        .await;
    let diagnostics = params["diagnostics"].as_array().unwrap();
    assert_eq!(with_code(diagnostics, DATE_CODE).expect("the date conflict")["range"], range_of(&edited, "Oct. 28", 0, false));
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_shows_verdict_sources_quote_and_link() {
    let root = fixture_dir();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let (uri, text, _) = open_fixture_draft(&mut client, &root).await;

    let date_at = offset_of(&text, "Oct. 28", 0) + 1;
    let hover = client.call("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": position(&text, date_at, false)})).await;
    assert_eq!(hover["contents"]["kind"], json!("markdown"));
    let markdown = hover["contents"]["value"].as_str().unwrap();
    assert!(markdown.contains("contradicted"), "{markdown}");
    assert!(markdown.contains("Example Wire") && markdown.contains("2025-10-28"), "{markdown}");
    assert!(markdown.contains("Vladimir Putin in Moscow on Oct. 27"), "the quote: {markdown}");
    assert!(markdown.contains("wire-choe-putin.md") && markdown.contains("](file://"), "a link to the passage: {markdown}");

    // A claim the sources support has a hover too.
    let supported_at = offset_of(&text, "Choe Son-hui", 0) + 2;
    let hover =
        client.call("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": position(&text, supported_at, false)})).await;
    let markdown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(markdown.contains("supported"), "hover on a supported name: {hover}");

    // Nothing under the cursor: no hover.
    let hover = client.call("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 0}})).await;
    assert_eq!(hover, Value::Null);
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_goes_to_the_source_passage() {
    let root = fixture_dir();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let (uri, text, _) = open_fixture_draft(&mut client, &root).await;
    let at = offset_of(&text, "Oct. 28", 0);
    let location =
        client.call("textDocument/definition", json!({"textDocument": {"uri": uri}, "position": position(&text, at, false)})).await;
    let target = location["uri"].as_str().expect("a location");
    assert!(target.contains("/corpus/"), "{location}");
    let path = target.trim_start_matches("file://");
    let source = std::fs::read_to_string(path).unwrap();
    let passage = &source[offset_at(&source, &location["range"]["start"], false)..offset_at(&source, &location["range"]["end"], false)];
    assert!(passage.contains("Oct. 27"), "{passage}");
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replacing_with_the_sourced_value_clears_the_diagnostic() {
    let root = fixture_dir();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let (uri, text, diagnostics) = open_fixture_draft(&mut client, &root).await;
    let date = with_code(&diagnostics, DATE_CODE).unwrap().clone();
    let actions = client
        .call("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": date["range"], "context": {"diagnostics": [date]}}))
        .await;
    let actions = actions.as_array().expect("actions");
    let replace = actions.iter().find(|a| a["title"].as_str().unwrap().contains("Oct. 27")).expect("a replace action");
    assert_eq!(replace["kind"], json!("quickfix"));
    assert_eq!(replace["isPreferred"], json!(true));
    let edits = edits_for(&replace["edit"], &uri);
    let fixed = apply_edits(&text, &edits, false);
    assert_eq!(fixed, text.replace("Oct. 28", "Oct. 27"));

    client
        .notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": as_content_changes(&edits)}))
        .await;
    // A hover sent right after the edit answers for the edited text, never the old one.
    let fixed_at = offset_of(&fixed, "Oct. 27", 0) + 1;
    let hover =
        client.call("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": position(&fixed, fixed_at, false)})).await;
    let markdown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(markdown.contains("Oct. 27") && markdown.contains("supported"), "{hover}");
    assert_eq!(hover["range"], range_of(&fixed, "Oct. 27", 0, false));
    let params = client
        .wait_for_notification("textDocument/publishDiagnostics", |params| params["uri"] == json!(uri) && params["version"] == json!(2))
        .await;
    assert!(with_code(params["diagnostics"].as_array().unwrap(), DATE_CODE).is_none(), "{params}");
    assert!(with_code(params["diagnostics"].as_array().unwrap(), NAME_CODE).is_some(), "the other finding stays: {params}");
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_inline_comment_suppresses_one_finding() {
    let root = fixture_dir();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let (uri, text, diagnostics) = open_fixture_draft(&mut client, &root).await;
    let date = with_code(&diagnostics, DATE_CODE).unwrap().clone();
    let actions = client
        .call("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": date["range"], "context": {"diagnostics": [date]}}))
        .await;
    let suppress = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Ignore this date"))
        .expect("a suppress action");
    let edits = edits_for(&suppress["edit"], &uri);
    let edited = apply_edits(&text, &edits, false);
    assert!(edited.contains("in Moscow on Oct. 28. <!-- factline-ignore date -->\n"), "{edited}");
    client
        .notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": edited}]}))
        .await;
    let params = client.wait_for_notification("textDocument/publishDiagnostics", |params| params["version"] == json!(2)).await;
    assert!(with_code(params["diagnostics"].as_array().unwrap(), DATE_CODE).is_none(), "{params}");
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ignoring_a_name_creates_factline_toml_and_the_finding_goes() {
    let (_dir, root) = workspace_copy();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let uri = draft_uri(&root);
    let text = fixture_draft();
    client.open(&uri, &text, 1).await;
    let diagnostics = client.wait_for_diagnostics(&uri, |list| with_code(list, NAME_CODE).is_some()).await;
    let name = with_code(&diagnostics, NAME_CODE).unwrap().clone();
    let actions = client
        .call("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": name["range"], "context": {"diagnostics": [name]}}))
        .await;
    let ignore =
        actions.as_array().unwrap().iter().find(|a| a["title"].as_str().unwrap().contains("ignored names")).expect("an ignore-name action");
    let changes = ignore["edit"]["documentChanges"].as_array().expect("document changes");
    let config_uri = file_uri(&root.join("factline.toml"));
    assert_eq!(changes[0]["kind"], json!("create"));
    assert_eq!(changes[0]["uri"], json!(config_uri));
    let content = apply_edits("", &edits_for(&ignore["edit"], &config_uri), false);
    assert!(content.contains("ignore_names = [\"Vladimir Puttin\"]"), "{content}");

    // Do what the client would, on disk: the watcher notices and the finding goes.
    std::fs::write(root.join("factline.toml"), &content).unwrap();
    client.wait_for_diagnostics(&uri, |list| with_code(list, NAME_CODE).is_none()).await;

    // With the file present, the action edits its list instead.
    let (_dir2, root2) = workspace_copy();
    std::fs::write(root2.join("factline.toml"), "ignore_names = [\"Kim\"]\n").unwrap();
    let (mut client2, _server2, _) = start(&root2, capabilities(false), Value::Null).await;
    let uri2 = draft_uri(&root2);
    client2.open(&uri2, &text, 1).await;
    let diagnostics = client2.wait_for_diagnostics(&uri2, |list| with_code(list, NAME_CODE).is_some()).await;
    let name = with_code(&diagnostics, NAME_CODE).unwrap().clone();
    let actions = client2
        .call("textDocument/codeAction", json!({"textDocument": {"uri": uri2}, "range": name["range"], "context": {"diagnostics": [name]}}))
        .await;
    let ignore =
        actions.as_array().unwrap().iter().find(|a| a["title"].as_str().unwrap().contains("ignored names")).expect("an ignore-name action");
    let config_uri2 = file_uri(&root2.join("factline.toml"));
    let edited = apply_edits("ignore_names = [\"Kim\"]\n", &edits_for(&ignore["edit"], &config_uri2), false);
    assert_eq!(edited, "ignore_names = [\"Vladimir Puttin\", \"Kim\"]\n");
    client.shutdown_and_exit().await;
    client2.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_from_initialization_options_and_changes_recheck() {
    let root = fixture_dir();
    let options = json!({"factline": {"severity": {"date": "error"}}});
    let (mut client, _server, _) = start(&root, capabilities(false), options).await;
    let (uri, _text, diagnostics) = open_fixture_draft(&mut client, &root).await;
    assert_eq!(with_code(&diagnostics, DATE_CODE).unwrap()["severity"], json!(1), "error, from initializationOptions");

    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"factline": {"severity": {"date": "off"}, "ignoreNames": ["Vladimir Puttin"]}}}),
        )
        .await;
    client.wait_for_diagnostics(&uri, |list| with_code(list, DATE_CODE).is_none() && with_code(list, NAME_CODE).is_none()).await;

    // A client that sends no settings is asked for them (workspace/configuration).
    *client.configuration.lock().unwrap() = json!({"severity": {"date": "hint"}});
    client.notify("workspace/didChangeConfiguration", json!({"settings": null})).await;
    // Hint, from workspace/configuration.
    client.wait_for_diagnostics(&uri, |list| with_code(list, DATE_CODE).is_some_and(|date| date["severity"] == json!(4))).await;
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_settings_are_reported_not_fatal() {
    let root = fixture_dir();
    let (mut client, _server, _) = start(&root, capabilities(false), json!({"severity": {"date": "loud"}})).await;
    let message =
        client.wait_for_notification("window/showMessage", |params| params["message"].as_str().unwrap_or("").contains("loud")).await;
    assert_eq!(message["type"], json!(2), "a warning");
    let report = client.call("workspace/executeCommand", json!({"command": "factline.reloadCorpus"})).await;
    assert_eq!(report["articles"], json!(3));
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corpus_edit_on_disk_shows_progress_and_rechecks() {
    let (_dir, root) = workspace_copy();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let uri = draft_uri(&root);
    client.open(&uri, &fixture_draft(), 1).await;
    // The start-up load reports progress too.
    client.wait_for_server_request("window/workDoneProgress/create").await;
    client
        .wait_for_notification("$/progress", |params| {
            params["value"]["kind"] == json!("begin") && params["value"]["title"] == json!("Indexing corpus")
        })
        .await;
    client.wait_for_notification("$/progress", |params| params["value"]["kind"] == json!("end")).await;
    client.wait_for_diagnostics(&uri, |_| true).await;
    client.drain();

    // A new article and an edited one: the server reloads in the background and re-checks.
    std::fs::write(
        root.join("corpus/new-article.md"),
        "---\noutlet: Example Post\npublished: 2025-10-30\n---\nChoe Son-hui returned to Pyongyang on Oct. 30.\n",
    )
    .unwrap();
    let wire = root.join("corpus/wire-choe-putin.md");
    std::fs::write(&wire, std::fs::read_to_string(&wire).unwrap().replace("Oct. 27", "Oct. 28")).unwrap();
    client.wait_for_server_request("window/workDoneProgress/create").await;
    client
        .wait_for_notification("$/progress", |params| {
            params["value"]["kind"] == json!("begin") && params["value"]["title"] == json!("Indexing corpus")
        })
        .await;
    let end = client.wait_for_notification("$/progress", |params| params["value"]["kind"] == json!("end")).await;
    assert_eq!(end["value"]["message"], json!("4 articles"), "the new article is loaded: {end}");
    client.wait_for_diagnostics(&uri, |_| true).await;
    client.shutdown_and_exit().await;
}

/// A draft whose lines end in a lone `\r` gets the diagnostics of its `\n` twin, at the
/// same lines and characters; a hover at the same position finds the same claim.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lone_carriage_returns_end_lines_as_line_feeds_do() {
    let root = fixture_dir();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let lf_text = fixture_draft();
    let cr_text = lf_text.replace('\n', "\r");
    let mut seen = Vec::new();
    for (name, text) in [("lf-draft.md", &lf_text), ("cr-draft.md", &cr_text)] {
        let uri = file_uri(&root.join(name));
        client.open(&uri, text, 1).await;
        let diagnostics = client.wait_for_diagnostics(&uri, |list| with_code(list, DATE_CODE).is_some()).await;
        let mut places: Vec<(String, Value)> =
            diagnostics.iter().map(|d| (d["code"].as_str().unwrap_or("").to_string(), d["range"].clone())).collect();
        places.sort_by_key(|(code, range)| (code.clone(), range.to_string()));
        let date = with_code(&diagnostics, DATE_CODE).unwrap();
        let hover = client.call("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": date["range"]["start"]})).await;
        seen.push((places, hover["range"].clone()));
    }
    assert_eq!(seen[0].0, seen[1].0, "the same findings at the same places");
    assert_eq!(seen[0].0.iter().find(|(code, _)| code == DATE_CODE).unwrap().1, range_of(&lf_text, "Oct. 28", 0, false));
    assert_eq!(seen[0].1, seen[1].1, "the hover finds the same claim");
    assert!(seen[1].1.is_object(), "the hover answers: {:?}", seen[1].1);
    client.shutdown_and_exit().await;
}

/// Once the sources agree with the draft, its conflict goes, without a restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corpus_correction_removes_the_conflict() {
    let (_dir, root) = workspace_copy();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let uri = draft_uri(&root);
    client.open(&uri, &fixture_draft(), 1).await;
    client.wait_for_diagnostics(&uri, |list| with_code(list, DATE_CODE).is_some()).await;
    for file in ["corpus/wire-choe-putin.md", "corpus/daily-choe-visit.md"] {
        let path = root.join(file);
        std::fs::write(&path, std::fs::read_to_string(&path).unwrap().replace("Oct. 27", "Oct. 28")).unwrap();
    }
    client.wait_for_diagnostics(&uri, |list| with_code(list, DATE_CODE).is_none()).await;
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pull_diagnostics_with_result_ids_and_refresh_after_a_corpus_change() {
    let (_dir, root) = workspace_copy();
    let (mut client, _server, _) = start(&root, pull_capabilities(), Value::Null).await;
    let uri = draft_uri(&root);
    client.open(&uri, &fixture_draft(), 1).await;
    // Pulled during the first load, the report is empty; the refresh says the load is done.
    client.wait_for_server_request("workspace/diagnostic/refresh").await;
    let report = client.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}})).await;
    assert_eq!(report["kind"], json!("full"));
    let result_id = report["resultId"].as_str().expect("a result id").to_string();
    let items = report["items"].as_array().unwrap();
    assert!(with_code(items, DATE_CODE).is_some_and(|d| d["relatedInformation"].is_array()), "{report}");

    let again = client.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}, "previousResultId": result_id})).await;
    assert_eq!(again["kind"], json!("unchanged"));
    assert_eq!(again["resultId"], json!(result_id));

    client.call("workspace/executeCommand", json!({"command": "factline.reloadCorpus"})).await;
    client.wait_for_server_request("workspace/diagnostic/refresh").await;
    let after = client.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}, "previousResultId": result_id})).await;
    assert_eq!(after["kind"], json!("full"), "a new engine makes a new result: {after}");
    assert!(
        client.log.lock().unwrap().iter().all(|m| m["method"] != json!("textDocument/publishDiagnostics")),
        "a pulling client is not pushed to"
    );

    let error = client.request("textDocument/diagnostic", json!({"textDocument": {"uri": "file:///not/open.md"}})).await.unwrap_err();
    assert!(error["message"].as_str().unwrap().contains("not open"), "{error}");
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_reload_and_report_the_corpus() {
    let root = fixture_dir();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let summary = client.call("workspace/executeCommand", json!({"command": "factline.reloadCorpus"})).await;
    assert_eq!(summary["articles"], json!(3), "{summary}");
    assert_eq!(summary["problems"], json!(0), "{summary}");
    let report = client.call("workspace/executeCommand", json!({"command": "factline.corpusReport"})).await;
    let report = report.as_str().expect("a Markdown string");
    assert!(report.contains("Choe Son-hui"), "the report names what it learned: {report}");
    let error = client.request("workspace/executeCommand", json!({"command": "factline.nope"})).await.unwrap_err();
    assert_eq!(error["code"], json!(-32602));
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corpus_problems_are_shown_as_a_warning() {
    let (_dir, root) = workspace_copy();
    std::fs::write(root.join("corpus/broken.txt"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let message =
        client.wait_for_notification("window/showMessage", |params| params["message"].as_str().unwrap_or("").contains("broken.txt")).await;
    assert_eq!(message["type"], json!(2), "{message}");
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_methods_and_bad_params_get_json_rpc_errors() {
    let root = fixture_dir();
    let (mut client, server, _) = start(&root, capabilities(false), Value::Null).await;
    let error = client.request("factline/noSuchMethod", json!({})).await.unwrap_err();
    assert_eq!(error["code"], json!(-32601));
    let error = client.request("textDocument/hover", json!({"textDocument": 42})).await.unwrap_err();
    assert_eq!(error["code"], json!(-32602));
    // Positions far outside the text and hovers on unknown documents are answered, not fatal.
    let uri = draft_uri(&root);
    client.open(&uri, "short", 1).await;
    let hover = client.call("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 99, "character": 99}})).await;
    assert_eq!(hover, Value::Null);
    let hover = client
        .call("textDocument/hover", json!({"textDocument": {"uri": "file:///nowhere.md"}, "position": {"line": 0, "character": 0}}))
        .await;
    assert_eq!(hover, Value::Null);
    client.shutdown_and_exit().await;
    assert_eq!(server.await.unwrap(), 0, "shutdown then exit: exit code 0");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_without_shutdown_is_exit_code_one() {
    let (client, server, _) = start(&fixture_dir(), capabilities(false), Value::Null).await;
    client.notify("exit", Value::Null).await;
    let code = tokio::time::timeout(TIMEOUT, server).await.expect("the server stops").unwrap();
    assert_eq!(code, 1);
    drop(client);
}

/// Edits that arrive while a check runs coalesce: the last version is published, and no
/// result ever goes back to an older version.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_edits_publishes_the_latest_version_in_order() {
    let root = fixture_dir();
    let (mut client, _server, _) = start(&root, capabilities(false), Value::Null).await;
    let uri = draft_uri(&root);
    let text = fixture_draft();
    client.open(&uri, &text, 1).await;
    let end = position(&text, text.len(), false);
    for version in 2..=30 {
        client
            .notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": {"start": end, "end": end}, "text": ""}]}))
            .await;
    }
    let fixed = text.replace("Oct. 28", "Oct. 27");
    client
        .notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 31}, "contentChanges": [{"text": fixed}]}))
        .await;
    let last = client.wait_for_notification("textDocument/publishDiagnostics", |params| params["version"] == json!(31)).await;
    assert!(with_code(last["diagnostics"].as_array().unwrap(), DATE_CODE).is_none(), "{last}");
    let versions: Vec<i64> = client
        .log
        .lock()
        .unwrap()
        .iter()
        .filter(|m| m["method"] == json!("textDocument/publishDiagnostics"))
        .filter_map(|m| m["params"]["version"].as_i64())
        .collect();
    assert!(versions.windows(2).all(|pair| pair[0] < pair[1]), "versions only go forward: {versions:?}");
    assert!(versions.len() < 31, "edits during a check coalesce: {versions:?}");

    // Closing clears the diagnostics.
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}})).await;
    client
        .wait_for_notification("textDocument/publishDiagnostics", |params| {
            params["uri"] == json!(uri) && params["diagnostics"] == json!([])
        })
        .await;
    client.shutdown_and_exit().await;
}
