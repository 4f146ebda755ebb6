//! Faulty corpora: empty files, binary files, invalid UTF-8, a 100 MB file, an unreadable
//! file, a loop of links, a dangling link, a link out of the corpus, a named pipe, a file
//! deleted (or turned into a pipe) while the corpus loads, front matter that does not
//! parse. The loader names each problem once (the CLI on stderr, the server with
//! `window/showMessage` and its logs) and loads everything else; it follows no link out
//! of the corpus folders and writes nothing.
//!
//! The tests run as root on CI, where `chmod 000` does not stop a read: the unreadable
//! case detects that, and then checks only that the file loads and the load goes on.

mod lsp_support;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;

use factline::Corpus;
use serde_json::json;

const GOOD: &str =
    "---\noutlet: Wire\npublished: 2025-10-28\n---\nChoe Son-hui met Russian President Vladimir Putin in Moscow on Oct. 27.\n";

/// A corpus folder with good articles and one fault of each kind. Returns the folder, the
/// good files' names and the faulty files' names.
struct Faulty {
    _dir: tempfile::TempDir,
    root: PathBuf,
    corpus: PathBuf,
    good: Vec<&'static str>,
    bad: Vec<&'static str>,
    /// `chmod 000` stops reads here (not root).
    permissions_enforced: bool,
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

fn faulty_corpus() -> Faulty {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    let corpus = root.join("corpus");
    let outside = root.join("outside");
    fs::create_dir_all(corpus.join("sub")).unwrap();
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("secret.md"), "Kim Jong-un met Xi Jinping in Beijing on Sept. 3.\n").unwrap();

    let good = vec!["a-good.md", "sub/b-good.txt", "c-good.markdown"];
    for name in &good {
        fs::write(corpus.join(name), GOOD).unwrap();
    }
    fs::write(corpus.join("empty.md"), "").unwrap();
    fs::write(corpus.join("blank.txt"), " \n\t\n").unwrap();
    fs::write(corpus.join("binary.md"), b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    fs::write(corpus.join("latin1.txt"), b"Caf\xe9 in M\xfcnchen, Oct. 27.").unwrap();
    fs::write(corpus.join("broken-yaml.md"), "---\ntitle: [unclosed\n---\nPutin met Choe.\n").unwrap();
    fs::write(corpus.join("broken-toml.md"), "+++\npublished = = 2025\n+++\nPutin met Choe.\n").unwrap();
    fs::write(corpus.join("bad-date.md"), "---\npublished: not a date\n---\nPutin met Choe on Monday.\n").unwrap();
    // 100 MB, sparse: the size alone rules it out, nothing is read.
    fs::File::create(corpus.join("huge.txt")).unwrap().set_len(100 * 1024 * 1024).unwrap();
    fs::write(corpus.join("unreadable.md"), GOOD).unwrap();
    fs::set_permissions(corpus.join("unreadable.md"), fs::Permissions::from_mode(0o000)).unwrap();
    let permissions_enforced = fs::File::open(corpus.join("unreadable.md")).is_err();
    symlink(corpus.join("loop-b.md"), corpus.join("loop-a.md")).unwrap();
    symlink(corpus.join("loop-a.md"), corpus.join("loop-b.md")).unwrap();
    symlink(corpus.join("gone.md"), corpus.join("dangling.md")).unwrap();
    symlink(outside.join("secret.md"), corpus.join("outside-link.md")).unwrap();
    symlink(&outside, corpus.join("outside-dir")).unwrap();
    // A link back up: not a problem, and no file is read twice.
    symlink(&corpus, corpus.join("sub/up")).unwrap();
    mkfifo(&corpus.join("pipe.md"));

    let mut bad = vec![
        "empty.md",
        "blank.txt",
        "binary.md",
        "latin1.txt",
        "broken-yaml.md",
        "broken-toml.md",
        "bad-date.md",
        "huge.txt",
        "loop-a.md",
        "loop-b.md",
        "dangling.md",
        "outside-link.md",
        "outside-dir",
        "pipe.md",
    ];
    if permissions_enforced {
        bad.push("unreadable.md");
    }
    Faulty { _dir: dir, root, corpus, good, bad, permissions_enforced }
}

/// Every file's name, size, permissions and content, to show that nothing was written.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, u32, Vec<u8>)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let metadata = fs::symlink_metadata(&path).unwrap();
            let content = if metadata.is_file() && metadata.len() < 1 << 20 && metadata.permissions().mode() & 0o444 != 0 {
                fs::read(&path).unwrap_or_default()
            } else if metadata.file_type().is_symlink() {
                fs::read_link(&path).unwrap().into_os_string().into_encoded_bytes()
            } else {
                Vec::new()
            };
            if metadata.is_dir() {
                stack.push(path.clone());
            }
            out.insert(path, (metadata.len(), metadata.permissions().mode(), content));
        }
    }
    out
}

