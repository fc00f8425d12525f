use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rules::runtime::common::{call_args, pkg_member, unparen};
use std::cell::RefCell;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `log/slog` calls whose key/value arguments do not pair up: a final key without a
    /// value, or a value that cannot be a key (a number, `true`, `nil`, a composite literal …)
    /// where a key (a string or a `slog.Attr`) is expected. Checks the functions of vet's
    /// `kvFuncs` table: `slog.Debug/Info/Warn/Error` and their `…Context` variants, `slog.Log`,
    /// `slog.Group`, the same `*slog.Logger` methods plus `With`, and `slog.Record.Add`. `slog` may
    /// be imported under any name; methods are recognised on loggers this file gets from
    /// `slog.New`/`slog.Default`/`slog.With` or declares as `*slog.Logger`.
    ///
    /// ## Why
    /// A missing key or value shifts every later pair, producing `!BADKEY` entries. `go vet`
    /// reports these calls since Go 1.21 (`slog` analyzer; the Go 1.22 release notes announce it):
    /// `call to slog.Info missing a final value`, `slog.Info arg "1" should be a string or a
    /// slog.Attr (possible missing key or value)`. Without type information an argument whose
    /// type is not visible (a variable, a call) ends the check for that call.
    ///
    /// ## How to fix
    /// Pair every key with a value, or use typed attributes: `slog.Int("status", code)`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "log/slog"
    ///
    /// func served(path string, status int) {
    ///     slog.Info("served", "path", path, "status")
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "log/slog"
    ///
    /// func served(path string, status int) {
    ///     slog.Info("served", "path", path, slog.Int("status", status))
    /// }
    /// ```
    pub static RULE = {
        id: "vet-slog-key-value",
        title: "Mismatched key/value arguments to log/slog",
        family: "vet",
        severity: Severity::BehaviorChange,
        versions: "TC >= 1.21",
        sources: &["https://go.dev/doc/go1.22#vet", "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/slog", "https://pkg.go.dev/log/slog"],
        kinds: &["call_expression"],
        check_node: Some(check),
        check_file: Some(collect_receivers),
    }
}

// vet's kvFuncs (x/tools go/analysis/passes/slog, as vendored in go1.22): receiver type
// ("" = package function) → function → number of arguments before the key/value pairs.
const KV_FUNCS: &[(&str, &str, usize)] = &[
    ("", "Debug", 1),
    ("", "Info", 1),
    ("", "Warn", 1),
    ("", "Error", 1),
    ("", "DebugContext", 2),
    ("", "InfoContext", 2),
    ("", "WarnContext", 2),
    ("", "ErrorContext", 2),
    ("", "Log", 3),
    ("", "Group", 1),
    ("Logger", "Debug", 1),
    ("Logger", "Info", 1),
    ("Logger", "Warn", 1),
    ("Logger", "Error", 1),
    ("Logger", "DebugContext", 2),
    ("Logger", "InfoContext", 2),
    ("Logger", "WarnContext", 2),
    ("Logger", "ErrorContext", 2),
    ("Logger", "Log", 3),
    ("Logger", "With", 0),
    ("Record", "Add", 0),
];

/// Functions of log/slog that return a slog.Attr.
const ATTR_FUNCS: &[&str] =
    &["String", "Int", "Int64", "Uint64", "Float64", "Bool", "Time", "Duration", "Any", "Group"];

thread_local! {
    /// (name, receiver type) for variables, fields and parameters this file shows to be a
    /// `*slog.Logger` ("Logger") or a `slog.Record` ("Record").
    static RECEIVERS: RefCell<Vec<(String, &'static str)>> = const { RefCell::new(Vec::new()) };
}

fn collect_receivers(c: &mut Checker) {
    let mut out = Vec::new();
    if let Some(s) = c.facts.local_name("log/slog") {
        let root = c.tree.root_node();
        for (pat, ty) in [
            ("New", "Logger"),
            ("Default", "Logger"),
            ("With", "Logger"),
            ("Logger", "Logger"),
            ("NewRecord", "Record"),
            ("Record", "Record"),
        ] {
            let needle = format!("{s}.{pat}");
            for (i, _) in c.src.match_indices(&needle) {
                let end = i + needle.len();
                if c.src.as_bytes().get(end).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_') {
                    continue;
                }
                if i > 0
                    && c.src.as_bytes().get(i - 1).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
                {
                    continue;
                }
                let Some(n) = root.descendant_for_byte_range(i, end) else { continue };
                bound_names(c, n, ty, &mut out);
            }
        }
    }
    RECEIVERS.with(|r| *r.borrow_mut() = out);
}

