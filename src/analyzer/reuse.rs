//! Reuse of findings across keystrokes (the playground's worker analyses every edit).
//!
//! Most edits change one function body. A rule marked [`Rule::local`] promises that what it
//! reports from its node checks inside a top-level function or method depends only on that
//! declaration and on the file's *skeleton*: the text with every top-level function and
//! method body taken out (package clause, imports, comments, type/var/const declarations,
//! signatures; top-level comments other than directives and top-level syntax errors are left
//! out too). So when the skeleton (with each body's line count), the context, the
//! versions and the file facts are those of the last analysis, and a declaration's text is
//! the same as it was, its local findings are the last ones moved by the declaration's
//! byte shift; the walk then gives that declaration only to the other rules.
//!
//! Invariant: an analysis with reuse equals a fresh analysis of the same text
//! (`tests/incremental_parse.rs` and `benches/keystroke.rs` check it over many edits). The
//! line counts in the key mean an edit that adds or removes a line analyses everything
//! afresh: a finding's message may name a line, and only same-line edits keep every line.
//! A declaration with a syntax error inside keeps nothing. Elsewhere in a file with one,
//! the tree is the fresh parse's (`Reparser::parse` parses afresh unless its `ErrorGuard`
//! shows error recovery happened only where it had before), so an unchanged declaration
//! without an error is the same subtree as before and keeps its findings.

use super::{Context, FileFacts, NodeExt, Versions};
use crate::diagnostic::Diagnostic;
use crate::rules::mux::http_mux_conflicting_patterns::Site;
use tree_sitter::Node;

/// What an analysis leaves for the next one.
pub struct Memo {
    key: Key,
    /// The text analysed.
    text: String,
    /// Per top-level function/method declaration, in file order: its byte range and the
    /// findings local rules reported inside it, in report order (`None`: not reusable).
    decls: Vec<Option<Decl>>,
}

#[derive(PartialEq)]
struct Key {
    ctx: Context,
    versions: Versions,
    facts: FileFacts,
    skeleton: String,
}

pub(super) struct Decl {
    start: usize,
    end: usize,
    /// Where the declaration started when `diagnostics` were reported: they are moved by
    /// `start - origin` when handed out, so a kept list goes into the next memo uncopied.
    origin: usize,
    diagnostics: Vec<Diagnostic>,
    /// The unconditional ServeMux registrations met inside it (positions as `diagnostics`):
    /// what the conflict check at the end of the walk compares across functions.
    mux_sites: Vec<Site>,
}

/// What an unchanged declaration keeps from the last analysis, moved to where it is now.
pub(super) struct Kept {
    pub diagnostics: Vec<Diagnostic>,
    pub mux_sites: Vec<Site>,
}

/// Whether a top-level node is a declaration whose findings can be kept.
pub(super) fn is_decl(node: Node) -> bool {
    matches!(node.kind_str(), "function_declaration" | "method_declaration")
}

/// A part of the text that the skeleton leaves out ([`hidden`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Hidden {
    /// The body of a top-level function or method.
    Body,
    /// A top-level comment that is not a directive.
    Comment,
    /// A top-level `ERROR` node: broken code between declarations, which no declaration
    /// or scope lookup takes in.
    Error,
}

/// What the skeleton leaves out, as byte ranges in file order: the bodies of top-level
/// functions and methods, the top-level comments that are not directives (`//go:…`,
/// `//line`, `// +build`, `//export`) and top-level syntax errors (an `ERROR` node, or a
/// statement outside a function in a file with a package clause). No rule reads those for
/// another declaration ([`super::Checker::visible_parts`]), so typing in a comment between
/// functions, or a stray token there, keeps every function's findings.
/// `package`: the file has a package clause ([`FileFacts::package_offset`]).
pub(super) fn hidden(text: &str, root: Node, package: bool) -> Vec<(usize, usize, Hidden)> {
    let mut out: Vec<(usize, usize, Hidden)> = Vec::new();
    let mut cur = root.walk();
    for top in root.children(&mut cur) {
        let (s, e, what) = if is_decl(top) {
            let Some(body) = top.field("body") else { continue };
            (body.start_byte(), body.end_byte(), Hidden::Body)
        } else if top.kind_str() == "comment" {
            let t = text.get(top.start_byte()..top.end_byte()).unwrap_or("");
            let directive = ["//go:", "//line ", "/*line ", "// +build", "//export "].iter().any(|p| t.starts_with(p));
            if directive {
                continue;
            }
            (top.start_byte(), top.end_byte(), Hidden::Comment)
        } else if top.is_error() || (package && top.is_named() && !is_top_level_kind(top)) {
            (top.start_byte(), top.end_byte(), Hidden::Error)
        } else {
            continue;
        };
        if s < out.last().map_or(0, |b| b.1) || e > text.len() {
            continue;
        }
        out.push((s, e, what));
    }
    out
}

/// What a Go file may hold at its top level (besides comments): the package clause, imports
/// and declarations. In a file with a package clause, a statement at the top level (which
/// tree-sitter-go accepts, for snippets) is a syntax error, and no scope takes it in
/// ([`super::scope::PackageScope::build`]).
pub(super) fn is_top_level_kind(node: Node) -> bool {
    matches!(
        node.kind_str(),
        "package_clause"
            | "import_declaration"
            | "function_declaration"
            | "method_declaration"
            | "type_declaration"
            | "var_declaration"
            | "const_declaration"
            | "comment"
    )
}

