//! A small LSP client for the end-to-end tests: Content-Length framing over any pair of
//! streams (an in-process `tokio::io::duplex`, or a child process's stdio).
//!
//! It answers the server's requests (`workspace/configuration` with the settings the test
//! set, everything else with `null`), keeps every message it received, and lets a test wait
//! for the one it expects, with a timeout: no sleeps.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex as StdMutex};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinHandle;

/// How long a test waits for a message before failing. Generous: debug builds on a
/// shared two-core machine.
pub const TIMEOUT: Duration = Duration::from_secs(30);

type Writer = Arc<Mutex<Box<dyn AsyncWrite + Unpin + Send>>>;

pub struct Client {
    writer: Writer,
    inbox: mpsc::UnboundedReceiver<Value>,
    /// Received but not yet consumed by a wait.
    pending: VecDeque<Value>,
    /// Every message received, in order (for assertions on ordering and for failure output).
    pub log: Arc<StdMutex<Vec<Value>>>,
    /// What the client answers to `workspace/configuration`.
    pub configuration: Arc<StdMutex<Value>>,
    next_id: i64,
    reader: JoinHandle<()>,
}

impl Client {
    pub fn new<R, W>(reader: R, writer: W) -> Client
    where
        R: AsyncRead + Unpin + Send + 'static,
        W: AsyncWrite + Unpin + Send + 'static,
    {
        let writer: Writer = Arc::new(Mutex::new(Box::new(writer)));
        let (sender, inbox) = mpsc::unbounded_channel();
        let log = Arc::new(StdMutex::new(Vec::new()));
        let configuration = Arc::new(StdMutex::new(Value::Null));
        let reader = tokio::spawn(read_loop(reader, writer.clone(), sender, log.clone(), configuration.clone()));
        Client { writer, inbox, pending: VecDeque::new(), log, configuration, next_id: 1, reader }
    }

    pub async fn send(&self, message: Value) {
        write_message(&self.writer, &message).await;
    }

    /// Writes bytes as they are, framing or not (for protocol-abuse tests).
    pub async fn send_raw(&self, bytes: &[u8]) {
        let mut writer = self.writer.lock().await;
        writer.write_all(bytes).await.expect("write to the server");
        writer.flush().await.expect("flush to the server");
    }

    /// Waits for the response with this id (`Value::Null` for an error answering a message
    /// whose id could not be read): `Ok(result)` or `Err(error object)`.
    pub async fn response(&mut self, id: Value) -> Result<Value, Value> {
        let response =
            self.wait_for(&format!("response {id}"), |message| message.get("id") == Some(&id) && message.get("method").is_none()).await;
        match response.get("error") {
            Some(error) => Err(error.clone()),
            None => Ok(response.get("result").cloned().unwrap_or(Value::Null)),
        }
    }

    pub async fn notify(&self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params})).await;
    }

    /// Sends a request and waits for its response: `Ok(result)` or `Err(error object)`.
    pub async fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})).await;
        let response = self
            .wait_for(&format!("response to {method}"), |message| message.get("id") == Some(&json!(id)) && message.get("method").is_none())
            .await;
        match response.get("error") {
            Some(error) => Err(error.clone()),
            None => Ok(response.get("result").cloned().unwrap_or(Value::Null)),
        }
    }

    /// A request that must succeed.
    pub async fn call(&mut self, method: &str, params: Value) -> Value {
        match self.request(method, params).await {
            Ok(result) => result,
            Err(error) => panic!("{method} failed: {error}"),
        }
    }

    /// The next received message matching `predicate` (earlier non-matching ones stay
    /// available to later waits). Panics after [`TIMEOUT`], listing what did arrive.
    pub async fn wait_for(&mut self, what: &str, predicate: impl Fn(&Value) -> bool) -> Value {
        if let Some(position) = self.pending.iter().position(&predicate) {
            return self.pending.remove(position).unwrap_or(Value::Null);
        }
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            match tokio::time::timeout_at(deadline, self.inbox.recv()).await {
                Ok(Some(message)) => {
                    if predicate(&message) {
                        return message;
                    }
                    self.pending.push_back(message);
                }
                Ok(None) => panic!("the server closed the connection while waiting for {what}; received:\n{}", self.dump()),
                Err(_) => panic!("timed out waiting for {what}; received:\n{}", self.dump()),
            }
        }
    }

    /// Waits for a notification with this method whose params match.
    pub async fn wait_for_notification(&mut self, method: &str, predicate: impl Fn(&Value) -> bool) -> Value {
        let message = self
            .wait_for(method, |message| {
                message.get("method") == Some(&json!(method)) && message.get("id").is_none() && predicate(&message["params"])
            })
            .await;
        message["params"].clone()
    }

    /// Waits for a request from the server (already answered by the reader) with this method.
    pub async fn wait_for_server_request(&mut self, method: &str) -> Value {
        let message = self.wait_for(method, |message| message.get("method") == Some(&json!(method)) && message.get("id").is_some()).await;
        message["params"].clone()
    }

    /// Waits for the diagnostics of `uri` that satisfy `predicate`; returns their list.
    pub async fn wait_for_diagnostics(&mut self, uri: &str, predicate: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let params = self
            .wait_for_notification("textDocument/publishDiagnostics", |params| {
                params["uri"] == json!(uri) && params["diagnostics"].as_array().is_some_and(|list| predicate(list))
            })
            .await;
        params["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    /// Forgets everything received and not yet waited for.
    pub fn drain(&mut self) {
        self.pending.clear();
        while self.inbox.try_recv().is_ok() {}
    }

    /// Everything received so far, one message a line.
    pub fn dump(&self) -> String {
        self.log.lock().map(|log| log.iter().map(|m| m.to_string()).collect::<Vec<_>>().join("\n")).unwrap_or_default()
    }

    /// `initialize` with the given capabilities and options, then `initialized`.
    pub async fn initialize(&mut self, root: &Path, capabilities: Value, options: Value) -> Value {
        let root_uri = file_uri(root);
        let result = self
            .call(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": root_uri,
                    "workspaceFolders": [{"uri": root_uri, "name": "workspace"}],
                    "capabilities": capabilities,
                    "initializationOptions": options,
                }),
            )
            .await;
        self.notify("initialized", json!({})).await;
        result
    }

    pub async fn open(&self, uri: &str, text: &str, version: i32) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}}),
        )
        .await;
    }

    pub async fn shutdown_and_exit(&mut self) {
        self.call("shutdown", Value::Null).await;
        self.notify("exit", Value::Null).await;
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.reader.abort();
    }
}

