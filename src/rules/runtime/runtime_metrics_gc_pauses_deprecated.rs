use super::common::string_content;
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::span::Span;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds the runtime/metrics name `"/gc/pauses:seconds"`.
    ///
    /// ## Why
    /// Go 1.22 deprecated the `/gc/pauses:seconds` metric: it is "equivalent to the new
    /// `/sched/pauses/total/gc:seconds` metric" and is still produced, but new code should use
    /// the new name (release notes, runtime/metrics). The new name does not exist before Go 1.22.
    ///
    /// ## How to fix
    /// Read `"/sched/pauses/total/gc:seconds"` instead (toolchain 1.22 or later).
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.23
    /// package main
    ///
    /// import "runtime/metrics"
    ///
    /// func main() {
    ///     s := []metrics.Sample{{Name: "/gc/pauses:seconds"}}
    ///     metrics.Read(s)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.23
    /// package main
    ///
    /// import "runtime/metrics"
    ///
    /// func main() {
    ///     s := []metrics.Sample{{Name: "/sched/pauses/total/gc:seconds"}}
    ///     metrics.Read(s)
    /// }
    /// ```
    pub static RULE = {
        id: "runtime-metrics-gc-pauses-deprecated",
        title: "`/gc/pauses:seconds` runtime metric is deprecated (1.22)",
        family: "runtime",
        severity: Severity::Deprecation,
        versions: "TC >= 1.22",
        sources: &["https://go.dev/doc/go1.22#runtime/metrics", "https://pkg.go.dev/runtime/metrics#hdr-Supported_metrics"],
        kinds: &["interpreted_string_literal", "raw_string_literal"],
        check_node: Some(check),
        local: true,
    }
}

const NEW: &str = "/sched/pauses/total/gc:seconds";

fn check(c: &mut Checker, lit: Node) {
    if string_content(c, lit) != Some("/gc/pauses:seconds") || !c.versions.toolchain.version.at_least(22) {
        return;
    }
    let message = format!("runtime/metrics \"/gc/pauses:seconds\" is deprecated since Go 1.22: use \"{NEW}\"");
    let explanation = format!(
        "Go 1.22 deprecated /gc/pauses:seconds in favour of the equivalent {NEW}. The old name is still produced, so nothing breaks; the new name does not exist before Go 1.22 (metrics.Read reports it as KindBad there)."
    );
    let mut d = c.diagnostic(Checker::span(lit), message, explanation);
    let span = Span::new(lit.start_byte() + 1, lit.end_byte() - 1);
    let edit = vec![TextEdit::replace(span, NEW)];
    d.fix = Some(if c.versions.from.version.at_least(22) && c.versions.to.version.at_least(22) {
        Fix::safe(format!("Use \"{NEW}\""), edit)
    } else {
        Fix::unsafe_(
            format!("Use \"{NEW}\""),
            "the go line allows toolchains before Go 1.22, where the new metric does not exist",
            edit,
        )
    });
    c.report(d);
}
