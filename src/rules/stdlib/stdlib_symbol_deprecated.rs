use super::resolve::typed_member;
use super::stdapi::{deprecated_replacement, package_name, DEPRECATED};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds uses of standard-library symbols marked deprecated (a `Deprecated:` paragraph in
    /// their doc, recorded in Go's `api/go1.N.txt` files) when the deprecation is not newer
    /// than the file's Go version. Methods and fields are checked when the file shows the
    /// receiver's type (a parameter `c *tls.Config`).
    ///
    /// ## Why
    /// Deprecated APIs keep working (Go 1 compatibility), but their docs name a better or
    /// safer replacement, and staticcheck (SA1019) and gopls report them once the module
    /// targets a version where the replacement exists. The api files record deprecations
    /// only since go1.16, so "go1.16" means "go1.16 or earlier".
    ///
    /// ## How to fix
    /// Use the replacement the deprecation note names.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "io/ioutil"
    ///
    /// func load(name string) ([]byte, error) {
    ///     return ioutil.ReadFile(name)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// import "os"
    ///
    /// func load(name string) ([]byte, error) {
    ///     return os.ReadFile(name)
    /// }
    /// ```
    pub static RULE = {
        id: "stdlib-symbol-deprecated",
        title: "Use of a standard-library symbol marked deprecated",
        family: "stdlib",
        severity: Severity::Deprecation,
        versions: "deprecation version <= FV",
        sources: &["https://go.dev/wiki/Deprecated", "https://staticcheck.dev/docs/checks/#SA1019"],
        kinds: &["selector_expression", "qualified_type"],
        check_node: Some(check),
        local: true,
    }
}

/// Symbols that a more specific rule explains (and that must not be reported twice).
fn owned_elsewhere(path: &str, name: &str) -> bool {
    matches!((path, name), ("math/rand", "Seed") | ("math/rand", "Read") | ("reflect", "PtrTo")) || path == "go/ast"
}

fn check<'a>(c: &mut Checker<'a>, node: Node<'a>) {
    let _ = check_opt(c, node);
}

fn check_opt<'a>(c: &mut Checker<'a>, node: Node<'a>) -> Option<()> {
    let mut pref = None;
    let (path, name, shown) = if let Some(r) = c.pkg_ref(node) {
        // Look up before allocating: almost every `pkg.Name` is not deprecated.
        DEPRECATED.get(r.path, r.name)?;
        pref = Some(*r);
        (r.path, r.name.to_string(), format!("{}.{}", r.local, r.name))
    } else if let Some((path, ty, member)) =
        typed_member(c, node, |m| DEPRECATED.has_member(m, 0, |p| c.facts.local_name(p).is_some()))
    {
        (path, format!("{ty}.{member}"), format!("{}.{ty}.{member}", package_name(path)))
    } else {
        return None;
    };
    if owned_elsewhere(path, &name) {
        return None;
    }
    let e = DEPRECATED.get(path, &name)?;
    if node.kind_str() == "qualified_type" && !e.kind.is_package_level() {
        return None;
    }
    let [from, to] = c.versions.file_sides();
    let dep = |fv: u32| e.minor <= fv;
    if (!dep(from.version.minor) && !dep(to.version.minor)) || pref.is_some_and(|r| r.shadowed(c)) {
        return None;
    }
    let since = if e.minor == 16 { "go1.16 or earlier".to_string() } else { format!("go1.{}", e.minor) };
    let advice = match deprecated_replacement(path, &name) {
        Some(r) => format!("use {r}"),
        None => format!("see the package docs (pkg.go.dev/{path})"),
    };
    let message = format!("{shown} is deprecated (since {since}): {advice}");
    let explanation = format!(
        "{path}.{name} carries a \"Deprecated:\" note in its documentation, recorded in Go's api files at {since}. It still works (Go 1 compatibility), but staticcheck SA1019 and gopls report it once the targeted Go version includes the deprecation; {advice}."
    );
    let on = format!("deprecated since {since}: still works, flagged by staticcheck SA1019 and gopls");
    let off = format!("not yet deprecated at this version (deprecated in {since})");
    let mut d = c.diagnostic(Checker::span(node), message, explanation);
    d.sides =
        c.file_sides(if dep(from.version.minor) { &on } else { &off }, if dep(to.version.minor) { &on } else { &off });
    c.report(d);
    Some(())
}
