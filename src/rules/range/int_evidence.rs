//! Syntactic evidence that an expression is an integer (rules.md §B, range-over-int):
//! an integer literal, `len`/`cap`, a conversion to an integer type, an integer-only binary
//! operator, or an identifier whose nearest declaration in the file gives an integer type
//! or value. A bare identifier of unknown type is *not* evidence (it could be a slice).

use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use tree_sitter::Node;

pub const INT_TYPES: &[&str] = &[
    "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte", "rune",
];

/// What is known about an integer expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntEvidence {
    /// The operand description the Go compiler prints: `untyped int constant`,
    /// `variable of type int`, `value of type int64`.
    pub description: String,
    /// The Go type, when typed (`None` for an untyped constant: it defaults to int).
    pub ty: Option<String>,
    /// A constant expression (literal or `const`): evaluated once either way.
    pub constant: bool,
}

const MAX_DEPTH: u32 = 8;

/// Evidence that `expr` is an integer, or `None`.
pub fn int_evidence<'a>(c: &Checker<'a>, expr: Node<'a>) -> Option<IntEvidence> {
    evidence(c, expr, 0)
}

fn untyped() -> IntEvidence {
    IntEvidence { description: "untyped int constant".into(), ty: None, constant: true }
}

fn evidence<'a>(c: &Checker<'a>, expr: Node<'a>, depth: u32) -> Option<IntEvidence> {
    if depth > MAX_DEPTH {
        return None;
    }
    match expr.kind_str() {
        "int_literal" => Some(untyped()),
        "parenthesized_expression" => evidence(c, expr.named_child(0)?, depth + 1),
        "call_expression" => {
            let f = expr.field("function")?;
            let name = c.text(f);
            if f.kind_str() == "identifier" && (name == "len" || name == "cap") && !c.declares_top_level(name) {
                return Some(IntEvidence {
                    description: "value of type int".into(),
                    ty: Some("int".into()),
                    constant: false,
                });
            }
            if (f.kind_str() == "identifier" || f.kind_str() == "type_identifier")
                && INT_TYPES.contains(&name)
                && !c.declares_top_level(name)
            {
                let args = expr.field("arguments")?;
                let constant = args.named_child(0).and_then(|a| evidence(c, a, depth + 1)).is_some_and(|e| e.constant);
                let description =
                    if constant { format!("constant of type {name}") } else { format!("value of type {name}") };
                return Some(IntEvidence { description, ty: Some(name.into()), constant });
            }
            None
        }
        "unary_expression" => {
            let op = expr.child(0)?;
            let operand = expr.field("operand")?;
            match c.text(op) {
                "-" | "+" | "^" => evidence(c, operand, depth + 1),
                _ => None,
            }
        }
        "binary_expression" => {
            let op = c.text(expr.field("operator")?);
            let l = expr.field("left")?;
            let r = expr.field("right")?;
            let (le, re) = (evidence(c, l, depth + 1), evidence(c, r, depth + 1));
            match op {
                // Integer-only operators: either side is enough.
                "%" | "<<" | ">>" | "&" | "|" | "^" | "&^" => {
                    le.as_ref().or(re.as_ref())?;
                    Some(combine(le, re))
                }
                // Arithmetic that also works on floats (and + on strings): both sides.
                "+" | "-" | "*" | "/" => Some(combine(Some(le?), Some(re?))),
                _ => None,
            }
        }
        "identifier" => identifier_evidence(c, expr, depth),
        _ => None,
    }
}

fn combine(l: Option<IntEvidence>, r: Option<IntEvidence>) -> IntEvidence {
    let constant = l.as_ref().is_some_and(|e| e.constant) && r.as_ref().is_some_and(|e| e.constant);
    let ty = l.as_ref().and_then(|e| e.ty.clone()).or_else(|| r.as_ref().and_then(|e| e.ty.clone()));
    match (constant, ty) {
        (true, None) => untyped(),
        (true, Some(t)) => IntEvidence { description: format!("constant of type {t}"), ty: Some(t), constant },
        (false, Some(t)) => IntEvidence { description: format!("value of type {t}"), ty: Some(t), constant },
        (false, None) => IntEvidence { description: "value of type int".into(), ty: Some("int".into()), constant },
    }
}

