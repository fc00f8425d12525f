//! Incremental parsing (`analyzer::Reparser`, kept by the worker across keystrokes) gives
//! the same tree and the same analysis as a fresh parse, edit after edit.
//!
//! Sources: every fixture file, and (when Debian's golang-1.22-src is installed) every 151st
//! file of the Go 1.22 std tree. Each gets a deterministic sequence of edits like a
//! person's: single characters typed or deleted, a line split or joined, a brace or quote
//! that breaks the syntax for a while, a block pasted and then undone, and the whole text
//! replaced. After every edit the incremental tree's S-expression and the analysis (as JSON)
//! must equal those of a fresh parse of the same text.

mod support;

use gocompat::analyzer::{self, Reparser};
use gocompat::{Context, GoVersion};
use std::path::{Path, PathBuf};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TYPED: &[&str] =
    &["x", " ", "\n", "\t", "{", "}", "(", ")", "\"", "`", "/", "*", "for ", "go ", "中", ":=", "range 10", "&"];

fn edit(text: &str, rng: &mut Rng) -> String {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut out = text.to_string();
    match rng.below(10) {
        0..=4 => out.insert_str(at, TYPED[rng.below(TYPED.len())]),
        5..=7 => {
            let mut end = (at + 1 + rng.below(3)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            out.replace_range(at..end, "");
        }
        8 => out.insert_str(at, "\nfunc pasted() {\n\tfor i := 0; i < 3; i++ {\n\t\tgo func() { _ = i }()\n\t}\n}\n"),
        _ => out = format!("\u{feff}{}", text.trim_start_matches('\u{feff}')),
    }
    out
}

fn sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    files.extend(support::corpus::go_files(&fixtures));
    let std = Path::new(support::corpus::ROOT);
    if std.is_dir() {
        files.extend(support::corpus::go_files(std).into_iter().step_by(151));
    } else {
        eprintln!("incremental_parse: {} absent; fixtures only", std.display());
    }
    files
}

#[test]
fn incremental_parse_equals_fresh_parse_edit_after_edit() {
    let ctx = Context { from: GoVersion::parse("1.21").ok(), to: GoVersion::parse("1.22").ok(), ..Default::default() };
    let (mut files, mut edits) = (0, 0);
    for path in sources() {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        if text.len() > 200_000 {
            continue;
        }
        files += 1;
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ text.len() as u64);
        let mut reparser = Reparser::new();
        let mut cur = text.clone();
        for step in 0..12 {
            cur = match step {
                11 => text.clone(),  // back to the original in one step (an undo of everything)
                10 => String::new(), // select all, delete
                _ => edit(&cur, &mut rng),
            };
            let fresh = analyzer::parse(&cur);
            let inc = reparser.parse(&cur);
            assert_eq!(
                inc.root_node().to_sexp(),
                fresh.root_node().to_sexp(),
                "{}: tree after edit {step} differs",
                path.display()
            );
            if step % 3 == 0 {
                let a = serde_json::to_string(&gocompat::analyze(&cur, &ctx)).unwrap();
                let b = serde_json::to_string(&analyzer::analyze_with(&cur, &ctx, &mut reparser)).unwrap();
                assert_eq!(a, b, "{}: analysis after edit {step} differs", path.display());
            }
            edits += 1;
        }
    }
    eprintln!("incremental_parse: {files} files, {edits} edits: incremental trees and analyses equal fresh ones");
    assert!(files >= 40, "too few sources: {files}");
}
