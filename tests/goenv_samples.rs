//! Every file in data/knowledge/goenv-samples/ parses with the expected format, version and
//! OS; every line is accounted for; robustness on garbage, huge, binary and wrong-shape input.

use gocompat::goenv::{self, Options, Status};
use gocompat::GoVersion;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/knowledge/goenv-samples");

fn load(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap()
}

/// (file, format prefix, minor, host os)
const EXPECT: &[(&str, &str, u32, &str)] = &[
    ("darwin-arm64-go1.21.txt", "Unix shell, single quotes", 21, "darwin"),
    ("linux-amd64-go1.15.txt", "Unix shell, double quotes", 15, "linux"),
    ("linux-amd64-go1.22-json.txt", "go env -json", 22, "linux"),
    ("linux-amd64-go1.22.txt", "Unix shell, single quotes", 22, "linux"),
    ("windows-amd64-go1.22.txt", "Windows cmd.exe", 22, "windows"),
];

#[test]
fn samples_detected() {
    let mut seen = 0;
    for entry in std::fs::read_dir(DIR).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        seen += 1;
        let text = load(&name);
        let r = goenv::analyze(&text, &Options::default());
        let nlines = text.lines().count();
        assert_eq!(r.lines.len(), nlines, "{name}: every line accounted for");
        assert!(!r.notes.iter().any(|n| n.starts_with("unrecognised")), "{name}: {:?}", r.notes);
        if let Some((_, fmt, minor, os)) = EXPECT.iter().find(|e| e.0 == name) {
            assert!(r.format.starts_with(fmt), "{name}: format {}", r.format);
            assert_eq!(r.minor, *minor, "{name}: {}", r.inference.minor.basis);
            assert_eq!(r.host_os, *os, "{name}");
            assert!(r.missing.is_empty(), "{name}: missing {:?}", r.missing);
            assert!(r.predicted_fatal.is_none(), "{name}: {:?}", r.predicted_fatal);
            for v in &r.vars {
                let ok = matches!(v.status, Status::Default | Status::Derived)
                    || (name.starts_with("windows") && v.name == "CGO_ENABLED");
                assert!(ok, "{name}: {} is {:?} (default {:?})", v.name, v.status, v.default);
            }
            assert!(r.changed.is_empty(), "{name}: {:?}", r.changed);
        } else {
            assert_eq!(name, "linux-amd64-go1.23-changed.txt", "unexpected sample: add it to EXPECT");
            assert!(r.partial && r.format.contains("partial"), "{}", r.format);
            assert!(r.inference.range.0 <= 23 && 23 <= r.inference.range.1, "{:?}", r.inference.range);
            // This file IS real go1.23.5 `go env -changed` output: the changed view must equal it.
            let o = Options { go_version: Some(GoVersion::parse("1.23.5").unwrap()), ..Default::default() };
            let r = goenv::analyze(&text, &o);
            let names: Vec<&str> = r.changed.iter().map(|c| c.0.as_str()).collect();
            assert_eq!(names, ["GOFLAGS", "GOPRIVATE", "GOTOOLCHAIN"]);
        }
    }
    assert_eq!(seen, 6);
}

#[test]
fn windows_escapes_and_formats() {
    let r = goenv::analyze(
        "C:\\src> go env\nset GOVERSION=go1.22.1\nset GOFLAGS=-ldflags=-X=a^&b 100%%\nset GOHOSTOS=windows\n",
        &Options::default(),
    );
    assert_eq!(r.get("GOFLAGS").unwrap().value, "-ldflags=-X=a&b 100%");
    let r = goenv::analyze("set GOVERSION=go1.20.1\nset GOFLAGS=100%%\n", &Options::default());
    assert_eq!(r.get("GOFLAGS").unwrap().value, "100%%", "no batch escaping before go1.21");
    let r = goenv::analyze(
        "$ go version\ngo version go1.21.4 linux/arm64\n$ go env -changed\nGOFLAGS='-mod=mod'\n",
        &Options::default(),
    );
    assert_eq!(r.minor, 21);
    assert_eq!(r.host_arch, "arm64");
    assert!(r.format.contains("go env -changed"), "{}", r.format);
    let r = goenv::analyze("GOHOSTOS='plan9'\nGOPATH='/usr/glenda/go'\nGOFLAGS='it''s'\n", &Options::default());
    assert!(r.format.starts_with("Plan 9"), "{}", r.format);
    assert_eq!(r.get("GOFLAGS").unwrap().value, "it's");
}

