//! What a `call_expression` calls, read once per call: eighteen rules look at every call
//! of a file, and most of them only need the callee's shape and names to see that the
//! call is not theirs (`append(...)`, `pkg.F(...)`, `x.M(...)`). [`Checker::callee`]
//! computes this summary once for the dispatched call and hands the same copy to each
//! rule; rules then compare strings instead of asking tree-sitter for the same fields.
//!
//! [`Checker::callee`]: super::Checker::callee

use super::node_ext::NodeExt;
use super::Checker;
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

impl<'a> Callee<'a> {
    /// The callee of `call`, or `None` when it has no `function` (not a call, or broken).
    pub(super) fn of(c: &Checker<'a>, call: Node<'a>) -> Option<Callee<'a>> {
        let function = c.function_of(call)?;
        let mut callee = Callee { function, ident: None, selector: None, selected: "", package: None };
        match function.kind_str() {
            "identifier" => callee.ident = Some(c.text(function)),
            "selector_expression" => {
                let Some(field) = c.field(function, "field") else { return Some(callee) };
                callee.selected = c.text(field);
                let Some(operand) = c.field(function, "operand") else { return Some(callee) };
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
