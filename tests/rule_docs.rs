//! Every rule's doc comment has a `go bad` example that yields that rule's finding and a
//! `go good` example that yields none (only rules named in `also=` may appear besides);
//! every rule's metadata is complete and cites go.dev; GODEBUG names exist in godebug.tsv.
mod support;

use gocompat::analyze;
use gocompat::rules::ALL;

/// (info string, code) of each fenced block.
fn code_blocks(doc: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(String, String)> = None;
    for line in doc.lines() {
        let t = line.trim_start();
        if let Some(info) = t.strip_prefix("```") {
            match cur.take() {
                Some(b) => out.push(b),
                None => cur = Some((info.trim().to_string(), String::new())),
            }
        } else if let Some((_, code)) = cur.as_mut() {
            code.push_str(line.strip_prefix(' ').unwrap_or(line));
            code.push('\n');
        }
    }
    out
}

#[test]
fn every_rule_has_complete_metadata() {
    let mut ids = std::collections::HashSet::new();
    for r in ALL.iter() {
        assert!(ids.insert(r.id), "duplicate rule id {}", r.id);
        assert!(!r.title.is_empty() && !r.family.is_empty() && !r.versions.is_empty(), "{}: empty metadata", r.id);
        assert!(!r.sources.is_empty(), "{}: no source", r.id);
        assert!(r.sources.iter().any(|s| s.starts_with("https://go.dev/")), "{}: no go.dev source", r.id);
        assert!(r.check_node.is_some() || r.check_file.is_some(), "{}: no check", r.id);
        assert!(r.doc.contains("## What it does") && r.doc.contains("## Why"), "{}: doc lacks sections", r.id);
    }
}

#[test]
fn godebug_names_exist_in_the_knowledge_table() {
    let table = include_str!("../data/knowledge/godebug.tsv");
    let names: Vec<&str> = table.lines().skip(2).filter_map(|l| l.split('\t').next()).collect();
    for r in ALL.iter() {
        if let Some((setting, _, _)) = r.godebug {
            assert!(names.contains(&setting), "{}: GODEBUG {setting} is not in godebug.tsv", r.id);
        }
    }
}

#[test]
fn doc_examples_yield_exactly_what_they_claim() {
    let mut failures = Vec::new();
    for r in ALL.iter() {
        let blocks = code_blocks(r.doc);
        let bad: Vec<_> = blocks.iter().filter(|(i, _)| i == "go bad").collect();
        let good: Vec<_> = blocks.iter().filter(|(i, _)| i == "go good").collect();
        if bad.is_empty() || good.is_empty() {
            failures.push(format!("{}: needs a ```go bad and a ```go good example", r.id));
            continue;
        }
        for (kind, code) in bad.iter().chain(good.iter()) {
            let (ctx, also) = support::header(code);
            let a = analyze(code, &ctx);
            let own = a.diagnostics.iter().filter(|d| d.rule == r.id).count();
            let others: Vec<_> = a
                .diagnostics
                .iter()
                .filter(|d| d.rule != r.id && !also.contains(&d.rule))
                .map(|d| format!("{}: {}", d.rule, d.message))
                .collect();
            if kind == "go bad" && own == 0 {
                failures.push(format!("{}: bad example yields no finding of the rule", r.id));
            }
            if kind == "go good" && own > 0 {
                failures.push(format!("{}: good example yields {own} finding(s) of the rule", r.id));
            }
            if r.id != "syntax-error" && !others.is_empty() {
                failures.push(format!("{}: {kind} example yields other findings: {others:?}", r.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
