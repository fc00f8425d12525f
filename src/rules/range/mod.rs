//! New `for … range` forms and other language features gated by the go line (rules.md §B).
use super::Rule;

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
