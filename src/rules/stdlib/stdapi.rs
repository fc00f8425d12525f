//! The standard-library API tables of `data/knowledge/` (derived from Go's `api/go1.N.txt`
//! files by `stdapi-since.py`), embedded and parsed once into compact sorted lookups.
//!
//! * `stdapi-since.tsv`: (package, kind, name) → first release. Rows dated go1.0 are not kept
//!   (no go line is older), except that every package's first release is kept in a small
//!   separate list, so `import "iter"` can be checked.
//! * `stdapi-deprecated.tsv`: (package, kind, name) → the release whose api file marks it
//!   deprecated (go1.16 means "go1.16 or earlier").
//!
//! The since table is built from the TSV by `build.rs` with the same [`Table::parse`] and
//! compiled in as static data natively (nothing to parse at first use); the wasm build embeds
//! the trimmed text `build.rs` also writes and parses it at first use (text compresses far
//! better: the wasm size budget). A test compares both with the table parsed from the file.
//! The small deprecated table is parsed at first use.
//!
//! Memory: each kept row is a package index (u16), a `&'static str`, the minor version and
//! the kind — 12 bytes on wasm32 (see `Table::heap_bytes`).

mod table;

// The names the static table `build.rs` emits uses (native builds only).
#[cfg(not(target_arch = "wasm32"))]
use std::borrow::Cow;
use std::sync::LazyLock;
#[cfg(not(target_arch = "wasm32"))]
use table::Row;
pub use table::{Entry, Kind, Table};

const DEPRECATED_TSV: &str = include_str!("../../../data/knowledge/stdapi-deprecated.tsv");

/// Bytes of table text compiled into the binary (natively the since table is static data
/// instead: `SINCE.heap_bytes()`).
#[cfg(not(target_arch = "wasm32"))]
pub const EMBEDDED_BYTES: usize = DEPRECATED_TSV.len();
#[cfg(target_arch = "wasm32")]
pub const EMBEDDED_BYTES: usize = SINCE_TSV.len() + DEPRECATED_TSV.len();

/// `stdapi-since.tsv` without its go1.0 rows, as `build.rs` built it with [`Table::parse`]
/// (natively: static data, nothing to parse at first use).
#[cfg(not(target_arch = "wasm32"))]
pub static SINCE: Table = include!(concat!(env!("OUT_DIR"), "/stdapi-since.rs"));

/// `data/knowledge/stdapi-since.tsv` trimmed by `build.rs` (the rows newer than go1.0 and
/// each package's first row): the wasm build embeds this text, which compresses far better
/// than the static rows, and parses it at first use.
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
const SINCE_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/stdapi-since.tsv"));

/// In wasm: the same table, parsed from [`SINCE_TSV`] at first use (the size budget).
#[cfg(target_arch = "wasm32")]
pub static SINCE: LazyLock<Table> = LazyLock::new(|| Table::parse(SINCE_TSV, Some(0)));

/// `stdapi-deprecated.tsv`.
pub static DEPRECATED: LazyLock<Table> = LazyLock::new(|| Table::parse(DEPRECATED_TSV, None));

/// The name a std package declares (`math/rand/v2` → `rand`), as vet prints it.
pub fn package_name(path: &str) -> &str {
    crate::analyzer::facts::default_import_name(path)
}