#[test]
fn checks_fire() {
    let paste = "# GO111MODULE=on comes from initModFlag() in load/init.go\nGO111MODULE='yes'\nGOVERSION='go1.22.3'\nGOSUMDB='off'\nGOPROXY='http://proxy.corp,direct,https://x'\nGOFLAGS='-insecure -mod=mod'\nGODEBUG='stackguard=1073741824,gctrace=1,nosuchkey=1'\nGOEXPERIMENT='loopvar,nosuch'\nGOPATH='~/go'\nGOCACHE='off'\nGOAMD64='v5'\nCGO_ENABLED='2'\nGOTOOLCHAIN='local'\n$ go clean -cache -modcache=off\n";
    let o = Options { go_mod: Some("module m\n\ngo 1.23\n".into()), ..Default::default() };
    let r = goenv::analyze(paste, &o);
    let ids: Vec<&str> = r.findings.iter().map(|f| f.id).collect();
    for want in [
        "goenv-go111module-invalid",
        "goenv-gosumdb-off",
        "goenv-goproxy-http",
        "goenv-goproxy-unreachable",
        "goenv-goflags-insecure",
        "goenv-godebug-stackguard",
        "goenv-godebug-unknown-key",
        "goenv-goexperiment-unknown",
        "goenv-goexperiment-loopvar",
        "goenv-gopath-tilde",
        "goenv-gocache-off",
        "goenv-arch-invalid",
        "goenv-cgo-enabled-invalid",
        "goenv-gotoolchain-too-old",
        "goenv-myth-modcache-off",
        "goenv-myth-initmodflag",
    ] {
        assert!(ids.contains(&want), "{want} missing from {ids:?}");
    }
    assert_eq!(
        r.findings.iter().filter(|f| f.id == "goenv-godebug-unknown-key").count(),
        1,
        "gctrace is a runtime key"
    );
    let st = r.findings.iter().find(|f| f.id == "goenv-godebug-stackguard").unwrap();
    assert!(st.message.contains("not a Go setting and does nothing"));
    let fix = r.findings.iter().find(|f| f.id == "goenv-goflags-insecure").unwrap().fix.clone().unwrap();
    assert_eq!(fix.text(), "go env -w GOFLAGS=-mod=mod");
    let f = r.findings.iter().find(|f| f.id == "goenv-go111module-invalid").unwrap();
    assert!(f.why.contains("go: unknown environment setting GO111MODULE=yes"));
    // JSON names variables, id, severity and fix.
    let j = serde_json::to_value(&r).unwrap();
    let f0 = &j["findings"][0];
    assert!(f0["id"].is_string() && f0["severity"].is_string() && f0["vars"].is_array());
    // Missing go.env on 1.21+.
    let r = goenv::analyze("GOVERSION='go1.22.1'\nGOROOT='/opt/go'\nGOOS='linux'\nGOHOSTOS='linux'\nGOTOOLDIR='/opt/go/pkg/tool/linux_amd64'\nGOPROXY=''\nGOSUMDB=''\nGOTOOLCHAIN=''\n", &Options::default());
    assert!(r.findings.iter().any(|f| f.id == "goenv-go-env-missing"), "{:?}", r.findings);
}

