//! `gocompat check [--go-mod FILE] [--from V] [--to V] [--toolchain V] [--format text|json] [--verbose] FILE...`
//!
//! Exit status: 0 no findings, 1 findings, 2 usage or I/O error.

use gocompat::{analyzer, render, Context, GoVersion};

const USAGE: &str = "usage:
  gocompat check [--go-mod FILE] [--from V] [--to V] [--toolchain V] [--format text|json] [--verbose] FILE...
  gocompat rules [--json]   list every rule (id, severity, versions, title)
  gocompat site --out DIR   write the rule pages (DIR/rules/index.html, DIR/rules/<id>.html, style.css)
  gocompat env [--go-version V] [--os OS] [--arch ARCH] [--home DIR] [--goroot DIR] [--go-mod FILE]
               [--upgrade-to V] [--format text|json] [--verbose] [FILE|-]
                            resolve pasted `go env` output (stdin when - or no file)
  gocompat godebug [--go-mod FILE] [--go-work FILE] [--env GODEBUG] [--toolchain V] [--test] [--format text|json] [FILE.go...]
                            every GODEBUG setting: effective value, source, DefaultGODEBUG, go command errors
  gocompat godebug --diff A B
                            GODEBUG defaults that differ between go lines A and B";

pub fn main(args: Vec<String>) -> i32 {
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("env") => env(&args[1..]),
        Some("godebug") => godebug(&args[1..]),
        Some("rules") if args.get(1).is_some_and(|a| a == "--json") => {
            let rules: Vec<_> = gocompat::rules::ALL
                .iter()
                .map(|r| {
                    serde_json::json!({"id": r.id, "title": r.title, "family": r.family,
                        "severity": r.severity.key(), "versions": r.versions, "source": r.sources.first()})
                })
                .collect();
            let checks: Vec<_> = gocompat::goenv::catalog::ALL
                .iter()
                .map(|c| serde_json::json!({"id": c.id, "title": c.title}))
                .collect();
            let v = serde_json::json!({"rules": rules, "goenv_checks": checks});
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".into()));
            0
        }
        Some("rules") => {
            for r in gocompat::rules::ALL.iter() {
                println!("{:<45} {:<16} {:<24} {}", r.id, r.severity.key(), r.versions, r.title);
            }
            0
        }
        Some("site") => site(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            2
        }
    }
}

fn version_arg(flag: &str, v: Option<&String>) -> Result<GoVersion, String> {
    let v = v.ok_or_else(|| format!("{flag} needs a value"))?;
    GoVersion::parse(v).map_err(|e| format!("{flag}: {e}"))
}

fn check(args: &[String]) -> i32 {
    let mut ctx = Context::default();
    let mut json = false;
    let mut verbose = false;
    let mut files = Vec::new();
    let mut it = args.iter();
    let parsed: Result<(), String> = (|| {
        while let Some(a) = it.next() {
            match a.as_str() {
                "--go-mod" => {
                    let f = it.next().ok_or("--go-mod needs a file")?;
                    ctx.go_mod = Some(std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?);
                }
                "--from" => ctx.from = Some(version_arg(a, it.next())?),
                "--to" => ctx.to = Some(version_arg(a, it.next())?),
                "--toolchain" => ctx.toolchain = Some(version_arg(a, it.next())?),
                "--format" => match it.next().map(String::as_str) {
                    Some("json") => json = true,
                    Some("text") => json = false,
                    other => return Err(format!("--format: expected text or json, got {other:?}")),
                },
                "--verbose" | "-v" => verbose = true,
                s if s.starts_with('-') && s != "-" => return Err(format!("unknown flag {s}")),
                _ => files.push(a.clone()),
            }
        }
        if files.is_empty() {
            return Err("no files given".into());
        }
        Ok(())
    })();
    if let Err(e) = parsed {
        eprintln!("gocompat check: {e}\n{USAGE}");
        return 2;
    }
    let mut found = false;
    let mut all_json = Vec::new();
    for f in &files {
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("gocompat check: {f}: {e}");
                return 2;
            }
        };
        let mut fctx = ctx.clone();
        fctx.file_name = std::path::Path::new(f).file_name().map(|n| n.to_string_lossy().into_owned());
        let (text, a) = analyzer::analyze_bytes(&bytes, &fctx);
        found |= !a.diagnostics.is_empty();
        for n in &a.notes {
            eprintln!("{f}: note: {n}");
        }
        if json {
            all_json.extend(render::json_diagnostics(f, &text, &a));
        } else {
            print!("{}", render::text(f, &text, &a, verbose));
        }
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&all_json).unwrap_or_else(|_| "[]".into()));
    }
    i32::from(found)
}

