use super::pattern::{go_quote, parse_pattern, Dialect};
use super::registrations::{mux_sides, registration};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds ServeMux patterns whose method is followed by more than one space or by a tab
    /// (`"GET  /x"`, `"GET\t/x"`) when the build uses a Go 1.22 toolchain with the Go 1.22
    /// mux.
    ///
    /// ## Why
    /// Go 1.22's pattern parser splits the method at the first single space: `"GET  /x"` is
    /// method GET with host `" "` and `"GET\t/x"` is the host `"GET\t"`. Both register
    /// without error and never match a request. Go 1.23 and later accept "one or more
    /// spaces or tabs after the method name", so the same code works there: the result
    /// depends on the toolchain, with no GODEBUG setting.
    ///
    /// ## How to fix
    /// Write exactly one space after the method: `"GET /x"`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.22 toolchain=1.22.5
    /// package main
    ///
    /// import "net/http"
    ///
    /// func main() {
    ///     http.HandleFunc("GET  /status", func(w http.ResponseWriter, r *http.Request) {})
    ///     http.ListenAndServe(":8080", nil)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22 toolchain=1.22.5
    /// package main
    ///
    /// import "net/http"
    ///
    /// func main() {
    ///     http.HandleFunc("GET /status", func(w http.ResponseWriter, r *http.Request) {})
    ///     http.ListenAndServe(":8080", nil)
    /// }
    /// ```
    pub static RULE = {
        id: "http-mux-method-whitespace",
        title: "Method followed by several spaces or a tab",
        family: "mux",
        severity: Severity::BehaviorChange,
        versions: "TC 1.22.x and MV >= 1.22",
        sources: &["https://go.dev/doc/go1.23#nethttppkgnethttp", "https://go.dev/src/net/http/pattern.go"],
        kinds: &["call_expression"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let tc = &c.versions.toolchain;
    if tc.version.language() != crate::version::GoVersion::lang(22) {
        return;
    }
    let Some(reg) = registration(c, call) else { return };
    let sides = mux_sides(c);
    if sides.iter().all(|s| s.old) {
        return;
    }
    let (Ok(p22), Ok(p23)) = (parse_pattern(&reg.pattern, Dialect::Go122), parse_pattern(&reg.pattern, Dialect::Go123))
    else {
        return;
    };
    if p22.method == p23.method && p22.host == p23.host {
        return;
    }
    let pat = go_quote(&reg.pattern);
    let read = if p22.method.is_empty() {
        format!("the host {}", go_quote(&p22.host))
    } else {
        format!("method {} with the host {}", String::from_utf8_lossy(&p22.method), go_quote(&p22.host))
    };
    let mut fixed = p23.method.clone();
    fixed.push(b' ');
    // The pattern after the method and its white space.
    let after = {
        let s = &reg.pattern[p23.method.len()..];
        let skip = s.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        &s[skip..]
    };
    fixed.extend_from_slice(after);
    let mut d = c.diagnostic(
        Checker::span(reg.arg),
        format!("with a Go 1.22 toolchain {pat} is read as {read}: it registers but never matches a request"),
        format!(
            "The Go 1.22 pattern parser ({}) requires exactly one space after the method; Go 1.23+ accepts several spaces or tabs, so the route works only with newer toolchains. Write one space: {}.",
            tc.describe(),
            go_quote(&fixed)
        ),
    );
    d.sides = sides
        .iter()
        .map(|s| {
            s.behaves(if s.old {
                "Go 1.21 mux: the whole prefix is a host name; never matches".to_string()
            } else {
                format!(
                    "Go 1.22 toolchain: {read}; never matches (Go 1.23+: method {})",
                    String::from_utf8_lossy(&p23.method)
                )
            })
        })
        .collect();
    if matches!(reg.arg.kind_str(), "interpreted_string_literal" | "raw_string_literal")
        && std::str::from_utf8(&fixed).is_ok()
    {
        d.fix = Some(Fix::unsafe_(
            format!("Use {}", go_quote(&fixed)),
            "the route starts matching requests on Go 1.22 toolchains, and may then conflict with another pattern",
            vec![TextEdit::replace(Checker::span(reg.arg), go_quote(&fixed))],
        ));
    }
    c.report(d);
}
