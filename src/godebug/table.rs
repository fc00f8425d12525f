//! The GODEBUG settings table, read from `data/knowledge/godebug.tsv` (the newest, tip
//! table) and `data/knowledge/godebug-toolchains.tsv` (per-toolchain corrections), and the
//! table of an older toolchain derived from them.
//!
//! Derivation (documented in godebug-toolchains.tsv): go1.N knows a setting when
//! `introduced_in <= 1.N < removed_in`, unless an `available` row lists the point releases
//! that got it by backport; its `Changed`/`Old` apply when `changed_in <= N`, unless a
//! `changed` row overrides the field for a toolchain range (a table bug later fixed).
//! `tests/godebug_oracle.rs` checks the derived tables against the real `table.go` of the
//! installed toolchains.

use crate::version::GoVersion;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const GODEBUG_TSV: &str = include_str!("../../data/knowledge/godebug.tsv");
const TOOLCHAINS_TSV: &str = include_str!("../../data/knowledge/godebug-toolchains.tsv");

/// The first toolchain whose `internal/godebugs` has a `Removed` table, so that a removed
/// setting is recognised (accepted at its final value, an error at its old value) instead
/// of being unknown. godebug-history.md: "On tip (go1.27 cycle, go1.27 release notes)".
/// Not verified against a released go1.27.
pub const REMOVED_TABLE_SINCE: u32 = 27;

/// The first toolchain with `//go:debug` directives and go-line-dependent defaults.
pub const GODEBUG_DIRECTIVES_SINCE: u32 = 21;

/// The first toolchain accepting `godebug` in go.mod / go.work.
pub const GOMOD_GODEBUG_SINCE: u32 = 23;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Current,
    Removed,
}

/// One row of godebug.tsv.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setting {
    pub name: String,
    pub package: String,
    /// Minor version whose go line gets the new default (`22` = go1.22).
    pub changed_in: Option<u32>,
    /// The value restoring the behaviour before `changed_in`.
    pub old_value: String,
    pub opaque: bool,
    pub immutable: bool,
    pub status: Status,
    pub introduced_in: Option<GoVersion>,
    pub removed_in: Option<GoVersion>,
    pub description: String,
    pub notes: String,
    /// Point releases that got the setting by backport (godebug-toolchains.tsv).
    pub available_in: Vec<GoVersion>,
    /// Table-bug overrides of `changed_in`: (from, to exclusive, changed).
    pub changed_overrides: Vec<(GoVersion, GoVersion, u32)>,
}

/// One entry of a toolchain's `internal/godebugs` table (`All`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub name: String,
    /// `Changed` (0 in Go's table means none).
    pub changed: Option<u32>,
    pub old: String,
}

/// Parse problems of the embedded data; empty unless the data files are broken (a test checks).
pub fn data_problems() -> &'static [String] {
    &data().1
}

/// Every setting of godebug.tsv, in file order (current ones sorted by name, then removed).
pub fn settings() -> &'static [Setting] {
    &data().0
}

pub fn setting(name: &str) -> Option<&'static Setting> {
    settings().iter().find(|s| s.name == name)
}

/// The newest minor version the data knows about (the tip the tsv was read from).
pub fn newest_minor() -> u32 {
    settings()
        .iter()
        .flat_map(|s| [s.changed_in, s.introduced_in.map(|v| v.minor), s.removed_in.map(|v| v.minor)])
        .flatten()
        .max()
        .unwrap_or(GODEBUG_DIRECTIVES_SINCE)
}

fn data() -> &'static (Vec<Setting>, Vec<String>) {
    static DATA: OnceLock<(Vec<Setting>, Vec<String>)> = OnceLock::new();
    DATA.get_or_init(|| parse_data(GODEBUG_TSV, TOOLCHAINS_TSV))
}

fn rows(text: &str) -> (Vec<&str>, Vec<Vec<&str>>) {
    let mut lines = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().map(|h| h.split('\t').collect()).unwrap_or_default();
    (header, lines.map(|l| l.split('\t').collect()).collect())
}

