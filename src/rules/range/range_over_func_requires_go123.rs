use crate::analyzer::NodeExt;
use crate::analyzer::{Checker, Sourced};
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rules::mux::registrations::resolve;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `for … range f` loops over a function iterator in a file whose Go version is
    /// below go1.23: a func literal or a function of this file with a `yield` signature
    /// (`func(yield func(K, V) bool)`), a variable of type `iter.Seq`/`iter.Seq2`, or a
    /// call of a standard iterator constructor (`maps.Keys`, `slices.All`,
    /// `strings.SplitSeq`, …).
    ///
    /// ## Why
    /// Range over functions is a Go 1.23 language feature. Go 1.23+ toolchains reject it
    /// in an older file ("cannot range over seq (value of type func(yield func(int) bool)):
    /// requires go1.23 or later (-lang was set to go1.22; check go.mod)"); Go 1.22 rejects
    /// it unless built with `GOEXPERIMENT=rangefunc`.
    ///
    /// ## How to fix
    /// Raise the go.mod `go` line to 1.23 or later, or call the iterator with a yield
    /// function: `seq(func(x int) bool { use(x); return true })`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.22 toolchain=1.23
    /// package main
    ///
    /// func count(yield func(int) bool) {
    ///     for _, v := range []int{0, 1, 2} {
    ///         if !yield(v) {
    ///             return
    ///         }
    ///     }
    /// }
    ///
    /// func main() {
    ///     for x := range count {
    ///         println(x)
    ///     }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22 toolchain=1.23
    /// package main
    ///
    /// func count(yield func(int) bool) {
    ///     for _, v := range []int{0, 1, 2} {
    ///         if !yield(v) {
    ///             return
    ///         }
    ///     }
    /// }
    ///
    /// func main() {
    ///     count(func(x int) bool {
    ///         println(x)
    ///         return true
    ///     })
    /// }
    /// ```
    pub static RULE = {
        id: "range-over-func-requires-go123",
        title: "Range over a function iterator needs go1.23 (GOEXPERIMENT in 1.22)",
        family: "range",
        severity: Severity::Error,
        versions: "FV < 1.23",
        sources: &["https://go.dev/doc/go1.23#language", "https://go.dev/blog/range-functions", "https://go.dev/wiki/RangefuncExperiment"],
        kinds: &["range_clause"],
        check_node: Some(check),
        local: true,
    }
}

/// Standard iterator constructors: (package path, function, first release).
const STD_ITERATORS: &[(&str, &str, u32)] = &[
    ("maps", "Keys", 23),
    ("maps", "Values", 23),
    ("maps", "All", 23),
    ("slices", "All", 23),
    ("slices", "Values", 23),
    ("slices", "Backward", 23),
    ("slices", "Chunk", 23),
    ("strings", "Lines", 24),
    ("strings", "SplitSeq", 24),
    ("strings", "SplitAfterSeq", 24),
    ("strings", "FieldsSeq", 24),
    ("strings", "FieldsFuncSeq", 24),
    ("bytes", "Lines", 24),
    ("bytes", "SplitSeq", 24),
    ("bytes", "SplitAfterSeq", 24),
    ("bytes", "FieldsSeq", 24),
    ("bytes", "FieldsFuncSeq", 24),
];

fn squeeze(s: &str) -> String {
    let joined: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.replace("( ", "(").replace(" )", ")")
}

/// `func(yield func(...) bool)` with no result: the parameter list text, or `None`.
fn yield_signature(c: &Checker, params: Node, result: Option<Node>) -> Option<String> {
    if result.is_some() || params.named_child_count() != 1 {
        return None;
    }
    let p = params.named_child(0)?;
    let ty = p.field("type")?;
    if ty.kind_str() != "function_type" || ty.field("result").map(|r| c.text(r)) != Some("bool") {
        return None;
    }
    let inner = ty.field("parameters")?;
    if inner.named_child_count() > 2 {
        return None;
    }
    Some(squeeze(c.text(params)))
}

/// What the compiler would call the range expression (`value of type func(yield func(int) bool)`),
/// or `None` with evidence but no exact type.
enum Evidence {
    Exact(String),
    Described(String),
}

