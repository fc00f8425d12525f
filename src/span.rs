//! Byte-offset spans and the conversions the UI and the CLI need.
//!
//! The core works in UTF-8 byte offsets (what tree-sitter gives). Go tools print 1-based
//! line and *byte* column numbers; the browser counts UTF-16 code units (textarea
//! selection, string indices). [`LineIndex`] converts between the three.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end: end.max(start) }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A position as Go tools and the browser want it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column in bytes, as the Go compiler and vet print it.
    pub column: u32,
    /// 0-based column in UTF-16 code units (for editors in the browser).
    pub utf16_column: u32,
    /// 0-based offset from the start of the text in UTF-16 code units.
    pub utf16_offset: u32,
}

/// Line starts of a text, for offset → line/column conversion in O(log lines).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// UTF-16 offset of each line start.
    line_starts_utf16: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        let mut line_starts_utf16 = vec![0];
        // The page calls this for every keystroke's text. Eight bytes at a time while they
        // are ASCII (most code: its wasm is optimised for size, where a byte loop costs about
        // 4 ns a byte), a line starting after each `\n` among them; else one byte, a
        // character's UTF-16 length counted at its first byte, 2 for a four-byte one, else 1.
        let bytes = text.as_bytes();
        let (mut i, mut u16) = (0, 0usize);
        while i < bytes.len() {
            if let Some(w) = word(bytes, i) {
                if w & HIGH_BITS == 0 {
                    // ASCII: byte k is UTF-16 unit `u16 + k`.
                    let mut breaks = byte_mask(w, b'\n');
                    while breaks != 0 {
                        let k = breaks.trailing_zeros() as usize / 8;
                        line_starts.push(i + k + 1);
                        line_starts_utf16.push(u16 + k + 1);
                        breaks &= breaks - 1;
                    }
                    u16 += 8;
                    i += 8;
                    continue;
                }
            }
            match bytes[i] {
                b'\n' => {
                    u16 += 1;
                    line_starts.push(i + 1);
                    line_starts_utf16.push(u16);
                }
                0x00..=0x7f | 0xc0..=0xef => u16 += 1,
                0xf0..=0xff => u16 += 2,
                _ => {} // continuation bytes
            }
            i += 1;
        }
        LineIndex { line_starts, line_starts_utf16 }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte offset where each line starts (line 1 at index 0).
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// Byte offset of the start of 1-based `line` (clamped).
    pub fn line_start(&self, line: u32) -> usize {
        let i = (line.max(1) as usize - 1).min(self.line_starts.len() - 1);
        self.line_starts[i]
    }

    /// Converts a byte offset (clamped to the text and moved back to a char boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let prefix = &text[start..offset];
        let utf16_column: usize = prefix.chars().map(char::len_utf16).sum();
        Position {
            line: line as u32 + 1,
            column: (offset - start) as u32 + 1,
            utf16_column: utf16_column as u32,
            utf16_offset: (self.line_starts_utf16[line] + utf16_column) as u32,
        }
    }

    /// Converts a UTF-16 offset (from the browser) back to a byte offset (clamped).
    pub fn offset_from_utf16(&self, text: &str, utf16: usize) -> usize {
        let line = self.line_starts_utf16.partition_point(|&s| s <= utf16).max(1) - 1;
        let mut u = self.line_starts_utf16[line];
        for (i, c) in text[self.line_starts[line]..].char_indices() {
            if u >= utf16 {
                return self.line_starts[line] + i;
            }
            u += c.len_utf16();
        }
        text.len()
    }
}

