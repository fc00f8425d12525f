//! `gocompat godebug` end to end: the table, DefaultGODEBUG, errors (exit 1) and --diff.

use std::process::Command;

fn gocompat(args: &[&str]) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_gocompat")).args(args).output().expect("run gocompat");
    (o.status.code().unwrap_or(-1), String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn godebug_subcommand() {
    let dir = std::env::temp_dir().join(format!("gocompat-godebug-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gomod = dir.join("go.mod");
    let main = dir.join("main.go");
    std::fs::write(&gomod, "module m\n\ngo 1.21\n\ngodebug panicnil=0\n").unwrap();
    std::fs::write(&main, "//go:debug httpmuxgo121=0\npackage main\n\nfunc main() {}\n").unwrap();
    let (gm, mf) = (gomod.to_str().unwrap(), main.to_str().unwrap());

    let (code, out) = gocompat(&["godebug", "--go-mod", gm, "--toolchain", "1.23.5", "--env", "panicnil=1", mf]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("DefaultGODEBUG: asynctimerchan=1,gotypesalias=0,httplaxcontentlength=1,httpmuxgo121=0,"),
        "{out}"
    );
    let row = out.lines().find(|l| l.starts_with("panicnil ")).unwrap();
    assert!(
        row.contains(" 1 ") && row.contains("GODEBUG environment") && row.contains("0 from go.mod godebug line 5"),
        "{row}"
    );

    std::fs::write(&main, "//go:debug nosuchsetting=1\npackage main\n").unwrap();
    let (code, out) = gocompat(&["godebug", "--go-mod", gm, "--toolchain", "1.23.5", mf]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error: ./main.go:1:1: invalid //go:debug: unknown //go:debug setting \"nosuchsetting\""),
        "{out}"
    );

    let (code, out) = gocompat(&["godebug", "--diff", "1.21", "1.22"]);
    assert_eq!(code, 0);
    for s in ["httpmuxgo121", "tls10server", "tlsrsakex", "tlsunsafeekm", "httplaxcontentlength", "gotypesalias"] {
        assert!(out.contains(s), "{s} missing from\n{out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
