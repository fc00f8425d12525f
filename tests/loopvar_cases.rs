//! Oracle test for the loop-variable rules: every `data/knowledge/loopvar-cases/*.go`
//! is analysed with from=1.21 to=1.22, and a case must get a behaviour-change (or error)
//! finding exactly when `RESULTS.md` records different output under go 1.21 and go 1.22.
//! When a Go 1.22 toolchain is installed, a second test runs some fixture programs under
//! both go lines and checks that their output differs exactly when the analyzer flags them.
mod support;

use gocompat::{analyze, Context, GoVersion, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/knowledge/loopvar-cases")
}

/// file name → (output under go 1.21, output under go 1.22), from RESULTS.md's recorded run.
fn recorded_outputs() -> BTreeMap<String, (String, String)> {
    let text = std::fs::read_to_string(cases_dir().join("RESULTS.md")).unwrap();
    let mut out: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    let mut in_block = false;
    for line in text.lines() {
        if line.starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(rest) = line.strip_prefix("== ") {
            // "== 01_x.go  (go.mod: go 1.21)"
            let (file, lang) = rest.split_once("(go.mod: go ").expect("header");
            current = Some((file.trim().to_string(), lang.trim_end_matches(')').to_string()));
            continue;
        }
        if let Some((file, lang)) = &current {
            let e = out.entry(file.clone()).or_default();
            let slot = if lang == "1.21" { &mut e.0 } else { &mut e.1 };
            slot.push_str(line);
            slot.push('\n');
        }
    }
    out
}

fn flagged(src: &str, file: &str, from: u32, to: u32) -> Vec<String> {
    let ctx = Context {
        from: Some(GoVersion::lang(from)),
        to: Some(GoVersion::lang(to)),
        file_name: Some(file.to_string()),
        ..Context::default()
    };
    analyze(src, &ctx)
        .diagnostics
        .into_iter()
        .filter(|d| matches!(d.severity, Severity::BehaviorChange | Severity::Error))
        .map(|d| d.rule)
        .collect()
}

#[test]
fn cases_agree_with_recorded_go_output() {
    let recorded = recorded_outputs();
    assert!(recorded.len() >= 12, "RESULTS.md parse found {} cases", recorded.len());
    let mut failures = Vec::new();
    let mut report = Vec::new();
    for (file, (go121, go122)) in &recorded {
        let src = std::fs::read_to_string(cases_dir().join(file)).unwrap();
        let differs = go121 != go122;
        let rules = flagged(&src, file, 21, 22);
        let got = !rules.is_empty();
        report.push(format!("{file}: go output differs={differs} flagged={got} {rules:?}"));
        if got != differs {
            failures
                .push(format!("{file}: RESULTS.md output differs = {differs}, analyzer flagged = {got} ({rules:?})"));
        }
        // The copy in case 05 is redundant only when the old side is already go1.22+.
        let all: Vec<String> = analyze(
            &src,
            &Context {
                from: Some(GoVersion::lang(21)),
                to: Some(GoVersion::lang(22)),
                file_name: Some(file.clone()),
                ..Context::default()
            },
        )
        .diagnostics
        .into_iter()
        .map(|d| d.rule)
        .collect();
        if all.iter().any(|r| r == "loopvar-redundant-copy") {
            failures.push(format!("{file}: loopvar-redundant-copy reported although from=1.21"));
        }
    }
    let case05 = std::fs::read_to_string(cases_dir().join("05_redundant_copy.go")).unwrap();
    let a = analyze(
        &case05,
        &Context { from: Some(GoVersion::lang(22)), to: Some(GoVersion::lang(23)), ..Context::default() },
    );
    assert!(a.diagnostics.iter().any(|d| d.rule == "loopvar-redundant-copy"), "case 05 at go1.22: {:?}", a.diagnostics);
    println!("{}", report.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const GO: &str = "/usr/lib/go-1.22/bin/go";

/// Runs `src` as `main.go` (or as a test) in a throw-away module with `go <lang>`.
fn go_run(src: &str, lang: &str, tag: &str) -> String {
    let base = std::env::temp_dir().join("gocompat-loopvar-oracle");
    let dir = base.join(format!("{tag}-{lang}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.go"), src).unwrap();
    std::fs::write(dir.join("go.mod"), format!("module example.com/oracle\n\ngo {lang}\n")).unwrap();
    let out = Command::new(GO)
        .arg("run")
        .arg(".")
        .current_dir(&dir)
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off")
        .env("HOME", base.join("home"))
        .env("GOPATH", base.join("gopath"))
        .env("GOCACHE", base.join("cache"))
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    s.push_str(&String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "go run failed ({tag}, go {lang}):\n{s}");
    s
}

fn ctx(from: u32, to: u32) -> Context {
    Context { from: Some(GoVersion::lang(from)), to: Some(GoVersion::lang(to)), ..Context::default() }
}

/// Applies every fix titled "Copy …" (the version-independent fix), re-analysing until none is left.
fn apply_copy_fixes(src: &str) -> String {
    let mut text = src.to_string();
    for _ in 0..8 {
        let a = analyze(&text, &ctx(21, 22));
        // Behaviour-change findings only: an `=` header is shared under every go line.
        let fixes: Vec<_> = a
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::BehaviorChange)
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| f.title.starts_with("Copy "))
            .collect();
        if fixes.is_empty() {
            break;
        }
        text = gocompat::apply_fixes(&text, fixes).text;
    }
    text
}

