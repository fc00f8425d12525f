//! Doc comment quoted from /usr/share/go-1.23/src/math/rand/rand.go ("Deprecated: As of Go 1.20
//! there is no reason to call Seed with a random value. …"). No-op from go1.24 (GODEBUG
//! randseednop, default 1 for main modules at go1.24+; godebug.tsv; rules.md §E [ran] with 1.27.3).
use super::resolve::{call_args, called_pkg_func_named};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::span::Span;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds calls of the top-level `math/rand.Seed`.
    ///
    /// ## Why
    /// Since Go 1.20 the global generator is seeded randomly and `Seed` is deprecated: "there
    /// is no reason to call Seed with a random value. Programs that call Seed with a known
    /// value to get a specific sequence of results should use New(NewSource(seed))". From
    /// Go 1.24, in a main module whose go line is 1.24 or later, the call has no effect at
    /// all (GODEBUG `randseednop=1`), so code that seeded for reproducibility silently gets
    /// a different sequence on every run.
    ///
    /// ## How to fix
    /// Delete a call that only seeds from the clock. For a reproducible sequence use a local
    /// generator: `r := rand.New(rand.NewSource(42))` and call `r.Intn(…)`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.23 to=1.24
    /// package main
    ///
    /// import "math/rand"
    ///
    /// func main() {
    ///     rand.Seed(42)
    ///     println(rand.Intn(10))
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.23 to=1.24
    /// package main
    ///
    /// import "math/rand"
    ///
    /// func main() {
    ///     r := rand.New(rand.NewSource(42))
    ///     println(r.Intn(10))
    /// }
    /// ```
    pub static RULE = {
        id: "rand-seed-deprecated-and-noop",
        title: "`math/rand.Seed` is deprecated (1.20) and a no-op from go1.24",
        family: "stdlib",
        severity: Severity::Deprecation,
        versions: ">= 1.20 (deprecated); MV >= 1.24 (no-op)",
        godebug: Some(("randseednop", "0", None)),
        sources: &["https://go.dev/doc/go1.24", "https://go.dev/doc/go1.20", "https://go.dev/blog/randv2"],
        kinds: &["call_expression"],
        check_node: Some(check),
        applies: Some(|c| c.facts.local_name("math/rand").is_some()),
    }
}

fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(r) = called_pkg_func_named(c, call, "math/rand", "Seed") else { return };
    let args = call_args(call);
    let arg = args.first().map(|a| c.text(*a)).unwrap_or("");
    let tc24 = c.versions.toolchain.version.at_least(24);
    let override_ = c.facts.godebug_override("randseednop", c.gomod);
    let noop = |mv: u32| match &override_ {
        Some((v, _)) => tc24 && v != "0",
        None => tc24 && mv >= 24,
    };
    let [from, to] = c.versions.main_sides();
    let n = [noop(from.version.minor), noop(to.version.minor)];
    let works = "seeds the global generator (deprecated since go1.20)".to_string();
    let nop = "no effect: the global generator stays randomly seeded (randseednop=1)".to_string();
    let mut message = format!("{}.Seed has been deprecated since Go 1.20", r.local);
    if n[0] || n[1] {
        message.push_str(" and has no effect from Go 1.24 (GODEBUG randseednop=1)");
    }
    let from_clock = arg.contains(".Now()");
    let mut explanation = String::from(
        "Since Go 1.20 the global generator of math/rand is seeded randomly at start-up, and Seed is deprecated: \"there is no reason to call Seed with a random value. Programs that call Seed with a known value to get a specific sequence of results should use New(NewSource(seed)) to obtain a local random generator.\"",
    );
    explanation.push_str(" From Go 1.24, a main module whose go line is 1.24 or later gets GODEBUG randseednop=1: calls to the top-level Seed do nothing.");
    if let Some((v, src)) = &override_ {
        explanation.push_str(&format!(" This module sets randseednop={v} ({src})."));
    }
    if from_clock {
        explanation
            .push_str(" This call seeds from the clock, which the automatic seeding already does better: delete it.");
    } else {
        explanation.push_str(&format!(
            " If the seed is meant to make results reproducible, use a local generator: rng := {0}.New({0}.NewSource({1})) and call rng.Intn(…) etc.; once the call is a no-op the global sequence differs on every run.",
            r.local,
            if arg.is_empty() { "seed" } else { arg }
        ));
    }
    let mut d = c.diagnostic(Checker::span(call), message, explanation);
    d.sides = vec![
        crate::diagnostic::SideBehavior {
            version: from.describe(),
            behavior: if n[0] { nop.clone() } else { works.clone() },
        },
        crate::diagnostic::SideBehavior { version: to.describe(), behavior: if n[1] { nop } else { works } },
    ];
    if from_clock {
        d.fix = delete_statement_fix(c, call, r.local);
    }
    c.report(d);
}

/// Deletes the statement `rand.Seed(time.Now()…)` when it is a statement of its own line and
/// the file still uses both packages elsewhere (so no import becomes unused).
fn delete_statement_fix(c: &Checker, call: Node, rand_local: &str) -> Option<Fix> {
    let stmt = call.parent().filter(|p| p.kind_str() == "expression_statement")?;
    let call_text = c.text(call);
    let time_local = c.facts.local_name("time")?;
    for local in [rand_local, time_local] {
        let needle = format!("{local}.");
        if c.src.matches(&needle).count() <= call_text.matches(&needle).count() {
            return None;
        }
    }
    let (start, end) = (stmt.start_byte(), stmt.end_byte());
    let line_start = c.src[..start].rfind('\n').map_or(0, |i| i + 1);
    let rest = &c.src[end..];
    if !c.src[line_start..start].trim().is_empty() {
        return None;
    }
    let nl = rest.find('\n').unwrap_or(rest.len());
    let tail = rest[..nl].trim();
    let edit = if tail.is_empty() {
        TextEdit::delete(Span::new(line_start, (end + nl + 1).min(c.src.len())))
    } else if tail.starts_with("//") {
        TextEdit::delete(Span::new(start, end)) // keep the line's comment
    } else {
        return None;
    };
    Some(Fix::unsafe_(
        "Delete the call (the generator is already seeded randomly)",
        "with GODEBUG randautoseed=0 the global generator would start from the fixed seed 1 instead of the clock",
        vec![edit],
    ))
}
