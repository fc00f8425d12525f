//! Go release versions as the go command spells them (`go1.22.3`, `1.21rc2`, `go1.22`).
//!
//! Ordering follows `go/version.Compare`: `go1.21` (the language version) < `go1.21rc1` <
//! `go1.21.0` < `go1.21.1`. Source: https://pkg.go.dev/go/version and
//! https://go.dev/doc/toolchain#version.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// A prerelease marker: `rc2`, `beta1`. Betas sort before release candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Pre {
    Beta(u32),
    Rc(u32),
}

/// A Go version: `1.N` (language version), `1.N.P` (release), or `1.NrcK`/`1.NbetaK`.
///
/// Only major version 1 exists; `major` is kept so that `go2` garbage is refused by value,
/// not by accident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GoVersion {
    pub major: u32,
    pub minor: u32,
    /// `None` for a language version such as `go1.22`, `Some(p)` for `go1.22.p`.
    pub patch: Option<u32>,
    pub pre: Option<Pre>,
}

/// Why a string is not a Go version. Displays with the offending input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionError {
    pub input: String,
    pub reason: &'static str,
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid Go version {:?}: {}", self.input, self.reason)
    }
}

impl std::error::Error for VersionError {}

fn parse_num(s: &str) -> Option<u32> {
    // Go rejects leading zeros ("1.020") and empty numbers.
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if s.len() > 1 && s.starts_with('0') {
        return None;
    }
    s.parse().ok()
}

impl GoVersion {
    /// A language version `1.minor`.
    pub const fn lang(minor: u32) -> Self {
        GoVersion { major: 1, minor, patch: None, pre: None }
    }

    /// Parses `1.22`, `go1.22`, `go1.22.3`, `1.21rc2`, `go1.21.0`, `go1.22beta1`; leading and
    /// trailing white space is ignored. Anything else is an error naming the input.
    pub fn parse(input: &str) -> Result<Self, VersionError> {
        let err = |reason| VersionError { input: input.to_string(), reason };
        let s = input.trim();
        let s = s.strip_prefix("go").unwrap_or(s);
        if s.is_empty() {
            return Err(err("empty version"));
        }
        let (major_s, rest) = s.split_once('.').ok_or_else(|| err("expected 1.N"))?;
        let major = parse_num(major_s).ok_or_else(|| err("bad major version"))?;
        if major != 1 {
            return Err(err("only Go 1.x versions exist"));
        }
        // rest: N, N.P, NrcK, NbetaK
        let digits_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let minor = parse_num(&rest[..digits_end]).ok_or_else(|| err("bad minor version"))?;
        let tail = &rest[digits_end..];
        let (patch, pre) = if tail.is_empty() {
            (None, None)
        } else if let Some(p) = tail.strip_prefix('.') {
            (Some(parse_num(p).ok_or_else(|| err("bad patch version"))?), None)
        } else if let Some(k) = tail.strip_prefix("rc") {
            (None, Some(Pre::Rc(parse_num(k).ok_or_else(|| err("bad rc number"))?)))
        } else if let Some(k) = tail.strip_prefix("beta") {
            (None, Some(Pre::Beta(parse_num(k).ok_or_else(|| err("bad beta number"))?)))
        } else {
            return Err(err("unexpected text after the minor version"));
        };
        Ok(GoVersion { major, minor, patch, pre })
    }

    /// The language version this release belongs to (`go1.22.3` → `go1.22`).
    pub fn language(self) -> Self {
        GoVersion::lang(self.minor)
    }

    /// `true` when this version's language is at least `go1.minor`.
    pub fn at_least(self, minor: u32) -> bool {
        self.major > 1 || (self.major == 1 && self.minor >= minor)
    }

    /// The version as go.mod spells it (`1.22`, `1.22.3`, `1.21rc2`).
    pub fn mod_string(self) -> String {
        let s = self.to_string();
        s.trim_start_matches("go").to_string()
    }

    // Rank inside one minor: language < beta < rc < release .0 < .1 ...
    fn rank(self) -> (u32, u32, u32) {
        match (self.pre, self.patch) {
            (Some(Pre::Beta(k)), _) => (1, k, 0),
            (Some(Pre::Rc(k)), _) => (2, k, 0),
            (None, None) => (0, 0, 0),
            (None, Some(p)) => (3, p, 0),
        }
    }
}

impl Ord for GoVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.major, self.minor, self.rank()).cmp(&(other.major, other.minor, other.rank()))
    }
}

impl PartialOrd for GoVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for GoVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "go{}.{}", self.major, self.minor)?;
        match (self.patch, self.pre) {
            (Some(p), _) => write!(f, ".{p}"),
            (None, Some(Pre::Rc(k))) => write!(f, "rc{k}"),
            (None, Some(Pre::Beta(k))) => write!(f, "beta{k}"),
            (None, None) => Ok(()),
        }
    }
}

impl std::str::FromStr for GoVersion {
    type Err = VersionError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        GoVersion::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_spelling() {
        assert_eq!(GoVersion::parse("1.22").unwrap(), GoVersion::lang(22));
        assert_eq!(GoVersion::parse("go1.22").unwrap(), GoVersion::lang(22));
        let v = GoVersion::parse("go1.22.3").unwrap();
        assert_eq!((v.minor, v.patch), (22, Some(3)));
        let rc = GoVersion::parse("1.21rc2").unwrap();
        assert_eq!(rc.pre, Some(Pre::Rc(2)));
        assert_eq!(GoVersion::parse("go1.21.0").unwrap().patch, Some(0));
        assert_eq!(GoVersion::parse(" go1.22beta1 ").unwrap().pre, Some(Pre::Beta(1)));
    }

    #[test]
    fn rejects_garbage_naming_the_input() {
        for bad in ["", "go", "1", "2.0", "1.x", "1.22.", "1.22.3.4", "go1.22rc", "1.022", "banana", "1.21-rc1"] {
            let e = GoVersion::parse(bad).unwrap_err();
            assert_eq!(e.input, bad);
            assert!(e.to_string().contains(&format!("{bad:?}")), "{e}");
        }
    }

    #[test]
    fn orders_like_go_version_compare() {
        let order = ["1.20", "1.21", "1.21beta1", "1.21rc1", "1.21rc2", "1.21.0", "1.21.1", "1.21.10", "1.22"];
        let vs: Vec<_> = order.iter().map(|s| GoVersion::parse(s).unwrap()).collect();
        for w in vs.windows(2) {
            assert!(w[0] < w[1], "{} < {}", w[0], w[1]);
        }
        assert!(GoVersion::parse("1.9").unwrap() < GoVersion::parse("1.10").unwrap());
    }

    #[test]
    fn displays_as_go_does() {
        for (i, o) in
            [("1.22.3", "go1.22.3"), ("go1.22", "go1.22"), ("1.21rc2", "go1.21rc2"), ("1.22beta1", "go1.22beta1")]
        {
            assert_eq!(GoVersion::parse(i).unwrap().to_string(), o);
        }
        assert_eq!(GoVersion::parse("go1.21.0").unwrap().mod_string(), "1.21.0");
        assert!(GoVersion::parse("1.22.3").unwrap().at_least(22));
        assert!(!GoVersion::parse("1.21.9").unwrap().at_least(22));
    }
}
