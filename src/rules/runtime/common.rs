//! Helpers shared by the `runtime` and `vet` families: the GODEBUG table (embedded from
//! `data/knowledge/godebug.tsv`), per-side GODEBUG decisions, and small syntax helpers that
//! resolve package names through the file's imports.

use crate::analyzer::NodeExt;
use crate::analyzer::{Checker, Sourced};
use crate::diagnostic::SideBehavior;
use std::sync::LazyLock;
use tree_sitter::Node;

/// One row of `godebug.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GodebugRow {
    pub name: &'static str,
    /// Minor version whose go line gets the new default (22 = go1.22).
    pub changed_in: Option<u32>,
    /// The value a main module declaring an older go line gets.
    pub old_value: &'static str,
    /// `current` or `removed`.
    pub status: &'static str,
    pub introduced_in: Option<u32>,
    pub removed_in: Option<u32>,
}

/// `"1.22"` or `"22"` → 22.
fn minor(s: &str) -> Option<u32> {
    let s = s.trim();
    let m = s.strip_prefix("1.").unwrap_or(s);
    m.parse().ok()
}

static TABLE: LazyLock<Vec<GodebugRow>> = LazyLock::new(|| {
    include_str!("../../../data/knowledge/godebug.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("name\t"))
        .filter_map(|l| {
            let f: Vec<&'static str> = l.split('\t').collect();
            if f.len() < 9 || f[0].is_empty() {
                return None;
            }
            Some(GodebugRow {
                name: f[0],
                changed_in: minor(f[2]),
                old_value: f[3],
                status: f[6],
                introduced_in: minor(f[7]),
                removed_in: minor(f[8]),
            })
        })
        .collect()
});

/// Every row of the GODEBUG table.
pub fn godebug_table() -> &'static [GodebugRow] {
    &TABLE
}

/// The row for `name`, if the table knows the setting.
pub fn godebug(name: &str) -> Option<&'static GodebugRow> {
    TABLE.iter().find(|r| r.name == name)
}

/// Which behaviour a GODEBUG-controlled change has on one side of the upgrade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// The new (changed) behaviour applies.
    pub new: bool,
    /// Why: the go line default, an explicit setting, or the toolchain.
    pub why: String,
}

/// Decides, for the `from` and the `to` main-module versions, whether the new behaviour of
/// `setting` applies: the toolchain first (a removed setting means the new behaviour
/// always; a toolchain older than the change means the old one), then an explicit
/// `//go:debug` / go.mod `godebug` setting, then the go line's default (go.dev/doc/godebug).
pub fn godebug_sides(c: &Checker, setting: &str) -> [Side; 2] {
    let [from, to] = c.versions.main_sides();
    [godebug_side(c, setting, from), godebug_side(c, setting, to)]
}

fn godebug_side(c: &Checker, setting: &str, mv: &Sourced) -> Side {
    let tc = c.versions.toolchain.version;
    let Some(row) = godebug(setting) else {
        return Side { new: false, why: format!("unknown GODEBUG setting {setting}") };
    };
    let changed = row.changed_in.unwrap_or(0);
    if let Some(r) = row.removed_in {
        if tc.at_least(r) {
            return Side {
                new: true,
                why: format!(
                    "toolchain {tc}: the {setting} escape hatch was removed in Go 1.{r}, so the new behaviour applies whatever the go line says"
                ),
            };
        }
    }
    if !tc.at_least(changed) {
        return Side { new: false, why: format!("toolchain {tc} predates the Go 1.{changed} change") };
    }
    if let Some((value, place)) = c.facts.godebug_override(setting, c.gomod) {
        // go.mod `godebug` lines are honoured from Go 1.23 on.
        if !place.starts_with("go.mod") || tc.at_least(23) {
            // asynctimerchan=2 is a second pre-1.23 mode (godebug.tsv: "1 or 2").
            let old = value == row.old_value || (setting == "asynctimerchan" && value == "2");
            return Side { new: !old, why: format!("{setting}={value} set by {place}") };
        }
    }
    let new = mv.version.at_least(changed);
    let why = if new {
        format!("go line {} ≥ go1.{changed}: new default", mv.version)
    } else {
        format!("go line {} < go1.{changed}: {setting}={} by default", mv.version, row.old_value)
    };
    Side { new, why }
}

/// Side notes for the main-module versions: "go1.21 (go.mod line 3)": behaviour (why).
pub fn main_sides(c: &Checker, sides: &[Side; 2], old: &str, new: &str) -> Vec<SideBehavior> {
    let [from, to] = c.versions.main_sides();
    [from, to]
        .iter()
        .zip(sides.iter())
        .map(|(v, s)| SideBehavior {
            version: v.describe(),
            behavior: format!("{} ({})", if s.new { new } else { old }, s.why),
        })
        .collect()
}

/// Side notes for a toolchain-driven change that happened in Go 1.`minor`.
pub fn toolchain_sides(c: &Checker, minor: u32, old: &str, new: &str) -> Vec<SideBehavior> {
    let tc = &c.versions.toolchain;
    vec![
        SideBehavior { version: format!("toolchains before go1.{minor}"), behavior: old.to_string() },
        SideBehavior { version: format!("toolchain {}", tc.describe()), behavior: new.to_string() },
    ]
}

