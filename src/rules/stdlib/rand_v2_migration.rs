//! Renames from go.dev/doc/go1.22 ("New math/rand/v2 package") and go.dev/blog/randv2; the v2
//! top-level API checked against /usr/share/go-1.22/src/math/rand/v2/rand.go (ExpFloat64, Float32,
//! Float64, Int, Int32, Int32N, Int64, Int64N, IntN, N, NormFloat64, Perm, Shuffle, Uint32,
//! Uint32N, Uint64, Uint64N, UintN; no Seed, no Read).
use super::resolve::{child, fld};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::span::Span;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// In a file at go1.22 or later that imports `math/rand` and calls its top-level
    /// functions, suggests `math/rand/v2`, listing the renames the file would need. One
    /// finding per file, at the import.
    ///
    /// ## Why
    /// Go 1.22 added `math/rand/v2`: a faster, better generator, no deprecated `Seed`/`Read`,
    /// consistent names (`Intn` → `IntN`, `Int63` → `Int64`, `Int31n` → `Int32N`), and the
    /// generic `rand.N`. Files that seed the generator (`Seed`, `NewSource`) or use `Read`
    /// are left alone: v2 produces different value streams and has different seed types,
    /// so moving them is not mechanical.
    ///
    /// ## How to fix
    /// Import `math/rand/v2` and apply the renames.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// import "math/rand"
    ///
    /// func roll() int {
    ///     return rand.Intn(6) + 1
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// import "math/rand/v2"
    ///
    /// func roll() int {
    ///     return rand.IntN(6) + 1
    /// }
    /// ```
    pub static RULE = {
        id: "rand-v2-migration",
        title: "Prefer `math/rand/v2` (Go 1.22)",
        family: "stdlib",
        severity: Severity::Hint,
        versions: "FV >= 1.22",
        sources: &["https://go.dev/doc/go1.22", "https://go.dev/blog/randv2", "https://pkg.go.dev/math/rand/v2"],
        check_file: Some(check),
    }
}

/// math/rand top-level function → its math/rand/v2 name (same behaviour, new name or same).
const RENAMES: &[(&str, &str)] = &[
    ("Intn", "IntN"),
    ("Int31", "Int32"),
    ("Int31n", "Int32N"),
    ("Int63", "Int64"),
    ("Int63n", "Int64N"),
    ("Int", "Int"),
    ("Uint32", "Uint32"),
    ("Uint64", "Uint64"),
    ("Float32", "Float32"),
    ("Float64", "Float64"),
    ("ExpFloat64", "ExpFloat64"),
    ("NormFloat64", "NormFloat64"),
    ("Perm", "Perm"),
    ("Shuffle", "Shuffle"),
];

/// Uses that make a move to v2 a real port rather than a rename: seeding (streams differ,
/// seed types differ), Read (not in v2), and the Source interface (one Uint64 method in v2).
const BLOCKERS: &[&str] = &["Seed", "Read", "NewSource", "Source", "Source64"];

