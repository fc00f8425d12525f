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
        // Byte by byte (the page calls this for every keystroke's text): a character's
        // UTF-16 length is counted at its first byte, 2 for a four-byte one, else 1.
        let mut u16 = 0usize;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            match b {
                b'\n' => {
                    u16 += 1;
                    line_starts.push(i + 1);
                    line_starts_utf16.push(u16);
                }
                0x00..=0x7f | 0xc0..=0xef => u16 += 1,
                0xf0..=0xff => u16 += 2,
                _ => {} // continuation bytes
            }
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

    #[test]
    fn span_basics() {
        let a = Span::new(2, 5);
        assert!(a.overlaps(&Span::new(4, 9)) && !a.overlaps(&Span::new(5, 9)));
        assert!(a.contains(2) && !a.contains(5));
        assert_eq!(Span::new(5, 2).len(), 0);
    }
}
