//! Syntax colouring by a small hand-written Go lexer: pure, one pass, no parser. It runs on
//! the main thread on every keystroke (well under a millisecond for a 1,000-line file), even
//! over texts that the worker analyses.
//!
//! Output: non-overlapping, sorted token spans with a CSS class each. The classes of
//! keywords, comments, strings/runes, numbers, `true`/`false`/`nil`/`iota` and called
//! builtins agree with a tree-sitter-go walk (`tests/highlight_agreement.rs` checks every
//! fixture and loopvar case). Classes that need the syntax tree are approximated from the
//! neighbouring tokens, and differ from the tree-sitter walk where it knows more:
//! * `tok-fn`: a name followed by `(` (a call or a conversion such as `int(x)`), or the name
//!   after `func`. A method's name is `tok-field`, as tree-sitter-go has it.
//! * `tok-field`: a name after `.` that is not called (`x.f`, `http.StatusOK`); tree-sitter
//!   gives `pkg.Type` in a type position `tok-pkg` + `tok-type`.
//! * `tok-type`: the name after `type` and the predeclared type names (`int`, `string`,
//!   `error`, ...) when not called; tree-sitter also colours user-defined type names in type
//!   positions (parameter lists, composite literals), which a lexer cannot tell apart.
//! * `tok-pkg`: not produced (tree-sitter marks import aliases and qualified type prefixes).
//!
//! Builtins include Go 1.21's `min`, `max` and `clear`.

/// Above this size the editor shows plain text (highlighting stays cheap per keystroke).
pub const MAX_HIGHLIGHT_BYTES: usize = 96 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub class: &'static str,
}

pub const BUILTINS: &[&str] = &[
    "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new",
    "panic", "print", "println", "real", "recover",
];

const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

const PREDECLARED_TYPES: &[&str] = &[
    "any",
    "bool",
    "byte",
    "comparable",
    "complex128",
    "complex64",
    "error",
    "float32",
    "float64",
    "int",
    "int16",
    "int32",
    "int64",
    "int8",
    "rune",
    "string",
    "uint",
    "uint16",
    "uint32",
    "uint64",
    "uint8",
    "uintptr",
];

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The end of a quoted literal starting at `i` (the opening quote `q`): after the closing
/// quote, or at the line end / end of input when unterminated (`"` and `'` cannot span
/// lines; a raw string can).
fn quoted_end(b: &[u8], i: usize, q: u8) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            c if c == q => return j + 1,
            b'\\' if q != b'`' => j += 2,
            b'\n' if q != b'`' => return j,
            _ => j += 1,
        }
    }
    b.len()
}

/// The end of a number literal starting at `i` (a digit, or `.` followed by a digit).
fn number_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    let hex = b.get(i) == Some(&b'0') && matches!(b.get(i + 1), Some(b'x' | b'X'));
    if hex {
        j += 2;
    }
    let is_exp = |c: u8| if hex { matches!(c, b'p' | b'P') } else { matches!(c, b'e' | b'E') };
    while j < b.len() {
        let c = b[j];
        if is_exp(c) {
            j += 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
        } else if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' {
            // Digits, letters (0b/0o prefixes, hex digits, the `i` suffix; a malformed
            // literal stays one token as in Go's scanner), the fraction point.
            if c == b'.' && b.get(j + 1) == Some(&b'.') {
                break; // `1..` never happens in Go, but do not eat a `...`
            }
            j += 1;
        } else {
            break;
        }
    }
    j
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    /// Start of input, an operator or a literal.
    Other,
    /// A `.` (selector).
    Dot,
    /// The keyword `func`.
    Func,
    /// The keyword `type`.
    Type,
    /// The `)` closing a method's receiver: the method name follows.
    Receiver,
}

