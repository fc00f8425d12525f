use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;

/// Cap on reported syntax errors: after a few, the rest are usually consequences.
const MAX_REPORTED: usize = 20;

declare_rule! {
    /// ## What it does
    /// Reports code that does not parse as Go (tree-sitter-go's `ERROR` and missing nodes).
    ///
    /// ## Why
    /// Other rules only see the parts of the file that parse. The Go compiler reports the
    /// same places as syntax errors in every version.
    ///
    /// ## How to fix
    /// Correct the code at the reported place (`gofmt` and `go build` print the Go
    /// parser's own message for it); the other rules then see the whole file.
    ///
    /// ## Example
    /// ```go bad
    /// package main
    ///
    /// func main() {
    ///     x := (1 +
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// package main
    ///
    /// func main() {
    ///     x := (1 + 2)
    ///     _ = x
    /// }
    /// ```
    pub static RULE = {
        id: "syntax-error",
        title: "Syntax error",
        family: "syntax",
        severity: Severity::Error,
        versions: "any",
        sources: &["https://go.dev/ref/spec"],
        check_file: Some(check),
    }
}

fn check(c: &mut Checker) {
    // The Go compiler rejects a NUL byte anywhere in a file, comments and strings included
    // (cmd/compile/internal/syntax/source.go: "invalid NUL character"); tree-sitter-go
    // may parse around it without an ERROR node. One finding per line that has one.
    let nul_lines = report_nul_bytes(c);
    let mut reported = nul_lines.len();
    let root = c.tree.root_node();
    if !root.has_error() {
        return;
    }
    let mut cursor = root.walk();
    'walk: loop {
        let node = cursor.node();
        let mut descend = node.has_error();
        if (node.is_error() || node.is_missing())
            && !nul_lines.iter().any(|&(a, b)| (a..=b).contains(&node.start_byte()))
        {
            // (tree-sitter's errors on a line with a NUL byte are consequences of it.)
            descend = false;
            if reported == MAX_REPORTED {
                let d = c.diagnostic(
                    Checker::span(node),
                    format!("more than {MAX_REPORTED} syntax errors; the rest are not listed"),
                    "Fix the first errors: later ones are often consequences of them.",
                );
                c.report(d);
                break;
            }
            reported += 1;
            let (message, span) = if node.is_missing() {
                (format!("syntax error: missing {}", node.kind_str()), Checker::span(node))
            } else {
                let text = c.text(node);
                let first: String = text.chars().take(40).collect();
                let shown = if first.len() < text.len() { format!("{first}…") } else { first };
                (format!("syntax error: unexpected {}", shown.trim().escape_debug()), Checker::span(node))
            };
            let d = c.diagnostic(
                span,
                message,
                "This code does not parse as Go, so the compiler rejects it under every Go version. Rules cannot see inside it.",
            );
            c.report(d);
        }
        if descend && cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                continue 'walk;
            }
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
}

/// Reports the first NUL byte of each line (at most [`MAX_REPORTED`]); returns the byte
/// ranges of those lines.
fn report_nul_bytes(c: &mut Checker) -> Vec<(usize, usize)> {
    let bytes = c.src.as_bytes();
    let mut lines = Vec::new();
    if !bytes.contains(&0) {
        return lines; // (the usual case, answered by a fast search instead of the loop below)
    }
    let mut from = 0;
    while let Some(off) = bytes[from..].iter().position(|&b| b == 0) {
        let at = from + off;
        if lines.len() == MAX_REPORTED {
            break;
        }
        let line_start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line_end = bytes[at..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| at + i);
        lines.push((line_start, line_end));
        let d = c.diagnostic(
            crate::Span::new(at, at + 1),
            "invalid NUL character".to_string(),
            "The Go compiler rejects a NUL byte anywhere in a source file, even in a comment or a string literal, under every Go version. Delete it (a string that needs one can say \\x00).",
        );
        c.report(d);
        from = line_end + 1;
        if from >= bytes.len() {
            break;
        }
    }
    lines
}
