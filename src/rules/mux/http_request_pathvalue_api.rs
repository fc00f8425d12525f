use super::registrations::is_http_request;
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Severity, SideBehavior};
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds uses of `Request.PathValue` and `Request.SetPathValue` (Go 1.22) and of the
    /// `Request.Pattern` field (Go 1.23) on a value declared as `*http.Request`, when the
    /// file's Go version or the toolchain is older.
    ///
    /// ## Why
    /// A toolchain older than the API does not compile the call (`r.PathValue undefined
    /// (type *http.Request has no field or method PathValue)`). A newer toolchain compiles
    /// it, but `go vet` (stdversion, Go 1.23+) reports `http.PathValue requires go1.22 or
    /// later (module is go1.21)`, and with a go line below 1.22 the Go 1.21 ServeMux is
    /// used, so `PathValue` returns "" at run time.
    ///
    /// ## How to fix
    /// Raise the go.mod `go` line to 1.22 (1.23 for `Request.Pattern`), or parse
    /// `r.URL.Path` yourself.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.21 toolchain=1.22
    /// package main
    ///
    /// import "net/http"
    ///
    /// func item(w http.ResponseWriter, r *http.Request) {
    ///     w.Write([]byte(r.PathValue("id")))
    /// }
    ///
    /// func main() {}
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// import "net/http"
    ///
    /// func item(w http.ResponseWriter, r *http.Request) {
    ///     w.Write([]byte(r.PathValue("id")))
    /// }
    ///
    /// func main() {}
    /// ```
    pub static RULE = {
        id: "http-request-pathvalue-api",
        title: "`Request.PathValue` / `SetPathValue` (1.22), `Request.Pattern` (1.23)",
        family: "mux",
        severity: Severity::Error,
        versions: "FV < 1.22 or TC < 1.22 (Pattern: 1.23)",
        sources: &["https://go.dev/doc/go1.22#net/http", "https://pkg.go.dev/net/http#Request.PathValue", "https://go.dev/doc/go1.23#nethttppkgnethttp"],
        kinds: &["selector_expression"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'t>(c: &mut Checker<'t>, sel: Node<'t>) {
    // Cheap filter (runs for every selector in the file).
    let t = c.text(sel);
    if !(t.ends_with("PathValue") || t.ends_with("Pattern")) {
        return;
    }
    let Some(field) = sel.field("field").map(|n| c.text(n)) else { return };
    let need = match field {
        "PathValue" | "SetPathValue" => 22,
        "Pattern" => 23,
        _ => return,
    };
    let Some(operand) = sel.field("operand") else { return };
    // `Pattern` is a field: only as a value, not a call; the methods only when called.
    let called = sel.parent().is_some_and(|p| p.kind_str() == "call_expression" && p.field("function") == Some(sel));
    if (need == 22) != called {
        return;
    }
    if !is_http_request(c, operand) {
        return;
    }
    let tc = c.versions.toolchain.clone();
    let [from, to] = c.versions.file_sides().map(|s| s.clone());
    let tc_ok = tc.version.at_least(need);
    if tc_ok && from.version.at_least(need) && to.version.at_least(need) {
        return;
    }
    let recv = c.text(operand);
    let compile_err = format!("{recv}.{field} undefined (type *http.Request has no field or method {field})");
    let vet = |fv: &crate::analyzer::Sourced| {
        let whose = if fv.source.starts_with("//go:build") { "file" } else { "module" };
        format!("http.{field} requires go1.{need} or later ({whose} is {})", fv.version.language())
    };
    let (message, explanation) = if !tc_ok {
        (
            compile_err.clone(),
            format!(
                "Request.{field} was added in Go 1.{need}; toolchain {} does not have it, so the file does not compile. Use a Go 1.{need}+ toolchain and raise the go line, or parse r.URL.Path yourself.",
                tc.describe()
            ),
        )
    } else {
        let old = if !from.version.at_least(need) { &from } else { &to };
        let message = if tc.version.at_least(23) {
            vet(old)
        } else {
            format!("{recv}.{field} is Go 1.{need} API, but the file's Go version is {}", old.version.language())
        };
        (
            message,
            format!(
                "Request.{field} was added in Go 1.{need}, but the file's Go version is {}. The toolchain compiles it, go vet (stdversion, Go 1.23+) reports it{}. Raise the go.mod go line to 1.{need} or later.",
                old.describe(),
                if need == 22 { ", and with a main module below go1.22 the Go 1.21 ServeMux sets no path values, so PathValue returns \"\"" } else { "" }
            ),
        )
    };
    let mut d = c.diagnostic(Checker::span(sel), message, explanation);
    d.sides = [&from, &to]
        .iter()
        .map(|fv| SideBehavior {
            version: fv.describe(),
            behavior: if !tc_ok {
                format!("compile error: {compile_err}")
            } else if !fv.version.at_least(need) && tc.version.at_least(23) {
                format!("compiles; go vet: {}", vet(fv))
            } else if !fv.version.at_least(need) {
                "compiles (go vet's stdversion check exists from Go 1.23)".to_string()
            } else {
                "compiles".to_string()
            },
        })
        .collect();
    c.report(d);
}