async fn read_loop<R: AsyncRead + Unpin>(
    reader: R,
    writer: Writer,
    sender: mpsc::UnboundedSender<Value>,
    log: Arc<StdMutex<Vec<Value>>>,
    configuration: Arc<StdMutex<Value>>,
) {
    let mut reader = BufReader::new(reader);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length:") {
                length = value.trim().parse::<usize>().ok();
            }
        }
        let Some(length) = length else { return };
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        let Ok(message) = serde_json::from_slice::<Value>(&body) else {
            return;
        };
        if let (Some(method), Some(id)) = (message.get("method").and_then(Value::as_str), message.get("id")) {
            let result = match method {
                "workspace/configuration" => {
                    let items = message["params"]["items"].as_array().map_or(1, Vec::len);
                    let settings = configuration.lock().map(|c| c.clone()).unwrap_or(Value::Null);
                    Value::Array(vec![settings; items])
                }
                "workspace/applyEdit" => json!({"applied": true}),
                _ => Value::Null,
            };
            write_message(&writer, &json!({"jsonrpc": "2.0", "id": id, "result": result})).await;
        }
        if let Ok(mut log) = log.lock() {
            log.push(message.clone());
        }
        if sender.send(message).is_err() {
            return;
        }
    }
}

async fn write_message(writer: &Writer, message: &Value) {
    let body = message.to_string();
    let mut writer = writer.lock().await;
    let frame = format!("Content-Length: {}\r\n\r\n{}", body.len(), body);
    writer.write_all(frame.as_bytes()).await.expect("write to the server");
    writer.flush().await.expect("flush to the server");
}

/// The server in this process over an in-memory pipe. Returns the client and the task
/// that yields the server's exit code.
pub fn in_process() -> (Client, JoinHandle<i32>) {
    let (client_end, server_end) = tokio::io::duplex(1 << 20);
    let (server_read, server_write) = tokio::io::split(server_end);
    let server = tokio::spawn(factline::server::serve(server_read, server_write));
    let (client_read, client_write) = tokio::io::split(client_end);
    (Client::new(client_read, client_write), server)
}

/// The fixture workspace: `tests/fixtures/lsp`.
pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lsp")
}

/// A fresh copy of the fixture workspace in a temporary folder (canonical path).
pub fn workspace_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture_dir(), dir.path());
    let root = dir.path().canonicalize().expect("canonical temp dir");
    (dir, root)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read fixture dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy fixture");
        }
    }
}

pub fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => uri.push(byte as char),
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

pub fn fixture_draft() -> String {
    std::fs::read_to_string(fixture_dir().join("draft.md")).expect("fixture draft")
}

