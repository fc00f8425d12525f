//! Shared by the native tests: the `// gocompat:` header that sets an example's versions,
//! and `// want: rule-id` expectations written in the code itself.
#![allow(dead_code)]

pub mod corpus;
pub mod gotool;

use gocompat::{Context, GoVersion};
use std::collections::BTreeMap;

/// Reads `// gocompat: from=1.21 to=1.22 toolchain=1.23 gomod="go 1.21" file=x_test.go also=rule-a,rule-b`
/// lines anywhere in the text. `gomod` values may use `\n`.
pub fn header(src: &str) -> (Context, Vec<String>) {
    let mut ctx = Context::default();
    let mut also = Vec::new();
    for line in src.lines() {
        let Some(rest) = line.trim().strip_prefix("// gocompat:") else { continue };
        for (k, v) in pairs(rest) {
            let ver = || GoVersion::parse(&v).unwrap_or_else(|e| panic!("header {k}: {e}"));
            match k.as_str() {
                "from" => ctx.from = Some(ver()),
                "to" => ctx.to = Some(ver()),
                "toolchain" => ctx.toolchain = Some(ver()),
                "gomod" => ctx.go_mod = Some(v.replace("\\n", "\n")),
                "file" => ctx.file_name = Some(v),
                "also" => also.extend(v.split(',').map(|s| s.trim().to_string())),
                other => panic!("unknown gocompat header key {other:?} in {line:?}"),
            }
        }
    }
    (ctx, also)
}

fn pairs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let Some((k, after)) = rest.split_once('=') else { panic!("bad header {s:?}") };
        let (v, tail) = if let Some(q) = after.strip_prefix('"') {
            let end = q.find('"').unwrap_or_else(|| panic!("unterminated quote in {s:?}"));
            (q[..end].to_string(), &q[end + 1..])
        } else {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            (after[..end].to_string(), &after[end..])
        };
        out.push((k.trim().to_string(), v));
        rest = tail.trim_start();
    }
    out
}

/// `(line, rule) -> count` from `// want: a, b` comments (1-based lines). A
/// `// want-below: a` comment expects the findings on the next line instead (for lines that
/// cannot carry a trailing comment, such as `//go:debug` directives).
pub fn wants(src: &str) -> BTreeMap<(u32, String), usize> {
    let mut m = BTreeMap::new();
    for (i, line) in src.lines().enumerate() {
        let (idx, skip, target) = if let Some(idx) = line.find("// want: ") {
            (idx, 9, i as u32 + 1)
        } else if let Some(idx) = line.find("// want-below: ") {
            (idx, 15, i as u32 + 2)
        } else {
            continue;
        };
        for r in line[idx + skip..].split(',') {
            let r = r.trim();
            if !r.is_empty() {
                *m.entry((target, r.to_string())).or_insert(0) += 1;
            }
        }
    }
    m
}

/// `(line, rule) -> count` of what the analyzer reported.
pub fn found(src: &str, a: &gocompat::Analysis) -> BTreeMap<(u32, String), usize> {
    let li = gocompat::LineIndex::new(src);
    let mut m = BTreeMap::new();
    for d in &a.diagnostics {
        *m.entry((li.position(src, d.span.start).line, d.rule.clone())).or_insert(0) += 1;
    }
    m
}

/// Number of syntax-error nodes in a parse of `src`.
pub fn syntax_errors(src: &str) -> usize {
    let a = gocompat::analyze(src, &Context::default());
    a.diagnostics.iter().filter(|d| d.rule == "syntax-error").count()
}

/// Node for node (kinds, ranges, missing and error nodes, fields): `to_sexp` has no ranges.
pub fn same_tree(a: &tree_sitter::Tree, b: &tree_sitter::Tree) -> bool {
    let (mut x, mut y) = (a.walk(), b.walk());
    loop {
        let (n, m) = (x.node(), y.node());
        if n.kind_id() != m.kind_id()
            || n.byte_range() != m.byte_range()
            || n.is_missing() != m.is_missing()
            || x.field_id() != y.field_id()
            || n.child_count() != m.child_count()
        {
            return false;
        }
        if x.goto_first_child() && y.goto_first_child() {
            continue;
        }
        loop {
            if x.goto_next_sibling() && y.goto_next_sibling() {
                break;
            }
            if !(x.goto_parent() && y.goto_parent()) {
                return true;
            }
        }
    }
}
