//! Which corpus is used, end to end: workspace trust (a workspace's `factline.toml` or
//! `corpus/` link naming a folder outside it is refused with a warning, while the same
//! folder named by the user loads), the sample built into the binary (a copied binary
//! alone in an empty folder checks a draft against it), discovery from the draft's folder,
//! the message that says which corpus is in use, and `factline cache clear`.

mod common;
mod lsp_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use lsp_support::*;
use serde_json::{Value, json};

/// The binary with an isolated home, user config and cache.
fn factline(args: &[&str], dir: &Path, home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factline"))
        .args(args)
        .current_dir(dir)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env_remove("FACTLINE_CONFIG")
        .env("FACTLINE_CACHE_DIR", "off")
        .output()
        .expect("the binary runs")
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("readable folder") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
    }
}

/// A temporary place with `outside/` (a corpus no workspace may name) and `ws/` (a
/// workspace holding the fixture draft), all canonical.
struct Place {
    _dir: tempfile::TempDir,
    base: PathBuf,
    outside: PathBuf,
    ws: PathBuf,
}

fn place() -> Place {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = dir.path().canonicalize().expect("canonical");
    let outside = base.join("outside");
    copy_folder(&fixture_dir().join("corpus"), &outside);
    let ws = base.join("ws");
    std::fs::create_dir(&ws).expect("workspace");
    std::fs::copy(fixture_dir().join("draft.md"), ws.join("draft.md")).expect("draft");
    Place { _dir: dir, base, outside, ws }
}

/// The three ways a workspace may point out of itself.
#[derive(Clone, Copy, Debug)]
enum Escape {
    Absolute,
    DotDot,
    LinkedRoot,
}

const ESCAPES: [Escape; 3] = [Escape::Absolute, Escape::DotDot, Escape::LinkedRoot];

impl Escape {
    /// Sets the workspace up so and returns the folder name the warning must show.
    fn arrange(self, place: &Place) -> String {
        match self {
            Escape::Absolute => {
                std::fs::write(place.ws.join("factline.toml"), format!("corpus = [{:?}]\n", place.outside)).expect("toml");
                place.outside.display().to_string()
            }
            Escape::DotDot => {
                std::fs::write(place.ws.join("factline.toml"), "corpus = [\"../outside\"]\n").expect("toml");
                "../outside".to_string()
            }
            Escape::LinkedRoot => {
                std::os::unix::fs::symlink(&place.outside, place.ws.join("corpus")).expect("link");
                place.ws.join("corpus").display().to_string()
            }
        }
    }
}

/// Every evidence path of a JSON report.
fn evidence_paths(json: &Value) -> Vec<String> {
    let findings = json["findings"].as_array().expect("findings");
    findings
        .iter()
        .flat_map(|finding| finding["evidence"].as_array().cloned().unwrap_or_default())
        .map(|evidence| evidence["path"].as_str().expect("path").to_string())
        .collect()
}

