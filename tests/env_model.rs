//! The go env view's model (`src/ui/env_model.rs`, computed on the page), natively: on a real
//! container's `go env` output it is the core's report plus what the view adds.

#[path = "../src/ui/env_model.rs"]
mod env_model;

use env_model::{EnvInputs, FromChoice};
use gocompat::goenv::{self, Options};

#[test]
fn model_is_the_core_report_plus_the_view_parts() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/env-container.txt")).unwrap();
    let inputs = EnvInputs {
        text: text.clone(),
        from: "1.21".into(),
        to: "1.22".into(),
        gomod: String::new(),
        from_choice: Some(FromChoice::Detected),
    };
    let model = env_model::compute(&inputs, "1.21", || 0.0);
    let want = goenv::analyze_bytes(text.as_bytes(), &Options::default());
    assert_eq!(serde_json::to_value(&model.report).unwrap(), serde_json::to_value(&want).unwrap());
    assert!(!model.report.findings.is_empty());
    assert_eq!(model.home, want.context.home);
    assert!(model.upgrade.is_some(), "a non-empty paste gets an upgrade view");
    let empty = env_model::compute(&EnvInputs { text: "  \n".into(), ..inputs }, "1.21", || 0.0);
    assert!(empty.upgrade.is_none());
}
