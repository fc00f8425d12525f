//! Shared helpers of the fuzz targets: contexts chosen by a selector byte, and the
//! invariants every analysis must keep.
#![allow(dead_code)]

use gocompat::analyzer::Context;
use gocompat::{apply_edits, apply_fixes, Analysis, GoVersion};

pub const MINORS: [Option<u32>; 8] = [None, Some(18), Some(20), Some(21), Some(22), Some(23), Some(24), Some(99)];

pub fn version(sel: u8) -> Option<GoVersion> {
    MINORS[(sel as usize) % MINORS.len()].map(GoVersion::lang)
}

const GO_MODS: [Option<&str>; 6] = [
    None,
    Some("module m\n\ngo 1.21\n"),
    Some("module m\n\ngo 1.22.0\n\ntoolchain go1.23.4\n"),
    Some("module m\ngo 1.23\ngodebug (\n\tasynctimerchan=1\n\thttpmuxgo121=1\n)\n"),
    Some("module m\ngo 1.20\ngodebug default=go1.21\n"),
    Some("go 1.x\nbroken (\n"),
];

/// A context from two selector bytes.
pub fn context(a: u8, b: u8) -> Context {
    Context {
        go_mod: GO_MODS[(a as usize) % GO_MODS.len()].map(str::to_string),
        from: version(a >> 3),
        to: version(b),
        toolchain: version(b >> 3),
        file_name: match b >> 6 {
            0 => None,
            1 => Some("main_test.go".into()),
            2 => Some("x.go".into()),
            _ => Some("".into()),
        },
    }
}

/// Invariants of an analysis of `text`: spans inside the text on char boundaries, fixes
/// applicable, applying them never panics.
pub fn check_analysis(text: &str, a: &Analysis) {
    assert!(a.analyzed_bytes <= text.len());
    for d in &a.diagnostics {
        assert!(d.span.start <= d.span.end, "{d:?}");
        assert!(d.span.end <= text.len(), "{d:?}");
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{d:?}");
        if let Some(f) = &d.fix {
            if let Err(e) = apply_edits(text, &f.edits) {
                panic!("fix of {} cannot be applied: {e}: {f:?}", d.rule);
            }
        }
    }
    let _ = apply_fixes(text, a.diagnostics.iter().filter_map(|d| d.fix.as_ref()));
}
