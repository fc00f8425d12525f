use super::common::toolchain_sides;
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::span::Span;
use std::sync::LazyLock;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds "pull" `//go:linkname local target` directives whose target is a standard-library
    /// symbol that Go 1.23 does not open to linkname: the file declares `func local(…)` without
    /// a body, so the symbol is taken from the standard library. (Variables and functions
    /// declared elsewhere are left alone: whether they pull or push is not visible.)
    ///
    /// ## Why
    /// From Go 1.23 "the linker now disallows using a //go:linkname directive to refer to
    /// internal symbols in the standard library (including the runtime) that are not marked with
    /// //go:linkname on their definitions". The build fails with
    /// `link: main: invalid reference to runtime.gcount`, whatever the go line says. Symbols
    /// widely used this way (`runtime.nanotime`, `runtime.fastrand`, …) are marked and still link;
    /// the list used here was generated from the Go 1.23 sources.
    ///
    /// ## How to fix
    /// Use a public API. As a stopgap, build with `-ldflags=-checklinkname=0`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.23
    /// package main
    ///
    /// import _ "unsafe"
    ///
    /// //go:linkname gcount runtime.gcount
    /// func gcount() int32
    ///
    /// func main() { println(gcount()) }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.23
    /// package main
    ///
    /// import "runtime"
    ///
    /// func main() { println(runtime.NumGoroutine()) }
    /// ```
    pub static RULE = {
        id: "linkname-to-std-internal",
        title: "`//go:linkname` to standard-library internals fails to link from Go 1.23",
        family: "runtime",
        severity: Severity::Error,
        versions: "TC >= 1.23",
        sources: &["https://go.dev/doc/go1.23#linker", "https://github.com/golang/go/issues/67401"],
        kinds: &["comment"],
        check_node: Some(check),        // Reports at the comment; the declaration it looks for is a body-less top-level
        // function, whose whole text is in every function's view.
        local: true,
    }
}

static ALLOWED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&str> = include_str!("../../../data/linkname-go123-allowed.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    v.sort_unstable();
    v
});

/// Top-level directories of the standard library (import paths without a dot).
const STD_ROOTS: &[&str] = &[
    "archive",
    "bufio",
    "bytes",
    "cmp",
    "compress",
    "container",
    "context",
    "crypto",
    "database",
    "debug",
    "embed",
    "encoding",
    "errors",
    "expvar",
    "flag",
    "fmt",
    "go",
    "hash",
    "html",
    "image",
    "index",
    "internal",
    "io",
    "iter",
    "log",
    "maps",
    "math",
    "mime",
    "net",
    "os",
    "path",
    "plugin",
    "reflect",
    "regexp",
    "runtime",
    "slices",
    "sort",
    "strconv",
    "strings",
    "structs",
    "sync",
    "syscall",
    "testing",
    "text",
    "time",
    "unicode",
    "unique",
    "unsafe",
    "weak",
];

// Verified with go1.23.5 and go1.22.12 (`go build`): pulling runtime.gcount fails on 1.23 with
// `link: main: invalid reference to runtime.gcount` and links on 1.22; runtime.nanotime,
// runtime.fastrand and sync.runtime_Semacquire (all in the generated list) still link on 1.23.
fn check(c: &mut Checker, comment: Node) {
    let text = c.text(comment);
    let Some(rest) = text.strip_prefix("//go:linkname") else { return };
    if !rest.starts_with([' ', '\t']) {
        return;
    }
    let mut fields = rest.split_whitespace();
    let (Some(local), Some(target), None) = (fields.next(), fields.next(), fields.next()) else { return };
    // Split the target into import path and symbol: the first '.' after the last '/'.
    let slash = target.rfind('/').map(|i| i + 1).unwrap_or(0);
    let Some(dot) = target[slash..].find('.').map(|i| i + slash) else { return };
    let path = &target[..dot];
    let root = path.split('/').next().unwrap_or(path);
    if !STD_ROOTS.contains(&root) || path == "unsafe" {
        return;
    }
    if ALLOWED.binary_search(&target).is_ok() {
        return;
    }
    if !declared_without_body(c, local) {
        return; // a "push" (this file provides the symbol), a variable, or not declared here
    }
    if !c.versions.toolchain.version.at_least(23) {
        return;
    }
    // The linker names the referring package by its import path, which a single file does not
    // show: quote it exactly for package main only.
    let message = match c.facts.package_name.as_deref() {
        Some("main") | None => format!("link: main: invalid reference to {target}"),
        Some(p) => format!("invalid reference to {target}: Go 1.23+ link error for package {p}"),
    };
    let explanation = format!(
        "From Go 1.23 the linker refuses //go:linkname references to standard-library symbols that are not marked for linkname on their definition; {target} is not among the symbols Go 1.23 opens (a list generated from the Go 1.23 sources), so the program no longer links, whatever the go line says. Use a public API (for example runtime.NumGoroutine, time.Now); as a stopgap, build with -ldflags=-checklinkname=0."
    );
    let start = comment.start_byte();
    let mut d = c.diagnostic(Span::new(start, start + text.trim_end().len()), message, explanation);
    d.sides = toolchain_sides(c, 23, "links", "link error: invalid reference");
    c.report(d);
}

/// Whether this file declares `func local(...)` without a body: a "pull" of the target.
fn declared_without_body(c: &Checker, local: &str) -> bool {
    let needle = format!("func {local}(");
    let root = c.tree.root_node();
    c.src.match_indices(&needle).any(|(i, _)| {
        root.descendant_for_byte_range(i, i + 4)
            .and_then(|n| if n.kind_str() == "function_declaration" { Some(n) } else { n.parent() })
            .is_some_and(|f| f.kind_str() == "function_declaration" && f.field("body").is_none())
    })
}
