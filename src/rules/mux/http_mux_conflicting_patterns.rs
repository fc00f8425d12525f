use super::pattern::{conflict_message, go_quote, parse_pattern, MuxModel};
use super::registrations::{conditional, dialect, enclosing_function, mux_sides, package_level, registration, MuxKey};
use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::span::Span;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds two registrations on the same net/http ServeMux, in the same function and not
    /// under a condition or loop, whose patterns conflict under Go 1.22's precedence rules:
    /// both match some request and neither is more specific (`/items/{id}` and
    /// `/items/{name}`; `/a/{x}` and `/{y}/b`; the same pattern twice).
    ///
    /// ## Why
    /// The Go 1.22 ServeMux picks the most specific matching pattern; a pair with no winner
    /// makes the second `Handle`/`HandleFunc` panic at start-up, in either order. The
    /// message below is Go's own panic text (with this file's line numbers; Go prints the
    /// full path of the registering file). The Go 1.21 mux only rejected exact duplicates
    /// (`http: multiple registrations for /a`). `GET /x` and `/x` do not conflict (the
    /// method makes the first more specific), nor do `/posts/latest` and `/posts/{id}`, nor
    /// a pattern with a host and one without; but `GET /docs/{id}` and `/docs/latest` do:
    /// each is more specific in one respect only.
    ///
    /// ## How to fix
    /// Merge the two handlers, or make one pattern strictly more specific (a literal
    /// segment instead of a wildcard, a method, or a host).
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// import "net/http"
    ///
    /// func main() {
    ///     mux := http.NewServeMux()
    ///     mux.HandleFunc("/users/{id}/posts", func(w http.ResponseWriter, r *http.Request) {})
    ///     mux.HandleFunc("/users/admin/{tab}", func(w http.ResponseWriter, r *http.Request) {})
    ///     http.ListenAndServe(":8080", mux)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// import "net/http"
    ///
    /// func main() {
    ///     mux := http.NewServeMux()
    ///     mux.HandleFunc("/users/{id}/posts", func(w http.ResponseWriter, r *http.Request) {})
    ///     mux.HandleFunc("/admin/users/{tab}", func(w http.ResponseWriter, r *http.Request) {})
    ///     http.ListenAndServe(":8080", mux)
    /// }
    /// ```
    pub static RULE = {
        id: "http-mux-conflicting-patterns",
        title: "Two registrations on one mux conflict (Go 1.22 precedence rules)",
        family: "mux",
        severity: Severity::Error,
        versions: "MV >= 1.22 (exact duplicates: every version)",
        godebug: Some(("httpmuxgo121", "1", None)),
        sources: &["https://go.dev/blog/routing-enhancements", "https://pkg.go.dev/net/http#hdr-Precedence-ServeMux", "https://go.dev/src/net/http/pattern.go"],
        kinds: &["call_expression"],
        check_node: Some(collect),
        check_end: Some(check),
        // The node check gathers sites (kept per unchanged function); `check` compares them.
        local: true,
    }
}

/// An unconditional registration inside a function, gathered by the walk.
/// An unconditional registration met by the walk. It holds no syntax node: the sites found
/// in a function are kept for the next analysis while the function's text is unchanged
/// ([`crate::analyzer::reuse`]), moved by [`Site::shifted`].
#[derive(Clone, Debug)]
pub struct Site {
    /// The pattern's value.
    pattern: Vec<u8>,
    /// The pattern argument, where a finding goes.
    arg: Span,
    mux: MuxKey,
    /// The function's start byte, or `usize::MAX` for "init and main" (both always run,
    /// every init first).
    func: usize,
    /// Run order: 0 in an init function, 1 in main, 2 elsewhere; then the byte offset.
    order: (u8, usize),
    line: usize,
}

impl Site {
    /// The site of the same registration in its function moved from `from` to `to` (same
    /// text, same lines; a package-level mux has no offset in its key).
    pub fn shifted(&self, from: usize, to: usize) -> Site {
        let mv = |x: usize| x - from + to;
        Site {
            pattern: self.pattern.clone(),
            arg: Span::new(mv(self.arg.start), mv(self.arg.end)),
            mux: match &self.mux {
                MuxKey::Decl(at) => MuxKey::Decl(mv(*at)),
                other => other.clone(),
            },
            func: if self.func == usize::MAX { usize::MAX } else { mv(self.func) },
            order: (self.order.0, mv(self.order.1)),
            line: self.line,
        }
    }
}

