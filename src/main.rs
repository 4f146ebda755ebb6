//! The `factline` binary: `check`, `corpus` and `lsp`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use factline::{Engine, Severity, cli};

#[derive(Parser)]
#[command(name = "factline", version, about = "Fact-check news drafts against a corpus of sourced articles")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
}

#[derive(Subcommand)]
enum CacheAction {
    /// Print the cache folder.
    Dir,
    /// Delete every cache file, naming each.
    Clear,
}

#[derive(Subcommand)]
enum Command {
    /// Check drafts against the corpus. Exit 0: clean; 1: findings at warning or above; 2: usage or corpus error.
    Check {
        /// Corpus folder (repeatable). Default: the user config's `corpus`, else the workspace's
        /// (factline.toml, else its corpus/ folder, found from the draft's folder upward), else
        /// the sample built in.
        #[arg(long = "corpus", value_name = "DIR")]
        corpus: Vec<PathBuf>,
        /// Say on stderr which corpus is used.
        #[arg(long, short)]
        verbose: bool,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Settings file. Default: the workspace's factline.toml, found from the draft's folder upward.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Drafts to check; `-` reads one from standard input (named `<stdin>` in the output).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print which corpus is used and what was learned from it.
    Corpus {
        #[arg(long = "corpus", value_name = "DIR")]
        corpus: Vec<PathBuf>,
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Show what factline reads in a draft: dates, people, events, counts.
    Annotate {
        #[arg(long = "corpus", value_name = "DIR")]
        corpus: Vec<PathBuf>,
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Say on stderr which corpus is used.
        #[arg(long, short)]
        verbose: bool,
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// The index cache the language server keeps between starts.
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
    /// Run the language server on stdin/stdout.
    Lsp {
        /// Log filter for stderr, e.g. `info` or `factline=debug`. Warnings and errors by
        /// default: editors log a server's stderr as errors (Neovim writes every line as
        /// `[ERROR]`), and what a user needs to know reaches them as LSP messages.
        #[arg(long, default_value = "warn")]
        log_level: String,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { 2 } else { 0 };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Lsp { log_level } => {
            let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
                Ok(runtime) => runtime,
                Err(error) => {
                    eprintln!("factline: cannot start the async runtime: {error}");
                    return ExitCode::from(2);
                }
            };
            let result = runtime.block_on(factline::server::run_stdio(factline::server::ServerOptions { log_level }));
            // A corpus load or a check may still be running on a worker thread: do not wait for it.
            runtime.shutdown_timeout(std::time::Duration::from_millis(200));
            match result {
                Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
                Err(error) => {
                    eprintln!("factline lsp: {error:#}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Check { corpus, verbose, format, config, files } => {
            let start = files.first().map(|file| draft_folder(file));
            let Some(engine) = load_engine(&corpus, config.as_deref(), start.as_deref(), verbose) else { return ExitCode::from(2) };
            check(&engine, format, &files)
        }
        Command::Corpus { corpus, config } => report(&corpus, config.as_deref()),
        Command::Annotate { corpus, config, verbose, file } => {
            let Some(engine) = load_engine(&corpus, config.as_deref(), Some(&draft_folder(&file)), verbose) else {
                return ExitCode::from(2);
            };
            annotate(&engine, &file)
        }
        Command::Cache { action } => cache(action),
    }
}

/// The folder a draft's corpus is looked for from.
fn draft_folder(file: &std::path::Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn cache(action: CacheAction) -> ExitCode {
    let cache = factline::cache::IndexCache::from_env();
    let Some(dir) = cache.dir() else {
        eprintln!("factline: the index cache is off (FACTLINE_CACHE_DIR={:?})", std::env::var("FACTLINE_CACHE_DIR").unwrap_or_default());
        return ExitCode::SUCCESS;
    };
    match action {
        CacheAction::Dir => {
            println!("{}", dir.display());
            ExitCode::SUCCESS
        }
        CacheAction::Clear => match cache.clear() {
            Ok(removed) => {
                for (path, bytes) in &removed {
                    println!("removed {} ({bytes} bytes)", path.display());
                }
                let total: u64 = removed.iter().map(|(_, bytes)| bytes).sum();
                println!("{} file(s), {total} bytes removed from {}", removed.len(), dir.display());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("factline: {error}");
                ExitCode::from(2)
            }
        },
    }
}

/// Loads settings and corpus, printing every warning and load problem (and, when
/// `verbose`, which corpus is used); `None` when nothing usable loaded.
fn load_engine(corpus: &[PathBuf], config: Option<&std::path::Path>, start: Option<&std::path::Path>, verbose: bool) -> Option<Engine> {
    let (engine, choice) = load_with_choice(corpus, config, start)?;
    if verbose {
        eprintln!("factline: {}", choice.describe(engine.corpus().documents.len()));
    }
    Some(engine)
}

fn load_with_choice(
    corpus: &[PathBuf],
    config: Option<&std::path::Path>,
    start: Option<&std::path::Path>,
) -> Option<(Engine, factline::workspace::CorpusChoice)> {
    let setup = match cli::setup(corpus, config, start) {
        Ok(setup) => setup,
        Err(error) => {
            eprintln!("factline: {}", cli::escape_for_terminal(&error));
            return None;
        }
    };
    for warning in &setup.warnings {
        eprintln!("factline: warning: {}", cli::escape_for_terminal(warning));
    }
    let roots = setup.config.corpus.clone();
    let (engine, problems) = Engine::load_or_sample(&roots, setup.config);
    for problem in &problems {
        eprintln!("factline: warning: {}", cli::escape_for_terminal(&problem.to_string()));
    }
    if engine.corpus().documents.is_empty() {
        eprintln!(
            "factline: no readable articles in the corpus ({})",
            roots.iter().map(|r| cli::display_path(r)).collect::<Vec<_>>().join(", ")
        );
        return None;
    }
    Some((engine, setup.choice))
}

fn check(engine: &Engine, format: Format, files: &[PathBuf]) -> ExitCode {
    let mut results = Vec::new();
    let mut unreadable = false;
    let mut stdin_text: Option<String> = None;
    for file in files {
        let (name, read) = if file.as_os_str() == "-" {
            // Standard input is read once; a second `-` checks the same text again.
            let read = match &stdin_text {
                Some(text) => Ok(text.clone()),
                None => std::io::read_to_string(std::io::stdin()).inspect(|text| stdin_text = Some(text.clone())),
            };
            (PathBuf::from(cli::STDIN_NAME), read)
        } else {
            (file.clone(), std::fs::read_to_string(file))
        };
        match read {
            Ok(text) => {
                let report = engine.check(&name, &text);
                results.push((name, text, report.findings));
            }
            Err(error) => {
                eprintln!("factline: {}: cannot read: {error}", cli::display_path(&name));
                unreadable = true;
            }
        }
    }
    let output = match format {
        Format::Human => results.iter().map(|(path, text, findings)| cli::human(path, text, findings)).collect::<String>(),
        Format::Json => cli::json_output(&results),
        Format::Sarif => cli::sarif_output(&results),
    };
    print!("{output}");
    if matches!(format, Format::Human) {
        let count = |severity: Severity| results.iter().flat_map(|(_, _, f)| f).filter(|f| f.severity == severity).count();
        eprintln!(
            "{} error(s), {} warning(s), {} note(s) in {} file(s)",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Information),
            results.len()
        );
    }
    if unreadable {
        return ExitCode::from(2);
    }
    let loud = results.iter().flat_map(|(_, _, f)| f).any(|f| f.severity >= Severity::Warning);
    ExitCode::from(u8::from(loud))
}

fn report(corpus: &[PathBuf], config: Option<&std::path::Path>) -> ExitCode {
    let Some((engine, choice)) = load_with_choice(corpus, config, None) else { return ExitCode::from(2) };
    println!("_Corpus: {}._\n", cli::escape_for_terminal(&choice.describe(engine.corpus().documents.len())));
    print!("{}", cli::escape_lines_for_terminal(&engine.corpus_report()));
    ExitCode::SUCCESS
}

fn annotate(engine: &Engine, file: &std::path::Path) -> ExitCode {
    match std::fs::read_to_string(file) {
        Ok(text) => {
            print!("{}", cli::escape_lines_for_terminal(&engine.annotate(file, &text)));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("factline: {}: cannot read: {error}", cli::display_path(file));
            ExitCode::from(2)
        }
    }
}