/// Finds the nearest declaration of the identifier visible at its position and reads its
/// type or value.
fn identifier_evidence<'a>(c: &Checker<'a>, ident: Node<'a>, depth: u32) -> Option<IntEvidence> {
    let name = c.text(ident);
    let pos = ident.start_byte();
    for parent in c.ancestors_of(ident) {
        match parent.kind_str() {
            "statement_list" | "source_file" => {
                let mut found = None;
                if parent.kind_str() == "source_file" {
                    // Indexed top-level declarations, not a scan of the file.
                    for &stmt in c.top_level_declaring(name) {
                        if let Some(e) = declaration_evidence(c, stmt, name, depth) {
                            found = Some(e);
                        }
                    }
                } else {
                    for stmt in c.block_declaring(parent, name, pos) {
                        if let Some(e) = declaration_evidence(c, stmt, name, depth) {
                            found = Some(e);
                        }
                    }
                }
                if let Some(e) = found {
                    return e;
                }
            }
            "function_declaration" | "method_declaration" | "func_literal" => {
                if let Some(params) = parent.field("parameters") {
                    let mut cur = params.walk();
                    for p in params.named_children(&mut cur) {
                        let mut cur2 = p.walk();
                        if p.children_by_field_name("name", &mut cur2).any(|n| c.text(n) == name) {
                            let ty = p.field("type").map(|t| c.text(t));
                            return ty.filter(|t| INT_TYPES.contains(t)).map(|t| IntEvidence {
                                description: format!("variable of type {t}"),
                                ty: Some(t.into()),
                                constant: false,
                            });
                        }
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// `Some(evidence)` when `stmt` declares `name` (`Some(None)`: declared, type unknown).
fn declaration_evidence<'a>(c: &Checker<'a>, stmt: Node<'a>, name: &str, depth: u32) -> Option<Option<IntEvidence>> {
    match stmt.kind_str() {
        "short_var_declaration" => {
            let left = stmt.field("left")?;
            let right = stmt.field("right")?;
            let mut cur = left.walk();
            let idx = left.named_children(&mut cur).position(|n| c.text(n) == name)?;
            let value = right.named_child(idx as u32);
            Some(value.and_then(|v| evidence(c, v, depth + 1)).map(|e| {
                let ty = e.ty.unwrap_or_else(|| "int".into());
                IntEvidence { description: format!("variable of type {ty}"), ty: Some(ty), constant: false }
            }))
        }
        "var_declaration" | "const_declaration" => {
            let is_const = stmt.kind_str() == "const_declaration";
            let mut cur = stmt.walk();
            let mut result = None;
            for spec in stmt.named_children(&mut cur) {
                let mut cur2 = spec.walk();
                let Some(idx) = spec.children_by_field_name("name", &mut cur2).position(|n| c.text(n) == name) else {
                    continue;
                };
                let ty = spec.field("type").map(|t| c.text(t).to_string());
                let value = spec.field("value").and_then(|v| v.named_child(idx as u32));
                let value_ev = value.and_then(|v| evidence(c, v, depth + 1));
                let ev = match (ty, is_const) {
                    (Some(t), _) if !INT_TYPES.contains(&t.as_str()) => None,
                    (Some(t), true) => {
                        Some(IntEvidence { description: format!("constant of type {t}"), ty: Some(t), constant: true })
                    }
                    (Some(t), false) => {
                        Some(IntEvidence { description: format!("variable of type {t}"), ty: Some(t), constant: false })
                    }
                    (None, true) => value_ev.filter(|e| e.constant).map(|e| match e.ty {
                        None => IntEvidence {
                            description: format!("untyped int constant {}", value.map(|v| c.text(v)).unwrap_or("")),
                            ty: None,
                            constant: true,
                        },
                        Some(t) => {
                            IntEvidence { description: format!("constant of type {t}"), ty: Some(t), constant: true }
                        }
                    }),
                    (None, false) => value_ev.map(|e| {
                        let ty = e.ty.unwrap_or_else(|| "int".into());
                        IntEvidence { description: format!("variable of type {ty}"), ty: Some(ty), constant: false }
                    }),
                };
                result = Some(ev);
            }
            result
        }
        _ => None,
    }
}
