//! The edit applier with arbitrary edits: never panics; either refuses or produces a text
//! whose length is the arithmetic of the edits, and agrees with a pairwise model.
#![no_main]
use gocompat::diagnostic::EditError;
use gocompat::{apply_edits, apply_fixes, Fix, Span, TextEdit};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

fn offset(u: &mut Unstructured, len: usize) -> Result<usize> {
    Ok(match u.int_in_range(0u8..=9)? {
        0 => u.arbitrary::<usize>()?,
        1 => len + u.int_in_range(0usize..=3)?,
        _ => u.int_in_range(0..=len)?,
    })
}

fn edit(u: &mut Unstructured, len: usize) -> Result<TextEdit> {
    let a = offset(u, len)?;
    let b = if u.ratio(1, 3)? { a } else { offset(u, len)? };
    // Built by hand: `Span::new` would repair start > end.
    let span = if u.ratio(1, 8)? { Span { start: a, end: b } } else { Span::new(a.min(b), a.max(b)) };
    let new_text: String = u.arbitrary()?;
    Ok(TextEdit { span, new_text })
}

/// Independent model: acceptable iff every span is in bounds on char boundaries and no two
/// edits overlap or insert at the same point.
fn acceptable(text: &str, edits: &[TextEdit]) -> bool {
    for e in edits {
        let s = e.span;
        if s.start > s.end || s.end > text.len() || !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return false;
        }
    }
    for (i, a) in edits.iter().enumerate() {
        for b in &edits[i + 1..] {
            let (a, b) = (a.span, b.span);
            if (a.start < b.end && b.start < a.end) || a == b {
                return false;
            }
        }
    }
    true
}

fn expected_len(text: &str, edits: &[TextEdit]) -> usize {
    text.len() - edits.iter().map(|e| e.span.end - e.span.start).sum::<usize>()
        + edits.iter().map(|e| e.new_text.len()).sum::<usize>()
}

fn run(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    let text: String = u.arbitrary()?;
    let n_fixes = u.int_in_range(0usize..=4)?;
    let mut fixes = Vec::new();
    for _ in 0..n_fixes {
        let n = u.int_in_range(0usize..=4)?;
        let mut edits = Vec::new();
        for _ in 0..n {
            edits.push(edit(&mut u, text.len())?);
        }
        fixes.push(Fix::safe("f", edits));
    }
    let all: Vec<TextEdit> = fixes.iter().flat_map(|f| f.edits.iter().cloned()).collect();
    let model = acceptable(&text, &all);
    match apply_edits(&text, &all) {
        Ok(out) => {
            assert!(model, "applied edits the model refuses: {all:?}");
            assert_eq!(out.len(), expected_len(&text, &all));
            // Text outside the edits is kept, in order.
            let mut sorted = all.clone();
            sorted.sort_by_key(|e| (e.span.start, e.span.end));
            let mut at_in = 0;
            let mut at_out = 0;
            for e in &sorted {
                let keep = &text[at_in..e.span.start];
                assert_eq!(&out[at_out..at_out + keep.len()], keep);
                at_out += keep.len();
                assert_eq!(&out[at_out..at_out + e.new_text.len()], e.new_text);
                at_out += e.new_text.len();
                at_in = e.span.end;
            }
            assert_eq!(&out[at_out..], &text[at_in..]);
        }
        Err(e) => {
            assert!(!model, "refused edits the model accepts ({e}): {all:?}");
            let _ = e.to_string();
            if let EditError::OutOfBounds { .. } = e {}
        }
    }
    // Greedy: a fix is taken whole when it fits with those taken before.
    let r = apply_fixes(&text, &fixes);
    let mut taken: Vec<TextEdit> = Vec::new();
    let mut applied = 0;
    for f in &fixes {
        let mut cand = taken.clone();
        cand.extend(f.edits.iter().cloned());
        if acceptable(&text, &cand) {
            taken = cand;
            applied += 1;
        }
    }
    assert_eq!(r.applied, applied);
    assert_eq!(r.skipped, fixes.len() - applied);
    assert_eq!(r.text.len(), expected_len(&text, &taken));
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
