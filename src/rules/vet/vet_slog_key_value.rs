use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rules::runtime::common::{call_args, pkg_member, unparen, walk_subtree};
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
    /// slog.Attr (possible missing key or value)`; from Go 1.23 vet also reports an `error`
    /// value in a key position (neither a string nor an Attr can be one). Argument types come
    /// from literals, well-known functions and declarations in the same file; an argument
    /// whose type is not visible ends the check for that call.
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
        applies: Some(|c| c.facts.local_name("log/slog").is_some()),
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

/// Fills `Shared::slog_receivers`: (name, receiver type) for variables, fields and
/// parameters this file shows to be a `*slog.Logger` ("Logger") or a `slog.Record` ("Record").
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
        // Loggers derived from known ones: `l2 := l.With(...)`, `l.WithGroup("g")`.
        c.shared.slog_receivers.borrow_mut().clone_from(&out);
        for needle in [".With(", ".WithGroup("] {
            for (i, _) in c.src.match_indices(needle) {
                let Some(n) = root.descendant_for_byte_range(i + 1, i + needle.len() - 1) else { continue };
                let Some(sel) = n.parent().filter(|p| p.kind_str() == "selector_expression") else { continue };
                let Some(call) = sel.parent().filter(|p| p.kind_str() == "call_expression") else { continue };
                if receiver_type(c, call) == Some("Logger") {
                    bound_names(c, n, "Logger", &mut out);
                }
            }
        }
    }
    *c.shared.slog_receivers.borrow_mut() = out;
}

