//! The page ↔ worker protocol (`src/ui/protocol.rs`, `src/ui/env_model.rs`), natively: a
//! request encoded by the page is handled by the worker's `handle`, and its reply, encoded
//! as JSON, decodes on the page's side to what the core computed.

#[path = "../src/ui/env_model.rs"]
mod env_model;
#[path = "../src/ui/protocol.rs"]
mod protocol;

use env_model::{EnvInputs, FromChoice};
use protocol::{EnvRequest, Reply, Request, ToWorker};

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
fn env_reply_decodes_to_what_the_core_computed() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/env-container.txt")).unwrap();
    let inputs = EnvInputs {
        text,
        from: "1.21".into(),
        to: "1.22".into(),
        gomod: String::new(),
        from_choice: Some(FromChoice::Detected),
    };
    let want = env_model::compute(&inputs, "1.21", || 0.0);
    match round_trip(&ToWorker::Env(EnvRequest { id: 3, inputs, page_default_from: "1.21".into() })) {
        Reply::EnvDone { id, model } => {
            assert_eq!(id, 3);
            // Every part the view shows survives the trip.
            assert_eq!(serde_json::to_value(&model.report).unwrap(), serde_json::to_value(&want.report).unwrap());
            assert_eq!(serde_json::to_value(&model.upgrade).unwrap(), serde_json::to_value(&want.upgrade).unwrap());
            assert_eq!(model.godebug, want.godebug);
            assert_eq!(model.foreign_keys, want.foreign_keys);
            assert_eq!(model.toolchain, want.toolchain);
            assert_eq!(model.problem_vars, want.problem_vars);
            assert_eq!(model.unrecognised, want.unrecognised);
            assert_eq!(model.home, want.report.context.home);
            assert!(!model.report.findings.is_empty());
            let ids: Vec<&str> = model.report.findings.iter().map(|f| f.id).collect();
            let want_ids: Vec<&str> = want.report.findings.iter().map(|f| f.id).collect();
            assert_eq!(ids, want_ids);
        }
        _ => panic!("expected an env model"),
    }
}

#[test]
fn garbage_is_a_failed_reply_not_a_panic() {
    for bad in ["", "{", "null", r#"{"kind":"analyze"}"#, r#"{"kind":"nope","id":1}"#] {
        assert!(matches!(protocol::handle(bad, || 0.0), Reply::Failed { .. }), "{bad}");
    }
}
