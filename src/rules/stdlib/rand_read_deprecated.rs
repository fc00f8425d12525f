//! Doc comment quoted from /usr/share/go-1.23/src/math/rand/rand.go: "Deprecated: For almost all
//! use cases, [crypto/rand.Read] is more appropriate. If a deterministic source is required, use
//! [math/rand/v2.ChaCha8.Read]." (deprecated in api/go1.20.txt; stdapi-deprecated.tsv).
use super::resolve::called_pkg_func_named;
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds calls of the top-level `math/rand.Read`.
    ///
    /// ## Why
    /// `math/rand.Read` is deprecated since Go 1.20 and was not carried into
    /// `math/rand/v2`: "For almost all use cases, crypto/rand.Read is more appropriate." Bytes
    /// from math/rand are predictable; used as keys, tokens or nonces they are a security bug.
    ///
    /// ## How to fix
    /// `import "crypto/rand"` and `_, err := rand.Read(buf)`. For a deterministic stream use
    /// `math/rand/v2`'s `ChaCha8.Read`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "math/rand"
    ///
    /// func token() []byte {
    ///     b := make([]byte, 16)
    ///     rand.Read(b)
    ///     return b
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "crypto/rand"
    ///
    /// func token() []byte {
    ///     b := make([]byte, 16)
    ///     if _, err := rand.Read(b); err != nil {
    ///         panic(err)
    ///     }
    ///     return b
    /// }
    /// ```
    pub static RULE = {
        id: "rand-read-deprecated",
        title: "`math/rand.Read` is deprecated",
        family: "stdlib",
        severity: Severity::Deprecation,
        versions: ">= 1.20",
        sources: &["https://go.dev/doc/go1.20", "https://go.dev/blog/randv2", "https://pkg.go.dev/math/rand#Read"],
        kinds: &["call_expression"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(r) = called_pkg_func_named(c, call, "math/rand", "Read") else { return };
    let [from, to] = c.versions.file_sides();
    let dep = |v: u32| v >= 20;
    if !dep(from.version.minor) && !dep(to.version.minor) {
        return;
    }
    let message = format!(
        "{}.Read has been deprecated since Go 1.20: for almost all use cases, crypto/rand.Read is more appropriate",
        r.local
    );
    let explanation = "math/rand.Read fills the buffer from the predictable math/rand generator. Its documentation says: \"Deprecated: For almost all use cases, crypto/rand.Read is more appropriate. If a deterministic source is required, use math/rand/v2.ChaCha8.Read.\" math/rand/v2 has no top-level Read. If the bytes are keys, tokens or nonces, switching to crypto/rand is a security fix: import \"crypto/rand\" and check the error of rand.Read(buf).";
    let on = "deprecated (go1.20): still works; the bytes are predictable";
    let off = "not yet deprecated at this version";
    let mut d = c.diagnostic(Checker::span(call), message, explanation);
    d.sides =
        c.file_sides(if dep(from.version.minor) { on } else { off }, if dep(to.version.minor) { on } else { off });
    c.report(d);
}
