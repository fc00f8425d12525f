//! The web app's pure modules, run natively: share-link encoding (including hostile links),
//! keeping spans on edited text, and the fix-preview diff. The modules live in `src/ui/`
//! (compiled into the app for wasm32 only) and are included here by path.

#[path = "../src/ui/diff.rs"]
mod diff;
#[path = "../src/ui/large.rs"]
mod large;
#[path = "../src/ui/share.rs"]
mod share;
#[path = "../src/ui/sync.rs"]
mod sync;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use share::{decode, encode, Shared, MAX_STATE_BYTES};

#[test]
fn share_round_trip_keeps_exact_text() {
    let s = Shared {
        code: Some("package main\n// 中 😀\r\n\tx := `a\\b`\n".into()),
        from: Some("1.20".into()),
        mode: Some("env".into()),
        env: Some("GOFLAGS='-mod=mod'\n".into()),
        ..Default::default()
    };
    let f = encode(&s).unwrap();
    assert!(f.starts_with("v=1&mode=env&z="), "{f}");
    assert_eq!(decode(&f).unwrap(), Some(s.clone()));
    assert_eq!(decode(&format!("#{f}")).unwrap(), Some(s));
}

#[test]
fn hostile_links_are_errors_not_panics() {
    assert_eq!(decode("").unwrap(), None);
    assert_eq!(decode("#section-2").unwrap(), None);
    for bad in ["#v=2&z=abc", "#v=1&z=!!!", "#v=1&z=AAAA", "#v=1&z=%%", "#v=1&z=q1YqLs0", "#v=&z="] {
        assert!(decode(bad).is_err(), "{bad}");
    }
    // Valid deflate of something that is not a state.
    let junk = miniz_oxide::deflate::compress_to_vec(b"[1,2,3]", 9);
    assert!(decode(&format!("v=1&z={}", URL_SAFE_NO_PAD.encode(junk))).is_err());
    // A deflate bomb stops at the inflate limit.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 3 * MAX_STATE_BYTES], 9);
    assert!(decode(&format!("v=1&z={}", URL_SAFE_NO_PAD.encode(bomb))).unwrap_err().contains("larger than 1 MB"));
    // Overlong fragments are refused before decoding.
    assert!(decode(&format!("v=1&z={}", "A".repeat(200_000))).is_err());
    // Unknown keys are ignored; `v=1` alone is an empty state.
    assert_eq!(decode("v=1&x=1").unwrap(), Some(Shared::default()));
}

#[test]
fn too_large_states_are_refused_with_a_message() {
    let mut seed: u64 = 7;
    let noise: String = (0..40_000)
        .map(|_| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            char::from(b'a' + (seed >> 59) as u8 % 26)
        })
        .collect();
    let err = encode(&Shared { code: Some(noise), ..Default::default() }).unwrap_err();
    assert!(err.starts_with("Too large to share as a link"), "{err}");
}

#[test]
fn spans_follow_edits() {
    let old = "for i := range 10 {\n}\n// tail x\n";
    // Typing before a span shifts it; typing after leaves it; typing inside drops it.
    let new = "\tfor i := range 10 {\n}\n// tail x\n";
    let r = sync::edit_region(old, new);
    let ten = old.find("10").unwrap();
    assert_eq!(sync::map_span(ten, ten + 2, r), Some((ten + 1, ten + 3)));
    let new2 = "for i := range 10 {\n}\n// tail xy\n";
    assert_eq!(sync::map_span(ten, ten + 2, sync::edit_region(old, new2)), Some((ten, ten + 2)));
    let new3 = "for i := range 100 {\n}\n// tail x\n";
    assert_eq!(sync::map_span(ten, ten + 2, sync::edit_region(old, new3)), None);
    assert_eq!(sync::map_span(ten, ten + 2, sync::edit_region(old, old)), Some((ten, ten + 2)));
    // Multi-byte characters never split.
    let (a, b) = ("x := \"中\"", "x := \"文\"");
    let (p, oe, ne) = sync::edit_region(a, b);
    assert!(a.is_char_boundary(p) && a.is_char_boundary(oe) && b.is_char_boundary(ne));
}

