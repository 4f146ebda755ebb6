//! Times the index cache's corpus key (`factline::cache::corpus_key`: every article read and
//! hashed) on a corpus folder, against a walk that only lists and `stat`s the same files
//! (what the key cost before it hashed contents). For `BENCHMARKS.md`:
//!
//! ```sh
//! cargo run --release --example cache_key -- target/bench-data/corpus-100000 [RUNS]
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

fn stat_walk(dir: &Path, files: &mut u64, bytes: &mut u64) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut children: Vec<PathBuf> = entries.filter_map(Result::ok).map(|entry| entry.path()).collect();
    children.sort();
    for child in children {
        let Ok(metadata) = std::fs::metadata(&child) else { continue };
        if metadata.is_dir() {
            stat_walk(&child, files, bytes);
        } else {
            *files += 1;
            *bytes += metadata.len();
        }
    }
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: cache_key DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let roots = vec![dir.clone()];
    let (mut files, mut bytes) = (0, 0);
    stat_walk(&dir, &mut files, &mut bytes);
    let mut walks = Vec::new();
    let mut keys = Vec::new();
    let mut key = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let (mut f, mut b) = (0, 0);
        stat_walk(&dir, &mut f, &mut b);
        walks.push(started.elapsed().as_secs_f64());
        let started = Instant::now();
        key = factline::cache::corpus_key(&roots);
        keys.push(started.elapsed().as_secs_f64());
    }
    let (walk, hashed) = (median(walks), median(keys));
    println!(
        "{}: {files} files, {:.0} MB; list+stat {:.0} ms; content key {:.0} ms ({:.0} MB/s); median of {runs}; key {key:032x}",
        dir.display(),
        bytes as f64 / 1e6,
        walk * 1e3,
        hashed * 1e3,
        bytes as f64 / 1e6 / hashed
    );
}
