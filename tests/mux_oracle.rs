//! Oracle test for `rules::mux::pattern`: about 1200 cases — pattern pairs, invalid patterns
//! and sequences of 3 to 6 patterns — are registered on a fresh ServeMux by the real Go 1.22 (and 1.23, when installed) toolchains, in one Go
//! program, and the panic value (or "ok") is compared with our parser's and conflict
//! relation's prediction. The "registered at FILE:LINE" locations are normalised.
//! Skipped, with a message, when the toolchains are missing.

use gocompat::rules::mux::pattern::{
    conflict_message, go_quote, parse_pattern, registration_error, Dialect, MuxModel, Pattern,
};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A small deterministic generator (LCG), so the pairs are the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

fn random_pattern(r: &mut Rng, valid_bias: bool) -> String {
    let methods_valid = ["", "", "", "GET ", "GET ", "HEAD ", "POST ", "CONNECT "];
    let methods_odd = ["get ", "GET  ", "GET\t", " ", "GET \t", "/x ", "PO{ST "];
    let hosts_valid = ["", "", "", "", "h.com", "x.org"];
    let hosts_odd = ["{h}", "a{b}.com"];
    let segs_valid = ["a", "b", "x", "y", "{x}", "{y}", "{a}", "{x}", "%61", "a%2Fb"];
    let ends_valid = ["", "/", "/{$}", "/{x...}", "/{r...}", "/{a...}"];
    let segs_odd = ["..", ".", "", "{}", "{1}", "a{b}", "{x", "{$}", "{x...}", "%zz", "{é}", "{x_1}"];
    let odd = !valid_bias && r.next() % 3 == 0;
    let mut s = String::new();
    s.push_str(if odd && r.next() % 3 == 0 { r.pick(&methods_odd) } else { r.pick(&methods_valid) });
    s.push_str(if odd && r.next() % 4 == 0 { r.pick(&hosts_odd) } else { r.pick(&hosts_valid) });
    let n = r.next() % 4;
    if n == 0 {
        s.push('/');
        if r.next() % 3 == 0 {
            s.push_str(if r.next() % 2 == 0 { "{$}" } else { "{x...}" });
        }
        return s;
    }
    for _ in 0..n {
        s.push('/');
        s.push_str(if odd && r.next() % 3 == 0 { r.pick(&segs_odd) } else { r.pick(&segs_valid) });
    }
    s.push_str(r.pick(&ends_valid));
    s
}

fn cases() -> Vec<Vec<String>> {
    let mut out: Vec<(String, String)> = Vec::new();
    // Every pair of a focused set of valid shapes (both orders).
    let focused = [
        "/",
        "/a",
        "/a/",
        "/a/{$}",
        "/{x}",
        "/{x}/",
        "/a/{x}",
        "/{y}/b",
        "/a/b",
        "/{x...}",
        "/a/{x...}",
        "/{$}",
        "GET /",
        "GET /a",
        "HEAD /a",
        "POST /a/{x}",
        "GET /{y}/",
        "h.com/a",
        "h.com/",
        "/%61",
        "/a%2Fb",
        "/a/{y}",
    ];
    for a in focused {
        for b in focused {
            out.push((a.to_string(), b.to_string()));
        }
    }
    let mut r = Rng(0x5eed_1234);
    for k in 0..400 {
        let a = random_pattern(&mut r, k % 2 == 0);
        let b = random_pattern(&mut r, true);
        out.push((a, b));
    }
    // Invalid on their own (rules.md list and edge cases), paired with a harmless pattern.
    for bad in [
        "/files/{name",
        "/files/a{b}",
        "/{x}/{x}",
        "/{p...}/z",
        "/{}",
        "/hello world",
        "GET /a/../b",
        "{h}/x",
        "/{$}/y",
        "/{1x}",
        "example.com",
        "GET example.com",
        "",
        "GET  /x",
        "GET\t/x",
        "GET \t/x",
        " /x",
        "CONNECT /a/../b",
        "GET /a/./",
        "GET //a",
        "/a/{x...}/",
        "/{$x}",
        "/{...}",
        "/{x}.json",
        "POST /{id}/{ID}",
        "GET /a%zz/{x}",
        "/a b/c",
        "GET a.com/{x}/{x}",
    ] {
        out.push((bad.to_string(), "/unrelated".to_string()));
    }
    // Method whitespace: Go 1.22 reads a host " " or "GET\t", Go 1.23 the method GET.
    for (a, b) in [("GET  /x", "GET /x"), ("GET\t/x", "/x"), ("GET \t/x", "GET /x"), ("POST\t\t/{id}", "POST /{x}")] {
        out.push((a.to_string(), b.to_string()));
    }
    let mut cases: Vec<Vec<String>> = out.into_iter().map(|(a, b)| vec![a, b]).collect();
    // Sequences of 3 to 6 valid patterns on one mux: which earlier pattern Go names first.
    let mut r = Rng(0xabcdef);
    for _ in 0..300 {
        let n = 3 + (r.next() % 4) as usize;
        let seq: Vec<String> = (0..n)
            .map(|_| if r.next() % 2 == 0 { r.pick(&focused).to_string() } else { random_pattern(&mut r, true) })
            .collect();
        cases.push(seq);
    }
    cases
}

