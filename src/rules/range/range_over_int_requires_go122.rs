use super::int_evidence::int_evidence;
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::span::Span;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds `for … range N` loops over an integer in a file whose Go version is below
    /// go1.22.
    ///
    /// ## Why
    /// Ranging over an integer is a Go 1.22 language feature. With an older go line the
    /// compiler rejects the loop ("cannot range over 10 (untyped int constant): requires
    /// go1.22 or later"). The range expression must be visibly an integer: a literal,
    /// `len`/`cap`, an integer conversion, integer arithmetic, or a name declared with an
    /// integer type or value in the same file.
    ///
    /// ## How to fix
    /// Raise the go.mod `go` line to 1.22 or later, or write a three-clause loop.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// func main() {
    ///     for i := range 10 {
    ///         println(i)
    ///     }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// func main() {
    ///     for i := 0; i < 10; i++ {
    ///         println(i)
    ///     }
    /// }
    /// ```
    pub static RULE = {
        id: "range-over-int-requires-go122",
        title: "`for … range <integer>` needs go1.22",
        family: "range",
        severity: Severity::Error,
        versions: "FV < 1.22",
        sources: &["https://go.dev/doc/go1.22#language", "https://go.dev/ref/spec#For_range"],
        kinds: &["range_clause"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, clause: Node<'a>) {
    let [from, to] = c.versions.file_sides();
    let (from_ok, to_ok) = (from.version.at_least(22), to.version.at_least(22));
    if from_ok && to_ok {
        return;
    }
    let Some(right) = clause.field("right") else { return };
    let Some(ev) = int_evidence(c, right) else { return };
    let failing = if !from_ok { from } else { to };
    // cmd/compile's own text, with its suffix `(file declares //go:build go1.21)` or
    // `(-lang was set to …)`, per side.
    let error = |side: usize| {
        format!(
            "cannot range over {} ({}): requires go1.22 or later {}",
            c.text(right),
            ev.description,
            super::version_error_suffix(c, side)
        )
    };
    let message = error(if !from_ok { 0 } else { 1 });
    let explanation = format!(
        "Ranging over an integer is a Go 1.22 language feature. The file's Go version is {}, so the compiler rejects this loop. Raise the go.mod `go` line to 1.22 or later, or write a three-clause loop.",
        failing.describe()
    );
    let ok = "compiles: the loop runs N times with i = 0, 1, …, N-1 (N is evaluated once)";
    let side = |k: usize, fine: bool| if fine { ok.to_string() } else { format!("compile error: {}", error(k)) };
    let sides = c.file_sides(side(0, from_ok), side(1, to_ok));
    let mut d = c.diagnostic(Checker::span(right), message, explanation);
    d.sides = sides;
    d.fix = three_clause_fix(c, clause, right, ev.ty.as_deref(), ev.constant);
    c.report(d);
}

/// `for i := range N {` → `for i := 0; i < N; i++ {`.
fn three_clause_fix(c: &Checker, clause: Node, right: Node, ty: Option<&str>, constant: bool) -> Option<Fix> {
    let for_stmt = clause.parent()?;
    let body = for_stmt.field("body")?;
    let body_text = c.text(body);
    let n = c.text(right);
    let n = if right.kind_str() == "binary_expression" { format!("({n})") } else { n.to_string() };
    let zero = match ty {
        None | Some("int") => "0".to_string(),
        Some(t) => format!("{t}(0)"),
    };
    let (var, op) = match clause.field("left") {
        Some(left) => {
            if left.named_child_count() != 1 {
                return None;
            }
            let var = c.text(left.named_child(0)?).to_string();
            let op = if clause.children(&mut clause.walk()).any(|k| k.kind_str() == "=") { "=" } else { ":=" };
            (var, op)
        }
        None => {
            let var = ["i", "j", "k", "n", "idx"].into_iter().find(|v| !mentions(body_text, v))?;
            (var.to_string(), ":=")
        }
    };
    if var == "_" {
        return None;
    }
    let header = format!("{var} {op} {zero}; {var} < {n}; {var}++");
    let edit = TextEdit::replace(Span::new(clause.start_byte(), clause.end_byte()), header);
    let title = format!("Rewrite as `for {var} {op} {zero}; {var} < {n}; {var}++`");
    let writes_var = writes(body_text, &var);
    if constant && !writes_var && op == ":=" {
        Some(Fix::safe(title, vec![edit]))
    } else {
        let reason = if op == "=" {
            "after the loop the variable holds N instead of N-1"
        } else if writes_var {
            "the body assigns to the loop variable: a range loop ignores that, a three-clause loop does not"
        } else {
            "the bound is evaluated on every iteration instead of once"
        };
        Some(Fix::unsafe_(title, reason, vec![edit]))
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `word` appears as a whole identifier in `text`.
fn mentions(text: &str, word: &str) -> bool {
    occurrences(text, word).next().is_some()
}

fn occurrences<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let b = text.as_bytes();
        (i == 0 || !is_ident_byte(b[i - 1])) && b.get(i + word.len()).is_none_or(|&n| !is_ident_byte(n))
    })
}

/// Whether `text` assigns to, increments or takes the address of `var` (textual, conservative).
fn writes(text: &str, var: &str) -> bool {
    occurrences(text, var).any(|i| {
        let before = text[..i].trim_end();
        let after = text[i + var.len()..].trim_start();
        before.ends_with('&')
            || after.starts_with("++")
            || after.starts_with("--")
            || (after.starts_with('=') && !after.starts_with("=="))
            || ["+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^=", "&^=", ":="]
                .iter()
                .any(|op| after.starts_with(op))
            || after.starts_with(',')
    })
}
