//! The code analyzer: parse once with tree-sitter-go, walk the tree once, hand each node
//! to the rules that asked for its kind.
//!
//! Invariants: [`analyze`] never fails and never panics (a tree-sitter parse always yields
//! a tree; syntax errors become diagnostics); the walk is iterative (a cursor, no recursion
//! in proportion to nesting depth); every diagnostic names a rule that cites a source.

pub mod callee;
mod error_guard;
pub mod facts;
pub mod node_ext;
mod reuse;
pub mod scope;
pub mod versions;

use crate::buildtag::find_build_line;
use crate::diagnostic::{Diagnostic, GodebugHatch, SideBehavior};
use crate::gomod::GoMod;
use crate::rules::{self, Rule};
use crate::span::Span;
use crate::version::GoVersion;
pub use callee::{Callee, PkgRef};
use error_guard::ErrorGuard;
pub use facts::FileFacts;
pub use node_ext::NodeExt;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use tree_sitter::{Node, Parser, Tree};
pub use versions::{Sourced, Versions};

/// Inputs besides the source text. Everything is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// The go.mod text (its `go`, `toolchain` and `godebug` lines are used).
    pub go_mod: Option<String>,
    /// The go line before the upgrade; overrides go.mod (default: go.mod's line, else go1.21).
    pub from: Option<GoVersion>,
    /// The go line after the upgrade (default: go1.22, or `from` when that is newer).
    pub to: Option<GoVersion>,
    /// The toolchain (default: the newer of from and to).
    pub toolchain: Option<GoVersion>,
    /// The file's name (`main_test.go` matters for `//go:debug`); default `main.go`.
    pub file_name: Option<String>,
}

/// Input larger than this is analysed up to the last line break before it; the rest is
/// named in a note (a playground must stay responsive on a 10 MB paste).
pub const MAX_ANALYZED_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Sorted by position, then rule id.
    pub diagnostics: Vec<Diagnostic>,
    pub versions: Versions,
    /// No `package` clause: analysed as a fragment of statements and declarations.
    pub fragment: bool,
    /// Things the user should know about the analysis itself (truncation, fragment, ...).
    pub notes: Vec<String>,
    /// How many rules ran.
    pub rules_checked: usize,
    /// Bytes of the input that were analysed.
    pub analyzed_bytes: usize,
}

/// Analyses raw bytes: invalid UTF-8 is replaced (U+FFFD) and said in a note.
pub fn analyze_bytes(bytes: &[u8], ctx: &Context) -> (String, Analysis) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), analyze(s, ctx)),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let mut a = analyze(&text, ctx);
            a.notes.insert(
                0,
                format!(
                    "The input is not valid UTF-8 (first bad byte at offset {}); invalid bytes were replaced by U+FFFD. Go source must be UTF-8.",
                    e.valid_up_to()
                ),
            );
            (text, a)
        }
    }
}

/// Resolves the versions of `rules.md` §0 from the context and the file header.
pub fn resolve_versions(src: &str, ctx: &Context, gomod: Option<&GoMod>) -> Versions {
    let from = match (ctx.from, gomod) {
        (Some(v), _) => Sourced::new(v, "version selector"),
        (None, Some(m)) => match &m.go {
            Some(g) => Sourced::new(g.value, format!("go.mod line {}", g.line)),
            None => Sourced::new(GoVersion::lang(16), "go.mod has no go line: go1.16 is assumed"),
        },
        (None, None) => Sourced::new(GoVersion::lang(21), "default"),
    };
    let to = match ctx.to {
        Some(v) => Sourced::new(v, "version selector"),
        None if from.version.language() > GoVersion::lang(22) => Sourced::new(from.version, "same as from"),
        None => Sourced::new(GoVersion::lang(22), "default"),
    };
    let toolchain = match ctx.toolchain {
        Some(v) => Sourced::new(v, "toolchain selector"),
        None => Sourced::new(from.version.max(to.version).language(), "the newer of from and to"),
    };
    let build = find_build_line(src);
    let file_from = versions::file_version(&from, build.as_ref(), toolchain.version);
    let file_to = versions::file_version(&to, build.as_ref(), toolchain.version);
    Versions { from, to, toolchain, file_from, file_to }
}

fn go_parser() -> Parser {
    let mut p = Parser::new();
    p.set_language(&tree_sitter_go::LANGUAGE.into()).expect("tree-sitter-go is compatible with tree-sitter");
    p
}

