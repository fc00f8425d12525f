//! `go vet` checks added or changed in Go 1.21–1.24 (rules.md §H).
//!
//! `vet-loopclosure-go122-files` (vet stops reporting loop variables captured by closures in
//! go1.22+ files) has no rule of its own: the change is not a hazard in itself. The
//! closures that were reported before are correct under per-iteration semantics, and the cases
//! that remain buggy are the loopvar family's findings (`loopvar-header-assign-not-fixed`,
//! `loopvar-closure-capture`, `loopvar-buildtag-keeps-old-semantics`); a finding for every
//! closure in a go1.22 file would be noise.
use super::Rule;

pub mod vet_appends_no_values;
pub mod vet_defers_time_since;
pub mod vet_go_debug_directive;
pub mod vet_printf_nonconstant_format;
pub mod vet_slog_key_value;

pub static RULES: &[&Rule] = &[
    &vet_appends_no_values::RULE,
    &vet_defers_time_since::RULE,
    &vet_slog_key_value::RULE,
    &vet_printf_nonconstant_format::RULE,
    &vet_go_debug_directive::RULE,
];
