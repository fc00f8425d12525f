use super::common::{call_args, pkg_member, toolchain_sides, unparen};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `Encoding.WithPadding(p)` of `encoding/base32` or `encoding/base64` with a negative
    /// constant other than -1 (`NoPadding`).
    ///
    /// ## Why
    /// Go 1.22: "Encoding.WithPadding methods now panic if the padding argument is a negative
    /// value other than NoPadding" (release notes, encoding). Before, such an encoding was
    /// accepted and produced malformed output.
    ///
    /// ## How to fix
    /// Use `base64.NoPadding` (or `base32.NoPadding`) for no padding, or a valid padding rune
    /// such as `'='`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "encoding/base64"
    ///
    /// var enc = base64.URLEncoding.WithPadding(-2)
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "encoding/base64"
    ///
    /// var enc = base64.URLEncoding.WithPadding(base64.NoPadding)
    /// ```
    pub static RULE = {
        id: "encoding-withpadding-negative-panics",
        title: "`base32/base64 Encoding.WithPadding` panics on negative values other than `NoPadding`",
        family: "runtime",
        severity: Severity::Error,
        versions: "TC >= 1.22",
        sources: &["https://go.dev/doc/go1.22#encoding", "https://pkg.go.dev/encoding/base64#Encoding.WithPadding"],
        kinds: &["call_expression"],
        check_node: Some(check),
        local: true,
    }
}

// Verified with `go run` of `base64.RawURLEncoding.WithPadding(-2)`: go1.21.13 encodes with a
// garbage padding byte; go1.22.12 panics with `panic: invalid padding`.
fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(f) = c.callee(call) else { return };
    let Some((recv, _)) = f.selector.filter(|_| f.selected == "WithPadding") else { return };
    // The receiver must visibly be a base32/base64 encoding: `base64.StdEncoding`,
    // `base32.NewEncoding(...)`, or the file imports one of them.
    let pkg = ["encoding/base64", "encoding/base32"].into_iter().find(|p| {
        pkg_member(c, unparen(recv), p).is_some()
            || (recv.kind_str() == "call_expression"
                && recv.field("function").is_some_and(|g| pkg_member(c, g, p).is_some()))
    });
    let pkg = match pkg {
        Some(p) => p,
        None => match ["encoding/base64", "encoding/base32"].into_iter().find(|p| c.facts.local_name(p).is_some()) {
            Some(p) => p,
            None => return,
        },
    };
    let args = call_args(call);
    if args.len() != 1 {
        return;
    }
    let Some(v) = negative_constant(c, unparen(args[0])) else { return };
    if v == -1 || !c.versions.toolchain.version.at_least(22) {
        return;
    }
    let short = pkg.rsplit('/').next().unwrap_or(pkg);
    let message = format!(
        "WithPadding({v}) panics (\"invalid padding\"): padding must be {short}.NoPadding (-1) or a non-negative rune"
    );
    let explanation = format!(
        "Since Go 1.22 Encoding.WithPadding panics with `invalid padding` when the padding is negative and not NoPadding (-1); before, the encoding silently wrote a garbage padding byte. Use {short}.NoPadding for unpadded output, or a valid padding character such as '='."
    );
    let mut d = c.diagnostic(Checker::span(args[0]), message, explanation);
    d.sides = toolchain_sides(c, 22, "accepted; produces malformed encodings", "panics when WithPadding is called");
    c.report(d);
}

/// `-N` (a unary minus on an integer literal) → Some(-N).
fn negative_constant(c: &Checker, n: Node) -> Option<i64> {
    if n.kind_str() != "unary_expression" {
        return None;
    }
    let op = n.field("operator")?;
    let operand = unparen(n.field("operand")?);
    if c.text(op) != "-" {
        return None;
    }
    if operand.kind_str() == "rune_literal" {
        // '=' and other plain one-character runes.
        let t = c.text(operand);
        let inner = t.strip_prefix('\'')?.strip_suffix('\'')?;
        let mut chars = inner.chars();
        let (Some(ch), None) = (chars.next(), chars.next()) else { return None };
        return (ch != '\\').then_some(-(ch as i64));
    }
    if operand.kind_str() != "int_literal" {
        return None;
    }
    let t = c.text(operand).replace('_', "");
    let v = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        i64::from_str_radix(h, 16).ok()?
    } else {
        t.parse::<i64>().ok()?
    };
    (v > 0).then_some(-v)
}
