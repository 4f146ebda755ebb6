//! The `factline` binary: `check`, `corpus` and `lsp`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
enum Command {
    /// Check drafts against the corpus. Exit 0: clean; 1: findings at warning or above; 2: usage or corpus error.
    Check {
        /// Corpus folder (repeatable). Default: factline.toml's `corpus`, else the shipped corpus.
        #[arg(long = "corpus", value_name = "DIR")]
        corpus: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Settings file. Default: ./factline.toml when present.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Drafts to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print what was learned from the corpus.
    Corpus {
        #[arg(long = "corpus", value_name = "DIR")]
        corpus: Vec<PathBuf>,
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Run the language server on stdin/stdout.
    Lsp {
        /// Log filter for stderr, e.g. `info` or `factline=debug`.
        #[arg(long, default_value = "info")]
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
        Command::Check { .. } | Command::Corpus { .. } => {
            eprintln!("factline: not built yet");
            ExitCode::from(2)
        }
    }
}