#[test]
fn upgrade_view() {
    let text = load("linux-amd64-go1.22.txt");
    let r = goenv::analyze(&text, &Options::default());
    let u = goenv::upgrade::upgrade(19, 23, Some(&r), &text, &Options::default());
    assert!(u.variables.iter().any(|v| v.0 == "GOTOOLCHAIN"));
    assert!(u.defaults.iter().any(|d| d.0 == "CGO_CFLAGS" && d.1 == "-g -O2" && d.2 == "-O2 -g"));
    assert!(u.behaviour.iter().any(|b| b.0 == 22 && b.1.contains("GOPATH-mode")));
    let paste = "GOVERSION='go1.21.0'\nGO111MODULE='off'\n";
    let r = goenv::analyze(paste, &Options::default());
    let u = goenv::upgrade::upgrade(21, 22, Some(&r), paste, &Options::default());
    assert!(u.checks_start.is_empty() && u.checks_stop.is_empty() || !u.behaviour.is_empty());
}

#[test]
fn robustness() {
    let garbage = "hello\nworld ☃\n\u{0}\u{1}\n{\"GOOS\": [1,2]}\n[1,2,3]\n";
    let r = goenv::analyze_bytes(garbage.as_bytes(), &Options::default());
    assert!(r.notes.iter().any(|n| n.contains("no go env variables")), "{:?}", r.notes);
    let mut bin = Vec::new();
    for i in 0..100_000u32 {
        bin.push((i.wrapping_mul(2654435761) >> 13) as u8);
    }
    let r = goenv::analyze_bytes(&bin, &Options::default());
    assert!(r.notes.iter().any(|n| n.contains("binary") || n.contains("UTF-8")));
    let big = "GOFLAGS='x'\n".repeat(1_000_000);
    let t = std::time::Instant::now();
    let r = goenv::analyze_bytes(big.as_bytes(), &Options::default());
    assert!(r.notes[0].contains("only the first"), "{:?}", &r.notes[..1]);
    eprintln!("12 MB input: {:?}", t.elapsed());
    let r = goenv::analyze("{\n\t\"GOOS\": 5,\n\t\"GOARCH\": \"amd64\"\n}\n", &Options::default());
    assert!(r.notes.iter().any(|n| n.contains("GOOS is 5")), "{:?}", r.notes);
    let _ = goenv::analyze("GOVERSION='go1.99.0'\nGOPATH=''\nGOROOT=\nset =x\n'\n\"\n=\n", &Options::default());
    let _ = goenv::analyze("GOVERSION='go1.9'\nGOEXPERIMENT='x'\n", &Options::default());
    // Speed: a full paste resolves quickly (the 5 ms budget is for native release builds;
    // this debug-build bound is generous).
    let text = load("linux-amd64-go1.22.txt");
    let _ = goenv::analyze(&text, &Options::default());
    let t = std::time::Instant::now();
    for _ in 0..20 {
        let _ = goenv::analyze(&text, &Options::default());
    }
    let per = t.elapsed() / 20;
    eprintln!("full paste: {per:?} per analysis (debug build)");
    assert!(per < std::time::Duration::from_millis(50));
}

#[test]
fn toolchain_switch() {
    let o = Options { go_mod: Some("module m\ngo 1.23.1\n".into()), ..Default::default() };
    let r = goenv::analyze("GOVERSION='go1.22.5'\nGOTOOLCHAIN='auto'\nGOPROXY='off'\n", &o);
    let f = r.findings.iter().find(|f| f.id == "goenv-gotoolchain-switch").expect("switch finding");
    assert_eq!(f.severity, goenv::Severity::Error);
    let r = goenv::analyze("GOVERSION='go1.23.5'\nGOTOOLCHAIN='auto'\n", &o);
    assert!(!r.findings.iter().any(|f| f.id.starts_with("goenv-gotoolchain")));
    let r = goenv::analyze("GOVERSION='go1.22.5'\nGOTOOLCHAIN='go1.22.5'\n", &o);
    assert!(r.findings.iter().any(|f| f.id == "goenv-gotoolchain-too-old"));
}