/// Our prediction, and the other acceptable answers when Go's choice among several
/// conflicting patterns depends on map iteration order (a new pattern with no literal
/// segment is checked against the index's map of buckets, in random order).
fn predict(ps: &[String], d: Dialect) -> (String, Vec<String>) {
    let mut mux = MuxModel::default();
    for (i, p) in ps.iter().enumerate() {
        if let Some(e) = registration_error(p.as_bytes(), d) {
            return (e, vec![]);
        }
        let Ok(pat) = parse_pattern(p.as_bytes(), d) else { unreachable!("parsed") };
        if let Err(k) = mux.register(pat.clone(), i) {
            let ours = conflict_message(&pat, "LOC", &mux.patterns[k].0, "LOC");
            let multi = |q: &Pattern| q.segments.last().is_some_and(|s| s.multi);
            let has_lit = pat.segments.iter().take_while(|s| !s.multi).any(|s| !s.wild);
            let mut also = Vec::new();
            if !has_lit && !multi(&mux.patterns[k].0) {
                for (q, _) in &mux.patterns {
                    if !multi(q) && pat.conflicts_with(q) {
                        also.push(conflict_message(&pat, "LOC", q, "LOC"));
                    }
                }
            }
            return (ours, also);
        }
    }
    ("ok".to_string(), vec![])
}

fn normalise(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("(registered at ") {
        out.push_str(&rest[..i]);
        out.push_str("(registered at LOC)");
        rest = &rest[i..];
        rest = match rest.find(')') {
            Some(j) => &rest[j + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

fn go_program(cases: &[Vec<String>]) -> String {
    let mut s = String::from(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t\"strconv\"\n)\n\nfunc h(http.ResponseWriter, *http.Request) {}\n\nfunc try(ps []string) (res string) {\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\tres = fmt.Sprint(r)\n\t\t}\n\t}()\n\tm := http.NewServeMux()\n\tfor _, p := range ps {\n\t\tm.HandleFunc(p, h)\n\t}\n\treturn \"ok\"\n}\n\nvar cases = [][]string{\n",
    );
    for ps in cases {
        let items: Vec<String> = ps.iter().map(|p| go_quote(p.as_bytes())).collect();
        s.push_str(&format!("\t{{{}}},\n", items.join(", ")));
    }
    s.push_str("}\n\nfunc main() {\n\tfor _, ps := range cases {\n\t\tfmt.Println(strconv.Quote(try(ps)))\n\t}\n}\n");
    s
}

fn run_go(go: &Path, dir: &Path, cache: &Path) -> Result<Vec<String>, String> {
    let out = Command::new(go)
        .args(["run", "."])
        .current_dir(dir)
        .env("GOTOOLCHAIN", "local")
        .env("HOME", dir.join("home"))
        .env("GOPATH", dir.join("gopath"))
        .env("GOCACHE", cache)
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off")
        .env_remove("GODEBUG")
        .env_remove("GOEXPERIMENT")
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect())
}

#[test]
fn pattern_pairs_agree_with_real_servemux() {
    let toolchains =
        [("/usr/lib/go-1.22/bin/go", Dialect::Go122, "1.22"), ("/usr/lib/go-1.23/bin/go", Dialect::Go123, "1.23")];
    if !Path::new(toolchains[0].0).exists() {
        println!("mux_oracle: SKIPPED, {} not found", toolchains[0].0);
        return;
    }
    let cases = cases();
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mux-oracle");
    let _ = std::fs::remove_dir_all(tmp.join("src"));
    let dir = tmp.join("src");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("go.mod"), "module oracle\n\ngo 1.22\n").unwrap();
    std::fs::write(dir.join("main.go"), go_program(&cases)).unwrap();
    let mut failures = Vec::new();
    for (go, dialect, name) in toolchains {
        if !Path::new(go).exists() {
            println!("mux_oracle: go{name} not installed, skipped");
            continue;
        }
        let cache = tmp.join(format!("gocache-{name}"));
        let lines = run_go(Path::new(go), &dir, &cache).unwrap_or_else(|e| panic!("go{name} run failed: {e}"));
        assert_eq!(lines.len(), cases.len(), "go{name} printed a line per case");
        let mut agree = 0;
        let (mut panics, mut conflicts, mut random_order) = (0, 0, 0);
        for (ps, line) in cases.iter().zip(&lines) {
            let real = normalise(line);
            let (ours, also) = predict(ps, dialect);
            let ours = go_quote(ours.as_bytes());
            if real != "\"ok\"" {
                panics += 1;
                if real.contains("conflicts with") {
                    conflicts += 1;
                }
            }
            if real == ours {
                agree += 1;
            } else if also.iter().any(|a| go_quote(a.as_bytes()) == real) {
                // Go's pick among several conflicting patterns is map-order dependent here.
                agree += 1;
                random_order += 1;
            } else {
                failures.push(format!("go{name} {ps:?}:\n  real {real}\n  ours {ours}"));
            }
        }
        if random_order > 0 {
            println!(
                "mux_oracle go{name}: {random_order} cases matched another conflicting pattern (Go walks a map there)"
            );
        }
        println!(
            "mux_oracle go{name}: {agree}/{} cases agree ({:.1}%); {panics} panics, {conflicts} of them conflicts",
            cases.len(),
            100.0 * agree as f64 / cases.len() as f64
        );
    }
    assert!(failures.is_empty(), "{} disagreements:\n{}", failures.len(), failures.join("\n"));
}
