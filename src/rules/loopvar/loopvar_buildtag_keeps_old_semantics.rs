use super::common::whole_line;
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::span::Span;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds a `//go:build` line that pins the file below go1.22 (`//go:build go1.21`,
    /// `//go:build linux && go1.20`, `//go:build go1.18 || go1.22`) in a module whose go
    /// line is go1.22 or later, when the file has loops declaring variables with `:=`.
    ///
    /// ## Why
    /// The language version of a file is the module's go line adjusted by its build line:
    /// a Go 1.22 toolchain honours the older version (the module says go1.21 or later), and
    /// Go 1.23+ toolchains use max(build-line version, go1.21). Either way the file keeps
    /// the old loop semantics — one variable per loop — although go.mod says go1.22+.
    /// Features such as range over int are compile errors in that file too.
    ///
    /// ## How to fix
    /// Drop the version term, or raise it to `go1.22`, once toolchains older than the
    /// module's go line need not be supported (they cannot build the module anyway).
    ///
    /// ## Example
    /// ```go bad
    /// //go:build go1.21
    ///
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// func squares(n int) []*int {
    ///     var out []*int
    ///     for i := 0; i < n; i++ {
    ///         v := i * i
    ///         out = append(out, &v)
    ///     }
    ///     return out
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22 also=range-over-int-modernize
    /// package main
    ///
    /// func squares(n int) []*int {
    ///     var out []*int
    ///     for i := 0; i < n; i++ {
    ///         v := i * i
    ///         out = append(out, &v)
    ///     }
    ///     return out
    /// }
    /// ```
    pub static RULE = {
        id: "loopvar-buildtag-keeps-old-semantics",
        title: "`//go:build` line pins a file below go1.22 inside a go1.22+ module",
        family: "loopvar",
        severity: Severity::BehaviorChange,
        versions: "MV >= 1.22 and FV < 1.22",
        sources: &["https://go.dev/blog/loopvar-preview", "https://go.dev/doc/go1.22#language"],
        kinds: &["range_clause", "for_clause"],
        check_node: Some(check),
        // It reports once per file, at the build line: at the file's first declaring loop.
        applies: Some(|c| c.facts.build_line.is_some()),
    }
}

/// Whether the loop header `n` (a `range_clause` or `for_clause`) declares with `:=`.
fn declares(n: Node) -> bool {
    if n.kind_str() == "range_clause" {
        let mut cur = n.walk();
        let found = n.children(&mut cur).any(|k| k.kind_str() == ":=");
        found
    } else {
        n.field("initializer").is_some_and(|i| i.kind_str() == "short_var_declaration")
    }
}

/// Called by the driver's walk for every loop header: the first header declaring with `:=`
/// in a pinned file yields the finding (once per file). No walk of its own.
fn check(c: &mut Checker, node: Node) {
    let v = c.versions;
    let pinned_from = v.from.version.at_least(22) && !v.file_from.version.at_least(22);
    let pinned_to = v.to.version.at_least(22) && !v.file_to.version.at_least(22);
    if !pinned_from && !pinned_to {
        return;
    }
    let Some(b) = c.facts.build_line.clone() else { return };
    if !declares(node) || c.reported_by_rule() {
        return;
    }
    let (module, file) = if pinned_to { (&v.to, &v.file_to) } else { (&v.from, &v.file_from) };
    let line_end = c.src[b.offset..].find('\n').map(|i| b.offset + i).unwrap_or(c.src.len());
    let span = Span::new(b.offset, line_end);
    let text = c.src[b.offset..line_end].trim_end();
    let message = format!(
        "`{text}` keeps this file at {} although the module's go line is {}: its loops declare one variable per loop (pre-go1.22 semantics), not one per iteration",
        file.version.language(),
        module.version.language()
    );
    let explanation = format!(
        "A file's language version is the module's go line adjusted by its `//go:build` line (types2: a Go 1.22 toolchain honours an older build-line version when the module says go1.21 or later; Go 1.23+ use max(build-line version, go1.21)). This file is at {}, so closures and pointers in its loops share one variable per loop, and go1.22 language features are compile errors here. Drop the version term or raise it to go1.22.",
        file.describe()
    );
    let describe = |fv: &crate::analyzer::Sourced| {
        if fv.version.at_least(22) {
            "each loop iteration has its own variables".to_string()
        } else {
            format!("file version {}: one variable per loop (old semantics)", fv.version.language())
        }
    };
    let sides = c.file_sides(describe(&v.file_from), describe(&v.file_to));
    let mut d = c.diagnostic(span, message, explanation);
    d.sides = sides;
    let single_term = b.expr.trim().strip_prefix("go1.").is_some_and(|n| n.parse::<u32>().is_ok_and(|n| n < 22));
    if single_term {
        if let Some(line) = whole_line(c.src, span) {
            let end = if c.src[line.end..].starts_with('\n') { line.end + 1 } else { line.end };
            d.fix = Some(Fix::unsafe_(
                format!("Delete `{text}`"),
                "the loops of this file get per-iteration variables (go1.22 semantics); toolchains able to build the module satisfy the constraint anyway",
                vec![TextEdit::delete(Span::new(line.start, end))],
            ));
        }
    }
    c.report(d);
}
