//! End-to-end test of the real `factline lsp` binary over stdio: the whole session a
//! reporter's editor would have, from `initialize` to `exit`.

mod lsp_support;

use lsp_support::*;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_editing_session_over_stdio() {
    let (_dir, root) = workspace_copy();
    let logs = tempfile::tempdir().unwrap();
    let stderr_path = logs.path().join("stderr.log");
    let (mut child, mut client) = spawn_server(&stderr_path, "debug");

    let result = client.initialize(&root, capabilities(false), Value::Null).await;
    assert_eq!(result["capabilities"]["positionEncoding"], json!("utf-16"));

    // Open the draft: a date conflict, with the corpus passage as related information.
    let uri = file_uri(&root.join("draft.md"));
    let text = fixture_draft();
    client.open(&uri, &text, 1).await;
    let diagnostics = client.wait_for_diagnostics(&uri, |list| with_code(list, "date-conflict").is_some()).await;
    let date = with_code(&diagnostics, "date-conflict").unwrap().clone();
    assert_eq!(date["range"], range_of(&text, "Oct. 28", 0, false));
    let related = date["relatedInformation"].as_array().expect("related information");
    assert!(
        related.iter().any(|info| info["location"]["uri"].as_str().unwrap_or("").ends_with("/corpus/wire-choe-putin.md")),
        "{related:?}"
    );

    // Hover shows the quote.
    let hover = client
        .call(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(&text, offset_of(&text, "Oct. 28", 0), false)}),
        )
        .await;
    assert!(hover["contents"]["value"].as_str().unwrap_or("").contains("Vladimir Putin in Moscow on Oct. 27"), "{hover}");

    // The quick fix's edit fixes the text; after didChange the diagnostic is gone.
    let actions = client
        .call("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": date["range"], "context": {"diagnostics": [date]}}))
        .await;
    let replace = actions.as_array().unwrap().iter().find(|a| a["isPreferred"] == json!(true)).expect("a preferred fix").clone();
    let edits = edits_for(&replace["edit"], &uri);
    let fixed = apply_edits(&text, &edits, false);
    assert_eq!(fixed, text.replace("Oct. 28", "Oct. 27"));
    client
        .notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": as_content_changes(&edits)}))
        .await;
    let params = client
        .wait_for_notification("textDocument/publishDiagnostics", |params| params["uri"] == json!(uri) && params["version"] == json!(2))
        .await;
    let diagnostics = params["diagnostics"].as_array().unwrap();
    assert!(with_code(diagnostics, "date-conflict").is_none(), "{params}");
    assert_eq!(with_code(diagnostics, "name-misspelled").expect("the name finding stays")["severity"], json!(2));

    // A settings change re-checks with the new severity.
    client.notify("workspace/didChangeConfiguration", json!({"settings": {"factline": {"severity": {"name": "error"}}}})).await;
    client.wait_for_diagnostics(&uri, |list| with_code(list, "name-misspelled").is_some_and(|d| d["severity"] == json!(1))).await;

    // An edit to a corpus file: progress, then the draft is re-checked against the new corpus.
    client.drain();
    let wire = root.join("corpus/wire-choe-putin.md");
    std::fs::write(&wire, std::fs::read_to_string(&wire).unwrap().replace("Oct. 27", "Oct. 25")).unwrap();
    client.wait_for_server_request("window/workDoneProgress/create").await;
    client
        .wait_for_notification("$/progress", |p| p["value"]["kind"] == json!("begin") && p["value"]["title"] == json!("Indexing corpus"))
        .await;
    client.wait_for_notification("$/progress", |p| p["value"]["kind"] == json!("end")).await;
    client.wait_for_diagnostics(&uri, |_| true).await;

    client.shutdown_and_exit().await;
    assert_eq!(exit_code(&mut child).await, Some(0), "shutdown then exit");
    let stderr = std::fs::read_to_string(&stderr_path).unwrap();
    assert!(stderr.contains("factline language server starting"), "logs go to stderr: {stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_exits_cleanly_and_with_one_without_shutdown() {
    let logs = tempfile::tempdir().unwrap();
    let root = fixture_dir();

    let (mut child, mut client) = spawn_server(&logs.path().join("a.log"), "debug");
    client.initialize(&root, capabilities(false), Value::Null).await;
    let error = client.request("factline/unknown", json!({})).await.unwrap_err();
    assert_eq!(error["code"], json!(-32601));
    let summary = client.call("workspace/executeCommand", json!({"command": "factline.reloadCorpus"})).await;
    assert_eq!(summary["articles"], json!(3));
    client.shutdown_and_exit().await;
    assert_eq!(exit_code(&mut child).await, Some(0));

    let (mut child, mut client) = spawn_server(&logs.path().join("b.log"), "debug");
    client.initialize(&root, capabilities(false), Value::Null).await;
    client.notify("exit", Value::Null).await;
    assert_eq!(exit_code(&mut child).await, Some(1), "exit without shutdown");
}
