//! The three versions of `rules.md` §0, each with where it came from.
//!
//! * **file version (FV)**: the go.mod `go` line (go1.16 when missing), adjusted by the
//!   file's `//go:build` line the way the toolchain does it (types2 `check.go`):
//!   Go 1.22 applies a newer build-line version always and an older one only when the
//!   module says go1.21+; Go 1.23+ uses max(build-line version, go1.21).
//! * **main-module version (MV)**: the go line again (the analysed code is taken to be the
//!   main module), for GODEBUG defaults; `godebug` lines and `//go:debug` override single
//!   settings (see `crate::analyzer::FileFacts::godebug_override`).
//! * **toolchain (TC)**: which std symbols and vet checks exist.

use crate::buildtag::BuildLine;
use crate::version::GoVersion;
use serde::{Deserialize, Serialize};

/// A version and the place it was read from ("go.mod line 3", "version selector").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sourced {
    pub version: GoVersion,
    pub source: String,
}

impl Sourced {
    pub fn new(version: GoVersion, source: impl Into<String>) -> Self {
        Sourced { version, source: source.into() }
    }
    /// "go1.21 (go.mod line 3)"
    pub fn describe(&self) -> String {
        format!("{} ({})", self.version, self.source)
    }
}

/// Every version the analysis used, for both sides of the upgrade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Versions {
    /// The module's go line before the upgrade.
    pub from: Sourced,
    /// The module's go line after the upgrade.
    pub to: Sourced,
    /// The Go toolchain doing the build.
    pub toolchain: Sourced,
    /// File language version under `from` (equals `from` unless a `//go:build` line adjusts it).
    pub file_from: Sourced,
    /// File language version under `to`.
    pub file_to: Sourced,
}

impl Versions {
    /// Both file versions: `[(from side), (to side)]`.
    pub fn file_sides(&self) -> [&Sourced; 2] {
        [&self.file_from, &self.file_to]
    }
    /// Both main-module versions (the go lines): `[from, to]`.
    pub fn main_sides(&self) -> [&Sourced; 2] {
        [&self.from, &self.to]
    }
}

/// The file version a toolchain gives a file of a module whose go line is `module`.
pub fn file_version(module: &Sourced, build: Option<&BuildLine>, toolchain: GoVersion) -> Sourced {
    let Some(b) = build else { return module.clone() };
    let Some(min) = b.min_minor else { return module.clone() };
    let tag = GoVersion::lang(min);
    let m = module.version.language();
    let src = |v: GoVersion, why: &str| Sourced::new(v, format!("//go:build on line {}{why}", b.line));
    if toolchain.at_least(23) {
        let v = tag.max(GoVersion::lang(21));
        if v == m {
            return module.clone();
        }
        let why = if tag < GoVersion::lang(21) { ", raised to go1.21 by Go 1.23+ toolchains" } else { "" };
        src(v, why)
    } else if tag > m || (tag < m && m.at_least(21)) {
        src(tag, "")
    } else {
        module.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buildtag::find_build_line;

    fn fv(module: u32, header: &str, tc: u32) -> u32 {
        let m = Sourced::new(GoVersion::lang(module), "go.mod");
        let b = find_build_line(header);
        file_version(&m, b.as_ref(), GoVersion::lang(tc)).version.minor
    }

    #[test]
    fn build_lines_adjust_the_file_version_like_types2() {
        // rules.md §0, all [ran]: module go 1.22 + these tags => old loop semantics.
        for tag in
            ["//go:build go1.21", "//go:build go1.18", "//go:build linux && go1.21", "//go:build go1.18 || go1.22"]
        {
            assert!(fv(22, tag, 22) < 22, "{tag} tc1.22");
            assert!(fv(22, tag, 23) < 22, "{tag} tc1.23");
        }
        // module 1.20/1.21 + go1.22 tag => new semantics.
        assert_eq!(fv(20, "//go:build go1.22", 22), 22);
        assert_eq!(fv(21, "//go:build go1.22", 23), 22);
        // !go1.23 implies nothing.
        assert_eq!(fv(22, "//go:build !go1.23", 23), 22);
        // Go 1.23+: max(tag, go1.21).
        assert_eq!(fv(22, "//go:build go1.18", 23), 21);
        // Go 1.22: a downgrade needs a go1.21+ module.
        assert_eq!(fv(20, "//go:build go1.18", 22), 20);
        assert_eq!(fv(22, "//go:build go1.18", 22), 18);
    }
}
