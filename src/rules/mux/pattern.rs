//! Go 1.22's ServeMux pattern grammar and precedence relation, ported from
//! `net/http/pattern.go` (go1.22; the go1.23 difference — one or more spaces or tabs after
//! the method — is [`Dialect::Go123`]) and `net/http/routing_index.go`.
//!
//! Everything works on bytes, as Go strings do: a decoded literal such as `"/\xff"` or a
//! segment unescaped from `%ff` need not be UTF-8. Error and conflict texts are Go's own
//! (`parsing "/{x": at offset 1: bad wildcard segment (must end with '}')`), checked
//! against the real toolchains by `tests/mux_oracle.rs`.

use std::fmt::Write as _;

/// Which toolchain's `parsePattern`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Go 1.22: the method ends at the first single space.
    Go122,
    /// Go 1.23+: the method is followed by one or more spaces or tabs.
    Go123,
}

/// A segment of a path pattern (see `segment` in pattern.go).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Literal (unescaped), wildcard name, or `/` for a trailing `{$}`.
    pub s: Vec<u8>,
    pub wild: bool,
    pub multi: bool,
}

/// A parsed pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The original string.
    pub str: Vec<u8>,
    pub method: Vec<u8>,
    pub host: Vec<u8>,
    pub segments: Vec<Segment>,
}

/// A `parsePattern` error: `at offset N: msg`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    pub offset: usize,
    pub msg: String,
}

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.offset == usize::MAX {
            // "empty pattern" is returned before the offset wrapper is installed.
            f.write_str(&self.msg)
        } else {
            write!(f, "at offset {}: {}", self.offset, self.msg)
        }
    }
}

fn err(offset: usize, msg: impl Into<String>) -> PatternError {
    PatternError { offset, msg: msg.into() }
}

/// RFC 7230 `tchar` (httpguts.IsTokenRune).
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// `validMethod`: a non-empty token. Non-ASCII bytes are never token characters.
pub fn valid_method(m: &[u8]) -> bool {
    !m.is_empty() && m.iter().all(|&b| is_token_byte(b))
}

fn index_byte(s: &[u8], b: u8) -> Option<usize> {
    s.iter().position(|&x| x == b)
}

/// `parsePattern` of the given toolchain.
pub fn parse_pattern(s: &[u8], dialect: Dialect) -> Result<Pattern, PatternError> {
    if s.is_empty() {
        return Err(err(usize::MAX, "empty pattern"));
    }
    let (method, mut rest, found): (&[u8], &[u8], bool) = match dialect {
        Dialect::Go122 => match index_byte(s, b' ') {
            Some(i) => (&s[..i], &s[i + 1..], true),
            None => (s, &[], false),
        },
        Dialect::Go123 => match s.iter().position(|&b| b == b' ' || b == b'\t') {
            Some(i) => {
                let r = &s[i + 1..];
                let skip = r.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
                (&s[..i], &r[skip..], true)
            }
            None => (s, &[], false),
        },
    };
    let (method, rest_init) = if found { (method, rest) } else { (&[][..], method) };
    rest = rest_init;
    let mut off = 0usize;
    if !method.is_empty() && !valid_method(method) {
        return Err(err(off, format!("invalid method {}", go_quote(method))));
    }
    if found {
        off = method.len() + 1;
    }
    let Some(i) = index_byte(rest, b'/') else {
        return Err(err(off, "host/path missing /"));
    };
    let host = &rest[..i];
    rest = &rest[i..];
    if let Some(j) = index_byte(host, b'{') {
        off += j;
        return Err(err(off, "host contains '{' (missing initial '/'?)"));
    }
    off += i;
    if !method.is_empty() && method != b"CONNECT" && rest != clean_path(rest).as_slice() {
        return Err(err(off, "non-CONNECT pattern with unclean path can never match"));
    }
    let mut p = Pattern { str: s.to_vec(), method: method.to_vec(), host: host.to_vec(), segments: Vec::new() };
    let mut seen: Vec<&[u8]> = Vec::new();
    while !rest.is_empty() {
        rest = &rest[1..];
        off = s.len() - rest.len();
        if rest.is_empty() {
            p.segments.push(Segment { s: Vec::new(), wild: true, multi: true });
            break;
        }
        let i = index_byte(rest, b'/').unwrap_or(rest.len());
        let seg = &rest[..i];
        rest = &rest[i..];
        match index_byte(seg, b'{') {
            None => p.segments.push(Segment { s: path_unescape(seg), wild: false, multi: false }),
            Some(i) => {
                if i != 0 {
                    return Err(err(off, "bad wildcard segment (must start with '{')"));
                }
                if seg[seg.len() - 1] != b'}' {
                    return Err(err(off, "bad wildcard segment (must end with '}')"));
                }
                // seg is at least "{}" here only if len >= 2; "{" alone ends with '{'.
                let name = &seg[1..seg.len() - 1];
                if name == b"$" {
                    if !rest.is_empty() {
                        return Err(err(off, "{$} not at end"));
                    }
                    p.segments.push(Segment { s: b"/".to_vec(), wild: false, multi: false });
                    break;
                }
                let (name, multi) = match name.strip_suffix(b"...") {
                    Some(n) => (n, true),
                    None => (name, false),
                };
                if multi && !rest.is_empty() {
                    return Err(err(off, "{...} wildcard not at end"));
                }
                if name.is_empty() {
                    return Err(err(off, "empty wildcard"));
                }
                if !is_valid_wildcard_name(name) {
                    return Err(err(off, format!("bad wildcard name {}", go_quote(name))));
                }
                if seen.contains(&name) {
                    return Err(err(off, format!("duplicate wildcard name {}", go_quote(name))));
                }
                seen.push(name);
                p.segments.push(Segment { s: name.to_vec(), wild: true, multi });
            }
        }
    }
    Ok(p)
}