fn bound_names(c: &Checker, n: Node, ty: &'static str, out: &mut Vec<(String, &'static str)>) {
    let mut cur = n;
    for _ in 0..6 {
        let Some(p) = cur.parent() else { return };
        match p.kind() {
            "selector_expression" | "qualified_type" | "pointer_type" | "call_expression" => {}
            "expression_list" => {
                let Some(stmt) = p.parent() else { return };
                if !matches!(stmt.kind(), "short_var_declaration" | "assignment_statement" | "var_spec") {
                    return;
                }
                if stmt.kind() != "var_spec" && stmt.child_by_field_name("right") != Some(p) {
                    return;
                }
                push(c, stmt, ty, out);
                return;
            }
            "var_spec" | "field_declaration" | "parameter_declaration" => {
                push(c, p, ty, out);
                return;
            }
            _ => return,
        }
        cur = p;
    }
}

fn push(c: &Checker, decl: Node, ty: &'static str, out: &mut Vec<(String, &'static str)>) {
    let mut cur = decl.walk();
    let names: Vec<Node> = match decl.kind() {
        "short_var_declaration" | "assignment_statement" => match decl.child_by_field_name("left") {
            Some(l) => l.named_children(&mut cur).collect(),
            None => return,
        },
        _ => decl.children_by_field_name("name", &mut cur).collect(),
    };
    for n in names {
        let last = if n.kind() == "selector_expression" { n.child_by_field_name("field") } else { Some(n) };
        if let Some(l) = last {
            let t = c.text(l).to_string();
            if t != "_" && !out.iter().any(|(x, _)| *x == t) {
                out.push((t, ty));
            }
        }
    }
}

/// The receiver type of `x` in `x.Method(...)`: "Logger"/"Record" when the file shows it.
fn receiver_type(c: &Checker, x: Node) -> Option<&'static str> {
    let x = unparen(x);
    match x.kind() {
        "identifier" | "selector_expression" => {
            if x.kind() == "identifier" && c.facts.import_path(c.text(x)).is_some() {
                return None;
            }
            let name = if x.kind() == "identifier" { c.text(x) } else { c.text(x.child_by_field_name("field")?) };
            RECEIVERS.with(|r| r.borrow().iter().find(|(n, _)| n == name).map(|(_, t)| *t))
        }
        "call_expression" => {
            let f = x.child_by_field_name("function")?;
            match pkg_member(c, f, "log/slog") {
                Some("New" | "Default" | "With") => Some("Logger"),
                Some(_) => None,
                None if f.kind() == "selector_expression" => {
                    let field = c.text(f.child_by_field_name("field")?);
                    // logger.With(...) / logger.WithGroup(...) return a *Logger.
                    if (field == "With" || field == "WithGroup")
                        && receiver_type(c, f.child_by_field_name("operand")?) == Some("Logger")
                    {
                        Some("Logger")
                    } else {
                        None
                    }
                }
                None => None,
            }
        }
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Str,
    Attr,
    NotKey,
    Unknown,
}

