//! Doc comment quoted from /usr/share/go-1.22/src/reflect/type.go: `// Deprecated: Superseded by
//! [PointerTo].` above `func PtrTo(t Type) Type { return PointerTo(t) }` (so the rename is
//! behaviour-preserving). `reflect.TypeFor` is go1.22, `PointerTo` go1.18 (stdapi-since.tsv).
use super::resolve::{call_args, called_pkg_func};
use super::resolve::{child, fld};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `reflect.PtrTo(t)` (deprecated, "Superseded by PointerTo") and the idiom
    /// `reflect.TypeOf((*T)(nil)).Elem()`, which Go 1.22's `reflect.TypeFor[T]()` replaces.
    ///
    /// ## Why
    /// `PtrTo` simply calls `PointerTo` (Go 1.18) and is marked deprecated in Go 1.22.
    /// `reflect.TypeFor[T]()` returns the same `reflect.Type` as the nil-pointer idiom,
    /// without the puzzle.
    ///
    /// ## How to fix
    /// `reflect.PtrTo(t)` → `reflect.PointerTo(t)`;
    /// `reflect.TypeOf((*io.Reader)(nil)).Elem()` → `reflect.TypeFor[io.Reader]()`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// import (
    ///     "io"
    ///     "reflect"
    /// )
    ///
    /// var readerType = reflect.TypeOf((*io.Reader)(nil)).Elem()
    ///
    /// func ptr(t reflect.Type) reflect.Type {
    ///     return reflect.PtrTo(t)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// import (
    ///     "io"
    ///     "reflect"
    /// )
    ///
    /// var readerType = reflect.TypeFor[io.Reader]()
    ///
    /// func ptr(t reflect.Type) reflect.Type {
    ///     return reflect.PointerTo(t)
    /// }
    /// ```
    pub static RULE = {
        id: "reflect-ptrto-and-typefor",
        title: "`reflect.PtrTo` deprecated; `reflect.TypeFor[T]()` replaces the nil-pointer idiom",
        family: "stdlib",
        severity: Severity::Deprecation,
        versions: "FV >= 1.22",
        sources: &["https://go.dev/doc/go1.22", "https://pkg.go.dev/reflect#TypeFor", "https://pkg.go.dev/reflect#PtrTo"],
        kinds: &["call_expression"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    if c.facts.local_name("reflect").is_none() {
        return;
    }
    let Some(callee) = c.callee(call) else { return };
    let f = callee.function;
    if !matches!(callee.selected, "PtrTo" | "Elem") {
        return;
    }
    let [from, to] = c.versions.file_sides();
    if !to.version.at_least(22) {
        return;
    }
    if let Some(r) = called_pkg_func(c, call) {
        if r.path == "reflect" && r.name == "PtrTo" && !r.shadowed(c) {
            let message = format!("{}.PtrTo is deprecated: superseded by {}.PointerTo", r.local, r.local);
            let explanation = "reflect.PtrTo's documentation says \"Deprecated: Superseded by PointerTo.\" It simply calls reflect.PointerTo (Go 1.18); the deprecation is recorded in Go 1.22. Renaming the call changes nothing at run time.";
            let mut d = c.diagnostic(Checker::span(f), message, explanation);
            d.sides = c.file_sides(
                if from.version.at_least(22) { "deprecated (still works)" } else { "not yet marked deprecated" },
                "deprecated (still works)",
            );
            if from.version.at_least(18) {
                d.fix = Some(Fix::safe(
                    format!("Use {}.PointerTo", r.local),
                    vec![TextEdit::replace(Checker::span(r.name_node), "PointerTo")],
                ));
            }
            c.report(d);
        }
        return;
    }
    // reflect.TypeOf((*T)(nil)).Elem()
    if f.kind_str() != "selector_expression" || !call_args(call).is_empty() {
        return;
    }
    let Some(field) = child(f, &fld::FIELD) else { return };
    if c.text(field) != "Elem" {
        return;
    }
    let Some(inner) = child(f, &fld::OPERAND).filter(|n| n.kind_str() == "call_expression") else { return };
    let Some(r) = called_pkg_func(c, inner) else { return };
    if r.path != "reflect" || r.name != "TypeOf" || r.shadowed(c) {
        return;
    }
    let args = call_args(inner);
    let [conv] = args.as_slice() else { return };
    if conv.kind_str() != "call_expression" {
        return;
    }
    let conv_args = call_args(*conv);
    if conv_args.len() != 1 || conv_args[0].kind_str() != "nil" {
        return;
    }
    let Some(paren) = child(*conv, &fld::FUNCTION).filter(|n| n.kind_str() == "parenthesized_expression") else {
        return;
    };
    let Some(unary) = paren.named_child(0).filter(|n| n.kind_str() == "unary_expression") else { return };
    if !c.text(unary).starts_with('*') {
        return;
    }
    let Some(ty) = child(unary, &fld::OPERAND) else { return };
    let ty_text = c.text(ty);
    let message = format!("{0}.TypeOf((*{ty_text})(nil)).Elem() can be {0}.TypeFor[{ty_text}]() (Go 1.22)", r.local);
    let explanation = "reflect.TypeFor[T]() (Go 1.22) returns the reflect.Type of T, the same value as the nil-pointer idiom reflect.TypeOf((*T)(nil)).Elem(), which was needed to get the type of an interface.";
    let mut d = c.diagnostic(Checker::span(call), message, explanation);
    d.severity = Severity::Hint;
    d.sides = c.file_sides(
        if from.version.at_least(22) {
            "reflect.TypeFor available"
        } else {
            "reflect.TypeFor not available before go1.22"
        },
        "reflect.TypeFor available",
    );
    let edit = TextEdit::replace(Checker::span(call), format!("{}.TypeFor[{ty_text}]()", r.local));
    let title = format!("Use {}.TypeFor[{ty_text}]()", r.local);
    d.fix = Some(if from.version.at_least(22) {
        Fix::safe(title, vec![edit])
    } else {
        Fix::unsafe_(title, "reflect.TypeFor needs go1.22: raise the go line first", vec![edit])
    });
    c.report(d);
}
