//! Oracle test of the GODEBUG resolver against the real go command.
//!
//! When the Debian toolchains are installed (/usr/lib/go-1.21, 1.22, 1.23), for each one:
//! 1. the derived `internal/godebugs` table (`godebug::table::table_for`) must equal the
//!    toolchain's own `src/internal/godebugs/table.go` (names, Changed, Old);
//! 2. a grid of temp modules (go lines 1.16..1.23, none, prereleases; godebug blocks;
//!    `//go:debug` lines: valid, unknown, malformed, repeated, `default=`, toolchain-dependent,
//!    misplaced, in a non-main package) is run through `go list -f '{{.DefaultGODEBUG}}'`
//!    (stdout, or stderr when it fails) and `go build` (the `//go:debug` checks), and compared
//!    with the prediction. Agreement must be 100%; every disagreement is printed.
//!
//! Oracle notes:
//! * `GOFLAGS=-mod=mod` writes the toolchain's own go line into a go.mod that has none, so the
//!   "no go line" cases run with `-mod=readonly` (then go 1.16 is assumed, as in a build).
//! * `go build` of a main package compiles the runtime first (minutes with a cold cache), so
//!   the `//go:debug` error check builds the same files with the package clause renamed to
//!   `package lib`: `work.(*Builder).checkDirectives` does not look at the package name.
//!   The non-main grid case is a real `package lib` for both list and build.
//!
//! Skips (with a message) when no toolchain is installed.

use gocompat::godebug::{self, table, Inputs, SourceFile};
use gocompat::GoVersion;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Toolchain {
    go: PathBuf,
    src: PathBuf,
    version: GoVersion,
}

fn toolchains() -> Vec<Toolchain> {
    let mut out = Vec::new();
    for minor in [21, 22, 23] {
        let go = PathBuf::from(format!("/usr/lib/go-1.{minor}/bin/go"));
        if !go.exists() {
            continue;
        }
        let Ok(o) = Command::new(&go).arg("version").env("GOTOOLCHAIN", "local").output() else { continue };
        let s = String::from_utf8_lossy(&o.stdout);
        let Some(v) = s.split_whitespace().nth(2).and_then(|v| GoVersion::parse(v).ok()) else { continue };
        let src = PathBuf::from(format!("/usr/lib/go-1.{minor}/src"));
        out.push(Toolchain { go, src, version: v });
    }
    out
}

