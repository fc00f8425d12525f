//! The page ↔ worker protocol (`src/ui/protocol.rs`), natively: a request encoded by the
//! page is handled by the worker's `handle`, and its reply, encoded as JSON, decodes on the
//! page's side to what the core computed.

#[path = "../src/ui/protocol.rs"]
mod protocol;

use protocol::{Reply, Request, ToWorker};

fn round_trip(msg: &ToWorker) -> Reply {
    let sent = serde_json::to_string(msg).unwrap();
    let reply = protocol::handle(&sent, || 0.0);
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
    match round_trip(&ToWorker::Analyze(Request { id: 7, code: code.into(), ctx })) {
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