#[test]
fn diff_shows_the_changed_lines_with_context() {
    use diff::Line::*;
    let d = diff::diff("a\nb\nc\nd\ne\nf\n", "a\nb\nc\nD\ne\nf\n");
    assert_eq!(
        d,
        vec![
            Same("b".into()),
            Same("c".into()),
            Removed("d".into()),
            Added("D".into()),
            Same("e".into()),
            Same("f".into())
        ]
    );
    assert_eq!(diff::diff("x", "x"), vec![Same("x".into())]);
}

#[test]
fn huge_states_are_refused_before_compressing() {
    let s = Shared { code: Some("x".repeat(MAX_STATE_BYTES + 1)), ..Default::default() };
    let t0 = std::time::Instant::now();
    let err = encode(&s).unwrap_err();
    assert!(err.starts_with("Too large to share as a link: 1025 KB of text"), "{err}");
    // Refused from its size alone (level-9 deflate of 1 MB takes far longer in a debug build).
    assert!(t0.elapsed() < std::time::Duration::from_secs(1));
}

#[test]
fn the_plain_editor_holds_the_lines_around_the_view() {
    use large::{held_lines, HELD_MARGIN_LINES as M, HELD_SLACK_LINES as S};
    // A short text: all of it.
    assert_eq!(held_lines((0, 0), (0, 40), 10), (0, 10));
    // The first render of a long text: the top.
    assert_eq!(held_lines((0, 0), (0, 40), 470_000), (0, 40 + M));
    // Scrolling inside the held lines keeps them, up to the slack.
    let held = (0, 40 + M);
    assert_eq!(held_lines(held, (300, 340), 470_000), held);
    assert_eq!(held_lines(held, (40 + M - S - 40, 40 + M - S), 470_000), held);
    // Past it: centred on the view again.
    assert_eq!(held_lines(held, (800, 840), 470_000), (0, 840 + M));
    assert_eq!(held_lines(held, (200_000, 200_040), 470_000), (200_000 - M, 200_040 + M));
    // The end of the text, and a text that shrank under the held lines.
    assert_eq!(held_lines((0, 40 + M), (469_990, 470_000), 470_000), (469_990 - M, 470_000));
    assert_eq!(held_lines((5000, 7000), (6000, 6040), 100), (0, 100));
    // A caret line (one visible line) far below: held around it.
    assert_eq!(held_lines(held, (90_000, 90_001), 470_000), (90_000 - M, 90_001 + M));
}

#[test]
fn large_input_messages_say_what_is_left_out() {
    assert_eq!(large::ANALYZED_BYTES, gocompat::analyzer::MAX_ANALYZED_BYTES);
    assert_eq!(large::human(812), "812 bytes");
    assert_eq!(large::human(96 * 1024), "96 KB");
    assert_eq!(large::human(10 * 1024 * 1024 + 5), "10.0 MB");
    let m = large::message(600 * 1024, 1);
    assert!(m.starts_with("Large input: 600 KB in 1 line. Above 512 KB the editor shows plain text"), "{m}");
    assert!(!m.contains("analysed"), "{m}");
    let m = large::message(10 * 1024 * 1024, 844_393);
    assert!(
        m.contains("Only the first 2.0 MB are analysed: the rest (8.0 MB) is kept in the editor but not checked."),
        "{m}"
    );
    assert_eq!(large::draft_too_large(large::MAX_DRAFT_BYTES), None);
    assert!(large::draft_too_large(large::MAX_DRAFT_BYTES + 1).unwrap().starts_with("Not kept as a draft"));
}

#[path = "../src/ui/viewport.rs"]
mod viewport;

