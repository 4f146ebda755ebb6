//! Rebuilds when the sample corpus changes: `include_dir!` embeds `corpus/`, and without
//! this a file added to or removed from it would not be seen until the next clean build.

fn main() {
    println!("cargo::rerun-if-changed=corpus");
}
