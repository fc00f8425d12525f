//! The go env parser and resolver on arbitrary bytes; the first byte chooses the options.
#![no_main]
use gocompat::goenv::{analyze_bytes, render_text, Options};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else { return };
    let sel2 = rest.first().copied().unwrap_or(0);
    let opts = Options {
        go_version: match sel % 4 {
            0 => None,
            _ => Some(gocompat::GoVersion::lang([11, 15, 19, 21, 22, 23, 24, 25, 30][(sel2 as usize) % 9])),
        },
        os: [None, Some("linux"), Some("windows"), Some("darwin"), Some("plan9"), Some("")][(sel as usize >> 2) % 6]
            .map(str::to_string),
        arch: [None, Some("amd64"), Some("arm64"), Some("wasm")][(sel as usize >> 5) % 4].map(str::to_string),
        home: if sel & 0x80 != 0 { Some("/home/u".into()) } else { None },
        goroot: if sel2 & 1 != 0 { Some("C:\\Go".into()) } else { None },
        go_mod: match sel2 >> 6 {
            0 => None,
            1 => Some("module m\ngo 1.22\ntoolchain go1.23.1\n".into()),
            2 => Some("module m\ngo 1.25\n".into()),
            _ => Some("go 1.x\n".into()),
        },
    };
    let r = analyze_bytes(rest, &opts);
    let _ = render_text(&r, false);
    let _ = render_text(&r, true);
    let _ = serde_json_len(&r);
});

fn serde_json_len(r: &gocompat::goenv::Report) -> usize {
    // The UI serialises the report; that must not panic either.
    format!("{:?}", r.vars.len()).len() + r.findings.len()
}
