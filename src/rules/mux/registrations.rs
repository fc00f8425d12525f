//! Finding ServeMux registrations syntactically: `http.Handle(p, h)` / `http.HandleFunc`
//! (where `http` is the local name of `"net/http"`) and `X.Handle` / `X.HandleFunc` where
//! `X` is visibly a `*http.ServeMux` (assigned from `http.NewServeMux()`,
//! `&http.ServeMux{}`, `new(http.ServeMux)` or `http.DefaultServeMux`, or declared with
//! that type as a parameter, variable or struct field). Anything else — gorilla/mux, chi,
//! echo, gin, an unknown receiver — is not a registration.
//!
//! Also: the value of a constant string expression (escapes decoded, `+` folded), which
//! mux is used on each side of the upgrade, and `*http.Request` receivers.

use super::pattern::Dialect;
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use std::rc::Rc;
use tree_sitter::Node;

/// Which mux a registration goes to, for grouping registrations of the same mux.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MuxKey {
    /// `http.DefaultServeMux` (package-level `http.Handle*`).
    Default,
    /// A variable or parameter declared in a function, by the byte offset of its declaring
    /// name (inside the function, so it moves with it: see [`Site`](super::http_mux_conflicting_patterns::Site)).
    Decl(usize),
    /// A package-level variable, by name (the last top-level declaration of a name is the
    /// one every use resolves to, so the name identifies it; an offset would move whenever
    /// a function above it is edited).
    Package(String),
    /// A struct field, by the receiver text (`s.mux`).
    Field(String),
}

pub struct Registration<'t> {
    pub call: Node<'t>,
    /// The first argument (the pattern expression).
    pub arg: Node<'t>,
    /// The pattern's value (bytes: a Go string need not be UTF-8).
    pub pattern: Vec<u8>,
    pub mux: MuxKey,
}

/// The registration made by `call`, if it is one with a constant pattern. Resolved once
/// per call and analysis (five rules ask; see [`crate::rules::Shared`]).
pub fn registration<'t>(c: &Checker<'t>, call: Node<'t>) -> Option<Rc<Registration<'t>>> {
    // Cheap filter (runs for every call in the file): `X.Handle` or `X.HandleFunc`.
    let callee = c.callee(call)?;
    if callee.selected != "Handle" && callee.selected != "HandleFunc" {
        return None;
    }
    if let Some(found) = c.shared.registrations.borrow().get(&call.id()) {
        return found.clone();
    }
    let found = resolve_registration(c, call, callee.function).map(Rc::new);
    c.shared.registrations.borrow_mut().insert(call.id(), found.clone());
    found
}

fn resolve_registration<'t>(c: &Checker<'t>, call: Node<'t>, f: Node<'t>) -> Option<Registration<'t>> {
    let args = arguments(call);
    if args.len() != 2 {
        return None;
    }
    let arg = args[0];
    let operand = f.field("operand")?;
    let mux = servemux(c, operand)?;
    let pattern = string_value(c, arg)?;
    Some(Registration { call, arg, pattern, mux })
}

/// The call's arguments, without comments.
pub fn arguments<'t>(call: Node<'t>) -> Vec<Node<'t>> {
    let Some(args) = call.field("arguments") else { return Vec::new() };
    let mut cur = args.walk();
    args.named_children(&mut cur).filter(|n| n.kind_str() != "comment").collect()
}

/// A sentence for explanations when the file is not in package main: the ServeMux mode
/// is chosen by the main module that imports this package.
pub fn library_note(c: &Checker) -> &'static str {
    match c.facts.package_name.as_deref() {
        Some("main") | None => "",
        Some(_) => " This file is not in package main: the ServeMux behaviour follows the go line (and GODEBUG) of the main module that uses this package, which is assumed here to be the chosen versions.",
    }
}

/// The local name of `net/http`, if imported under a usable name.
pub fn http_name<'f>(c: &Checker<'f>) -> Option<&'f str> {
    c.facts.local_name("net/http").filter(|n| *n != "_" && *n != ".")
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether the type text is `*http.ServeMux` (or `http.ServeMux` when `value_ok`).
fn is_servemux_type(c: &Checker, ty: Node, http: &str) -> bool {
    squeeze(c.text(ty)) == format!("*{http}.ServeMux")
}

/// `Some(key)` when the expression's value is a ServeMux.
fn servemux_value<'t>(c: &Checker<'t>, v: Node<'t>, http: &str, decl: Node<'t>) -> Option<MuxKey> {
    let t = squeeze(c.text(v));
    if t == format!("{http}.DefaultServeMux") {
        Some(MuxKey::Default)
    } else if t == format!("{http}.NewServeMux()")
        || t == format!("&{http}.ServeMux{{}}")
        || t == format!("new({http}.ServeMux)")
    {
        Some(decl_key(c, decl))
    } else {
        None
    }
}

