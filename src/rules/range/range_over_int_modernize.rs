use super::int_evidence::int_evidence;
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::rules::mux::registrations::{resolve, shadowed_locally};
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds counting loops `for i := 0; i < n; i++` that can be written `for i := range n`
    /// (or `for range n` when `i` is not used) in a file whose Go version is go1.22 or later
    /// on both sides of the chosen versions.
    ///
    /// ## Why
    /// Range over an integer (Go 1.22) says "n times" directly. The rewrite is only
    /// equivalent when the body never assigns, increments or takes the address of `i`
    /// (a range loop ignores such writes), and `n` is loop-invariant (range evaluates it
    /// once, a three-clause loop on every iteration): a constant, or a local variable or
    /// parameter — or `len` of a local slice, array or string — that its function never
    /// assigns or takes the address of (so no closure can change it either). The finding is only made, and the fix only offered, when all of this
    /// is visible in the code; `n` must visibly be an integer.
    ///
    /// ## How to fix
    /// Apply the offered fix: it rewrites the header to `for i := range n` (`for range n`
    /// when `i` is not used). Keeping the three-clause loop is also correct.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// func main() {
    ///     items := []string{"a", "b"}
    ///     for i := 0; i < len(items); i++ {
    ///         println(i, items[i])
    ///     }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// func main() {
    ///     items := []string{"a", "b"}
    ///     for i := range len(items) {
    ///         println(i, items[i])
    ///     }
    /// }
    /// ```
    pub static RULE = {
        id: "range-over-int-modernize",
        title: "3-clause counting loop can become `for i := range n`",
        family: "range",
        severity: Severity::Hint,
        versions: "FV >= 1.22",
        sources: &["https://go.dev/doc/go1.22#language", "https://go.dev/ref/spec#For_range", "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/modernize"],
        kinds: &["for_clause"],
        check_node: Some(check),
        local: true,
    }
}

/// What a walk of `root` found about the identifier `name`.
#[derive(Default)]
struct Uses {
    /// Assigned, incremented, re-declared or address-taken (other than at `except`).
    written: bool,
    /// Mentioned at all.
    mentioned: bool,
}

/// One walk of `root` (explicit stack, bounded) for `name`.
fn scan(c: &Checker, root: Node, name: &str, except: Option<Node>) -> Uses {
    scan_range(c, root, name, except, (0, usize::MAX))
}

/// Nodes a scan visits at most; past that it gives up and reports `written`.
const MAX_SCAN_NODES: usize = 50_000;

/// [`scan`] limited to the nodes that overlap the byte range `within`.
fn scan_range(c: &Checker, root: Node, name: &str, except: Option<Node>, within: (usize, usize)) -> Uses {
    // A subtree that small cannot make the walk give up: the identifiers named `name` are
    // then found faster from the text (see `scan_text`), with the same answer.
    if root.descendant_count() <= MAX_SCAN_NODES && !name.is_empty() {
        return scan_text(c, root, name, except, within);
    }
    let mut u = Uses::default();
    let mut stack = vec![root];
    let mut steps = 0usize;
    let mut cur = root.walk(); // one cursor for every node (`named_children` resets it)
    while let Some(n) = stack.pop() {
        steps += 1;
        if steps > MAX_SCAN_NODES {
            // Too big to be sure: report as written.
            u.written = true;
            return u;
        }
        if n.kind_str() == "identifier" && c.text(n) == name && Some(n) != except {
            u.mentioned = true;
            if is_write(c, n) {
                u.written = true;
                return u;
            }
        }
        stack.extend(n.named_children(&mut cur).filter(|ch| ch.end_byte() > within.0 && ch.start_byte() < within.1));
    }
    u
}