/// The panic value of `ServeMux.Handle(s, h)` for a non-nil handler when the pattern is
/// invalid (`registerErr`), or `None` when it parses.
pub fn registration_error(s: &[u8], dialect: Dialect) -> Option<String> {
    if s.is_empty() {
        return Some("http: invalid pattern".into());
    }
    parse_pattern(s, dialect).err().map(|e| format!("parsing {}: {e}", go_quote(s)))
}

/// Valid Go identifier (unicode.IsLetter / IsDigit approximated by Rust's Unicode tables).
fn is_valid_wildcard_name(s: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(s) else {
        // Go decodes invalid bytes as U+FFFD, which is not a letter.
        return false;
    };
    !s.is_empty() && s.chars().enumerate().all(|(i, c)| c.is_alphabetic() || c == '_' || (i > 0 && is_unicode_digit(c)))
}

/// unicode.IsDigit (Nd); for non-ASCII approximated by `char::is_numeric` (Nd, Nl, No).
fn is_unicode_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
}

fn unhex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// `url.PathUnescape`, or the input unchanged when it is badly escaped.
pub fn path_unescape(seg: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(seg.len());
    let mut i = 0;
    while i < seg.len() {
        if seg[i] == b'%' {
            let hi = seg.get(i + 1).copied().and_then(unhex);
            let lo = seg.get(i + 2).copied().and_then(unhex);
            match (hi, lo) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                }
                _ => return seg.to_vec(),
            }
        } else {
            out.push(seg[i]);
            i += 1;
        }
    }
    out
}

/// `path.Clean` (lexical).
pub fn path_clean(p: &[u8]) -> Vec<u8> {
    if p.is_empty() {
        return b".".to_vec();
    }
    let rooted = p[0] == b'/';
    let n = p.len();
    let mut out: Vec<u8> = Vec::with_capacity(n);
    let (mut r, mut dotdot) = (0, 0);
    if rooted {
        out.push(b'/');
        r = 1;
        dotdot = 1;
    }
    while r < n {
        if p[r] == b'/' || (p[r] == b'.' && (r + 1 == n || p[r + 1] == b'/')) {
            r += 1;
        } else if p[r] == b'.' && p.get(r + 1) == Some(&b'.') && (r + 2 == n || p[r + 2] == b'/') {
            r += 2;
            if out.len() > dotdot {
                let mut w = out.len() - 1;
                while w > dotdot && out[w] != b'/' {
                    w -= 1;
                }
                out.truncate(w);
            } else if !rooted {
                if !out.is_empty() {
                    out.push(b'/');
                }
                out.extend_from_slice(b"..");
                dotdot = out.len();
            }
        } else {
            if (rooted && out.len() != 1) || (!rooted && !out.is_empty()) {
                out.push(b'/');
            }
            while r < n && p[r] != b'/' {
                out.push(p[r]);
                r += 1;
            }
        }
    }
    if out.is_empty() {
        return b".".to_vec();
    }
    out
}

