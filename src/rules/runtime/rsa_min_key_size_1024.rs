use super::common::{call_args, called_pkg_func, godebug_sides, library_note, main_sides, unparen};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `rsa.GenerateKey(r, bits)` and `rsa.GenerateMultiPrimeKey(r, n, bits)` with a
    /// constant size below 1024 bits.
    ///
    /// ## Why
    /// Go 1.24: crypto/rsa refuses keys shorter than 1024 bits when the main module's go line is
    /// 1.24 or later: `GenerateKey` returns
    /// `crypto/rsa: 512-bit keys are insecure (see https://go.dev/pkg/crypto/rsa#hdr-Minimum_key_size)`,
    /// and signing, verifying, encrypting and decrypting with such keys fail too. GODEBUG
    /// `rsa1024min=0` lifts the limit; the release notes suggest it for tests only (a
    /// `//go:debug rsa1024min=0` line in the `_test.go` file).
    ///
    /// ## How to fix
    /// Use 2048 bits or more.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.23 to=1.24
    /// package main
    ///
    /// import (
    ///     "crypto/rand"
    ///     "crypto/rsa"
    /// )
    ///
    /// func newKey() (*rsa.PrivateKey, error) {
    ///     return rsa.GenerateKey(rand.Reader, 512)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.23 to=1.24
    /// package main
    ///
    /// import (
    ///     "crypto/rand"
    ///     "crypto/rsa"
    /// )
    ///
    /// func newKey() (*rsa.PrivateKey, error) {
    ///     return rsa.GenerateKey(rand.Reader, 2048)
    /// }
    /// ```
    pub static RULE = {
        id: "rsa-min-key-size-1024",
        title: "RSA keys below 1024 bits are rejected (go1.24)",
        family: "runtime",
        severity: Severity::BehaviorChange,
        versions: "MV >= 1.24",
        godebug: Some(("rsa1024min", "0", None)),
        sources: &["https://go.dev/doc/go1.24#cryptorsapkgcryptorsa", "https://pkg.go.dev/crypto/rsa#hdr-Minimum_key_size"],
        kinds: &["call_expression"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(f) = called_pkg_func(c, call, "crypto/rsa") else { return };
    let args = call_args(call);
    let bits = match (f, args.len()) {
        ("GenerateKey", 2) => args[1],
        ("GenerateMultiPrimeKey", 3) => args[2],
        _ => return,
    };
    let bits = unparen(bits);
    if bits.kind_str() != "int_literal" {
        return;
    }
    let Ok(n) = c.text(bits).replace('_', "").parse::<u64>() else { return };
    if n >= 1024 {
        return;
    }
    let sides = godebug_sides(c, "rsa1024min");
    if !sides.iter().any(|s| s.new) {
        return;
    }
    let err = format!("crypto/rsa: {n}-bit keys are insecure (see https://go.dev/pkg/crypto/rsa#hdr-Minimum_key_size)");
    let message = format!("rsa.{f} with {n} bits fails: {err}");
    let explanation = format!(
        "From Go 1.24 (main module go line 1.24+), crypto/rsa rejects keys shorter than 1024 bits: key generation returns `{err}`, and operations with such keys fail. Use 2048 bits or more. In tests only, a `//go:debug rsa1024min=0` line at the top of the _test.go file lifts the limit.{}",
        library_note(c)
    );
    let mut d = c.diagnostic(Checker::span(bits), message, explanation);
    d.sides = main_sides(c, &sides, "generates the small key", "returns an error: keys below 1024 bits are insecure");
    c.report(d);
}