/// The text without what [`hidden`] lists: a body becomes `{n}` and a comment `/*n*/` (n its
/// line breaks), a syntax error its line breaks alone (so that the key changes when any
/// line moves, and a stray token typed and deleted between declarations leaves it as it was).
fn skeleton(text: &str, hidden: &[(usize, usize, Hidden)]) -> String {
    let mut out = String::with_capacity(text.len() / 4);
    let mut at = 0;
    for &(s, e, what) in hidden {
        out.push_str(&text[at..s]);
        let lines = crate::span::count_newlines(&text.as_bytes()[s..e]);
        match what {
            Hidden::Body => out.push_str(&format!("{{{lines}}}")),
            Hidden::Comment => out.push_str(&format!("/*{lines}*/")),
            Hidden::Error => out.push_str(&"\n".repeat(lines)),
        }
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

/// One analysis' use of the last memo, and the making of the next.
pub(super) struct Plan {
    key: Key,
    old: Option<Memo>,
    /// The findings recorded for the next memo, per declaration.
    pub decls: Vec<Option<Decl>>,
    /// Declarations whose findings were kept.
    pub kept: usize,
    /// The lengths of the common prefix and suffix of the last text and this one.
    unchanged: (usize, usize),
    /// The last memo's declarations with findings: (start, index in its `decls`), by start.
    old_starts: Vec<(usize, usize)>,
}

impl Plan {
    pub fn new(
        old: Option<Memo>,
        text: &str,
        hidden: &[(usize, usize, Hidden)],
        ctx: &Context,
        versions: &Versions,
        facts: &FileFacts,
    ) -> Plan {
        let key = Key {
            ctx: ctx.clone(),
            versions: versions.clone(),
            facts: facts.clone(),
            skeleton: skeleton(text, hidden),
        };
        let old = old.filter(|m| m.key == key);
        // The common prefix and suffix of the two texts (not overlapping): what the edit kept.
        let unchanged = old.as_ref().map_or((0, 0), |m| {
            let (prefix, old_end, _) = crate::span::edit_region(&m.text, text);
            (prefix, m.text.len() - old_end)
        });
        let old_starts = old.as_ref().map_or(Vec::new(), |m| {
            m.decls.iter().enumerate().filter_map(|(i, d)| d.as_ref().map(|d| (d.start, i))).collect()
        });
        Plan { key, old, unchanged, old_starts, decls: Vec::new(), kept: 0 }
    }

    /// Declaration number `k` (a top-level function or method, `start..end` in `text`) is
    /// about to be walked. It gets a slot in the next memo; if it is unchanged since the last
    /// analysis, the answer is its last local findings, moved to where it is now. A
    /// declaration with a syntax error inside (`broken`) keeps and records nothing.
    pub fn enter(&mut self, k: usize, start: usize, end: usize, text: &str, broken: bool) -> Option<Kept> {
        while self.decls.len() <= k {
            self.decls.push(None);
        }
        if broken {
            return None;
        }
        self.decls[k] = Some(Decl { start, end, origin: start, diagnostics: Vec::new(), mux_sites: Vec::new() });
        // Only for a declaration that begins its line: the text before it on the line is
        // then skeleton (a fix may copy a line's indentation).
        let line_start = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
        if !text[line_start..start].bytes().all(|b| b == b' ' || b == b'\t') {
            return None;
        }
        let old = self.old.as_mut()?;
        // The declaration where it was before the edit: the same start before the edited
        // part of the text, the same distance from the end after it.
        let (prefix, suffix) = self.unchanged;
        let was = if end <= prefix {
            start
        } else if start >= text.len() - suffix {
            start + old.text.len() - text.len()
        } else {
            return None;
        };
        let i = self.old_starts.binary_search_by_key(&was, |&(start, _)| start).ok()?;
        let prev = old.decls[self.old_starts[i].1].take()?;
        if old.text.get(prev.start..prev.end)? != text.get(start..end)? {
            return None;
        }
        // And the same text before it on its line (found in review: a stray token there,
        // hidden from the skeleton, changed the indentation a fix copies).
        let old_line_start = old.text.get(..prev.start)?.rfind('\n').map_or(0, |i| i + 1);
        if old.text.get(old_line_start..prev.start)? != &text[line_start..start] {
            return None;
        }
        let kept = Kept {
            // (A kept finding lies inside its declaration, so the move keeps it in the text.)
            diagnostics: prev
                .diagnostics
                .iter()
                .filter_map(|d| d.shifted(start as isize - prev.origin as isize))
                .collect(),
            mux_sites: prev.mux_sites.iter().map(|m| m.shifted(prev.origin, start)).collect(),
        };
        self.decls[k] = Some(Decl { start, end, origin: prev.origin, ..prev });
        self.kept += 1;
        Some(kept)
    }

    /// Declaration `k` must be walked afresh next time (the walk did not reach all of it).
    pub fn forget(&mut self, k: usize) {
        if let Some(slot) = self.decls.get_mut(k) {
            *slot = None;
        }
    }

    /// A local rule's node check met ServeMux registration `site` while declaration `k`
    /// was walked.
    pub fn record_mux_site(&mut self, k: usize, site: &Site) {
        if let Some(Some(decl)) = self.decls.get_mut(k) {
            decl.mux_sites.push(site.clone());
        }
    }

    /// A local rule reported `d` while declaration `k` was walked.
    pub fn record(&mut self, k: usize, d: &Diagnostic) {
        let Some(Some(decl)) = self.decls.get_mut(k) else { return };
        let inside = |s: crate::span::Span| decl.start <= s.start && s.end <= decl.end;
        let edits_inside = d.fix.as_ref().is_none_or(|f| f.edits.iter().all(|e| inside(e.span)));
        if inside(d.span) && edits_inside {
            decl.diagnostics.push(d.clone());
        } else {
            // Not what a local rule promises: never reuse this declaration's findings.
            self.decls[k] = None;
        }
    }

    pub fn finish(self, text: &str) -> Memo {
        Memo { key: self.key, text: text.to_string(), decls: self.decls }
    }
}
