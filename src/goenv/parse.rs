//! Parsing pasted `go env` output without losing a line.
//!
//! Output formats (src/cmd/go/internal/envcmd/env.go, PrintEnv / printEnvAsJSON; history in
//! goenv-history.md "Output format"):
//! * Unix ≤ 1.20: `NAME="value"`, no escaping.
//! * Unix ≥ 1.21: `NAME='value'`, `'` written as `'\''` (shellQuote, commit f379e78951).
//! * Windows: `set NAME=value`; ≥ 1.21 `%` → `%%` and `^` before `< > | & ^` (batchEscape).
//! * Plan 9: `NAME='value'` with `'` doubled; NUL-separated lists as `NAME=('a' 'b')`.
//! * `go env -json`: a JSON object, sorted keys, tab indents.
//!
//! Every input line becomes a variable, a recognised non-variable line (blank, comment,
//! shell prompt, `go version` output, a go command message, a JSON brace) or an
//! "unrecognised line N" note.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    UnixDouble,
    UnixSingle,
    Plan9,
    Windows,
    Json,
    /// `NAME=value` without quotes (a go env file, `env` output, hand-written).
    Bare,
}

impl Style {
    pub fn describe(self) -> &'static str {
        match self {
            Style::UnixDouble => "Unix shell, double quotes (go1.20 and older)",
            Style::UnixSingle => "Unix shell, single quotes (go1.21 and newer)",
            Style::Plan9 => "Plan 9 rc",
            Style::Windows => "Windows cmd.exe (set NAME=value)",
            Style::Json => "go env -json",
            Style::Bare => "unquoted NAME=value lines (not go env output; e.g. a go env file or `env`)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LineKind {
    Variable {
        name: String,
    },
    Blank,
    Comment,
    /// A shell prompt running a command (`$ go env -json`, `PS C:\> go env`).
    Prompt {
        command: String,
    },
    /// Output of `go version`.
    GoVersion {
        version: String,
        os: String,
        arch: String,
    },
    /// A message printed by the go command (`go: unknown environment setting ...`).
    GoMessage {
        text: String,
    },
    /// `{` / `}` of go env -json.
    JsonBrace,
    /// Continuation of a multi-line quoted value that started on an earlier line.
    Continuation {
        of_line: u32,
    },
    Unrecognised,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Line {
    /// 1-based.
    pub line: u32,
    #[serde(flatten)]
    pub kind: LineKind,
}

#[derive(Debug, Clone, Serialize)]
pub struct Var {
    pub name: String,
    /// Decoded value (quotes and escapes removed).
    pub value: String,
    /// The value as written (Windows values are re-decoded once the version is known).
    #[serde(skip)]
    pub raw: String,
    pub line: u32,
    pub style: Style,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Parsed {
    pub vars: Vec<Var>,
    pub lines: Vec<Line>,
    /// Prompt commands seen (`go env -changed`).
    pub commands: Vec<String>,
    /// `go version` line: (version text, os, arch, line).
    pub go_version_line: Option<(String, String, String, u32)>,
    pub go_messages: Vec<(u32, String)>,
    /// "unrecognised line N: ..." and similar notes.
    pub notes: Vec<String>,
    /// (name, lines) for names set more than once; the last one wins, as in a shell.
    pub duplicates: Vec<(String, Vec<u32>)>,
    pub json_problem: Option<String>,
    /// Text of comment and unrecognised lines (for claim checks), capped.
    pub other_text: Vec<(u32, String)>,
}

const MAX_LINE_NOTE: usize = 120;
const MAX_UNRECOGNISED_NOTES: usize = 50;

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(MAX_LINE_NOTE).collect();
    if s.chars().count() > MAX_LINE_NOTE {
        out.push('…');
    }
    out.chars().map(|c| if c.is_control() && c != '\t' { '�' } else { c }).collect()
}

pub fn is_var_name(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_alphabetic() || b[0] == b'_')
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// Result of decoding the text after `NAME=`.
enum Val {
    Done(String, Style),
    /// Quote not closed on this line.
    Open,
}

/// Decodes a single-quoted shell/rc word: `'a'\''b'` (sh) or `'a''b'` (rc).
fn single_quoted(s: &str) -> Option<(String, bool)> {
    let mut out = String::new();
    let mut plan9 = false;
    let mut chars = s.char_indices().peekable();
    let mut in_q = false;
    while let Some((i, c)) = chars.next() {
        if in_q {
            if c == '\'' {
                if s[i + 1..].starts_with('\'') {
                    // rc doubling: '' inside quotes
                    plan9 = true;
                    out.push('\'');
                    chars.next();
                } else {
                    in_q = false;
                }
            } else {
                out.push(c);
            }
        } else if c == '\'' {
            in_q = true;
        } else if c == '\\' && s[i + 1..].starts_with('\'') {
            out.push('\'');
            chars.next();
        } else {
            return None; // text outside quotes
        }
    }
    if in_q {
        return None;
    }
    Some((out, plan9))
}

fn decode_value(v: &str) -> Val {
    if let Some(r) = v.strip_prefix('"') {
        return match r.strip_suffix('"') {
            Some(inner) => Val::Done(inner.to_string(), Style::UnixDouble),
            None => Val::Open,
        };
    }
    if v.starts_with('\'') {
        return match single_quoted(v) {
            Some((s, plan9)) => Val::Done(s, if plan9 { Style::Plan9 } else { Style::UnixSingle }),
            None => Val::Open,
        };
    }
    if let Some(r) = v.strip_prefix('(') {
        if let Some(inner) = r.strip_suffix(')') {
            // rc list: ('a' 'b') — the go command joins with NUL; we show ':'-free spaces.
            let parts: Vec<String> =
                inner.split(' ').filter(|p| !p.is_empty()).filter_map(|p| single_quoted(p).map(|x| x.0)).collect();
            return Val::Done(parts.join("\u{0}"), Style::Plan9);
        }
    }
    Val::Done(v.to_string(), Style::Bare)
}

/// Undoes batchEscape (go1.21+): `%%` → `%`, `^x` → `x`.
pub fn windows_unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '%' if it.peek() == Some(&'%') => {
                it.next();
                out.push('%');
            }
            '^' if matches!(it.peek(), Some('<' | '>' | '|' | '&' | '^')) => {
                if let Some(n) = it.next() {
                    out.push(n);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Finds a prompt followed by a command (`$ go env`, `PS C:\src> go env -json`,
/// `C:\Users\a>go env`, `alice@box:~/src$ go version`).
fn prompt_command(line: &str) -> Option<String> {
    let t = line.trim();
    let mut search = 0;
    while let Some(off) = t[search..].find("go ") {
        let i = search + off;
        let before = t[..i].trim_end();
        let ok_prefix = before.is_empty()
            || before.ends_with(['$', '%', '>', '#', '❯', '→', ']', '»'])
            || (before.starts_with("PS ") && before.ends_with('>'));
        let word_boundary = i == 0 || !t.as_bytes()[i - 1].is_ascii_alphanumeric();
        if ok_prefix && word_boundary {
            return Some(t[i..].to_string());
        }
        search = i + 3;
    }
    None
}

fn go_version_output(t: &str) -> Option<(String, String, String)> {
    // "go version go1.22.3 linux/amd64", "go version devel go1.23-abc Tue ... linux/amd64"
    let r = t.strip_prefix("go version ")?;
    let words: Vec<&str> = r.split_whitespace().collect();
    let ver = words.iter().find(|w| w.starts_with("go1"))?;
    let platform = words.last()?;
    let (os, arch) = platform.split_once('/')?;
    Some((ver.to_string(), os.to_string(), arch.to_string()))
}

fn is_go_message(t: &str) -> bool {
    t.starts_with("go: ")
        || t.starts_with("warning: go env")
        || t.starts_with("build cache is ")
        || t.starts_with("For more details see: 'go help")
        || t.starts_with("go env: ")
}

pub fn parse(input: &str) -> Parsed {
    let mut p = Parsed::default();
    let lines: Vec<&str> = input.split('\n').collect();
    let n = if input.ends_with('\n') { lines.len() - 1 } else { lines.len() };
    let mut unrecognised = 0usize;
    let mut i = 0;
    let mut in_json = false;
    while i < n {
        let ln = (i + 1) as u32;
        let raw = lines[i].strip_suffix('\r').unwrap_or(lines[i]);
        let t = raw.trim();
        let push = |p: &mut Parsed, kind: LineKind| p.lines.push(Line { line: ln, kind });
        if t.is_empty() {
            push(&mut p, LineKind::Blank);
            i += 1;
            continue;
        }
        let upper4: String = t.chars().take(4).collect::<String>().to_ascii_uppercase();
        if t.starts_with('#') && prompt_command(t).is_none()
            || upper4 == "REM "
            || upper4 == "REM"
            || t.starts_with("::")
        {
            if p.other_text.len() < 200 {
                p.other_text.push((ln, clip(t)));
            }
            push(&mut p, LineKind::Comment);
            i += 1;
            continue;
        }
        if let Some((v, os, arch)) = go_version_output(t) {
            p.go_version_line = Some((v.clone(), os.clone(), arch.clone(), ln));
            push(&mut p, LineKind::GoVersion { version: v, os, arch });
            i += 1;
            continue;
        }
        if is_go_message(t) {
            p.go_messages.push((ln, t.to_string()));
            push(&mut p, LineKind::GoMessage { text: t.to_string() });
            i += 1;
            continue;
        }
        // JSON
        if t == "{" || t == "}" || t == "{}" {
            in_json = t == "{";
            push(&mut p, LineKind::JsonBrace);
            i += 1;
            continue;
        }
        if t.starts_with('{') && t.ends_with('}') {
            // one-line JSON object
            match serde_json::from_str::<serde_json::Value>(t) {
                Ok(serde_json::Value::Object(m)) => {
                    for (k, v) in m {
                        match v {
                            serde_json::Value::String(s) => {
                                p.vars.push(Var { name: k, value: s.clone(), raw: s, line: ln, style: Style::Json })
                            }
                            other => p.notes.push(format!(
                                "line {ln}: JSON value for {k} is {other} (go env -json prints only strings); ignored"
                            )),
                        }
                    }
                    push(&mut p, LineKind::JsonBrace);
                }
                Ok(_) | Err(_) => {
                    p.json_problem = Some(format!("line {ln}: not a JSON object of strings"));
                    unrecognised += 1;
                    note_unrecognised(&mut p, ln, raw, unrecognised);
                    push(&mut p, LineKind::Unrecognised);
                }
            }
            i += 1;
            continue;
        }
        if t.starts_with('"') {
            if let Some((k, v)) = json_member(t) {
                match v {
                    Ok(s) => {
                        p.vars.push(Var { name: k.clone(), value: s.clone(), raw: s, line: ln, style: Style::Json });
                        push(&mut p, LineKind::Variable { name: k });
                    }
                    Err(what) => {
                        p.notes.push(format!(
                            "line {ln}: JSON value for {k} is {what}, but go env -json prints only strings; ignored"
                        ));
                        push(&mut p, LineKind::Unrecognised);
                    }
                }
                i += 1;
                continue;
            }
        }
        let _ = in_json;
        // Windows: set NAME=value
        let lower4 = t.get(..4).map(|s| s.to_ascii_lowercase());
        if lower4.as_deref() == Some("set ") {
            let rest = t[4..].trim_start();
            if let Some((k, v)) = rest.split_once('=') {
                if is_var_name(k) {
                    // Values are not quoted; keep trailing spaces of the raw line out (cmd ignores them rarely).
                    let v = raw.trim_start()[4..].trim_start().split_once('=').map(|x| x.1).unwrap_or(v);
                    p.vars.push(Var {
                        name: k.to_string(),
                        value: v.to_string(),
                        raw: v.to_string(),
                        line: ln,
                        style: Style::Windows,
                    });
                    push(&mut p, LineKind::Variable { name: k.to_string() });
                    i += 1;
                    continue;
                }
            }
        }
        let body = t.strip_prefix("export ").map(str::trim_start).unwrap_or(t);
        if let Some((k, v)) = body.split_once('=') {
            if is_var_name(k) {
                let k = k.to_string();
                let start = i;
                let mut acc = v.to_string();
                let mut j = i;
                let mut result = decode_value(&acc);
                // Multi-line quoted values (a value containing a newline): join up to 64 lines.
                while matches!(result, Val::Open) && j + 1 < n && j - start < 64 {
                    j += 1;
                    acc.push('\n');
                    acc.push_str(lines[j].strip_suffix('\r').unwrap_or(lines[j]));
                    result = decode_value(&acc);
                }
                match result {
                    Val::Done(value, style) => {
                        p.vars.push(Var { name: k.clone(), value, raw: acc.clone(), line: ln, style });
                        push(&mut p, LineKind::Variable { name: k });
                        for c in start + 1..=j {
                            p.lines.push(Line { line: (c + 1) as u32, kind: LineKind::Continuation { of_line: ln } });
                        }
                        i = j + 1;
                    }
                    Val::Open => {
                        p.notes.push(format!(
                            "line {ln}: {k}= has an unclosed quote; the value is kept as written: {}",
                            clip(v)
                        ));
                        p.vars.push(Var {
                            name: k.clone(),
                            value: v.to_string(),
                            raw: v.to_string(),
                            line: ln,
                            style: Style::Bare,
                        });
                        push(&mut p, LineKind::Variable { name: k });
                        i += 1;
                    }
                }
                continue;
            }
        }
        if let Some(cmd) = prompt_command(t) {
            p.commands.push(cmd.clone());
            push(&mut p, LineKind::Prompt { command: cmd });
            i += 1;
            continue;
        }
        unrecognised += 1;
        note_unrecognised(&mut p, ln, raw, unrecognised);
        push(&mut p, LineKind::Unrecognised);
        i += 1;
    }
    if unrecognised > MAX_UNRECOGNISED_NOTES {
        p.notes.push(format!("… {} more unrecognised lines not listed", unrecognised - MAX_UNRECOGNISED_NOTES));
    }
    // Duplicates.
    let mut seen: Vec<(String, Vec<u32>)> = Vec::new();
    for v in &p.vars {
        match seen.iter_mut().find(|(n, _)| *n == v.name) {
            Some((_, ls)) => ls.push(v.line),
            None => seen.push((v.name.clone(), vec![v.line])),
        }
    }
    p.duplicates = seen.into_iter().filter(|(_, l)| l.len() > 1).collect();
    p
}

fn note_unrecognised(p: &mut Parsed, ln: u32, raw: &str, count: usize) {
    if count <= MAX_UNRECOGNISED_NOTES {
        p.notes.push(format!("unrecognised line {ln}: {}", clip(raw.trim())));
    }
}

/// `"NAME": "value",` → (NAME, value or what it is instead).
fn json_member(t: &str) -> Option<(String, Result<String, String>)> {
    let t = t.trim_end_matches(',');
    // key: a JSON string; find its end honouring escapes.
    let b = t.as_bytes();
    let mut i = 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => break,
            _ => i += 1,
        }
    }
    if i >= b.len() {
        return None;
    }
    let key: String = serde_json::from_str(&t[..=i]).ok()?;
    let rest = t[i + 1..].trim_start().strip_prefix(':')?.trim();
    let val = match serde_json::from_str::<serde_json::Value>(rest) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        Ok(other) => Err(clip(&other.to_string())),
        Err(_) => Err(format!("not valid JSON ({})", clip(rest))),
    };
    Some((key, val))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        let p = parse("GOFLAGS='-ldflags=it'\\''s'\nA=\"x y\"\nset B=100%%\nC='a''b'\n");
        assert_eq!(p.vars[0].value, "-ldflags=it's");
        assert_eq!(p.vars[0].style, Style::UnixSingle);
        assert_eq!(p.vars[1].value, "x y");
        assert_eq!(p.vars[2].raw, "100%%");
        assert_eq!(windows_unescape("100%% ^& ^^"), "100% & ^");
        assert_eq!(p.vars[3].value, "a'b");
        assert_eq!(p.vars[3].style, Style::Plan9);
    }

    #[test]
    fn prompts_and_messages() {
        let p = parse("$ go env -json\n{\n\t\"GOOS\": \"linux\",\n\t\"X\": 1\n}\nPS C:\\> go env\ngo version go1.22.3 linux/amd64\nhello there\n");
        assert_eq!(p.commands, vec!["go env -json".to_string(), "go env".to_string()]);
        assert_eq!(p.vars.len(), 1);
        assert!(p.go_version_line.is_some());
        assert!(p.notes.iter().any(|n| n.starts_with("unrecognised line 8")));
        assert!(p.notes.iter().any(|n| n.contains("X is 1")));
        assert_eq!(p.lines.len(), 8);
    }

    #[test]
    fn multiline_and_dupes() {
        let p = parse("A='x\ny'\nB=\"1\"\nB=\"2\"\nC='open\n");
        assert_eq!(p.vars[0].value, "x\ny");
        assert_eq!(p.duplicates, vec![("B".to_string(), vec![3, 4])]);
        assert_eq!(p.lines.len(), 5);
    }
}