#[test]
fn a_workspace_pointing_outside_itself_loads_nothing_from_there_and_warns() {
    for escape in ESCAPES {
        let place = place();
        let named = escape.arrange(&place);
        let output = factline(&["check", "--verbose", "--format", "json", "ws/draft.md"], &place.base, &place.base);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("warning: corpus folder") && stderr.contains(&named), "{escape:?}: {stderr}");
        assert!(stderr.contains("outside the workspace") && stderr.contains("--corpus"), "{escape:?}: {stderr}");
        assert!(stderr.contains("sample articles (built in)"), "{escape:?}: {stderr}");
        let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let paths = evidence_paths(&json);
        assert!(!paths.is_empty(), "{escape:?}: the sample still checks the draft");
        let outside = place.outside.display().to_string();
        assert!(paths.iter().all(|path| !path.contains(&outside) && !path.contains("/ws/")), "{escape:?}: {paths:?}");
        assert!(!String::from_utf8_lossy(&output.stdout).contains("Example Wire"), "{escape:?}: nothing of outside/ is shown");

        // The corpus report and annotate read nothing from there either.
        let report = factline(&["corpus"], &place.ws, &place.base);
        let text = String::from_utf8_lossy(&report.stdout);
        assert!(text.contains("sample articles (built in)") && !text.contains("wire-choe-putin"), "{escape:?}: {text}");

        // The same folder named on the command line loads.
        let output = factline(
            &["check", "--verbose", "--format", "json", "--corpus", &place.outside.display().to_string(), "ws/draft.md"],
            &place.base,
            &place.base,
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("warning"), "{escape:?}: {stderr}");
        assert!(stderr.contains("3 articles in") && stderr.contains("(from --corpus)"), "{escape:?}: {stderr}");
        let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let paths = evidence_paths(&json);
        assert!(!paths.is_empty() && paths.iter().all(|path| path.starts_with(&outside)), "{escape:?}: {paths:?}");

        // And so does the same folder named in the user's own config file.
        let config = place.base.join(".config/factline");
        std::fs::create_dir_all(&config).expect("config folder");
        std::fs::write(config.join("config.toml"), format!("corpus = [{:?}]\n", place.outside)).expect("user config");
        let output = factline(&["check", "--verbose", "--format", "json", "ws/draft.md"], &place.base, &place.base);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("warning") && stderr.contains("(from ~/.config/factline/config.toml)"), "{escape:?}: {stderr}");
        let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let paths = evidence_paths(&json);
        assert!(!paths.is_empty() && paths.iter().all(|path| path.starts_with(&outside)), "{escape:?}: {paths:?}");
    }
}

#[test]
fn a_workspace_corpus_inside_it_is_found_from_the_draft_upward() {
    let place = place();
    copy_folder(&fixture_dir().join("corpus"), &place.ws.join("corpus"));
    std::fs::create_dir(place.ws.join("drafts")).expect("drafts folder");
    std::fs::copy(fixture_dir().join("draft.md"), place.ws.join("drafts/draft.md")).expect("draft");
    // Run from elsewhere: the draft's folder decides.
    let output = factline(&["check", "--verbose", "--format", "json", "ws/drafts/draft.md"], &place.base, &place.base);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // HOME is the temporary folder here: the corpus is named from it.
    assert!(stderr.contains("factline: 3 articles in ~/ws/corpus\n"), "{stderr}");
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let paths = evidence_paths(&json);
    assert!(!paths.is_empty() && paths.iter().all(|path| path.starts_with(&place.ws.join("corpus").display().to_string())), "{paths:?}");
}

#[test]
fn a_binary_copied_alone_checks_the_example_draft_against_the_sample_it_carries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = dir.path().canonicalize().expect("canonical");
    let binary = base.join("factline");
    std::fs::copy(env!("CARGO_BIN_EXE_factline"), &binary).expect("copy the binary");
    std::fs::copy(common::project_dir().join("examples/draft.md"), base.join("draft.md")).expect("copy the draft");
    let run = |args: &[&str]| {
        Command::new(&binary)
            .args(args)
            .current_dir(&base)
            .env("HOME", &base)
            .env("XDG_CONFIG_HOME", base.join(".config"))
            .env_remove("FACTLINE_CONFIG")
            .env("FACTLINE_CACHE_DIR", "off")
            .output()
            .expect("the copied binary runs")
    };
    let human = run(&["check", "--verbose", "draft.md"]);
    let stdout = String::from_utf8_lossy(&human.stdout);
    let stderr = String::from_utf8_lossy(&human.stderr);
    assert_eq!(human.status.code(), Some(1), "findings at warning: {stdout}\n{stderr}");
    let samples = std::fs::read_dir(common::project_dir().join("corpus")).expect("the checkout's corpus").count();
    assert!(stderr.contains(&format!("factline: {samples} sample articles (built in), no corpus/ folder found")), "{stderr}");
    assert!(stdout.contains("draft.md:") && stdout.contains("= source: "), "{stdout}");

    // Every quote is the exact text of the cited sample file, cited by its name.
    let json: Value = serde_json::from_slice(&run(&["check", "--format", "json", "draft.md"]).stdout).expect("JSON");
    let findings = json["findings"].as_array().expect("findings");
    assert!(findings.len() >= 3, "{json}");
    let mut quotes = 0;
    for evidence in findings.iter().flat_map(|finding| finding["evidence"].as_array().cloned().unwrap_or_default()) {
        let name = evidence["source"].as_str().expect("a file name");
        let text = std::fs::read_to_string(common::project_dir().join("corpus").join(name)).expect("a sample file");
        assert!(text.contains(evidence["quote"].as_str().expect("quote")), "{name}: {evidence}");
        assert!(stdout.contains(&format!("= source: {name}:")), "{name} named in the human output");
        quotes += 1;
    }
    assert!(quotes > 0);

    let report = run(&["corpus"]);
    let text = String::from_utf8_lossy(&report.stdout);
    assert!(text.starts_with(&format!("_Corpus: {samples} sample articles (built in), no corpus/ folder found._")), "{text}");
}

