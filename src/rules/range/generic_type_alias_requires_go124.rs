use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::span::Span;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds alias declarations with type parameters (`type Set[T comparable] = map[T]struct{}`)
    /// that the chosen toolchain and file version reject.
    ///
    /// ## Why
    /// Generic type aliases are fully supported from Go 1.24. Go 1.22 and older reject them
    /// ("generic type cannot be alias"); Go 1.23 needs a go1.23 file version and
    /// `GOEXPERIMENT=aliastypeparams`; Go 1.24+ needs a go1.23 or later file version
    /// ("generic type alias requires go1.23 or later (-lang was set to go1.22; check go.mod)").
    ///
    /// ## How to fix
    /// Declare a defined type instead (`type Set[T comparable] map[T]struct{}`), or require
    /// Go 1.24 (go line and toolchain).
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.23 toolchain=1.23
    /// package main
    ///
    /// type Set[T comparable] = map[T]struct{}
    ///
    /// func main() {}
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.23 toolchain=1.23
    /// package main
    ///
    /// type Set[T comparable] map[T]struct{}
    ///
    /// func main() {}
    /// ```
    pub static RULE = {
        id: "generic-type-alias-requires-go124",
        title: "Type parameters on an alias declaration",
        family: "range",
        severity: Severity::Error,
        versions: "TC < 1.24 or FV < 1.23",
        sources: &["https://go.dev/doc/go1.24#language", "https://go.dev/doc/go1.23#language"],
        kinds: &["type_alias"],
        check_node: Some(check),
        local: true,
    }
}

/// The compiler's error for one side, with the node it is reported at.
fn error<'t>(c: &Checker, side: usize, name: Node<'t>, tparams: Node<'t>) -> Option<(String, Node<'t>)> {
    let fv = c.versions.file_sides()[side];
    let tc = c.versions.toolchain.version;
    if !tc.at_least(23) {
        return Some(("generic type cannot be alias".into(), name));
    }
    if !fv.version.at_least(23) {
        return Some((
            format!("generic type alias requires go1.23 or later {}", super::version_error_suffix(c, side)),
            tparams,
        ));
    }
    if !tc.at_least(24) {
        return Some(("generic type alias requires GOEXPERIMENT=aliastypeparams".into(), name));
    }
    None
}

fn check(c: &mut Checker, alias: Node) {
    let Some(tparams) = alias.field("type_parameters") else { return };
    let Some(name) = alias.field("name") else { return };
    let (ef, et) = (error(c, 0, name, tparams), error(c, 1, name, tparams));
    let Some((message, at)) = et.clone().or(ef.clone()) else { return };
    let explanation = format!(
        "Generic type aliases need Go 1.24 (or Go 1.23 with GOEXPERIMENT=aliastypeparams) and a file version of go1.23 or later. With toolchain {} the compiler rejects this declaration. Use a defined type (drop the `=`) if you do not need alias identity, or require Go 1.24.",
        c.versions.toolchain.describe()
    );
    let mut d = c.diagnostic(Span::new(at.start_byte(), at.end_byte()), message, explanation);
    let side = |e: &Option<(String, Node)>| match e {
        Some((m, _)) => format!("compile error: {m}"),
        None => "compiles".to_string(),
    };
    d.sides = c.file_sides(side(&ef), side(&et));
    c.report(d);
}
