//! `factline-gen`: writes a synthetic corpus or draft for benchmarks (see `BENCHMARKS.md`).
//! A development tool, kept as an example so that `cargo install` does not put it on the
//! user's `PATH`.
//!
//! ```sh
//! cargo run --release --example factline-gen -- corpus --articles 10000 --out target/corpus-10k   # deterministic for a seed
//! cargo run --release --example factline-gen -- draft --words 2000 --out target/draft-2000.md
//! ```
//!
//! (`cargo build --release --example factline-gen` leaves the binary in `target/release/examples/`.)

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
    /// A folder with one machine-written article of N dates (learning time per article).
    Dated {
        #[arg(long)]
        dates: usize,
        /// `sentences`: one paragraph of dated sentences; `list`: one sentence listing every
        /// date; `log`: one dated line per entry.
        #[arg(long, default_value = "sentences")]
        form: String,
        #[arg(long)]
        out: PathBuf,
    },
}

/// The body of an article of `dates` dates in one of the `Dated` forms.
fn dated_body(dates: usize, form: &str) -> Option<String> {
    const MONTHS: [&str; 12] = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
    let date = |n: usize| format!("{} {}, {}", MONTHS[n % 12], 1 + (n / 12) % 28, 1950 + (n / 336) % 70);
    let meeting = "Foreign Minister Anna Berg met President Kim Lee in Geneva";
    match form {
        "sentences" => Some((0..dates).map(|n| format!("On {}, {meeting}.", date(n))).collect::<Vec<_>>().join(" ")),
        "list" => Some(format!("{meeting} on {}.", (0..dates).map(date).collect::<Vec<_>>().join(", "))),
        // Numbered, or the loader would blank the lines repeated as page furniture.
        "log" => Some(
            (0..dates)
                .map(|n| format!("On {}, Foreign Minister Anna Berg met Kim Lee (item {n}).", date(n)))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        _ => None,
    }
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
        Command::Dated { dates, form, out } => {
            let Some(body) = dated_body(dates, &form) else {
                eprintln!("factline-gen: --form is one of sentences, list, log");
                return ExitCode::from(2);
            };
            let text = format!("---\ntitle: Minutes\noutlet: Example Registry\npublished: 2025-10-28\n---\n\n{body}\n");
            std::fs::create_dir_all(&out).and_then(|()| std::fs::write(out.join("minutes.md"), &text)).map(|()| {
                eprintln!("factline-gen: {dates} dates ({form}), {:.1} MB in {}", text.len() as f64 / 1e6, out.display());
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
