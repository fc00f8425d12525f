//! net/http ServeMux patterns (rules.md §C): Go 1.22's pattern syntax, precedence and
//! conflicts, and the `Request.PathValue` API.
use super::Rule;

pub mod pattern;

pub static RULES: &[&Rule] = &[];
