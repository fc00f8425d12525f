//! The workshop's checker: does the current analysis (Go code) or the env view's report
//! (`go env` output) meet an exercise's goal, and if not, what is left, with line numbers.
//! Pure: it reads results the app already holds and runs no analysis itself.

use super::lessons::{Cond, Exercise, Kind};
use gocompat::{Analysis, LineIndex};

/// One thing left to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left {
    pub text: String,
    /// 1-based line in the editor (code) or the paste (env), when it is about one line.
    pub line: Option<u32>,
    /// The rule or check id the item comes from.
    pub rule: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    pub passed: bool,
    pub left: Vec<Left>,
}

/// What the checker needs from the env view's report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EnvFacts {
    /// (check id, line, message)
    pub findings: Vec<(String, Option<u32>, String)>,
    /// (name, value, line) of every variable the paste sets.
    pub vars: Vec<(String, String, u32)>,
}

impl EnvFacts {
    pub fn from_report(r: &gocompat::goenv::Report) -> EnvFacts {
        EnvFacts {
            findings: r.findings.iter().map(|f| (f.id.to_string(), f.line, f.message.clone())).collect(),
            vars: r.vars.iter().filter(|v| v.line > 0).map(|v| (v.name.clone(), v.value.clone(), v.line)).collect(),
        }
    }

    fn var(&self, name: &str) -> Option<&(String, String, u32)> {
        self.vars.iter().rev().find(|v| v.0 == name)
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

fn finish(left: Vec<Left>) -> Outcome {
    Outcome { passed: left.is_empty(), left }
}

/// Checks a code exercise against the analysis of `code` (with `gomod` as go.mod).
pub fn check_code(ex: &Exercise, code: &str, gomod: &str, analysis: &Analysis) -> Outcome {
    let li = LineIndex::new(code);
    let mut left = Vec::new();
    let line_of = |off: usize| li.position(code, off).line;
    for c in ex.conds {
        match *c {
            Cond::Parses => {
                if let Some(d) = analysis.diagnostics.iter().find(|d| d.rule == "syntax-error") {
                    left.push(Left {
                        text: format!("The code does not parse: {}", first_line(&d.message)),
                        line: Some(line_of(d.span.start)),
                        rule: Some(d.rule.clone()),
                    });
                }
            }
            Cond::NoFinding(rules) => {
                for d in analysis.diagnostics.iter().filter(|d| rules.contains(&d.rule.as_str())) {
                    left.push(Left {
                        text: first_line(&d.message).to_string(),
                        line: Some(line_of(d.span.start)),
                        rule: Some(d.rule.clone()),
                    });
                }
            }
            Cond::CodeHas { text, what } => {
                if !squash(code).contains(&squash(text)) {
                    left.push(Left { text: format!("Keep {what}: `{text}`."), line: None, rule: None });
                }
            }
            Cond::CodeLacks { text, what } => {
                if let Some(off) = code.find(text) {
                    left.push(Left { text: format!("Remove {what}."), line: Some(line_of(off)), rule: None });
                }
            }
            Cond::GoModHas { text, what } => {
                if !squash(gomod).contains(&squash(text)) {
                    left.push(Left { text: format!("go.mod must keep {what}."), line: None, rule: None });
                }
            }
            Cond::EnvAbsolute(_) | Cond::EnvOneOf { .. } | Cond::EnvAnyContains { .. } | Cond::EnvMinVars(_) => {}
        }
    }
    if ex.kind != Kind::Code {
        left.push(Left { text: "This exercise is about go env output, not Go code.".into(), line: None, rule: None });
    }
    finish(left)
}

fn is_absolute(v: &str) -> bool {
    v.starts_with('/') || (v.len() > 2 && v.as_bytes()[1] == b':' && v.as_bytes()[0].is_ascii_alphabetic())
}

/// Checks an env exercise against the report of the env view's current paste.
pub fn check_env(ex: &Exercise, facts: &EnvFacts) -> Outcome {
    let mut left = Vec::new();
    for c in ex.conds {
        match *c {
            Cond::NoFinding(ids) => {
                for (id, line, msg) in facts.findings.iter().filter(|f| ids.contains(&f.0.as_str())) {
                    left.push(Left { text: first_line(msg).to_string(), line: *line, rule: Some(id.clone()) });
                }
            }
            Cond::EnvAbsolute(name) => match facts.var(name) {
                Some((_, v, line)) if !is_absolute(v) => left.push(Left {
                    text: if v.is_empty() {
                        format!("{name} is empty: set it to an absolute path.")
                    } else {
                        format!("{name}={v} is not an absolute path.")
                    },
                    line: Some(*line),
                    rule: None,
                }),
                Some(_) => {}
                None => left.push(Left { text: format!("The listing has no {name} line."), line: None, rule: None }),
            },
            Cond::EnvOneOf { name, values } => {
                let shown = values.iter().map(|v| format!("{name}='{v}'")).collect::<Vec<_>>().join(" or ");
                match facts.var(name) {
                    Some((_, v, line)) if !values.contains(&v.as_str()) => left.push(Left {
                        text: format!("{name} is '{v}': expected {shown}."),
                        line: Some(*line),
                        rule: None,
                    }),
                    Some(_) => {}
                    None => left.push(Left {
                        text: format!("The listing has no {name} line: expected {shown}."),
                        line: None,
                        rule: None,
                    }),
                }
            }
            Cond::EnvAnyContains { names, needle, what } => {
                if !names.iter().any(|n| facts.var(n).is_some_and(|(_, v, _)| v.contains(needle))) {
                    left.push(Left { text: format!("Missing: {what}."), line: None, rule: None });
                }
            }
            Cond::EnvMinVars(n) => {
                if facts.vars.len() < n {
                    left.push(Left {
                        text: format!(
                            "Keep the whole go env listing: it sets {} variables, at least {n} expected.",
                            facts.vars.len()
                        ),
                        line: None,
                        rule: None,
                    });
                }
            }
            Cond::Parses | Cond::CodeHas { .. } | Cond::CodeLacks { .. } | Cond::GoModHas { .. } => {}
        }
    }
    if ex.kind != Kind::Env {
        left.push(Left { text: "This exercise is about Go code, not go env output.".into(), line: None, rule: None });
    }
    finish(left)
}
