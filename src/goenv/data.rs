//! Tables parsed (once, lazily) from the fact-checked knowledge files in `data/knowledge/`:
//! `goenv-vars.tsv` (one row per variable), `goenv-history.md` (per-release notes and the
//! GOEXPERIMENT name table), `goenv-help.tsv` (`go help environment` first sentences),
//! `goenv-dist-list.tsv` (`go tool dist list`), `godebug.tsv` and `godebug-runtime-keys.tsv`.
//! Nothing here is typed by hand: fix facts in the knowledge files.

use std::sync::OnceLock;

pub const VARS_TSV: &str = include_str!("../../data/knowledge/goenv-vars.tsv");
pub const HISTORY_MD: &str = include_str!("../../data/knowledge/goenv-history.md");
pub const HELP_TSV: &str = include_str!("../../data/knowledge/goenv-help.tsv");
pub const DIST_TSV: &str = include_str!("../../data/knowledge/goenv-dist-list.tsv");
pub const GODEBUG_TSV: &str = include_str!("../../data/knowledge/godebug.tsv");
pub const GODEBUG_RUNTIME_TSV: &str = include_str!("../../data/knowledge/godebug-runtime-keys.tsv");

/// Oldest release the resolver models.
pub const OLDEST: u32 = 11;

/// A range of Go minor versions (`1.lo` ..= `1.hi`); `hi == None` = still current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Minors {
    pub lo: u32,
    pub hi: Option<u32>,
}

impl Minors {
    pub fn contains(self, m: u32) -> bool {
        m >= self.lo && self.hi.is_none_or(|h| m <= h)
    }
}

/// One row of goenv-vars.tsv.
#[derive(Debug, Clone)]
pub struct VarInfo {
    pub name: String,
    /// Versions whose `go env` prints it (None: never printed by a release).
    pub printed: Option<Minors>,
    /// Printed only for one GOARCH (GOAMD64 ...): the GOARCH.
    pub only_for_arch: Option<String>,
    pub printed_raw: String,
    pub introduced_raw: String,
    pub introduced: Option<u32>,
    pub settable_raw: String,
    /// `go env -w` accepts it (per the table's first word).
    pub settable: bool,
    pub default_newest: String,
    pub default_rule: String,
    pub valid_values: String,
    pub invalid_behavior: String,
    pub history: String,
    /// First sentence of `go help environment`, if the variable has an entry.
    pub help: Option<String>,
}

impl VarInfo {
    /// One-line meaning: the `go help environment` sentence, else the valid values.
    pub fn meaning(&self) -> String {
        match &self.help {
            Some(h) => h.clone(),
            None if !self.valid_values.is_empty() && self.valid_values != "derived" => {
                format!("Values: {}.", self.valid_values)
            }
            None if self.default_rule.trim().is_empty() => "Computed by the go command.".to_string(),
            None => format!("Derived by the go command ({}).", self.default_rule.trim()),
        }
    }
}

/// Parses `1.13`, `<=1.11`, `1.11-1.12 only`, `1.18 (only when GOARCH=amd64)` at the start
/// of a cell into a range of minors.
fn parse_minors(cell: &str) -> Option<Minors> {
    let c = cell.trim();
    if c.starts_with("never") || c.starts_with("tip") || c.starts_with("n/a") || c.starts_with("pre-1.11") {
        return None;
    }
    let c = c.strip_prefix("<=").unwrap_or(c);
    let first = leading_minor(c)?;
    // "1.11-1.12 only"
    let rest = &c[c.find(|ch: char| !(ch.is_ascii_digit() || ch == '.')).unwrap_or(c.len())..];
    if let Some(r) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('–')) {
        if let Some(hi) = leading_minor(r) {
            return Some(Minors { lo: first, hi: Some(hi) });
        }
    }
    Some(Minors { lo: first.max(OLDEST), hi: None })
}

/// `1.13...` → 13.
pub fn leading_minor(s: &str) -> Option<u32> {
    let s = s.trim_start();
    let s = s.strip_prefix("go").unwrap_or(s);
    let r = s.strip_prefix("1.")?;
    let end = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
    r[..end].parse().ok()
}

fn parse_vars() -> Vec<VarInfo> {
    let help = help_map();
    let mut out = Vec::new();
    for line in VARS_TSV.lines() {
        if line.starts_with('#') || line.starts_with("name\t") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let get = |i: usize| f.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
        let name = get(0);
        let printed_raw = get(1);
        let only_for_arch = printed_raw
            .split_once("only when GOARCH=")
            .map(|(_, r)| r.split([')', '/', ' ']).next().unwrap_or("").to_string())
            .or_else(|| {
                printed_raw
                    .split_once("(GOARCH=")
                    .map(|(_, r)| r.split([')', '/', ' ']).next().unwrap_or("").to_string())
            });
        let settable_raw = get(3);
        let h = help.iter().find(|(n, _)| *n == name).map(|(_, h)| h.to_string());
        out.push(VarInfo {
            printed: parse_minors(&printed_raw),
            only_for_arch,
            introduced: parse_minors(&get(2)).map(|m| m.lo),
            introduced_raw: get(2),
            settable: settable_raw.starts_with("yes"),
            settable_raw,
            default_newest: get(4),
            default_rule: get(5),
            valid_values: get(6),
            invalid_behavior: get(7),
            history: get(8),
            help: h,
            printed_raw,
            name,
        });
    }
    out
}