fn bound_names(c: &Checker, n: Node, ty: &'static str, out: &mut Vec<(String, &'static str)>) {
    let mut cur = n;
    for _ in 0..6 {
        let Some(p) = cur.parent() else { return };
        match p.kind_str() {
            "selector_expression" | "qualified_type" | "pointer_type" | "call_expression" => {}
            "expression_list" => {
                let Some(stmt) = p.parent() else { return };
                if !matches!(stmt.kind_str(), "short_var_declaration" | "assignment_statement" | "var_spec") {
                    return;
                }
                if stmt.kind_str() != "var_spec" && stmt.field("right") != Some(p) {
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
    for t in crate::analyzer::node_ext::bound_names(c.src, decl) {
        if !out.iter().any(|(x, _)| x == t) {
            out.push((t.to_string(), ty));
        }
    }
}

/// The receiver type of `x` in `x.Method(...)`: "Logger"/"Record" when the file shows it.
fn receiver_type<'a>(c: &Checker<'a>, x: Node<'a>) -> Option<&'static str> {
    let x = unparen(x);
    match x.kind_str() {
        "identifier" | "selector_expression" => {
            if x.kind_str() == "identifier" && c.facts.import_path(c.text(x)).is_some() {
                return None;
            }
            let name = if x.kind_str() == "identifier" { c.text(x) } else { c.text(x.field("field")?) };
            c.shared.slog_receivers.borrow().iter().find(|(n, _)| n == name).map(|(_, t)| *t)
        }
        "call_expression" => {
            let f = x.field("function")?;
            match pkg_member(c, f, "log/slog") {
                Some("New" | "Default" | "With") => Some("Logger"),
                Some(_) => None,
                None if f.kind_str() == "selector_expression" => {
                    let field = c.text(f.field("field")?);
                    // logger.With(...) / logger.WithGroup(...) return a *Logger.
                    if (field == "With" || field == "WithGroup")
                        && receiver_type(c, f.field("operand")?) == Some("Logger")
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

/// Result kinds of common standard-library functions.
const STD_RESULTS: &[(&str, &str, Kind)] = &[
    ("fmt", "Sprint", Kind::Str),
    ("fmt", "Sprintf", Kind::Str),
    ("fmt", "Sprintln", Kind::Str),
    ("fmt", "Errorf", Kind::ErrIface),
    ("errors", "New", Kind::ErrIface),
    ("errors", "Join", Kind::ErrIface),
    ("strconv", "Itoa", Kind::Str),
    ("strconv", "Quote", Kind::Str),
    ("strconv", "FormatInt", Kind::Str),
    ("strings", "Join", Kind::Str),
    ("strings", "ToLower", Kind::Str),
    ("strings", "ToUpper", Kind::Str),
    ("strings", "TrimSpace", Kind::Str),
    ("strings", "Repeat", Kind::Str),
    ("time", "Now", Kind::NotKey),
    ("time", "Since", Kind::NotKey),
    ("time", "Until", Kind::NotKey),
];

/// What the syntax tells about an argument's type, in vet's terms.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// Exactly `string`.
    Str,
    /// `slog.Attr`.
    Attr,
    /// The empty interface (`any`): vet cannot tell what it holds.
    AnyIface,
    /// `error`: an interface that neither a string nor an Attr implements.
    ErrIface,
    /// Another interface type (its methods decide whether an Attr implements it).
    OtherIface,
    /// Visibly neither a string, an Attr nor an interface (a number, a pointer, a slice …).
    NotKey,
    /// The type is not visible in this file.
    Unknown,
}

const NUMERIC: &[&str] = &[
    "bool",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "float32",
    "float64",
    "complex64",
    "complex128",
    "byte",
    "rune",
];

/// A type declared in this file (`type K string`): a defined type is never exactly `string`
/// or `slog.Attr`, so it is an interface or nothing vet accepts as a key. Aliases and names
/// not declared here are unknown.
fn named_type_kind(c: &Checker, name: &str) -> Kind {
    let root = c.tree.root_node();
    let mut w = root.walk();
    let mut kinds = Vec::new();
    for top in root.named_children(&mut w) {
        if top.kind_str() != "type_declaration" {
            continue;
        }
        let mut w2 = top.walk();
        for spec in top.named_children(&mut w2) {
            if spec.field("name").is_some_and(|n| c.text(n) == name) {
                kinds.push(match (spec.kind_str(), spec.field("type").map(|t| t.kind_str())) {
                    ("type_spec", Some("interface_type")) => {
                        spec.field("type").map(interface_kind).unwrap_or(Kind::Unknown)
                    }
                    ("type_spec", Some(_)) if spec.field("type_parameters").is_none() => Kind::NotKey,
                    _ => Kind::Unknown,
                });
            }
        }
    }
    match kinds.as_slice() {
        [k] => *k,
        _ => Kind::Unknown,
    }
}

/// `interface{}` is the empty interface; others have methods.
fn interface_kind(t: Node) -> Kind {
    if t.named_child_count() == 0 {
        Kind::AnyIface
    } else {
        Kind::OtherIface
    }
}

/// The kind of a type written in the source.
fn type_kind<'a>(c: &Checker<'a>, t: Node<'a>) -> Kind {
    match t.kind_str() {
        "type_identifier" => match c.text(t) {
            "string" => Kind::Str,
            "any" => Kind::AnyIface,
            "error" => Kind::ErrIface,
            n if NUMERIC.contains(&n) => Kind::NotKey,
            n => named_type_kind(c, n),
        },
        "pointer_type" | "slice_type" | "map_type" | "array_type" | "channel_type" | "function_type"
        | "struct_type" => Kind::NotKey,
        "interface_type" => interface_kind(t),
        "qualified_type" => match (pkg_member(c, t, "log/slog"), pkg_member(c, t, "time")) {
            (Some("Attr"), _) => Kind::Attr,
            (Some("Value" | "Level" | "Record"), _) | (_, Some("Duration" | "Time" | "Month" | "Weekday")) => {
                Kind::NotKey
            }
            _ => Kind::Unknown,
        },
        _ => Kind::Unknown,
    }
}

fn classify<'a>(c: &Checker<'a>, arg: Node<'a>, at: Node<'a>, depth: u32) -> Kind {
    let a = unparen(arg);
    if depth > 4 {
        return Kind::Unknown;
    }
    match a.kind_str() {
        "interpreted_string_literal" | "raw_string_literal" => Kind::Str,
        "int_literal" | "float_literal" | "imaginary_literal" | "rune_literal" | "true" | "false" | "nil"
        | "func_literal" => Kind::NotKey,
        "identifier" => declared_kind(c, a, at, depth),
        "selector_expression" => match pkg_member(c, a, "time") {
            Some("Nanosecond" | "Microsecond" | "Millisecond" | "Second" | "Minute" | "Hour") => Kind::NotKey,
            _ => Kind::Unknown,
        },
        "unary_expression" => match a.field("operator").map(|o| c.text(o)) {
            Some("&" | "-" | "+" | "!" | "^") => Kind::NotKey,
            _ => Kind::Unknown,
        },
        "binary_expression" => {
            let (l, r) = (a.field("left"), a.field("right"));
            let op = a.field("operator").map(|o| c.text(o));
            match (l, r, op) {
                // `+` keeps its operands' type: a defined type wins over an untyped literal.
                (Some(l), Some(r), Some("+")) => match (classify(c, l, at, depth + 1), classify(c, r, at, depth + 1)) {
                    (Kind::NotKey, _) | (_, Kind::NotKey) => Kind::NotKey,
                    (Kind::Str, Kind::Str) => Kind::Str,
                    _ => Kind::Unknown,
                },
                // Comparisons and logic give bool; the other operators give numbers.
                (_, _, Some(_)) => Kind::NotKey,
                _ => Kind::Unknown,
            }
        }
        "composite_literal" => match a.field("type") {
            Some(t) if pkg_member(c, t, "log/slog") == Some("Attr") => Kind::Attr,
            Some(t) if t.kind_str() == "type_identifier" => match named_type_kind(c, c.text(t)) {
                Kind::NotKey => Kind::NotKey,
                _ => Kind::Unknown,
            },
            Some(t) if t.kind_str() == "qualified_type" => Kind::Unknown,
            _ => Kind::NotKey, // slices, maps, arrays, struct types
        },
        "call_expression" => {
            let Some(f) = a.field("function") else { return Kind::Unknown };
            if let Some(name) = pkg_member(c, f, "log/slog") {
                return if ATTR_FUNCS.contains(&name) { Kind::Attr } else { Kind::Unknown };
            }
            if let Some(k) = STD_RESULTS.iter().find_map(|(p, n, k)| (pkg_member(c, f, p) == Some(*n)).then_some(*k)) {
                return k;
            }
            let nargs = a.field("arguments").map(|x| x.named_child_count()).unwrap_or(0);
            match f.kind_str() {
                // Builtins and conversions to predeclared types.
                "identifier" => match c.text(f) {
                    "len" | "cap" | "make" | "new" | "complex" | "real" | "imag" => Kind::NotKey,
                    "string" => Kind::Str,
                    n if NUMERIC.contains(&n) => Kind::NotKey,
                    _ => Kind::Unknown,
                },
                // x.Error() and x.String() return string (error, fmt.Stringer).
                "selector_expression" if nargs == 0 => match f.field("field").map(|n| c.text(n)) {
                    Some("Error" | "String") => Kind::Str,
                    _ => Kind::Unknown,
                },
                _ => Kind::Unknown,
            }
        }
        _ => Kind::Unknown,
    }
}

/// The kind of identifier `id` from its declaration: the nearest one before `at` in an
/// enclosing scope of the same function (parameters, `:=`, `var`, `const`), else a
/// package-level `var`/`const` of this file.
fn declared_kind<'a>(c: &Checker<'a>, id: Node<'a>, at: Node<'a>, depth: u32) -> Kind {
    let name = c.text(id);
    let mut func = None;
    let mut cur = at;
    while let Some(p) = cur.parent() {
        // The outermost function: closures see the variables of the functions around them.
        if matches!(p.kind_str(), "function_declaration" | "method_declaration" | "func_literal") {
            func = Some(p);
        }
        cur = p;
    }
    let root = cur;
    let mut found: Vec<Decl> = Vec::new();
    if let Some(f) = func {
        walk_subtree(f, |n| {
            if n.start_byte() > at.start_byte() {
                return false;
            }
            found.extend(scan_decl(c, n, name, depth));
            true
        });
    }
    let visible = |d: &&Decl| d.start < at.start_byte() && d.scope.0 <= at.start_byte() && at.end_byte() <= d.scope.1;
    if let Some(d) = found.iter().filter(visible).max_by_key(|d| d.start) {
        return d.kind;
    }
    // Package-level declarations of this file (they may come after the use).
    let mut w = root.walk();
    for top in root.named_children(&mut w) {
        if matches!(top.kind_str(), "var_declaration" | "const_declaration") {
            walk_subtree(top, |n| {
                found.extend(scan_decl(c, n, name, depth));
                true
            });
        }
    }
    match found.as_slice() {
        [d] => d.kind,
        _ => Kind::Unknown,
    }
}

struct Decl {
    start: usize,
    /// Byte range where the name is visible.
    scope: (usize, usize),
    kind: Kind,
}

/// The scope of a declaration: the enclosing block, or if/for/switch statement.
fn scope_of(d: Node) -> (usize, usize) {
    let mut s = d;
    while let Some(p) = s.parent() {
        if matches!(
            p.kind_str(),
            "block"
                | "if_statement"
                | "for_statement"
                | "expression_switch_statement"
                | "type_switch_statement"
                | "select_statement"
                | "source_file"
                | "function_declaration"
                | "method_declaration"
                | "func_literal"
                | "communication_case"
                | "expression_case"
                | "type_case"
                | "default_case"
        ) {
            return (p.start_byte(), p.end_byte());
        }
        s = p;
    }
    (s.start_byte(), s.end_byte())
}

/// A declaration of `name` at node `n`, if `n` declares it.
fn scan_decl<'a>(c: &Checker<'a>, n: Node<'a>, name: &str, depth: u32) -> Option<Decl> {
    let decl = |kind| Some(Decl { start: n.start_byte(), scope: scope_of(n), kind });
    match n.kind_str() {
        "parameter_declaration" | "variadic_parameter_declaration" => {
            let mut w = n.walk();
            if !n.children_by_field_name("name", &mut w).any(|x| c.text(x) == name) {
                return None;
            }
            decl(match n.field("type") {
                Some(_) if n.kind_str() == "variadic_parameter_declaration" => Kind::NotKey, // a slice
                Some(t) => type_kind(c, t),
                None => Kind::Unknown,
            })
        }
        "var_spec" | "const_spec" => {
            let mut w = n.walk();
            let names: Vec<Node> = n.children_by_field_name("name", &mut w).collect();
            let i = names.iter().position(|x| c.text(*x) == name)?;
            let kind = if let Some(t) = n.field("type") {
                type_kind(c, t)
            } else {
                match n.field("value") {
                    Some(v) if v.named_child_count() == names.len() => {
                        v.named_child(i as u32).map(|x| classify(c, x, x, depth + 1)).unwrap_or(Kind::Unknown)
                    }
                    _ => Kind::Unknown,
                }
            };
            decl(kind)
        }
        "short_var_declaration" => {
            let (l, r) = (n.field("left")?, n.field("right")?);
            let mut w = l.walk();
            let names: Vec<Node> = l.named_children(&mut w).collect();
            let i = names.iter().position(|x| c.text(*x) == name)?;
            let kind = if names.len() == r.named_child_count() {
                r.named_child(i as u32).map(|v| classify(c, v, v, depth + 1)).unwrap_or(Kind::Unknown)
            } else {
                Kind::Unknown
            };
            decl(kind)
        }
        // These declare names whose types are not visible here.
        "range_clause" | "type_switch_statement" | "receive_statement" => {
            let mut found = false;
            walk_subtree(n, |x| {
                if x.kind_str() == "identifier" && c.text(x) == name {
                    found = true;
                }
                !found && !matches!(x.kind_str(), "block")
            });
            if found {
                decl(Kind::Unknown)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The argument as vet quotes it (go/printer): `p + 1` for a simple binary expression written
/// `p+1`; other expressions as written, with white space runs collapsed.
fn vet_format(c: &Checker, n: Node) -> String {
    if n.kind_str() == "binary_expression" {
        if let (Some(l), Some(op), Some(r)) = (n.field("left"), n.field("operator"), n.field("right")) {
            if l.kind_str() != "binary_expression" && r.kind_str() != "binary_expression" {
                return format!("{} {} {}", vet_format(c, l), c.text(op), vet_format(c, r));
            }
        }
    }
    c.text(n).split_whitespace().collect::<Vec<_>>().join(" ")
}

// Messages verified with go vet of go1.21.13, go1.22.12 and go1.23.5:
//   ./main.go:17:2: call to slog.Info missing a final value
//   ./main.go:18:19: slog.Info arg "1" should be a string or a slog.Attr (possible missing key or value)
//   ./main.go:20:2: call to slog.Logger.With missing a final value
// The state machine is vet's (x/tools passes/slog run()), with Kind::Unknown ending the check.
fn check<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(f) = c.callee(call) else { return };
    let Some((operand, _)) = f.selector else { return };
    let name = f.selected;
    // The receiver is only looked for when the name is one of the key/value functions'.
    if !KV_FUNCS.iter().any(|(_, n, _)| *n == name) {
        return;
    }
    let recv = if f.in_package("log/slog").is_some() { "" } else { receiver_type(c, operand).unwrap_or("?") };
    let Some(&(_, _, skip)) = KV_FUNCS.iter().find(|(r, n, _)| *r == recv && *n == name) else { return };
    if !c.versions.toolchain.version.at_least(21) {
        return;
    }
    let args = call_args(call);
    if args.iter().any(|a| a.kind_str() == "variadic_argument") || args.len() <= skip {
        return;
    }
    let short = if recv.is_empty() { format!("slog.{name}") } else { format!("slog.{recv}.{name}") };
    #[derive(PartialEq)]
    enum Pos {
        Key,
        Value,
        Unknown,
    }
    // Go 1.23's analyzer (x/tools passes/slog) decides some interfaces in key position: an
    // interface a string can be assigned to (`any`) stays unknown, one an Attr can be assigned
    // to counts as an Attr, any other (`error`) is reported. Go 1.21 and 1.22 treat every
    // interface as unknown.
    let tc23 = c.versions.toolchain.version.at_least(23);
    let mut pos = Pos::Key;
    let mut unknown_arg: Option<Node> = None;
    for arg in &args[skip..] {
        match pos {
            Pos::Value => pos = Pos::Key,
            Pos::Key => match classify(c, *arg, call, 0) {
                Kind::Str => pos = Pos::Value,
                Kind::Attr => {}
                Kind::AnyIface => pos = Pos::Unknown,
                Kind::ErrIface | Kind::OtherIface if !tc23 => pos = Pos::Unknown,
                Kind::OtherIface | Kind::Unknown => return, // the type decides; vet knows it, we do not
                Kind::NotKey | Kind::ErrIface => {
                    let message = match unknown_arg {
                        None => format!(
                            "{short} arg {:?} should be a string or a slog.Attr (possible missing key or value)",
                            vet_format(c, *arg)
                        ),
                        Some(u) => format!(
                            "{short} arg {:?} should probably be a string or a slog.Attr (previous arg {:?} cannot be a key)",
                            vet_format(c, *arg),
                            vet_format(c, u)
                        ),
                    };
                    let explanation = format!(
                        "{short} takes alternating keys and values after its fixed arguments; a key must be a string or a slog.Attr. This argument sits in a key position, so a key or a value is probably missing before it; slog logs it under the key !BADKEY and every later pair is shifted. go vet reports it (slog analyzer, Go 1.21+), and so does go test, which runs the slog check by default. Pair each key with a value, or use typed attributes such as slog.Int(\"k\", v)."
                    );
                    let d = c.diagnostic(Checker::span(*arg), message, explanation);
                    c.report(d);
                    return;
                }
            },
            Pos::Unknown => {
                unknown_arg = Some(*arg);
                match classify(c, *arg, call, 0) {
                    Kind::NotKey => pos = Pos::Key,
                    Kind::Str | Kind::Attr | Kind::AnyIface | Kind::ErrIface | Kind::OtherIface => {}
                    Kind::Unknown => return,
                }
            }
        }
    }
    if pos == Pos::Value {
        let message = match unknown_arg {
            None => format!("call to {short} missing a final value"),
            Some(_) => format!("call to {short} has a missing or misplaced value"),
        };
        let explanation = format!(
            "The key/value arguments of {short} do not pair up: the last key has no value, and slog logs it under the key !BADKEY. go vet reports it (slog analyzer, Go 1.21+), and so does go test, which runs the slog check by default. Add the missing value, or use a typed attribute such as slog.String(\"k\", v)."
        );
        let d = c.diagnostic(Checker::span(call), message, explanation);
        c.report(d);
    }
}