/// Parses Go source. A leading BOM is blanked (same length) so offsets stay valid.
pub fn parse(src: &str) -> Tree {
    Reparser::new().parse(src)
}

/// A parser that keeps the last text and tree, so that the next parse of an edited copy
/// reuses every unchanged subtree (tree-sitter's incremental parsing: the old tree is told
/// the edit with `Tree::edit`, then given to `Parser::parse`). The edit is found by
/// comparing the texts: their common prefix and suffix; any two texts are a valid edit of
/// each other, so this never fails. The playground's worker keeps one across keystrokes;
/// `tests/incremental_parse.rs` checks that its trees and analyses equal fresh ones.
pub struct Reparser {
    parser: Parser,
    last: Option<(String, Tree)>,
    /// Keep each analysis' local findings for the next one ([`Reparser::for_typing`]).
    keep_findings: bool,
    memo: Option<reuse::Memo>,
    kept: usize,
    /// The last tree was parsed incrementally (for tests and benches).
    incremental: bool,
    /// Trees the last parse is done with, freed by [`Reparser::release`] (or the next parse).
    retired: Vec<Tree>,
}

impl Default for Reparser {
    fn default() -> Self {
        Self::new()
    }
}

impl Reparser {
    pub fn new() -> Self {
        Reparser {
            parser: go_parser(),
            last: None,
            keep_findings: false,
            memo: None,
            kept: 0,
            incremental: false,
            retired: Vec::new(),
        }
    }

    /// A parser for a text being typed: besides the tree, [`analyze_with`] keeps the findings
    /// of rules that are local to a function or method, and gives the next analysis those of
    /// every declaration the edit did not touch ([`reuse`]). The analyses are the same as
    /// fresh ones.
    pub fn for_typing() -> Self {
        Reparser { keep_findings: true, ..Reparser::new() }
    }

    /// How many declarations' findings the last [`analyze_with`] kept (for tests and benches).
    pub fn kept_declarations(&self) -> usize {
        self.kept
    }

    /// Whether the last [`Reparser::parse`] kept the incremental tree (for tests and benches).
    pub fn last_was_incremental(&self) -> bool {
        self.incremental
    }

    /// Parses `src` (a leading BOM blanked, as [`parse`] does), reusing the previous tree.
    pub fn parse(&mut self, src: &str) -> Tree {
        let blanked;
        let text = match src.strip_prefix('\u{feff}') {
            Some(rest) => {
                blanked = format!("   {rest}");
                blanked.as_str()
            }
            None => src,
        };
        self.release();
        // A text that shares less than half with the last one (a new paste, another file)
        // is parsed afresh: there is little to reuse, and matching the old tree costs time.
        let mut guard = None;
        let retired = &mut self.retired;
        let old = self.last.take().and_then(|(old_text, mut tree)| {
            let edit = edit_between(&old_text, text);
            let kept = edit.start_byte + (text.len() - edit.new_end_byte);
            if kept * 2 < text.len() {
                retired.push(tree);
                return None;
            }
            // An edit inside one declaration: a result with a syntax error may be kept, on
            // the guard's checks after the parse. After a syntax error, no other edit is parsed
            // incrementally.
            guard = ErrorGuard::before(&tree, &edit);
            if guard.is_none() && tree.root_node().has_error() {
                retired.push(tree);
                return None;
            }
            tree.edit(&edit);
            Some(tree)
        });
        let mut tree = self
            .parser
            .parse(text, old.as_ref())
            .expect("tree-sitter returns a tree when no timeout or cancellation is set");
        // With a syntax error, tree-sitter's error recovery may shape a reused tree unlike a
        // fresh parse of the same text (found by the analyzer_go fuzz target): such a text is
        // parsed afresh, so that the analysis is always the fresh one, unless the guard shows
        // that the edit and its error recovery stayed inside one declaration (`ErrorGuard`).
        self.incremental = old.is_some();
        if old.is_some()
            && tree.root_node().has_error()
            && !guard.is_some_and(|g| g.holds(&tree, text, &mut self.parser))
        {
            self.incremental = false;
            let fresh = self
                .parser
                .parse(text, None)
                .expect("tree-sitter returns a tree when no timeout or cancellation is set");
            self.retired.push(std::mem::replace(&mut tree, fresh));
        }
        self.retired.extend(old);
        self.last = Some((text.to_string(), tree.clone()));
        tree
    }