fn env(args: &[String]) -> i32 {
    use gocompat::goenv;
    use std::io::Read;
    let mut opts = goenv::Options::default();
    let mut json = false;
    let mut verbose = false;
    let mut upgrade_to: Option<GoVersion> = None;
    let mut file: Option<String> = None;
    let mut it = args.iter();
    let parsed: Result<(), String> = (|| {
        while let Some(a) = it.next() {
            match a.as_str() {
                "--go-version" => opts.go_version = Some(version_arg(a, it.next())?),
                "--upgrade-to" => upgrade_to = Some(version_arg(a, it.next())?),
                "--os" => opts.os = Some(it.next().ok_or("--os needs a value")?.clone()),
                "--arch" => opts.arch = Some(it.next().ok_or("--arch needs a value")?.clone()),
                "--home" => opts.home = Some(it.next().ok_or("--home needs a value")?.clone()),
                "--goroot" => opts.goroot = Some(it.next().ok_or("--goroot needs a value")?.clone()),
                "--go-mod" => {
                    let f = it.next().ok_or("--go-mod needs a file")?;
                    opts.go_mod = Some(std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?);
                }
                "--format" => match it.next().map(String::as_str) {
                    Some("json") => json = true,
                    Some("text") => json = false,
                    other => return Err(format!("--format: expected text or json, got {other:?}")),
                },
                "--verbose" | "-v" => verbose = true,
                s if s.starts_with('-') && s != "-" => return Err(format!("unknown flag {s}")),
                _ if file.is_some() => return Err("only one input file".into()),
                _ => file = Some(a.clone()),
            }
        }
        Ok(())
    })();
    if let Err(e) = parsed {
        eprintln!("gocompat env: {e}\n{USAGE}");
        return 2;
    }
    let mut bytes = Vec::new();
    let res = match file.as_deref() {
        None | Some("-") => std::io::stdin().take(64 << 20).read_to_end(&mut bytes).map(|_| ()),
        Some(f) => std::fs::File::open(f).and_then(|h| h.take(64 << 20).read_to_end(&mut bytes)).map(|_| ()),
    };
    if let Err(e) = res {
        eprintln!("gocompat env: {}: {e}", file.as_deref().unwrap_or("stdin"));
        return 2;
    }
    let report = goenv::analyze_bytes(&bytes, &opts);
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(goenv::MAX_INPUT)]).into_owned();
    let up = upgrade_to.map(|to| goenv::upgrade::upgrade(report.minor, to.minor, Some(&report), &text, &opts));
    if json {
        let v = serde_json::json!({ "report": &report, "upgrade": &up });
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".into()));
    } else {
        print!("{}", goenv::render_text(&report, verbose));
        if let Some(u) = &up {
            println!("\nupgrade go1.{} -> go1.{}:", u.from, u.to);
            for (n, w) in &u.variables {
                println!("  variable {n}: {w}");
            }
            for (n, a, b) in &u.defaults {
                println!("  default {n}: {a:?} -> {b:?}");
            }
            for (m, b) in &u.behaviour {
                println!("  go1.{m}: {b}");
            }
            for c in &u.checks_start {
                println!("  starts firing: {c}");
            }
            for c in &u.checks_stop {
                println!("  stops firing: {c}");
            }
        }
    }
    i32::from(report.findings.iter().any(|f| f.severity != goenv::Severity::Info))
}