/// Resolves the receiver of `.Handle`/`.HandleFunc` to a net/http ServeMux.
fn servemux<'t>(c: &Checker<'t>, operand: Node<'t>) -> Option<MuxKey> {
    let http = http_name(c)?;
    match operand.kind_str() {
        "identifier" if c.text(operand) == http => {
            // The package-level functions, unless `http` is shadowed by a local declaration.
            (!shadowed_locally(c, operand)).then_some(MuxKey::Default)
        }
        "identifier" => {
            let d = resolve(c, operand)?;
            if let Some(ty) = d.ty {
                if is_servemux_type(c, ty, http) {
                    return Some(decl_key(c, d.name));
                }
                return None;
            }
            servemux_value(c, d.value?, http, d.name)
        }
        "selector_expression" => {
            let inner = operand.field("operand")?;
            let field = c.text(operand.field("field")?);
            if inner.kind_str() == "identifier" && c.text(inner) == http && field == "DefaultServeMux" {
                return (!shadowed_locally(c, inner)).then_some(MuxKey::Default);
            }
            if struct_field_is_servemux(c, field, http) {
                Some(MuxKey::Field(squeeze(c.text(operand))))
            } else {
                None
            }
        }
        "parenthesized_expression" => servemux(c, operand.named_child(0)?),
        _ => None,
    }
}

/// Whether some struct in the file declares a field `name` of type `*http.ServeMux`
/// (and no field of that name with another type).
fn struct_field_is_servemux(c: &Checker, name: &str, http: &str) -> bool {
    if !c.src.contains("ServeMux") {
        return false;
    }
    // The file's field declarations of that name (an index built once per analysis).
    let mut found = false;
    for n in c.struct_fields_named(name) {
        match n.field("type") {
            Some(t) if is_servemux_type(c, t, http) => found = true,
            _ => return false,
        }
    }
    found
}

/// A declaration found for an identifier.
pub struct Decl<'t> {
    pub name: Node<'t>,
    pub ty: Option<Node<'t>>,
    pub value: Option<Node<'t>>,
}

/// The nearest declaration of `ident` visible at its position in the file (parameters,
/// receivers, `:=`, `var`, `const`), or `None` when not declared in the file.
pub fn resolve<'t>(c: &Checker<'t>, ident: Node<'t>) -> Option<Decl<'t>> {
    resolve_in(c, ident, true)
}

/// Whether a package name is shadowed by a local declaration (a package-level one would
/// clash with the import, so only function scopes are searched).
pub fn shadowed_locally<'t>(c: &Checker<'t>, ident: Node<'t>) -> bool {
    resolve_in(c, ident, false).is_some()
}

