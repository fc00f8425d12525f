//! Syntax-only name resolution shared by the stdlib rules: `pkg.Name` through the file's
//! imports (aliases included; [`Checker::pkg_ref`] resolves it), whether a parameter shadows
//! the import, and the declared type of a parameter for `r.Method`.

use crate::analyzer::{Checker, NodeExt, PkgRef};
use std::sync::LazyLock;
use tree_sitter::Node;

/// Field ids of tree-sitter-go, looked up once: `child_by_field_name(&str)` compares the name
/// against every field name of the language on each call, and these run on every selector.
pub mod fld {
    use std::sync::LazyLock;

    fn id(name: &str) -> u16 {
        let lang: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
        lang.field_id_for_name(name).map_or(0, u16::from)
    }

    macro_rules! fields {
        ($($c:ident = $n:literal),* $(,)?) => { $(pub static $c: LazyLock<u16> = LazyLock::new(|| id($n));)* };
    }

    fields!(
        OPERAND = "operand",
        FIELD = "field",
        PACKAGE = "package",
        NAME = "name",
        FUNCTION = "function",
        ARGUMENTS = "arguments",
        TYPE = "type",
        RECEIVER = "receiver",
        PARAMETERS = "parameters",
        RESULT = "result",
    );
}

/// `node`'s child in field `id` (see [`fld`]).
pub fn child<'a>(node: Node<'a>, id: &LazyLock<u16>) -> Option<Node<'a>> {
    match **id {
        0 => None,
        id => node.child_by_field_id(id),
    }
}

impl<'a> PkgRef<'a> {
    /// Whether a parameter of an enclosing function has the package's local name (and so
    /// shadows the import). Walks up the tree (tree-sitter's `parent` is not O(1)): call it
    /// only right before reporting.
    pub fn shadowed(&self, c: &Checker<'a>) -> bool {
        self.node.kind_str() == "selector_expression" && param_type(c, self.node, self.local).is_some()
    }
}

/// For a selector `x.M` whose operand `x` is a parameter (or receiver, or named result) of an
/// enclosing function declared as `x pkg.T` or `x *pkg.T`: (import path, `T`, `M`).
/// `want(M)` is asked first: the parameter lookup walks up the tree and must stay rare.
pub fn typed_member<'a>(
    c: &Checker<'a>,
    sel: Node<'a>,
    want: impl Fn(&str) -> bool,
) -> Option<(&'a str, &'a str, &'a str)> {
    if sel.kind_str() != "selector_expression" {
        return None;
    }
    let op = c.field_by_id(sel, *fld::OPERAND)?;
    if op.kind_str() != "identifier" {
        return None;
    }
    let field = c.text(c.field_by_id(sel, *fld::FIELD)?);
    if !want(field) || c.facts.import_path(c.text(op)).is_some() {
        return None;
    }
    let mut ty = param_type(c, sel, c.text(op))?;
    if ty.kind_str() == "pointer_type" {
        ty = ty.named_child(0)?;
    }
    if ty.kind_str() != "qualified_type" {
        return None;
    }
    let local = c.text(child(ty, &fld::PACKAGE)?);
    let path = c.facts.imports.iter().find(|i| i.local_name == local)?.path.as_str();
    Some((path, c.text(child(ty, &fld::NAME)?), field))
}

/// The declared type node of the parameter named `name` of the innermost enclosing function
/// (declaration, method or literal) that declares it, if any.
pub fn param_type<'a>(c: &Checker<'a>, from: Node<'a>, name: &str) -> Option<Node<'a>> {
    // The walk's ancestor stack where it can (`Node::parent` descends from the root each time).
    for f in c.ancestors_of(from) {
        if matches!(f.kind_str(), "function_declaration" | "method_declaration" | "func_literal") {
            for field in [&fld::RECEIVER, &fld::PARAMETERS, &fld::RESULT] {
                let Some(list) = child(f, field) else { continue };
                if list.kind_str() != "parameter_list" {
                    continue;
                }
                let mut cur = list.walk();
                for p in list.named_children(&mut cur) {
                    if !matches!(p.kind_str(), "parameter_declaration" | "variadic_parameter_declaration") {
                        continue;
                    }
                    let mut cur2 = p.walk();
                    if p.children_by_field_name("name", &mut cur2).any(|id| c.text(id) == name) {
                        // A variadic parameter is a slice: no member of the element type applies.
                        if p.kind_str() == "variadic_parameter_declaration" {
                            return None;
                        }
                        return child(p, &fld::TYPE);
                    }
                }
            }
        }
    }
    None
}

/// The selected name of a `selector_expression` (`field`) or `qualified_type` (`name`).
pub fn selected_name<'a>(c: &Checker<'a>, node: Node<'a>) -> &'a str {
    let field = if node.kind_str() == "qualified_type" { &fld::NAME } else { &fld::FIELD };
    c.field_by_id(node, **field).map_or("", |n| c.text(n))
}

/// The call expression whose `function` is `node` (`node(...)`), if any.
pub fn called<'a>(node: Node<'a>) -> Option<Node<'a>> {
    let p = node.parent()?;
    (p.kind_str() == "call_expression" && child(p, &fld::FUNCTION) == Some(node)).then_some(p)
}

/// For a `call_expression` `pkg.F(...)`: the resolved `pkg.F`.
pub fn called_pkg_func<'a>(c: &Checker<'a>, call: Node<'a>) -> Option<PkgRef<'a>> {
    let f = c.field_by_id(call, *fld::FUNCTION)?;
    if f.kind_str() != "selector_expression" {
        return None;
    }
    c.pkg_ref(f).map(|r| *r)
}

/// For a `call_expression` calling function `name` of package `path` (under the file's
/// local name for it, not shadowed by a parameter): the resolved reference. The cheap
/// tests (the file imports `path`, the selected name) come first.
pub fn called_pkg_func_named<'a>(c: &Checker<'a>, call: Node<'a>, path: &str, name: &str) -> Option<PkgRef<'a>> {
    let callee = c.callee(call)?;
    if callee.package != Some(path) || callee.selected != name {
        return None;
    }
    let r = called_pkg_func(c, call)?;
    (r.path == path && r.name == name && !r.shadowed(c)).then_some(r)
}

/// The named arguments of a call.
pub fn call_args<'a>(call: Node<'a>) -> Vec<Node<'a>> {
    let Some(args) = child(call, &fld::ARGUMENTS) else { return Vec::new() };
    let mut cur = args.walk();
    args.named_children(&mut cur).filter(|n| n.kind_str() != "comment").collect()
}