    /// Frees the trees the last parse is done with. Freeing a whole tree (after a fresh
    /// parse) costs as much as a tenth of parsing it, so the worker does it after posting
    /// its reply, not before; otherwise the next parse does it.
    pub fn release(&mut self) {
        self.retired.clear();
    }
}

/// The edit that turns `old` into `new`: the bytes between their common prefix and suffix
/// (both cut at character boundaries: `span::edit_region`), with tree-sitter's
/// row/byte-column points.
fn edit_between(old: &str, new: &str) -> tree_sitter::InputEdit {
    let (start, old_end, new_end) = crate::span::edit_region(old, new);
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let column = |text: &[u8], at: usize| at - text[..at].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1);
    // The rows: the prefix's line breaks counted once, then those of each side's edit.
    let row = crate::span::count_newlines(&a[..start]);
    let point = |text: &[u8], at: usize| tree_sitter::Point {
        row: row + crate::span::count_newlines(&text[start..at]),
        column: column(text, at),
    };
    tree_sitter::InputEdit {
        start_byte: start,
        old_end_byte: old_end,
        new_end_byte: new_end,
        start_position: point(a, start),
        old_end_position: point(a, old_end),
        new_end_position: point(b, new_end),
    }
}

/// Analyses one Go file or snippet. Never panics; see the module invariants.
pub fn analyze(src: &str, ctx: &Context) -> Analysis {
    analyze_with(src, ctx, &mut Reparser::new())
}

/// [`analyze`] with a [`Reparser`] kept by the caller: the same analysis, parsed
/// incrementally from the caller's previous text.
pub fn analyze_with(src: &str, ctx: &Context, reparser: &mut Reparser) -> Analysis {
    let mut notes = Vec::new();
    let mut text = src;
    if text.len() > MAX_ANALYZED_BYTES {
        let mut cut = MAX_ANALYZED_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        cut = text[..cut].rfind('\n').map(|i| i + 1).unwrap_or(cut);
        notes.push(format!(
            "The input is {} bytes; only the first {} bytes (up to line {}) were analysed. Nothing after that point is checked.",
            src.len(),
            cut,
            text[..cut].matches('\n').count()
        ));
        text = &text[..cut];
    }
    let gomod = ctx.go_mod.as_deref().map(GoMod::parse);
    let versions = resolve_versions(text, ctx, gomod.as_ref());
    let tree = reparser.parse(text);
    let facts = FileFacts::collect(text, &tree, ctx, gomod.as_ref());
    if facts.package_name.is_none() {
        notes.push("No package clause: analysed as a fragment of a file.".into());
    }
    // What the skeleton leaves out: the reuse key's, and the text rules may not search.
    let hidden = OnceCell::new();
    let plan = reparser.keep_findings.then(|| {
        let hidden = hidden.get_or_init(|| reuse::hidden(text, tree.root_node(), facts.package_offset.is_some()));
        reuse::Plan::new(reparser.memo.take(), text, hidden, ctx, &versions, &facts)
    });
    let mut checker = Checker {
        src: text,
        tree: &tree,
        versions: &versions,
        facts: &facts,
        gomod: gomod.as_ref(),
        rule: rules::ALL[0],
        diagnostics: Vec::new(),
        ancestors: Vec::new(),
        current: None,
        fields: FieldCache::default(),
        scope: OnceCell::new(),
        hidden,
        skeleton_hits: Default::default(),
        visible: Default::default(),
        top_hits: Default::default(),
        blocks: Default::default(),
        callee: OnceCell::new(),
        pkg_ref: OnceCell::new(),
        shared: Default::default(),
        plan,
        top: None,
        reusing: false,
        reused: Vec::new(),
    };
    // The walk with reuse is a separate instance, so that the plain one pays nothing for it.
    let too_deep =
        if checker.plan.is_some() { run_rules::<true>(&mut checker) } else { run_rules::<false>(&mut checker) };
    for rule in rules::ALL.iter() {
        if let Some(f) = rule.check_end {
            checker.rule = rule;
            f(&mut checker);
        }
    }
    if let Some(at) = too_deep {
        let line = text[..at.min(text.len())].matches('\n').count() + 1;
        notes.push(format!(
            "The code nests deeper than {MAX_RULE_DEPTH} syntax levels (from line {line}); rules did not look inside the deepest parts. Real Go code never nests this deep."
        ));
    }
    if let Some(plan) = checker.plan.take() {
        reparser.kept = plan.kept;
        reparser.memo = Some(plan.finish(text));
    }
    let mut diagnostics = checker.diagnostics;
    diagnostics.append(&mut checker.reused);
    diagnostics.sort_by(|a, b| (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule)));
    diagnostics.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
    Analysis {
        diagnostics,
        versions,
        fragment: facts.package_name.is_none(),
        notes,
        rules_checked: rules::ALL.len(),
        analyzed_bytes: text.len(),
    }
}

