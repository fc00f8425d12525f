//! The runtime and vet rules never panic on broken input: every fixture of those families,
//! cut at many points (unterminated strings, half directives, missing braces), is analysed
//! with several version choices.
mod support;

use gocompat::{analyze, Context, GoVersion};
use std::path::Path;

const PREFIXES: &[&str] = &[
    "tls-",
    "panic-nil",
    "timer-",
    "linkname-",
    "bufio-",
    "slices-",
    "encoding-",
    "runtime-metrics",
    "rsa-",
    "x509-",
    "vet-",
];

#[test]
fn truncated_fixtures_do_not_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut n = 0;
    for e in std::fs::read_dir(&root).unwrap() {
        let dir = e.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        if !PREFIXES.iter().any(|p| name.starts_with(p)) {
            continue;
        }
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_none_or(|x| x != "go") {
                continue;
            }
            let src = std::fs::read_to_string(&f).unwrap();
            for (from, to, tc) in [(20, 22, 22), (22, 24, 27)] {
                let ctx = Context {
                    from: Some(GoVersion::lang(from)),
                    to: Some(GoVersion::lang(to)),
                    toolchain: Some(GoVersion::lang(tc)),
                    file_name: Some("main_test.go".into()),
                    ..Context::default()
                };
                let mut cut = 0;
                while cut < src.len() {
                    if src.is_char_boundary(cut) {
                        analyze(&src[..cut], &ctx);
                        // And with the head missing (no package clause, half a statement).
                        analyze(&src[cut..], &ctx);
                        n += 2;
                    }
                    cut += 23;
                }
            }
        }
    }
    assert!(n > 1000, "only {n} analyses ran");
}
