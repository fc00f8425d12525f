//! Generates the compact standard-library API table embedded by `src/rules/stdlib/stdapi.rs`
//! from `data/knowledge/stdapi-since.tsv` (nothing is typed by hand: the knowledge file stays
//! the source).
//!
//! The analyzer never needs a go1.0 row (no go line is older), only each package's first
//! release. So the output keeps every row newer than go1.0 and, per package, the first row
//! of its first release; the rest (about half of the file) is dropped before it reaches the
//! binary. The format is unchanged (`version\tpackage\tkind\tname`, header first), and the
//! rules for a valid row are the parser's, so `Table::parse` builds the same table from the
//! trimmed text as from the full file (`stdapi.rs` tests compare both).

use std::collections::HashMap;
use std::path::PathBuf;

const KINDS: &[&str] = &["func", "type", "var", "const", "method", "field"];

/// The parser's reading of a version (`go1` → 0, `go1.22` → 22).
fn minor_of(v: &str) -> Option<u8> {
    let rest = v.strip_prefix("go1")?;
    if rest.is_empty() {
        return Some(0);
    }
    rest.strip_prefix('.')?.parse().ok()
}

fn main() {
    let src = "data/knowledge/stdapi-since.tsv";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let mut lines = text.lines();
    let header = lines.next().unwrap_or("");
    // (minor, package) of each valid row, in file order.
    let rows: Vec<(&str, Option<(u8, &str)>)> = lines
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let valid = match f.as_slice() {
                [v, pkg, kind, _name, ..] if KINDS.contains(kind) => minor_of(v).map(|m| (m, *pkg)),
                _ => None,
            };
            (line, valid)
        })
        .collect();
    // Each package's first row of its first release.
    let mut first: HashMap<&str, (u8, usize)> = HashMap::new();
    for (i, (_, valid)) in rows.iter().enumerate() {
        if let Some((minor, pkg)) = *valid {
            let e = first.entry(pkg).or_insert((minor, i));
            if minor < e.0 {
                *e = (minor, i);
            }
        }
    }
    let mut out = String::with_capacity(text.len() / 2);
    out.push_str(header);
    out.push('\n');
    for (i, (line, valid)) in rows.iter().enumerate() {
        let keep = match *valid {
            Some((0, pkg)) => first.get(pkg).is_some_and(|&(_, at)| at == i),
            Some(_) => true,
            None => false, // the parser skips it too
        };
        if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("stdapi-since.tsv");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
