//! `//go:` directives of a Go file the way `go/build` collects them (comments before the
//! package clause: `go/build/read.go`, "Extract directives"), and the go command's checks
//! of `//go:debug` lines (`load.ParseGoDebug`, `modload.CheckGodebug`,
//! `work.(*Builder).checkDirectives`) for a given toolchain.
//!
//! Only comments can precede the package clause of a valid file, so a small scanner is
//! enough: white space, `//` comments (collected when they start with `//go:`), `/* */`
//! comments; the first other token ends the scan. A comment on the package line itself is
//! after the clause and is not a directive.

use super::table::{self, Setting};
use crate::version::GoVersion;
use serde::{Deserialize, Serialize};

/// A `//go:` comment before the package clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directive {
    /// The comment text (`//go:debug panicnil=1`), without the line break.
    pub text: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based byte column of the `//`.
    pub column: u32,
}

/// What the scan learned about one file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileDirectives {
    pub directives: Vec<Directive>,
    /// The package name, when a package clause was found.
    pub package: Option<String>,
    /// `//go:debug` lines after the package clause (ignored by the go command; reported by vet).
    pub misplaced_go_debug: Vec<u32>,
}

/// Scans `src` (a whole Go file).
pub fn scan(src: &str) -> FileDirectives {
    let mut out = FileDirectives::default();
    let b = src.as_bytes();
    let mut i = if src.starts_with('\u{feff}') { 3 } else { 0 };
    let mut line = 1u32;
    let mut line_start = 0usize;
    loop {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
            if b[i] == b'\n' {
                line += 1;
                line_start = i + 1;
            }
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i..].starts_with(b"//") {
            let end = b[i..].iter().position(|&c| c == b'\n').map_or(b.len(), |p| i + p);
            let text = src[i..end].trim_end_matches('\r');
            if text.starts_with("//go:") {
                out.directives.push(Directive { text: text.to_string(), line, column: (i - line_start + 1) as u32 });
            }
            i = end;
        } else if b[i..].starts_with(b"/*") {
            let end = src[i + 2..].find("*/").map_or(b.len(), |p| i + 2 + p + 2);
            for (k, &c) in b[i..end].iter().enumerate() {
                if c == b'\n' {
                    line += 1;
                    line_start = i + k + 1;
                }
            }
            i = end;
        } else {
            break;
        }
    }
    // The package clause: `package` NAME.
    if let Some(rest) = src.get(i..).and_then(|r| r.strip_prefix("package")) {
        let name_start = rest.trim_start_matches([' ', '\t']);
        let name: String = name_start.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if rest.len() > name_start.len() && !name.is_empty() {
            out.package = Some(name);
        }
        // Misplaced //go:debug lines (start of a line, after the clause).
        for (l, raw) in (line..).zip(src[i..].split_inclusive('\n')) {
            if raw.trim_start().starts_with("//go:debug") && l > line {
                out.misplaced_go_debug.push(l);
            }
        }
    }
    out
}

/// Why a `//go:debug` line is refused; the text is the go command's.
pub type DirectiveError = String;

/// `load.ParseGoDebug` of toolchain `tc`: `Ok(None)` for a line that is not a `//go:debug`
/// line at all (`ErrNotGoDebug`), `Ok(Some((key, value)))`, or the error text.
pub fn parse_go_debug(text: &str, tc: GoVersion) -> Result<Option<(String, String)>, DirectiveError> {
    let Some(_) = text.strip_prefix("//go:debug") else { return Ok(None) };
    let Some(i) = text.find([' ', '\t']) else {
        if text.trim() == "//go:debug" {
            return Err("missing key=value".into());
        }
        return Ok(None);
    };
    let Some((k, v)) = text[i..].trim().split_once('=') else {
        return Err("missing key=value".into());
    };
    check_godebug("//go:debug setting", k, v, tc)?;
    Ok(Some((k.to_string(), v.to_string())))
}

