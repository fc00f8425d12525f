//! Indexes of the file's package scope, built once per analysis on first use (see
//! [`super::Checker::top_level_declaring`] and [`super::Checker::struct_fields_named`]).
//!
//! Rules resolve identifiers syntactically: the nearest declaration in the enclosing
//! blocks, then the file's top-level declarations. Scanning every top-level declaration
//! for each lookup made a file with many of them quadratic (a routes file with a few
//! hundred `mux.HandleFunc` calls next to a few hundred functions: 10,000 lines took
//! 400 ms natively, most of it in those scans). These indexes answer "which top-level
//! statements may declare `name`" in O(1).
//!
//! The same index of a long block (a `statement_list` of more than [`BLOCK_INDEX_MIN`]
//! statements: a generated `register()` with thousands of `mux.HandleFunc` calls) is built
//! on its first lookup, so that looking up the statements before a position does not scan
//! them all; shorter blocks are scanned, which is cheaper than building a map.
//!
//! They are filters, not resolvers: each lists a *superset* of the statements (or field
//! declarations) that declare a name in any of the places a rule looks, in file order, and
//! the rule still runs its own test on each candidate. So a rule gives the same answer
//! with the index as with a scan of every top-level statement.

use super::NodeExt;
use std::collections::HashMap;
use tree_sitter::Node;

/// Blocks with more statements than this get an index ([`super::Checker::block_declaring`]).
pub const BLOCK_INDEX_MIN: usize = 32;

#[derive(Default)]
pub struct PackageScope<'a> {
    /// Name → the top-level statements that mention it in a declaring position.
    declaring: DeclaringIndex<'a>,
    /// Field name → the `field_declaration`s naming it, anywhere inside top-level type
    /// declarations (nested struct types included).
    fields: HashMap<&'a str, Vec<Node<'a>>>,
}

impl<'a> PackageScope<'a> {
    /// `package`: the file has a package clause ([`super::FileFacts::package_offset`]).
    pub fn build(src: &'a str, root: Node<'a>, package: bool) -> Self {
        let text = |n: Node| src.get(n.byte_range()).unwrap_or("");
        let mut declaring = declaring_index(src, root);
        if package {
            // A statement outside a function is a syntax error in a file (tree-sitter-go
            // accepts it for snippets): it declares nothing for the file's functions.
            for list in declaring.values_mut() {
                list.retain(|n| super::reuse::is_top_level_kind(*n));
            }
            declaring.retain(|_, list| !list.is_empty());
        }
        let mut scope = PackageScope { declaring, ..Default::default() };
        let mut cur = root.walk();
        for stmt in root.named_children(&mut cur) {
            if stmt.kind_str() == "type_declaration" {
                scope.index_fields(text, stmt);
            }
        }
        scope
    }

    /// Every `field_declaration` under a type declaration, by each of its names.
    fn index_fields(&mut self, text: impl Fn(Node) -> &'a str, decl: Node<'a>) {
        let mut stack = vec![decl];
        while let Some(n) = stack.pop() {
            if n.kind_str() == "field_declaration" {
                let mut c = n.walk();
                for name in n.children_by_field_name("name", &mut c) {
                    let list = self.fields.entry(text(name)).or_default();
                    if list.last() != Some(&n) {
                        list.push(n);
                    }
                }
                continue;
            }
            let mut c = n.walk();
            stack.extend(n.named_children(&mut c));
        }
    }

    pub fn declaring(&self, name: &str) -> &[Node<'a>] {
        lookup(&self.declaring, name)
    }

    pub fn fields(&self, name: &str) -> &[Node<'a>] {
        self.fields.get(name).map_or(&[], Vec::as_slice)
    }
}

/// Name → the statements directly in `container` (a `source_file` or a `statement_list`)
/// that mention it in a declaring position: a function's name, a short variable
/// declaration's left side, a var/const/type spec's names (directly or in a spec list).
pub type DeclaringIndex<'a> = HashMap<&'a str, Vec<Node<'a>>>;

pub fn declaring_index<'a>(src: &'a str, container: Node<'a>) -> DeclaringIndex<'a> {
    let text = |n: Node| src.get(n.byte_range()).unwrap_or("");
    let mut index: DeclaringIndex<'a> = HashMap::new();
    let mut cur = container.walk();
    for stmt in container.named_children(&mut cur) {
        let mut names: Vec<Node<'a>> = Vec::new();
        match stmt.kind_str() {
            "function_declaration" => names.extend(stmt.field("name")),
            "short_var_declaration" => {
                if let Some(left) = stmt.field("left") {
                    let mut c = left.walk();
                    names.extend(left.named_children(&mut c));
                }
            }
            "type_declaration" | "var_declaration" | "const_declaration" => {
                for s in specs_of(stmt) {
                    let mut c2 = s.walk();
                    names.extend(s.children_by_field_name("name", &mut c2));
                }
            }
            _ => {}
        }
        for n in names {
            let list = index.entry(text(n)).or_default();
            if list.last() != Some(&stmt) {
                list.push(stmt);
            }
        }
    }
    index
}

pub fn lookup<'i, 'a>(index: &'i DeclaringIndex<'a>, name: &str) -> &'i [Node<'a>] {
    index.get(name).map_or(&[], Vec::as_slice)
}

/// The specs of a var/const/type declaration: its children, with a spec list's children in
/// its place (`var ( a = 1; b = 2 )`). Never descends into the values.
pub fn specs_of(decl: Node) -> Vec<Node> {
    let mut specs = Vec::new();
    let mut c = decl.walk();
    for ch in decl.named_children(&mut c) {
        if ch.kind_str().ends_with("_spec_list") {
            let mut c2 = ch.walk();
            specs.extend(ch.named_children(&mut c2));
        } else {
            specs.push(ch);
        }
    }
    specs
}
