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