fn evidence<'t>(c: &Checker<'t>, e: Node<'t>) -> Option<Evidence> {
    match e.kind_str() {
        "func_literal" => {
            let params = e.field("parameters")?;
            let sig = yield_signature(c, params, e.field("result"))?;
            Some(Evidence::Exact(format!("value of type func{sig}")))
        }
        "identifier" => {
            if !may_declare_iterators(c) {
                return None;
            }
            let d = resolve(c, e)?;
            let parent = d.name.parent()?;
            if parent.kind_str() == "function_declaration" {
                if parent.field("type_parameters").is_some() {
                    return None;
                }
                let params = parent.field("parameters")?;
                let sig = yield_signature(c, params, parent.field("result"))?;
                return Some(Evidence::Exact(format!("value of type func{sig}")));
            }
            if let Some(ty) = d.ty {
                let t: String = c.text(ty).split_whitespace().collect();
                let iter = c.facts.local_name("iter").filter(|n| *n != "_" && *n != ".")?;
                if t.starts_with(&format!("{iter}.Seq[")) || t.starts_with(&format!("{iter}.Seq2[")) {
                    let t = t.replacen(&format!("{iter}."), "iter.", 1).replace(',', ", ");
                    return Some(Evidence::Exact(format!("variable of type {t}")));
                }
                return None;
            }
            let v = d.value?;
            if v.kind_str() == "func_literal" {
                let params = v.field("parameters")?;
                let sig = yield_signature(c, params, v.field("result"))?;
                return Some(Evidence::Exact(format!("variable of type func{sig}")));
            }
            None
        }
        "call_expression" => {
            let f = e.field("function")?;
            if f.kind_str() == "identifier" {
                // A non-generic function of this file returning iter.Seq/Seq2.
                c.facts.local_name("iter")?;
                let d = resolve(c, f)?;
                let decl = d.name.parent().filter(|p| p.kind_str() == "function_declaration")?;
                if decl.field("type_parameters").is_some() {
                    return None;
                }
                let result = decl.field("result")?;
                let t: String = c.text(result).split_whitespace().collect();
                let iter = c.facts.local_name("iter").filter(|n| *n != "_" && *n != ".")?;
                if t.starts_with(&format!("{iter}.Seq[")) || t.starts_with(&format!("{iter}.Seq2[")) {
                    let t = t.replacen(&format!("{iter}."), "iter.", 1).replace(',', ", ");
                    return Some(Evidence::Exact(format!("value of type {t}")));
                }
                return None;
            }
            if f.kind_str() != "selector_expression" {
                return None;
            }
            let pkg = f.field("operand")?;
            if pkg.kind_str() != "identifier" || crate::rules::mux::registrations::shadowed_locally(c, pkg) {
                return None;
            }
            let path = c.facts.import_path(c.text(pkg))?;
            let name = c.text(f.field("field")?);
            let (_, _, since) = STD_ITERATORS.iter().find(|(p, n, _)| *p == path && *n == name)?;
            // An older toolchain has no such function: that is a missing-symbol error, not this one.
            if !c.versions.toolchain.version.at_least(*since) {
                return None;
            }
            Some(Evidence::Described(format!("{path}.{name} (Go 1.{since}) returns an iterator function")))
        }
        "parenthesized_expression" => evidence(c, e.named_child(0)?),
        _ => None,
    }
}

/// Whether the text visible from the walked declaration can hold a same-file iterator at all
/// (a parameter of a function type returning bool, `… ) bool)` as gofmt writes it, or an
/// `iter` import): it spares the per-loop name resolution in the common case. (The file's
/// text is asked first: what it lacks, no part of it has.)
fn may_declare_iterators(c: &Checker) -> bool {
    c.facts.local_name("iter").is_some()
        || (*c.shared.bool_func_params.get_or_init(|| c.src.contains(") bool)")) && c.visible_contains(") bool)"))
}

fn check<'t>(c: &mut Checker<'t>, clause: Node<'t>) {
    let [from, to] = c.versions.file_sides().map(|s| s.clone());
    let tc = c.versions.toolchain.clone();
    let ok = |fv: &Sourced| fv.version.at_least(23) && tc.version.at_least(23);
    if ok(&from) && ok(&to) {
        return;
    }
    let Some(right) = clause.field("right") else { return };
    let Some(ev) = evidence(c, right) else { return };
    let failing_side = if !ok(&to) { 1 } else { 0 };
    let failing = if failing_side == 1 { &to } else { &from };
    let suffixes = [super::version_error_suffix(c, 0), super::version_error_suffix(c, 1)];
    // types2 prints a func literal as its signature and `{…}`.
    let expr = match (right.kind_str(), right.field("parameters")) {
        ("func_literal", Some(p)) => format!("func{} {{…}}", squeeze(c.text(p))),
        _ => c.text(right).to_string(),
    };
    let error = |side: usize| -> Option<String> {
        let fv = if side == 1 { &to } else { &from };
        if ok(fv) {
            return None;
        }
        let suffix = &suffixes[side];
        Some(match (&ev, tc.version.at_least(23)) {
            (Evidence::Exact(t), true) => {
                format!("cannot range over {expr} ({t}): requires go1.23 or later {suffix}")
            }
            (Evidence::Exact(t), false) => format!("cannot range over {expr} ({t})"),
            (Evidence::Described(_), true) => {
                format!("range over a function iterator requires go1.23 or later {suffix}")
            }
            (Evidence::Described(_), false) => {
                "range over a function iterator is rejected by Go 1.22 without GOEXPERIMENT=rangefunc".to_string()
            }
        })
    };
    let Some(message) = error(failing_side) else { return };
    let what = match &ev {
        Evidence::Exact(t) => {
            format!(
                "{expr} has type {}",
                t.trim_start_matches("value of type ").trim_start_matches("variable of type ")
            )
        }
        Evidence::Described(d) => d.clone(),
    };
    let explanation = format!(
        "Ranging over a function is a Go 1.23 language feature ({what}). The file's Go version is {} and the toolchain is {}; Go 1.22 accepts it only with GOEXPERIMENT=rangefunc, older toolchains never. Raise the go.mod `go` line to 1.23 or later, or call the iterator with a yield function.",
        failing.describe(),
        tc.describe()
    );
    let side = |k: usize| match error(k) {
        Some(e) => format!("compile error: {e}"),
        None => "compiles".to_string(),
    };
    let sides = c.file_sides(side(0), side(1));
    let mut d = c.diagnostic(Checker::span(right), message, explanation);
    d.sides = sides;
    c.report(d);
}
