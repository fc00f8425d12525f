//! The GODEBUG resolver on arbitrary go.mod / go.work / Go source / GODEBUG env: NUL-separated
//! parts; the first byte chooses the toolchain and which parts are present.
#![no_main]
use gocompat::godebug::{diff_go_lines, render_text, resolve, Inputs, SourceFile};
use gocompat::GoVersion;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let mut parts = text.split('\0');
    let mut next = || parts.next().map(str::to_string);
    let toolchain = match sel % 8 {
        0 => None,
        k => Some(GoVersion {
            major: 1,
            minor: [19, 20, 21, 22, 23, 24, 26][k as usize - 1],
            patch: Some((sel >> 3) as u32 % 3),
            pre: None,
        }),
    };
    let go_mod = next();
    let go_work = if sel & 0x40 != 0 { next() } else { None };
    let env = next();
    let mut files = Vec::new();
    let mut i = 0;
    while let Some(t) = next() {
        let name = if i % 2 == 1 { format!("./x{i}_test.go") } else { format!("./x{i}.go") };
        files.push(SourceFile { name, text: t });
        i += 1;
        if i == 4 {
            break;
        }
    }
    let inputs = Inputs { go_mod, go_work, files, env, toolchain, test: sel & 0x80 != 0 };
    let r = resolve(&inputs);
    let _ = render_text(&r);
    let _ = r.error_text();
    let a = GoVersion::lang(u32::from(sel) % 30);
    let b = GoVersion::lang(u32::from(rest.first().copied().unwrap_or(22)) % 30);
    let _ = diff_go_lines(a, b);
});
