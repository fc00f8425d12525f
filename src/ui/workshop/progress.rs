//! The workshop's progress in localStorage (`gocompat.workshop.v1`): exercises passed, the
//! presenter (large-font) toggle and the myth-or-fact answers. Loading validates everything:
//! a corrupt, hostile or foreign value yields the default (or keeps only what is valid),
//! never an error.

use serde_json::{json, Value};

pub const KEY: &str = "gocompat.workshop.v1";
/// Values longer than this are not parsed at all.
const MAX_BYTES: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    /// Ids of exercises passed, in the order they were passed (known ids only).
    pub done: Vec<String>,
    /// Presenter mode: large fonts.
    pub large: bool,
    /// Myth-or-fact answers: (claim letter, verdict key) for known letters and keys.
    pub answers: Vec<(String, String)>,
}

impl Progress {
    /// Parses a stored value, keeping what `known_ids` / `known_letters` / `verdict_keys`
    /// accept.
    pub fn load(raw: Option<&str>, known_ids: &[&str], known_letters: &[&str], verdict_keys: &[&str]) -> Progress {
        let mut p = Progress::default();
        let Some(raw) = raw.filter(|r| r.len() <= MAX_BYTES) else { return p };
        let Ok(v) = serde_json::from_str::<Value>(raw) else { return p };
        if let Some(done) = v.get("done").and_then(Value::as_array) {
            for id in done.iter().filter_map(Value::as_str) {
                if known_ids.contains(&id) && !p.done.iter().any(|d| d == id) {
                    p.done.push(id.to_string());
                }
            }
        }
        p.large = v.get("large").and_then(Value::as_bool).unwrap_or(false);
        if let Some(ans) = v.get("answers").and_then(Value::as_object) {
            for (k, val) in ans {
                if let Some(val) = val.as_str() {
                    if known_letters.contains(&k.as_str()) && verdict_keys.contains(&val) {
                        p.answers.push((k.clone(), val.to_string()));
                    }
                }
            }
        }
        p
    }

    pub fn save(&self) -> String {
        let answers: serde_json::Map<String, Value> =
            self.answers.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
        json!({ "done": self.done, "large": self.large, "answers": answers }).to_string()
    }

    pub fn is_done(&self, id: &str) -> bool {
        self.done.iter().any(|d| d == id)
    }

    pub fn mark_done(&mut self, id: &str) -> bool {
        if self.is_done(id) {
            return false;
        }
        self.done.push(id.to_string());
        true
    }

    pub fn answer(&self, letter: &str) -> Option<&str> {
        self.answers.iter().find(|(l, _)| l == letter).map(|(_, v)| v.as_str())
    }

    pub fn set_answer(&mut self, letter: &str, verdict: &str) {
        self.answers.retain(|(l, _)| l != letter);
        self.answers.push((letter.to_string(), verdict.to_string()));
    }
}