fn classify(c: &Checker, arg: Node) -> Kind {
    let a = unparen(arg);
    match a.kind() {
        "interpreted_string_literal" | "raw_string_literal" => Kind::Str,
        "int_literal" | "float_literal" | "imaginary_literal" | "rune_literal" | "true" | "false" | "nil"
        | "func_literal" => Kind::NotKey,
        "unary_expression" => match a.child_by_field_name("operator").map(|o| c.text(o)) {
            Some("&" | "-" | "+" | "!" | "^") => Kind::NotKey,
            _ => Kind::Unknown,
        },
        "binary_expression" => {
            let (l, r) = (a.child_by_field_name("left"), a.child_by_field_name("right"));
            let op = a.child_by_field_name("operator").map(|o| c.text(o));
            match (l, r, op) {
                (Some(l), Some(r), Some("+")) if classify(c, l) == Kind::Str && classify(c, r) == Kind::Str => {
                    Kind::Str
                }
                (_, _, Some("==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||")) => Kind::NotKey,
                _ => Kind::Unknown,
            }
        }
        "composite_literal" => match a.child_by_field_name("type") {
            Some(t) if pkg_member(c, t, "log/slog") == Some("Attr") => Kind::Attr,
            Some(t) if t.kind() == "type_identifier" || t.kind() == "qualified_type" => Kind::Unknown,
            _ => Kind::NotKey, // slices, maps, arrays, struct types
        },
        "call_expression" => {
            let Some(f) = a.child_by_field_name("function") else { return Kind::Unknown };
            if let Some(name) = pkg_member(c, f, "log/slog") {
                return if ATTR_FUNCS.contains(&name) { Kind::Attr } else { Kind::Unknown };
            }
            if matches!(pkg_member(c, f, "fmt"), Some("Sprint" | "Sprintf" | "Sprintln")) {
                return Kind::Str;
            }
            Kind::Unknown
        }
        _ => Kind::Unknown,
    }
}

// Messages verified with go vet of go1.21.13, go1.22.12 and go1.23.5:
//   ./main.go:17:2: call to slog.Info missing a final value
//   ./main.go:18:19: slog.Info arg "1" should be a string or a slog.Attr (possible missing key or value)
//   ./main.go:20:2: call to slog.Logger.With missing a final value
fn check(c: &mut Checker, call: Node) {
    let Some(f) = call.child_by_field_name("function") else { return };
    if f.kind() != "selector_expression" {
        return;
    }
    let (Some(operand), Some(field)) = (f.child_by_field_name("operand"), f.child_by_field_name("field")) else {
        return;
    };
    let name = c.text(field);
    let recv = if pkg_member(c, f, "log/slog").is_some() { "" } else { receiver_type(c, operand).unwrap_or("?") };
    let Some(&(_, _, skip)) = KV_FUNCS.iter().find(|(r, n, _)| *r == recv && *n == name) else { return };
    if !c.versions.toolchain.version.at_least(21) {
        return;
    }
    let args = call_args(call);
    if args.iter().any(|a| a.kind() == "variadic_argument") || args.len() <= skip {
        return;
    }
    let short = if recv.is_empty() { format!("slog.{name}") } else { format!("slog.{recv}.{name}") };
    let mut expect_value = false;
    for arg in &args[skip..] {
        if expect_value {
            expect_value = false;
            continue;
        }
        match classify(c, *arg) {
            Kind::Str => expect_value = true,
            Kind::Attr => {}
            Kind::Unknown => return, // the type decides; vet knows it, we do not
            Kind::NotKey => {
                let message = format!(
                    "{short} arg {:?} should be a string or a slog.Attr (possible missing key or value)",
                    c.text(*arg)
                );
                let explanation = format!(
                    "{short} takes alternating keys and values after its fixed arguments; a key must be a string or a slog.Attr. This argument sits in a key position, so a key or a value is probably missing before it; slog logs it under the key !BADKEY and every later pair is shifted. go vet reports it (slog analyzer, Go 1.21+). Pair each key with a value, or use typed attributes such as slog.Int(\"k\", v)."
                );
                let d = c.diagnostic(Checker::span(*arg), message, explanation);
                c.report(d);
                return;
            }
        }
    }
    if expect_value {
        let message = format!("call to {short} missing a final value");
        let explanation = format!(
            "The last key passed to {short} has no value; slog logs it under the key !BADKEY. go vet reports it (slog analyzer, Go 1.21+). Add the missing value, or use a typed attribute such as slog.String(\"k\", v)."
        );
        let d = c.diagnostic(Checker::span(call), message, explanation);
        c.report(d);
    }
}