#[test]
fn cache_clear_removes_the_cache_files_and_names_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = dir.path().join("cache");
    std::fs::create_dir(&cache).expect("cache folder");
    for name in ["corpus-0123456789abcdef.bin", ".corpus-0123456789abcdef.bin.42.tmp", "notes.txt"] {
        std::fs::write(cache.join(name), "x").expect("file");
    }
    let output = Command::new(env!("CARGO_BIN_EXE_factline"))
        .args(["cache", "clear"])
        .env("FACTLINE_CACHE_DIR", &cache)
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("removed") && stdout.contains("corpus-0123456789abcdef.bin"), "{stdout}");
    assert!(stdout.contains("2 file(s)"), "{stdout}");
    assert!(!cache.join("corpus-0123456789abcdef.bin").exists() && !cache.join(".corpus-0123456789abcdef.bin.42.tmp").exists());
    assert!(cache.join("notes.txt").exists(), "only cache files are removed");
    let output =
        Command::new(env!("CARGO_BIN_EXE_factline")).args(["cache", "dir"]).env("FACTLINE_CACHE_DIR", &cache).output().expect("runs");
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), cache.display().to_string());
}

async fn start(root: Option<&Path>, options: Value) -> Client {
    let (mut client, _server) = in_process();
    let root_uri = root.map(file_uri);
    let folders = root_uri.as_ref().map(|uri| json!([{"uri": uri, "name": "workspace"}]));
    client
        .call(
            "initialize",
            json!({"processId": null, "rootUri": root_uri, "workspaceFolders": folders, "capabilities": capabilities(false),
                   "initializationOptions": options}),
        )
        .await;
    client.notify("initialized", json!({})).await;
    client
}

fn message_contains(params: &Value, needle: &str) -> bool {
    params["message"].as_str().is_some_and(|message| message.contains(needle))
}

