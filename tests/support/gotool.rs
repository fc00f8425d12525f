//! Running the real Go toolchains as oracles, isolated from the machine: no network, no
//! toolchain switching, private module and build caches.

use std::path::Path;
use std::process::Command;

/// Writes a one-package module into `dir`: `go.mod` (`module <module>` with go line
/// `go_line`) and `main.go` holding `src`.
pub fn write_module(dir: &Path, module: &str, go_line: &str, src: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("go.mod"), format!("module {module}\n\ngo {go_line}\n"))?;
    std::fs::write(dir.join("main.go"), src)
}

/// `go` run in `dir` with `GOTOOLCHAIN=local`, `HOME`, `GOPATH` and `GOCACHE` under
/// `state`, `GOFLAGS=-mod=mod` and `GOPROXY=off`.
pub fn go_command(go: &Path, dir: &Path, state: &Path) -> Command {
    let mut cmd = Command::new(go);
    cmd.current_dir(dir)
        .env("GOTOOLCHAIN", "local")
        .env("HOME", state.join("home"))
        .env("GOPATH", state.join("gopath"))
        .env("GOCACHE", state.join("gocache"))
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off");
    cmd
}

/// Runs `cmd`: its stdout when it succeeds, otherwise its stderr (or why it could not start).
pub fn stdout_or_stderr(cmd: &mut Command) -> Result<String, String> {
    let out = cmd.output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
