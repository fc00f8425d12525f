//! The standard-library API tables of `data/knowledge/` (derived from Go's `api/go1.N.txt`
//! files by `stdapi-since.py`), embedded and parsed once into compact sorted lookups.
//!
//! * `stdapi-since.tsv`: (package, kind, name) → first release. Rows dated go1.0 are not kept
//!   (no go line is older), except that every package's first release is kept in a small
//!   separate list, so `import "iter"` can be checked.
//! * `stdapi-deprecated.tsv`: (package, kind, name) → the release whose api file marks it
//!   deprecated (go1.16 means "go1.16 or earlier").
//!
//! Memory: each kept row is a package index (u16), a `&'static str` into the embedded text,
//! the minor version and the kind — 12 bytes on wasm32. The embedded TSV text itself is the
//! larger cost (see `EMBEDDED_BYTES`).

use std::sync::LazyLock;

/// `data/knowledge/stdapi-since.tsv` trimmed by `build.rs`: the rows newer than go1.0 and each
/// package's first row (all the parser keeps), same format.
const SINCE_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/stdapi-since.tsv"));
const DEPRECATED_TSV: &str = include_str!("../../../data/knowledge/stdapi-deprecated.tsv");

/// Bytes of table text compiled into the binary.
pub const EMBEDDED_BYTES: usize = SINCE_TSV.len() + DEPRECATED_TSV.len();

/// What a row names. Methods and fields are named `Type.Member`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Func,
    Type,
    Var,
    Const,
    Method,
    Field,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "func" => Kind::Func,
            "type" => Kind::Type,
            "var" => Kind::Var,
            "const" => Kind::Const,
            "method" => Kind::Method,
            "field" => Kind::Field,
            _ => return None,
        })
    }

    /// A package-level name (`pkg.Name`), as opposed to a method or field.
    pub fn is_package_level(self) -> bool {
        !matches!(self, Kind::Method | Kind::Field)
    }
}

#[derive(Debug, Clone, Copy)]
struct Row {
    pkg: u16,
    minor: u8,
    kind: Kind,
    /// Where the member part of `Type.Member` starts (0 for package-level names).
    member: u8,
    name: &'static str,
}

impl Row {
    /// `Type.Member` → `Member` (no search: the offset is kept in the row's padding).
    fn member(&self) -> &'static str {
        self.name.get(usize::from(self.member)..).unwrap_or("")
    }
}

/// One table: package paths (sorted, with their first release) and rows sorted by (package, name).
pub struct Table {
    /// (path, first minor version the package appears in).
    packages: Vec<(&'static str, u8)>,
    rows: Vec<Row>,
    /// Indexes into `rows` of the method and field rows, sorted by member name (the part
    /// after `Type.`): which packages have a member of a given name.
    members: Vec<u16>,
    /// A 32768-bit Bloom filter over the member names: most selectors (`x.Foo`) are ruled
    /// out with one hash instead of a binary search over strings.
    member_bloom: Vec<u64>,
    /// Per Bloom slot, the newest minor version of the member rows hashing to it: most
    /// member names that pass the filter are older than the go line and stop here.
    member_slot_max: Vec<u8>,
    /// A 32768-bit Bloom filter over the names of all rows (`Name`, `Type.Member`): most
    /// lookups are of go1.0 names, which have no row, and stop at one hash.
    name_bloom: Vec<u64>,
}

const BLOOM_BITS: u64 = 1 << 15;

fn bloom_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325; // FNV-1a
    for &b in s.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h % BLOOM_BITS
}

/// Whether `name` may be among the names of Bloom filter `bits` (never false for one that is).
fn bloom_has(bits: &[u64], name: &str) -> bool {
    let h = bloom_hash(name);
    bits.get((h / 64) as usize).is_some_and(|w| w & (1 << (h % 64)) != 0)
}

/// A hit: the Go minor version (22 for go1.22) and what the row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub minor: u32,
    pub kind: Kind,
}

fn minor_of(v: &str) -> Option<u8> {
    let rest = v.strip_prefix("go1")?;
    if rest.is_empty() {
        return Some(0);
    }
    rest.strip_prefix('.')?.parse().ok()
}

