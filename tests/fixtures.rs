//! Every `tests/fixtures/<rule-id>/*.go` file: the findings must equal its `// want:`
//! comments exactly (all rules, not only the folder's), the verbose rendering must equal the
//! `.snap` file beside it (`GOCOMPAT_BLESS=1` rewrites snapshots), and applying all safe
//! fixes must not add syntax errors.
mod support;

use gocompat::{analyze, apply_fixes, render, Applicability};
use std::path::{Path, PathBuf};

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            go_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "go") {
            out.push(p);
        }
    }
}

#[test]
fn fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    go_files(&root, &mut files);
    files.sort();
    assert!(files.len() >= 4, "fixtures missing");
    let bless = std::env::var_os("GOCOMPAT_BLESS").is_some();
    let mut failures = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap().display().to_string();
        let src = std::fs::read_to_string(f).unwrap();
        let (mut ctx, _) = support::header(&src);
        if ctx.file_name.is_none() {
            ctx.file_name = f.file_name().map(|n| n.to_string_lossy().into_owned());
        }
        let gomod = f.with_file_name("go.mod");
        if ctx.go_mod.is_none() && gomod.exists() {
            ctx.go_mod = Some(std::fs::read_to_string(gomod).unwrap());
        }
        let a = analyze(&src, &ctx);
        let (want, got) = (support::wants(&src), support::found(&src, &a));
        if want != got {
            let missing: Vec<_> = want.keys().filter(|k| !got.contains_key(*k)).collect();
            let extra: Vec<_> = got.keys().filter(|k| !want.contains_key(*k)).collect();
            failures.push(format!("{rel}: findings differ\n  missing (line, rule): {missing:?}\n  unexpected: {extra:?}\n  counts want {want:?}\n  got {got:?}"));
        }
        // Snapshot of the rendered diagnostics.
        let rendered = render::text(&rel, &src, &a, true);
        let snap = f.with_extension("go.snap");
        if bless {
            std::fs::write(&snap, &rendered).unwrap();
        } else {
            match std::fs::read_to_string(&snap) {
                Ok(s) if s == rendered => {}
                Ok(s) => failures.push(format!(
                    "{rel}: snapshot differs (GOCOMPAT_BLESS=1 to accept)\n--- expected\n{s}--- actual\n{rendered}"
                )),
                Err(_) => failures.push(format!("{rel}: no snapshot {} (GOCOMPAT_BLESS=1 writes it)", snap.display())),
            }
        }
        // All safe fixes together keep the file parseable.
        let safe =
            a.diagnostics.iter().filter_map(|d| d.fix.as_ref()).filter(|f| f.applicability == Applicability::Safe);
        let fixed = apply_fixes(&src, safe);
        if fixed.applied > 0 && support::syntax_errors(&fixed.text) > support::syntax_errors(&src) {
            failures.push(format!("{rel}: applying safe fixes adds syntax errors:\n{}", fixed.text));
        }
    }
    assert!(failures.is_empty(), "{} of {} fixtures failed:\n\n{}", failures.len(), files.len(), failures.join("\n\n"));
}