fn resolve_in<'t>(c: &Checker<'t>, ident: Node<'t>, file_scope: bool) -> Option<Decl<'t>> {
    let name = c.text(ident);
    let pos = ident.start_byte();
    for parent in c.ancestors_of(ident) {
        match parent.kind_str() {
            "source_file" if !file_scope => return None,
            "statement_list" => {
                // The last declaration before the identifier (a long block is indexed).
                let found =
                    c.block_declaring(parent, name, pos).into_iter().filter_map(|s| declares(c, s, name)).last();
                if found.is_some() {
                    return found;
                }
            }
            "source_file" => {
                // The last top-level declaration of the name (indexed: not a scan of the file).
                return c.top_level_declaring(name).iter().filter_map(|s| declares(c, *s, name)).last();
            }
            "function_declaration" | "method_declaration" | "func_literal" => {
                for field in ["receiver", "parameters", "result"] {
                    let Some(params) = parent.field(field) else { continue };
                    let mut cur = params.walk();
                    for p in params.named_children(&mut cur) {
                        let mut cur2 = p.walk();
                        let hit = p.children_by_field_name("name", &mut cur2).find(|n| c.text(*n) == name);
                        if let Some(n) = hit {
                            return Some(Decl { name: n, ty: p.field("type"), value: None });
                        }
                    }
                }
            }
            "for_statement" | "if_statement" | "expression_switch_statement" | "type_switch_statement" => {
                // Header declarations (`for i := ...`, `if x := ...; ...`).
                let mut cur = parent.walk();
                for ch in parent.named_children(&mut cur) {
                    if ch.end_byte() > pos {
                        break;
                    }
                    let stmt = if ch.kind_str() == "for_clause" { ch.field("initializer") } else { Some(ch) };
                    if let Some(d) = stmt.and_then(|s| declares(c, s, name)) {
                        return Some(d);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn declares<'t>(c: &Checker, stmt: Node<'t>, name: &str) -> Option<Decl<'t>> {
    match stmt.kind_str() {
        "short_var_declaration" => {
            let left = stmt.field("left")?;
            let right = stmt.field("right")?;
            let mut cur = left.walk();
            let (idx, n) = left.named_children(&mut cur).enumerate().find(|(_, n)| c.text(*n) == name)?;
            let value = if left.named_child_count() == right.named_child_count() {
                right.named_child(idx as u32)
            } else {
                None
            };
            Some(Decl { name: n, ty: None, value })
        }
        "var_declaration" | "const_declaration" => {
            // Specs directly or in a spec list; never descend into the values (a top-level
            // `var tests = []T{…}` can be thousands of lines).
            let mut found = None;
            for s in crate::analyzer::scope::specs_of(stmt) {
                if s.kind_str() != "var_spec" && s.kind_str() != "const_spec" {
                    continue;
                }
                let mut cur = s.walk();
                let names: Vec<Node> = s.children_by_field_name("name", &mut cur).collect();
                if let Some(idx) = names.iter().position(|n| c.text(*n) == name) {
                    let value = s.field("value").and_then(|v| {
                        if v.named_child_count() == names.len() {
                            v.named_child(idx as u32)
                        } else {
                            None
                        }
                    });
                    found = Some(Decl { name: names[idx], ty: s.field("type"), value });
                }
            }
            found
        }
        "function_declaration" | "type_declaration" => {
            let hit = match stmt.kind_str() {
                "function_declaration" => stmt.field("name").filter(|n| c.text(*n) == name),
                _ => {
                    let mut cur = stmt.walk();
                    let specs: Vec<Node> = stmt.named_children(&mut cur).collect();
                    specs.into_iter().filter_map(|s| s.field("name")).find(|n| c.text(*n) == name)
                }
            };
            hit.map(|n| Decl { name: n, ty: None, value: None })
        }
        _ => None,
    }
}

/// Whether `expr` is visibly a `*http.Request` (a parameter or variable declared so).
pub fn is_http_request<'t>(c: &Checker<'t>, expr: Node<'t>) -> bool {
    let Some(http) = http_name(c) else { return false };
    if expr.kind_str() != "identifier" {
        return false;
    }
    resolve(c, expr).and_then(|d| d.ty).is_some_and(|t| squeeze(c.text(t)) == format!("*{http}.Request"))
}

/// The value of a constant string expression: interpreted (escapes decoded) or raw
/// literals, constants declared in the file, parenthesised, joined with `+`. `None` for
/// anything else.
pub fn string_value<'t>(c: &Checker<'t>, e: Node<'t>) -> Option<Vec<u8>> {
    // Iterative over `+` chains: collect operands left to right.
    let mut out = Vec::new();
    let mut stack = vec![e];
    let mut steps = 0;
    while let Some(n) = stack.pop() {
        steps += 1;
        if steps > 256 {
            return None;
        }
        match n.kind_str() {
            "interpreted_string_literal" => out.extend(decode_interpreted(c.text(n))?),
            "raw_string_literal" => {
                let t = c.text(n);
                let inner = t.strip_prefix('`')?.strip_suffix('`')?;
                out.extend(inner.bytes().filter(|&b| b != b'\r'));
            }
            "parenthesized_expression" => stack.push(n.named_child(0)?),
            // A constant declared in the file (`const api = "/api/"`).
            "identifier" => {
                let d = resolve(c, n)?;
                if d.name.parent()?.kind_str() != "const_spec" {
                    return None;
                }
                stack.push(d.value?);
            }
            "binary_expression" => {
                if c.text(n.field("operator")?) != "+" {
                    return None;
                }
                stack.push(n.field("right")?);
                stack.push(n.field("left")?);
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Decodes a Go interpreted string literal (with its quotes). `None` if malformed.
pub fn decode_interpreted(lit: &str) -> Option<Vec<u8>> {
    let inner = lit.strip_prefix('"')?.strip_suffix('"')?;
    let b = inner.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let hex = |s: &[u8]| -> Option<u32> {
        let t = std::str::from_utf8(s).ok()?;
        u32::from_str_radix(t, 16).ok()
    };
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let e = *b.get(i + 1)?;
        i += 2;
        match e {
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'\\' => out.push(b'\\'),
            b'"' => out.push(b'"'),
            b'0'..=b'7' => {
                let s = std::str::from_utf8(b.get(i - 1..i + 2)?).ok()?;
                let v = u32::from_str_radix(s, 8).ok()?;
                out.push(u8::try_from(v).ok()?);
                i += 2;
            }
            b'x' => {
                let v = hex(b.get(i..i + 2)?)?;
                out.push(v as u8);
                i += 2;
            }
            b'u' | b'U' => {
                let n = if e == b'u' { 4 } else { 8 };
                let v = hex(b.get(i..i + n)?)?;
                let ch = char::from_u32(v)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                i += n;
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Which ServeMux implementation a side of the upgrade runs.
#[derive(Debug, Clone)]
pub struct SideMux {
    /// The Go 1.21 mux (`httpmuxgo121=1`, or a main module below go1.22, or a toolchain
    /// without the new mux).
    pub old: bool,
    /// "go1.21 (go.mod line 3)", "httpmuxgo121=1 (//go:debug on line 1)".
    pub why: String,
}

impl SideMux {
    pub fn behaves(&self, behavior: impl Into<String>) -> crate::diagnostic::SideBehavior {
        crate::diagnostic::SideBehavior { version: self.why.clone(), behavior: behavior.into() }
    }
}

/// The mux on the `[from, to]` sides: MV and the `httpmuxgo121` override, for the toolchain.
pub fn mux_sides(c: &Checker) -> [SideMux; 2] {
    let tc = &c.versions.toolchain;
    let ov = c.facts.godebug_override("httpmuxgo121", c.gomod);
    c.versions.main_sides().map(|mv| {
        if !tc.version.at_least(22) {
            return SideMux { old: true, why: format!("toolchain {} (no Go 1.22 mux)", tc.describe()) };
        }
        match &ov {
            Some((v, at)) => SideMux { old: v == "1", why: format!("{}, httpmuxgo121={v} ({at})", mv.describe()) },
            None => SideMux { old: !mv.version.at_least(22), why: mv.describe() },
        }
    })
}

/// The pattern dialect of the toolchain.
pub fn dialect(c: &Checker) -> Dialect {
    if c.versions.toolchain.version.at_least(23) {
        Dialect::Go123
    } else {
        Dialect::Go122
    }
}

/// Whether a node whose ancestors (root first, as [`Checker::ancestors`]) are `above` is
/// inside a conditional, loop or closure below the enclosing function body (such a
/// registration may run zero or several times).
pub fn conditional(above: &[Node]) -> bool {
    for p in above.iter().rev() {
        match p.kind_str() {
            "function_declaration" | "method_declaration" | "source_file" => return false,
            "if_statement"
            | "for_statement"
            | "expression_switch_statement"
            | "type_switch_statement"
            | "select_statement"
            | "func_literal"
            | "go_statement"
            | "defer_statement" => return true,
            _ => {}
        }
    }
    false
}

/// The enclosing function or method declaration among the ancestors `above` (root first):
/// registrations are compared only within one function, or across `init` and `main` for a
/// package-level mux.
pub fn enclosing_function<'t>(above: &[Node<'t>]) -> Option<Node<'t>> {
    above.iter().rev().copied().find(|p| matches!(p.kind_str(), "function_declaration" | "method_declaration"))
}

/// Whether a mux is package-wide: the DefaultServeMux or a variable declared at top level.
pub fn package_level(key: &MuxKey) -> bool {
    matches!(key, MuxKey::Default | MuxKey::Package(_))
}

/// The key of a mux variable or parameter whose declaring name is `name`, as resolved from
/// a registration in the top-level declaration the walk is in.
fn decl_key<'t>(c: &Checker<'t>, name: Node<'t>) -> MuxKey {
    let at = name.start_byte();
    let local = match c.ancestors().get(1) {
        // Outside the top-level declaration of the use: only a top-level declaration is
        // visible from there.
        Some(top) if !(top.start_byte() <= at && at < top.end_byte()) => false,
        // Inside a function or method: its parameters and locals.
        Some(top) if matches!(top.kind_str(), "function_declaration" | "method_declaration") => true,
        // Inside a top-level `var` (its own name, or a local of a function literal in it).
        _ => c
            .ancestors_of(name)
            .iter()
            .any(|p| matches!(p.kind_str(), "function_declaration" | "method_declaration" | "func_literal")),
    };
    if local {
        MuxKey::Decl(at)
    } else {
        MuxKey::Package(c.text(name).to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_go_escapes() {
        assert_eq!(decode_interpreted(r#""GET /a\tb\x41\101\u00e9\"""#).unwrap(), "GET /a\tbAAé\"".as_bytes());
        assert_eq!(decode_interpreted(r#""\xff""#).unwrap(), vec![0xff]);
        assert!(decode_interpreted(r#""\q""#).is_none());
        assert!(decode_interpreted(r#""\x4""#).is_none());
    }
}
