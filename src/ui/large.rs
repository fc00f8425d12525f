//! Limits for huge input in the page, and the messages that say what they leave out. Pure
//! (tested natively by `tests/ui_pure.rs`).
//!
//! * Above [`MAX_DECORATED_BYTES`] the editor is a plain textarea: colours, underlines, line
//!   numbers and gutter markers would cost a DOM node per token and line on every keystroke.
//!   The findings list still works (a click selects the code). The textarea holds only the
//!   lines around the visible part ([`held_lines`]), placed at their height in a scrolling
//!   box as tall as the whole text: Chromium lays out a textarea's whole text on every
//!   keystroke (10.8 s for 10 MB in a bare textarea), so a 10 MB paste froze the tab.
//! * The analyzer reads the first `MAX_ANALYZED_BYTES` (2 MiB) and says so in a note.
//! * A link holds at most [`super::share::MAX_STATE_BYTES`] of state before compression; a local
//!   draft at most [`MAX_DRAFT_BYTES`] (browsers give a page about 5 MB of storage).

pub const MAX_DECORATED_BYTES: usize = 512 * 1024;
/// Lines the plain editor's textarea holds beyond each edge of the visible part.
pub const HELD_MARGIN_LINES: usize = 1000;
/// The held lines move when the visible part comes this close to one of their edges.
pub const HELD_SLACK_LINES: usize = 250;
pub const MAX_DRAFT_BYTES: usize = 2 * 1024 * 1024;
/// The analyzer's limit (`gocompat::analyzer::MAX_ANALYZED_BYTES`), repeated so that this file
/// stays pure; `tests/ui_pure.rs` checks that the two agree.
pub const ANALYZED_BYTES: usize = 2 * 1024 * 1024;

/// The lines `[first, last)` of a text of `lines` lines that the plain editor's textarea
/// holds, when it holds `held` and the lines `[visible.0, visible.1)` are visible (or must
/// be: the caret's, a finding's). Unchanged while the visible lines stay at least
/// [`HELD_SLACK_LINES`] inside (or reach the text's ends); else the visible lines and
/// [`HELD_MARGIN_LINES`] on each side.
pub fn held_lines(held: (usize, usize), visible: (usize, usize), lines: usize) -> (usize, usize) {
    let lines = lines.max(1);
    let (first, last) = (held.0.min(lines - 1), held.1.clamp(1, lines));
    let (vis_first, vis_last) = (visible.0.min(lines - 1), visible.1.clamp(visible.0.min(lines - 1) + 1, lines));
    let room_above = first == 0 || vis_first >= first + HELD_SLACK_LINES;
    let room_below = last == lines || vis_last + HELD_SLACK_LINES <= last;
    if first < last && room_above && room_below {
        return (first, last);
    }
    (vis_first.saturating_sub(HELD_MARGIN_LINES), (vis_last + HELD_MARGIN_LINES).min(lines))
}

/// A size for people: `812 bytes`, `96 KB`, `10.0 MB` (binary units, as the limits are).
pub fn human(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// The note above the editor for text of `bytes` bytes and `lines` lines (above the limit).
pub fn message(bytes: usize, lines: usize) -> String {
    let mut m = format!(
        "Large input: {} in {lines} line{}. Above {} the editor shows plain text, without colours, underlines or line markers, so that typing stays fast; the findings are listed beside it and a click on one selects its code. The text box holds the lines around the part in view (the rest is kept), so Select All, Find and Undo reach those lines only.",
        human(bytes),
        if lines == 1 { "" } else { "s" },
        human(MAX_DECORATED_BYTES),
    );
    if bytes > ANALYZED_BYTES {
        m.push_str(&format!(
            " Only the first {} are analysed: the rest ({}) is kept in the editor but not checked.",
            human(ANALYZED_BYTES),
            human(bytes - ANALYZED_BYTES)
        ));
    }
    m
}

/// Why the draft of `bytes` bytes was not saved, if it is too large to keep.
pub fn draft_too_large(bytes: usize) -> Option<String> {
    (bytes > MAX_DRAFT_BYTES).then(|| {
        format!(
            "Not kept as a draft in this browser: {} is more than the {} a draft may use. The text stays in the editor while this page is open.",
            human(bytes),
            human(MAX_DRAFT_BYTES)
        )
    })
}