/// `{Name: "x", Package: "p", Changed: 22, Old: "1"}` lines of table.go (uncommented).
fn real_table(src: &Path) -> Option<Vec<table::Entry>> {
    let text = std::fs::read_to_string(src.join("internal/godebugs/table.go")).ok()?;
    let all = text.split("var All = []Info{").nth(1)?.split("\n}").next()?;
    let mut out = Vec::new();
    for line in all.lines() {
        let l = line.trim();
        if !l.starts_with("{Name:") {
            continue;
        }
        let field = |f: &str| -> Option<String> {
            let rest = l.split(&format!("{f}: ")).nth(1)?;
            let v = rest.split([',', '}']).next()?.trim();
            Some(v.trim_matches('"').to_string())
        };
        out.push(table::Entry {
            name: field("Name")?,
            changed: field("Changed").and_then(|c| c.parse().ok()).filter(|c| *c != 0),
            old: field("Old").unwrap_or_default(),
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Some(out)
}

struct Case {
    name: String,
    go_mod: String,
    main: String,
    /// Extra files (name, text): test files for `go list -test`.
    extra: Vec<(String, String)>,
    /// Resolve the test binary (`go list -test`, the `.test` package).
    test: bool,
    /// A go.work in the parent directory (`use ./a`; the module lives in `a/`).
    go_work: Option<String>,
}

fn grid() -> Vec<Case> {
    let go_lines: &[Option<&str>] = &[
        None,
        Some("1.16"),
        Some("1.18"),
        Some("1.19"),
        Some("1.20"),
        Some("1.21"),
        Some("1.21.0"),
        Some("1.21rc1"),
        Some("1.22"),
        Some("1.22.3"),
        Some("1.23"),
    ];
    let body = "\nfunc main() {}\n";
    let dirs: &[(&str, String)] = &[
        ("plain", format!("package main\n{body}")),
        ("valid", format!("//go:debug panicnil=1\n//go:debug httpmuxgo121=0\n\npackage main\n{body}")),
        ("unknown", format!("// Program x.\n//go:debug nosuchsetting=1\n//go:debug panicnil=1\npackage main\n{body}")),
        ("default", format!("//go:debug default=go1.20\n//go:debug tls10server=0\npackage main\n{body}")),
        (
            "toolchain-dependent",
            format!("//go:debug tlsmaxrsasize=4096\n//go:debug gotypesalias=1\n//go:debug asynctimerchan=0\n//go:debug netedns0=1\npackage main\n{body}"),
        ),
        (
            "malformed",
            format!("//go:debug panicnil=1\n//go:debug panicnil=0\n//go:debug a b=1\n//go:debugx\n//go:debug\n/* c */ //go:debug x509sha1=1\n  //go:debug zipinsecurepath=0\n//go:debug k=v,w\n//go:debugy\npackage main\n{body}"),
        ),
        ("non-main", "//go:debug panicnil=1\n//go:debug nosuchsetting=1\npackage lib\n\nfunc F() {}\n".to_string()),
        ("misplaced", format!("package main\n\n//go:debug panicnil=1\n{body}")),
    ];
    let blocks: &[(&str, &str)] = &[
        ("block", "godebug (\n\tpanicnil=1\n\thttpmuxgo121=0 // comment\n)\n"),
        ("default-go1.21", "godebug default=go1.21\ngodebug tlsrsakex=0\n"),
        ("unknown-godebug", "godebug (\n\tnosuchsetting=1\n\tpanicnil=1\n)\ngodebug default=go1.x\n"),
        ("too-new-default", "godebug default=go1.99\n"),
    ];
    let mut out = workspace_cases(dirs);
    for gl in go_lines {
        let head = match gl {
            Some(v) => format!("module example.com/m\n\ngo {v}\n"),
            None => "module example.com/m\n".to_string(),
        };
        for (dn, main) in dirs {
            out.push(Case {
                name: format!("go {}/{dn}", gl.unwrap_or("-")),
                go_mod: head.clone(),
                main: main.clone(),
                extra: vec![],
                test: false,
                go_work: None,
            });
        }
        for (bn, block) in blocks {
            for (dn, main) in &dirs[..2] {
                out.push(Case {
                    name: format!("go {}/{bn}/{dn}", gl.unwrap_or("-")),
                    go_mod: format!("{head}\n{block}"),
                    main: main.clone(),
                    extra: vec![],
                    test: false,
                    go_work: None,
                });
            }
        }
        // Test binaries: in-package and external test files, for a library and for main.
        let xtest = (
            "a_x_test.go".to_string(),
            "//go:debug httpmuxgo121=0\n//go:debug panicnil=0\npackage lib_test\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}\n"
                .to_string(),
        );
        let intest = (
            "z_in_test.go".to_string(),
            "//go:debug panicnil=1\n//go:debug tls10server=0\npackage lib\n\nimport \"testing\"\n\nfunc TestIn(t *testing.T) {}\n".to_string(),
        );
        out.push(Case {
            name: format!("go {}/test-lib", gl.unwrap_or("-")),
            go_mod: head.clone(),
            main: "//go:debug zipinsecurepath=0\npackage lib\n\nfunc F() {}\n".into(),
            extra: vec![xtest, intest],
            test: true,
            go_work: None,
        });
        out.push(Case {
            name: format!("go {}/test-main", gl.unwrap_or("-")),
            go_mod: head.clone(),
            main: format!("//go:debug panicnil=1\npackage main\n{body}"),
            extra: vec![(
                "main_test.go".into(),
                "//go:debug panicnil=0\npackage main\n\nimport \"testing\"\n\nfunc TestM(t *testing.T) {}\n".into(),
            )],
            test: true,
            go_work: None,
        });
    }
    out
}

/// go.work cases: its go line and godebug lines replace go.mod's (go.mod's are ignored).
fn workspace_cases(dirs: &[(&str, String)]) -> Vec<Case> {
    let mut out = Vec::new();
    let works: &[(&str, &str)] = &[
        ("work-go1.21", "go 1.21\n\nuse ./a\n"),
        ("work-go1.22", "go 1.22\n\nuse ./a\n"),
        ("work-godebug", "go 1.22\n\nuse ./a\n\ngodebug (\n\tpanicnil=1\n\ttlsrsakex=0\n)\n"),
        ("work-default", "go 1.22\n\nuse ./a\n\ngodebug default=go1.20\n"),
        ("work-unknown", "go 1.22\n\nuse ./a\n\ngodebug (\n\tnosuch=1\n\tnosuch2=1\n)\n"),
    ];
    let mods: &[(&str, &str)] = &[
        ("mod-plain", "module example.com/m\n\ngo 1.21\n"),
        ("mod-godebug", "module example.com/m\n\ngo 1.21\n\ngodebug httpmuxgo121=0\n"),
    ];
    for (wn, w) in works {
        for (mn, m) in mods {
            for (dn, main) in &dirs[..3] {
                out.push(Case {
                    name: format!("{wn}/{mn}/{dn}"),
                    go_mod: m.to_string(),
                    main: main.clone(),
                    extra: vec![],
                    test: false,
                    go_work: Some(w.to_string()),
                });
            }
        }
    }
    out
}

struct Outcome {
    list: String,
    build: String,
}

fn go(tc: &Toolchain, dir: &Path, home: &Path, readonly: bool, args: &[&str]) -> (bool, String, String) {
    let o = Command::new(&tc.go)
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", home.join("home"))
        .env("GOPATH", home.join("gopath"))
        .env("GOCACHE", home.join("cache"))
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", if readonly { "-mod=readonly" } else { "-mod=mod" })
        .env("GOPROXY", "off")
        .env("GOENV", "off")
        .output()
        .expect("run go");
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).trim_end().to_string(),
        String::from_utf8_lossy(&o.stderr).trim_end().to_string(),
    )
}

fn real(tc: &Toolchain, case: &Case, work: &Path) -> Outcome {
    let root = work.join("m");
    let _ = std::fs::remove_dir_all(&root);
    let dir = if case.go_work.is_some() { root.join("a") } else { root.clone() };
    std::fs::create_dir_all(&dir).unwrap();
    if let Some(w) = &case.go_work {
        std::fs::write(root.join("go.work"), w).unwrap();
    }
    // Run from the workspace root (paths in messages are relative to it).
    let (dir, pkg) = if case.go_work.is_some() { (root.clone(), "./a") } else { (root.clone(), ".") };
    let src_dir = if case.go_work.is_some() { root.join("a") } else { root.clone() };
    std::fs::write(src_dir.join("go.mod"), &case.go_mod).unwrap();
    std::fs::write(src_dir.join("main.go"), &case.main).unwrap();
    for (n, t) in &case.extra {
        std::fs::write(src_dir.join(n), t).unwrap();
    }
    // -mod=mod is refused in workspace mode.
    let readonly = !case.go_mod.contains("\ngo ") || case.go_work.is_some();
    let (ok, out, err) = if case.test {
        let (ok, out, err) =
            go(tc, &dir, work, readonly, &["list", "-test", "-f", "{{.ImportPath}}|{{.DefaultGODEBUG}}", pkg]);
        let line = out.lines().find(|l| l.split('|').next().is_some_and(|p| p.ends_with(".test"))).unwrap_or("");
        (ok, line.split_once('|').map(|x| x.1).unwrap_or("").to_string(), err)
    } else {
        go(tc, &dir, work, readonly, &["list", "-f", "{{.DefaultGODEBUG}}", pkg])
    };
    // go1.19-1.22 print absolute paths in some go.work errors.
    let err = err.replace(&format!("{}/", root.display()), "");
    let list = if ok { format!("ok: {out}") } else { format!("fail: {err}") };
    let mut build = String::new();
    if ok && !case.test && case.main.contains("//go:debug") {
        // Same files as a non-main package (see the module docs).
        let lib = case.main.replacen("package main", "package lib", 1);
        std::fs::write(src_dir.join("main.go"), lib).unwrap();
        let (_, _, err) = go(tc, &dir, work, readonly, &["build", pkg]);
        build = err.lines().filter(|l| !l.starts_with("# ")).collect::<Vec<_>>().join("\n");
        // go1.21/1.22 crash on some repeated keys: compare the panic line, not the trace.
        if build.starts_with("panic: ") {
            build = build.lines().next().unwrap_or("").to_string();
        }
    }
    Outcome { list, build }
}

fn predict(tc: &Toolchain, case: &Case) -> Outcome {
    let main_name = if case.go_work.is_some() { "a/main.go" } else { "./main.go" };
    let mut files = vec![SourceFile { name: main_name.into(), text: case.main.clone() }];
    files.extend(case.extra.iter().map(|(n, t)| SourceFile { name: format!("./{n}"), text: t.clone() }));
    let r = godebug::resolve(&Inputs {
        go_mod: Some(case.go_mod.clone()),
        go_work: case.go_work.clone(),
        files,
        toolchain: Some(tc.version),
        test: case.test,
        ..Inputs::default()
    });
    let fatal: Vec<_> = r.errors.iter().filter(|e| e.fatal).map(|e| e.message.clone()).collect();
    let list = match &r.default_godebug {
        Some(d) => format!("ok: {d}"),
        None => format!("fail: {}", fatal.join("\n")),
    };
    let mut build = String::new();
    if r.default_godebug.is_some() && !case.test && case.main.contains("//go:debug") {
        build = r.errors.iter().filter(|e| !e.fatal).map(|e| e.message.clone()).collect::<Vec<_>>().join("\n");
    }
    Outcome { list, build }
}

#[test]
fn godebug_matches_real_go() {
    let tcs = toolchains();
    if tcs.is_empty() {
        println!("godebug_oracle: no Debian Go toolchain under /usr/lib/go-1.2x: skipped");
        return;
    }
    let tmp = std::env::temp_dir().join(format!("gocompat-godebug-oracle-{}", std::process::id()));
    let mut disagreements = Vec::new();
    let (mut total, mut agree) = (0usize, 0usize);
    for tc in &tcs {
        // 1. Derived table == real table.
        if let Some(real) = real_table(&tc.src) {
            total += 1;
            let derived = table::table_for(tc.version);
            if derived == real {
                agree += 1;
            } else {
                let only_real: Vec<_> = real.iter().filter(|e| !derived.contains(e)).collect();
                let only_derived: Vec<_> = derived.iter().filter(|e| !real.contains(e)).collect();
                disagreements.push(format!(
                    "{}: table differs\n  only in table.go: {only_real:?}\n  only derived: {only_derived:?}",
                    tc.version
                ));
            }
        }
        // 2. The grid.
        let work = tmp.join(tc.version.to_string());
        std::fs::create_dir_all(work.join("home")).unwrap();
        for case in grid() {
            total += 1;
            let (r, p) = (real(tc, &case, &work), predict(tc, &case));
            if r.list == p.list && r.build == p.build {
                agree += 1;
            } else {
                disagreements.push(format!(
                    "{} {}:\n  go.mod: {:?}\n  main.go: {:?}\n  real list:      {}\n  predicted list: {}\n  real build:      {:?}\n  predicted build: {:?}",
                    tc.version, case.name, case.go_mod, case.main, r.list, p.list, r.build, p.build
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    let names: Vec<_> = tcs.iter().map(|t| t.version.to_string()).collect();
    println!(
        "godebug_oracle: toolchains {names:?}; {total} checks (tables + grid of {} cases each); agreement {agree}/{total} = {:.1}%",
        grid().len(),
        100.0 * agree as f64 / total.max(1) as f64
    );
    for d in &disagreements {
        println!("DISAGREEMENT {d}");
    }
    assert!(disagreements.is_empty(), "{} disagreements (see stdout)", disagreements.len());
}
