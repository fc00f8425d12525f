use super::common::{self, describe, old_sees, ranges_over_int, LoopKind};
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds closures that read a variable declared by a `for` header with `:=` and that
    /// outlive the iteration: `go func(){…}()`, `defer func(){…}()`, closures appended to a
    /// slice, stored in a variable, field, map or slice element declared outside the
    /// iteration, sent on a channel, passed to `g.Go`/`wg.Go`/`pool.Submit`,
    /// `time.AfterFunc`, `t.Cleanup`, `http.HandleFunc`/`mux.Handle`, or to `t.Run` when the
    /// subtest calls `t.Parallel()`. Closures called on the spot and closures in a `return`
    /// statement do not outlive the iteration and are not reported; neither is a value
    /// passed as an argument (`go func(j Job){…}(job)`).
    ///
    /// ## Why
    /// Before Go 1.22 a loop declared its variables once for the whole loop, so every such
    /// closure shares one variable and usually sees the last element. From go1.22 each
    /// iteration has its own variable. The go line of the module (or the file's
    /// `//go:build` line) decides, not the toolchain. The change usually fixes a bug, but
    /// it changes what the program does either way.
    ///
    /// ## How to fix
    /// To behave the same under every go line, copy the variable at the top of the body
    /// (`job := job`) or pass it as an argument; or raise go.mod to go 1.22.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "sync"
    ///
    /// func runAll(jobs []string, run func(string)) {
    ///     var wg sync.WaitGroup
    ///     for _, job := range jobs {
    ///         wg.Add(1)
    ///         go func() {
    ///             defer wg.Done()
    ///             run(job)
    ///         }()
    ///     }
    ///     wg.Wait()
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "sync"
    ///
    /// func runAll(jobs []string, run func(string)) {
    ///     var wg sync.WaitGroup
    ///     for _, job := range jobs {
    ///         wg.Add(1)
    ///         go func(j string) {
    ///             defer wg.Done()
    ///             run(j)
    ///         }(job)
    ///     }
    ///     wg.Wait()
    /// }
    /// ```
    pub static RULE = {
        id: "loopvar-closure-capture",
        title: "Closure that may outlive the iteration reads a loop variable",
        family: "loopvar",
        severity: Severity::BehaviorChange,
        versions: "FV < 1.22 vs FV >= 1.22",
        sources: &[
            "https://go.dev/doc/go1.22#language",
            "https://go.dev/blog/loopvar-preview",
            "https://go.dev/wiki/LoopvarExperiment",
            "https://go.dev/ref/spec#For_statements",
        ],
        kinds: &["for_statement"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, node: Node<'a>) {
    let Some((x, scan, old_v, new_v)) = common::start(c, node) else { return };
    for (li, l) in scan.declaring_loops() {
        let caps = scan.escaping_captures(li);
        if caps.is_empty() || (l.kind == LoopKind::Range && ranges_over_int(c, l)) {
            continue;
        }
        for cap in caps {
            // A closure writing a 3-clause variable: loopvar-closure-writes-3clause-var.
            if !cap.read || (l.kind == LoopKind::ThreeClause && cap.write) {
                continue;
            }
            let Some(esc) = scan.closures.get(cap.closure).and_then(|cl| cl.esc.clone()) else { continue };
            let Some(var) = l.vars.get(cap.var) else { continue };
            let name = &var.name;
            let (what, all) = describe(esc.kind);
            let old = format!("{all} share one `{name}` and {}", old_sees(esc.kind, l, cap.var));
            let new = format!("each iteration has its own `{name}`");
            let message = format!("{what} reads loop variable `{name}`: under {old_v} {old}; under {new_v} {new}");
            let explanation = format!(
                "The {what} runs after the iteration that created it has moved on. Before go1.22 a `for` header's `:=` declares `{name}` once for the whole loop; from go1.22 each iteration gets a fresh `{name}` (the file's go line decides, not the toolchain). Under {old_v} this is usually a bug (go vet's loopclosure only reports some of these forms); under {new_v} it is correct, and code that relied on the sharing changes meaning. To behave the same under every go line, copy the variable at the top of the loop body (`{name} := {name}`) or pass it to the closure as an argument."
            );
            let mut d = x.diagnostic(c, cap.first, message, explanation, &old, &new);
            d.fix = common::copy_fix(c, &scan, li, cap.var, name, format!("under {old_v} the closures then see their own iteration's `{name}` (the go1.22 behaviour) instead of the shared variable"));
            c.report(d);
        }
    }
}
