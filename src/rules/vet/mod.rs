//! `go vet` checks added or changed in Go 1.21–1.24 (rules.md §H).
use super::Rule;

pub static RULES: &[&Rule] = &[];