fn help_map() -> Vec<(&'static str, &'static str)> {
    HELP_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("name\t"))
        .filter_map(|l| l.split_once('\t'))
        .collect()
}

pub fn vars() -> &'static [VarInfo] {
    static V: OnceLock<Vec<VarInfo>> = OnceLock::new();
    V.get_or_init(parse_vars)
}

pub fn var(name: &str) -> Option<&'static VarInfo> {
    vars().iter().find(|v| v.name == name)
}

/// Newest release with a `## Go 1.N` section in goenv-history.md.
pub fn newest_minor() -> u32 {
    static N: OnceLock<u32> = OnceLock::new();
    *N.get_or_init(|| history_sections().iter().map(|s| s.0).max().unwrap_or(25))
}

/// `(minor, bullet lines)` for each `## Go 1.N (...)` section of goenv-history.md.
pub fn history_sections() -> &'static [(u32, Vec<String>)] {
    static H: OnceLock<Vec<(u32, Vec<String>)>> = OnceLock::new();
    H.get_or_init(|| {
        let mut out: Vec<(u32, Vec<String>)> = Vec::new();
        let mut cur: Option<(u32, Vec<String>)> = None;
        for line in HISTORY_MD.lines() {
            if let Some(h) = line.strip_prefix("## ") {
                if let Some(c) = cur.take() {
                    out.push(c);
                }
                if let Some(r) = h.strip_prefix("Go ") {
                    if let Some(m) = leading_minor(r) {
                        cur = Some((m, Vec::new()));
                    }
                }
                continue;
            }
            if let Some((_, items)) = cur.as_mut() {
                if let Some(b) = line.strip_prefix("- ") {
                    items.push(b.to_string());
                }
            }
        }
        if let Some(c) = cur.take() {
            out.push(c);
        }
        out
    })
}

/// GOEXPERIMENT names and the releases that accept them, parsed from the table at the end
/// of goenv-history.md ("name — 1.17+ (off)", "range — 1.22 only", "x — 1.21–1.25").
pub fn experiments() -> &'static [(String, Minors)] {
    static E: OnceLock<Vec<(String, Minors)>> = OnceLock::new();
    E.get_or_init(parse_experiments)
}

fn strip_parens(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Version tokens in a clause: (minor, followed by '+').
fn version_tokens(s: &str) -> Vec<(u32, bool)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i + 2 < b.len() {
        if b[i] == b'1' && b[i + 1] == b'.' && b[i + 2].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let mut j = i + 2;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if let Ok(m) = s[i + 2..j].parse() {
                out.push((m, b.get(j) == Some(&b'+')));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn parse_experiments() -> Vec<(String, Minors)> {
    let mut out: Vec<(String, Minors)> = Vec::new();
    let Some(start) = HISTORY_MD.find("## GOEXPERIMENT names per release") else {
        return out;
    };
    for line in HISTORY_MD[start..].lines().skip(1) {
        if line.starts_with("## ") {
            break;
        }
        let Some(item) = line.strip_prefix("- ") else { continue };
        if item.starts_with("Invalid names") || item.starts_with("Format") {
            continue;
        }
        // "1.26 additions (...): a (on), b, c." — the names follow the colon.
        let item_np = strip_parens(item);
        if let Some((head, names)) = item_np.split_once(':') {
            if let Some(m) = leading_minor(head) {
                for n in names.split(". ").next().unwrap_or("").split(',') {
                    let n = n.trim().trim_end_matches('.').trim();
                    if is_name(n) {
                        out.push((n.to_string(), Minors { lo: m, hi: None }));
                    }
                }
                continue;
            }
        }
        let mut last_names: Vec<String> = Vec::new();
        for sentence in item_np.split(". ").flat_map(|s| s.split(';')) {
            let s = sentence.trim().trim_end_matches('.');
            if let Some(r) = s.strip_prefix("gone from ").or_else(|| s.strip_prefix("gone in ")) {
                if let Some(m) = leading_minor(r) {
                    for (n, mm) in out.iter_mut() {
                        if last_names.contains(n) {
                            mm.hi = Some(m - 1);
                        }
                    }
                }
                continue;
            }
            let toks = version_tokens(s);
            let Some(first_pos) = s.find("1.") else { continue };
            let names_part = &s[..first_pos];
            let names: Vec<String> = names_part
                .replace('—', ",")
                .replace(" and ", ",")
                .split(',')
                .map(|n| n.trim().to_string())
                .filter(|n| is_name(n))
                .collect();
            if names.is_empty() || toks.is_empty() {
                continue;
            }
            let lo = toks.iter().map(|t| t.0).min().unwrap_or(17);
            let open = toks.iter().any(|t| t.1);
            let hi = if open { None } else { toks.iter().map(|t| t.0).max() };
            for n in &names {
                out.push((n.clone(), Minors { lo, hi }));
            }
            last_names = names;
        }
    }
    out
}

fn is_name(n: &str) -> bool {
    !n.is_empty() && n.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// Is `name` a GOEXPERIMENT accepted by Go 1.`minor`? `None` when the table does not cover
/// that release (before 1.17 GOEXPERIMENT was not a go command setting).
pub fn experiment_known(name: &str, minor: u32) -> bool {
    experiments().iter().any(|(n, r)| n == name && r.contains(minor))
}

/// `(goos, goarch, first minor)` from `go tool dist list`.
pub fn dist_pairs() -> &'static [(String, String, u32)] {
    static D: OnceLock<Vec<(String, String, u32)>> = OnceLock::new();
    D.get_or_init(|| {
        DIST_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("goos\t"))
            .filter_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                Some((f.first()?.to_string(), f.get(1)?.to_string(), leading_minor(f.get(2)?)?))
            })
            .collect()
    })
}