fn col<'a>(header: &[&str], row: &[&'a str], name: &str) -> &'a str {
    header.iter().position(|h| *h == name).and_then(|i| row.get(i)).map(|s| s.trim()).unwrap_or("")
}

fn parse_data(main: &str, overlay: &str) -> (Vec<Setting>, Vec<String>) {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let (header, body) = rows(main);
    for row in &body {
        let c = |n: &'static str| col(&header, row, n);
        let version = |n: &'static str, problems: &mut Vec<String>| {
            let v = c(n);
            if v.is_empty() {
                return None;
            }
            GoVersion::parse(v).map_err(|e| problems.push(format!("godebug.tsv {}: {n}: {e}", c("name")))).ok()
        };
        let changed_in = match c("changed_in") {
            "" => None,
            s => match s.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    problems.push(format!("godebug.tsv {}: changed_in {s:?} is not a number", c("name")));
                    None
                }
            },
        };
        out.push(Setting {
            name: c("name").to_string(),
            package: c("package").to_string(),
            changed_in,
            old_value: c("old_value").to_string(),
            opaque: c("opaque") == "true",
            immutable: c("immutable") == "true",
            status: if c("status") == "removed" { Status::Removed } else { Status::Current },
            introduced_in: version("introduced_in", &mut problems),
            removed_in: version("removed_in", &mut problems),
            description: c("description").to_string(),
            notes: c("notes").to_string(),
            available_in: Vec::new(),
            changed_overrides: Vec::new(),
        });
    }
    let (header, body) = rows(overlay);
    for row in &body {
        let c = |n: &'static str| col(&header, row, n);
        let name = c("name");
        let Some(s) = out.iter_mut().find(|s| s.name == name) else {
            problems.push(format!("godebug-toolchains.tsv: unknown setting {name:?}"));
            continue;
        };
        match c("kind") {
            "available" => {
                for v in c("toolchains").split_whitespace() {
                    match GoVersion::parse(v) {
                        Ok(v) => s.available_in.push(v),
                        Err(e) => problems.push(format!("godebug-toolchains.tsv {name}: {e}")),
                    }
                }
                s.available_in.sort();
            }
            "changed" => {
                let range = c("toolchains").split_once("..");
                let parsed = range.and_then(|(a, b)| Some((GoVersion::parse(a).ok()?, GoVersion::parse(b).ok()?)));
                match (parsed, c("value").parse::<u32>()) {
                    (Some((a, b)), Ok(n)) => s.changed_overrides.push((a, b, n)),
                    _ => problems.push(format!("godebug-toolchains.tsv {name}: bad changed row")),
                }
            }
            k => problems.push(format!("godebug-toolchains.tsv {name}: unknown kind {k:?}")),
        }
    }
    (out, problems)
}

/// A toolchain given without a patch level (`go1.22`) stands for the newest point release
/// of that minor version, so backports count.
fn at_least(tc: GoVersion, v: GoVersion) -> bool {
    if tc.minor != v.minor {
        return tc.minor > v.minor;
    }
    if tc.patch.is_none() && tc.pre.is_none() {
        return true;
    }
    tc >= v
}

impl Setting {
    /// Whether toolchain `tc`'s `godebugs.All` lists this setting.
    pub fn known_to(&self, tc: GoVersion) -> bool {
        if self.removed_in.is_some_and(|r| tc.minor >= r.minor) {
            return false;
        }
        if !self.available_in.is_empty() {
            if let Some(v) = self.available_in.iter().find(|v| v.minor == tc.minor) {
                return at_least(tc, *v);
            }
            return self.available_in.iter().all(|v| v.minor < tc.minor);
        }
        self.introduced_in.is_none_or(|i| tc.minor >= i.minor)
    }

    /// Whether toolchain `tc`'s `godebugs.Removed` lists this setting.
    pub fn removed_for(&self, tc: GoVersion) -> bool {
        tc.minor >= REMOVED_TABLE_SINCE && self.removed_in.is_some_and(|r| tc.minor >= r.minor)
    }

