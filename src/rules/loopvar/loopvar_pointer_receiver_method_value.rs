use super::common::{self, file_method_receivers, range_elem_type, ranges_over_int, LoopKind, MethodUse};
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds method values on a variable declared by a `for` header with `:=` that outlive
    /// the iteration (`handlers = append(handlers, item.Serve)`), and `go v.M(…)` /
    /// `defer v.M(…)` statements. Reported as "possible": only a pointer receiver makes a
    /// difference, and syntax alone cannot see the receiver. A method value is reported
    /// only when the file declares a method of that name with a pointer receiver (otherwise
    /// `v.M` could be a field); `go`/`defer` calls are reported unless the file declares
    /// that method only with value receivers.
    ///
    /// ## Why
    /// A method value evaluates its receiver when it is created. With a pointer receiver
    /// on an addressable variable, `v.M` means `(&v).M`: it keeps the loop variable's
    /// address. Before Go 1.22 all of them act on the one shared variable (the last
    /// element); from go1.22 each acts on its own iteration's variable. The same holds for
    /// `go v.M()` and `defer v.M()`, whose receiver is evaluated at the statement.
    ///
    /// ## How to fix
    /// Copy the variable first (`item := item`) or range by index and use `items[i].M`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// type color struct{ name string }
    ///
    /// func (c *color) print() { println(c.name) }
    ///
    /// func printers(colors []color) []func() {
    ///     var fns []func()
    ///     for _, c := range colors {
    ///         fns = append(fns, c.print)
    ///     }
    ///     return fns
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// type color struct{ name string }
    ///
    /// func (c *color) print() { println(c.name) }
    ///
    /// func printers(colors []color) []func() {
    ///     var fns []func()
    ///     for i := range colors {
    ///         fns = append(fns, colors[i].print)
    ///     }
    ///     return fns
    /// }
    /// ```
    pub static RULE = {
        id: "loopvar-pointer-receiver-method-value",
        title: "Method value or pointer-receiver call on a loop variable",
        family: "loopvar",
        severity: Severity::BehaviorChange,
        versions: "FV < 1.22 vs FV >= 1.22",
        sources: &[
            "https://go.dev/blog/loopvar-preview",
            "https://go.dev/ref/spec#Method_values",
            "https://go.dev/doc/go1.22#language",
        ],
        kinds: &["for_statement"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, node: Node<'a>) {
    let Some((x, scan, old_v, new_v)) = common::start(c, node) else { return };
    let mut receivers = None;
    for (li, l) in scan.declaring_loops() {
        let Some(body) = l.body else { continue };
        let mut over_int = None;
        let mut elem = None;
        for u in scan.body_uses(li) {
            let Some(m) = &u.method else { continue };
            // Inside a closure of this loop: loopvar-closure-capture's business.
            let in_closure =
                u.closure.and_then(|ci| scan.closures.get(ci)).is_some_and(|cl| body.contains(cl.span.start));
            if in_closure {
                continue;
            }
            let receivers = receivers.get_or_insert_with(|| file_method_receivers(c));
            let elem = elem.get_or_insert_with(|| if l.kind == LoopKind::Range { range_elem_type(c, l) } else { None });
            let (method, span) = match m {
                MethodUse::GoDefer { method, span, .. } | MethodUse::Value { method, span } => (method, *span),
            };
            let decls: Vec<(&str, bool)> =
                receivers.iter().filter(|r| r.0 == *method).map(|r| (r.1.as_str(), r.2)).collect();
            // Some(true): pointer receiver on the element type; None: cannot tell.
            let certain = match elem {
                Some((true, _)) => continue, // pointer elements: the receiver is a copy of the pointer
                Some((false, t)) if c.visible_contains(&format!("type {t} interface")) => continue, // interface values are copied
                Some((false, t)) => {
                    let on_t: Vec<bool> = decls.iter().filter(|d| d.0 == t.as_str()).map(|d| d.1).collect();
                    if on_t.iter().any(|&p| p) {
                        true
                    } else if !on_t.is_empty() {
                        continue;
                    } else {
                        false
                    }
                }
                None => {
                    if !decls.is_empty() && decls.iter().all(|d| !d.1) {
                        continue;
                    }
                    false
                }
            };
            let shape = match m {
                MethodUse::GoDefer { defer, .. } => {
                    if l.kind != LoopKind::Range && !decls.iter().any(|d| d.1) {
                        continue;
                    }
                    if *defer {
                        "defer"
                    } else {
                        "go"
                    }
                }
                MethodUse::Value { .. } => {
                    // `v.M` may be a field read: only with a known value element type whose
                    // method M has a pointer receiver.
                    if !certain || !scan.value_escapes(u, l) {
                        continue;
                    }
                    "value"
                }
            };
            if l.kind == LoopKind::Range && *over_int.get_or_insert_with(|| ranges_over_int(c, l)) {
                continue;
            }
            let Some(var) = l.vars.get(u.var) else { continue };
            let name = &var.name;
            let expr = c.src.get(span.start..span.end).unwrap_or("");
            let last = if l.kind == LoopKind::Range { "the last element" } else { "the value that ended the loop" };
            let (message, old, new) = if shape == "value" {
                (
                    format!("method value `{expr}` has a pointer receiver, so it is `(&{name}).{method}` and outlives the iteration: under {old_v} all of them act on the one shared `{name}` ({last}); under {new_v} each acts on its own iteration's `{name}`"),
                    format!("all method values act on the one shared `{name}` ({last})"),
                    format!("each method value acts on its own iteration's `{name}`"),
                )
            } else if certain {
                (
                    format!("`{shape} {expr}(…)` has a pointer receiver, so it gets `&{name}`: under {old_v} every such call shares one `{name}` and may see {last}; under {new_v} each gets its own iteration's `{name}`"),
                    format!("every call shares one `{name}` and may see {last}"),
                    format!("each call gets its own iteration's `{name}`"),
                )
            } else {
                (
                    format!("possible: `{shape} {expr}(…)` evaluates its receiver now; if `{method}` has a pointer receiver and `{name}` is not a pointer, it gets `&{name}`: under {old_v} every such call shares one `{name}` and may see {last}; under {new_v} each gets its own iteration's `{name}`"),
                    format!("with a pointer receiver every call shares one `{name}` and may see {last}"),
                    format!("each call gets its own iteration's `{name}`"),
                )
            };
            let explanation = format!(
                "A method value or a `go`/`defer` call evaluates its receiver at once. A value receiver is copied then, so nothing changes between go lines. A pointer receiver on an addressable loop variable takes the variable's address, which before go1.22 is one variable for the whole loop and from go1.22 one per iteration (the file's go line decides). If `{method}` has a pointer receiver, copy the variable first (`{name} := {name}`) or range by index."
            );
            let mut d = x.diagnostic(c, span, message, explanation, &old, &new);
            d.fix = common::copy_fix(
                c,
                &scan,
                li,
                u.var,
                name,
                format!("under {old_v} a pointer receiver then gets its own iteration's copy (the go1.22 behaviour)"),
            );
            c.report(d);
        }
    }
}
