//! An LSP load client: edit latency as an editor sees it, over stdio.
//!
//! Starts a language server, opens a draft, then types: each edit is one character inserted
//! (or the same character deleted again) with `textDocument/didChange`, and the latency is
//! the time until the server's `textDocument/publishDiagnostics` for that version (or, for
//! a server that does not echo versions, the next one for the document). Edits are sent one
//! after the other, as a writer types. It also reports the time from process start to the
//! first diagnostics (cold start), the server's peak RSS (`VmHWM`) and the CPU time it had
//! used by then (corpus indexing throughput = corpus MB / CPU seconds).
//!
//! ```sh
//! cargo bench --bench lsp_latency -- --corpus target/corpus-10k --draft target/draft-2000.md \
//!     [--edits 1000] [--cache-dir DIR] [--peer /path/to/harper-ls] [--label 10k]
//! # warm starts only, from the cache an earlier run of the same build left in DIR:
//! cargo bench --bench lsp_latency -- --corpus target/corpus-10k --cache-dir DIR --warm-only [--runs 5]
//! ```
//!
//! Runs factline three times when `--cache-dir` is given: the edit run with an empty cache
//! (cold start without cache), then a start with the cache it wrote (cold start with a
//! warm cache). With `--peer`, runs that server on the same draft in the same process
//! and prints the latency ratio. Output: one JSON object per run on stdout, a summary on
//! stderr.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Long enough for a 100k-article corpus to load without a cache.
const TIMEOUT: Duration = Duration::from_secs(1800);

struct Options {
    corpus: Option<PathBuf>,
    draft: PathBuf,
    edits: usize,
    cache_dir: Option<PathBuf>,
    peer: Option<PathBuf>,
    label: String,
    factline: PathBuf,
    skip_factline: bool,
    /// Keep `cache_dir` and start from it (no learning run) when it holds an entry.
    warm_only: bool,
    /// How many warm starts to time (the summary prints each; the JSON the median).
    runs: usize,
}

fn parse_options() -> Options {
    let mut options = Options {
        corpus: None,
        draft: PathBuf::from("target/draft-2000.md"),
        edits: 1000,
        cache_dir: None,
        peer: None,
        label: String::new(),
        factline: std::env::var_os("FACTLINE_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_factline")), PathBuf::from),
        skip_factline: false,
        warm_only: false,
        runs: 1,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--corpus" => options.corpus = Some(PathBuf::from(value())),
            "--draft" => options.draft = PathBuf::from(value()),
            "--edits" => options.edits = value().parse().expect("--edits N"),
            "--cache-dir" => options.cache_dir = Some(PathBuf::from(value())),
            "--peer" => options.peer = Some(PathBuf::from(value())),
            "--label" => options.label = value(),
            "--only-peer" => options.skip_factline = true,
            "--warm-only" => options.warm_only = true,
            "--runs" => options.runs = value().parse().expect("--runs N"),
            // `cargo bench` passes `--bench`; ignore it and anything unknown to libtest.
            _ => {}
        }
    }
    options
}

/// A server process with a reader thread that timestamps every message.
struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<(Instant, Value)>,
    next_id: i64,
    started: Instant,
}