/// Oldest and newest release covered by goenv-dist-list.tsv.
pub fn dist_covered(minor: u32) -> bool {
    let d = dist_pairs();
    let lo = d.iter().map(|x| x.2).min().unwrap_or(99);
    minor >= lo
}

pub fn pair_supported(goos: &str, goarch: &str, minor: u32) -> bool {
    dist_pairs().iter().any(|(o, a, first)| o == goos && a == goarch && *first <= minor)
}

/// GODEBUG setting names from godebug.tsv: `(name, status, introduced_in, removed_in)`.
pub fn godebug_settings() -> &'static [(String, String, String, String)] {
    static G: OnceLock<Vec<(String, String, String, String)>> = OnceLock::new();
    G.get_or_init(|| {
        let mut header: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for l in GODEBUG_TSV.lines() {
            if l.starts_with('#') || l.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = l.split('\t').collect();
            if header.is_empty() {
                header = f;
                continue;
            }
            let col = |n: &str| {
                header.iter().position(|h| *h == n).and_then(|i| f.get(i)).map(|s| s.to_string()).unwrap_or_default()
            };
            out.push((col("name"), col("status"), col("introduced_in"), col("removed_in")));
        }
        out
    })
}

/// Runtime GODEBUG keys (runtime1.go dbgvars) with the versions listing them.
pub fn godebug_runtime_keys() -> &'static [(String, String)] {
    static G: OnceLock<Vec<(String, String)>> = OnceLock::new();
    G.get_or_init(|| {
        GODEBUG_RUNTIME_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("key\t"))
            .filter_map(|l| l.split_once('\t').map(|(a, b)| (a.to_string(), b.to_string())))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_printed_variable_has_a_meaning() {
        // `go help environment` documents some variables in comma-separated groups
        // (CGO_CPPFLAGS, CGO_CPPFLAGS_ALLOW, ...; GONOPROXY, GONOSUMDB, GOPRIVATE): the
        // generator gives every name of a group the group's text.
        for v in vars().iter().filter(|v| v.printed.is_some()) {
            let m = v.meaning();
            assert!(!m.trim().is_empty() && !m.contains("()"), "{}: {m:?}", v.name);
        }
        assert!(var("CGO_LDFLAGS").unwrap().meaning().contains("but for the linker"));
        assert!(var("GOPRIVATE").unwrap().meaning().starts_with("Comma-separated list of glob patterns"));
    }

    #[test]
    fn tables_parse() {
        assert!(vars().len() > 50);
        let g = var("GO111MODULE").unwrap();
        assert_eq!(g.printed, Some(Minors { lo: 13, hi: None }));
        assert_eq!(var("GORACE").unwrap().printed, Some(Minors { lo: 11, hi: Some(12) }));
        assert_eq!(var("GOAMD64").unwrap().only_for_arch.as_deref(), Some("amd64"));
        assert_eq!(var("GOMIPS").unwrap().only_for_arch.as_deref(), Some("mips"));
        assert_eq!(var("GOARCH").unwrap().printed, Some(Minors { lo: 11, hi: None }));
        assert!(var("FC").unwrap().printed.is_none());
        assert_eq!(newest_minor(), 25);
        assert!(experiment_known("loopvar", 21));
        assert!(!experiment_known("loopvar", 20));
        assert!(experiment_known("range", 22));
        assert!(!experiment_known("range", 23));
        assert!(experiment_known("aliastypeparams", 25));
        assert!(!experiment_known("aliastypeparams", 26));
        assert!(experiment_known("regabireflect", 18));
        assert!(!experiment_known("regabireflect", 19));
        assert!(experiment_known("unified", 20));
        assert!(!experiment_known("unified", 21));
        assert!(experiment_known("greenteagc", 26));
        assert!(experiment_known("fieldtrack", 23));
        assert!(pair_supported("linux", "amd64", 19));
        assert!(!pair_supported("plan10", "amd64", 23));
        assert!(godebug_settings().iter().any(|g| g.0 == "panicnil"));
        assert!(godebug_runtime_keys().iter().any(|g| g.0 == "gctrace"));
    }
}