/// Client capabilities: UTF-16 only (or with UTF-8 offered), push diagnostics, progress,
/// versioned edits and file creation.
pub fn capabilities(offer_utf8: bool) -> Value {
    let encodings = if offer_utf8 { json!(["utf-16", "utf-8"]) } else { json!(["utf-16"]) };
    json!({
        "general": {"positionEncodings": encodings},
        "window": {"workDoneProgress": true},
        "workspace": {
            "configuration": true,
            "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]},
            "diagnostics": {"refreshSupport": true}
        },
        "textDocument": {"publishDiagnostics": {"relatedInformation": true}, "hover": {"contentFormat": ["markdown"]}}
    })
}

/// Capabilities of a client that pulls diagnostics.
pub fn pull_capabilities() -> Value {
    let mut capabilities = capabilities(false);
    capabilities["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    capabilities
}

/// The byte offset of `needle` in `text` (the `nth` occurrence, from 0).
pub fn offset_of(text: &str, needle: &str, nth: usize) -> usize {
    text.match_indices(needle).nth(nth).map(|(i, _)| i).unwrap_or_else(|| panic!("{needle:?} not in the text"))
}

/// The LSP position of a byte offset, counted independently of the server: UTF-16 code
/// units (or UTF-8 bytes) since the start of the line.
pub fn position(text: &str, offset: usize, utf8: bool) -> Value {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..offset].matches('\n').count();
    let prefix = &text[line_start..offset];
    let character = if utf8 { prefix.len() } else { prefix.encode_utf16().count() };
    json!({"line": line, "character": character})
}

/// The LSP range of `needle` in `text`.
pub fn range_of(text: &str, needle: &str, nth: usize, utf8: bool) -> Value {
    let start = offset_of(text, needle, nth);
    json!({"start": position(text, start, utf8), "end": position(text, start + needle.len(), utf8)})
}

/// The byte offset of an LSP position (the inverse of [`position`]).
pub fn offset_at(text: &str, position: &Value, utf8: bool) -> usize {
    let line = position["line"].as_u64().expect("line") as usize;
    let character = position["character"].as_u64().expect("character") as usize;
    let mut offset = 0;
    for _ in 0..line {
        offset += text[offset..].find('\n').expect("line exists") + 1;
    }
    let mut units = 0;
    for (index, ch) in text[offset..].char_indices() {
        if units >= character || ch == '\n' {
            return offset + index;
        }
        units += if utf8 { ch.len_utf8() } else { ch.len_utf16() };
    }
    text.len()
}

/// Applies LSP text edits (all against the same original text) to `text`.
pub fn apply_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let mut ranges: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|edit| {
            let start = offset_at(text, &edit["range"]["start"], utf8);
            let end = offset_at(text, &edit["range"]["end"], utf8);
            (start, end, edit["newText"].as_str().expect("newText").to_string())
        })
        .collect();
    ranges.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    let mut out = text.to_string();
    for (start, end, new_text) in ranges {
        out.replace_range(start..end, &new_text);
    }
    out
}

/// The text edits a workspace edit makes to `uri` (from `changes` or `documentChanges`).
pub fn edits_for(edit: &Value, uri: &str) -> Vec<Value> {
    if let Some(edits) = edit["changes"][uri].as_array() {
        return edits.clone();
    }
    edit["documentChanges"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|change| change["textDocument"]["uri"] == json!(uri))
        .flat_map(|change| change["edits"].as_array().cloned().unwrap_or_default())
        .collect()
}

/// The diagnostic with this code, if any.
pub fn with_code<'a>(diagnostics: &'a [Value], code: &str) -> Option<&'a Value> {
    diagnostics.iter().find(|diagnostic| diagnostic["code"] == json!(code))
}

/// Text edits as `didChange` content changes. Applied in reverse document order, so that
/// each one's range still means the same text after the ones before it.
pub fn as_content_changes(edits: &[Value]) -> Value {
    let mut edits = edits.to_vec();
    edits.sort_by_key(|edit| {
        let start = &edit["range"]["start"];
        std::cmp::Reverse((start["line"].as_u64().unwrap_or(0), start["character"].as_u64().unwrap_or(0)))
    });
    Value::Array(edits.iter().map(|edit| json!({"range": edit["range"], "text": edit["newText"]})).collect())
}

/// Starts the real `factline lsp` binary with its stderr (the log, at `log_level`) in a
/// file, and a client on its stdio.
pub fn spawn_server(stderr_path: &Path, log_level: &str) -> (tokio::process::Child, Client) {
    let stderr = std::fs::File::create(stderr_path).expect("stderr log file");
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_factline"))
        .args(["lsp", "--log-level", log_level])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::from(stderr))
        .kill_on_drop(true)
        .spawn()
        .expect("spawn factline lsp");
    let stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    (child, Client::new(stdout, stdin))
}

/// The server's exit code, once it has exited (within [`TIMEOUT`]).
pub async fn exit_code(child: &mut tokio::process::Child) -> Option<i32> {
    tokio::time::timeout(TIMEOUT, child.wait()).await.expect("the server exits").expect("wait for the server").code()
}
