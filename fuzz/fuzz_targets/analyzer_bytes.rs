//! The analyzer on arbitrary bytes: the first two bytes choose the version context.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let ctx = common::context(data[0], data[1]);
    let (text, a) = gocompat::analyzer::analyze_bytes(&data[2..], &ctx);
    common::check_analysis(&text, &a);
});
