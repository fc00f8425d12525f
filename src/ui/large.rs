//! Limits for huge input in the page, and the messages that say what they leave out. Pure
//! (tested natively by `tests/ui_pure.rs`).
//!
//! * Above [`MAX_DECORATED_BYTES`] the editor is a plain textarea: colours, underlines, line
//!   numbers and gutter markers would cost a DOM node per token and line on every keystroke.
//!   The findings list still works (a click selects the code).
//! * The analyzer reads the first `MAX_ANALYZED_BYTES` (2 MiB) and says so in a note.
//! * A link holds at most [`super::share::MAX_STATE_BYTES`] of state before compression; a local
//!   draft at most [`MAX_DRAFT_BYTES`] (browsers give a page about 5 MB of storage).

pub const MAX_DECORATED_BYTES: usize = 512 * 1024;
pub const MAX_DRAFT_BYTES: usize = 2 * 1024 * 1024;
/// The analyzer's limit (`gocompat::analyzer::MAX_ANALYZED_BYTES`), repeated so that this file
/// stays pure; `tests/ui_pure.rs` checks that the two agree.
pub const ANALYZED_BYTES: usize = 2 * 1024 * 1024;

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
        "Large input: {} in {lines} line{}. Above {} the editor shows plain text, without colours, underlines or line markers, so that typing stays fast; the findings are listed beside it and a click on one selects its code.",
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
