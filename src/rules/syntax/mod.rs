//! Syntax errors: tree-sitter always yields a tree; `ERROR` and missing nodes become
//! diagnostics so a user sees why other rules may be silent there.
use super::Rule;

pub mod syntax_error;

pub static RULES: &[&Rule] = &[&syntax_error::RULE];