#[test]
fn viewport_window_covers_the_visible_lines_with_margin() {
    use viewport::{window, CHUNK, MARGIN};
    // A 10,000-line file scrolled to line 5,000 of a 900 px container (21 px lines, 10 px pad).
    let top = 10.0 + 5000.0 * 21.0;
    let (first, last) = window(top, 900.0, 21.0, 10.0, 10_000);
    let visible_last = 5000 + (900.0f64 / 21.0).ceil() as usize;
    assert!(first <= 5000 - MARGIN && first % CHUNK == 0, "{first}");
    assert!(last >= visible_last + MARGIN && last % CHUNK == 0, "{last}");
    assert!(last - first < 250, "the window stays small: {first}..{last}");
    // The top of the file; a short file is drawn whole.
    assert_eq!(window(0.0, 900.0, 21.0, 10.0, 10_000).0, 0);
    assert_eq!(window(0.0, 900.0, 21.0, 10.0, 30), (0, 30));
    assert_eq!(window(0.0, 900.0, 21.0, 10.0, 1), (0, 1));
    // Scrolled past the end (a text that just shrank): still a valid, non-empty range at the end.
    let (f, l) = window(1e9, 900.0, 21.0, 10.0, 100);
    assert!(f < l && l == 100, "{f}..{l}");
    // Nonsense from layout: the top of the file, never a panic.
    for bad in [f64::NAN, f64::INFINITY, -5.0] {
        let (f, l) = window(bad, bad, bad, bad, 500);
        assert!(f == 0 && l > 0 && l <= 500, "{f}..{l}");
    }
    // Scrolling a few lines inside a chunk keeps the same window (no re-render).
    assert_eq!(window(top, 900.0, 21.0, 10.0, 10_000), window(top + 42.0, 900.0, 21.0, 10.0, 10_000));
}

#[test]
fn viewport_max_columns_expands_tabs_and_counts_chars() {
    use viewport::max_columns;
    assert_eq!(max_columns("", 4), 0);
    assert_eq!(max_columns("ab\nabcdef\r\nxy", 4), 6);
    assert_eq!(max_columns("\tx", 4), 5);
    assert_eq!(max_columns("ab\tx", 4), 5);
    assert_eq!(max_columns("abcd\tx", 4), 9);
    assert_eq!(max_columns("中文😀", 4), 3);
}

#[test]
fn line_starts_for_the_drawn_window() {
    // What `overlay::render` cuts the window with (one past the last line: the text's end).
    assert_eq!(gocompat::LineIndex::new("a\nbc\n").line_starts(), &[0, 2, 5]);
    assert_eq!(gocompat::LineIndex::new("").line_starts(), &[0]);
}

#[test]
fn predicted_text_of_a_beforeinput_event() {
    use sync::predicted;
    let p = |code: &str, s: usize, e: usize, t: &str, d: Option<&str>| predicted(code, s, e, t, d);
    // Typing, with and without a selection; Enter.
    assert_eq!(p("ab", 1, 1, "insertText", Some("x")).as_deref(), Some("axb"));
    assert_eq!(p("abcd", 1, 3, "insertText", Some("中")).as_deref(), Some("a中d"));
    assert_eq!(p("ab", 2, 2, "insertLineBreak", None).as_deref(), Some("ab\n"));
    // Backspace and Delete next to ASCII; a selection goes whatever it holds.
    assert_eq!(p("abc", 2, 2, "deleteContentBackward", None).as_deref(), Some("ac"));
    assert_eq!(p("abc", 1, 1, "deleteContentForward", None).as_deref(), Some("ac"));
    assert_eq!(p("a\nb", 2, 2, "deleteContentBackward", None).as_deref(), Some("ab"));
    assert_eq!(p("a😀b", 1, 5, "deleteContentBackward", None).as_deref(), Some("ab"));
    // At the ends: nothing to delete is no guess (the browser fires no input).
    assert_eq!(p("ab", 0, 0, "deleteContentBackward", None), None);
    assert_eq!(p("ab", 2, 2, "deleteContentForward", None), None);
    // The browser deletes a grapheme: beside non-ASCII text or a CRLF, no guess.
    assert_eq!(p("e\u{301}", 3, 3, "deleteContentBackward", None), None);
    assert_eq!(p("中a", 4, 4, "deleteContentBackward", None), None);
    assert_eq!(p("a\r\nb", 3, 3, "deleteContentBackward", None), None);
    assert_eq!(p("a\r\nb", 1, 1, "deleteContentForward", None), None);
    // Events whose result is not on the event, and offsets that are not the text's.
    for t in ["insertFromPaste", "insertFromDrop", "insertCompositionText", "deleteWordBackward", "historyUndo"] {
        assert_eq!(p("abc", 1, 1, t, Some("x")), None, "{t}");
    }
    assert_eq!(p("abc", 1, 1, "insertText", None), None);
    assert_eq!(p("abc", 1, 1, "insertText", Some("a\r\nb")), None);
    assert_eq!(p("abc", 2, 1, "insertText", Some("x")), None);
    assert_eq!(p("abc", 1, 9, "insertText", Some("x")), None);
    assert_eq!(p("中", 1, 1, "insertText", Some("x")), None);
}

