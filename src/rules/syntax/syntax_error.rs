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
    let root = c.tree.root_node();
    if !root.has_error() {
        return;
    }
    let mut reported = 0;
    let mut cursor = root.walk();
    'walk: loop {
        let node = cursor.node();
        let mut descend = node.has_error();
        if node.is_error() || node.is_missing() {
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
