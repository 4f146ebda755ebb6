//! `factline-gen`: writes a synthetic corpus or draft for benchmarks (see `BENCHMARKS.md`).
//!
//! ```sh
//! factline-gen corpus --articles 10000 --out target/corpus-10k   # deterministic for a seed
//! factline-gen draft --words 2000 --out target/draft-2000.md
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use factline::synth::{World, write_corpus};

#[derive(Parser)]
#[command(name = "factline-gen", about = "Generate a synthetic news corpus or draft (benchmarks)")]
struct Cli {
    /// The world's seed: the same seed writes the same files.
    #[arg(long, default_value_t = 42, global = true)]
    seed: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Articles 0..N; a smaller corpus of the same seed is a prefix of a larger one.
    Corpus {
        #[arg(long)]
        articles: usize,
        #[arg(long)]
        out: PathBuf,
    },
    /// A Markdown draft on the world's first events, with a few planted errors.
    Draft {
        #[arg(long, default_value_t = 2000)]
        words: usize,
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let world = World::new(cli.seed);
    let result = match cli.command {
        Command::Corpus { articles, out } => {
            if out.exists() {
                // Never mix two generations in one folder.
                if let Err(error) = std::fs::remove_dir_all(&out) {
                    eprintln!("factline-gen: cannot clear {}: {error}", out.display());
                    return ExitCode::from(2);
                }
            }
            write_corpus(&world, articles, &out).map(|bytes| {
                eprintln!("factline-gen: {articles} articles, {:.1} MB in {}", bytes as f64 / 1e6, out.display());
            })
        }
        Command::Draft { words, out } => {
            let text = world.draft(words);
            std::fs::write(&out, &text).map(|()| {
                eprintln!("factline-gen: draft of {} words in {}", text.split_whitespace().count(), out.display());
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("factline-gen: {error}");
            ExitCode::from(1)
        }
    }
}