/// Nodes deeper than this (in syntax-tree levels) are not given to the rules. gofmt'd Go
/// never gets near it (a block adds about three levels); pathological pastes do, and then
/// any rule that looks upward from a node would cost O(depth) per step (tree-sitter's
/// `Node::parent` descends from the root). The analysis says what it skipped.
pub const MAX_RULE_DEPTH: usize = 600;

fn run_rules<const REUSE: bool>(c: &mut Checker) -> Option<usize> {
    let dispatch = &*rules::DISPATCH;
    for rule in rules::ALL.iter() {
        if let Some(f) = rule.check_file {
            c.rule = rule;
            f(c);
        }
    }
    // Kept declarations are walked only for rules that are not local and may report here.
    let skip_kept =
        REUSE && rules::ALL.iter().all(|r| r.check_node.is_none() || r.local || r.applies.is_some_and(|f| !f(c)));
    let mut too_deep_at = None;
    let mut cursor = c.tree.walk();
    c.ancestors.clear();
    loop {
        let node = cursor.node();
        let kind = node.kind_id() as usize;
        let too_deep = c.ancestors.len() >= MAX_RULE_DEPTH;
        if too_deep {
            too_deep_at.get_or_insert(node.start_byte());
            // The walk of a kept declaration may be skipped: keep none that holds this note's cause.
            if let (true, Some(plan), Some(k)) = (REUSE, c.plan.as_mut(), c.top) {
                plan.forget(k);
            }
        }
        if REUSE && c.ancestors.len() == 1 {
            enter_top_level(c, node);
        }
        let (descend, rules) = dispatch.get(kind).map_or((rules::Descend::ALWAYS, &[][..]), |d| {
            (d.descend, if REUSE && c.reusing { &d.nonlocal[..] } else { &d.rules[..] })
        });
        if !too_deep && !rules.is_empty() {
            c.current = Some(node);
            // The memos hold the last dispatched node's answers (emptied only when filled).
            if c.callee.get().is_some() {
                c.callee = OnceCell::new();
            }
            if c.pkg_ref.get().is_some() {
                c.pkg_ref = OnceCell::new();
            }
            for &(rule, check) in rules {
                c.rule = rule;
                check(c, node);
            }
        }
        let opaque = match descend {
            _ if skip_kept && c.reusing && c.ancestors.len() == 1 => true,
            rules::Descend::NEVER => true,
            rules::Descend::IF_ERROR => !node.has_error(),
            _ => false,
        };
        if !too_deep && !opaque && cursor.goto_first_child() {
            c.ancestors.push(node);
            continue;
        }
        if cursor.goto_next_sibling() {
            continue;
        }
        loop {
            if !cursor.goto_parent() {
                (c.top, c.reusing) = (None, false);
                return too_deep_at;
            }
            c.ancestors.pop();
            if cursor.goto_next_sibling() {
                break;
            }
        }
    }
}

/// The walk is at a child of the root: a function or method declaration gets its number
/// and, when unchanged since the last analysis, its kept local findings ([`reuse`]).
fn enter_top_level(c: &mut Checker, node: Node) {
    let Some(plan) = c.plan.as_mut() else { return };
    if !reuse::is_decl(node) {
        (c.top, c.reusing) = (None, false);
        return;
    }
    // Declarations are numbered in walk order: the next slot of the memo being made.
    let k = plan.decls.len();
    let kept = plan.enter(k, node.start_byte(), node.end_byte(), c.src, node.has_error());
    c.top = Some(k);
    c.reusing = kept.is_some();
    if let Some(kept) = kept {
        c.reused.extend(kept.diagnostics);
        c.shared.mux_sites.borrow_mut().extend(kept.mux_sites);
    }
}

