//! The app's syntax colouring (`src/ui/highlight.rs`, a lexer: the app's wasm has no
//! tree-sitter) against the tree walk over tree-sitter-go it replaced
//! (`tests/support/ts_highlight.rs`), on every fixture and loopvar case: keywords, comments,
//! strings and runes, numbers, `true`/`false`/`nil`/`iota` and called builtins must get
//! exactly the same spans. The classes a lexer can only approximate (`tok-fn`, `tok-field`,
//! `tok-type`, `tok-pkg`) are documented in `src/ui/highlight.rs` and only counted here.

#[path = "../src/ui/highlight.rs"]
mod highlight;
#[path = "support/ts_highlight.rs"]
mod ts_highlight;

use highlight::Token;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const EXACT: &[&str] = &["tok-kw", "tok-comment", "tok-str", "tok-num", "tok-const", "tok-builtin"];

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            go_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "go") {
            out.push(p);
        }
    }
}

fn exact(tokens: &[Token]) -> BTreeSet<(usize, usize, &'static str)> {
    tokens.iter().filter(|t| EXACT.contains(&t.class)).map(|t| (t.start, t.end, t.class)).collect()
}

/// A syntax error makes tree-sitter's recovery classify tokens by guesswork (a keyword can
/// become part of an ERROR node); the comparison is only meaningful for files it parses.
fn parses_cleanly(src: &str) -> bool {
    !gocompat::analyzer::parse(src).root_node().has_error()
}

#[test]
fn lexer_agrees_with_tree_sitter_on_fixtures_and_loopvar_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    go_files(&root.join("tests/fixtures"), &mut files);
    go_files(&root.join("data/knowledge/loopvar-cases"), &mut files);
    files.sort();
    assert!(files.len() > 100, "expected the fixtures, found {}", files.len());
    let (mut compared, mut skipped, mut approx_same, mut approx_total) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        if src.len() > highlight::MAX_HIGHLIGHT_BYTES || !parses_cleanly(&src) {
            skipped += 1;
            continue;
        }
        compared += 1;
        let lex = highlight::tokens(&src);
        let ts = ts_highlight::tokens(&src);
        // Sorted and disjoint, inside the text, on char boundaries.
        for w in lex.windows(2) {
            assert!(w[0].end <= w[1].start, "{}: overlapping tokens {:?}", f.display(), w);
        }
        for t in &lex {
            assert!(t.start < t.end && src.is_char_boundary(t.start) && src.is_char_boundary(t.end), "{t:?}");
        }
        let (a, b) = (exact(&lex), exact(&ts));
        if a != b {
            let only_lex: Vec<_> = a.difference(&b).map(|&(s, e, c)| (c, &src[s..e])).take(5).collect();
            let only_ts: Vec<_> = b.difference(&a).map(|&(s, e, c)| (c, &src[s..e])).take(5).collect();
            failures.push(format!("{}: lexer only {only_lex:?}; tree-sitter only {only_ts:?}", f.display()));
        }
        let approx: BTreeSet<_> =
            ts.iter().filter(|t| !EXACT.contains(&t.class)).map(|t| (t.start, t.end, t.class)).collect();
        approx_total += approx.len();
        approx_same += lex.iter().filter(|t| approx.contains(&(t.start, t.end, t.class))).count();
    }
    println!(
        "{compared} files compared ({skipped} with syntax errors skipped); approximated classes: {approx_same}/{approx_total} tree-sitter tokens matched"
    );
    assert!(compared > 80, "only {compared} files parse cleanly");
    assert!(failures.is_empty(), "{} files differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn lexer_literals() {
    let src = "x := 0x1p-2 + 1_000.5e+3i + .5 + 'a' + '\\'' + \"a\\\"b\" + `raw\nline` // c\n/* b\n */ len(x) + s.len(1) + s.f";
    let got: Vec<(&str, &str)> = highlight::tokens(src).iter().map(|t| (&src[t.start..t.end], t.class)).collect();
    assert_eq!(
        got,
        vec![
            ("0x1p-2", "tok-num"),
            ("1_000.5e+3i", "tok-num"),
            (".5", "tok-num"),
            ("'a'", "tok-str"),
            ("'\\''", "tok-str"),
            ("\"a\\\"b\"", "tok-str"),
            ("`raw\nline`", "tok-str"),
            ("// c", "tok-comment"),
            ("/* b\n */", "tok-comment"),
            ("len", "tok-builtin"),
            ("len", "tok-fn"),
            ("1", "tok-num"),
            ("f", "tok-field"),
        ]
    );
    // Unterminated literals end at the line (or the input) and never panic.
    for s in ["\"abc", "'", "`abc", "/* x", "0x", "é\u{301}ident(", "x.", "..."] {
        let _ = highlight::tokens(s);
    }
}
