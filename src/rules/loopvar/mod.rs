//! Loop variables: Go 1.22 per-iteration semantics (rules.md §A).
use super::Rule;

pub mod common;
pub mod loopvar_3clause_copies_lock;
pub mod loopvar_address_taken;
pub mod loopvar_buildtag_keeps_old_semantics;
pub mod loopvar_closure_capture;
pub mod loopvar_closure_writes_3clause_var;
pub mod loopvar_header_assign_not_fixed;
pub mod loopvar_per_iteration_allocation;
pub mod loopvar_pointer_outlives_loop;
pub mod loopvar_pointer_receiver_method_value;
pub mod loopvar_redundant_copy;

pub static RULES: &[&Rule] = &[
    &loopvar_closure_capture::RULE,
    &loopvar_address_taken::RULE,
    &loopvar_pointer_receiver_method_value::RULE,
    &loopvar_closure_writes_3clause_var::RULE,
    &loopvar_pointer_outlives_loop::RULE,
    &loopvar_header_assign_not_fixed::RULE,
    &loopvar_buildtag_keeps_old_semantics::RULE,
    &loopvar_redundant_copy::RULE,
    &loopvar_per_iteration_allocation::RULE,
    &loopvar_3clause_copies_lock::RULE,
];
