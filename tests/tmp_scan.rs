fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out)
        } else if p.extension().is_some_and(|x| x == "go") {
            out.push(p)
        }
    }
}
#[test]
fn scan() {
    let mut fs = Vec::new();
    for d in ["/usr/share/go-1.22/src/net/http", "/usr/share/go-1.22/src/cmd/go", "/usr/share/go-1.22/src/internal"] {
        files(std::path::Path::new(d), &mut fs);
    }
    for (f, t, tc) in [(21, 22, 22), (22, 22, 22), (21, 21, 22)] {
        let ctx = gocompat::Context {
            from: Some(gocompat::GoVersion::lang(f)),
            to: Some(gocompat::GoVersion::lang(t)),
            toolchain: Some(gocompat::GoVersion::lang(tc)),
            ..Default::default()
        };
        let mut n = std::collections::BTreeMap::new();
        for p in &fs {
            let Ok(s) = std::fs::read_to_string(p) else { continue };
            let a = gocompat::analyze(&s, &ctx);
            for d in a.diagnostics {
                let e = n.entry(d.rule.clone()).or_insert(0);
                *e += 1;
                if d.rule != "range-over-int-modernize" && *e <= 6 {
                    let line = s[..d.span.start].matches('\n').count() + 1;
                    println!(
                        "{f}->{t}: {}:{line}: {}: {}",
                        p.display(),
                        d.rule,
                        d.message.lines().next().unwrap_or("")
                    );
                }
            }
        }
        println!("{f}->{t} tc{tc}: {n:?}");
    }
}
