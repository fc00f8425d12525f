use super::common::{call_args, godebug_sides, library_note, main_sides, removal_note};
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds calls of `ExportKeyingMaterial(label, context, length)` (a method of
    /// `tls.ConnectionState`, e.g. `conn.ConnectionState().ExportKeyingMaterial(…)` or
    /// `r.TLS.ExportKeyingMaterial(…)`), unless the file requires TLS 1.3
    /// (`MinVersion: tls.VersionTLS13`).
    ///
    /// ## Why
    /// From Go 1.22 (main module go line 1.22+) `ExportKeyingMaterial` returns an error unless the
    /// connection uses TLS 1.3 or both peers negotiated Extended Master Secret (RFC 7627):
    /// `crypto/tls: ExportKeyingMaterial is unavailable when neither TLS 1.3 nor Extended Master
    /// Secret are negotiated; override with GODEBUG=tlsunsafeekm=1`. GODEBUG `tlsunsafeekm=1`
    /// restores the old behaviour up to Go 1.26; it was removed in Go 1.27.
    ///
    /// ## How to fix
    /// Require TLS 1.3 (`MinVersion: tls.VersionTLS13`) on connections that export keying
    /// material, and handle the error.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "crypto/tls"
    ///
    /// func channelBinding(conn *tls.Conn) ([]byte, error) {
    ///     st := conn.ConnectionState()
    ///     return st.ExportKeyingMaterial("EXPORTER-Channel-Binding", nil, 32)
    /// }
    /// ```
    ///
    /// Use instead (and configure `MinVersion: tls.VersionTLS13`):
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "crypto/tls"
    ///
    /// func version(conn *tls.Conn) uint16 {
    ///     return conn.ConnectionState().Version
    /// }
    /// ```
    pub static RULE = {
        id: "tls-export-keying-material-needs-ems",
        title: "`ConnectionState.ExportKeyingMaterial` requires TLS 1.3 or Extended Master Secret",
        family: "runtime",
        severity: Severity::BehaviorChange,
        versions: "MV >= 1.22 or TC >= 1.27",
        godebug: Some(("tlsunsafeekm", "1", Some("removed in Go 1.27"))),
        sources: &["https://go.dev/doc/go1.22#crypto/tls", "https://go.dev/doc/godebug#go-122", "https://go.dev/doc/go1.27"],
        kinds: &["call_expression"],
        check_node: Some(check),        local: true,
    }
}

// The error text is go1.22's crypto/tls/prf.go (`ekmFromMasterSecret`); rules.md §D records that
// Go 1.27 drops the "override with GODEBUG" clause.
fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(f) = c.callee(call) else { return };
    if f.selector.is_none() || f.selected != "ExportKeyingMaterial" || call_args(call).len() != 3 {
        return;
    }
    if c.facts.requires_tls13 {
        return; // TLS 1.3 always allows exporting keying material
    }
    let sides = godebug_sides(c, "tlsunsafeekm");
    if !sides.iter().any(|s| s.new) {
        return;
    }
    let err = if c.versions.toolchain.version.at_least(27) {
        "crypto/tls: ExportKeyingMaterial is unavailable when neither TLS 1.3 nor Extended Master Secret are negotiated"
    } else {
        "crypto/tls: ExportKeyingMaterial is unavailable when neither TLS 1.3 nor Extended Master Secret are negotiated; override with GODEBUG=tlsunsafeekm=1"
    };
    let message = "ExportKeyingMaterial fails unless the connection uses TLS 1.3 or Extended Master Secret";
    let explanation = format!(
        "From Go 1.22 exporting keying material from a TLS 1.2 (or older) connection without Extended Master Secret returns the error `{err}`. Require TLS 1.3 (MinVersion: tls.VersionTLS13) on connections that export keying material, and handle the error.{}{}",
        removal_note("tlsunsafeekm"),
        library_note(c)
    );
    let mut d = c.diagnostic(Checker::span(call), message, explanation);
    d.sides = main_sides(
        c,
        &sides,
        "exports keying material on any TLS version",
        "returns an error on TLS ≤ 1.2 connections without Extended Master Secret",
    );
    c.report(d);
}