/// [`scan_range`] from the text: an identifier named `name` is a leaf whose text is `name`,
/// so each occurrence of `name` in `root`'s text that a longer identifier does not continue
/// (an ASCII letter, digit or `_` right after it) is looked up in the tree. Loop bodies are
/// mostly other code: a byte search skips it instead of visiting every node.
fn scan_text(c: &Checker, root: Node, name: &str, except: Option<Node>, within: (usize, usize)) -> Uses {
    let mut u = Uses::default();
    let (start, end) = (root.start_byte(), root.end_byte());
    let Some(text) = c.src.get(start..end) else { return u };
    let step = name.chars().next().map_or(1, char::len_utf8); // to the next character
    let mut from = 0;
    while let Some(i) = text[from..].find(name) {
        let at = start + from + i;
        from += i + step;
        let end_at = at + name.len();
        if text.as_bytes().get(end_at - start).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
            continue;
        }
        // The walk enters no node outside `within` (but always looks at `root`).
        if (end_at <= within.0 || at >= within.1) && (at, end_at) != (start, end) {
            continue;
        }
        let Some(n) = root.descendant_for_byte_range(at, end_at) else { continue };
        if n.kind_str() != "identifier" || n.start_byte() != at || n.end_byte() != end_at || Some(n) == except {
            continue;
        }
        u.mentioned = true;
        if is_write(c, n) {
            u.written = true;
            return u;
        }
    }
    u
}

/// Whether this identifier occurrence writes, re-declares or takes the address of its variable.
fn is_write(c: &Checker, n: Node) -> bool {
    let Some(p) = n.parent() else { return false };
    match p.kind_str() {
        "inc_statement" | "dec_statement" => true,
        "unary_expression" => p.child(0).is_some_and(|o| c.text(o) == "&"),
        "expression_list" => p.parent().is_some_and(|g| {
            g.field("left") == Some(p)
                && matches!(g.kind_str(), "assignment_statement" | "short_var_declaration" | "range_clause")
        }),
        "assignment_statement" => p.field("left") == Some(n),
        // Declarations that shadow the name: parameters, var and const specs.
        "parameter_declaration" | "variadic_parameter_declaration" | "var_spec" | "const_spec" => true,
        _ => false,
    }
}

/// The body of the function (declaration or literal) that contains `n`.
fn enclosing_body(n: Node) -> Option<Node> {
    let mut p = n.parent();
    while let Some(x) = p {
        if matches!(x.kind_str(), "function_declaration" | "method_declaration" | "func_literal") {
            return x.field("body");
        }
        p = x.parent();
    }
    None
}

/// A slice, array or string, visibly (so `len` of it only changes by assigning it).
fn is_sequence_decl(c: &Checker, ty: Option<Node>, value: Option<Node>) -> bool {
    if let Some(ty) = ty {
        let t = c.text(ty).trim();
        return t.starts_with('[') || t == "string";
    }
    let Some(v) = value else { return false };
    let t = c.text(v).trim_start();
    match v.kind_str() {
        "composite_literal" => t.starts_with('['),
        "interpreted_string_literal" | "raw_string_literal" => true,
        "call_expression" => t.starts_with("make([]"),
        _ => false,
    }
}

/// A constant, or a local variable/parameter never written in its whole function (so not
/// by a closure defined before the loop either).
fn unchanging<'t>(c: &Checker<'t>, ident: Node<'t>, need_sequence: bool, for_stmt: Node<'t>) -> bool {
    let Some(d) = resolve(c, ident) else { return false };
    let Some(parent) = d.name.parent() else { return false };
    if parent.kind_str() == "const_spec" {
        return !need_sequence;
    }
    if need_sequence && !is_sequence_decl(c, d.ty, d.value) {
        return false;
    }
    let Some(func_body) = enclosing_body(d.name) else { return false };
    // The declaration must be in the same function as the loop (not captured from outside).
    if enclosing_body(ident).map(|b| b.id()) != Some(func_body.id()) {
        return false;
    }
    // Writes that can happen while the loop runs: from the declaration to the end of the
    // outermost loop around this one in the function (a closure declared in between may be
    // called from the body; later writes matter only if an outer loop comes back).
    let mut end = for_stmt.end_byte();
    let mut p = for_stmt.parent();
    while let Some(x) = p {
        if x.id() == func_body.id() {
            break;
        }
        if x.kind_str() == "for_statement" {
            end = x.end_byte();
        }
        p = x.parent();
    }
    !scan_range(c, func_body, c.text(ident), Some(d.name), (d.name.start_byte(), end)).written
}

