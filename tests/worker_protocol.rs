//! The page ↔ worker protocol (`src/ui/protocol.rs`), natively: a request encoded by the
//! page is handled by the worker's `handle`, and its reply, encoded as JSON, decodes on the
//! page's side to what the core computed.

#[path = "../src/ui/protocol.rs"]
mod protocol;

use protocol::{Reply, Request, ToWorker};

fn round_trip(msg: &ToWorker) -> Reply {
    let sent = serde_json::to_string(msg).unwrap();
    let reply = protocol::handle(&sent, || 0.0);
    // As the worker does once the reply is posted.
    protocol::after_reply();
    serde_json::from_str::<Reply>(&serde_json::to_string(&reply).unwrap()).unwrap()
}

#[test]
fn analysis_reply_decodes_to_what_the_core_computed() {
    let code = "package main\n\nfunc main() {\n\tfor i := range 10 {\n\t\t_ = i\n\t}\n}\n";
    let ctx = gocompat::Context {
        from: gocompat::GoVersion::parse("1.21").ok(),
        to: gocompat::GoVersion::parse("1.22").ok(),
        ..Default::default()
    };
    let want = gocompat::analyze(code, &ctx);
    match round_trip(&ToWorker::Analyze(Request { id: 7, code: code.into(), ctx, base: None, splice: None })) {
        Reply::Done { id, analysis, .. } => {
            assert_eq!(id, 7);
            assert_eq!(serde_json::to_value(&*analysis).unwrap(), serde_json::to_value(&want).unwrap());
            assert!(!analysis.diagnostics.is_empty());
        }
        _ => panic!("expected an analysis"),
    }
}

#[test]
fn garbage_is_a_failed_reply_not_a_panic() {
    for bad in ["", "{", "null", r#"{"kind":"analyze"}"#, r#"{"kind":"nope","id":1}"#] {
        assert!(matches!(protocol::handle(bad, || 0.0), Reply::Failed { .. }), "{bad}");
    }
}

