//! Standard-library APIs and builtins gated by the go line, deprecations, math/rand and the
//! go/types / go/ast changes for tool authors (rules.md §E, §F, §I and modernize-minmax).
use super::Rule;
use crate::analyzer::Sourced;

pub mod resolve;
pub mod stdapi;

pub mod builtin_min_max_clear_requires_go121;
pub mod goast_object_resolution_deprecated;
pub mod gotypes_alias_nodes;
pub mod maps_keys_returns_iterator;
pub mod modernize_minmax_builtins;
pub mod rand_read_deprecated;
pub mod rand_seed_deprecated_and_noop;
pub mod rand_v2_migration;
pub mod reflect_ptrto_and_typefor;
pub mod stdlib_symbol_deprecated;
pub mod stdlib_symbol_newer_than_go_line;

pub static RULES: &[&Rule] = &[
    &stdlib_symbol_newer_than_go_line::RULE,
    &stdlib_symbol_deprecated::RULE,
    &builtin_min_max_clear_requires_go121::RULE,
    &maps_keys_returns_iterator::RULE,
    &rand_seed_deprecated_and_noop::RULE,
    &rand_read_deprecated::RULE,
    &rand_v2_migration::RULE,
    &reflect_ptrto_and_typefor::RULE,
    &goast_object_resolution_deprecated::RULE,
    &gotypes_alias_nodes::RULE,
    &modernize_minmax_builtins::RULE,
];

/// vet stdversion's noun: "file" when a `//go:build` line set the file's version, else "module".
pub fn version_noun(fv: &Sourced) -> &'static str {
    if fv.source.starts_with("//go:build") {
        "file"
    } else {
        "module"
    }
}