/// Whether `n` is loop-invariant (see the doc).
fn invariant<'t>(c: &Checker<'t>, n: Node<'t>, for_stmt: Node<'t>) -> bool {
    match n.kind_str() {
        "int_literal" => true,
        "identifier" => unchanging(c, n, false, for_stmt),
        "call_expression" => {
            let Some(f) = n.field("function") else { return false };
            let args = crate::rules::mux::registrations::arguments(n);
            // (int_evidence already refused a `len` declared at the top of the file.)
            if c.text(f) != "len" || args.len() != 1 || shadowed_locally(c, f) {
                return false;
            }
            args[0].kind_str() == "identifier" && unchanging(c, args[0], true, for_stmt)
        }
        "parenthesized_expression" => n.named_child(0).is_some_and(|x| invariant(c, x, for_stmt)),
        _ => false,
    }
}

fn check<'a>(c: &mut Checker<'a>, clause: Node<'a>) {
    let [from, to] = c.versions.file_sides().map(|s| s.clone());
    // A modernization for code that is already on go1.22 on both sides (during an upgrade
    // from an older go line the rewrite would not compile on the "from" side).
    if !from.version.at_least(22) || !to.version.at_least(22) {
        return;
    }
    let Some(for_stmt) = clause.parent() else { return };
    let Some(body) = for_stmt.field("body") else { return };
    // i := 0
    let Some(init) = clause.field("initializer") else { return };
    if init.kind_str() != "short_var_declaration" {
        return;
    }
    let (Some(left), Some(right)) = (init.field("left"), init.field("right")) else {
        return;
    };
    if left.named_child_count() != 1 || right.named_child_count() != 1 {
        return;
    }
    let (Some(var), Some(zero)) = (left.named_child(0), right.named_child(0)) else { return };
    if var.kind_str() != "identifier" || zero.kind_str() != "int_literal" || c.text(zero) != "0" {
        return;
    }
    let i = c.text(var);
    if i == "_" {
        return;
    }
    // i < N
    let Some(cond) = clause.field("condition") else { return };
    if cond.kind_str() != "binary_expression" {
        return;
    }
    let (Some(op), Some(cl), Some(n)) = (cond.field("operator"), cond.field("left"), cond.field("right")) else {
        return;
    };
    if c.text(op) != "<" || cl.kind_str() != "identifier" || c.text(cl) != i {
        return;
    }
    // i++ or i += 1
    let Some(update) = clause.field("update") else { return };
    let ok_update = match update.kind_str() {
        "inc_statement" => update.named_child(0).is_some_and(|x| c.text(x) == i),
        "assignment_statement" => {
            let l = update.field("left").map(|x| c.text(x));
            let r = update.field("right").map(|x| c.text(x));
            let o = update.field("operator").map(|x| c.text(x));
            l == Some(i) && r == Some("1") && o == Some("+=")
        }
        _ => false,
    };
    if !ok_update {
        return;
    }
    // N is an integer (untyped integer constants and int-typed values keep i an int).
    let Some(ev) = int_evidence(c, n) else { return };
    if ev.ty.as_deref().is_some_and(|t| t != "int") {
        return;
    }
    let uses = scan(c, body, i, None);
    if uses.written || scan(c, n, i, None).mentioned || !invariant(c, n, for_stmt) {
        return;
    }
    let n_text = c.text(n);
    let used = uses.mentioned;
    let header = if used { format!("{i} := range {n_text}") } else { format!("range {n_text}") };
    let edit = TextEdit::replace(Checker::span(clause), header.clone());
    let title = format!("Rewrite as `for {header}`");
    let fix = Fix::safe(title, vec![edit]);
    let mut d = c.diagnostic(
        Checker::span(clause),
        format!("this counting loop can be written `for {header}`"),
        format!(
            "With a file version of go1.22 or later ({}) a loop can range over an integer. The body never writes `{i}` and `{n_text}` is loop-invariant, so `for {header}` runs the same iterations.",
            to.describe()
        ),
    );
    d.fix = Some(fix);
    c.report(d);
}
