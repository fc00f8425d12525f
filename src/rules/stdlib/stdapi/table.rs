//! The table type of [`super`] and the one function that builds it from an api TSV text.
//! Shared with `build.rs`, which builds the `stdapi-since.tsv` table when the crate is
//! compiled and emits it as static data (so the analyzer does not parse 12,000 lines at
//! first use); this file therefore uses nothing from the crate.

use std::borrow::Cow;

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
pub struct Row {
    pub(crate) pkg: u16,
    pub(crate) minor: u8,
    pub(crate) kind: Kind,
    /// Where the member part of `Type.Member` starts (0 for package-level names).
    pub(crate) member: u8,
    pub(crate) name: &'static str,
}

impl Row {
    /// `Type.Member` → `Member` (no search: the offset is kept in the row's padding).
    fn member(&self) -> &'static str {
        self.name.get(usize::from(self.member)..).unwrap_or("")
    }
}

/// One table: package paths (sorted, with their first release) and rows sorted by (package, name).
/// Built by [`Table::parse`], or static data that `build.rs` made with it (hence `Cow`).
pub struct Table {
    /// (path, first minor version the package appears in).
    pub(crate) packages: Cow<'static, [(&'static str, u8)]>,
    pub(crate) rows: Cow<'static, [Row]>,
    /// Indexes into `rows` of the method and field rows, sorted by member name (the part
    /// after `Type.`): which packages have a member of a given name.
    pub(crate) members: Cow<'static, [u16]>,
    /// A 32768-bit Bloom filter over the member names: most selectors (`x.Foo`) are ruled
    /// out with one hash instead of a binary search over strings.
    pub(crate) member_bloom: Cow<'static, [u64]>,
    /// Per Bloom slot, the newest minor version of the member rows hashing to it: most
    /// member names that pass the filter are older than the go line and stop here.
    pub(crate) member_slot_max: Cow<'static, [u8]>,
    /// A 32768-bit Bloom filter over the names of all rows (`Name`, `Type.Member`): most
    /// lookups are of go1.0 names, which have no row, and stop at one hash.
    pub(crate) name_bloom: Cow<'static, [u64]>,
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
    pub fn parse(text: &'static str, keep_after: Option<u8>) -> Table {
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
        Table {
            packages: first.into(),
            rows: rows.into(),
            members: members.into(),
            member_bloom: member_bloom.into(),
            member_slot_max: member_slot_max.into(),
            name_bloom: name_bloom.into(),
        }
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

    /// Bytes of the table's arrays on this target (heap or static data; names not counted).
    pub fn heap_bytes(&self) -> usize {
        self.rows.len() * std::mem::size_of::<Row>()
            + self.packages.len() * std::mem::size_of::<(&str, u8)>()
            + self.members.len() * std::mem::size_of::<u16>()
            + self.member_bloom.len() * 8
            + self.name_bloom.len() * 8
            + self.member_slot_max.len()
    }
}
