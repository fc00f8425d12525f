//! Keeps the last analysis' spans on the text while the user types: spans before the edited
//! region stay, spans after it shift, spans touching it are dropped until the next analysis.

pub use gocompat::span::edit_region;

/// Maps a span of `old` onto `new` given [`edit_region`]; `None` when it touches the edit.
pub fn map_span(start: usize, end: usize, region: (usize, usize, usize)) -> Option<(usize, usize)> {
    let (p, old_end, new_end) = region;
    if old_end == p && new_end == p {
        return Some((start, end));
    }
    // Strictly before or after: a span touching the edit (typing at its end) is dropped too.
    if end < p {
        Some((start, end))
    } else if start > old_end {
        let shift = |x: usize| x - old_end + new_end;
        Some((shift(start), shift(end)))
    } else {
        None
    }
}

/// The text a textarea will hold after an input whose `beforeinput` event says
/// `input_type` and `data`, when it holds `code` with the selection `[start, end)` (byte
/// offsets). `None` when that is not certain from the event alone: a composition, a
/// paste or drop (their data is not on the event), a word deletion, an undo, a deletion
/// next to a non-ASCII character (the browser deletes a grapheme, which may be several
/// characters) or next to a carriage return. A wrong guess would only cost an analysis:
/// the page compares the text it then reads with the one it guessed.
pub fn predicted(code: &str, start: usize, end: usize, input_type: &str, data: Option<&str>) -> Option<String> {
    if start > end || end > code.len() || !code.is_char_boundary(start) || !code.is_char_boundary(end) {
        return None;
    }
    let bytes = code.as_bytes();
    let deletable = |at: usize| {
        // One byte, and one character the browser deletes alone: ASCII, not a CR, not the LF of
        // a CRLF, with ASCII (or the text's end) on both sides.
        let plain = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_none_or(|b| b.is_ascii() && *b != b'\r');
        plain(Some(at)) && plain(at.checked_sub(1)) && plain(Some(at + 1))
    };
    let (from, to, insert) = match (input_type, data) {
        ("insertText", Some(d)) if !d.is_empty() && !d.contains('\r') => (start, end, d),
        ("insertLineBreak", _) => (start, end, "\n"),
        ("deleteContentBackward" | "deleteContentForward", _) if start < end => (start, end, ""),
        ("deleteContentBackward", _) if start > 0 && deletable(start - 1) => (start - 1, start, ""),
        ("deleteContentForward", _) if end < code.len() && deletable(end) => (end, end + 1, ""),
        _ => return None,
    };
    let mut out = String::with_capacity(code.len() - (to - from) + insert.len());
    out.push_str(&code[..from]);
    out.push_str(insert);
    out.push_str(&code[to..]);
    Some(out)
}

/// `text` as a textarea holds it: each CRLF and each lone CR made LF (HTML's newline
/// normalization, which a textarea's `value` applies). Code that reaches the editor other
/// than by typing (a link, a draft, an embed's parameter) is kept so, or the textarea's
/// offsets and the app's would disagree by one per carriage return before them.
pub fn textarea_text(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The byte offset in `code` of the UTF-16 offset `utf16` (a textarea's selection), without
/// building a line index on the keystroke's path: the same number while the text before it
/// is ASCII; the end of the text for one past it.
pub fn byte_offset(code: &str, utf16: usize) -> usize {
    let ascii = code.len().min(utf16);
    if code.as_bytes()[..ascii].is_ascii() {
        return ascii;
    }
    let mut u = 0;
    for (i, c) in code.char_indices() {
        if u >= utf16 {
            return i;
        }
        u += c.len_utf16();
    }
    code.len()
}
