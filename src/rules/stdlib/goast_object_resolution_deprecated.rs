//! Doc comments read in /usr/share/go-1.22/src/go/ast: scope.go "Deprecated: use the type checker
//! [go/types] instead; see [Object]." (Scope, Object: "The relationship between Idents and
//! Objects cannot be correctly computed without type information"), resolve.go (Importer,
//! NewPackage), ast.go field comments `Obj *Object // … Deprecated: see Object.` on Ident and
//! `Scope`/`Unresolved` on File. Package-level rows from stdapi-deprecated.tsv (go1.22, and go1.25
//! for FilterPackage, PackageExports, MergePackageFiles, MergeMode and the Filter* constants).
use super::resolve::{child, fld};
use super::resolve::{selected_name, typed_member};
use super::stdapi::DEPRECATED;
use crate::analyzer::Checker;
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds uses of go/ast's syntactic object resolution, deprecated in Go 1.22:
    /// `ast.Object`, `ast.Scope`, `ast.Package`, `ast.NewPackage`, `ast.Importer`, and the
    /// fields `Obj` of an `*ast.Ident` and `Scope`/`Unresolved` of an `*ast.File` when the
    /// file shows the type (a parameter `id *ast.Ident`). From go1.25 files it also reports
    /// `ast.FilterPackage`, `ast.PackageExports`, `ast.MergePackageFiles`.
    ///
    /// ## Why
    /// "The relationship between Idents and Objects cannot be correctly computed without type
    /// information" (go/ast docs): the parser's guesses are wrong for many identifiers.
    /// staticcheck SA1019 reports these uses.
    ///
    /// ## How to fix
    /// Use go/types (`types.Info.Uses`/`Defs`) and parse with `parser.SkipObjectResolution`.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// import "go/ast"
    ///
    /// func declOf(id *ast.Ident) any {
    ///     if id.Obj != nil {
    ///         return id.Obj.Decl
    ///     }
    ///     return nil
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// import (
    ///     "go/ast"
    ///     "go/types"
    /// )
    ///
    /// func declOf(info *types.Info, id *ast.Ident) types.Object {
    ///     return info.ObjectOf(id)
    /// }
    /// ```
    pub static RULE = {
        id: "goast-object-resolution-deprecated",
        title: "go/ast syntactic object resolution is deprecated (1.22)",
        family: "stdlib",
        severity: Severity::Deprecation,
        versions: "FV >= 1.22",
        sources: &["https://go.dev/doc/go1.22", "https://pkg.go.dev/go/ast#Object", "https://staticcheck.dev/docs/checks/#SA1019"],
        kinds: &["selector_expression", "qualified_type"],
        check_node: Some(check),
        local: true,
    }
}

/// Deprecated fields (not recorded in the api files, only in field comments).
const FIELDS: &[(&str, &str)] = &[("Ident", "Obj"), ("File", "Scope"), ("File", "Unresolved")];

fn check<'a>(c: &mut Checker<'a>, node: Node<'a>) {
    if c.facts.local_name("go/ast").is_none() {
        return;
    }
    let name = selected_name(c, node);
    if DEPRECATED.get("go/ast", name).is_none() && !FIELDS.iter().any(|(_, f)| *f == name) {
        return;
    }
    let (shown, minor) = if let Some(r) = c.pkg_ref(node) {
        if r.path != "go/ast" {
            return;
        }
        let Some(e) = DEPRECATED.get(r.path, r.name) else { return };
        if r.shadowed(c) {
            return;
        }
        (format!("{}.{}", r.local, r.name), e.minor)
    } else if let Some((path, ty, member)) = typed_member(c, node, |m| matches!(m, "Obj" | "Scope" | "Unresolved")) {
        if path != "go/ast" || !FIELDS.contains(&(ty, member)) {
            return;
        }
        let op = child(node, &fld::OPERAND).map(|o| c.text(o)).unwrap_or("");
        (format!("{op}.{member} (field {member} of ast.{ty})"), 22)
    } else {
        return;
    };
    let [from, to] = c.versions.file_sides();
    let dep = |fv: u32| fv >= minor;
    if !dep(from.version.minor) && !dep(to.version.minor) {
        return;
    }
    let message = format!(
        "{shown} is deprecated since go1.{minor}: use the type checker go/types instead (syntactic object resolution is inaccurate)"
    );
    let explanation = "Go 1.22 deprecated go/ast's syntactic object resolution (Object, Scope, Package, NewPackage, Importer, Ident.Obj, File.Scope, File.Unresolved): \"The relationship between Idents and Objects cannot be correctly computed without type information.\" Use go/types (types.Info.Uses and Defs, or info.ObjectOf) and parse with parser.SkipObjectResolution, which is also faster.";
    let on = "deprecated (still works, but resolution is inaccurate)";
    let off = "not yet deprecated at this version";
    let mut d = c.diagnostic(Checker::span(node), message, explanation);
    d.sides =
        c.file_sides(if dep(from.version.minor) { on } else { off }, if dep(to.version.minor) { on } else { off });
    c.report(d);
}
