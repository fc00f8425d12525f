use super::common::{call_args, godebug_sides, library_note, main_sides, removal_note, unparen};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `len(x.C)` and `cap(x.C)` where `x` is a `time.Timer` or `time.Ticker` of this file:
    /// assigned from `time.NewTimer`/`time.NewTicker`, or declared with type `*time.Timer`/
    /// `*time.Ticker` (variable, parameter or struct field).
    ///
    /// ## Why
    /// Go 1.23 made timer channels synchronous (unbuffered) for main modules whose go line is 1.23
    /// or later: `len` and `cap` of `t.C` are always 0, so a `len(t.C) > 0` check never sees
    /// a pending tick, and `Stop`/`Reset` no longer leave a stale value in the channel. GODEBUG
    /// `asynctimerchan=1` restores buffered channels up to Go 1.26; the setting was removed in
    /// Go 1.27, whose toolchain always uses synchronous channels. A non-blocking receive
    /// (`select { case <-t.C: … default: }`) works on every version.
    ///
    /// ## How to fix
    /// Replace `len(t.C) > 0` tests by a non-blocking receive.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.23
    /// package main
    ///
    /// import "time"
    ///
    /// func expired(t *time.Timer) bool {
    ///     return len(t.C) > 0
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.23
    /// package main
    ///
    /// import "time"
    ///
    /// func expired(t *time.Timer) bool {
    ///     select {
    ///     case <-t.C:
    ///         return true
    ///     default:
    ///         return false
    ///     }
    /// }
    /// ```
    pub static RULE = {
        id: "timer-channel-synchronous",
        title: "Timer/Ticker channels are unbuffered from go1.23",
        family: "runtime",
        severity: Severity::BehaviorChange,
        versions: "MV >= 1.23 (TC 1.23-1.26) or TC >= 1.27",
        godebug: Some(("asynctimerchan", "1", Some("removed in Go 1.27"))),
        sources: &["https://go.dev/doc/go1.23#timer-changes", "https://pkg.go.dev/time#NewTimer", "https://go.dev/doc/go1.27"],
        kinds: &["call_expression"],
        check_node: Some(check),
        local: true,
    }
}

/// Whether `name` holds a timer or ticker as far as the text visible from the walked
/// declaration shows ([`Checker::visible_parts`]: the file without the other functions'
/// bodies, whose locals are not in scope here).
fn is_timer(c: &Checker, name: &str) -> bool {
    // (`Shared::timers`: the names for the last declaration asked about.)
    let top = c.walked_top().map_or(0, |n| n.id());
    let mut t = c.shared.timers.borrow_mut();
    if t.as_ref().is_none_or(|(id, _)| *id != top) {
        *t = Some((top, timer_names(c)));
    }
    t.as_ref().is_some_and(|(_, names)| names.iter().any(|n| n == name))
}

fn timer_names(c: &Checker) -> Vec<String> {
    let mut names = Vec::new();
    let Some(t) = c.facts.local_name("time") else { return names };
    let root = c.tree.root_node();
    let parts = c.visible_parts();
    for pat in ["NewTimer", "NewTicker", "Timer", "Ticker"] {
        let needle = format!("{t}.{pat}");
        for p in parts.iter() {
            let Some(text) = c.src.get(p.start..p.end) else { continue };
            if !text.contains(&needle) {
                continue; // (a fast search first: match_indices scans more slowly)
            }
            for (i, _) in text.match_indices(&needle) {
                let (i, end) = (p.start + i, p.start + i + needle.len());
                if c.src.as_bytes().get(end).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_') {
                    continue;
                }
                let Some(n) = root.descendant_for_byte_range(i, end) else { continue };
                bound_names(c, n, &mut names);
            }
        }
    }
    names
}

/// From a node inside `time.NewTimer(...)` or a type `*time.Timer`: the names it is bound to.
fn bound_names(c: &Checker, n: Node, out: &mut Vec<String>) {
    let mut cur = n;
    for _ in 0..6 {
        let Some(p) = cur.parent() else { return };
        match p.kind_str() {
            "selector_expression" | "qualified_type" | "pointer_type" | "call_expression" | "argument_list" => {
                if p.kind_str() == "argument_list" {
                    return;
                }
            }
            "expression_list" => {
                let Some(stmt) = p.parent() else { return };
                if !matches!(stmt.kind_str(), "short_var_declaration" | "assignment_statement" | "var_spec") {
                    return;
                }
                if stmt.kind_str() != "var_spec" && stmt.field("right") != Some(p) {
                    return;
                }
                push_names(c, stmt, out);
                return;
            }
            "var_spec" | "field_declaration" | "parameter_declaration" => {
                push_names(c, p, out);
                return;
            }
            _ => return,
        }
        cur = p;
    }
}

fn push_names(c: &Checker, decl: Node, out: &mut Vec<String>) {
    for t in crate::analyzer::node_ext::bound_names(c.src, decl) {
        if !out.iter().any(|x| x == t) {
            out.push(t.to_string());
        }
    }
}

// Verified with go1.23.5 (`go run`, only the go.mod line varied) on an expired, unreceived
// time.NewTimer: go 1.22 → `len 1 cap 1 stop false`; go 1.23 → `len 0 cap 0 stop true`.
fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(builtin) = c.callee(call).and_then(|f| f.ident) else { return };
    if builtin != "len" && builtin != "cap" {
        return;
    }
    let args = call_args(call);
    if args.len() != 1 {
        return;
    }
    let sel = unparen(args[0]);
    if sel.kind_str() != "selector_expression" {
        return;
    }
    let (Some(x), Some(field)) = (sel.field("operand"), sel.field("field")) else {
        return;
    };
    if c.text(field) != "C" {
        return;
    }
    let x = unparen(x);
    let name = match x.kind_str() {
        "identifier" => c.text(x),
        "selector_expression" => x.field("field").map(|n| c.text(n)).unwrap_or(""),
        _ => return,
    };
    if !is_timer(c, name) {
        return;
    }
    let sides = godebug_sides(c, "asynctimerchan");
    if !sides.iter().any(|s| s.new) {
        return;
    }
    let expr = c.text(call);
    let message = format!("{expr} is always 0 with synchronous (unbuffered) timer channels");
    let explanation = format!(
        "Go 1.23 made the channels of time.Timer and time.Ticker unbuffered for main modules with go line 1.23 or later: {builtin}({}) is always 0, so it cannot tell whether a tick is pending. Use a non-blocking receive (select with a default case) instead. Stop and Reset also no longer leave a stale value to drain.{}{}",
        c.text(sel),
        removal_note("asynctimerchan"),
        library_note(c)
    );
    let mut d = c.diagnostic(Checker::span(call), message, explanation);
    d.sides = main_sides(
        c,
        &sides,
        "buffered channel (cap 1): len is 1 while a tick is pending",
        "unbuffered channel: len and cap are always 0",
    );
    c.report(d);
}
