//! Which lines of the code the editor draws (pure; tested natively in `tests/ui_pure.rs`).
//!
//! The textarea holds the whole text, but the highlighted layer under it and the line
//! numbers beside it draw only the lines near the visible part of the scrolling container;
//! the lines above and below are empty padding of the same height. Chromium's layout and
//! paint of every line's block was what made a keystroke slow in a long file (about 40 ms
//! at 1,000 lines and 340 ms at 10,000, with the page's own script at 2–10 ms).
//!
//! The window is cut in chunks of [`CHUNK`] lines with at least [`MARGIN`] lines beyond
//! each edge of the visible part, so scrolling re-renders only when it crosses a chunk and
//! a fast scroll shows drawn lines, not blank ones, before the next render.

/// Lines drawn beyond each edge of the visible part, at least.
pub const MARGIN: usize = 48;
/// The window's edges are multiples of this.
pub const CHUNK: usize = 32;
/// The visible height assumed before the container has reported one (a tall screen).
pub const DEFAULT_VIEW_PX: f64 = 1400.0;

/// The lines `[first, last)` of a text of `lines` lines to draw, when the container is
/// scrolled `scroll_top` pixels down, shows `view_px` pixels, and a line is `line_px` tall
/// (padding above the first line included in `scroll_top`'s origin: `pad_px`).
/// Non-finite or negative inputs are treated as 0 (a layout that reports nonsense draws the top).
pub fn window(scroll_top: f64, view_px: f64, line_px: f64, pad_px: f64, lines: usize) -> (usize, usize) {
    let clean = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
    let line_px = if line_px.is_finite() && line_px >= 1.0 { line_px } else { 21.0 };
    let top = (clean(scroll_top) - clean(pad_px)).max(0.0);
    let view = if clean(view_px) > 0.0 { clean(view_px) } else { DEFAULT_VIEW_PX };
    let first_visible = (top / line_px).floor() as usize;
    let last_visible = ((top + view) / line_px).ceil() as usize;
    let first = first_visible.saturating_sub(MARGIN) / CHUNK * CHUNK;
    let last = last_visible.saturating_add(MARGIN).div_ceil(CHUNK).saturating_mul(CHUNK);
    let last = last.min(lines);
    // Scrolled past the end (the text just shrank): the chunk holding the last line.
    (first.min(last.saturating_sub(1) / CHUNK * CHUNK), last)
}

/// The width of the widest line in columns, tabs expanded to the next multiple of
/// `tab` (as CSS `tab-size` does) and every other character counted as one column. The
/// drawn layer is given at least this width so that the textarea over it is as wide as
/// the widest line even when that line is not drawn.
pub fn max_columns(text: &str, tab: usize) -> usize {
    let tab = tab.max(1);
    // One pass over the bytes (every render of the editor asks): a character is counted at
    // its first byte.
    let (mut widest, mut col) = (0, 0usize);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Eight printable ASCII bytes at once (most code): eight columns.
        if gocompat::span::plain_ascii_word(bytes, i) {
            col += 8;
            i += 8;
            continue;
        }
        let b = bytes[i];
        i += 1;
        match b {
            b'\n' => {
                widest = widest.max(col);
                col = 0;
            }
            b'\t' => col = (col / tab + 1) * tab,
            b'\r' | 0x80..=0xbf => {}
            _ => col += 1,
        }
    }
    widest.max(col)
}
