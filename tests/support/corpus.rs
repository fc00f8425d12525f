//! The Go 1.22 standard library tree used as a corpus by `tests/std_corpus.rs` and
//! `benches/analyze.rs` (the bench includes this file with `#[path]`).

use std::path::{Path, PathBuf};

pub const ROOT: &str = "/usr/share/go-1.22/src";

/// Every `.go` file below `root` (testdata included), sorted.
pub fn go_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(p),
                Ok(t) if t.is_file() && p.extension().is_some_and(|x| x == "go") => out.push(p),
                _ => {}
            }
        }
    }
    out.sort();
    out
}