fn check(c: &mut Checker) {
    let [_, to] = c.versions.file_sides();
    if !to.version.at_least(22) {
        return;
    }
    let Some(import) = c.facts.imports.iter().find(|i| i.path == "math/rand") else { return };
    let local = import.local_name.as_str();
    if local == "_" || local == "." || c.facts.imports.iter().any(|i| i.path == "math/rand/v2") {
        return;
    }
    // The uses `local.X`: found by text search, each confirmed in the tree (so comments and
    // strings do not count). No extra walk over the whole tree.
    let root = c.tree.root_node();
    let bytes = c.src.as_bytes();
    let needle = format!("{local}.");
    let mut uses: Vec<(Node, &str, bool)> = Vec::new();
    for (i, _) in c.src.match_indices(&needle) {
        if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b'.') {
            continue;
        }
        let Some(id) = root.descendant_for_byte_range(i, i + local.len()) else { continue };
        if !matches!(id.kind_str(), "identifier" | "package_identifier") || c.text(id) != local {
            continue;
        }
        let Some(n) = id.parent() else { continue };
        let (pkg, name) = match n.kind_str() {
            "selector_expression" => (child(n, &fld::OPERAND), child(n, &fld::FIELD)),
            "qualified_type" => (child(n, &fld::PACKAGE), child(n, &fld::NAME)),
            _ => continue,
        };
        if pkg != Some(id) {
            continue;
        }
        let Some(f) = name else { continue };
        let is_call =
            n.parent().is_some_and(|q| q.kind_str() == "call_expression" && child(q, &fld::FUNCTION) == Some(n));
        uses.push((f, c.text(f), is_call));
    }
    // Early exit before any other work: seeded or Read-using files are not migrated.
    if uses.iter().any(|(_, name, _)| BLOCKERS.contains(name)) {
        return;
    }
    // A local variable or parameter named like the package would be a false match: the
    // selectors must all name math/rand members we know.
    let top_level_calls = uses.iter().filter(|(_, name, call)| *call && RENAMES.iter().any(|(o, _)| o == name)).count();
    if top_level_calls == 0 || uses.iter().any(|(_, name, _)| BLOCKERS.contains(name)) {
        return;
    }
    let mut renames: Vec<(&str, &str)> = Vec::new();
    for (_, name, _) in &uses {
        if let Some((o, n)) = RENAMES.iter().find(|(o, _)| o == name) {
            if o != n && !renames.contains(&(*o, *n)) {
                renames.push((*o, *n));
            }
        }
    }
    let list = if renames.is_empty() {
        "the functions this file calls keep their names".to_string()
    } else {
        renames.iter().map(|(o, n)| format!("{local}.{o} → {local}.{n}")).collect::<Vec<_>>().join(", ")
    };
    let all_known = uses.iter().all(|(_, name, call)| *call && RENAMES.iter().any(|(o, _)| o == name));
    let mut others: Vec<&str> =
        uses.iter().map(|(_, n, _)| *n).filter(|n| !RENAMES.iter().any(|(o, _)| o == n)).collect();
    others.sort_unstable();
    others.dedup();
    let message = format!("math/rand/v2 (Go 1.22) can replace math/rand here: {list}");
    let scope = if all_known {
        "This file only calls top-level functions and does not seed the generator, so switching is a rename".to_string()
    } else {
        format!(
            "This file does not seed the generator; it also uses {}, whose v2 forms differ (Rand methods are renamed the same way, New takes a v2 Source such as NewPCG), so review those by hand",
            others.iter().map(|n| format!("{local}.{n}")).collect::<Vec<_>>().join(", ")
        )
    };
    let explanation = format!(
        "Go 1.22 added math/rand/v2, with a better and faster generator, consistent names and the generic {local}.N; the top-level Seed and Read are gone. {scope}: import \"math/rand/v2\"{}. The values drawn differ from math/rand's, which only matters if something depended on a particular sequence.",
        if renames.is_empty() { String::new() } else { format!(" and rename {list}") }
    );
    let import_span = import.span;
    let path_span = import_path_span(c, import_span);
    let mut d = c.diagnostic(import_span, message, explanation);
    d.sides = c.file_sides(
        if c.versions.file_from.version.at_least(22) {
            "math/rand/v2 available"
        } else {
            "math/rand/v2 not available before go1.22"
        },
        "math/rand/v2 available",
    );
    // Fix only when every use is a known top-level function (no Rand/Zipf types or methods).
    if let (true, Some(path_span)) = (all_known, path_span) {
        let mut edits = vec![TextEdit::replace(path_span, "\"math/rand/v2\"")];
        for (node, name, _) in &uses {
            if let Some((_, n)) = RENAMES.iter().find(|(o, _)| o == name) {
                if n != name {
                    edits.push(TextEdit::replace(Checker::span(*node), *n));
                }
            }
        }
        d.fix = Some(Fix::unsafe_(
            "Switch to math/rand/v2",
            "the generated values differ from math/rand's (and need go1.22)",
            edits,
        ));
    }
    c.report(d);
}

/// The span of the quoted path inside an import spec.
fn import_path_span(c: &Checker, spec: Span) -> Option<Span> {
    let node = c.tree.root_node().descendant_for_byte_range(spec.start, spec.end)?;
    let spec_node = if node.kind_str() == "import_spec" { node } else { node.parent()? };
    let p = spec_node.field("path")?;
    Some(Checker::span(p))
}