/// `modload.CheckGodebug` (1.23+; in 1.21 and 1.22 the same checks sit in `ParseGoDebug`
/// without the `default` key). `verb` is `godebug` for go.mod/go.work, `//go:debug setting`
/// for directives.
pub fn check_godebug(verb: &str, k: &str, v: &str, tc: GoVersion) -> Result<(), DirectiveError> {
    if k.contains([' ', '\t']) {
        return Err("key contains space".into());
    }
    if v.contains([' ', '\t']) {
        return Err("value contains space".into());
    }
    if k.contains(',') {
        return Err("key contains comma".into());
    }
    if v.contains(',') {
        return Err("value contains comma".into());
    }
    if k == "default" && tc.minor >= table::GOMOD_GODEBUG_SINCE {
        let ver = v.strip_prefix("go").and_then(|s| GoVersion::parse(s).ok().filter(|_| valid_gover(s)));
        let Some(ver) = ver else {
            return Err("value for default= must be goVERSION".into());
        };
        if ver > local(tc) {
            return Err(format!("default={v} too new (toolchain is {tc})"));
        }
        return Ok(());
    }
    let known = table::settings().iter().find(|s: &&Setting| s.name == k);
    match known {
        Some(s) if s.known_to(tc) => Ok(()),
        Some(s) if s.removed_for(tc) => {
            // Tip: a removed setting is accepted at its final value, refused at its old one.
            if v == s.old_value && !s.old_value.is_empty() {
                let r = s.removed_in.map(|r| r.minor).unwrap_or(0);
                Err(format!("removed GODEBUG {k:?} set to old value {v:?} (https://go.dev/doc/godebug#go-1{r})"))
            } else {
                Ok(())
            }
        }
        _ => Err(format!("unknown {verb} {k:?}")),
    }
}

/// `gover.IsValid`: `1.N`, `1.N.P`, `1.NrcK`, `1.NbetaK` (and `1`, which we do not model).
fn valid_gover(s: &str) -> bool {
    GoVersion::parse(s).is_ok() && !s.starts_with("go")
}

/// The toolchain as `gover.Local()` sees it: without a patch level we take the newest point
/// release of that minor.
fn local(tc: GoVersion) -> GoVersion {
    if tc.patch.is_none() && tc.pre.is_none() {
        GoVersion { patch: Some(u32::MAX), ..tc }
    } else {
        tc
    }
}

/// One error line of `checkDirectives`, as `go build` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectiveProblem {
    pub file: String,
    pub line: u32,
    pub column: u32,
    /// `invalid //go:debug: unknown //go:debug setting "x"` or `repeated //go:debug for k`
    pub message: String,
    /// For a repeated key: where it was first set.
    pub previous: Option<(String, u32, u32)>,
}

impl DirectiveProblem {
    /// The text `go build` prints (`./main.go:1:1: invalid //go:debug: ...`).
    pub fn render(&self) -> String {
        if self.message == CMD_GO_CRASH {
            return self.message.clone();
        }
        let mut s = format!("{}:{}:{}: {}", self.file, self.line, self.column, self.message);
        if let Some((f, l, c)) = &self.previous {
            s.push_str(&format!("\n\t{f}:{l}:{c}: previous //go:debug"));
        }
        s
    }
}

/// What go1.21 and go1.22 print (then a goroutine trace) when `checkDirectives` reports a
/// repeated `//go:debug` key before any invalid one.
pub const CMD_GO_CRASH: &str = "panic: runtime error: invalid memory address or nil pointer dereference";

