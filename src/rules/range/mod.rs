//! New `for … range` forms and other language features gated by the go line (rules.md §B).
use super::Rule;

pub mod int_evidence;
pub mod range_over_int_requires_go122;

pub static RULES: &[&Rule] = &[&range_over_int_requires_go122::RULE];