/// Tokens of `src` (empty above [`MAX_HIGHLIGHT_BYTES`]). One pass, O(n).
pub fn tokens(src: &str) -> Vec<Token> {
    if src.len() > MAX_HIGHLIGHT_BYTES {
        return Vec::new();
    }
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut prev = Prev::Other;
    // Inside a method's receiver list: its paren depth (a method is a `func (` at the start
    // of a line; a function literal's `func(` is not).
    let mut receiver: Option<u32> = None;
    let mut func_at_line_start = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = b[i..].iter().position(|&c| c == b'\n').map_or(b.len(), |p| i + p);
                out.push(Token { start: i, end, class: "tok-comment" });
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = src[i + 2..].find("*/").map_or(b.len(), |p| i + 2 + p + 2);
                out.push(Token { start: i, end, class: "tok-comment" });
                i = end;
            }
            b'"' | b'\'' | b'`' => {
                let end = quoted_end(b, i, c);
                out.push(Token { start: i, end, class: "tok-str" });
                i = end;
                prev = Prev::Other;
            }
            b'0'..=b'9' => {
                let end = number_end(b, i);
                out.push(Token { start: i, end, class: "tok-num" });
                i = end;
                prev = Prev::Other;
            }
            b'.' if b.get(i + 1).is_some_and(u8::is_ascii_digit) && prev != Prev::Dot => {
                let end = number_end(b, i);
                out.push(Token { start: i, end, class: "tok-num" });
                i = end;
                prev = Prev::Other;
            }
            b'.' => {
                let dots = b[i..].iter().take_while(|&&c| c == b'.').count();
                prev = if dots == 1 { Prev::Dot } else { Prev::Other };
                i += dots;
            }
            _ if c.is_ascii() && !c.is_ascii_alphabetic() && c != b'_' => {
                prev = match (c, receiver) {
                    (b'(', None) if prev == Prev::Func && func_at_line_start => {
                        receiver = Some(1);
                        Prev::Other
                    }
                    (b'(', Some(d)) => {
                        receiver = Some(d + 1);
                        Prev::Other
                    }
                    (b')', Some(1)) => {
                        receiver = None;
                        Prev::Receiver
                    }
                    (b')', Some(d)) => {
                        receiver = Some(d - 1);
                        Prev::Other
                    }
                    _ => Prev::Other,
                };
                i += 1;
            }
            _ => {
                // An identifier or keyword (any Unicode letter), or a stray character.
                let rest = &src[i..];
                let Some(first) = rest.chars().next() else { break };
                if !is_ident_start(first) {
                    prev = Prev::Other;
                    i += first.len_utf8();
                    continue;
                }
                let len = rest.find(|ch: char| !is_ident_char(ch)).unwrap_or(rest.len());
                let word = &rest[..len];
                let end = i + len;
                let called = next_significant(b, end) == Some(b'(');
                let class = if prev == Prev::Dot {
                    Some(if called { "tok-fn" } else { "tok-field" })
                } else if KEYWORDS.contains(&word) {
                    Some("tok-kw")
                } else if matches!(word, "true" | "false" | "nil" | "iota") {
                    Some("tok-const")
                } else if prev == Prev::Func {
                    Some("tok-fn")
                } else if prev == Prev::Receiver {
                    // tree-sitter-go names a method `field_identifier`: coloured as a field.
                    Some("tok-field")
                } else if prev == Prev::Type {
                    Some("tok-type")
                } else if called {
                    Some(if BUILTINS.contains(&word) { "tok-builtin" } else { "tok-fn" })
                } else if PREDECLARED_TYPES.contains(&word) {
                    Some("tok-type")
                } else {
                    None
                };
                if let Some(class) = class {
                    out.push(Token { start: i, end, class });
                }
                if word == "func" {
                    func_at_line_start = i == 0 || b[i - 1] == b'\n';
                }
                prev = match word {
                    "func" => Prev::Func,
                    "type" => Prev::Type,
                    _ => Prev::Other,
                };
                i = end;
            }
        }
    }
    out
}

/// The first byte after `i` that is not a space or tab (a call's `(` may follow a space;
/// Go's automatic semicolons end a statement at a line break, so lines are not crossed).
fn next_significant(b: &[u8], i: usize) -> Option<u8> {
    b.get(i..)?.iter().copied().find(|&c| c != b' ' && c != b'\t')
}