#[test]
fn fixture_programs_behave_as_flagged_under_real_go() {
    if !Path::new(GO).exists() {
        println!("skipped: {GO} is not installed");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut programs = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.file_name().unwrap().to_string_lossy().starts_with("loopvar-") {
            continue;
        }
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "go") {
                let src = std::fs::read_to_string(&f).unwrap();
                if src.lines().any(|l| l.trim() == "// oracle: run") {
                    programs.push((f, src));
                }
            }
        }
    }
    programs.sort();
    assert!(programs.len() >= 6, "expected runnable loopvar fixtures, found {}", programs.len());
    let mut failures = Vec::new();
    for (path, src) in &programs {
        let name = format!(
            "{}/{}",
            path.parent().unwrap().file_name().unwrap().to_string_lossy(),
            path.file_name().unwrap().to_string_lossy()
        );
        let tag = name.replace(['/', '.'], "_");
        let rules = flagged(src, "main.go", 21, 22);
        let (o21, o22) = (go_run(src, "1.21", &tag), go_run(src, "1.22", &tag));
        let differs = o21 != o22;
        println!("{name}: output differs={differs} flagged={} {rules:?}", !rules.is_empty());
        if differs == rules.is_empty() {
            failures.push(format!(
                "{name}: output differs = {differs} but flagged = {rules:?}\n go1.21: {o21} go1.22: {o22}"
            ));
        }
        // The copy fixes make go1.21 behave like go1.22.
        let fixed = apply_copy_fixes(src);
        if fixed != *src {
            let f21 = go_run(&fixed, "1.21", &format!("{tag}_fixed"));
            if f21 != o22 {
                failures.push(format!("{name}: after the copy fixes go1.21 prints {f21:?}, go1.22 printed {o22:?}"));
            }
        }
        // Safe fixes at go1.22+ (redundant copies) keep the go1.22 output.
        let a = analyze(src, &ctx(22, 23));
        let safe: Vec<_> = a
            .diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| f.applicability == gocompat::Applicability::Safe)
            .collect();
        if !safe.is_empty() {
            let cleaned = gocompat::apply_fixes(src, safe).text;
            let c22 = go_run(&cleaned, "1.22", &format!("{tag}_safe"));
            if c22 != o22 {
                failures.push(format!("{name}: after the safe fixes go1.22 prints {c22:?}, before {o22:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Deep nesting and broken input: no panic, no recursion blow-up, linear-ish time.
#[test]
fn deep_and_broken_input_is_handled() {
    let depth = 200;
    let mut src = String::from("package p\nfunc f(xs []int, out chan func()) {\n");
    for i in 0..depth {
        src.push_str(&format!("for _, v{i} := range xs {{\n"));
    }
    src.push_str(&format!("out <- func() {{ println(v0, v{}) }}\n", depth - 1));
    for _ in 0..depth {
        src.push_str("}\n");
    }
    src.push_str("}\n");
    let t = std::time::Instant::now();
    let a = analyze(&src, &ctx(21, 22));
    println!("nested: {:?}", t.elapsed());
    assert!(t.elapsed().as_secs() < 60, "took {:?}", t.elapsed());
    let caps = a.diagnostics.iter().filter(|d| d.rule == "loopvar-closure-capture").count();
    assert_eq!(caps, 2, "{:?}", a.diagnostics.iter().map(|d| &d.message).collect::<Vec<_>>());

    // Many sequential loops in one outer loop, each capturing.
    let mut src = String::from("package p\nfunc f(xs []int, out chan func()) {\nfor _, a := range xs {\n");
    for i in 0..1000 {
        src.push_str(&format!("for _, w{i} := range xs {{ go func() {{ println(a, w{i}) }}() }}\n"));
    }
    src.push_str("}\n}\n");
    let t = std::time::Instant::now();
    let a = analyze(&src, &ctx(21, 22));
    println!("sequential: {:?}", t.elapsed());
    assert!(t.elapsed().as_secs() < 60, "took {:?}", t.elapsed());
    assert_eq!(a.diagnostics.iter().filter(|d| d.rule == "loopvar-closure-capture").count(), 2000);

    for broken in [
        "package p\nfunc f() { for _, v := range { go func() { v }( } }",
        "for i := 0; i < ; i++ { defer func() { println(i) }() ",
        "package p\nfunc f() { for k, v = range m { x = append(x, &k, v[:]) } for := {",
        "package p\nfunc f() { for s := (T{}); ; { go s.M() ; t.Run(\"\", func(t *testing.T) { t.Parallel(); s }) } }",
        "package p\nfunc f() { outer: for i := 0; i < 3; i++ { p = &i; break outer; continue outer } }",
        "package p\nfunc f() { é:\nfor i := 0; i < 3; i++ { p = &i; break é } ; x := \"日本\"; ü: for j := range x { go func() { j }() } }",
    ] {
        let _ = analyze(broken, &ctx(21, 22));
        let _ = analyze(broken, &ctx(22, 23));
    }
}

/// A `//go:build` line pinning the file below go1.22 in a go1.22 module (RESULTS.md: such
/// files keep the old loop semantics). Tested here: a `// want:` comment cannot share the
/// build line.
#[test]
fn build_line_pinning_old_semantics() {
    let case02 = std::fs::read_to_string(cases_dir().join("02_defer_capture_three_clause.go")).unwrap();
    let gomod = Some("module example.com/m\n\ngo 1.22\n".to_string());
    for (line, fixable) in
        [("//go:build go1.21", true), ("//go:build linux && go1.21", false), ("//go:build go1.18 || go1.22", false)]
    {
        let src = format!("{line}\n\n{case02}");
        let a = analyze(&src, &Context { go_mod: gomod.clone(), to: Some(GoVersion::lang(22)), ..Context::default() });
        let d: Vec<_> = a.diagnostics.iter().filter(|d| d.rule == "loopvar-buildtag-keeps-old-semantics").collect();
        assert_eq!(d.len(), 1, "{line}: {:?}", a.diagnostics);
        assert_eq!(d[0].span.start, 0, "{line}");
        assert_eq!(d[0].fix.is_some(), fixable, "{line}");
        // Both sides keep the old semantics: no loop behaviour change is claimed.
        assert!(!a.diagnostics.iter().any(|d| d.rule == "loopvar-closure-capture"), "{line}");
        if let Some(f) = &d[0].fix {
            let fixed = gocompat::apply_edits(&src, &f.edits).unwrap();
            assert!(fixed.starts_with("// Case 02"), "{fixed}");
        }
    }
    // Not pinned: a negated term, or a go1.22 term.
    for line in ["//go:build !go1.23", "//go:build go1.22"] {
        let src = format!("{line}\n\n{case02}");
        let a = analyze(&src, &Context { go_mod: gomod.clone(), to: Some(GoVersion::lang(22)), ..Context::default() });
        assert!(!a.diagnostics.iter().any(|d| d.rule == "loopvar-buildtag-keeps-old-semantics"), "{line}");
    }
}
