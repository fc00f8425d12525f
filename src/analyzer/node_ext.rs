//! Cheap replacements for two tree-sitter calls that hot paths make on every node:
//!
//! * `Node::kind()` builds a `&str` from the C name on each call (`strlen` and a UTF-8
//!   check); [`NodeExt::kind_str`] indexes a table built once by kind id.
//! * `Node::child_by_field_name(&str)` compares the name with every field name of the
//!   language (`strncmp` in a loop) before the lookup by id; [`NodeExt::field`] finds the id
//!   in a table built once, bucketed by the name's length and first letter (one string
//!   comparison in the usual case: rules call it millions of times over a large file).
//!
//! Both return exactly what the tree-sitter calls return (the tables are built from the same
//! language), so swapping them in cannot change a finding.

use std::sync::LazyLock;
use tree_sitter::Node;

struct Tables {
    /// Kind id → kind name (`node_kind_for_id`).
    kinds: Vec<String>,
    /// Field names with their ids, bucketed by [`bucket`] (most buckets hold one name).
    fields: Vec<Vec<(String, u16)>>,
}

const BUCKETS: usize = 32 * 32;

/// The bucket of a field name: its length (capped) and the low bits of its first byte.
#[inline]
fn bucket(name: &str) -> usize {
    let first = name.as_bytes().first().copied().unwrap_or(0) as usize & 31;
    name.len().min(31) * 32 + first
}

// Owned strings: `Language` is not `Sync` on wasm32, so it cannot live in a static.
static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let lang: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
    let kinds = (0..lang.node_kind_count())
        .map(|id| u16::try_from(id).ok().and_then(|id| lang.node_kind_for_id(id)).unwrap_or("").to_string())
        .collect();
    let mut fields = vec![Vec::new(); BUCKETS];
    for id in 1..=lang.field_count() {
        let Ok(id) = u16::try_from(id) else { continue };
        if let Some(name) = lang.field_name_for_id(id) {
            fields[bucket(name)].push((name.to_string(), id));
        }
    }
    Tables { kinds, fields }
});

/// The id of field `name` of tree-sitter-go, if the language has that field.
#[inline]
pub fn field_id(name: &str) -> Option<u16> {
    TABLES.fields.get(bucket(name))?.iter().find(|(n, _)| n == name).map(|&(_, id)| id)
}

pub trait NodeExt<'t> {
    /// Same as `Node::kind()`, without the per-call C string conversion.
    fn kind_str(&self) -> &'static str;
    /// Same as `Node::child_by_field_name(name)`, without the per-call scan of field names.
    fn field(&self, name: &str) -> Option<Node<'t>>;
}

impl<'t> NodeExt<'t> for Node<'t> {
    #[inline]
    fn kind_str(&self) -> &'static str {
        match self.kind_id() {
            u16::MAX => "ERROR", // ts_builtin_sym_error
            id => TABLES.kinds.get(id as usize).map_or("", String::as_str),
        }
    }

    #[inline]
    fn field(&self, name: &str) -> Option<Node<'t>> {
        self.child_by_field_id(field_id(name)?)
    }
}

/// The names a declaration or assignment binds, as the text of the last identifier
/// (`x.f = …` gives `f`), without `_`: the left side of `:=`/`=`, or the `name` fields of a
/// var/const spec or parameter declaration.
pub fn bound_names<'s>(src: &'s str, decl: Node) -> Vec<&'s str> {
    let mut cur = decl.walk();
    let names: Vec<Node> = match decl.kind_str() {
        "short_var_declaration" | "assignment_statement" => match decl.field("left") {
            Some(l) => l.named_children(&mut cur).collect(),
            None => return Vec::new(),
        },
        _ => decl.children_by_field_name("name", &mut cur).collect(),
    };
    names
        .into_iter()
        .filter_map(|n| if n.kind_str() == "selector_expression" { n.field("field") } else { Some(n) })
        .filter_map(|n| src.get(n.byte_range()))
        .filter(|t| *t != "_")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::parse;

    #[test]
    fn same_answers_as_tree_sitter() {
        let src =
            "package p\n\nimport \"fmt\"\n\nfunc f(x int) { for i := 0; i < x; i++ { fmt.Println(i) }; y := ( }\n";
        let tree = parse(src);
        let mut cursor = tree.walk();
        let names = ["body", "function", "arguments", "operand", "field", "left", "right", "name", "nope", ""];
        let mut n = 0;
        loop {
            let node = cursor.node();
            assert_eq!(node.kind_str(), node.kind());
            for f in names {
                assert_eq!(node.field(f), node.child_by_field_name(f), "{} {f}", node.kind());
            }
            n += 1;
            if cursor.goto_first_child() || cursor.goto_next_sibling() {
                continue;
            }
            loop {
                if !cursor.goto_parent() {
                    assert!(n > 20);
                    return;
                }
                if cursor.goto_next_sibling() {
                    break;
                }
            }
        }
    }
}