fn names(problems: &[factline::LoadProblem], corpus: &Path) -> Vec<String> {
    problems.iter().map(|problem| problem.path.strip_prefix(corpus).unwrap_or(&problem.path).display().to_string()).collect()
}

#[test]
fn the_loader_names_each_fault_once_and_loads_the_rest() {
    let faulty = faulty_corpus();
    let before = snapshot(&faulty.root);
    let (corpus, problems) = Corpus::load(std::slice::from_ref(&faulty.corpus));
    let named = names(&problems, &faulty.corpus);
    for bad in &faulty.bad {
        assert_eq!(named.iter().filter(|name| name == bad).count(), 1, "{bad} named once: {problems:#?}");
    }
    assert_eq!(named.len(), faulty.bad.len(), "nothing else is a problem: {problems:#?}");
    let loaded: Vec<String> =
        corpus.documents.iter().map(|document| document.path.strip_prefix(&faulty.corpus).unwrap().display().to_string()).collect();
    for good in &faulty.good {
        assert!(loaded.contains(&good.to_string()), "{good} loaded: {loaded:?}");
    }
    // Broken front matter and a bad date are read as text all the same; the rest is not loaded.
    for partial in ["broken-yaml.md", "broken-toml.md", "bad-date.md"] {
        assert!(loaded.contains(&partial.to_string()), "{partial} still loads as plain text");
    }
    if !faulty.permissions_enforced {
        eprintln!("running as root: chmod 000 does not stop reads, so unreadable.md loads and only that is checked");
        assert!(loaded.contains(&"unreadable.md".to_string()));
    }
    assert!(corpus.documents.iter().all(|document| !document.text.contains("Xi Jinping")), "no link out of the corpus followed");
    assert_eq!(loaded.len(), faulty.good.len() + 3 + usize::from(!faulty.permissions_enforced), "{loaded:?}");
    let message = |name: &str| &problems[named.iter().position(|n| n == name).unwrap()].message;
    assert!(message("latin1.txt").contains("UTF-8"));
    assert!(message("binary.md").contains("binary"));
    assert!(message("huge.txt").contains("larger than"));
    assert!(message("pipe.md").contains("not a regular file"));
    assert!(message("empty.md").contains("empty"));
    assert!(message("outside-link.md").contains("outside"));
    assert!(message("broken-yaml.md").contains("front matter"));
    assert_eq!(snapshot(&faulty.root), before, "the loader wrote nothing");
}

#[test]
fn a_link_out_of_one_corpus_folder_into_another_is_followed() {
    let faulty = faulty_corpus();
    let outside = faulty.root.join("outside");
    let (corpus, problems) = Corpus::load(&[faulty.corpus.clone(), outside]);
    let named = names(&problems, &faulty.corpus);
    assert!(!named.iter().any(|name| name.starts_with("outside")), "{named:?}");
    let secrets = corpus.documents.iter().filter(|document| document.text.contains("Xi Jinping")).count();
    assert_eq!(secrets, 1, "the other folder's article, once");
}

