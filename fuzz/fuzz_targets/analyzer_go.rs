//! The analyzer on (mutated) real Go files, seeded from tests/fixtures and
//! data/knowledge/loopvar-cases: each input under a few version contexts; then the input and
//! a one-character edit of it through the worker's parser (`Reparser::for_typing`, which keeps
//! the findings of unchanged functions), whose analysis must equal a fresh one.
#![no_main]
use gocompat::analyzer::{analyze, analyze_with, Context, Reparser};
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
    // Typing: the text, then one character inserted at a place chosen by the input.
    let ctx = &contexts[1];
    let mut at = (data.first().copied().unwrap_or(0) as usize * src.len()) / 256;
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    let typed = format!("{}x{}", &src[..at], &src[at..]);
    let mut reparser = Reparser::for_typing();
    let _ = analyze_with(src, ctx, &mut reparser);
    assert_eq!(analyze_with(&typed, ctx, &mut reparser), analyze(&typed, ctx), "kept findings differ from fresh ones");
});