/// The eight bytes of `bytes` from `at`, if there are eight.
#[inline]
fn word(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The length of the common prefix of `a` and `b` in bytes, compared eight at a time (the
/// page and the worker compare two keystrokes' texts; a byte loop in their size-optimised
/// wasm took 1.7 ms for 232 KB), cut back to a character boundary of both.
pub fn common_prefix(a: &str, b: &str) -> usize {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let n = x.len().min(y.len());
    let mut i = 0;
    while let (Some(p), Some(q)) = (word(x, i), word(y, i)) {
        if p != q {
            break;
        }
        i += 8;
    }
    while i < n && x[i] == y[i] {
        i += 1;
    }
    while !(a.is_char_boundary(i) && b.is_char_boundary(i)) {
        i -= 1;
    }
    i
}

/// The length of the common suffix of `a` and `b` in bytes, at most `room`, compared eight
/// at a time and cut back to a character boundary of both.
pub fn common_suffix(a: &str, b: &str, room: usize) -> usize {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let room = room.min(x.len()).min(y.len());
    let mut k = 0;
    while k + 8 <= room {
        let (p, q) = (word(x, x.len() - k - 8), word(y, y.len() - k - 8));
        if p != q {
            break;
        }
        k += 8;
    }
    while k < room && x[x.len() - k - 1] == y[y.len() - k - 1] {
        k += 1;
    }
    while !(a.is_char_boundary(a.len() - k) && b.is_char_boundary(b.len() - k)) {
        k -= 1;
    }
    k
}

/// The bytes that differ between `old` and `new`, cut at character boundaries:
/// `(start, old_end, new_end)`: bytes `start..old_end` of `old` became `start..new_end` of
/// `new` (their common prefix and suffix, not overlapping, are the rest).
pub fn edit_region(old: &str, new: &str) -> (usize, usize, usize) {
    let start = common_prefix(old, new);
    let suffix = common_suffix(old, new, (old.len() - start).min(new.len() - start));
    (start, old.len() - suffix, new.len() - suffix)
}

/// Whether the eight bytes of `bytes` from `at` are there and are ASCII from space on
/// (no control character, no line break or tab, nothing of a longer character).
pub fn plain_ascii_word(bytes: &[u8], at: usize) -> bool {
    // With every high bit clear (ASCII), adding 0x60 to each byte carries into no other
    // byte and sets the high bit of exactly those from 0x20 on.
    word(bytes, at).is_some_and(|w| w & HIGH_BITS == 0 && (w + ONES * 0x60) & HIGH_BITS == HIGH_BITS)
}

/// The high bit of exactly those bytes of `w` that are `b` (no carry between bytes).
#[inline]
fn byte_mask(w: u64, b: u8) -> u64 {
    let x = w ^ (ONES * b as u64);
    let low = 0x7f7f_7f7f_7f7f_7f7fu64;
    !(((x & low) + low) | x | low)
}

/// How many `\n` bytes `bytes` holds (eight bytes at a time).
pub fn count_newlines(bytes: &[u8]) -> usize {
    let mut i = 0;
    let mut n = 0;
    while let Some(w) = word(bytes, i) {
        n += byte_mask(w, b'\n').count_ones() as usize;
        i += 8;
    }
    n + bytes[i..].iter().filter(|&&c| c == b'\n').count()
}

/// Whether `a` and `b` are the same text (eight bytes at a time; see [`common_prefix`]).
pub fn same_text(a: &str, b: &str) -> bool {
    a.len() == b.len() && common_prefix(a, b) == a.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_positions() {
        let t = "package main\n\nfunc f() {}\n";
        let li = LineIndex::new(t);
        let p = li.position(t, t.find("func").unwrap());
        assert_eq!((p.line, p.column, p.utf16_column), (3, 1, 0));
        assert_eq!(li.position(t, t.len()).line, 4);
    }

    #[test]
    fn non_ascii_counts_bytes_for_go_and_utf16_for_the_browser() {
        // "中" is 3 UTF-8 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
        let t = "// 中文 😀\nx := 1 // 中\n";
        let li = LineIndex::new(t);
        let x = t.find('x').unwrap();
        let p = li.position(t, x);
        assert_eq!((p.line, p.column, p.utf16_column), (2, 1, 0));
        // "// 中文 😀\n" is 3 + 3 + 3 + 1 + 4 + 1 bytes and 3 + 1 + 1 + 1 + 2 + 1 units.
        assert_eq!(x, 15);
        assert_eq!(p.utf16_offset, 9);
        let one = t.find('1').unwrap();
        let p1 = li.position(t, one);
        assert_eq!((p1.column, p1.utf16_column), (6, 5));
        let after_emoji = t.find('\n').unwrap();
        let pe = li.position(t, after_emoji);
        assert_eq!((pe.column, pe.utf16_column), (15, 8));
        for off in [0, 3, 6, 10, 14, 15, 20, t.len()] {
            let p = li.position(t, off);
            assert_eq!(li.offset_from_utf16(t, p.utf16_offset as usize), off, "offset {off}");
        }
    }

    #[test]
    fn line_starts_count_utf16_units_of_every_width() {
        let t = "a\né\n中\n😀\n\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}\n\nend";
        let li = LineIndex::new(t);
        let mut want = vec![0];
        for (i, c) in t.char_indices().filter(|(_, c)| *c == '\n') {
            let _ = c;
            want.push(t[..=i].encode_utf16().count());
        }
        assert_eq!(li.line_starts_utf16, want);
        assert_eq!(li.line_starts, [0, 2, 5, 9, 14, 34, 35]);
    }

    #[test]
    fn offsets_inside_a_char_are_moved_back_and_clamped() {
        let t = "中";
        let li = LineIndex::new(t);
        assert_eq!(li.position(t, 1).column, 1);
        assert_eq!(li.position(t, 99).column, 4);
        assert_eq!(li.offset_from_utf16(t, 99), 3);
    }

    /// The word-at-a-time loops against byte-by-byte ones, on texts mixing ASCII runs
    /// longer than a word, line breaks, and characters of every UTF-8 width at every
    /// alignment.
    #[test]
    fn word_loops_agree_with_byte_loops() {
        let pieces = ["abcdefghijklmnop", "\n", "x", "é", "中", "😀", "\t", "\r\n", "0123456"];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..400 {
            let mut a = String::new();
            for _ in 0..(next() % 24) {
                a.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            }
            // `b`: `a` with one piece put somewhere, or cut short, or the same.
            let mut b = a.clone();
            let at = (0..=a.len())
                .filter(|&i| a.is_char_boundary(i))
                .nth((next() % (a.chars().count() as u64 + 1)) as usize);
            match (next() % 3, at) {
                (0, Some(at)) => b.insert_str(at, pieces[(next() % pieces.len() as u64) as usize]),
                (1, Some(at)) => b.truncate(at),
                _ => {}
            }
            let bytes = |s: &str| s.bytes().collect::<Vec<_>>();
            let naive_prefix = {
                let mut i = bytes(&a).iter().zip(bytes(&b)).take_while(|(x, y)| **x == *y).count();
                while !(a.is_char_boundary(i) && b.is_char_boundary(i)) {
                    i -= 1;
                }
                i
            };
            assert_eq!(common_prefix(&a, &b), naive_prefix, "{a:?} {b:?}");
            for room in [0, 3, 9, usize::MAX] {
                let mut k =
                    bytes(&a).iter().rev().zip(bytes(&b).iter().rev()).take(room).take_while(|(x, y)| x == y).count();
                while !(a.is_char_boundary(a.len() - k) && b.is_char_boundary(b.len() - k)) {
                    k -= 1;
                }
                assert_eq!(common_suffix(&a, &b, room), k, "{a:?} {b:?} {room}");
            }
            assert_eq!(same_text(&a, &b), a == b);
            assert_eq!(count_newlines(a.as_bytes()), a.matches('\n').count());
            for at in 0..a.len() + 2 {
                let plain = a.as_bytes().get(at..at + 8).is_some_and(|w| w.iter().all(|&c| (0x20..0x80).contains(&c)));
                assert_eq!(plain_ascii_word(a.as_bytes(), at), plain, "{a:?} at {at}");
            }
            let li = LineIndex::new(&a);
            let mut starts = vec![0];
            let mut units = vec![0];
            for (i, c) in a.char_indices().filter(|(_, c)| *c == '\n') {
                starts.push(i + c.len_utf8());
                units.push(a[..=i].encode_utf16().count());
            }
            assert_eq!((li.line_starts, li.line_starts_utf16), (starts, units), "{a:?}");
        }
    }

    #[test]
    fn span_basics() {
        let a = Span::new(2, 5);
        assert!(a.overlaps(&Span::new(4, 9)) && !a.overlaps(&Span::new(5, 9)));
        assert!(a.contains(2) && !a.contains(5));
        assert_eq!(Span::new(5, 2).len(), 0);
    }
}
