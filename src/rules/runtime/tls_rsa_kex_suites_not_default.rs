use super::common::{godebug_sides, keyed_fields, library_note, main_sides, pkg_member, removal_note, unparen};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `tls.Config` literals that ask for legacy peers (`MinVersion` set to TLS 1.0, TLS 1.1
    /// or SSL 3.0) but leave `CipherSuites` at the default.
    ///
    /// ## Why
    /// Go 1.22 removed the RSA-key-exchange cipher suites (`TLS_RSA_WITH_…`) from the default
    /// list: "cipher suites without ECDHE support are no longer offered by either clients or
    /// servers during pre-TLS 1.3 handshakes"; Go 1.23 also removed the 3DES suites. Old peers,
    /// the ones an explicit TLS 1.0 minimum is kept for, often support nothing else, and then the
    /// handshake fails (`tls: no cipher suite supported by both client and server`). An explicit
    /// `CipherSuites` list is still honoured. GODEBUG `tlsrsakex=1` / `tls3des=1` restore the old
    /// defaults up to Go 1.26; both were removed in Go 1.27. Whether a peer needs these suites is
    /// not visible in the code: the finding is about the configuration's evident intent.
    ///
    /// ## How to fix
    /// Upgrade the peers, or list the suites they need explicitly in `CipherSuites`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "crypto/tls"
    ///
    /// func legacyClient() *tls.Config {
    ///     return &tls.Config{MinVersion: tls.VersionTLS10, ServerName: "printer.local"}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "crypto/tls"
    ///
    /// func legacyClient() *tls.Config {
    ///     return &tls.Config{
    ///         MinVersion:   tls.VersionTLS10,
    ///         ServerName:   "printer.local",
    ///         CipherSuites: []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, tls.TLS_RSA_WITH_AES_128_CBC_SHA},
    ///     }
    /// }
    /// ```
    pub static RULE = {
        id: "tls-rsa-kex-suites-not-default",
        title: "RSA-key-exchange cipher suites dropped from the defaults (3DES in 1.23)",
        family: "runtime",
        severity: Severity::BehaviorChange,
        versions: "MV >= 1.22 (3DES 1.23) or TC >= 1.27",
        godebug: Some(("tlsrsakex", "1", Some("removed in Go 1.27"))),
        sources: &["https://go.dev/doc/go1.22#crypto/tls", "https://go.dev/doc/godebug#go-122", "https://go.dev/doc/go1.23#crypto/tls", "https://go.dev/doc/go1.27"],
        kinds: &["composite_literal"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, lit: Node<'a>) {
    let Some(ty) = lit.field("type") else { return };
    if pkg_member(c, ty, "crypto/tls") != Some("Config") {
        return;
    }
    let Some(body) = lit.field("body") else { return };
    let fields = keyed_fields(c, body);
    if fields.iter().any(|(k, _, _)| *k == "CipherSuites") {
        return;
    }
    let Some((_, min, el)) = fields.iter().find(|(k, _, _)| *k == "MinVersion") else { return };
    let min = unparen(*min);
    let legacy = match pkg_member(c, min, "crypto/tls") {
        Some(v @ ("VersionTLS10" | "VersionTLS11" | "VersionSSL30")) => v.to_string(),
        _ => match c.text(min).to_ascii_lowercase().as_str() {
            "0x0300" | "0x300" => "VersionSSL30 (0x0300)".into(),
            "0x0301" | "0x301" => "VersionTLS10 (0x0301)".into(),
            "0x0302" | "0x302" => "VersionTLS11 (0x0302)".into(),
            _ => return,
        },
    };
    let sides = godebug_sides(c, "tlsrsakex");
    if !sides.iter().any(|s| s.new) {
        return;
    }
    let des = godebug_sides(c, "tls3des");
    let des_note = if des.iter().any(|s| s.new) {
        " The 3DES suites (TLS_RSA_WITH_3DES_EDE_CBC_SHA, TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA) left the defaults in Go 1.23 too (GODEBUG tls3des, go line 1.23)."
    } else {
        ""
    };
    let message = format!(
        "tls.Config with MinVersion {legacy} keeps the default CipherSuites: RSA-key-exchange suites are no longer offered by default, so legacy peers may fail the handshake"
    );
    let explanation = format!(
        "This configuration explicitly allows old TLS versions, presumably for old peers, but relies on the default cipher suites. Go 1.22 no longer offers cipher suites without ECDHE (TLS_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_256_CBC_SHA, TLS_RSA_WITH_AES_128_GCM_SHA256, …) by default; a peer that supports only those fails with `tls: no cipher suite supported by both client and server` (the other side sees `remote error: tls: handshake failure`).{des_note} Whether your peers need them cannot be seen in the code. Upgrade the peers, or list the needed suites in CipherSuites (an explicit list is honoured on every version).{}{}",
        removal_note("tlsrsakex"),
        library_note(c)
    );
    let mut d = c.diagnostic(Checker::span(*el), message, explanation);
    d.sides = main_sides(
        c,
        &sides,
        "RSA-key-exchange suites are in the default list",
        "default list has only ECDHE suites: RSA-kex-only peers fail the handshake",
    );
    c.report(d);
}
