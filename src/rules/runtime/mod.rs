//! Run-time behaviour changes of the standard library in Go 1.21–1.24 that follow the main
//! module's go line (GODEBUG) or the toolchain (rules.md §D, §G, §J).
use super::Rule;

pub mod bufio_errfinaltoken_nil;
pub mod common;
pub mod encoding_withpadding_negative_panics;
pub mod linkname_to_std_internal;
pub mod panic_nil_runtime_error;
pub mod rsa_min_key_size_1024;
pub mod runtime_metrics_gc_pauses_deprecated;
pub mod slices_shrinkers_zero_tail;
pub mod timer_channel_synchronous;
pub mod tls_export_keying_material_needs_ems;
pub mod tls_rsa_kex_suites_not_default;
pub mod tls_server_min_version_tls12;
pub mod x509_policies_field;

pub static RULES: &[&Rule] = &[
    &tls_server_min_version_tls12::RULE,
    &tls_rsa_kex_suites_not_default::RULE,
    &tls_export_keying_material_needs_ems::RULE,
    &panic_nil_runtime_error::RULE,
    &timer_channel_synchronous::RULE,
    &linkname_to_std_internal::RULE,
    &bufio_errfinaltoken_nil::RULE,
    &slices_shrinkers_zero_tail::RULE,
    &encoding_withpadding_negative_panics::RULE,
    &runtime_metrics_gc_pauses_deprecated::RULE,
    &rsa_min_key_size_1024::RULE,
    &x509_policies_field::RULE,
];
