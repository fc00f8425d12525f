use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds 3-clause loops whose variable is a struct value containing a lock
    /// (`sync.Mutex`, `sync.RWMutex`, `sync.WaitGroup`, `sync.Once`, `sync.Cond`), as the
    /// same file shows it: `for s := (state{}); …` or `for s := newState(); …` where
    /// `newState` returns `state` and `type state struct` holds a lock (directly or through
    /// a struct field declared in the file).
    ///
    /// ## Why
    /// From go1.22 each iteration of a 3-clause loop has its own variable, initialized by
    /// copying the previous iteration's value, lock included. Copying a lock is a bug (the
    /// copy may be locked, or hide the original's state). `go vet`'s copylock check reports
    /// it from Go 1.24 for files at go1.22 or later: "for loop iteration copies lock value
    /// to s: …".
    ///
    /// ## How to fix
    /// Iterate over a pointer: `for s := &state{}; s.ok(); s = s.next() {…}`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "sync"
    ///
    /// type state struct {
    ///     mu sync.Mutex
    ///     n  int
    /// }
    ///
    /// func (s *state) done() bool { return s.n >= 3 }
    ///
    /// func run() {
    ///     for s := (state{}); !s.done(); s.n++ {
    ///         println(s.n)
    ///     }
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
    /// type state struct {
    ///     mu sync.Mutex
    ///     n  int
    /// }
    ///
    /// func (s *state) done() bool { return s.n >= 3 }
    ///
    /// func run() {
    ///     for s := (&state{}); !s.done(); s.n++ {
    ///         println(s.n)
    ///     }
    /// }
    /// ```
    pub static RULE = {
        id: "loopvar-3clause-copies-lock",
        title: "3-clause loop variable containing a lock is copied each iteration",
        family: "loopvar",
        severity: Severity::BehaviorChange,
        versions: "FV >= 1.22",
        sources: &["https://go.dev/doc/go1.24#vet", "https://go.dev/doc/go1.22#language", "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/copylock"],
        kinds: &["for_clause"],
        check_node: Some(check),
        local: true,
    }
}

const LOCKS: &[&str] = &["Mutex", "RWMutex", "WaitGroup", "Once", "Cond"];

fn check(c: &mut Checker, clause: Node) {
    let v = c.versions;
    let (from_new, to_new) = (v.file_from.version.at_least(22), v.file_to.version.at_least(22));
    if !from_new && !to_new {
        return;
    }
    let Some(sync) = c.facts.local_name("sync").map(str::to_string) else { return };
    let Some(init) = clause.field("initializer").filter(|i| i.kind_str() == "short_var_declaration") else {
        return;
    };
    let (Some(left), Some(right)) = (init.field("left"), init.field("right")) else {
        return;
    };
    let mut cur = left.walk();
    let names: Vec<Node> = left.named_children(&mut cur).collect();
    let mut cur2 = right.walk();
    let values: Vec<Node> = right.named_children(&mut cur2).collect();
    for (name, value) in names.iter().zip(values.iter()) {
        let Some(ty) = value_type(c, *value) else { continue };
        let Some(lock) = lock_in(c, &ty, &sync) else { continue };
        let var = c.text(*name);
        let message = format!(
            "loop variable `{var}` of type `{ty}` contains {sync}.{lock}: from go1.22 every iteration copies it, lock included (go vet from Go 1.24: \"for loop iteration copies lock value to {var}: …\")"
        );
        let explanation = format!(
            "Go 1.22 gives each iteration of a 3-clause loop its own `{var}`, initialized by copying the previous iteration's value before the post statement. `{ty}` holds a {sync}.{lock}, which must not be copied after first use. Under go1.21 the loop had one variable and nothing was copied. Iterate over a pointer instead (`for {var} := &{ty}{{}}; …`)."
        );
        let old = "one variable for the whole loop: nothing is copied";
        let new = format!("each iteration copies `{var}`, including its {sync}.{lock}");
        let d_sides = c.file_sides(if from_new { new.as_str() } else { old }, if to_new { new.as_str() } else { old });
        let mut d = c.diagnostic(Checker::span(*name), message, explanation);
        d.sides = d_sides;
        c.report(d);
    }
}

/// The struct type name of `T{…}`, `(T{…})` or `f(…)` where the file declares `func f(…) T`.
fn value_type(c: &Checker, value: Node) -> Option<String> {
    let mut v = value;
    while v.kind_str() == "parenthesized_expression" {
        v = v.named_child(0)?;
    }
    match v.kind_str() {
        "composite_literal" => {
            let t = v.field("type")?;
            (t.kind_str() == "type_identifier").then(|| c.text(t).to_string())
        }
        "call_expression" => {
            let f = v.field("function")?;
            if f.kind_str() != "identifier" {
                return None;
            }
            let name = c.text(f);
            // The first top-level function of that name (the package-scope index lists the
            // candidates in file order: not a scan of every declaration per loop).
            let decl = c.top_level_declaring(name).iter().copied().find(|d| {
                d.kind_str() == "function_declaration" && d.field("name").is_some_and(|n| c.text(n) == name)
            })?;
            let result = decl.field("result")?;
            (result.kind_str() == "type_identifier").then(|| c.text(result).to_string())
        }
        _ => None,
    }
}

/// The lock a struct type declared in the file contains (fields of fields too, bounded).
fn lock_in(c: &Checker, ty: &str, sync: &str) -> Option<&'static str> {
    let mut work = vec![ty.to_string()];
    let mut seen = Vec::new();
    while let Some(t) = work.pop() {
        if seen.contains(&t) || seen.len() > 16 {
            continue;
        }
        seen.push(t.clone());
        let Some(st) = struct_type(c, &t) else { continue };
        let mut cur = st.walk();
        let mut stack: Vec<Node> = st.named_children(&mut cur).collect();
        while let Some(n) = stack.pop() {
            if n.kind_str() == "field_declaration" {
                let Some(ft) = n.field("type") else { continue };
                let text = c.text(ft);
                if let Some(name) = text.strip_prefix(sync).and_then(|r| r.strip_prefix('.')) {
                    if let Some(l) = LOCKS.iter().find(|l| **l == name) {
                        return Some(l);
                    }
                } else if ft.kind_str() == "type_identifier" {
                    work.push(text.to_string());
                }
            } else {
                let mut cur2 = n.walk();
                stack.extend(n.named_children(&mut cur2));
            }
        }
    }
    None
}

/// `type T struct {…}` declared at top level.
fn struct_type<'t>(c: &Checker<'t>, name: &str) -> Option<Node<'t>> {
    for &d in c.top_level_declaring(name) {
        if d.kind_str() != "type_declaration" {
            continue;
        }
        let mut cur2 = d.walk();
        for spec in d.named_children(&mut cur2) {
            if spec.kind_str() == "type_spec" && spec.field("name").is_some_and(|n| c.text(n) == name) {
                return spec.field("type").filter(|t| t.kind_str() == "struct_type");
            }
        }
    }
    None
}
