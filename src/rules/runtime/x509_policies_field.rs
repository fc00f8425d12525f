use super::common::{godebug_sides, keyed_fields, library_note, main_sides, pkg_member};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `x509.Certificate` literals that set `PolicyIdentifiers` but not `Policies`.
    ///
    /// ## Why
    /// Go 1.24: "when creating certificates policies will now be taken from the
    /// Certificate.Policies field instead of the Certificate.PolicyIdentifiers field" (release
    /// notes, crypto/x509) for main modules whose go line is 1.24 or later. A template that only
    /// sets `PolicyIdentifiers` produces certificates without the policies extension. GODEBUG
    /// `x509usepolicies=0` restores the old field.
    ///
    /// ## How to fix
    /// Also set `Policies: []x509.OID{…}` (built with `x509.OIDFromInts`, Go 1.22+).
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.23 to=1.24
    /// package main
    ///
    /// import (
    ///     "crypto/x509"
    ///     "encoding/asn1"
    /// )
    ///
    /// var template = x509.Certificate{
    ///     PolicyIdentifiers: []asn1.ObjectIdentifier{{2, 23, 140, 1, 2, 1}},
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.23 to=1.24
    /// package main
    ///
    /// import (
    ///     "crypto/x509"
    ///     "encoding/asn1"
    /// )
    ///
    /// var dv, _ = x509.OIDFromInts([]uint64{2, 23, 140, 1, 2, 1})
    ///
    /// var template = x509.Certificate{
    ///     PolicyIdentifiers: []asn1.ObjectIdentifier{{2, 23, 140, 1, 2, 1}},
    ///     Policies:          []x509.OID{dv},
    /// }
    /// ```
    pub static RULE = {
        id: "x509-policies-field",
        title: "`x509.CreateCertificate` takes policies from `Policies` (go1.24)",
        family: "runtime",
        severity: Severity::BehaviorChange,
        versions: "MV >= 1.24",
        godebug: Some(("x509usepolicies", "0", None)),
        sources: &["https://go.dev/doc/go1.24#cryptox509pkgcryptox509", "https://go.dev/doc/godebug#go-124", "https://pkg.go.dev/crypto/x509#Certificate"],
        kinds: &["composite_literal"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, lit: Node<'a>) {
    let Some(ty) = lit.field("type") else { return };
    if pkg_member(c, ty, "crypto/x509") != Some("Certificate") {
        return;
    }
    let Some(body) = lit.field("body") else { return };
    let fields = keyed_fields(c, body);
    if fields.iter().any(|(k, _, _)| *k == "Policies") {
        return;
    }
    let Some((_, _, el)) = fields.iter().find(|(k, _, _)| *k == "PolicyIdentifiers") else { return };
    let sides = godebug_sides(c, "x509usepolicies");
    if !sides.iter().any(|s| s.new) {
        return;
    }
    let message = "x509.Certificate sets PolicyIdentifiers but not Policies: from Go 1.24 CreateCertificate takes the policies from Policies, so this certificate gets none";
    let explanation = format!(
        "With a main module go line of 1.24 or later (GODEBUG x509usepolicies=1 by default), x509.CreateCertificate encodes the certificate policies from Certificate.Policies and ignores PolicyIdentifiers. Set Policies too (x509.OIDFromInts builds the OIDs), or set GODEBUG x509usepolicies=0 to keep the old field.{}",
        library_note(c)
    );
    let mut d = c.diagnostic(Checker::span(*el), message, explanation);
    d.sides = main_sides(
        c,
        &sides,
        "policies are taken from PolicyIdentifiers",
        "policies are taken from Policies (empty here)",
    );
    c.report(d);
}