impl Server {
    fn start(program: &Path, args: &[&str], env: &[(&str, &Path)]) -> Server {
        let started = Instant::now();
        let mut command = Command::new(program);
        command.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().unwrap_or_else(|error| panic!("cannot start {}: {error}", program.display()));
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length:") {
                        length = value.trim().parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let now = Instant::now();
                if let Ok(value) = serde_json::from_slice::<Value>(&body)
                    && sender.send((now, value)).is_err()
                {
                    return;
                }
            }
        });
        Server { child, stdin, messages, next_id: 1, started }
    }

    fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).expect("json");
        let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        framed.extend(body);
        self.stdin.write_all(&framed).expect("server stdin");
        self.stdin.flush().expect("server stdin");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let (_, message) = self.receive();
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message.get("result").cloned().unwrap_or(Value::Null);
            }
        }
    }

    /// The next message; answers the server's own requests on the way.
    fn receive(&mut self) -> (Instant, Value) {
        loop {
            let (at, message) = match self.messages.recv_timeout(TIMEOUT) {
                Ok(received) => received,
                Err(RecvTimeoutError::Timeout) => panic!("no message from the server in {TIMEOUT:?}"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
            };
            if let (Some(id), Some(method)) = (message.get("id"), message.get("method").and_then(Value::as_str)) {
                let result = match method {
                    "workspace/configuration" => {
                        let items = message["params"]["items"].as_array().map_or(0, Vec::len);
                        Value::Array(vec![Value::Null; items])
                    }
                    _ => Value::Null,
                };
                let reply = json!({"jsonrpc": "2.0", "id": id, "result": result});
                self.send(&reply);
                continue;
            }
            return (at, message);
        }
    }

    /// Waits for diagnostics of `uri`: of `version` when the server sends versions.
    fn diagnostics(&mut self, uri: &str, version: i64) -> (Instant, usize) {
        loop {
            let (at, message) = self.receive();
            if message.get("method").and_then(Value::as_str) != Some("textDocument/publishDiagnostics") {
                continue;
            }
            let params = &message["params"];
            if params["uri"].as_str() != Some(uri) {
                continue;
            }
            match params.get("version").and_then(Value::as_i64) {
                Some(v) if v != version => continue,
                _ => return (at, params["diagnostics"].as_array().map_or(0, Vec::len)),
            }
        }
    }

    fn proc_status(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|line| line.starts_with(field))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// CPU seconds (user + system) the server used so far.
    fn cpu_seconds(&self) -> Option<f64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).ok()?;
        let after = stat.rsplit_once(')')?.1;
        let fields: Vec<&str> = after.split_whitespace().collect();
        let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
        Some(ticks as f64 / 100.0)
    }

    fn stop(mut self) {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Run {
    server: String,
    cold_ms: f64,
    cpu_at_first: Option<f64>,
    latencies: Vec<f64>,
    rss_hwm_mb: Option<f64>,
    first_diagnostics: usize,
}

fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Where typing happens: the start of prose words in the body, spread over the draft.
fn typing_points(text: &str) -> Vec<usize> {
    let body_start = text.find("\n# ").unwrap_or(0);
    let mut points: Vec<usize> =
        text[body_start..].match_indices(" the ").map(|(at, _)| body_start + at + 1).filter(|at| text.is_char_boundary(*at)).collect();
    let step = (points.len() / 50).max(1);
    points = points.into_iter().step_by(step).collect();
    points
}

/// Line and UTF-16 column of a byte offset (the drafts are ASCII, but be exact).
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character = text[line_start..offset].encode_utf16().count();
    json!({"line": line, "character": character})
}

