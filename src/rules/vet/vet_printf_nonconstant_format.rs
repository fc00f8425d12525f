use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::rules::runtime::common::{call_args, is_string_lit, unparen, walk_subtree};
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds calls of `fmt.Printf`, `fmt.Sprintf`, `fmt.Errorf`, `fmt.Fprintf`, `fmt.Appendf`,
    /// `log.Printf`, `log.Fatalf` and `log.Panicf` whose format is the last argument and is not a
    /// constant: a parameter or local variable of the enclosing function, a struct field, or a
    /// function call result.
    ///
    /// ## Why
    /// A `%` in the data is interpreted as a verb (`fmt.Printf("100%")` prints `100%!(NOVERB)`).
    /// From Go 1.24 `go vet` reports `non-constant format string in call to fmt.Printf` for files
    /// whose Go version is 1.24 or later (x/tools printf analyzer; gated on the file version
    /// because of golang/go#71485).
    ///
    /// ## How to fix
    /// `fmt.Printf("%s", s)`, or the non-f function: `fmt.Print(s)`, `errors.New(s)`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.23 to=1.24
    /// package main
    ///
    /// import "fmt"
    ///
    /// func show(msg string) {
    ///     fmt.Printf(msg)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.23 to=1.24
    /// package main
    ///
    /// import "fmt"
    ///
    /// func show(msg string) {
    ///     fmt.Printf("%s", msg)
    /// }
    /// ```
    pub static RULE = {
        id: "vet-printf-nonconstant-format",
        title: "`fmt.Printf(s)` with a non-constant format and no arguments",
        family: "vet",
        severity: Severity::BehaviorChange,
        versions: "FV >= 1.24 and TC >= 1.24",
        sources: &["https://go.dev/doc/go1.24#vet", "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/printf", "https://github.com/golang/go/issues/71485"],
        kinds: &["call_expression"],
        check_node: Some(check),
        local: true,
    }
}

/// (package path, function, index of the format argument).
const PRINTF: &[(&str, &str, usize)] = &[
    ("fmt", "Printf", 0),
    ("fmt", "Sprintf", 0),
    ("fmt", "Errorf", 0),
    ("fmt", "Fprintf", 1),
    ("fmt", "Appendf", 1),
    ("log", "Printf", 0),
    ("log", "Fatalf", 0),
    ("log", "Panicf", 0),
];

// The message and the position (the format argument) follow x/tools printf.go's checkPrintf
// (`non-constant format string in call to %s`, name = fn.FullName(), with the suggested fix
// `Insert "%s" format string`); go1.27.3's vet printed it for a go 1.24 module (rules.md §H).
fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    // The callee `pkg.Name`, resolved through the imports, looked up in the table.
    let Some(callee) = c.callee(call) else { return };
    let Some(imported) = callee.package else { return };
    let Some(&(path, name, idx)) = PRINTF.iter().find(|(p, n, _)| *p == imported && *n == callee.selected) else {
        return;
    };
    let args = call_args(call);
    if args.len() != idx + 1 || args[idx].kind_str() == "variadic_argument" {
        return;
    }
    let [from, to] = c.versions.file_sides();
    let tc = c.versions.toolchain.version;
    let (f_on, t_on) = (from.version.at_least(24) && tc.at_least(24), to.version.at_least(24) && tc.at_least(24));
    if !f_on && !t_on {
        return;
    }
    let format = args[idx];
    if constness(c, unparen(format), call) != Some(false) {
        return;
    }
    let full = format!("{path}.{name}");
    let message = format!("non-constant format string in call to {full}");
    let explanation = format!(
        "{full} interprets its format: a `%` in {} would be read as a formatting verb (\"100%\" prints \"100%!(NOVERB)\"). From Go 1.24, go vet reports a non-constant format with no other arguments in files whose Go version is 1.24 or later, and go test runs the printf check by default, so tests fail too. Write {full}(\"%s\", {}) or use the non-formatting variant.",
        c.text(format),
        c.text(format)
    );
    let mut d = c.diagnostic(Checker::span(format), message, explanation);
    let off = "go vet is silent (file version below go1.24 or toolchain older than Go 1.24)";
    let on = "go vet: non-constant format string";
    d.sides = c.file_sides(if f_on { on } else { off }, if t_on { on } else { off });
    d.fix = Some(Fix::unsafe_(
        "Insert \"%s\" format string",
        "a `%` in the value is then printed literally instead of being interpreted (the intended output, but different)",
        vec![TextEdit::insert(format.start_byte(), "\"%s\", ")],
    ));
    c.report(d);
}

/// Some(true) constant, Some(false) visibly not constant, None unknown.
fn constness(c: &Checker, e: Node, call: Node) -> Option<bool> {
    match e.kind_str() {
        k if is_string_lit(e) || k == "int_literal" => Some(true),
        "identifier" => {
            let name = c.text(e);
            if is_local_variable(c, call, name) {
                Some(false)
            } else {
                None
            }
        }
        "selector_expression" => {
            let operand = e.field("operand")?;
            if operand.kind_str() == "identifier" && c.facts.import_path(c.text(operand)).is_some() {
                None // pkg.Name may be a constant
            } else {
                Some(false) // a field
            }
        }
        "call_expression" => {
            let f = e.field("function")?;
            match f.kind_str() {
                "selector_expression" => Some(false),
                "identifier"
                    if !matches!(c.text(f), "string" | "len" | "cap" | "real" | "imag" | "complex" | "min" | "max") =>
                {
                    Some(false)
                }
                _ => None,
            }
        }
        "index_expression" | "slice_expression" => Some(false),
        "binary_expression" => {
            let l = constness(c, unparen(e.field("left")?), call);
            let r = constness(c, unparen(e.field("right")?), call);
            match (l, r) {
                (Some(false), _) | (_, Some(false)) => Some(false),
                (Some(true), Some(true)) => Some(true),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether `name` is a parameter of the function enclosing `at`, or declared as a variable
/// (`:=`, `var`) in it before `at`, and not as a constant.
fn is_local_variable(c: &Checker, at: Node, name: &str) -> bool {
    let mut func = None;
    let mut cur = at;
    while let Some(p) = cur.parent() {
        if matches!(p.kind_str(), "function_declaration" | "method_declaration" | "func_literal") {
            func = Some(p);
            break;
        }
        cur = p;
    }
    let Some(func) = func else { return false };
    let mut var = false;
    let mut konst = false;
    walk_subtree(func, |n| {
        if n.start_byte() > at.start_byte() {
            return false;
        }
        match n.kind_str() {
            "parameter_declaration" | "variadic_parameter_declaration" | "var_spec" => {
                let mut cur = n.walk();
                if n.children_by_field_name("name", &mut cur).any(|x| c.text(x) == name) {
                    var = true;
                }
            }
            "const_spec" => {
                let mut cur = n.walk();
                if n.children_by_field_name("name", &mut cur).any(|x| c.text(x) == name) {
                    konst = true;
                }
            }
            "short_var_declaration" => {
                if let Some(l) = n.field("left") {
                    let mut cur = l.walk();
                    if l.named_children(&mut cur).any(|x| c.text(x) == name) {
                        var = true;
                    }
                }
            }
            "range_clause" => {
                if let Some(l) = n.field("left") {
                    let mut cur = l.walk();
                    if l.named_children(&mut cur).any(|x| c.text(x) == name) {
                        var = true;
                    }
                }
            }
            _ => {}
        }
        true
    });
    var && !konst
}