impl Table {
    /// Parses `version\tpackage\tkind\tname` lines (header skipped); rows whose version is
    /// ≤ `keep_after` are dropped after they have counted for their package's first version.
    fn parse(text: &'static str, keep_after: Option<u8>) -> Table {
        let mut first: Vec<(&'static str, u8)> = Vec::new();
        let mut raw: Vec<(&'static str, u8, Kind, &'static str)> = Vec::new();
        for line in text.lines().skip(1) {
            let mut f = line.split('\t');
            let (Some(v), Some(pkg), Some(kind), Some(name)) = (f.next(), f.next(), f.next(), f.next()) else {
                continue;
            };
            let (Some(minor), Some(kind)) = (minor_of(v), Kind::parse(kind)) else { continue };
            first.push((pkg, minor));
            if keep_after.is_none_or(|k| minor > k) {
                raw.push((pkg, minor, kind, name));
            }
        }
        first.sort();
        first.dedup_by(|b, a| a.0 == b.0); // keeps the smallest version of each path
        let mut rows: Vec<Row> = raw
            .into_iter()
            .filter_map(|(pkg, minor, kind, name)| {
                let idx = first.binary_search_by(|p| p.0.cmp(pkg)).ok()?;
                let member = if kind.is_package_level() { 0 } else { u8::try_from(name.find('.')? + 1).ok()? };
                Some(Row { pkg: u16::try_from(idx).ok()?, minor, kind, member, name })
            })
            .collect();
        rows.sort_by(|a, b| (a.pkg, a.name, a.minor).cmp(&(b.pkg, b.name, b.minor)));
        rows.dedup_by(|b, a| a.pkg == b.pkg && a.name == b.name);
        rows.shrink_to_fit();
        first.shrink_to_fit();
        let mut members: Vec<u16> = (0..rows.len())
            .filter(|&i| !rows[i].kind.is_package_level())
            .filter_map(|i| u16::try_from(i).ok())
            .collect();
        members.sort_unstable_by_key(|&i| rows[usize::from(i)].member());
        members.shrink_to_fit();
        let bloom = |names: &mut dyn Iterator<Item = &str>| {
            let mut bits = vec![0u64; (BLOOM_BITS / 64) as usize];
            for name in names {
                let h = bloom_hash(name);
                bits[(h / 64) as usize] |= 1 << (h % 64);
            }
            bits
        };
        let member_bloom = bloom(&mut members.iter().map(|&i| rows[usize::from(i)].member()));
        let name_bloom = bloom(&mut rows.iter().map(|r| r.name));
        let mut member_slot_max = vec![0u8; BLOOM_BITS as usize];
        for &i in &members {
            let r = rows[usize::from(i)];
            let slot = &mut member_slot_max[bloom_hash(r.member()) as usize];
            *slot = (*slot).max(r.minor);
        }
        Table { packages: first, rows, members, member_bloom, member_slot_max, name_bloom }
    }

    fn package_index(&self, path: &str) -> Option<usize> {
        self.packages.binary_search_by(|p| p.0.cmp(path)).ok()
    }

    /// The first Go minor version that has package `path` (None: not a std package).
    pub fn package(&self, path: &str) -> Option<u32> {
        self.package_index(path).map(|i| u32::from(self.packages[i].1))
    }

    /// Looks up `Name` or `Type.Member` of package `path`.
    pub fn get(&self, path: &str, name: &str) -> Option<Entry> {
        if !bloom_has(&self.name_bloom, name) {
            return None;
        }
        let pkg = self.package_index(path)? as u16;
        let i = self.rows.binary_search_by(|r| (r.pkg, r.name).cmp(&(pkg, name))).ok()?;
        let r = self.rows[i];
        Some(Entry { minor: u32::from(r.minor), kind: r.kind })
    }

    /// Whether some type of a package accepted by `pkg_ok` has a method or field `member`
    /// whose version is above `above` (a cheap filter before typing a receiver).
    pub fn has_member(&self, member: &str, above: u32, pkg_ok: impl Fn(&str) -> bool) -> bool {
        if !bloom_has(&self.member_bloom, member) {
            return false;
        }
        // No member row hashing to this slot is newer than `above`: nothing can match.
        if self.member_slot_max.get(bloom_hash(member) as usize).is_none_or(|&m| u32::from(m) <= above) {
            return false;
        }
        let row = |i: &u16| self.rows[usize::from(*i)];
        let start = self.members.partition_point(|i| row(i).member() < member);
        self.members[start..]
            .iter()
            .map(row)
            .take_while(|r| r.member() == member)
            .any(|r| u32::from(r.minor) > above && pkg_ok(self.packages[usize::from(r.pkg)].0))
    }

    /// Number of rows kept in memory.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Approximate heap bytes of the parsed table on this target.
    pub fn heap_bytes(&self) -> usize {
        self.rows.capacity() * std::mem::size_of::<Row>()
            + self.packages.capacity() * std::mem::size_of::<(&str, u8)>()
            + self.members.capacity() * std::mem::size_of::<u16>()
            + self.member_bloom.capacity() * 8
            + self.name_bloom.capacity() * 8
            + self.member_slot_max.capacity()
    }
}

/// `stdapi-since.tsv` without its go1.0 rows.
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
        let s = &*SINCE;
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

    /// The trimmed text `build.rs` embeds gives exactly the table of the full knowledge file.
    #[test]
    fn trimmed_table_equals_full_table() {
        const FULL: &str = include_str!("../../../data/knowledge/stdapi-since.tsv");
        let (full, trimmed) = (Table::parse(FULL, Some(0)), &*SINCE);
        assert!(SINCE_TSV.len() < FULL.len() * 6 / 10, "{} of {} bytes", SINCE_TSV.len(), FULL.len());
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
        let (s, d) = (&*SINCE, &*DEPRECATED);
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
