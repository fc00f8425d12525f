//! net/http ServeMux patterns (rules.md §C): Go 1.22's pattern syntax, precedence and
//! conflicts, and the `Request.PathValue` API. Only receivers that are visibly a net/http
//! ServeMux count (see [`registrations`]).
use super::Rule;

pub mod http_mux_conflicting_patterns;
pub mod http_mux_invalid_pattern_panics;
pub mod http_mux_literal_pattern_changes_meaning;
pub mod http_mux_method_whitespace;
pub mod http_mux_new_syntax_under_old_go_line;
pub mod http_request_pathvalue_api;
pub mod pattern;
pub mod registrations;

pub static RULES: &[&Rule] = &[
    &http_mux_new_syntax_under_old_go_line::RULE,
    &http_mux_literal_pattern_changes_meaning::RULE,
    &http_mux_invalid_pattern_panics::RULE,
    &http_mux_conflicting_patterns::RULE,
    &http_mux_method_whitespace::RULE,
    &http_request_pathvalue_api::RULE,
];
