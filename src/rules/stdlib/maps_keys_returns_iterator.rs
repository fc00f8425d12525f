//! Facts from stdapi-since.tsv: std `maps.Keys`/`maps.Values` are go1.23 (returning
//! `iter.Seq[K]`/`iter.Seq[V]`); the go1.21 `maps` package has Clone, Copy, DeleteFunc, Equal,
//! EqualFunc only. golang.org/x/exp/maps.Keys returned `[]K`.
use super::resolve::{call_args, called};
use super::resolve::{child, fld};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `maps.Keys(m)` / `maps.Values(m)` of the standard `maps` package used as a
    /// slice: sorted with `sort.Strings`/`slices.Sort`, indexed, sliced, passed to `len`,
    /// spread with `...`, or ranged over with two variables.
    ///
    /// ## Why
    /// `golang.org/x/exp/maps.Keys` returns a slice, and code moved from x/exp to the
    /// standard library keeps using it as one. The standard `maps.Keys` (Go 1.23) returns an
    /// iterator (`iter.Seq[K]`), so such code does not compile; before Go 1.23 the standard
    /// package has no `Keys` at all.
    ///
    /// ## How to fix
    /// Collect the iterator: `slices.Sorted(maps.Keys(m))` for sorted keys, or
    /// `slices.Collect(maps.Keys(m))` (both Go 1.23).
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.23 to=1.23
    /// package main
    ///
    /// import (
    ///     "maps"
    ///     "sort"
    /// )
    ///
    /// func names(m map[string]int) []string {
    ///     keys := maps.Keys(m)
    ///     sort.Strings(maps.Keys(m))
    ///     return keys
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.23 to=1.23
    /// package main
    ///
    /// import (
    ///     "maps"
    ///     "slices"
    /// )
    ///
    /// func names(m map[string]int) []string {
    ///     return slices.Sorted(maps.Keys(m))
    /// }
    /// ```
    pub static RULE = {
        id: "maps-keys-returns-iterator",
        title: "std `maps.Keys`/`maps.Values` return iterators, not slices",
        family: "stdlib",
        severity: Severity::Error,
        versions: "FV >= 1.23 (iterator) or FV < 1.23 (absent)",
        sources: &["https://go.dev/doc/go1.23", "https://pkg.go.dev/maps#Keys"],
        kinds: &["selector_expression"],
        check_node: Some(check),
        local: true,
    }
}

/// Functions that take a slice whose argument is visibly meant to be a slice.
const SLICE_TAKERS: &[(&str, &str)] = &[
    ("sort", "Strings"),
    ("sort", "Ints"),
    ("sort", "Float64s"),
    ("sort", "Slice"),
    ("sort", "SliceStable"),
    ("slices", "Sort"),
    ("slices", "SortFunc"),
    ("slices", "SortStableFunc"),
    ("slices", "Contains"),
    ("slices", "Index"),
    ("strings", "Join"),
];

/// Whether the call `maps.Keys(m)` whose function is `sel` is visibly used as a slice.
pub fn used_as_slice<'a>(c: &Checker<'a>, sel: Node<'a>) -> bool {
    let Some(call) = called(sel) else { return false };
    let Some(parent) = call.parent() else { return false };
    match parent.kind_str() {
        "index_expression" | "slice_expression" => child(parent, &fld::OPERAND) == Some(call),
        "variadic_argument" => true,
        "argument_list" => {
            let Some(outer) = parent.parent() else { return false };
            let Some(f) = child(outer, &fld::FUNCTION) else { return false };
            if f.kind_str() == "identifier" {
                return matches!(c.text(f), "len" | "cap" | "copy");
            }
            let args = call_args(outer);
            let first = args.first() == Some(&call);
            c.pkg_ref(f).is_some_and(|r| first && SLICE_TAKERS.contains(&(r.path, r.name)))
        }
        "range_clause" => parent
            .field("left")
            .is_some_and(|l| l.named_child_count() == 2 && c.text(l.named_child(1).unwrap_or(l)) != "_"),
        _ => false,
    }
}

fn check<'a>(c: &mut Checker<'a>, sel: Node<'a>) {
    if c.facts.local_name("maps").is_none() || !matches!(super::resolve::selected_name(c, sel), "Keys" | "Values") {
        return;
    }
    let Some(r) = c.pkg_ref(sel) else { return };
    if r.path != "maps" || !matches!(r.name, "Keys" | "Values") || !used_as_slice(c, sel) || r.shadowed(c) {
        return;
    }
    let Some(call) = called(sel) else { return };
    let [from, to] = c.versions.file_sides();
    let side = |fv: u32| {
        if fv >= 23 {
            format!("compile error: maps.{} returns an iterator (iter.Seq), not a slice", r.name)
        } else {
            format!("compile error: the standard maps package has no {} before go1.23", r.name)
        }
    };
    let (fa, fb) = (side(from.version.minor), side(to.version.minor));
    let message = format!(
        "{}.{}({}) is used as a slice, but the standard maps.{} returns an iterator (iter.Seq)",
        r.local,
        r.name,
        child(call, &fld::ARGUMENTS).map(|a| c.text(a).trim_matches(['(', ')'])).unwrap_or(""),
        r.name
    );
    let explanation = format!(
        "golang.org/x/exp/maps.{0} returns a slice; the standard library's maps.{0} (Go 1.23) returns an iterator, and before Go 1.23 the standard maps package has no {0}. Either way this use does not compile. Collect the values with slices.Collect(maps.{0}(m)), or slices.Sorted(maps.{0}(m)) for a sorted slice (Go 1.23).",
        r.name
    );
    let mut d = c.diagnostic(Checker::span(call), message, explanation);
    d.sides = c.file_sides(fa, fb);
    // Offer slices.Collect when the file already imports slices and the file can use it.
    if let Some(s) = c.facts.local_name("slices") {
        if to.version.at_least(23) && s != "_" && s != "." {
            let edits = vec![
                TextEdit::insert(call.start_byte(), format!("{s}.Collect(")),
                TextEdit::insert(call.end_byte(), ")"),
            ];
            d.fix = Some(Fix::unsafe_(
                format!("Wrap in {s}.Collect(…)"),
                "needs go1.23 (slices.Collect); otherwise it gives what x/exp/maps returned: a new slice in map iteration order",
                edits,
            ));
        }
    }
    c.report(d);
}
