//! `//go:build` lines and the minimum Go version they imply.
//!
//! Semantics of `go/build/constraint.GoVersion` (https://pkg.go.dev/go/build/constraint#GoVersion):
//! `&&` takes the larger of its operands' minimum versions, `||` the smaller, `!x` implies
//! nothing about a minimum, and a tag that is not `go1.N` implies nothing. The analysis is
//! structural, as Go's is (no SAT solving).

/// The first `//go:build` line of a file's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildLine {
    /// 1-based line number.
    pub line: u32,
    /// Byte offset of the `//` that starts the line.
    pub offset: usize,
    /// The expression text after `//go:build`.
    pub expr: String,
    /// The minimum language minor version the expression implies (`22` for go1.22), if any.
    pub min_minor: Option<u32>,
    /// Set when the expression does not parse; Go reports that as a build error.
    pub error: Option<String>,
}

/// Finds the `//go:build` line in the header of a Go file (the lines before the package
/// clause: blank lines and `//` comments). Returns `None` when there is none.
pub fn find_build_line(src: &str) -> Option<BuildLine> {
    let mut offset = 0;
    for (i, raw) in src.split_inclusive('\n').enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']).trim_start_matches('\u{feff}');
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("//go:build") {
            if rest.is_empty() || rest.starts_with([' ', '\t']) {
                let expr = rest.trim().to_string();
                let (min_minor, error) = match min_version(&expr) {
                    Ok(v) => (v, None),
                    Err(e) => (None, Some(e)),
                };
                let lead = raw.len() - raw.trim_start().len();
                return Some(BuildLine { line: i as u32 + 1, offset: offset + lead, expr, min_minor, error });
            }
        }
        if !(t.is_empty() || t.starts_with("//")) {
            return None;
        }
        offset += raw.len();
    }
    None
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    LParen,
    RParen,
    Not,
    And,
    Or,
    Tag(String),
}

fn lex(s: &str) -> Result<Vec<Tok>, String> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' => i += 1,
            b'(' => {
                out.push(Tok::LParen);
                i += 1
            }
            b')' => {
                out.push(Tok::RParen);
                i += 1
            }
            b'!' => {
                out.push(Tok::Not);
                i += 1
            }
            b'&' if b.get(i + 1) == Some(&b'&') => {
                out.push(Tok::And);
                i += 2
            }
            b'|' if b.get(i + 1) == Some(&b'|') => {
                out.push(Tok::Or);
                i += 2
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                    i += 1;
                }
                out.push(Tok::Tag(s[start..i].to_string()));
            }
            _ => return Err(format!("unexpected {:?} in build constraint", s[i..].chars().next().unwrap_or(' '))),
        }
    }
    Ok(out)
}

// Minimum versions use -1 for "no minimum", as go/build/constraint does.
fn and_v(x: i64, y: i64) -> i64 {
    x.max(y)
}
fn or_v(x: i64, y: i64) -> i64 {
    x.min(y)
}

struct P<'a> {
    toks: &'a [Tok],
    pos: usize,
    depth: usize,
}

const MAX_DEPTH: usize = 200;

impl P<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    // Each parse function returns (min version with sign +1, min version with sign -1):
    // the second is what the expression implies when negated.
    fn or(&mut self) -> Result<(i64, i64), String> {
        let mut x = self.and()?;
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            let y = self.and()?;
            x = (or_v(x.0, y.0), and_v(x.1, y.1));
        }
        Ok(x)
    }
    fn and(&mut self) -> Result<(i64, i64), String> {
        let mut x = self.not()?;
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            let y = self.not()?;
            x = (and_v(x.0, y.0), or_v(x.1, y.1));
        }
        Ok(x)
    }
    fn not(&mut self) -> Result<(i64, i64), String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err("build constraint nested too deeply".into());
        }
        let r = match self.toks.get(self.pos).cloned() {
            Some(Tok::Not) => {
                self.pos += 1;
                let (p, n) = self.not()?;
                (n, p)
            }
            Some(Tok::LParen) => {
                self.pos += 1;
                let x = self.or()?;
                if self.peek() != Some(&Tok::RParen) {
                    return Err("missing ) in build constraint".into());
                }
                self.pos += 1;
                x
            }
            Some(Tok::Tag(t)) => {
                self.pos += 1;
                (tag_version(&t), -1)
            }
            _ => return Err("syntax error in build constraint".into()),
        };
        self.depth -= 1;
        Ok(r)
    }
}

fn tag_version(tag: &str) -> i64 {
    if tag == "go1" {
        return 0;
    }
    match tag.strip_prefix("go1.") {
        Some(n) if !n.is_empty() && n.len() < 6 && n.bytes().all(|b| b.is_ascii_digit()) => n.parse().unwrap_or(-1),
        _ => -1,
    }
}

/// The minimum minor version a build expression implies (`Some(22)` for `linux && go1.22`),
/// `None` when it implies none, or an error when it does not parse.
pub fn min_version(expr: &str) -> Result<Option<u32>, String> {
    let toks = lex(expr)?;
    if toks.is_empty() {
        return Err("empty build constraint".into());
    }
    let mut p = P { toks: &toks, pos: 0, depth: 0 };
    let (v, _) = p.or()?;
    if p.pos != toks.len() {
        return Err("unexpected text after build constraint".into());
    }
    Ok(if v < 0 { None } else { Some(v as u32) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_versions_follow_go_build_constraint() {
        let cases = [
            ("go1.22", Some(22)),
            ("linux && go1.21", Some(21)),
            ("go1.18 || go1.22", Some(18)),
            ("!go1.23", None),
            ("linux || (windows && go1.22)", None),
            ("(linux && go1.22) || (windows && go1.20)", Some(20)),
            ("!(!go1.22)", Some(22)),
            ("go1.21 && go1.22", Some(22)),
            ("linux", None),
            ("go1", Some(0)),
        ];
        for (e, want) in cases {
            assert_eq!(min_version(e).unwrap(), want, "{e}");
        }
    }

    #[test]
    fn bad_expressions_are_errors_not_panics() {
        for e in ["", "linux &&", "(go1.22", "a | b", "go1.22)", &"(".repeat(100_000)] {
            assert!(min_version(e).is_err(), "{e:.20}");
        }
    }

    #[test]
    fn finds_the_header_line_only() {
        let src = "// Copyright\n\n//go:build linux && go1.21\n\npackage p\n";
        let b = find_build_line(src).unwrap();
        assert_eq!((b.line, b.min_minor, b.offset), (3, Some(21), 14));
        assert!(find_build_line("package p\n//go:build go1.22\n").is_none());
        assert!(find_build_line("//go:builder x\npackage p").is_none());
    }
}
