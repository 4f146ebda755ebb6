//! Protocol abuse against the real binary (`factline lsp` over stdio): malformed JSON,
//! wrong `Content-Length`, params of the wrong type, unknown methods, requests before
//! `initialize`, positions past the end, `didChange` for a document never opened, a
//! version going backwards, a 10 MB draft, 1,000 open documents. Each gets a JSON-RPC error
//! or is ignored with a log line; the server answers the next request correctly; the exit
//! code is 0 after `shutdown` + `exit` and 1 after `exit` alone.

mod lsp_support;

use std::time::Instant;

use lsp_support::*;
use serde_json::{Value, json};

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// The server still answers a plain request correctly.
async fn still_answers(client: &mut Client, after: &str) {
    let result = client.request("workspace/executeCommand", json!({"command": "factline.reloadCorpus"})).await;
    let result = result.unwrap_or_else(|error| panic!("after {after}: {error}"));
    assert_eq!(result["articles"], json!(3), "after {after}: {result}");
}

fn error_code(error: &Value) -> i64 {
    error["code"].as_i64().unwrap_or_else(|| panic!("not an error object: {error}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_frames_and_bad_requests_get_errors_and_the_server_reads_on() {
    let (_dir, root) = workspace_copy();
    let logs = tempfile::tempdir().unwrap();
    let stderr_path = logs.path().join("stderr.log");
    let (mut child, mut client) = spawn_server(&stderr_path, "info");
    let uri = file_uri(&root.join("draft.md"));

    // Before initialize: requests get -32002, notifications are dropped, garbage gets -32700.
    let early = client.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})).await;
    assert_eq!(error_code(&early.unwrap_err()), -32002, "a request before initialize");
    client.open(&uri, "Choe Son-hee met Putin.", 1).await;
    client.send_raw(&frame(b"{not json")).await;
    assert_eq!(error_code(&client.response(Value::Null).await.unwrap_err()), -32700, "malformed JSON before initialize");
    client.initialize(&root, capabilities(false), Value::Null).await;
    still_answers(&mut client, "initialize").await;

    // Frames and bodies that are no JSON-RPC message, each followed at once by a good request.
    let good = br#"{"jsonrpc":"2.0","id":"next","method":"workspace/executeCommand","params":{"command":"factline.reloadCorpus"}}"#;
    let short = format!("Content-Length: {}\r\n\r\n", good.len() - 7).into_bytes();
    let long = format!("Content-Length: {}\r\n\r\n", good.len() + 25).into_bytes();
    let cases: Vec<(&str, Vec<u8>, i64, Value)> = vec![
        ("malformed JSON", frame(b"{\"jsonrpc\": \"2.0\", \"id\": 3,"), -32700, Value::Null),
        ("invalid UTF-8", frame(b"{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"\xff\xfe\"}"), -32700, Value::Null),
        ("a JSON array", frame(b"[1, 2, 3]"), -32600, Value::Null),
        ("a method that is a number", frame(br#"{"jsonrpc":"2.0","id":77,"method":5}"#), -32600, json!(77)),
        ("JSON-RPC 1.0", frame(br#"{"jsonrpc":"1.0","id":"old","method":"shutdown"}"#), -32600, json!("old")),
        ("Content-Length not a number", b"Content-Length: lots\r\n\r\n{}".to_vec(), -32700, Value::Null),
        ("no Content-Length", b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".to_vec(), -32700, Value::Null),
        (
            "a Content-Type that is not UTF-8",
            {
                let mut bytes =
                    format!("Content-Length: {}\r\nContent-Type: application/json; charset=latin1\r\n\r\n", good.len()).into_bytes();
                bytes.extend_from_slice(good);
                bytes
            },
            0,
            Value::Null,
        ),
        ("garbage between frames", b"\x00\x01 hello, server? \r\n\r\n".to_vec(), -32700, Value::Null),
        ("a Content-Length too small", [short, good.to_vec()].concat(), -32700, Value::Null),
        ("a Content-Length too large", [long, good.to_vec()].concat(), -32700, Value::Null),
    ];
    for (what, bytes, code, id) in cases {
        if code == 0 {
            // A charset other than UTF-8 is ignored (the body is read as UTF-8 JSON): the
            // message it frames is answered like any other.
            client.send_raw(&bytes).await;
        } else {
            client.send_raw(&[bytes, frame(good)].concat()).await;
            let error = client.response(id.clone()).await.expect_err(what);
            assert_eq!(error_code(&error), code, "{what}: {error}");
        }
        let next = client.response(json!("next")).await.unwrap_or_else(|error| panic!("after {what}: {error}"));
        assert_eq!(next["articles"], json!(3), "after {what}");
        client.drain();
    }

    // Well-framed JSON-RPC with wrong params, unknown methods, positions past the end.
    let text = fixture_draft();
    client.open(&uri, &text, 1).await;
    let hover = |line: Value, character: Value| json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
    let wrong = client.request("textDocument/hover", json!("not an object")).await.unwrap_err();
    assert_eq!(error_code(&wrong), -32602, "params of the wrong type: {wrong}");
    let negative = client.request("textDocument/hover", hover(json!(-1), json!(0))).await.unwrap_err();
    assert_eq!(error_code(&negative), -32602, "a negative line: {negative}");
    let unknown = client.request("factline/doesNotExist", json!({})).await.unwrap_err();
    assert_eq!(error_code(&unknown), -32601, "an unknown method: {unknown}");
    let command = client.request("workspace/executeCommand", json!({"command": "factline.nope"})).await.unwrap_err();
    assert_eq!(error_code(&command), -32602, "an unknown command: {command}");
    client.notify("factline/unknownNotification", json!({"x": 1})).await;
    client.notify("textDocument/didOpen", json!({"textDocument": 42})).await;
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": "file:///never/opened.md", "version": 2}, "contentChanges": [{"text": "x"}]}),
        )
        .await;
    for (line, character) in [(0, 100_000), (100_000, 0), (u32::MAX, u32::MAX), (3, u32::MAX)] {
        let result = client.request("textDocument/hover", hover(json!(line), json!(character))).await;
        assert!(result.is_ok(), "a position past the end ({line}, {character}) is clamped, not an error: {result:?}");
    }
    let past_end = json!({"start": {"line": 99, "character": 5}, "end": {"line": 1_000_000, "character": 0}});
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": past_end, "text": "\nAppended."}]}),
        )
        .await;
    let appended = client.wait_for_notification("textDocument/publishDiagnostics", |params| params["version"] == json!(2)).await;
    assert_eq!(appended["uri"], json!(uri));
    // Every publication for version 1 (the first text) came before this one.
    client.drain();

    // The version goes backwards: applied (the text is the client's), logged, and the
    // diagnostics are those of the new text.
    let date_conflict = |list: &[Value]| with_code(list, "date-conflict").is_some();
    let fixed = text.replace("Oct. 28", "Oct. 27");
    client.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 1}, "contentChanges": [{"text": fixed}]})).await;
    let params = client.wait_for_notification("textDocument/publishDiagnostics", |params| params["version"] == json!(1)).await;
    assert!(!date_conflict(params["diagnostics"].as_array().unwrap()), "diagnostics of the new text: {params}");
    still_answers(&mut client, "wrong params and unknown methods").await;

    client.shutdown_and_exit().await;
    assert_eq!(exit_code(&mut child).await, Some(0), "shutdown then exit, after all that");
    let stderr = std::fs::read_to_string(&stderr_path).unwrap();
    for line in [
        "ignored a malformed message from the client",
        "didChange for a document that is not open",
        "the version does not go up",
        "method=\"factline/unknownNotification\"",
        "not a notification the server knows",
        "method=\"textDocument/didOpen\"",
        "its params do not fit",
    ] {
        assert!(stderr.contains(line), "the log names {line:?}:\n{stderr}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_10_mb_draft_and_1000_open_documents_leave_the_server_responsive() {
    let (_dir, root) = workspace_copy();
    let logs = tempfile::tempdir().unwrap();
    let (mut child, mut client) = spawn_server(&logs.path().join("stderr.log"), "info");
    client.initialize(&root, capabilities(false), Value::Null).await;
    still_answers(&mut client, "initialize").await;

    // A 10 MB draft: 100,000 dates on one line, then a 10 MB line. While it is checked, a
    // small draft's hover is answered.
    let small_uri = file_uri(&root.join("small.md"));
    let small = fixture_draft();
    client.open(&small_uri, &small, 1).await;
    client.wait_for_diagnostics(&small_uri, |list| with_code(list, "date-conflict").is_some()).await;
    let big_uri = file_uri(&root.join("big.md"));
    let dates: String = (0..100_000).map(|i| format!("Oct. {} ", i % 28 + 1)).collect();
    let big = format!("Choe Son-hee met Putin.\n{dates}\n{}", "x".repeat(10_000_000 - dates.len()));
    assert!(big.len() >= 10_000_000);
    let started = Instant::now();
    client.open(&big_uri, &big, 1).await;
    let position = position(&small, offset_of(&small, "Oct. 28", 0), false);
    let hover = client.call("textDocument/hover", json!({"textDocument": {"uri": small_uri}, "position": position})).await;
    assert!(hover["contents"]["value"].as_str().unwrap_or("").contains("Oct. 27"), "{hover}");
    let answered = client.log.lock().unwrap().len();
    let diagnostics = client.wait_for_diagnostics(&big_uri, |list| with_code(list, "check-truncated").is_some()).await;
    let took = started.elapsed();
    let published = client.log.lock().unwrap().len();
    assert!(answered < published, "the hover was answered before the big draft's check ended");
    assert!(took.as_secs() < 25, "the 10 MB draft is checked within the limit: {took:?}");
    let note = with_code(&diagnostics, "check-truncated").unwrap();
    assert_eq!(note["severity"], json!(3), "information: {note}");
    assert!(with_code(&diagnostics, "name-misspelled").is_some(), "the start of the big draft is checked: {diagnostics:?}");
    eprintln!("10 MB draft: diagnostics after {took:?}");
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": big_uri}})).await;

    // 1,000 documents open at once: each gets its diagnostics, and the server still answers.
    let started = Instant::now();
    let uris: Vec<String> = (0..1000).map(|i| file_uri(&root.join(format!("many/draft-{i}.md")))).collect();
    for (i, uri) in uris.iter().enumerate() {
        client.open(uri, &format!("Draft {i}: Choe Son-hee met Putin in Moscow on Oct. 28.\n"), 1).await;
    }
    for uri in &uris {
        client.wait_for_diagnostics(uri, |list| with_code(list, "name-misspelled").is_some()).await;
    }
    still_answers(&mut client, "1,000 documents").await;
    eprintln!("1,000 documents checked in {:?}", started.elapsed());

    client.send_raw(b"Content-Length: 3\r\n\r\n{x}").await;
    client.notify("exit", Value::Null).await;
    assert_eq!(exit_code(&mut child).await, Some(1), "exit without shutdown");
}