/// Every `relatedInformation` URI of a diagnostics list.
fn related_uris(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .flat_map(|diagnostic| diagnostic["relatedInformation"].as_array().cloned().unwrap_or_default())
        .map(|related| related["location"]["uri"].as_str().expect("uri").to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_refuses_what_a_workspace_names_outside_itself_and_loads_what_the_editor_names() {
    for escape in ESCAPES {
        let place = place();
        escape.arrange(&place);
        let outside_uri = file_uri(&place.outside);
        let mut client = start(Some(&place.ws), Value::Null).await;
        let warning = client.wait_for_notification("window/showMessage", |params| message_contains(params, "outside the workspace")).await;
        assert_eq!(warning["type"], json!(2), "{escape:?}: a warning");
        let summary = client.call("workspace/executeCommand", json!({"command": "factline.reloadCorpus"})).await;
        assert_eq!(summary["corpus"], json!([]), "{escape:?}: {summary}");
        assert!(summary["description"].as_str().unwrap_or("").contains("sample articles (built in)"), "{escape:?}: {summary}");
        let uri = file_uri(&place.ws.join("draft.md"));
        client.open(&uri, &fixture_draft(), 1).await;
        let diagnostics = client.wait_for_diagnostics(&uri, |list| !list.is_empty()).await;
        assert!(related_uris(&diagnostics).iter().all(|related| !related.starts_with(&outside_uri)), "{escape:?}: {diagnostics:?}");
        let report = client.call("workspace/executeCommand", json!({"command": "factline.corpusReport"})).await;
        assert!(!report.as_str().unwrap_or("").contains("wire-choe-putin"), "{escape:?}: nothing of outside/ in the report");
        client.shutdown_and_exit().await;

        // The same folder in the editor's settings loads, with no warning.
        let mut client = start(Some(&place.ws), json!({"factline": {"corpus": [place.outside]}})).await;
        let said = client.wait_for_notification("window/logMessage", |params| message_contains(params, "articles in")).await;
        assert!(message_contains(&said, "3 articles in") && message_contains(&said, "editor"), "{escape:?}: {said}");
        client.open(&uri, &fixture_draft(), 1).await;
        let diagnostics = client.wait_for_diagnostics(&uri, |list| !related_uris(list).is_empty()).await;
        assert!(related_uris(&diagnostics).iter().all(|related| related.starts_with(&outside_uri)), "{escape:?}: {diagnostics:?}");
        let warned = client.dump().contains("outside the workspace");
        assert!(!warned, "{escape:?}: no warning when the user names the folder");
        client.shutdown_and_exit().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_says_which_corpus_is_in_use_and_finds_one_from_the_draft() {
    let place = place();
    // No root, no corpus: the sample, said in the first message.
    let mut client = start(None, Value::Null).await;
    let shown = client.wait_for_notification("window/showMessage", |params| message_contains(params, "sample articles (built in)")).await;
    assert!(message_contains(&shown, "no corpus/ folder found"), "{shown}");
    let uri = file_uri(&place.ws.join("draft.md"));
    client.open(&uri, &fixture_draft(), 1).await;
    let diagnostics = client.wait_for_diagnostics(&uri, |list| !list.is_empty()).await;
    // The sample's articles are no files: no link points anywhere on disk.
    assert!(related_uris(&diagnostics).is_empty(), "{diagnostics:?}");
    client.shutdown_and_exit().await;

    // No root from the client, but a corpus/ folder above the draft: found and used.
    copy_folder(&fixture_dir().join("corpus"), &place.ws.join("corpus"));
    std::fs::create_dir(place.ws.join("drafts")).expect("drafts folder");
    std::fs::copy(fixture_dir().join("draft.md"), place.ws.join("drafts/draft.md")).expect("draft");
    let mut client = start(None, Value::Null).await;
    let uri = file_uri(&place.ws.join("drafts/draft.md"));
    client.open(&uri, &fixture_draft(), 1).await;
    let corpus = place.ws.join("corpus");
    let said = client
        .wait_for_notification("window/logMessage", |params| message_contains(params, &format!("3 articles in {}", corpus.display())))
        .await;
    assert_eq!(said["type"], json!(3), "information");
    let corpus_uri = file_uri(&corpus);
    let diagnostics = client.wait_for_diagnostics(&uri, |list| related_uris(list).iter().any(|u| u.starts_with(&corpus_uri))).await;
    assert!(!diagnostics.is_empty());
    client.shutdown_and_exit().await;
}

/// The real binary with its own cache folder and no user config; stderr (the log) to a file.
fn spawn_with_cache(cache: &Path, stderr_path: &Path) -> (tokio::process::Child, Client) {
    let stderr = std::fs::File::create(stderr_path).expect("stderr log file");
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_factline"))
        .args(["lsp", "--log-level", "info"])
        .env("FACTLINE_CACHE_DIR", cache)
        .env("FACTLINE_CONFIG", "off")
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

/// Waits until the log file contains `needle`.
async fn log_says(path: &Path, needle: &str) -> String {
    for _ in 0..300 {
        let log = std::fs::read_to_string(path).unwrap_or_default();
        if log.contains(needle) {
            return log;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the log never said {needle:?}:\n{}", std::fs::read_to_string(path).unwrap_or_default());
}

/// Every related-information message of a diagnostics list (outlet, date and quote).
fn related_messages(diagnostics: &[Value]) -> String {
    diagnostics
        .iter()
        .flat_map(|diagnostic| diagnostic["relatedInformation"].as_array().cloned().unwrap_or_default())
        .map(|related| related["message"].as_str().unwrap_or("").to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_article_edited_with_its_size_and_date_kept_is_seen_at_the_next_start() {
    let (_dir, root) = workspace_copy();
    let cache = tempfile::tempdir().expect("cache dir");
    let logs = tempfile::tempdir().expect("log dir");
    let uri = file_uri(&root.join("draft.md"));

    // First start: the corpus is learned and saved in the cache.
    let first_log = logs.path().join("first.log");
    let (mut child, mut client) = spawn_with_cache(cache.path(), &first_log);
    client.initialize(&root, capabilities(false), Value::Null).await;
    client.open(&uri, &fixture_draft(), 1).await;
    let diagnostics = client.wait_for_diagnostics(&uri, |list| with_code(list, "date-conflict").is_some()).await;
    assert!(related_messages(&diagnostics).contains("in Moscow on Oct. 27"), "{diagnostics:?}");
    log_says(&first_log, "index cache: saved").await;
    client.shutdown_and_exit().await;
    assert_eq!(exit_code(&mut child).await, Some(0));

    // The wire story now dates the meeting Oct. 29: same size, modification time set back.
    let wire = root.join("corpus/wire-choe-putin.md");
    let before = std::fs::read_to_string(&wire).expect("article");
    let modified = std::fs::metadata(&wire).and_then(|metadata| metadata.modified()).expect("mtime");
    let after = before.replace("in Moscow on Oct. 27", "in Moscow on Oct. 29");
    assert!(after != before && after.len() == before.len());
    std::fs::write(&wire, &after).expect("edited");
    std::fs::File::options().write(true).open(&wire).and_then(|file| file.set_modified(modified)).expect("mtime set back");
    assert_eq!(std::fs::metadata(&wire).and_then(|metadata| metadata.modified()).expect("mtime"), modified);

    // Next start: the entry is not taken for fresh, and the diagnostics quote the new text.
    let second_log = logs.path().join("second.log");
    let (mut child, mut client) = spawn_with_cache(cache.path(), &second_log);
    client.initialize(&root, capabilities(false), Value::Null).await;
    client.open(&uri, &fixture_draft(), 1).await;
    let diagnostics = client.wait_for_diagnostics(&uri, |list| related_messages(list).contains("in Moscow on Oct. 29")).await;
    let quotes = related_messages(&diagnostics);
    // Nothing quoted from the wire story is its old text.
    let wire_quotes: Vec<&str> = quotes.lines().filter(|line| line.starts_with("Example Wire")).collect();
    assert!(!wire_quotes.is_empty() && wire_quotes.iter().all(|line| !line.contains("on Oct. 27")), "{quotes}");
    let log = log_says(&second_log, "corpus loaded").await;
    assert!(!log.contains("index cache: up to date"), "the old entry was not taken for fresh:\n{log}");
    assert!(log.contains("kept its size and modification time"), "nor shown while learning again:\n{log}");
    // Never, from the first diagnostics on, a quote of the old text.
    assert!(!client.dump().contains("in Moscow on Oct. 27"), "{}", client.dump());
    client.shutdown_and_exit().await;
    assert_eq!(exit_code(&mut child).await, Some(0));
}