fn collect<'a>(c: &mut Checker<'a>, call: Node<'a>) {
    let Some(reg) = registration(c, call) else { return };
    let above = c.ancestors();
    let (false, Some(func)) = (conditional(above), enclosing_function(above)) else { return };
    let line = call.start_position().row + 1;
    let name = func.field("name").map(|n| c.text(n));
    let phase = match (func.kind_str(), name) {
        ("function_declaration", Some("init")) => 0,
        ("function_declaration", Some("main")) if c.facts.package_name.as_deref() == Some("main") => 1,
        _ => 2,
    };
    let func = if phase < 2 && package_level(&reg.mux) { usize::MAX } else { func.start_byte() };
    let site = Site {
        pattern: reg.pattern.clone(),
        arg: Checker::span(reg.arg),
        mux: reg.mux.clone(),
        func,
        order: (phase, call.start_byte()),
        line,
    };
    c.add_mux_site(site);
}

fn check(c: &mut Checker) {
    let regs = std::mem::take(&mut *c.shared.mux_sites.borrow_mut());
    if regs.len() < 2 {
        return;
    }
    let sides = mux_sides(c);
    let file = c.facts.file_name.clone();
    let dialect = dialect(c);
    // Groups: same function and same mux.
    let mut groups: Vec<(usize, MuxKey, Vec<usize>)> = Vec::new();
    for (i, f) in regs.iter().enumerate() {
        match groups.iter_mut().find(|(func, key, _)| *func == f.func && *key == f.mux) {
            Some(g) => g.2.push(i),
            None => groups.push((f.func, f.mux.clone(), vec![i])),
        }
    }
    for (_, _, mut members) in groups {
        if members.len() < 2 {
            continue;
        }
        members.sort_by_key(|&i| regs[i].order);
        // Go 1.22 mux: the first conflict Go would report for each registration.
        let mut new_panics: Vec<Option<(usize, String)>> = vec![None; regs.len()];
        if sides.iter().any(|s| !s.old) {
            let mut mux = MuxModel::default();
            for &i in &members {
                let Ok(p) = parse_pattern(&regs[i].pattern, dialect) else { continue };
                if let Err(k) = mux.register(p.clone(), i) {
                    let (old, j) = (&mux.patterns[k].0, mux.patterns[k].1);
                    let msg = conflict_message(
                        &p,
                        &format!("{file}:{}", regs[i].line),
                        old,
                        &format!("{file}:{}", regs[j].line),
                    );
                    new_panics[i] = Some((j, msg));
                }
            }
        }
        // Go 1.21 mux: exact duplicates.
        let mut old_panics: Vec<Option<(usize, String)>> = vec![None; regs.len()];
        if sides.iter().any(|s| s.old) {
            for (n, &i) in members.iter().enumerate() {
                if let Some(&j) = members[..n].iter().find(|&&j| regs[j].pattern == regs[i].pattern) {
                    let msg = format!("http: multiple registrations for {}", String::from_utf8_lossy(&regs[i].pattern));
                    old_panics[i] = Some((j, msg));
                }
            }
        }
        for &i in &members {
            let per_side: Vec<Option<&(usize, String)>> =
                sides.iter().map(|s| if s.old { old_panics[i].as_ref() } else { new_panics[i].as_ref() }).collect();
            let Some((j, msg)) = per_side[1].or(per_side[0]) else { continue };
            let pat = go_quote(&regs[i].pattern);
            let first = go_quote(&regs[*j].pattern);
            let behaviours: Vec<String> = sides
                .iter()
                .zip(&per_side)
                .map(|(s, p)| match p {
                    Some((_, m)) if m == msg => "panics at registration (message above)".to_string(),
                    Some((_, m)) => format!("panics at registration: {m}"),
                    None if s.old => "registers fine: the Go 1.21 mux only rejects identical strings".to_string(),
                    None => "registers fine".to_string(),
                })
                .collect();
            let mut d = c.diagnostic(
                regs[i].arg,
                format!("registering {pat} panics (it conflicts with {first} on line {}): {msg}", regs[*j].line),
                "Both patterns are registered on the same ServeMux. The Go 1.22 mux requires that for any two patterns matching a common request one is more specific (a method, a host, or a literal segment where the other has a wildcard); otherwise the second registration panics when the program starts. Merge the handlers or make one pattern strictly more specific.".to_string(),
            );
            d.sides = sides.iter().zip(behaviours).map(|(s, b)| s.behaves(b)).collect();
            d.explanation.push_str(super::registrations::library_note(c));
            c.report(d);
        }
    }
}
