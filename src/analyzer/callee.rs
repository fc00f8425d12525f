//! What a `call_expression` calls, and what a `pkg.Name` selector names, read once per
//! dispatched node: eighteen rules look at every call of a file and several stdlib rules at
//! every selector, and most of them only need the shape and names to see that the node is
//! not theirs (`append(...)`, `pkg.F(...)`, `x.M(...)`). [`Checker::callee`] and
//! [`Checker::pkg_ref`] compute these summaries once for the dispatched node and lend the
//! same one to each rule; rules then compare strings instead of asking tree-sitter for the
//! same fields.
//!
//! [`Checker::callee`]: super::Checker::callee
//! [`Checker::pkg_ref`]: super::Checker::pkg_ref

use super::node_ext::{field_id, NodeExt};
use super::Checker;
use std::sync::LazyLock;
use tree_sitter::Node;

/// The callee of a `call_expression`, as the syntax shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Callee<'a> {
    /// The call's `function` child (`f`, `x.M`, `pkg.F`, `(f)`, `f[T]`, a literal...).
    pub function: Node<'a>,
    /// The text of `function` when it is an identifier (`append` in `append(s, x)`).
    pub ident: Option<&'a str>,
    /// For a `selector_expression` callee `x.M`: `x` (the `operand`) and `M` (the `field`).
    pub selector: Option<(Node<'a>, Node<'a>)>,
    /// The text of the selected name `M` of a selector callee, else empty.
    pub selected: &'a str,
    /// For `pkg.F` where `pkg` is an identifier that is the local name of an import (the
    /// first such import): the import path. A parameter or local variable of the same name
    /// shadowing the import is not ruled out here (rules check that before they report).
    pub package: Option<&'a str>,
}

/// The field ids these summaries read, looked up once.
struct Fields {
    function: u16,
    operand: u16,
    field: u16,
    package: u16,
    name: u16,
}

static FIELDS: LazyLock<Fields> = LazyLock::new(|| {
    let id = |name| field_id(name).unwrap_or(0);
    Fields {
        function: id("function"),
        operand: id("operand"),
        field: id("field"),
        package: id("package"),
        name: id("name"),
    }
});

impl<'a> Callee<'a> {
    /// The callee of `call`, or `None` when it has no `function` (not a call, or broken).
    pub(super) fn of(c: &Checker<'a>, call: Node<'a>) -> Option<Callee<'a>> {
        let ids = &*FIELDS;
        let function = c.field_by_id(call, ids.function)?;
        let mut callee = Callee { function, ident: None, selector: None, selected: "", package: None };
        match function.kind_str() {
            "identifier" => callee.ident = Some(c.text(function)),
            "selector_expression" => {
                let Some(field) = c.field_by_id(function, ids.field) else { return Some(callee) };
                callee.selected = c.text(field);
                let Some(operand) = c.field_by_id(function, ids.operand) else { return Some(callee) };
                callee.selector = Some((operand, field));
                if operand.kind_str() == "identifier" {
                    callee.package = c.facts.import_path(c.text(operand));
                }
            }
            _ => {}
        }
        Some(callee)
    }

    /// `F` when the callee is `pkg.F` with `pkg` naming an import of `path`.
    pub fn in_package(&self, path: &str) -> Option<&'a str> {
        (self.package == Some(path)).then_some(self.selected)
    }
}

/// A package-level reference `pkg.Name` (expression or type) resolved through the imports.
#[derive(Debug, Clone, Copy)]
pub struct PkgRef<'a> {
    /// The import path (`math/rand/v2`).
    pub path: &'a str,
    /// The name the file uses for the package (`r` for `import r "math/rand/v2"`).
    pub local: &'a str,
    /// The selected name (`IntN`).
    pub name: &'a str,
    /// The `field_identifier`/`type_identifier` node of the name.
    pub name_node: Node<'a>,
    /// The `selector_expression` or `qualified_type`.
    pub node: Node<'a>,
}

impl<'a> PkgRef<'a> {
    /// `node` (a `selector_expression` or `qualified_type`) as `pkg.Name` when `pkg` is the
    /// local name of an import. A parameter of the same name shadowing the import is not
    /// ruled out here (rules check that before they report).
    pub(super) fn of(c: &Checker<'a>, node: Node<'a>) -> Option<PkgRef<'a>> {
        let ids = &*FIELDS;
        let (pkg, name) = match node.kind_str() {
            "selector_expression" => {
                let op = c.field_by_id(node, ids.operand)?;
                if op.kind_str() != "identifier" {
                    return None;
                }
                (op, c.field_by_id(node, ids.field)?)
            }
            "qualified_type" => (c.field_by_id(node, ids.package)?, c.field_by_id(node, ids.name)?),
            _ => return None,
        };
        let local = c.text(pkg);
        if local.is_empty() || local == "_" || local == "." {
            return None;
        }
        let import = c.facts.imports.iter().find(|i| i.local_name == local)?;
        Some(PkgRef {
            path: import.path.as_str(),
            local: import.local_name.as_str(),
            name: c.text(name),
            name_node: name,
            node,
        })
    }
}