/// What a rule sees: the text, the tree, the versions, file facts; and where it reports.
pub struct Checker<'a> {
    pub src: &'a str,
    pub tree: &'a Tree,
    pub versions: &'a Versions,
    pub facts: &'a FileFacts,
    pub gomod: Option<&'a GoMod>,
    rule: &'static Rule,
    diagnostics: Vec<Diagnostic>,
    /// The ancestors of the node being dispatched, root first (maintained by the walk).
    ancestors: Vec<Node<'a>>,
    /// The node being dispatched.
    current: Option<Node<'a>>,
    /// The last field lookups made by rules ([`Checker::field`]).
    fields: FieldCache<'a>,
    /// What the skeleton leaves out ([`reuse::hidden`], [`Checker::visible_parts`]).
    hidden: OnceCell<Vec<(usize, usize, reuse::Hidden)>>,
    /// Patterns looked for in the skeleton, and whether they occur there
    /// ([`Checker::visible_contains`]).
    skeleton_hits: std::cell::RefCell<Vec<(String, bool)>>,
    /// The last [`Checker::visible_parts`]: (the walked top-level node's id, the parts).
    visible: std::cell::RefCell<Option<(usize, std::rc::Rc<Vec<crate::span::Span>>)>>,
    /// The same for the hidden parts of the walked top-level node: (its id, pattern, hit).
    top_hits: std::cell::RefCell<Vec<(usize, String, bool)>>,
    /// The package-scope indexes, built on first use ([`Checker::top_level_declaring`]).
    scope: OnceCell<scope::PackageScope<'a>>,
    /// Indexes of long blocks by node id, built on first use ([`Checker::block_declaring`]).
    blocks: std::cell::RefCell<std::collections::HashMap<usize, std::rc::Rc<scope::DeclaringIndex<'a>>>>,
    /// The callee of the dispatched call ([`Checker::callee`]), once a rule asked.
    callee: OnceCell<Option<Callee<'a>>>,
    /// The dispatched node's `pkg.Name` resolution ([`Checker::pkg_ref`]), once a rule asked.
    pkg_ref: OnceCell<Option<PkgRef<'a>>>,
    /// What rules share with each other during this analysis ([`rules::Shared`]).
    pub(crate) shared: rules::Shared<'a>,
    /// Findings kept from the last analysis ([`Reparser::for_typing`]), and the next memo.
    plan: Option<reuse::Plan>,
    /// The number of the top-level function or method being walked.
    top: Option<usize>,
    /// Its local findings are kept: only the other rules are given its nodes.
    reusing: bool,
    reused: Vec<Diagnostic>,
}

/// Slots of [`FieldCache`]. A `call_expression` is looked at by 18 rules, which mostly ask
/// for the same few fields (`function`, then the callee's `operand` and `field`,
/// `arguments`); its callee `selector_expression`, dispatched right after it, is asked for
/// the same `operand` and `field` again. Sixteen slots hold those with few collisions.
const FIELD_CACHE_SLOTS: usize = 16;

type FieldEntry<'a> = Option<(Node<'a>, u16, Option<Node<'a>>)>;

/// Recent lookups `(node, field id) -> child`, direct-mapped by a hash of the node's id and
/// the field (a collision overwrites the older entry). `Node::child_by_field_id` walks the
/// node's children and its field map on every call (a few hundred instructions); a hit
/// here is one comparison. The tree does not change during an analysis, so an entry never
/// goes stale: the cache only returns what tree-sitter returned for the same node and
/// field. Field id 0 (no field in tree-sitter) is the key of `node.child(0)`
/// ([`Checker::first_child`]).
struct FieldCache<'a> {
    slots: [Cell<FieldEntry<'a>>; FIELD_CACHE_SLOTS],
}

impl Default for FieldCache<'_> {
    fn default() -> Self {
        FieldCache { slots: std::array::from_fn(|_| Cell::new(None)) }
    }
}

impl<'a> FieldCache<'a> {
    #[inline]
    fn get(&self, node: Node<'a>, key: u16, lookup: impl FnOnce() -> Option<Node<'a>>) -> Option<Node<'a>> {
        // Node ids are addresses of 8-byte subtree slots: drop the low bits, mix in the key.
        let slot = &self.slots[((node.id() >> 3) ^ (key as usize).wrapping_mul(5)) % FIELD_CACHE_SLOTS];
        if let Some((n, k, found)) = slot.get() {
            if k == key && n == node {
                return found;
            }
        }
        let found = lookup();
        slot.set(Some((node, key, found)));
        found
    }
}