#[test]
fn files_deleted_or_replaced_while_loading_are_named_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().canonicalize().unwrap();
    for index in 0..6 {
        fs::write(corpus.join(format!("{index}.md")), GOOD).unwrap();
    }
    let mut injected = 0;
    let (loaded, problems) = Corpus::load_with(std::slice::from_ref(&corpus), |path| {
        match path.file_name().and_then(|name| name.to_str()) {
            Some("1.md") => fs::remove_file(path).unwrap(),
            Some("3.md") => {
                fs::remove_file(path).unwrap();
                mkfifo(path);
            }
            Some("4.md") => fs::write(path, b"\xff\xfe now binary \x00").unwrap(),
            _ => return,
        }
        injected += 1;
    });
    assert_eq!(injected, 3);
    let named = names(&problems, &corpus);
    assert_eq!(named, vec!["1.md", "3.md", "4.md"], "{problems:#?}");
    assert!(problems[0].message.contains("cannot read"), "{}", problems[0].message);
    assert_eq!(loaded.documents.len(), 3);
}

#[test]
fn the_cli_names_each_fault_once_on_stderr_and_checks_with_the_rest() {
    let faulty = faulty_corpus();
    let draft = faulty.root.join("draft.md");
    fs::write(&draft, "---\npublished: 2025-10-28\n---\nChoe Son-hui met Vladimir Putin in Moscow on Oct. 28.\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_factline"))
        .args(["check", "--corpus", &faulty.corpus.display().to_string(), &draft.display().to_string()])
        .current_dir(&faulty.root)
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    for bad in &faulty.bad {
        let path = faulty.corpus.join(bad).display().to_string();
        assert_eq!(stderr.matches(&format!("{path}:")).count(), 1, "{bad} named once:\n{stderr}");
    }
    assert_eq!(output.status.code(), Some(1), "the good articles loaded and found the conflict:\n{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("date-conflict"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_shows_the_faults_once_logs_each_and_writes_nothing() {
    let faulty = faulty_corpus();
    let before = snapshot(&faulty.root);
    let (mut client, server) = lsp_support::in_process();
    let options = json!({"factline": {"corpus": [faulty.corpus.display().to_string()]}});
    client.initialize(&faulty.root, lsp_support::capabilities(false), options).await;
    let shown = client
        .wait_for_notification("window/showMessage", |params| params["message"].as_str().unwrap_or("").contains("corpus problems"))
        .await;
    let message = shown["message"].as_str().unwrap();
    assert!(message.contains(&format!("…and {} more", faulty.bad.len() - 5)), "{message}");
    let summary = client.call("workspace/executeCommand", json!({"command": "factline.reloadCorpus"})).await;
    let loaded = faulty.good.len() + 3 + usize::from(!faulty.permissions_enforced);
    assert_eq!(summary["articles"], json!(loaded), "{summary}");
    assert_eq!(summary["problems"], json!(faulty.bad.len()), "{summary}");

    // A draft is checked against what loaded.
    let uri = lsp_support::file_uri(&faulty.root.join("draft.md"));
    client.open(&uri, "---\npublished: 2025-10-28\n---\nChoe Son-hui met Vladimir Putin in Moscow on Oct. 28.\n", 1).await;
    client.wait_for_diagnostics(&uri, |list| lsp_support::with_code(list, "date-conflict").is_some()).await;
    client.shutdown_and_exit().await;
    assert_eq!(server.await.unwrap(), 0);

    // Two loads (start-up and the command): each problem logged once per load.
    let log = client.log.lock().unwrap().clone();
    let logged: Vec<&str> = log
        .iter()
        .filter(|message| message["method"] == json!("window/logMessage"))
        .filter_map(|message| message["params"]["message"].as_str())
        .collect();
    for bad in &faulty.bad {
        let path = faulty.corpus.join(bad).display().to_string();
        let count = logged.iter().filter(|line| line.contains(&format!("{path}:"))).count();
        assert_eq!(count, 2, "{bad} logged once per load: {logged:#?}");
    }
    let shown = log.iter().filter(|message| message["method"] == json!("window/showMessage")).count();
    assert_eq!(shown, 2, "one message per load");
    assert_eq!(snapshot(&faulty.root), before, "the server wrote nothing to the corpus");
}
