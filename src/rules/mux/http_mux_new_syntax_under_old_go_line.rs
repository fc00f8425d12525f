use super::pattern::{parse_pattern, Pattern};
use super::registrations::{dialect, is_http_request, mux_sides, registration};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds ServeMux registrations that use Go 1.22 pattern syntax — a method prefix
    /// (`"GET /items"`), wildcards (`{id}`, `{path...}`) or `{$}` — while the main module
    /// keeps the Go 1.21 mux after the upgrade: its go line is below 1.22, or
    /// `httpmuxgo121=1` is set in go.mod or a `//go:debug` line. Also finds
    /// `r.PathValue`/`r.SetPathValue` calls when only the GODEBUG setting keeps the old mux.
    ///
    /// ## Why
    /// The ServeMux behaviour follows the main module's go line (GODEBUG `httpmuxgo121`),
    /// not the toolchain. Under the Go 1.21 mux every pattern is literal text and a pattern
    /// not starting with `/` names a host: `"GET /items/{id}"` is the host `"GET "`, so the
    /// route never matches (404), and `/items/{id}` matches only a request for the literal
    /// path `/items/{id}`; `PathValue` always returns "". The code compiles and fails
    /// silently. Typical case: code copied from Go 1.22 examples into a go 1.21 module.
    ///
    /// ## How to fix
    /// Raise the main module's go line to 1.22 or later and remove any `httpmuxgo121=1`
    /// (or set `httpmuxgo121=0`), or write Go 1.21-style literal prefixes and parse the
    /// path yourself.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.21 toolchain=1.22
    /// package main
    ///
    /// import "net/http"
    ///
    /// func main() {
    ///     mux := http.NewServeMux()
    ///     mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {})
    ///     http.ListenAndServe(":8080", mux)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// import "net/http"
    ///
    /// func main() {
    ///     mux := http.NewServeMux()
    ///     mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {})
    ///     http.ListenAndServe(":8080", mux)
    /// }
    /// ```
    pub static RULE = {
        id: "http-mux-new-syntax-under-old-go-line",
        title: "Go 1.22 route syntax used while the main module is below go1.22",
        family: "mux",
        severity: Severity::BehaviorChange,
        versions: "MV < 1.22 or httpmuxgo121=1",
        sources: &["https://go.dev/doc/go1.22#enhanced_routing_patterns", "https://go.dev/doc/godebug#go-122", "https://pkg.go.dev/net/http#hdr-Compatibility-ServeMux"],
        kinds: &["call_expression"],
        check_node: Some(check),
        local: true,
    }
}

/// What Go 1.22 syntax the pattern uses, described for the Go 1.21 mux.
pub fn new_syntax(p: &Pattern) -> Option<String> {
    let mut what = Vec::new();
    if !p.method.is_empty() {
        what.push(format!(
            "the method prefix is read as the host name {}, so the route never matches a request",
            super::pattern::go_quote(&[&p.method[..], b" "].concat())
        ));
    }
    let wild: Vec<String> = p
        .segments
        .iter()
        .filter(|s| (s.wild && !s.s.is_empty()) || (!s.wild && s.s == b"/"))
        .map(|s| {
            if !s.wild {
                "{$}".to_string()
            } else if s.multi {
                format!("{{{}...}}", String::from_utf8_lossy(&s.s))
            } else {
                format!("{{{}}}", String::from_utf8_lossy(&s.s))
            }
        })
        .collect();
    if !wild.is_empty() && p.method.is_empty() {
        let path = &p.str[p.str.iter().position(|&b| b == b'/').unwrap_or(0)..];
        let path = String::from_utf8_lossy(path);
        let verb = if wild.len() == 1 { "is" } else { "are" };
        let scope = if path.ends_with('/') {
            format!("requests under the literal path {path} match")
        } else {
            format!("a request for the literal path {path} matches")
        };
        what.push(format!("{} {verb} literal text: only {scope}", wild.join(", ")));
    }
    (!what.is_empty()).then(|| what.join("; "))
}

fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    // Only `X.Handle`, `X.HandleFunc` and `X.PathValue` calls (a selector's name is never empty).
    let Some(callee) = c.callee(call) else { return };
    let (f, field) = (callee.function, callee.selected);
    if !matches!(field, "Handle" | "HandleFunc" | "PathValue") {
        return;
    }
    let sides = mux_sides(c);
    if !sides[1].old {
        return;
    }
    if let Some(reg) = registration(c, call) {
        let Ok(p) = parse_pattern(&reg.pattern, dialect(c)) else { return };
        let Some(what) = new_syntax(&p) else { return };
        let pat = super::pattern::go_quote(&reg.pattern);
        let mut d = c.diagnostic(
            Checker::span(reg.arg),
            format!("{pat} uses Go 1.22 pattern syntax, but this module runs the Go 1.21 ServeMux: {what}"),
            format!(
                "The ServeMux follows the main module's go line and GODEBUG httpmuxgo121, not the toolchain. With {} the Go 1.21 mux is used: every pattern is literal text and one not starting with '/' names a host. The code compiles but the route silently fails. Raise the main module's go line to 1.22 or later and remove any httpmuxgo121=1 (or set httpmuxgo121=0).",
                sides[1].why
            ),
        );
        d.sides = sides
            .iter()
            .map(|s| {
                if s.old {
                    s.behaves(format!("Go 1.21 mux: {what}"))
                } else {
                    s.behaves("Go 1.22 mux: the pattern works as written")
                }
            })
            .collect();
        d.explanation.push_str(super::registrations::library_note(c));
        c.report(d);
        return;
    }
    // r.PathValue while a GODEBUG setting keeps the old mux (a go line below
    // 1.22 is reported by http-request-pathvalue-api).
    if field != "PathValue" {
        return;
    }
    if !c.versions.to.version.at_least(22) || !c.versions.file_to.version.at_least(22) {
        return;
    }
    let Some(operand) = f.field("operand") else { return };
    if !is_http_request(c, operand) {
        return;
    }
    let mut d = c.diagnostic(
        Checker::span(f),
        format!("{} always returns \"\" here: httpmuxgo121=1 keeps the Go 1.21 ServeMux, which sets no path values", c.text(f)),
        format!(
            "With {} the ServeMux does not parse wildcards, so Request.PathValue returns \"\" for every name (SetPathValue still stores values). Remove the httpmuxgo121=1 setting to use the Go 1.22 mux.",
            sides[1].why
        ),
    );
    d.sides = sides
        .iter()
        .map(|s| {
            s.behaves(if s.old { "returns \"\" (Go 1.21 mux)" } else { "returns the matched wildcard (Go 1.22 mux)" })
        })
        .collect();
    d.explanation.push_str(super::registrations::library_note(c));
    c.report(d);
}