/// A sentence for library packages: GODEBUG defaults follow the main module.
pub fn library_note(c: &Checker) -> String {
    match c.facts.package_name.as_deref() {
        Some("main") | None => String::new(),
        Some(p) => format!(
            " This file is in package {p}: GODEBUG defaults come from the go line of the main module that is built, so the behaviour depends on the program importing it."
        ),
    }
}

/// The GODEBUG removal sentence for settings removed in Go 1.27.
pub fn removal_note(setting: &str) -> String {
    match godebug(setting).and_then(|r| r.removed_in) {
        Some(r) => format!(
            " GODEBUG {setting} restores the old behaviour only up to Go 1.{}; the escape hatch was removed in Go 1.{r}, and from then on the go command rejects {setting} set to its old value.",
            r - 1
        ),
        None => String::new(),
    }
}

/// Skips parentheses.
pub fn unparen(mut n: Node) -> Node {
    while n.kind_str() == "parenthesized_expression" {
        match n.named_child(0) {
            Some(inner) => n = inner,
            None => break,
        }
    }
    n
}

/// For `pkg.Name` (a `selector_expression` or `qualified_type`) whose package name resolves to
/// import `path`, returns `Name`.
pub fn pkg_member<'a>(c: &Checker<'a>, node: Node<'a>, path: &str) -> Option<&'a str> {
    // Most files do not import `path`: answer without touching the tree.
    c.facts.local_name(path)?;
    let (pkg, name) = match node.kind_str() {
        "selector_expression" => (c.field(node, "operand")?, c.field(node, "field")?),
        "qualified_type" => (c.field(node, "package")?, c.field(node, "name")?),
        _ => return None,
    };
    if !matches!(pkg.kind_str(), "identifier" | "package_identifier") {
        return None;
    }
    (c.facts.import_path(c.text(pkg)) == Some(path)).then(|| c.text(name))
}

/// For a `call_expression` of `pkg.Func(...)` with `pkg` resolving to `path`: `Func`.
pub fn called_pkg_func<'a>(c: &Checker<'a>, call: Node<'a>, path: &str) -> Option<&'a str> {
    if call.kind_str() != "call_expression" {
        return None;
    }
    c.callee(call)?.in_package(path)
}

/// The arguments of a call (named children of the `argument_list`, comments skipped).
pub fn call_args<'t>(call: Node<'t>) -> Vec<Node<'t>> {
    let Some(args) = call.field("arguments") else { return Vec::new() };
    let mut cur = args.walk();
    args.named_children(&mut cur).filter(|n| n.kind_str() != "comment").collect()
}

/// `(key text, value node)` of each `keyed_element` of a `literal_value`.
pub fn keyed_fields<'a, 't>(c: &Checker<'a>, body: Node<'t>) -> Vec<(&'a str, Node<'t>, Node<'t>)> {
    let mut out = Vec::new();
    let mut cur = body.walk();
    for el in body.named_children(&mut cur) {
        if el.kind_str() != "keyed_element" {
            continue;
        }
        let (Some(k), Some(v)) = (el.field("key"), el.field("value")) else { continue };
        let v = if v.kind_str() == "literal_element" { v.named_child(0).unwrap_or(v) } else { v };
        out.push((c.text(k).trim(), v, el));
    }
    out
}

/// The top-level declaration containing `n` (the scope searched for a variable's uses),
/// or the root for a node at the top.
pub fn enclosing_decl(n: Node) -> Node {
    let mut cur = n;
    while let Some(p) = cur.parent() {
        if p.parent().is_none() {
            return cur;
        }
        cur = p;
    }
    cur
}

/// Whether the byte at `i` continues an identifier.
pub fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Offsets of `word` as a whole identifier in `text`.
pub fn word_occurrences<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let b = text.as_bytes();
        !word.is_empty()
            && (i == 0 || !is_ident_byte(b[i - 1]))
            && b.get(i + word.len()).is_none_or(|&n| !is_ident_byte(n))
    })
}

/// Whether `node` is a string literal (interpreted or raw).
pub fn is_string_lit(node: Node) -> bool {
    matches!(node.kind_str(), "interpreted_string_literal" | "raw_string_literal")
}

/// The content of a string literal without quotes (escapes kept as written).
pub fn string_content<'a>(c: &Checker<'a>, node: Node) -> Option<&'a str> {
    if !is_string_lit(node) {
        return None;
    }
    let t = c.text(node);
    // An unterminated literal (tree-sitter error recovery) may lack its closing quote and
    // end inside a multi-byte character: no content then.
    let q = if node.kind() == "raw_string_literal" { '`' } else { '"' };
    (t.len() >= 2 && t.starts_with(q) && t.ends_with(q)).then(|| &t[1..t.len() - 1])
}

/// Iterates over the nodes of a subtree in pre-order without recursion; `visit` returns
/// whether to descend into the node.
pub fn walk_subtree<'t>(root: Node<'t>, mut visit: impl FnMut(Node<'t>) -> bool) {
    let mut cursor = root.walk();
    let mut descend = visit(root);
    loop {
        if descend && cursor.goto_first_child() {
            descend = visit(cursor.node());
            continue;
        }
        loop {
            if cursor.node() == root {
                return;
            }
            if cursor.goto_next_sibling() {
                descend = visit(cursor.node());
                break;
            }
            if !cursor.goto_parent() {
                return;
            }
        }
    }
}