    /// The `Changed` field in toolchain `tc`'s table (None = 0).
    pub fn changed_for(&self, tc: GoVersion) -> Option<u32> {
        for (from, to, n) in &self.changed_overrides {
            if at_least(tc, *from) && tc < *to {
                return Some(*n);
            }
        }
        self.changed_in.filter(|c| *c <= tc.minor)
    }
}

/// The `godebugs.All` table of toolchain `tc`, sorted by name as Go's is.
pub fn table_for(tc: GoVersion) -> Vec<Entry> {
    let mut t: Vec<Entry> = settings()
        .iter()
        .filter(|s| s.known_to(tc))
        .map(|s| {
            let changed = s.changed_for(tc);
            // Go's table gives Old only with Changed.
            let old = if changed.is_some() { s.old_value.clone() } else { String::new() };
            Entry { name: s.name.clone(), changed, old }
        })
        .collect();
    t.sort_by(|a, b| a.name.cmp(&b.name));
    t
}

/// `godebugForGoVersion` of cmd/go/internal/load/godebug.go: the old values a main module
/// with go line `go_line` (as written, `1.21.3`, `1.22rc1`) gets from table `table`.
/// `None` when the version string is not `1.N` or `1.N.P` (a prerelease such as `1.21rc1`
/// fails Go's `strconv.Atoi` and yields no defaults at all).
pub fn defaults_for_go_line(table: &[Entry], go_line: &str) -> Option<Vec<(String, String)>> {
    let mut v = go_line;
    if v.matches('.').count() >= 2 {
        let i = v.find('.')?;
        let j = i + 1 + v[i + 1..].find('.')?;
        v = &v[..j];
    }
    let n: i64 = go_atoi(v.strip_prefix("1.")?)?;
    Some(
        table
            .iter()
            .filter(|e| e.changed.is_some_and(|c| n < c as i64))
            .map(|e| (e.name.clone(), e.old.clone()))
            .collect(),
    )
}

/// Go's `strconv.Atoi` for the inputs that matter: optional sign, decimal digits.
fn go_atoi(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> GoVersion {
        GoVersion::parse(s).unwrap()
    }

    #[test]
    fn data_parses_cleanly() {
        assert!(data_problems().is_empty(), "{:?}", data_problems());
        assert!(settings().len() >= 58);
        assert!(newest_minor() >= 27);
        let p = setting("panicnil").unwrap();
        assert_eq!((p.changed_in, p.old_value.as_str()), (Some(21), "1"));
    }

    #[test]
    fn derives_the_go1_21_13_table() {
        let names: Vec<_> = table_for(v("1.21.13")).into_iter().map(|e| e.name).collect();
        assert!(names.contains(&"tlsmaxrsasize".to_string()) && names.contains(&"netedns0".to_string()));
        assert!(!names.contains(&"gotypesalias".to_string()));
        assert!(!table_for(v("1.21.0")).iter().any(|e| e.name == "tlsmaxrsasize" || e.name == "netedns0"));
        let t23 = table_for(v("1.23.5"));
        assert_eq!(t23.iter().find(|e| e.name == "winsymlink").unwrap().changed, Some(22));
        assert_eq!(table_for(v("1.25.0")).iter().find(|e| e.name == "winsymlink").unwrap().changed, Some(23));
    }

    #[test]
    fn go_line_defaults_follow_cmd_go() {
        let t = table_for(v("1.22.12"));
        let names = |l: &str| defaults_for_go_line(&t, l).map(|d| d.into_iter().map(|(k, _)| k).collect::<Vec<_>>());
        assert_eq!(names("1.22"), Some(vec![]));
        assert_eq!(names("1.21.9").unwrap().len(), 5);
        assert_eq!(names("1.16").unwrap().len(), 7);
        assert_eq!(names("1.21rc1"), None);
        assert_eq!(names("2.0"), None);
    }
}
