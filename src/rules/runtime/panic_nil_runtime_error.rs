use super::common::{call_args, godebug_sides, library_note, main_sides};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `panic(nil)`.
    ///
    /// ## Why
    /// Since Go 1.21 "calling panic with a nil interface value (or an untyped nil) causes a
    /// run-time panic of type *runtime.PanicNilError". Before, `recover()` returned `nil`, so a
    /// deferred `if r := recover(); r != nil { … }` treated the goroutine as not panicking;
    /// `panic(nil)` was sometimes used as a silent unwind. With a main module go line of 1.21 or
    /// later `recover()` returns a `*runtime.PanicNilError` ("panic called with nil argument"),
    /// and an unrecovered `panic(nil)` crashes the program with that message. GODEBUG
    /// `panicnil=1` restores the old behaviour.
    ///
    /// ## How to fix
    /// Panic with a real value (`panic(errAbort)` with a sentinel error) and check for it in the
    /// recover code.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.20 to=1.21
    /// package main
    ///
    /// func main() {
    ///     defer func() {
    ///         if r := recover(); r != nil {
    ///             println("failed")
    ///         }
    ///     }()
    ///     panic(nil)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.20 to=1.21
    /// package main
    ///
    /// import "errors"
    ///
    /// var errStop = errors.New("stop")
    ///
    /// func main() {
    ///     defer func() {
    ///         if r := recover(); r != nil && r != errStop {
    ///             println("failed")
    ///         }
    ///     }()
    ///     panic(errStop)
    /// }
    /// ```
    pub static RULE = {
        id: "panic-nil-runtime-error",
        title: "`panic(nil)` now panics with `*runtime.PanicNilError`",
        family: "runtime",
        severity: Severity::BehaviorChange,
        versions: "MV >= 1.21",
        godebug: Some(("panicnil", "1", None)),
        sources: &["https://go.dev/doc/go1.21#language", "https://go.dev/doc/godebug#go-121", "https://go.dev/ref/spec#Handling_panics"],
        kinds: &["call_expression"],
        check_node: Some(check),        local: true,
    }
}

// Verified with go1.21.13 (GOTOOLCHAIN=local, `go run .`, only the go.mod line varied), a
// deferred `r := recover(); fmt.Printf("recover() == nil: %v; %v (%T)\n", r == nil, r, r)`:
//   go 1.20 → `recover() == nil: true; <nil> (<nil>)`
//   go 1.21 → `recover() == nil: false; panic called with nil argument (*runtime.PanicNilError)`
// Unrecovered, go1.21–go1.23 print `panic: panic called with nil argument`; rules.md records
// `runtime error: panic called with nil argument` from go1.27.3, hence the quoted substring.
fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    if c.callee(call).and_then(|f| f.ident) != Some("panic") {
        return;
    }
    let args = call_args(call);
    if args.len() != 1 || args[0].kind_str() != "nil" {
        return;
    }
    let sides = godebug_sides(c, "panicnil");
    if !sides.iter().any(|s| s.new) {
        return;
    }
    // Does this file call recover()? (A fact of the whole file: the finding stays local.)
    let recover_note = if c.facts.calls_recover {
        " This file calls recover(): code that tests `recover() != nil` (or `== nil`) now sees a non-nil value for this panic."
    } else {
        ""
    };
    let message = "panic(nil) raises a *runtime.PanicNilError: recover() returns non-nil and an unrecovered panic crashes with \"panic called with nil argument\"";
    let explanation = format!(
        "Since Go 1.21, panic with a nil value panics with *runtime.PanicNilError instead. Before, recover() returned nil for it, so deferred code could not tell that the goroutine was panicking.{recover_note} Panic with a real value (a sentinel error) and test for it in the recover code. GODEBUG panicnil=1 restores the old behaviour.{}",
        library_note(c)
    );
    let mut d = c.diagnostic(Checker::span(call), message, explanation);
    d.sides = main_sides(
        c,
        &sides,
        "recover() returns nil: deferred `r != nil` checks think there was no panic",
        "recover() returns *runtime.PanicNilError (\"panic called with nil argument\"); unrecovered, the program crashes",
    );
    c.report(d);
}
