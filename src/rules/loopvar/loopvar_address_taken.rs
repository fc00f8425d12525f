use super::common::{self, range_elem_type, ranges_over_int, AddrKind, EscKind, LoopKind};
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `&v` of a variable declared by a `for` header with `:=` when the pointer
    /// outlives the iteration: appended to a slice, assigned to a variable, field or map
    /// entry declared outside the iteration, sent on a channel, stored in a composite
    /// literal that goes there, or handed to a `go`/`defer` call. `&v.f`, `&v[i]` and
    /// `v[:]` are reported as "possible": they take the variable's address only when `v`
    /// is a struct or array value (not a pointer or slice), which syntax cannot tell.
    /// Passing `&v` to an ordinary function call (`json.Unmarshal(b, &v)`) is not reported:
    /// most callees do not keep the pointer.
    ///
    /// ## Why
    /// Before Go 1.22 the loop had one variable, so every stored pointer aliases it and
    /// sees the last element. From go1.22 each iteration has its own variable, so the
    /// pointers are distinct. Code that relied on one address (e.g. `&v` as a map key)
    /// changes meaning too.
    ///
    /// ## How to fix
    /// Copy the variable before taking its address (`v := v`, works under every go line),
    /// or point into the source: `for i := range users { ptrs = append(ptrs, &users[i]) }`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// type User struct{ Name string }
    ///
    /// func index(users []User) map[string]*User {
    ///     byName := map[string]*User{}
    ///     for _, u := range users {
    ///         byName[u.Name] = &u
    ///     }
    ///     return byName
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// type User struct{ Name string }
    ///
    /// func index(users []User) map[string]*User {
    ///     byName := map[string]*User{}
    ///     for i := range users {
    ///         byName[users[i].Name] = &users[i]
    ///     }
    ///     return byName
    /// }
    /// ```
    pub static RULE = {
        id: "loopvar-address-taken",
        title: "Address of a loop variable escapes the iteration",
        family: "loopvar",
        severity: Severity::BehaviorChange,
        versions: "FV < 1.22 vs FV >= 1.22",
        sources: &[
            "https://go.dev/doc/go1.22#language",
            "https://go.dev/blog/loopvar-preview",
            "https://go.dev/wiki/LoopvarExperiment",
        ],
        kinds: &["for_statement"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, node: Node<'a>) {
    let Some((x, scan, old_v, new_v)) = common::start(c, node) else { return };
    for (li, l) in scan.declaring_loops() {
        let mut over_int = None;
        let mut elem = None;
        for u in scan.body_uses(li) {
            let (Some((kind, addr_span)), Some(esc)) = (u.addr, u.esc.as_ref()) else { continue };
            if !scan.value_escapes(u, l) || scan.escaping_closure(u, l).is_some() || scan.pointer_outlives(c, u) {
                continue;
            }
            if l.kind == LoopKind::Range && *over_int.get_or_insert_with(|| ranges_over_int(c, l)) {
                continue;
            }
            // `&v.f`, `&v[i]`, `v[:]` involve the variable's address only for value
            // elements (structs, arrays): require the file to show the element type.
            if kind != AddrKind::Direct {
                if l.kind != LoopKind::Range {
                    continue;
                }
                let elem = elem.get_or_insert_with(|| range_elem_type(c, l));
                let array = |t: &str| {
                    (t.starts_with('[') && !t.starts_with("[]")) || {
                        // A named array type declared where the loop sees it (the file but
                        // the other functions' bodies): `type Row [3]int`.
                        let decl = format!("type {t} [");
                        c.visible_parts().iter().any(|p| {
                            let part = c.src.get(p.start..p.end).unwrap_or("");
                            part.match_indices(&decl).any(|(i, _)| !part[i + decl.len()..].starts_with(']'))
                        })
                    }
                };
                let ok = match (kind, &*elem) {
                    (_, Some((true, _))) => false,
                    (AddrKind::Part, Some((false, t))) => {
                        let index = expr_is_index(c.src.get(addr_span.start..addr_span.end).unwrap_or(""));
                        if index {
                            array(t)
                        } else {
                            !t.starts_with('[') && !BASIC.contains(&t.as_str())
                        }
                    }
                    (AddrKind::Slice, Some((false, t))) => array(t),
                    (AddrKind::Slice, None) => true,
                    _ => false,
                };
                if !ok {
                    continue;
                }
            }
            let Some(var) = l.vars.get(u.var) else { continue };
            let name = &var.name;
            let expr = c.src.get(addr_span.start..addr_span.end).unwrap_or("");
            let sink = match esc.kind {
                EscKind::Append => "appended to a slice",
                EscKind::Store => "stored outside the iteration",
                EscKind::Send => "sent on a channel",
                EscKind::Go | EscKind::GoDeferArg => "handed to a go/defer call",
                _ => "kept beyond the iteration",
            };
            let last = if l.kind == LoopKind::Range { "the last element" } else { "the value that ended the loop" };
            let old = format!("every such pointer points to the one shared `{name}` and sees {last}");
            let new = format!("each iteration has its own `{name}`, so the pointers are distinct");
            let (message, caveat) = match kind {
                AddrKind::Direct => (format!("`{expr}` is {sink}: under {old_v} {old}; under {new_v} {new}"), String::new()),
                AddrKind::Part => (
                    format!("possible: `{expr}` is {sink}; if `{name}` is a struct or array value (not a pointer or slice), under {old_v} {old}; under {new_v} {new}"),
                    format!(" If `{name}` is a pointer or a slice, `{expr}` does not involve the loop variable's address and nothing changes."),
                ),
                AddrKind::Slice => (
                    format!("possible: `{expr}` is {sink}; if `{name}` is an array, under {old_v} {old}; under {new_v} {new}"),
                    format!(" If `{name}` is a slice, `{expr}` does not involve the loop variable's address and nothing changes."),
                ),
            };
            let explanation = format!(
                "A `for` header's `:=` declares `{name}` once for the whole loop before go1.22 and once per iteration from go1.22 (the file's go line decides). A pointer to it that outlives the iteration therefore aliases one variable under {old_v} and a fresh one per iteration under {new_v}.{caveat} To behave the same everywhere, copy the variable first (`{name} := {name}`) or take the address of the source element (`&items[i]`)."
            );
            let mut d = x.diagnostic(c, addr_span, message, explanation, &old, &new);
            d.fix = common::copy_fix(
                c,
                &scan,
                li,
                u.var,
                name,
                format!("under {old_v} each pointer then points to its own iteration's copy (the go1.22 behaviour)"),
            );
            c.report(d);
        }
    }
}

/// Basic types: `&v.f` cannot apply to them.
const BASIC: &[&str] = &[
    "string", "int", "int64", "int32", "uint", "uint64", "uint32", "byte", "rune", "bool", "float64", "float32", "any",
    "error",
];

/// `&v[i]` rather than `&v.f`.
fn expr_is_index(expr: &str) -> bool {
    expr.trim_end().ends_with(']')
}
