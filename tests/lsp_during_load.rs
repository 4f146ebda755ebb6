//! The language server answers requests while a long corpus load runs: at once, with what it
//! has (nothing, before the first load ends), never after the load. The corpus here holds
//! four machine-written articles of 200,000 dates each (each cut off at the most factline
//! learns from one article, and still read whole), so that the first load lasts long
//! enough for the requests to arrive during it.
//!
//! The only test of this binary: it turns the index cache off for the whole process.

mod lsp_support;

use std::time::{Duration, Instant};

use lsp_support::*;
use serde_json::{Value, json};

/// The longest a request may take to be answered during the load.
const AT_ONCE: Duration = Duration::from_millis(100);

fn slow_article() -> String {
    let months = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
    let body: Vec<String> = (0..200_000)
        .map(|n| format!("On {} {}, {}, the board met in Geneva.", months[n % 12], 1 + (n / 12) % 28, 1950 + (n / 336) % 70))
        .collect();
    format!("---\ntitle: Minutes\npublished: 2025-10-28\n---\n\n{}\n", body.join(" "))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hovers_and_other_requests_during_a_long_corpus_load_answer_at_once() {
    // SAFETY: the only test of this binary, set before any thread reads the environment.
    unsafe { std::env::set_var("FACTLINE_CACHE_DIR", "off") };
    let (_dir, root) = workspace_copy();
    let slow = slow_article();
    for k in 0..4 {
        std::fs::write(root.join(format!("corpus/minutes-{k}.md")), &slow).expect("writable workspace");
    }
    let (mut client, _server) = in_process();
    client.initialize(&root, capabilities(false), Value::Null).await;
    let uri = file_uri(&root.join("draft.md"));
    let text = fixture_draft();
    client.open(&uri, &text, 1).await;
    let at_date = json!({"textDocument": {"uri": uri}, "position": position(&text, offset_of(&text, "Oct. 28", 0) + 2, false)});

    let started = Instant::now();
    let hover = client.call("textDocument/hover", at_date.clone()).await;
    let hover_latency = started.elapsed();
    // Nothing is known before the first load ends: a hover with content would mean the
    // load was over, and this test would prove nothing.
    assert_eq!(hover, Value::Null, "answered during the load, with nothing yet");
    assert!(hover_latency < AT_ONCE, "a hover during the load took {hover_latency:?}");

    let started = Instant::now();
    let definition = client.call("textDocument/definition", at_date.clone()).await;
    let actions = client
        .call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range_of(&text, "Oct. 28", 0, false), "context": {"diagnostics": []}}),
        )
        .await;
    let report = client.call("workspace/executeCommand", json!({"command": "factline.corpusReport"})).await;
    let others_latency = started.elapsed();
    assert_eq!(definition, Value::Null);
    assert_eq!(actions, Value::Null);
    assert!(report.as_str().is_some_and(|report| report.contains("still being indexed")), "{report}");
    assert!(others_latency < 3 * AT_ONCE, "definition, code action and corpus report during the load took {others_latency:?}");
    eprintln!("hover during the load: {hover_latency:?}; definition + code action + corpus report: {others_latency:?}");

    // Once the load is over, the same hover shows the sources.
    let diagnostics = client.wait_for_diagnostics(&uri, |list| with_code(list, "date-conflict").is_some()).await;
    eprintln!("first diagnostics (the load done) after {:?}", started.elapsed());
    assert!(!diagnostics.is_empty());
    let hover = client.call("textDocument/hover", at_date).await;
    assert!(hover["contents"].to_string().contains("Oct. 27"), "{hover}");
    client.shutdown_and_exit().await;
}
