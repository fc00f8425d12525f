//! New `for … range` forms and other language features gated by the go line (rules.md §B).
use super::Rule;
use crate::analyzer::{Checker, Sourced};

pub mod generic_type_alias_requires_go124;
pub mod int_evidence;
pub mod range_over_func_requires_go123;
pub mod range_over_int_modernize;
pub mod range_over_int_requires_go122;

pub static RULES: &[&Rule] = &[
    &range_over_int_requires_go122::RULE,
    &range_over_int_modernize::RULE,
    &range_over_func_requires_go123::RULE,
    &generic_type_alias_requires_go124::RULE,
];

/// The suffix cmd/compile adds to a language-version error (go1.22+ `noder/irgen.go`):
/// `(file declares //go:build go1.21)` when the file's version is the one its `//go:build`
/// line implies, else `(-lang was set to go1.22; check go.mod)` with the module's go line —
/// even when a Go 1.23+ toolchain raised an older build-line version to go1.21.
/// `side` is 0 for the "from" versions, 1 for "to".
pub fn version_error_suffix(c: &Checker, side: usize) -> String {
    let fv: &Sourced = c.versions.file_sides()[side.min(1)];
    let module: &Sourced = c.versions.main_sides()[side.min(1)];
    let lang = fv.version.language();
    if c.facts.build_line.as_ref().and_then(|b| b.min_minor) == Some(lang.minor) && lang.major == 1 {
        format!("(file declares //go:build {lang})")
    } else {
        format!("(-lang was set to {}; check go.mod)", module.version.language())
    }
}