/// `cleanPath` of net/http/server.go.
pub fn clean_path(p: &[u8]) -> Vec<u8> {
    if p.is_empty() {
        return b"/".to_vec();
    }
    let mut q = p.to_vec();
    if q[0] != b'/' {
        q.insert(0, b'/');
    }
    let mut np = path_clean(&q);
    if q[q.len() - 1] == b'/' && np != b"/" {
        np.push(b'/');
    }
    np
}

/// Go's `strconv.Quote` (`%q`): printable runes kept, the rest escaped; invalid UTF-8 bytes
/// as `\xNN`. Printability is approximated: controls, separators other than ' ', and format
/// characters are escaped.
pub fn go_quote(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut rest = s;
    while !rest.is_empty() {
        let (valid, bad) = match std::str::from_utf8(rest) {
            Ok(v) => (v, None),
            Err(e) => {
                // Safe: valid_up_to is a char boundary of a valid prefix.
                let v = std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or("");
                (v, Some(e.valid_up_to()))
            }
        };
        for c in valid.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\x07' => out.push_str("\\a"),
                '\x08' => out.push_str("\\b"),
                '\x0c' => out.push_str("\\f"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\x0b' => out.push_str("\\v"),
                c if is_go_printable(c) => out.push(c),
                c if (c as u32) < 0x80 => {
                    let _ = write!(out, "\\x{:02x}", c as u32);
                }
                c if (c as u32) < 0x10000 => {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                }
                c => {
                    let _ = write!(out, "\\U{:08x}", c as u32);
                }
            }
        }
        match bad {
            None => break,
            Some(at) => {
                let _ = write!(out, "\\x{:02x}", rest[at]);
                rest = &rest[at + 1..];
            }
        }
    }
    out.push('"');
    out
}

fn is_go_printable(c: char) -> bool {
    let u = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    // Format characters (Cf) and private use / noncharacters commonly met.
    !matches!(u,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF | 0xFFFE | 0xFFFF
        | 0xF0000..=0x10FFFF | 0xE0000..=0xE007F)
}

/// How two patterns relate (pattern.go `relationship`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relationship {
    Equivalent,
    MoreGeneral,
    MoreSpecific,
    Disjoint,
    Overlaps,
}

impl Relationship {
    pub fn go_name(self) -> &'static str {
        match self {
            Relationship::Equivalent => "equivalent",
            Relationship::MoreGeneral => "moreGeneral",
            Relationship::MoreSpecific => "moreSpecific",
            Relationship::Disjoint => "disjoint",
            Relationship::Overlaps => "overlaps",
        }
    }
    fn inverse(self) -> Self {
        match self {
            Relationship::MoreSpecific => Relationship::MoreGeneral,
            Relationship::MoreGeneral => Relationship::MoreSpecific,
            r => r,
        }
    }
}

use Relationship::*;

fn combine(r1: Relationship, r2: Relationship) -> Relationship {
    match r1 {
        Equivalent => r2,
        Disjoint => Disjoint,
        Overlaps => {
            if r2 == Disjoint {
                Disjoint
            } else {
                Overlaps
            }
        }
        MoreGeneral | MoreSpecific => {
            if r2 == Equivalent {
                r1
            } else if r2 == r1.inverse() {
                Overlaps
            } else {
                r2
            }
        }
    }
}

fn compare_segments(s1: &Segment, s2: &Segment) -> Relationship {
    if s1.multi && s2.multi {
        return Equivalent;
    }
    if s1.multi {
        return MoreGeneral;
    }
    if s2.multi {
        return MoreSpecific;
    }
    if s1.wild && s2.wild {
        return Equivalent;
    }
    if s1.wild {
        return if s2.s == b"/" { Disjoint } else { MoreGeneral };
    }
    if s2.wild {
        return if s1.s == b"/" { Disjoint } else { MoreSpecific };
    }
    if s1.s == s2.s {
        Equivalent
    } else {
        Disjoint
    }
}

impl Pattern {
    fn last_multi(&self) -> bool {
        self.segments.last().is_some_and(|s| s.multi)
    }

    /// The pattern as Go prints it (`%s`: the original string), lossily as UTF-8.
    pub fn display(&self) -> String {
        String::from_utf8_lossy(&self.str).into_owned()
    }

    /// `conflictsWith`.
    pub fn conflicts_with(&self, p2: &Pattern) -> bool {
        if self.host != p2.host {
            return false;
        }
        let rel = self.compare_paths_and_methods(p2);
        rel == Equivalent || rel == Overlaps
    }