/// A page that shows reply `base` gets only the findings it lacks; what it rebuilds
/// (`protocol::merge`) is, keystroke after keystroke, the analysis the core computed.
#[test]
fn replies_reuse_the_findings_the_page_holds() {
    let ctx = gocompat::Context {
        from: gocompat::GoVersion::parse("1.21").ok(),
        to: gocompat::GoVersion::parse("1.22").ok(),
        ..Default::default()
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/loopvar-closure-capture");
    let mut text = String::from("package main\n\nimport \"fmt\"\n");
    for e in std::fs::read_dir(&dir).unwrap() {
        let f = std::fs::read_to_string(e.unwrap().path()).unwrap();
        if let Some(body) = f.split_once("\nfunc ").map(|(_, b)| b) {
            text.push_str("\nfunc ");
            text.push_str(body);
        }
    }
    // The page: the analysis it shows, and the id of that analysis.
    let mut shown: Option<(u64, gocompat::Analysis)> = None;
    let (mut referenced, mut sent) = (0, 0);
    let mut last_text = String::new();
    let mid = text.len() / 2;
    let mid = (0..=mid).rev().find(|&i| text.is_char_boundary(i)).unwrap();
    for id in 1..=12u64 {
        // Type at the middle, then somewhere else, then delete: texts of changing length.
        let code = match id % 3 {
            0 => text.clone(),
            1 => format!("{}x{}", &text[..mid], &text[mid..]),
            _ => format!("{}(\n{}", &text[..mid], &text[mid..]),
        };
        let req = Request { id, code: code.clone(), ctx: ctx.clone(), base: shown.as_ref().map(|s| s.0), splice: None };
        // As the page sends it: an edit of the last text, which the worker holds.
        let req = match &shown {
            Some((of, _)) => {
                let wire = req.spliced(*of, &last_text);
                assert!(wire.code.len() <= 2 && wire.splice.is_some(), "request {id} sends {:?}", wire.code);
                wire
            }
            None => req,
        };
        last_text = code.clone();
        let Reply::Done { id: got, mut analysis, delta, .. } = round_trip(&ToWorker::Analyze(req)) else {
            panic!("expected an analysis")
        };
        assert_eq!(got, id);
        if id > 1 {
            assert!(
                delta.is_some(),
                "reply {id}: the page holds {:?}, the worker's last reply",
                shown.as_ref().map(|s| s.0)
            );
        }
        if let Some(d) = &delta {
            let base = shown.as_ref().unwrap();
            assert_eq!(d.base, base.0);
            referenced += d.reused.len();
            sent += analysis.diagnostics.len();
            protocol::merge(&base.1.diagnostics, &mut analysis, d).unwrap();
        }
        let want = gocompat::analyzer::analyze(&code, &ctx);
        assert_eq!(*analysis, want, "reply {id}: rebuilt analysis differs from the core's");
        shown = Some((id, *analysis));
    }
    assert!(referenced > 10 * sent.max(1) / 2, "{referenced} findings referenced, {sent} sent");
    // A page that holds another analysis than the worker's last gets the whole list.
    let req = Request { id: 99, code: text.clone(), ctx: ctx.clone(), base: Some(3), splice: None };
    let Reply::Done { analysis, delta, .. } = round_trip(&ToWorker::Analyze(req)) else { panic!() };
    assert!(delta.is_none());
    assert_eq!(*analysis, gocompat::analyzer::analyze(&text, &ctx));
}

#[test]
fn a_reference_out_of_range_is_an_error_not_a_panic() {
    let mut a = gocompat::analyzer::analyze("package main\n", &gocompat::Context::default());
    let d = protocol::Delta { base: 1, reused: vec![(0, 5, 0)] };
    assert!(protocol::merge(&[], &mut a, &d).is_err());
    let d = protocol::Delta { base: 1, reused: vec![(3, 0, 0)] };
    assert!(protocol::merge(&[], &mut a, &d).is_err());
}

/// An edit of a text the worker does not hold (an unknown request, bytes past the end or
/// inside a character) asks for the whole text, and never panics; the whole text then works.
#[test]
fn an_edit_of_a_text_the_worker_lacks_asks_for_the_whole_text() {
    let ctx = gocompat::Context::default();
    let text = "package main\n\n// é\nfunc main() {}\n";
    let full = Request { id: 1, code: text.into(), ctx: ctx.clone(), base: None, splice: None };
    assert!(matches!(round_trip(&ToWorker::Analyze(full)), Reply::Done { id: 1, .. }));
    let edit = |of, start, end| Request {
        id: 2,
        code: "x".into(),
        ctx: ctx.clone(),
        base: None,
        splice: Some(protocol::Splice { of, start, end }),
    };
    let e = text.find('é').unwrap();
    for (of, start, end) in [(7, 0, 0), (1, 0, 999), (1, 5, 4), (1, e + 1, e + 1), (1, usize::MAX, usize::MAX)] {
        match round_trip(&ToWorker::Analyze(edit(of, start, end))) {
            Reply::Resend { id: 2 } => {}
            _ => panic!("splice {of} {start}..{end}: expected a request for the whole text"),
        }
    }
    // A good edit of the text held: the analysis of the edited text.
    let Reply::Done { analysis, .. } = round_trip(&ToWorker::Analyze(edit(1, e, e + 2))) else { panic!() };
    let want = text.replacen('é', "x", 1);
    assert_eq!(*analysis, gocompat::analyzer::analyze(&want, &ctx));
}

#[test]
fn changed_bytes_are_cut_at_character_boundaries() {
    assert_eq!(gocompat::span::edit_region("abc", "abc"), (3, 3, 3));
    assert_eq!(gocompat::span::edit_region("abc", "axc"), (1, 2, 2));
    assert_eq!(gocompat::span::edit_region("aa", "aaa"), (2, 2, 3));
    // 'é' (c3 a9) to 'è' (c3 a8): the whole character, not its last byte.
    assert_eq!(gocompat::span::edit_region("é", "è"), (0, 2, 2));
    assert_eq!(gocompat::span::edit_region("xé", ""), (0, 3, 0));
}