#[test]
fn predicted_text_never_panics_and_splices_exactly() {
    // Every pair of offsets (character boundaries or not) in a text of every UTF-8 width,
    // CRLF and LF included, with every input type the editor may see.
    let code = "a\r\nb\n中😀e\u{301}x\t";
    let types =
        ["insertText", "insertLineBreak", "deleteContentBackward", "deleteContentForward", "insertFromPaste", ""];
    for s in 0..=code.len() + 1 {
        for e in 0..=code.len() + 1 {
            for t in types {
                for d in [None, Some(""), Some("z"), Some("中\n")] {
                    let Some(out) = sync::predicted(code, s, e, t, d) else { continue };
                    // The selection replaced; a deletion removes one range and nothing else.
                    let (p, _, new_end) = sync::edit_region(code, &out);
                    match t {
                        "insertText" => assert_eq!(out, format!("{}{}{}", &code[..s], d.unwrap(), &code[e..])),
                        "insertLineBreak" => assert_eq!(out, format!("{}\n{}", &code[..s], &code[e..])),
                        _ => {
                            assert!(new_end == p, "{t} {s}..{e}: {out:?}");
                            assert_eq!(out.len(), code.len() - if s < e { e - s } else { 1 }, "{t} {s}..{e}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn textarea_text_normalizes_newlines_as_a_textarea_does() {
    assert_eq!(sync::textarea_text("a\r\nb\rc\n\r\n\r".into()), "a\nb\nc\n\n\n");
    assert_eq!(sync::textarea_text("no carriage return: 中\n".into()), "no carriage return: 中\n");
    assert_eq!(sync::textarea_text(String::new()), "");
}

#[test]
fn byte_offset_of_a_utf16_offset_is_the_line_index_one() {
    for code in ["", "package main\n", "a中😀b\r\nc e\u{301}", "ascii then 中"] {
        let li = gocompat::LineIndex::new(code);
        let units: usize = code.chars().map(char::len_utf16).sum();
        for u in 0..=units + 2 {
            assert_eq!(sync::byte_offset(code, u), li.offset_from_utf16(code, u), "{code:?} at {u}");
        }
    }
}

#[path = "../src/ui/route.rs"]
mod route;

#[test]
fn route_small_texts_on_the_page_slow_keystrokes_send_them_to_the_worker_for_a_while() {
    use route::*;
    let mut r = route::Route::default();
    let t = 1_000.0;
    assert!(r.on_page(0, t) && r.on_page(MAX_BYTES, t) && !r.on_page(MAX_BYTES + 1, t));
    // Whole texts (a paste, cold code) never count, however slow.
    for _ in 0..10 {
        r.record(None, 500.0, 30_000, t);
        r.record(Some(KEYSTROKE_BYTES + 1), 500.0, 30_000, t);
    }
    assert!(r.on_page(30_000, t));
    // Slow keystrokes count only in a row: a fast one in between starts again.
    for _ in 0..SLOW_KEYS - 1 {
        r.record(Some(1), BUDGET_MS + 1.0, 30_000, t);
    }
    r.record(Some(1), BUDGET_MS, 30_000, t);
    for _ in 0..SLOW_KEYS - 1 {
        r.record(Some(1), BUDGET_MS + 1.0, 30_000, t);
    }
    assert!(r.on_page(30_000, t));
    r.record(Some(1), BUDGET_MS + 1.0, 30_000, t);
    // Texts this long or longer go to the worker; shorter ones stay.
    assert!(!r.on_page(30_000, t) && !r.on_page(MAX_BYTES, t) && r.on_page(29_999, t));
    // Slow keys in a shorter text lower it further (and start the wait again).
    let t2 = t + RETRY_MS / 2.0;
    for _ in 0..SLOW_KEYS {
        r.record(Some(1), BUDGET_MS + 1.0, 10_000, t2);
    }
    assert!(r.on_page(9_999, t2) && !r.on_page(10_000, t2));
    assert!(!r.on_page(10_000, t + RETRY_MS), "the wait starts at the last lowering");
    // After the wait, the page tries every text up to the maximum again.
    assert!(r.on_page(MAX_BYTES, t2 + RETRY_MS) && !r.on_page(MAX_BYTES + 1, t2 + RETRY_MS));
    assert!(r.on_page(30_000, t2 + RETRY_MS + 1.0));
}
