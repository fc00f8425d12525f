//! Plain-text and JSON renderings of an analysis, shared by the CLI and snapshot tests.

use crate::analyzer::Analysis;
use crate::diagnostic::Applicability;
use crate::span::LineIndex;
use serde::Serialize;
use std::fmt::Write;

/// Compiler-style text: `file:line:col: rule-id: message`, then indented details.
pub fn text(file: &str, src: &str, a: &Analysis, verbose: bool) -> String {
    let li = LineIndex::new(src);
    let mut out = String::new();
    for d in &a.diagnostics {
        let p = li.position(src, d.span.start);
        let _ = writeln!(out, "{file}:{}:{}: {}: {} [{}]", p.line, p.column, d.rule, d.message, d.severity);
        if verbose {
            let _ = writeln!(out, "    why: {}", d.explanation);
            for s in &d.sides {
                let _ = writeln!(out, "    {}: {}", s.version, s.behavior);
            }
            if let Some(g) = &d.godebug {
                let _ = writeln!(
                    out,
                    "    GODEBUG: {}={}{}",
                    g.setting,
                    g.value,
                    g.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default()
                );
            }
            if let Some(f) = &d.fix {
                let kind = match f.applicability {
                    Applicability::Safe => "safe fix".to_string(),
                    Applicability::Unsafe => format!("unsafe fix: {}", f.reason.as_deref().unwrap_or("")),
                };
                let _ = writeln!(out, "    {kind}: {}", f.title);
            }
            let _ = writeln!(out, "    source: {}", d.source_url);
        }
    }
    out
}

#[derive(Serialize)]
struct JsonPos {
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct JsonDiag<'a> {
    file: &'a str,
    rule: &'a str,
    severity: &'a str,
    start: JsonPos,
    end: JsonPos,
    message: &'a str,
    explanation: &'a str,
    source_url: &'a str,
    godebug: &'a Option<crate::diagnostic::GodebugHatch>,
    sides: &'a [crate::diagnostic::SideBehavior],
    fix: &'a Option<crate::diagnostic::Fix>,
}

/// One JSON object per diagnostic, with line/column spans (1-based, byte columns).
pub fn json_diagnostics<'a>(file: &'a str, src: &str, a: &'a Analysis) -> Vec<serde_json::Value> {
    let li = LineIndex::new(src);
    a.diagnostics
        .iter()
        .map(|d| {
            let s = li.position(src, d.span.start);
            let e = li.position(src, d.span.end);
            serde_json::to_value(JsonDiag {
                file,
                rule: &d.rule,
                severity: d.severity.key(),
                start: JsonPos { line: s.line, column: s.column },
                end: JsonPos { line: e.line, column: e.column },
                message: &d.message,
                explanation: &d.explanation,
                source_url: &d.source_url,
                godebug: &d.godebug,
                sides: &d.sides,
                fix: &d.fix,
            })
            .unwrap_or(serde_json::Value::Null)
        })
        .collect()
}
