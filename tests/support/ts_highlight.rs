//! The reference highlighter for `tests/highlight_agreement.rs`: syntax colouring by a
//! single tree walk over tree-sitter-go's nodes (the app's highlighter until the app stopped
//! linking tree-sitter; it now uses the lexer in `src/ui/highlight.rs`).

use tree_sitter::Node;

use super::highlight::Token;

const BUILTINS: &[&str] = &[
    "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new",
    "panic", "print", "println", "real", "recover",
];

fn is_keyword(kind: &str) -> bool {
    matches!(
        kind,
        "break"
            | "case"
            | "chan"
            | "const"
            | "continue"
            | "default"
            | "defer"
            | "else"
            | "fallthrough"
            | "for"
            | "func"
            | "go"
            | "goto"
            | "if"
            | "import"
            | "interface"
            | "map"
            | "package"
            | "range"
            | "return"
            | "select"
            | "struct"
            | "switch"
            | "type"
            | "var"
    )
}

/// Where a node sits: its parent's kind, its field name there, and the same one level up
/// (enough to tell `f(…)` and `x.f(…)` calls). Tracked along the walk: `Node::parent` is
/// not O(1) in tree-sitter (it descends from the root), so it is never called here.
#[derive(Clone, Copy, Default)]
struct Place<'t> {
    parent: &'t str,
    field: Option<&'t str>,
    grand_parent: &'t str,
    parent_field: Option<&'t str>,
}

impl Place<'_> {
    fn called(&self) -> bool {
        (self.parent == "call_expression" && self.field == Some("function"))
            || (self.parent == "selector_expression"
                && self.field == Some("field")
                && self.grand_parent == "call_expression"
                && self.parent_field == Some("function"))
    }
}

fn class_of(node: Node, place: Place<'_>, src: &str) -> Option<&'static str> {
    let kind = node.kind();
    if !node.is_named() {
        return is_keyword(kind).then_some("tok-kw");
    }
    Some(match kind {
        "comment" => "tok-comment",
        "interpreted_string_literal" | "raw_string_literal" | "rune_literal" => "tok-str",
        "int_literal" | "float_literal" | "imaginary_literal" => "tok-num",
        "true" | "false" | "nil" | "iota" => "tok-const",
        "type_identifier" => "tok-type",
        "package_identifier" => "tok-pkg",
        "field_identifier" if place.called() => "tok-fn",
        "field_identifier" => "tok-field",
        "identifier" => {
            if place.parent == "function_declaration" {
                "tok-fn"
            } else if place.called() {
                let name = src.get(node.byte_range()).unwrap_or("");
                if BUILTINS.contains(&name) {
                    "tok-builtin"
                } else {
                    "tok-fn"
                }
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

/// Tokens of `src`. Iterative walk, one pass.
pub fn tokens(src: &str) -> Vec<Token> {
    let tree = gocompat::analyzer::parse(src);
    let mut out = Vec::new();
    let mut cursor = tree.walk();
    // (kind, field name) of every ancestor of the cursor's node.
    let mut stack: Vec<(&str, Option<&str>)> = Vec::new();
    loop {
        let node = cursor.node();
        let field = cursor.field_name();
        let (parent, parent_field) = stack.last().copied().unwrap_or(("", None));
        let grand_parent = stack.len().checked_sub(2).map(|i| stack[i].0).unwrap_or("");
        let place = Place { parent, field, grand_parent, parent_field };
        let class = class_of(node, place, src);
        let leaf_like = matches!(class, Some("tok-comment" | "tok-str"));
        if let Some(class) = class {
            if node.child_count() == 0 || leaf_like {
                let (start, end) = (node.start_byte(), node.end_byte());
                if start < end && end <= src.len() && out.last().is_none_or(|t: &Token| t.end <= start) {
                    out.push(Token { start, end, class });
                }
            }
        }
        if !leaf_like && cursor.goto_first_child() {
            stack.push((node.kind(), field));
            continue;
        }
        if cursor.goto_next_sibling() {
            continue;
        }
        loop {
            if !cursor.goto_parent() {
                return out;
            }
            stack.pop();
            if cursor.goto_next_sibling() {
                break;
            }
        }
    }
}