/// `gocompat godebug`: exit 0, 1 when the go command would report errors, 2 usage or I/O error.
fn godebug(args: &[String]) -> i32 {
    use gocompat::godebug::{self as gd, Inputs, SourceFile};
    let mut inputs = Inputs::default();
    let mut json = false;
    let mut diff: Option<(GoVersion, GoVersion)> = None;
    let mut it = args.iter();
    let parsed: Result<(), String> = (|| {
        let read = |f: &String| std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"));
        while let Some(a) = it.next() {
            match a.as_str() {
                "--go-mod" => inputs.go_mod = Some(read(it.next().ok_or("--go-mod needs a file")?)?),
                "--go-work" => inputs.go_work = Some(read(it.next().ok_or("--go-work needs a file")?)?),
                "--env" => inputs.env = Some(it.next().ok_or("--env needs a GODEBUG value")?.clone()),
                "--toolchain" => inputs.toolchain = Some(version_arg(a, it.next())?),
                "--test" => inputs.test = true,
                "--diff" => {
                    let x = version_arg(a, it.next())?;
                    diff = Some((x, version_arg(a, it.next())?));
                }
                "--format" => match it.next().map(String::as_str) {
                    Some("json") => json = true,
                    Some("text") => json = false,
                    other => return Err(format!("--format: expected text or json, got {other:?}")),
                },
                s if s.starts_with('-') => return Err(format!("unknown flag {s}")),
                f => {
                    let name = std::path::Path::new(f).file_name().map(|n| n.to_string_lossy().into_owned());
                    inputs.files.push(SourceFile { name: format!("./{}", name.unwrap_or_default()), text: read(a)? });
                }
            }
        }
        Ok(())
    })();
    if let Err(e) = parsed {
        eprintln!("gocompat godebug: {e}\n{USAGE}");
        return 2;
    }
    if let Some((a, b)) = diff {
        let d = gd::diff_go_lines(a, b);
        if json {
            println!("{}", serde_json::to_string_pretty(&d).unwrap_or_else(|_| "[]".into()));
        } else {
            println!("GODEBUG differences between go {} and go {}:", a.mod_string(), b.mod_string());
            for e in &d {
                let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(new behaviour)".into());
                match e.kind {
                    gd::DiffKind::DefaultChanged => {
                        println!("  {:<28} {} -> {}", e.name, show(&e.from), show(&e.to))
                    }
                    gd::DiffKind::Introduced => println!("  {:<28} added between the two", e.name),
                    gd::DiffKind::Removed => println!("  {:<28} removed between the two", e.name),
                }
            }
        }
        return 0;
    }
    let r = gd::resolve(&inputs);
    if json {
        println!("{}", serde_json::to_string_pretty(&r).unwrap_or_else(|_| "{}".into()));
    } else {
        print!("{}", gd::render_text(&r));
    }
    i32::from(!r.errors.is_empty())
}

/// `gocompat site --out DIR`: writes every page of [`gocompat::site::pages`] below DIR.
fn site(args: &[String]) -> i32 {
    let out = match args {
        [flag, dir] if flag == "--out" => std::path::PathBuf::from(dir),
        _ => {
            eprintln!("gocompat site: expected --out DIR\n{USAGE}");
            return 2;
        }
    };
    // The files of gocompat::site::ASSETS, by their source path.
    const FILES: &[(&str, &str)] =
        &[("www/rules.css", include_str!("../www/rules.css")), ("www/favicon.svg", include_str!("../www/favicon.svg"))];
    let mut pages = gocompat::site::pages();
    for (dest, src) in gocompat::site::ASSETS {
        let Some((_, body)) = FILES.iter().find(|f| f.0 == *src) else {
            eprintln!("gocompat site: {src} is not built into this binary");
            return 2;
        };
        pages.push(gocompat::site::Page { path: dest.to_string(), body: body.to_string() });
    }
    for page in pages {
        let path = out.join(&page.path);
        let written =
            path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, &page.body));
        if let Err(e) = written {
            eprintln!("gocompat site: {}: {e}", path.display());
            return 2;
        }
    }
    0
}
