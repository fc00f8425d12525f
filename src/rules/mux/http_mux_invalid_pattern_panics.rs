use super::pattern::registration_error;
use super::registrations::{dialect, mux_sides, registration};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `Handle`/`HandleFunc` registrations on a net/http ServeMux whose constant
    /// pattern is not valid Go 1.22 pattern syntax (or is empty, or whose handler is `nil`).
    ///
    /// ## Why
    /// With the Go 1.22 ServeMux (main module at go1.22 or later, `httpmuxgo121` not 1) a
    /// pattern that fails to parse makes `Handle`/`HandleFunc` panic at start-up, with a
    /// message such as `parsing "/files/{name": at offset 7: bad wildcard segment (must end
    /// with '}')`. The Go 1.21 mux accepted the same string as literal text. An empty
    /// pattern or a `nil` handler panics with every mux.
    ///
    /// Receivers must visibly be a net/http ServeMux (`http.NewServeMux()`,
    /// `&http.ServeMux{}`, `http.DefaultServeMux`, a `*http.ServeMux` parameter, variable or
    /// field) or the package-level `http.Handle`/`http.HandleFunc`; other routers are ignored.
    ///
    /// ## How to fix
    /// Use whole-segment wildcards (`/files/{name}`), `{rest...}` only at the end, one name
    /// per wildcard, and a clean path after a method. To keep literal braces, register the
    /// prefix and parse the rest of `r.URL.Path` yourself.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "net/http"
    ///
    /// func main() {
    ///     mux := http.NewServeMux()
    ///     mux.HandleFunc("/files/{name", func(w http.ResponseWriter, r *http.Request) {})
    ///     http.ListenAndServe(":8080", mux)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "net/http"
    ///
    /// func main() {
    ///     mux := http.NewServeMux()
    ///     mux.HandleFunc("/files/", func(w http.ResponseWriter, r *http.Request) {})
    ///     http.ListenAndServe(":8080", mux)
    /// }
    /// ```
    pub static RULE = {
        id: "http-mux-invalid-pattern-panics",
        title: "Syntactically invalid pattern panics at registration (Go 1.22 mux)",
        family: "mux",
        severity: Severity::Error,
        versions: "MV >= 1.22 and httpmuxgo121 != 1",
        godebug: Some(("httpmuxgo121", "1", None)),
        sources: &["https://pkg.go.dev/net/http#hdr-Patterns-ServeMux", "https://go.dev/doc/go1.22#enhanced_routing_patterns", "https://go.dev/src/net/http/pattern.go"],
        kinds: &["call_expression"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(reg) = registration(c, call) else { return };
    let handler_nil = super::registrations::arguments(call).get(1).is_some_and(|h| h.kind_str() == "nil");
    // Panics of every mux: empty pattern, nil handler.
    let always = if reg.pattern.is_empty() {
        Some("http: invalid pattern")
    } else if handler_nil {
        Some("http: nil handler")
    } else {
        None
    };
    let sides = mux_sides(c);
    if let Some(text) = always {
        let mut d = c.diagnostic(
            Checker::span(if text == "http: nil handler" { call } else { reg.arg }),
            format!("registering this pattern panics: {text}"),
            format!("ServeMux.Handle and HandleFunc panic with \"{text}\" in every Go version."),
        );
        d.godebug = None;
        d.sides = sides.iter().map(|s| s.behaves(format!("panics: {text}"))).collect();
        c.report(d);
        return;
    }
    if sides.iter().all(|s| s.old) {
        return;
    }
    let Some(err) = registration_error(&reg.pattern, dialect(c)) else { return };
    let behaviours: Vec<String> = sides
        .iter()
        .map(|s| {
            if s.old {
                "registers without error: the Go 1.21 mux treats the pattern as literal text".to_string()
            } else {
                format!("panics at registration: {err}")
            }
        })
        .collect();
    let new_side = sides.iter().find(|s| !s.old).map(|s| s.why.clone()).unwrap_or_default();
    let mut d = c.diagnostic(
        Checker::span(reg.arg),
        format!("registering this pattern panics: {err}"),
        format!(
            "With the Go 1.22 ServeMux ({new_side}) a pattern is parsed as `[METHOD ][HOST]/[PATH]` with `{{name}}`, `{{name...}}` and `{{$}}` wildcards; this one does not parse, so Handle/HandleFunc panics when the program starts. Fix the pattern (whole-segment wildcards, `{{x...}}` and `{{$}}` only at the end, distinct names, a clean path after a method), or set `httpmuxgo121=1` to keep the Go 1.21 literal matching while migrating."
        ),
    );
    d.sides = sides.iter().zip(behaviours).map(|(s, b)| s.behaves(b)).collect();
    d.explanation.push_str(super::registrations::library_note(c));
    c.report(d);
}
