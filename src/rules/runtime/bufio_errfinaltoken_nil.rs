use super::common::{pkg_member, toolchain_sides, unparen};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `return …, nil, bufio.ErrFinalToken` in a split function.
    ///
    /// ## Why
    /// "When a SplitFunc returns ErrFinalToken with a nil token, Scanner will now stop
    /// immediately. Previously, it would report a final empty token before stopping, which was
    /// usually not desired. Callers that do want to report a final empty token can do so by
    /// returning []byte{} rather than nil." (Go 1.22 release notes, bufio). The change follows
    /// the toolchain, not the go line.
    ///
    /// ## How to fix
    /// Nothing, if the extra empty token was not wanted (the usual case). To keep it, return
    /// `[]byte{}` instead of `nil`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "bufio"
    ///
    /// func untilDot(data []byte, atEOF bool) (int, []byte, error) {
    ///     if len(data) > 0 && data[0] == '.' {
    ///         return 1, nil, bufio.ErrFinalToken
    ///     }
    ///     return bufio.ScanRunes(data, atEOF)
    /// }
    /// ```
    ///
    /// Use instead (keeps the final empty token on every version):
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "bufio"
    ///
    /// func untilDot(data []byte, atEOF bool) (int, []byte, error) {
    ///     if len(data) > 0 && data[0] == '.' {
    ///         return 1, []byte{}, bufio.ErrFinalToken
    ///     }
    ///     return bufio.ScanRunes(data, atEOF)
    /// }
    /// ```
    pub static RULE = {
        id: "bufio-errfinaltoken-nil",
        title: "`bufio.ErrFinalToken` with a nil token stops the Scanner immediately",
        family: "runtime",
        severity: Severity::BehaviorChange,
        versions: "TC >= 1.22",
        sources: &["https://go.dev/doc/go1.22#bufio", "https://pkg.go.dev/bufio#ErrFinalToken"],
        kinds: &["return_statement"],
        check_node: Some(check),
        local: true,
    }
}

// Verified with `go run` of tests/fixtures/bufio-errfinaltoken-nil/bad.go: go1.21.13 counts 3
// tokens ("a", "b", and the final empty one), go1.22.12 counts 2.
fn check<'a>(c: &mut Checker<'a>, ret: Node<'a>) {
    let Some(list) = ret.named_child(0) else { return };
    if list.kind_str() != "expression_list" || list.named_child_count() != 3 {
        return;
    }
    let (Some(tok), Some(err)) = (list.named_child(1), list.named_child(2)) else { return };
    if unparen(tok).kind_str() != "nil" || pkg_member(c, unparen(err), "bufio") != Some("ErrFinalToken") {
        return;
    }
    if !c.versions.toolchain.version.at_least(22) {
        return;
    }
    let message = "split function returns bufio.ErrFinalToken with a nil token: the Scanner now stops without reporting a final empty token";
    let explanation = "Since Go 1.22 (toolchain), a SplitFunc that returns ErrFinalToken with a nil token makes Scanner stop immediately; before, Scan returned true once more with an empty token. Usually that extra token was not wanted and nothing needs to change; loops that count or expect the final empty token must return []byte{} instead of nil.";
    let mut d = c.diagnostic(Checker::span(tok), message, explanation);
    d.sides = toolchain_sides(
        c,
        22,
        "Scan reports one more, empty token, then stops",
        "Scan stops immediately (no final empty token)",
    );
    d.fix = Some(Fix::unsafe_(
        "Return `[]byte{}` to keep the final empty token",
        "restores the pre-1.22 extra empty token, which callers usually did not want",
        vec![TextEdit::replace(Checker::span(tok), "[]byte{}")],
    ));
    c.report(d);
}