/// The replacement a "Deprecated:" doc comment names, quoted from the Go 1.22/1.23 sources
/// (`/usr/share/go-1.2x/src`). Only symbols whose doc names one are listed.
pub fn deprecated_replacement(path: &str, name: &str) -> Option<&'static str> {
    Some(match (path, name) {
        ("io/ioutil", "ReadAll") => "io.ReadAll (\"As of Go 1.16, this function simply calls io.ReadAll\")",
        ("io/ioutil", "ReadFile") => "os.ReadFile (\"As of Go 1.16, this function simply calls os.ReadFile\")",
        ("io/ioutil", "WriteFile") => "os.WriteFile (\"As of Go 1.16, this function simply calls os.WriteFile\")",
        ("io/ioutil", "ReadDir") => "os.ReadDir (it returns []fs.DirEntry instead of []fs.FileInfo)",
        ("io/ioutil", "NopCloser") => "io.NopCloser (\"As of Go 1.16, this function simply calls io.NopCloser\")",
        ("io/ioutil", "Discard") => "io.Discard (\"As of Go 1.16, this value is simply io.Discard\")",
        ("io/ioutil", "TempFile") => "os.CreateTemp (\"As of Go 1.17, this function simply calls os.CreateTemp\")",
        ("io/ioutil", "TempDir") => "os.MkdirTemp (\"As of Go 1.17, this function simply calls os.MkdirTemp\")",
        ("os", "SEEK_SET") => "io.SeekStart",
        ("os", "SEEK_CUR") => "io.SeekCurrent",
        ("os", "SEEK_END") => "io.SeekEnd",
        ("strings", "Title") | ("bytes", "Title") => {
            "golang.org/x/text/cases (Title does not handle Unicode punctuation properly)"
        }
        ("reflect", "SliceHeader") => "unsafe.Slice or unsafe.SliceData",
        ("reflect", "StringHeader") => "unsafe.String or unsafe.StringData",
        ("reflect", "PtrTo") => "reflect.PointerTo",
        ("image", "ZP") => "a literal image.Point",
        ("image", "ZR") => "a literal image.Rectangle",
        ("go/importer", "For") => "importer.ForCompiler",
        ("go/doc", "Synopsis") => "Package.Synopsis",
        ("net/http", "CloseNotifier") => "Request.Context",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_and_hold_known_rows() {
        let s = &SINCE;
        assert_eq!(s.get("slices", "Concat"), Some(Entry { minor: 22, kind: Kind::Func }));
        assert_eq!(s.get("cmp", "Or"), Some(Entry { minor: 22, kind: Kind::Func }));
        assert_eq!(s.get("reflect", "TypeFor").map(|e| e.minor), Some(22));
        assert_eq!(s.get("net/http", "Request.PathValue"), Some(Entry { minor: 22, kind: Kind::Method }));
        assert_eq!(s.get("maps", "Keys").map(|e| e.minor), Some(23));
        assert_eq!(s.get("maps", "Clone").map(|e| e.minor), Some(21));
        assert_eq!(s.package("iter"), Some(23));
        assert_eq!(s.package("math/rand/v2"), Some(22));
        assert_eq!(s.package("slices"), Some(21));
        assert_eq!(s.package("net/http"), Some(0));
        assert_eq!(s.package("github.com/x/y"), None);
        // go1.0 rows are not kept, and unknown names are not found.
        assert_eq!(s.get("fmt", "Println"), None);
        assert_eq!(s.get("slices", "NoSuchThing"), None);
        assert!(s.len() > 5000 && s.len() < 6000, "{} rows", s.len());
        let d = &*DEPRECATED;
        assert_eq!(d.get("math/rand", "Seed").map(|e| e.minor), Some(20));
        assert_eq!(d.get("reflect", "PtrTo").map(|e| e.minor), Some(22));
        assert_eq!(d.get("go/ast", "Object"), Some(Entry { minor: 22, kind: Kind::Type }));
        assert_eq!(d.len(), 145);
    }

    /// The static table `build.rs` emits (native builds), and the table parsed from the
    /// trimmed text it embeds (wasm builds), are exactly the table parsed from the knowledge
    /// file.
    #[test]
    fn static_table_equals_parsed_table() {
        const FULL: &str = include_str!("../../../data/knowledge/stdapi-since.tsv");
        let full = Table::parse(FULL, Some(0));
        assert_same_table(&full, &SINCE);
        assert_same_table(&full, &Table::parse(SINCE_TSV, Some(0)));
        assert!(
            SINCE_TSV.len() < FULL.len() * 2 / 3,
            "the trimmed text keeps {} of {} bytes",
            SINCE_TSV.len(),
            FULL.len()
        );
    }

    fn assert_same_table(full: &Table, trimmed: &Table) {
        assert_eq!(full.packages, trimmed.packages);
        let key = |r: &Row| (r.pkg, r.minor, r.kind, r.member, r.name);
        assert_eq!(full.rows.iter().map(key).collect::<Vec<_>>(), trimmed.rows.iter().map(key).collect::<Vec<_>>());
        assert_eq!(full.members, trimmed.members);
        assert_eq!(full.member_bloom, trimmed.member_bloom);
        assert_eq!(full.member_slot_max, trimmed.member_slot_max);
        assert_eq!(full.name_bloom, trimmed.name_bloom);
    }

    #[test]
    fn memory_figures() {
        // Printed with --nocapture for the report; bounds keep the tables small.
        let (s, d) = (&SINCE, &*DEPRECATED);
        println!(
            "embedded {} bytes; since: {} rows, {} packages, ~{} heap bytes; deprecated: {} rows, ~{} heap bytes; row = {} bytes",
            EMBEDDED_BYTES,
            s.len(),
            s.packages.len(),
            s.heap_bytes(),
            d.len(),
            d.heap_bytes(),
            std::mem::size_of::<Row>()
        );
        assert!(std::mem::size_of::<Row>() <= 24);
        assert!(s.heap_bytes() < 200_000);
    }
}