impl<'a> Checker<'a> {
    /// The text of a node (empty if the node's range is not valid UTF-8 boundaries).
    pub fn text(&self, node: Node) -> &'a str {
        self.src.get(node.byte_range()).unwrap_or("")
    }

    /// The parts of the text a rule may search around the dispatched node and stay
    /// [`Rule::local`](crate::rules::Rule::local): everything but the bodies of the other
    /// top-level functions and methods, the top-level comments that are not directives and
    /// top-level syntax errors (the skeleton and the top-level node being walked,
    /// [`reuse::hidden`]), as byte ranges in file
    /// order. Go agrees: nothing declared in another function's body is visible here.
    pub fn visible_parts(&self) -> std::rc::Rc<Vec<crate::span::Span>> {
        let hidden = self.hidden();
        let top = self.walked_top();
        let id = top.map_or(usize::MAX, |t| t.id());
        if let Some((_, parts)) = self.visible.borrow().as_ref().filter(|(known, _)| *known == id) {
            return parts.clone();
        }
        let mine = top.map(|t| (t.start_byte(), t.end_byte()));
        let mut out = Vec::with_capacity(hidden.len() + 1);
        let mut at = 0;
        for &(s, e, _) in hidden.iter() {
            if mine.is_some_and(|(ms, me)| ms <= s && e <= me) {
                continue; // the walked declaration's own body
            }
            out.push(crate::span::Span::new(at, s));
            at = e;
        }
        out.push(crate::span::Span::new(at, self.src.len()));
        out.retain(|p| p.end > p.start);
        let parts = std::rc::Rc::new(out);
        *self.visible.borrow_mut() = Some((id, parts.clone()));
        parts
    }

    /// What the skeleton leaves out ([`reuse::hidden`]), found once per analysis.
    fn hidden(&self) -> &[(usize, usize, reuse::Hidden)] {
        self.hidden.get_or_init(|| reuse::hidden(self.src, self.tree.root_node(), self.facts.package_offset.is_some()))
    }

    /// The top-level node the walk is in (the dispatched node itself at the top level).
    pub fn walked_top(&self) -> Option<Node<'a>> {
        self.ancestors.get(1).or(self.current.as_ref()).copied()
    }

    /// Whether `pat` occurs in the [visible parts](Checker::visible_parts) of the text. The
    /// answer for the skeleton (the same for every declaration) is remembered per pattern.
    pub fn visible_contains(&self, pat: &str) -> bool {
        let hidden = self.hidden();
        let known = self.skeleton_hits.borrow().iter().find(|(p, _)| p == pat).map(|(_, hit)| *hit);
        let in_skeleton = known.unwrap_or_else(|| {
            let mut at = 0;
            let mut hit = false;
            for &(s, e, _) in hidden.iter().chain([(self.src.len(), self.src.len(), reuse::Hidden::Body)].iter()) {
                hit = hit || self.src.get(at..s).is_some_and(|t| t.contains(pat));
                at = e;
            }
            self.skeleton_hits.borrow_mut().push((pat.to_string(), hit));
            hit
        });
        if in_skeleton {
            return true;
        }
        // What it hides inside the walked top-level node (that declaration's body), answered
        // once per node and pattern.
        let Some(top) = self.walked_top() else { return false };
        let mut known = self.top_hits.borrow_mut();
        if known.first().is_some_and(|(id, _, _)| *id != top.id()) {
            known.clear();
        }
        if let Some(&(_, _, hit)) = known.iter().find(|(_, p, _)| p == pat) {
            return hit;
        }
        let hit = hidden
            .iter()
            .any(|&(s, e, _)| top.start_byte() <= s && e <= top.end_byte() && self.src[s..e].contains(pat));
        known.push((top.id(), pat.to_string(), hit));
        hit
    }

    /// The ancestors of the node being dispatched, root first.
    pub fn ancestors(&self) -> &[Node<'a>] {
        &self.ancestors
    }

    /// The parent of `node` in O(1) when `node` is the dispatched node or one of its
    /// ancestors; otherwise tree-sitter's `Node::parent` (which costs O(depth)).
    pub fn parent_of(&self, node: Node<'a>) -> Option<Node<'a>> {
        if self.current == Some(node) {
            return self.ancestors.last().copied();
        }
        match self.ancestors.iter().rposition(|a| *a == node) {
            Some(0) => None,
            Some(i) => Some(self.ancestors[i - 1]),
            None => match self.path_below_current(node) {
                Some(path) => path.last().copied(),
                None => node.parent(),
            },
        }
    }

    /// `node.field("function")` through the field cache (many rules look at the callee of
    /// every `call_expression`).
    pub fn function_of(&self, node: Node<'a>) -> Option<Node<'a>> {
        self.field(node, "function")
    }

    /// The callee of the `call_expression` `call` ([`Callee`]): computed once for the
    /// dispatched call, which every call rule asks about, and lent to each.
    pub fn callee(&self, call: Node<'a>) -> Option<Cow<'_, Callee<'a>>> {
        self.remembered(&self.callee, call, || Callee::of(self, call))
    }

    /// `node` (a `selector_expression` or `qualified_type`) resolved as `pkg.Name` through
    /// the imports ([`PkgRef`]): computed once for the dispatched node, which several
    /// stdlib rules ask about. Rules check shadowing before they report.
    pub fn pkg_ref(&self, node: Node<'a>) -> Option<Cow<'_, PkgRef<'a>>> {
        self.remembered(&self.pkg_ref, node, || PkgRef::of(self, node))
    }

    /// `compute()` for `node`, kept in `slot` when `node` is the dispatched node (the driver
    /// empties the slots for each node), so that the next rule asking gets a reference to it.
    fn remembered<'s, T: Clone>(
        &'s self,
        slot: &'s OnceCell<Option<T>>,
        node: Node<'a>,
        compute: impl FnOnce() -> Option<T>,
    ) -> Option<Cow<'s, T>> {
        if self.current == Some(node) {
            slot.get_or_init(compute).as_ref().map(Cow::Borrowed)
        } else {
            compute().map(Cow::Owned)
        }
    }

    /// Same as `node.field(name)` ([`NodeExt::field`]), remembered for the next lookups
    /// (see [`FieldCache`]): use it for fields that several rules ask of the same node.
    pub fn field(&self, node: Node<'a>, name: &str) -> Option<Node<'a>> {
        self.field_by_id(node, node_ext::field_id(name)?)
    }

    /// Same as `node.child_by_field_id(id)`, through the field cache.
    pub fn field_by_id(&self, node: Node<'a>, id: u16) -> Option<Node<'a>> {
        if id == 0 {
            return None; // tree-sitter has no field 0 (and 0 keys `first_child` here)
        }
        self.fields.get(node, id, || node.child_by_field_id(id))
    }

    /// Same as `node.child(0)`, through the field cache.
    pub fn first_child(&self, node: Node<'a>) -> Option<Node<'a>> {
        self.fields.get(node, 0, || node.child(0))
    }

    /// The top-level statements that may declare `name`, in file order: a superset of
    /// those that do (see [`scope`]), so a rule resolving a name at file scope tests these
    /// instead of every top-level statement.
    pub fn top_level_declaring(&self, name: &str) -> &[Node<'a>] {
        self.package_scope().declaring(name)
    }

    /// Whether the file declares a package-level function, variable, constant or type
    /// `name` (which then shadows a builtin or predeclared name of that spelling).
    pub fn declares_top_level(&self, name: &str) -> bool {
        // The index's candidates minus a top-level `:=`, which only a broken file has.
        self.top_level_declaring(name).iter().any(|s| s.kind_str() != "short_var_declaration")
    }

    /// The statements of `block` (a `statement_list`) that start before byte `before` and
    /// may declare `name`, in order: a superset of those that do. A long block is indexed
    /// once ([`scope::BLOCK_INDEX_MIN`]); a short one is scanned.
    pub fn block_declaring(&self, block: Node<'a>, name: &str, before: usize) -> Vec<Node<'a>> {
        if block.named_child_count() <= scope::BLOCK_INDEX_MIN {
            let mut cur = block.walk();
            return block.named_children(&mut cur).take_while(|s| s.start_byte() < before).collect();
        }
        let index = {
            let mut blocks = self.blocks.borrow_mut();
            blocks
                .entry(block.id())
                .or_insert_with(|| std::rc::Rc::new(scope::declaring_index(self.src, block)))
                .clone()
        };
        scope::lookup(&index, name).iter().copied().take_while(|s| s.start_byte() < before).collect()
    }

    /// The `field_declaration`s naming `name` inside the file's type declarations.
    pub fn struct_fields_named(&self, name: &str) -> &[Node<'a>] {
        self.package_scope().fields(name)
    }

    fn package_scope(&self) -> &scope::PackageScope<'a> {
        self.scope.get_or_init(|| {
            scope::PackageScope::build(self.src, self.tree.root_node(), self.facts.package_offset.is_some())
        })
    }

    /// The ancestors of `node`, nearest first, using the walk's stack where it can. Below the
    /// dispatched node, the path is found going *down* from it: tree-sitter's
    /// `Node::parent` searches from the root each time, which costs as much as the file has
    /// top-level declarations.
    pub fn ancestors_of(&self, node: Node<'a>) -> Vec<Node<'a>> {
        if let Some(mut out) = self.path_below_current(node) {
            out.reverse();
            out.extend(self.ancestors.iter().rev().copied());
            return out;
        }
        // Elsewhere, one descent from the root (one `Node::parent` call per level would
        // search from the root once per level).
        let root = self.tree.root_node();
        match path_between(root, node) {
            Some(mut out) => {
                out.reverse();
                out
            }
            None => {
                let mut out = Vec::new();
                let mut n = node;
                while let Some(p) = n.parent() {
                    out.push(p);
                    n = p;
                }
                out
            }
        }
    }

    /// When `node` is the dispatched node or inside it: the nodes from the dispatched node
    /// down to `node`'s parent (empty for the dispatched node itself).
    fn path_below_current(&self, node: Node<'a>) -> Option<Vec<Node<'a>>> {
        let cur = self.current?;
        if node == cur {
            return Some(Vec::new());
        }
        path_between(cur, node)
    }

    pub fn span(node: Node) -> Span {
        Span::new(node.start_byte(), node.end_byte())
    }

    /// A diagnostic of the running rule, with its severity, source and GODEBUG hatch filled in.
    pub fn diagnostic(&self, span: Span, message: impl Into<String>, explanation: impl Into<String>) -> Diagnostic {
        Diagnostic {
            rule: self.rule.id.to_string(),
            severity: self.rule.severity,
            span,
            message: message.into(),
            explanation: explanation.into(),
            source_url: self.rule.sources[0].to_string(),
            godebug: self.rule.godebug.map(|(setting, value, note)| GodebugHatch {
                setting: setting.to_string(),
                value: value.to_string(),
                note: note.map(str::to_string),
            }),
            fix: None,
            sides: Vec::new(),
        }
    }

    /// Side notes "under go1.21 (go.mod line 3): ..." for the file versions.
    pub fn file_sides(&self, from: impl Into<String>, to: impl Into<String>) -> Vec<SideBehavior> {
        vec![
            SideBehavior { version: self.versions.file_from.describe(), behavior: from.into() },
            SideBehavior { version: self.versions.file_to.describe(), behavior: to.into() },
        ]
    }

    /// Whether the running rule has already reported in this file (for once-per-file findings
    /// made from node checks).
    pub fn reported_by_rule(&self) -> bool {
        self.diagnostics.iter().rev().any(|d| d.rule == self.rule.id)
    }

    /// A node check met an unconditional ServeMux registration (for the conflict check at
    /// the end of the walk); inside a function, it is kept with the function's findings.
    pub(crate) fn add_mux_site(&mut self, site: crate::rules::mux::http_mux_conflicting_patterns::Site) {
        if let (Some(plan), Some(k), true) = (self.plan.as_mut(), self.top, self.rule.local) {
            plan.record_mux_site(k, &site);
        }
        self.shared.mux_sites.borrow_mut().push(site);
    }

    pub fn report(&mut self, d: Diagnostic) {
        if let (Some(plan), Some(k), true) = (self.plan.as_mut(), self.top, self.rule.local) {
            plan.record(k, &d);
        }
        self.diagnostics.push(d);
    }
}

/// The nodes from `top` down to `node`'s parent, when `node` is strictly inside `top`
/// (tree-sitter's `child_with_descendant` at each level; `None` if the path is lost or
/// deeper than the rules look).
fn path_between<'a>(top: Node<'a>, node: Node<'a>) -> Option<Vec<Node<'a>>> {
    if node == top || !(top.start_byte() <= node.start_byte() && node.end_byte() <= top.end_byte()) {
        return None;
    }
    let mut path = vec![top];
    let mut n = top;
    while path.len() <= MAX_RULE_DEPTH {
        let child = n.child_with_descendant(node)?;
        if child == node {
            return Some(path);
        }
        path.push(child);
        n = child;
    }
    None
}