fn run(program: &Path, args: &[&str], env: &[(&str, &Path)], options: &Options, edits: usize) -> Run {
    let draft_text = std::fs::read_to_string(&options.draft).expect("readable draft");
    let workspace = tempfile_dir();
    let draft_path = workspace.join("draft.md");
    std::fs::write(&draft_path, &draft_text).expect("draft copy");
    let uri = file_uri(&draft_path);
    let mut server = Server::start(program, args, env);
    let init_options = match &options.corpus {
        Some(corpus) => json!({"corpus": [corpus.canonicalize().expect("corpus folder").display().to_string()]}),
        None => Value::Null,
    };
    let result = server.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": file_uri(&workspace),
            "workspaceFolders": [{"uri": file_uri(&workspace), "name": "bench"}],
            "initializationOptions": init_options,
            "capabilities": {
                "textDocument": {
                    "synchronization": {"dynamicRegistration": false, "didSave": true},
                    "publishDiagnostics": {"relatedInformation": true, "versionSupport": true}
                },
                "general": {"positionEncodings": ["utf-16"]}
            }
        }),
    );
    let sync = &result["capabilities"]["textDocumentSync"];
    let incremental = sync.as_i64() == Some(2) || sync["change"].as_i64() == Some(2);
    server.notify("initialized", json!({}));
    server
        .notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": draft_text}}));
    let (first_at, first_diagnostics) = server.diagnostics(&uri, 1);
    let cold_ms = (first_at - server.started).as_secs_f64() * 1e3;
    let cpu_at_first = server.cpu_seconds();

    let points = typing_points(&draft_text);
    let mut text = draft_text.clone();
    let mut latencies = Vec::with_capacity(edits);
    let warmup = if edits > 0 { 20 } else { 0 };
    for edit in 0..edits + warmup {
        // Type a letter at a point, then delete it again: the text returns every two edits.
        let point = points[(edit / 2) % points.len()];
        let insert = edit % 2 == 0;
        let (range, new_text) = if insert {
            (json!({"start": position(&text, point), "end": position(&text, point)}), "a")
        } else {
            (json!({"start": position(&text, point), "end": position(&text, point + 1)}), "")
        };
        if insert {
            text.insert(point, 'a');
        } else {
            text.remove(point);
        }
        let version = edit as i64 + 2;
        let change = if incremental { json!({"range": range, "text": new_text}) } else { json!({"text": text}) };
        let sent = Instant::now();
        server.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}));
        let (at, _) = server.diagnostics(&uri, version);
        if edit >= warmup {
            latencies.push((at - sent).as_secs_f64() * 1e3);
        }
    }
    let rss_hwm_mb = server.proc_status("VmHWM:").map(|kb| kb as f64 / 1024.0);
    // A server that learned the corpus saves it in the background after its first
    // diagnostics: let it finish (its temporary file gone) before asking it to exit, or the
    // next start finds no cache.
    if let Some((_, cache)) = env.iter().find(|(key, _)| *key == "FACTLINE_CACHE_DIR") {
        std::thread::sleep(Duration::from_millis(300));
        let ours = format!(".{}.tmp", server.child.id());
        let deadline = Instant::now() + Duration::from_secs(600);
        while Instant::now() < deadline && files_ending(cache, &ours) {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    let name = program.file_name().map_or_else(|| program.display().to_string(), |n| n.to_string_lossy().into_owned());
    server.stop();
    let _ = std::fs::remove_dir_all(&workspace);
    Run { server: name, cold_ms, cpu_at_first, latencies, rss_hwm_mb, first_diagnostics }
}

fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("factline-bench-{}-{}", std::process::id(), rand_suffix()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.canonicalize().expect("temp dir")
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn corpus_megabytes(dir: &Path) -> f64 {
    fn walk(dir: &Path) -> u64 {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|entry| {
                        let path = entry.path();
                        if path.is_dir() { walk(&path) } else { entry.metadata().map_or(0, |m| m.len()) }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    walk(dir) as f64 / 1e6
}

fn report(options: &Options, kind: &str, run: &Run, megabytes: Option<f64>) -> Option<f64> {
    let mut sorted = run.latencies.clone();
    sorted.sort_by(f64::total_cmp);
    let p50 = percentile(&sorted, 50.0);
    let p99 = percentile(&sorted, 99.0);
    let throughput = match (megabytes, run.cpu_at_first) {
        (Some(mb), Some(cpu)) if cpu > 0.0 => Some(mb / cpu),
        _ => None,
    };
    let line = json!({
        "label": options.label,
        "server": run.server,
        "run": kind,
        "edits": run.latencies.len(),
        "p50_ms": p50,
        "p99_ms": p99,
        "max_ms": sorted.last().copied(),
        "cold_start_ms": run.cold_ms,
        "cpu_s_at_first_diagnostics": run.cpu_at_first,
        "corpus_mb": megabytes,
        "index_mb_per_cpu_s": throughput,
        "peak_rss_mb": run.rss_hwm_mb,
        "first_diagnostics": run.first_diagnostics,
    });
    println!("{line}");
    eprintln!(
        "{:>8} {:<12} {:<10} p50 {:>8.2} ms  p99 {:>8.2} ms  cold {:>8.1} ms  rss {:>7.1} MB{}",
        options.label,
        run.server,
        kind,
        p50,
        p99,
        run.cold_ms,
        run.rss_hwm_mb.unwrap_or(f64::NAN),
        throughput.map(|t| format!("  index {t:.1} MB/s/core")).unwrap_or_default()
    );
    (!sorted.is_empty()).then_some(p50)
}

fn main() {
    let options = parse_options();
    let megabytes = options.corpus.as_deref().map(corpus_megabytes);
    let mut factline_p50 = None;
    if !options.skip_factline {
        let scratch = tempfile_dir();
        let cache = options.cache_dir.clone().unwrap_or_else(|| scratch.join("cache"));
        let reuse = options.warm_only && cache_written(&cache);
        if !reuse {
            let _ = std::fs::remove_dir_all(&cache);
            std::fs::create_dir_all(&cache).expect("cache dir");
        }
        let env: Vec<(&str, &Path)> = vec![("FACTLINE_CACHE_DIR", cache.as_path())];
        let program = options.factline.clone();
        if !reuse {
            let edit_run = run(&program, &["lsp", "--log-level", "warn"], &env, &options, options.edits);
            factline_p50 = report(&options, "no-cache", &edit_run, megabytes);
            // The cache is written in the background after the first load: wait for it.
            let deadline = Instant::now() + Duration::from_secs(600);
            while Instant::now() < deadline && !cache_written(&cache) {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        if reuse {
            // Not timed: an entry of another build (the binary was rebuilt) is rejected, and
            // this start learns the corpus and saves it again.
            let prime = run(&program, &["lsp", "--log-level", "warn"], &env, &options, 0);
            eprintln!("{:>8} priming start {:>8.1} ms (not counted)", options.label, prime.cold_ms);
        }
        let mut warm: Vec<Run> =
            (0..options.runs.max(1)).map(|_| run(&program, &["lsp", "--log-level", "warn"], &env, &options, 0)).collect();
        if warm.len() > 1 {
            for each in &warm {
                eprintln!(
                    "{:>8} warm start {:>8.1} ms  cpu {:>6.2} s  rss {:>7.1} MB",
                    options.label,
                    each.cold_ms,
                    each.cpu_at_first.unwrap_or(f64::NAN),
                    each.rss_hwm_mb.unwrap_or(f64::NAN)
                );
            }
        }
        warm.sort_by(|a, b| a.cold_ms.total_cmp(&b.cold_ms));
        let median = warm.swap_remove(warm.len() / 2);
        report(&options, "warm-cache", &median, None);
        let _ = std::fs::remove_dir_all(&scratch);
    }
    if let Some(peer) = &options.peer {
        let peer_options = Options { corpus: None, ..clone_options(&options) };
        let peer_run = run(peer, &["--stdio"], &[], &peer_options, options.edits);
        let peer_p50 = report(&options, "peer", &peer_run, None);
        if let (Some(ours), Some(theirs)) = (factline_p50, peer_p50) {
            eprintln!("{:>8} p50 ratio {}/factline: {:.1}x", options.label, peer_run.server, theirs / ours);
            println!("{}", json!({"label": options.label, "peer": peer_run.server, "p50_ratio": theirs / ours}));
        }
    }
}

fn files_ending(dir: &Path, suffix: &str) -> bool {
    std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).any(|e| e.file_name().to_string_lossy().ends_with(suffix)))
        .unwrap_or(false)
}

fn cache_written(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).any(|e| e.path().extension().is_some_and(|x| x == "bin")))
        .unwrap_or(false)
}

fn clone_options(options: &Options) -> Options {
    Options {
        corpus: options.corpus.clone(),
        draft: options.draft.clone(),
        edits: options.edits,
        cache_dir: options.cache_dir.clone(),
        peer: options.peer.clone(),
        label: options.label.clone(),
        factline: options.factline.clone(),
        skip_factline: options.skip_factline,
        warm_only: options.warm_only,
        runs: options.runs,
    }
}
