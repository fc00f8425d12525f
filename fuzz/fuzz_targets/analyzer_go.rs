//! The analyzer on (mutated) real Go files, seeded from tests/fixtures and
//! data/knowledge/loopvar-cases: each input under a few version contexts.
#![no_main]
use gocompat::analyzer::{analyze, Context};
use gocompat::GoVersion;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let contexts = [
        Context::default(),
        Context { from: Some(GoVersion::lang(21)), to: Some(GoVersion::lang(22)), ..Default::default() },
        Context {
            go_mod: Some("module m\ngo 1.22\ngodebug httpmuxgo121=1\n".into()),
            to: Some(GoVersion::lang(24)),
            file_name: Some("main_test.go".into()),
            ..Default::default()
        },
        Context {
            from: Some(GoVersion::lang(20)),
            to: Some(GoVersion::lang(23)),
            toolchain: Some(GoVersion::lang(24)),
            ..Default::default()
        },
    ];
    for ctx in &contexts {
        let a = analyze(src, ctx);
        common::check_analysis(src, &a);
    }
});