    pub fn compare_paths_and_methods(&self, p2: &Pattern) -> Relationship {
        let mrel = self.compare_methods(p2);
        if mrel == Disjoint {
            return Disjoint;
        }
        combine(mrel, self.compare_paths(p2))
    }

    pub fn compare_methods(&self, p2: &Pattern) -> Relationship {
        if self.method == p2.method {
            return Equivalent;
        }
        if self.method.is_empty() {
            return MoreGeneral;
        }
        if p2.method.is_empty() {
            return MoreSpecific;
        }
        if self.method == b"GET" && p2.method == b"HEAD" {
            return MoreGeneral;
        }
        if p2.method == b"GET" && self.method == b"HEAD" {
            return MoreSpecific;
        }
        Disjoint
    }

    pub fn compare_paths(&self, p2: &Pattern) -> Relationship {
        let (a, b) = (&self.segments, &p2.segments);
        if a.len() != b.len() && !self.last_multi() && !p2.last_multi() {
            return Disjoint;
        }
        let mut rel = Equivalent;
        let n = a.len().min(b.len());
        for k in 0..n {
            rel = combine(rel, compare_segments(&a[k], &b[k]));
            if rel == Disjoint {
                return rel;
            }
        }
        if a.len() == b.len() {
            return rel;
        }
        if a.len() < b.len() && self.last_multi() {
            return combine(rel, MoreGeneral);
        }
        if b.len() < a.len() && p2.last_multi() {
            return combine(rel, MoreSpecific);
        }
        Disjoint
    }
}

fn write_segment(b: &mut Vec<u8>, s: &Segment) {
    b.push(b'/');
    if !s.multi && s.s != b"/" {
        b.extend_from_slice(&s.s);
    }
}

fn common_path(p1: &Pattern, p2: &Pattern) -> Vec<u8> {
    let mut b = Vec::new();
    let n = p1.segments.len().min(p2.segments.len());
    for k in 0..n {
        let s1 = &p1.segments[k];
        if s1.wild {
            write_segment(&mut b, &p2.segments[k]);
        } else {
            write_segment(&mut b, s1);
        }
    }
    for s in p1.segments[n..].iter().chain(&p2.segments[n..]) {
        write_segment(&mut b, s);
    }
    b
}

fn difference_path(p1: &Pattern, p2: &Pattern) -> Vec<u8> {
    let mut b = Vec::new();
    let n = p1.segments.len().min(p2.segments.len());
    for k in 0..n {
        let (s1, s2) = (&p1.segments[k], &p2.segments[k]);
        if s1.multi && s2.multi {
            b.push(b'/');
            return b;
        }
        if s1.multi && !s2.multi {
            b.push(b'/');
            if s2.s == b"/" {
                if !s1.s.is_empty() {
                    b.extend_from_slice(&s1.s);
                } else {
                    b.push(b'x');
                }
            }
            return b;
        }
        // s1 is not multi here; s2.multi implies s2.wild.
        if s2.wild {
            write_segment(&mut b, s1);
        } else if s1.wild {
            if s1.s != s2.s {
                write_segment(&mut b, s1);
            } else {
                b.push(b'/');
                b.extend_from_slice(&s2.s);
                b.push(b'x');
            }
        } else {
            // Both literals; they must be equal (Go panics otherwise).
            write_segment(&mut b, s1);
        }
    }
    for s in p1.segments[n..].iter().chain(&p2.segments[n..]) {
        write_segment(&mut b, s);
    }
    b
}

/// `describeConflict(p1, p2)`.
pub fn describe_conflict(p1: &Pattern, p2: &Pattern) -> String {
    let mrel = p1.compare_methods(p2);
    let prel = p1.compare_paths(p2);
    let rel = combine(mrel, prel);
    let (s1, s2) = (p1.display(), p2.display());
    if rel == Equivalent {
        return format!("{s1} matches the same requests as {s2}");
    }
    if prel == Overlaps {
        return format!(
            "{s1} and {s2} both match some paths, like {}.\nBut neither is more specific than the other.\n{s1} matches {}, but {s2} doesn't.\n{s2} matches {}, but {s1} doesn't.",
            go_quote(&common_path(p1, p2)),
            go_quote(&difference_path(p1, p2)),
            go_quote(&difference_path(p2, p1)),
        );
    }
    if mrel == MoreGeneral && prel == MoreSpecific {
        return format!("{s1} matches more methods than {s2}, but has a more specific path pattern");
    }
    if mrel == MoreSpecific && prel == MoreGeneral {
        return format!("{s1} matches fewer methods than {s2}, but has a more general path pattern");
    }
    format!(
        "bug: unexpected way for two patterns {s1} and {s2} to conflict: methods {}, paths {}",
        mrel.go_name(),
        prel.go_name()
    )
}