/// `checkDirectives` over the directives of one package (files in the order the go command
/// reads them: sorted by name). Toolchains before go1.21 do not check anything.
pub fn check_directives(files: &[(&str, &FileDirectives)], tc: GoVersion) -> Vec<DirectiveProblem> {
    let mut out = Vec::new();
    if tc.minor < table::GODEBUG_DIRECTIVES_SINCE {
        return out;
    }
    let mut seen: Vec<(String, String, u32, u32)> = Vec::new();
    for (file, fd) in files {
        for d in &fd.directives {
            if !d.text.starts_with("//go:debug") {
                continue;
            }
            let key = match parse_go_debug(&d.text, tc) {
                Err(e) => {
                    out.push(DirectiveProblem {
                        file: file.to_string(),
                        line: d.line,
                        column: d.column,
                        message: format!("invalid //go:debug: {e}"),
                        previous: None,
                    });
                    continue;
                }
                Ok(Some((k, _))) => k,
                // ErrNotGoDebug (`//go:debugx`) is not skipped: its key is "", so a second
                // such line is "repeated //go:debug for " (verified with go1.22.12).
                Ok(None) => String::new(),
            };
            if let Some((_, f, l, c)) = seen.iter().find(|s| s.0 == key) {
                if out.is_empty() && tc.minor < 23 {
                    // go1.21/go1.22 write this message into a nil *bytes.Buffer when no
                    // invalid line came before: cmd/go crashes (verified with go1.21.13 and
                    // go1.22.12; go1.23 appends to a []byte instead).
                    out.push(DirectiveProblem {
                        file: file.to_string(),
                        line: d.line,
                        column: d.column,
                        message: CMD_GO_CRASH.to_string(),
                        previous: None,
                    });
                    return out;
                }
                out.push(DirectiveProblem {
                    file: file.to_string(),
                    line: d.line,
                    column: d.column,
                    message: format!("repeated //go:debug for {key}"),
                    previous: Some((f.clone(), *l, *c)),
                });
                continue;
            }
            seen.push((key, file.to_string(), d.line, d.column));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> GoVersion {
        GoVersion::parse(s).unwrap()
    }

    #[test]
    fn scans_like_go_build() {
        let src = "// Copyright\n\n//go:build linux\n/* a\nb */ //go:debug panicnil=1\n  //go:debug x=1\npackage main // //go:debug late=1\n//go:debug after=1\n";
        let f = scan(src);
        assert_eq!(f.package.as_deref(), Some("main"));
        let d: Vec<_> = f.directives.iter().map(|d| (d.text.as_str(), d.line, d.column)).collect();
        assert_eq!(d, vec![("//go:build linux", 3, 1), ("//go:debug panicnil=1", 5, 6), ("//go:debug x=1", 6, 3)]);
        assert_eq!(f.misplaced_go_debug, vec![8]);
        assert_eq!(scan("x := 1").package, None);
    }

    #[test]
    fn parse_go_debug_matches_the_go_command() {
        let t = v("1.22.12");
        assert_eq!(parse_go_debug("//go:debug panicnil=1", t), Ok(Some(("panicnil".into(), "1".into()))));
        assert_eq!(parse_go_debug("//go:debugx", t), Ok(None));
        assert_eq!(parse_go_debug("//go:debug", t), Err("missing key=value".into()));
        assert_eq!(parse_go_debug("//go:debug a b=1", t), Err("key contains space".into()));
        assert_eq!(parse_go_debug("//go:debug a=b,c", t), Err("value contains comma".into()));
        assert_eq!(parse_go_debug("//go:debug nosuch=1", t), Err("unknown //go:debug setting \"nosuch\"".into()));
        assert_eq!(
            parse_go_debug("//go:debug default=go1.21", t),
            Err("unknown //go:debug setting \"default\"".into())
        );
        assert!(parse_go_debug("//go:debug default=go1.21", v("1.23.5")).is_ok());
        assert_eq!(
            parse_go_debug("//go:debug default=go1.24", v("1.23.5")),
            Err("default=go1.24 too new (toolchain is go1.23.5)".into())
        );
    }

    #[test]
    fn repeated_keys_and_not_go_debug_lines() {
        let f = scan("//go:debug panicnil=1\n//go:debugx\n//go:debugy\n//go:debug panicnil=0\npackage main\n");
        let p = check_directives(&[("./main.go", &f)], v("1.23.5"));
        let r: Vec<_> = p.iter().map(|p| p.render()).collect();
        assert_eq!(
            r,
            vec![
                "./main.go:3:1: repeated //go:debug for \n\t./main.go:2:1: previous //go:debug",
                "./main.go:4:1: repeated //go:debug for panicnil\n\t./main.go:1:1: previous //go:debug",
            ]
        );
        assert!(check_directives(&[("./main.go", &f)], v("1.20")).is_empty());
        let crash = check_directives(&[("./main.go", &f)], v("1.22.12"));
        assert_eq!(crash.len(), 1);
        assert_eq!(crash[0].render(), CMD_GO_CRASH);
    }
}
