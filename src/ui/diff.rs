//! A line diff for fix previews: the changed block between the common prefix and suffix
//! lines, with up to two lines of context. Good enough for fixes, which are local.

#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    Same(String),
    Removed(String),
    Added(String),
}

pub fn diff(old: &str, new: &str) -> Vec<Line> {
    let a: Vec<&str> = old.split('\n').collect();
    let b: Vec<&str> = new.split('\n').collect();
    let mut pre = 0;
    while pre < a.len() && pre < b.len() && a[pre] == b[pre] {
        pre += 1;
    }
    let mut suf = 0;
    while suf < a.len() - pre && suf < b.len() - pre && a[a.len() - 1 - suf] == b[b.len() - 1 - suf] {
        suf += 1;
    }
    let ctx = 2;
    let mut out = Vec::new();
    for l in &a[pre.saturating_sub(ctx)..pre] {
        out.push(Line::Same(l.to_string()));
    }
    for l in &a[pre..a.len() - suf] {
        out.push(Line::Removed(l.to_string()));
    }
    for l in &b[pre..b.len() - suf] {
        out.push(Line::Added(l.to_string()));
    }
    let tail = a.len() - suf;
    for l in &a[tail..(tail + ctx).min(a.len())] {
        out.push(Line::Same(l.to_string()));
    }
    out
}