/// The panic text of `registerErr` when `new` (registered at `new_loc`) conflicts with the
/// already registered `old`.
pub fn conflict_message(new: &Pattern, new_loc: &str, old: &Pattern, old_loc: &str) -> String {
    format!(
        "pattern {} (registered at {new_loc}) conflicts with pattern {} (registered at {old_loc}):\n{}",
        go_quote(&new.str),
        go_quote(&old.str),
        describe_conflict(new, old)
    )
}

/// A ServeMux's registered patterns, with the candidate order of `routingIndex`, so that
/// the first conflict found is the one Go reports.
#[derive(Debug, Default)]
pub struct MuxModel {
    /// (pattern, caller's index) in registration order.
    pub patterns: Vec<(Pattern, usize)>,
}

impl MuxModel {
    /// Registers `pat`; on conflict returns the index (in `patterns`) of the pattern Go
    /// reports, and does not add `pat` (Go panics instead).
    pub fn register(&mut self, pat: Pattern, tag: usize) -> Result<(), usize> {
        if let Some(k) = self.candidates(&pat).into_iter().find(|&k| pat.conflicts_with(&self.patterns[k].0)) {
            return Err(k);
        }
        self.patterns.push((pat, tag));
        Ok(())
    }

    /// `possiblyConflictingPatterns` order: multis first, then the literal-position bucket
    /// with the fewest entries (literal matches, then wildcards), or every other pattern.
    fn candidates(&self, pat: &Pattern) -> Vec<usize> {
        let multis = (0..self.patterns.len()).filter(|&k| self.patterns[k].0.last_multi());
        let mut out: Vec<usize> = multis.collect();
        let singles: Vec<usize> = (0..self.patterns.len()).filter(|&k| !self.patterns[k].0.last_multi()).collect();
        let at = |pos: usize, lit: Option<&[u8]>| -> Vec<usize> {
            singles
                .iter()
                .copied()
                .filter(|&k| {
                    self.patterns[k].0.segments.get(pos).is_some_and(|s| match lit {
                        Some(l) => !s.wild && s.s == l,
                        None => s.wild,
                    })
                })
                .collect()
        };
        if pat.segments.last().is_some_and(|s| !s.wild && s.s == b"/") {
            out.extend(at(pat.segments.len() - 1, Some(b"/")));
            return out;
        }
        let mut best: Option<(Vec<usize>, Vec<usize>)> = None;
        for (i, seg) in pat.segments.iter().enumerate() {
            if seg.multi {
                break;
            }
            if !seg.wild {
                let (l, w) = (at(i, Some(&seg.s)), at(i, None));
                if best.as_ref().is_none_or(|(bl, bw)| l.len() + w.len() < bl.len() + bw.len()) {
                    best = Some((l, w));
                }
            }
        }
        match best {
            Some((l, w)) => {
                out.extend(l);
                out.extend(w);
            }
            // Go walks a map here (random order); registration order is one of them.
            None => out.extend(singles),
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn perr(s: &str) -> Option<String> {
        registration_error(s.as_bytes(), Dialect::Go122)
    }

    #[test]
    fn panics_listed_in_rules_md() {
        let cases = [
            ("/files/{name", "parsing \"/files/{name\": at offset 7: bad wildcard segment (must end with '}')"),
            ("/files/a{b}", "parsing \"/files/a{b}\": at offset 7: bad wildcard segment (must start with '{')"),
            ("/{x}/{x}", "parsing \"/{x}/{x}\": at offset 5: duplicate wildcard name \"x\""),
            ("/{p...}/z", "parsing \"/{p...}/z\": at offset 1: {...} wildcard not at end"),
            ("/{}", "parsing \"/{}\": at offset 1: empty wildcard"),
            ("/hello world", "parsing \"/hello world\": at offset 0: invalid method \"/hello\""),
            (
                "GET /a/../b",
                "parsing \"GET /a/../b\": at offset 4: non-CONNECT pattern with unclean path can never match",
            ),
            ("{h}/x", "parsing \"{h}/x\": at offset 0: host contains '{' (missing initial '/'?)"),
            ("/{$}/y", "parsing \"/{$}/y\": at offset 1: {$} not at end"),
            ("/{1x}", "parsing \"/{1x}\": at offset 1: bad wildcard name \"1x\""),
            ("example.com", "parsing \"example.com\": at offset 0: host/path missing /"),
            ("GET example.com", "parsing \"GET example.com\": at offset 4: host/path missing /"),
            ("", "http: invalid pattern"),
        ];
        for (p, want) in cases {
            assert_eq!(perr(p).as_deref(), Some(want), "{p}");
        }
        for ok in ["/", "/a/{x}", "GET /a/{$}", "h.com/{rest...}", "CONNECT /a/../b", "/%7Bx%7D", "/a}"] {
            assert_eq!(perr(ok), None, "{ok}");
        }
        assert_eq!(parse_pattern(b"", Dialect::Go122).unwrap_err().to_string(), "empty pattern");
    }

    #[test]
    fn method_whitespace_differs_between_toolchains() {
        let p = parse_pattern(b"GET  /x", Dialect::Go122).unwrap();
        assert_eq!((p.method.as_slice(), p.host.as_slice()), (&b"GET"[..], &b" "[..]));
        let p = parse_pattern(b"GET\t/x", Dialect::Go122).unwrap();
        assert_eq!((p.method.as_slice(), p.host.as_slice()), (&b""[..], &b"GET\t"[..]));
        for s in ["GET  /x", "GET\t/x", "GET \t /x"] {
            let p = parse_pattern(s.as_bytes(), Dialect::Go123).unwrap();
            assert_eq!((p.method.as_slice(), p.host.as_slice()), (&b"GET"[..], &b""[..]), "{s:?}");
        }
    }

    #[test]
    fn conflicts_use_go_text() {
        let p = |s: &str| parse_pattern(s.as_bytes(), Dialect::Go122).unwrap();
        let msg = conflict_message(&p("/{y}/b"), "L2", &p("/a/{x}"), "L1");
        assert_eq!(
            msg,
            "pattern \"/{y}/b\" (registered at L2) conflicts with pattern \"/a/{x}\" (registered at L1):\n/{y}/b and /a/{x} both match some paths, like \"/a/b\".\nBut neither is more specific than the other.\n/{y}/b matches \"/y/b\", but /a/{x} doesn't.\n/a/{x} matches \"/a/x\", but /{y}/b doesn't."
        );
        assert_eq!(
            describe_conflict(&p("/items/{name}"), &p("/items/{id}")),
            "/items/{name} matches the same requests as /items/{id}"
        );
        assert!(!p("GET /x").conflicts_with(&p("/x")));
        assert!(!p("/posts/latest").conflicts_with(&p("/posts/{id}")));
        assert!(!p("h.com/x").conflicts_with(&p("/x")));
        assert_eq!(
            describe_conflict(&p("/a/{x}"), &p("GET /{y}/")),
            "/a/{x} matches more methods than GET /{y}/, but has a more specific path pattern"
        );
    }

    #[test]
    fn random_patterns_never_panic() {
        let alphabet: &[u8] = b"//{}{}.$ %aAG\txy.2\xff\xc3";
        let mut seed = 0x1234_5678_u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let mut parsed = Vec::new();
        for _ in 0..20_000 {
            let len = next() % 14;
            let s: Vec<u8> = (0..len).map(|_| alphabet[next() % alphabet.len()]).collect();
            for d in [Dialect::Go122, Dialect::Go123] {
                let _ = registration_error(&s, d);
                if let Ok(p) = parse_pattern(&s, d) {
                    parsed.push(p);
                }
            }
        }
        let mut mux = MuxModel::default();
        for (k, p) in parsed.iter().enumerate().take(3000) {
            let q = &parsed[(k * 7919) % parsed.len()];
            if p.conflicts_with(q) {
                let _ = conflict_message(p, "a", q, "b");
            }
            let _ = mux.register(p.clone(), k);
        }
        let _ = go_quote(b"\xff\xfe\xc3");
    }

    #[test]
    fn quote_and_clean_match_go() {
        assert_eq!(go_quote(b"a\"b\\\n\t\x01\xff\xc3\xa9"), "\"a\\\"b\\\\\\n\\t\\x01\\xffé\"");
        assert_eq!(clean_path(b"/a/../b"), b"/b");
        assert_eq!(clean_path(b"/a//b/"), b"/a/b/");
        assert_eq!(clean_path(b"/a/./"), b"/a/");
        assert_eq!(path_unescape(b"%61%2Fb"), b"a/b");
        assert_eq!(path_unescape(b"%zz"), b"%zz");
    }
}
