//! Syntax colouring by a single tree walk over tree-sitter-go's nodes (no query engine:
//! `tree-sitter-highlight` would add its query compiler and the `regex` crate to the wasm).
//!
//! Output: non-overlapping, sorted token spans with a CSS class each. Builtins include
//! Go 1.21's `min`, `max` and `clear` (missing from tree-sitter-go's own highlights.scm).

use tree_sitter::Node;

/// Above this size the editor shows plain text (highlighting stays cheap per keystroke).
pub const MAX_HIGHLIGHT_BYTES: usize = 96 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub class: &'static str,
}

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

/// Whether `node` is the function named in a call (`f(…)`, `x.f(…)`).
fn called(node: Node) -> bool {
    let Some(parent) = node.parent() else { return false };
    match parent.kind() {
        "call_expression" => parent.child_by_field_name("function").map(|f| f.id()) == Some(node.id()),
        "selector_expression" => {
            parent.child_by_field_name("field").map(|f| f.id()) == Some(node.id())
                && parent
                    .parent()
                    .filter(|g| g.kind() == "call_expression")
                    .and_then(|g| g.child_by_field_name("function"))
                    .map(|f| f.id())
                    == Some(parent.id())
        }
        _ => false,
    }
}

fn class_of(node: Node, src: &str) -> Option<&'static str> {
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
        "field_identifier" if called(node) => "tok-fn",
        "field_identifier" => "tok-field",
        "identifier" => {
            let parent_kind = node.parent().map(|p| p.kind()).unwrap_or("");
            if parent_kind == "function_declaration" {
                "tok-fn"
            } else if called(node) {
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

/// Tokens of `src` (empty above [`MAX_HIGHLIGHT_BYTES`]). Iterative walk, one pass.
pub fn tokens(src: &str) -> Vec<Token> {
    if src.len() > MAX_HIGHLIGHT_BYTES {
        return Vec::new();
    }
    let tree = gocompat::analyzer::parse(src);
    let mut out = Vec::new();
    let mut cursor = tree.walk();
    loop {
        let node = cursor.node();
        let class = class_of(node, src);
        let leaf_like = class.is_some() && matches!(class, Some("tok-comment" | "tok-str"));
        if let Some(class) = class {
            if node.child_count() == 0 || leaf_like {
                let (start, end) = (node.start_byte(), node.end_byte());
                if start < end && end <= src.len() && out.last().is_none_or(|t: &Token| t.end <= start) {
                    out.push(Token { start, end, class });
                }
            }
        }
        if !leaf_like && cursor.goto_first_child() {
            continue;
        }
        if cursor.goto_next_sibling() {
            continue;
        }
        loop {
            if !cursor.goto_parent() {
                return out;
            }
            if cursor.goto_next_sibling() {
                break;
            }
        }
    }
}
