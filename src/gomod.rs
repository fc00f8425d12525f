//! The parts of a go.mod (or go.work) file that decide versions: `module`, `go`,
//! `toolchain` and `godebug` (Go 1.23+). Source: https://go.dev/ref/mod#go-mod-file and
//! https://go.dev/doc/godebug. Parsing never fails: problems are collected as notes.

use crate::version::GoVersion;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Located<T> {
    pub value: T,
    /// 1-based line in the go.mod text.
    pub line: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoMod {
    pub module: Option<Located<String>>,
    pub go: Option<Located<GoVersion>>,
    pub toolchain: Option<Located<String>>,
    /// `godebug key=value` entries in order.
    pub godebug: Vec<Located<(String, String)>>,
    /// Lines that could not be understood (line, message).
    pub problems: Vec<Located<String>>,
}

fn strip_comment(line: &str) -> &str {
    // go.mod comments are `//` to end of line; the directives we read never contain `//`
    // inside quotes except module paths, which are not quoted in practice.
    match line.find("//") {
        Some(i) => &line[..i],
        None => line,
    }
}

impl GoMod {
    pub fn parse(text: &str) -> GoMod {
        let mut m = GoMod::default();
        let mut block: Option<String> = None;
        for (i, raw) in text.lines().enumerate() {
            let line_no = i as u32 + 1;
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            if let Some(verb) = &block {
                if line == ")" {
                    block = None;
                    continue;
                }
                if verb == "godebug" {
                    m.add_godebug(line, line_no);
                }
                continue;
            }
            let (verb, rest) = match line.split_once(|c: char| c.is_whitespace()) {
                Some((v, r)) => (v, r.trim()),
                None => (line, ""),
            };
            if rest == "(" {
                block = Some(verb.to_string());
                continue;
            }
            match verb {
                "module" => m.module = Some(Located { value: rest.trim_matches('"').to_string(), line: line_no }),
                "go" => match GoVersion::parse(rest) {
                    Ok(v) => m.go = Some(Located { value: v, line: line_no }),
                    Err(e) => m.problems.push(Located { value: format!("go line: {e}"), line: line_no }),
                },
                "toolchain" => m.toolchain = Some(Located { value: rest.to_string(), line: line_no }),
                "godebug" => m.add_godebug(rest, line_no),
                "require" | "replace" | "exclude" | "retract" | "tool" | "ignore" | "use" => {}
                _ => m.problems.push(Located { value: format!("unknown directive: {verb}"), line: line_no }),
            }
        }
        m
    }

    fn add_godebug(&mut self, entry: &str, line: u32) {
        match entry.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() && !k.contains(char::is_whitespace) => {
                self.godebug.push(Located { value: (k.trim().to_string(), v.trim().to_string()), line })
            }
            _ => self
                .problems
                .push(Located { value: format!("invalid godebug entry {entry:?}: expected key=value"), line }),
        }
    }

    /// The language version of the module: the `go` line, or go1.16 when it is missing
    /// ("If the go directive is missing, go 1.16 is assumed", go.dev/ref/mod).
    pub fn language_version(&self) -> GoVersion {
        self.go.as_ref().map(|g| g.value.language()).unwrap_or(GoVersion::lang(16))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_versions_and_godebug() {
        let m = GoMod::parse(
            "module example.com/x // comment\n\ngo 1.21.3\ntoolchain go1.22.4\n\ngodebug (\n\tpanicnil=1\n\thttpmuxgo121=0 // why\n)\ngodebug tls10server=1\nrequire (\n\tfoo v1.0.0\n)\n",
        );
        assert_eq!(m.module.unwrap().value, "example.com/x");
        let go = m.go.unwrap();
        assert_eq!((go.value.to_string(), go.line), ("go1.21.3".to_string(), 3));
        assert_eq!(m.toolchain.unwrap().value, "go1.22.4");
        let kv: Vec<_> = m.godebug.iter().map(|l| (l.value.0.as_str(), l.value.1.as_str(), l.line)).collect();
        assert_eq!(kv, vec![("panicnil", "1", 7), ("httpmuxgo121", "0", 8), ("tls10server", "1", 10)]);
        assert!(m.problems.is_empty(), "{:?}", m.problems);
    }

    #[test]
    fn missing_go_line_means_go_1_16_and_garbage_is_noted() {
        let m = GoMod::parse("module x\n");
        assert_eq!(m.language_version(), GoVersion::lang(16));
        let bad = GoMod::parse("go banana\nfrobnicate\n");
        assert_eq!(bad.problems.len(), 2);
    }
}
