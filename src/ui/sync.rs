//! Keeps the last analysis' spans on the text while the user types: spans before the edited
//! region stay, spans after it shift, spans touching it are dropped until the next analysis.

/// The edited region: `(prefix, old_end, new_end)`: bytes `prefix..old_end` of `old` became
/// `prefix..new_end` of `new`.
pub fn edit_region(old: &str, new: &str) -> (usize, usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while p > 0 && !(old.is_char_boundary(p) && new.is_char_boundary(p)) {
        p -= 1;
    }
    let max_s = (a.len() - p).min(b.len() - p);
    let mut s = a.iter().rev().zip(b.iter().rev()).take(max_s).take_while(|(x, y)| x == y).count();
    while s > 0 && !(old.is_char_boundary(a.len() - s) && new.is_char_boundary(b.len() - s)) {
        s -= 1;
    }
    (p, a.len() - s, b.len() - s)
}

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
