use super::http_mux_new_syntax_under_old_go_line::new_syntax;
use super::pattern::{go_quote, parse_pattern, Pattern};
use super::registrations::{dialect, mux_sides, registration};
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds ServeMux registrations whose pattern means something else once the main module
    /// moves from the Go 1.21 ServeMux (go line below 1.22) to the Go 1.22 one: a leading
    /// word and a space become a method, `{…}` segments become wildcards, `{$}` an exact
    /// match, and `%XX` escapes are unescaped per segment.
    ///
    /// ## Why
    /// The Go 1.21 mux treats every pattern as literal text (and a pattern not starting
    /// with `/` as a host name). The Go 1.22 mux parses it: `/items/{id}` matched only the
    /// literal path `/items/{id}` before and now matches `/items/42`; `"GET /x"` never
    /// matched before (host `"GET "`) and now serves GET and HEAD requests; `/%61` matched
    /// only a request for `/%2561` and now matches `/a`. Routes start, stop or change
    /// matching without any compile error. Patterns that no longer parse at all are
    /// reported by http-mux-invalid-pattern-panics.
    ///
    /// ## How to fix
    /// Check that the new meaning is the intended one. To keep the old behaviour while
    /// migrating, set `httpmuxgo121=1` (a `//go:debug httpmuxgo121=1` line before
    /// `package main`, or a go.mod `godebug` line).
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "net/http"
    ///
    /// func main() {
    ///     http.HandleFunc("/docs/{page}", func(w http.ResponseWriter, r *http.Request) {})
    ///     http.ListenAndServe(":8080", nil)
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
    ///     http.HandleFunc("/docs/", func(w http.ResponseWriter, r *http.Request) {})
    ///     http.ListenAndServe(":8080", nil)
    /// }
    /// ```
    pub static RULE = {
        id: "http-mux-literal-pattern-changes-meaning",
        title: "Pattern that was literal in Go 1.21 is interpreted in Go 1.22",
        family: "mux",
        severity: Severity::BehaviorChange,
        versions: "MV < 1.22 on the from side, MV >= 1.22 on the to side",
        godebug: Some(("httpmuxgo121", "1", None)),
        sources: &["https://pkg.go.dev/net/http#hdr-Compatibility-ServeMux", "https://go.dev/blog/routing-enhancements", "https://go.dev/doc/go1.22#enhanced_routing_patterns"],
        kinds: &["call_expression"],
        check_node: Some(check),
        local: true,
    }
}

/// What the Go 1.22 mux reads in the pattern, and how the Go 1.21 mux read it.
fn changes(p: &Pattern) -> Option<(String, String)> {
    let mut new = Vec::new();
    let mut old = Vec::new();
    if let Some(what) = new_syntax(p) {
        old.push(what);
        if !p.method.is_empty() {
            new.push(format!("method {}", String::from_utf8_lossy(&p.method)));
        }
        let w: Vec<String> = p
            .segments
            .iter()
            .filter(|s| s.wild && !s.s.is_empty())
            .map(|s| format!("{{{}{}}}", String::from_utf8_lossy(&s.s), if s.multi { "..." } else { "" }))
            .collect();
        if !w.is_empty() {
            new.push(format!("wildcard {} (read with r.PathValue)", w.join(", ")));
        }
        if p.segments.iter().any(|s| !s.wild && s.s == b"/") {
            new.push("{$}: exact match of the path".to_string());
        }
    }
    // Escapes: the literal segments whose text differs from their unescaped value.
    let raw_path = raw_path(&p.str);
    let escaped: Vec<(String, String)> = raw_path
        .split(|&b| b == b'/')
        .filter(|seg| seg.contains(&b'%') && !seg.contains(&b'{'))
        .filter(|seg| super::pattern::path_unescape(seg) != *seg)
        .map(|seg| (String::from_utf8_lossy(seg).into_owned(), go_quote(&super::pattern::path_unescape(seg))))
        .collect();
    if !escaped.is_empty() {
        let names: Vec<&str> = escaped.iter().map(|(raw, _)| raw.as_str()).collect();
        old.push(format!(
            "{} compared as written with the unescaped request path, so a request spelling the decoded text does not match",
            names.join(", ")
        ));
        let decoded: Vec<String> = escaped.iter().map(|(raw, dec)| format!("{raw} → {dec}")).collect();
        new.push(format!("segments unescaped before matching: {}", decoded.join(", ")));
    }
    (!new.is_empty()).then(|| (old.join("; "), new.join("; ")))
}

/// The path part of a pattern (after method and host).
fn raw_path(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&b| b == b'/').unwrap_or(s.len());
    // A method is followed by a space before the first '/'; the host has no '/'.
    &s[start..]
}

fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(reg) = registration(c, call) else { return };
    let sides = mux_sides(c);
    if !sides[0].old || sides[1].old {
        return;
    }
    let Ok(p) = parse_pattern(&reg.pattern, dialect(c)) else { return };
    let Some((old, new)) = changes(&p) else { return };
    let pat = go_quote(&reg.pattern);
    let mut d = c.diagnostic(
        Checker::span(reg.arg),
        format!("{pat} changes meaning with the Go 1.22 ServeMux: {new}"),
        format!(
            "Under {} the Go 1.21 mux is used: {old}. Under {} the Go 1.22 mux parses the pattern: {new}. Check that the new routing is intended; `//go:debug httpmuxgo121=1` (before package main) keeps the old mux while migrating.",
            sides[0].why, sides[1].why
        ),
    );
    d.sides = vec![sides[0].behaves(format!("Go 1.21 mux: {old}")), sides[1].behaves(format!("Go 1.22 mux: {new}"))];
    d.explanation.push_str(super::registrations::library_note(c));
    c.report(d);
}
