//! When a keystroke's text has a syntax error, may its incremental parse stand for a fresh one?
//!
//! Invariant kept by [`super::Reparser`]: every tree it returns is the tree a fresh parse of
//! the same text gives. Without syntax errors tree-sitter's incremental parse keeps it. With
//! one, error recovery on a reused tree can differ from a fresh parse (found by the
//! `analyzer_go` fuzz target: `type` → `typex` recovered as `for from = 0` instead of
//! `for i := 0`), so such a text used to be parsed afresh, every keystroke; a file with a
//! broken function anywhere paid a whole fresh parse per key (half of the 10,000-line
//! keystroke). The guard keeps the incremental tree when error recovery stayed where a
//! fresh parse has it, as far as these checks can tell:
//!
//! * Before the parse ([`ErrorGuard::before`]): the edit lies strictly inside one top-level
//!   function or method declaration `D` of the last tree (itself a fresh parse's), whose
//!   neighbouring declarations (comments and `;` skipped) have no error.
//! * After it, when the new tree has an error ([`ErrorGuard::holds`]): every other top-level
//!   node is where it was (kind, error or not, range moved by the edit), each one with an
//!   error identical to the last tree's node for node; `D` is still one node of its kind over
//!   its moved range; its neighbours still have no error. When `D` has an error (now or
//!   before), no other top-level node may have one, in either tree, and `D` must equal node
//!   for node a fresh parse of its own text alone.
//!
//! * Or, for an edit between top-level nodes ([`ErrorGuard::between`]: a stray token typed
//!   after a function's `}`, a line deleted between two functions): the top-level nodes the
//!   edit touches, in the last tree and in the new one, have no error, nor have the
//!   declarations around them; every other top-level node is where it was (before the
//!   edit) or moved by it (after), with an error identical node for node. No node gains or
//!   loses an error, so the file's error cost is what it was, as when typing in a whole
//!   function.
//!
//! Why the last rule: tree-sitter chooses among error recoveries by the error cost of the
//! whole file, so when `D` gains or loses an error, a broken declaration elsewhere can
//! recover differently in a fresh parse though its text did not change (found in review by
//! a node-for-node fuzzer: 5 trees in 1.5 million synthetic edits; the first version of this
//! guard checked only `D`'s neighbours, and a doc comment could stand for a neighbour).
//! Typing in a whole function while another one is broken stays incremental; typing that
//! breaks `D` (or mends it) while another is broken is parsed afresh. Whatever fails any
//! check is parsed afresh, as before. The invariant is checked, not proven:
//! `tests/incremental_parse.rs` types into functions of broken files and compares with
//! fresh parses; the `analyzer_go` fuzz target does so on mutated files.

use super::NodeExt;
use tree_sitter::{InputEdit, Node, Parser, Tree};

/// Prepended to a declaration parsed alone, so that it is parsed as a top-level declaration.
const PACKAGE: &str = "package p\n";

pub(super) struct ErrorGuard {
    /// The last tree, before `Tree::edit`.
    old: Tree,
    /// The index of the edited declaration among the root's children, or `None` for an
    /// edit between declarations ([`ErrorGuard::between`]).
    edited: Option<usize>,
    /// Where the edit starts.
    start: usize,
    /// Where the edit ends in the old text; bytes from there on move by `delta`.
    old_end: usize,
    delta: isize,
}

/// Top-level nodes of `top` (in order) wholly before `start`, and the index of the first
/// one wholly after `end`: the unchanged prefix and suffix around an edit.
fn split(top: &[Node], start: usize, end: usize) -> Option<(usize, usize)> {
    let before = top.iter().take_while(|n| n.end_byte() <= start).count();
    let after = top.iter().position(|n| n.start_byte() >= end).unwrap_or(top.len());
    (before <= after).then_some((before, after))
}

impl ErrorGuard {
    fn new(old: &Tree, edited: Option<usize>, edit: &InputEdit) -> ErrorGuard {
        ErrorGuard {
            old: old.clone(),
            edited,
            start: edit.start_byte,
            old_end: edit.old_end_byte,
            delta: edit.new_end_byte as isize - edit.old_end_byte as isize,
        }
    }

    /// The guard for `edit` of the last tree `old`, if the edit lies inside one declaration
    /// with error-free neighbours.
    pub fn before(old: &Tree, edit: &InputEdit) -> Option<ErrorGuard> {
        let root = old.root_node();
        let mut cur = root.walk();
        let top: Vec<Node> = root.children(&mut cur).collect();
        let inside = top.iter().position(|n| n.start_byte() < edit.start_byte && edit.old_end_byte < n.end_byte());
        let Some(edited) =
            inside.filter(|&i| matches!(top[i].kind_str(), "function_declaration" | "method_declaration"))
        else {
            return Self::between(old, &top, edit);
        };
        if !neighbours(&top, edited).all(|n| !n.has_error()) {
            return None;
        }
        // A broken `D` beside a broken declaration elsewhere: afresh (see the module doc).
        if top[edited].has_error() && top.iter().enumerate().any(|(i, n)| i != edited && n.has_error()) {
            return None;
        }
        Some(ErrorGuard::new(old, Some(edited), edit))
    }

    /// The guard for an edit between declarations (a stray token typed after a function's
    /// `}`, a line deleted between two functions): the top-level nodes it touches have no
    /// error, nor have the declarations around them.
    fn between(old: &Tree, top: &[Node], edit: &InputEdit) -> Option<ErrorGuard> {
        let (before, after) = split(top, edit.start_byte, edit.old_end_byte)?;
        if top[before..after].iter().chain(around(top, before, after)).any(|n| n.has_error()) {
            return None;
        }
        Some(ErrorGuard::new(old, None, edit))
    }

    /// [`ErrorGuard::holds`] for an edit between declarations: every top-level node before
    /// the edit is where it was, every one after it moved by the edit, each with an error
    /// identical node for node to the last tree's; what the edit touches has no error, nor
    /// have the declarations around it.
    fn holds_between(&self, old_top: &[Node], new_top: &[Node]) -> bool {
        let new_end = (self.old_end as isize + self.delta) as usize;
        let (Some((ob, oa)), Some((nb, na))) =
            (split(old_top, self.start, self.old_end), split(new_top, self.start, new_end))
        else {
            return false;
        };
        if ob != nb || old_top.len() - oa != new_top.len() - na {
            return false;
        }
        let prefix = old_top[..ob].iter().zip(&new_top[..nb]).all(|(x, y)| same_moved(x, y, 0));
        let suffix = old_top[oa..].iter().zip(&new_top[na..]).all(|(x, y)| same_moved(x, y, self.delta));
        prefix && suffix && !new_top[nb..na].iter().chain(around(new_top, nb, na)).any(|n| n.has_error())
    }

    /// Whether `new`, the incremental parse of `text`, is the tree a fresh parse gives.
    /// `parser` parses the edited declaration alone when it has an error.
    pub fn holds(&self, new: &Tree, text: &str, parser: &mut Parser) -> bool {
        let (a, b) = (self.old.root_node(), new.root_node());
        if a.kind_id() != b.kind_id() {
            return false;
        }
        let (mut ca, mut cb) = (a.walk(), b.walk());
        let old_top: Vec<Node> = a.children(&mut ca).collect();
        let new_top: Vec<Node> = b.children(&mut cb).collect();
        let Some(edited) = self.edited else { return self.holds_between(&old_top, &new_top) };
        if old_top.len() != new_top.len() || !neighbours(&new_top, edited).all(|n| !n.has_error()) {
            return false;
        }
        for (i, (x, y)) in old_top.iter().zip(&new_top).enumerate() {
            if x.kind_id() != y.kind_id() || !self.moved(x.start_byte(), y.start_byte()) {
                return false;
            }
            if i != edited {
                // Wholly before the edit, or wholly after it.
                let shift = if x.start_byte() >= self.old_end { self.delta } else { 0 };
                if !same_moved(x, y, shift) {
                    return false;
                }
                continue;
            }
            if y.end_byte() as isize != x.end_byte() as isize + self.delta {
                return false;
            }
            if x.has_error() || y.has_error() {
                let elsewhere = |top: &[Node]| top.iter().enumerate().any(|(j, n)| j != i && n.has_error());
                if elsewhere(&old_top) || elsewhere(&new_top) || !parsed_alone_equal(*y, text, parser) {
                    return false;
                }
            }
        }
        true
    }

    /// Where byte `at` of the old text (outside the edit) is in the new one.
    fn to_new(&self, at: usize) -> isize {
        if at >= self.old_end {
            at as isize + self.delta
        } else {
            at as isize
        }
    }

    fn moved(&self, old: usize, new: usize) -> bool {
        self.to_new(old) == new as isize
    }
}

/// Whether the top-level node `y` of the new tree is `x` of the last one moved by `shift`
/// bytes: kind, range, error or not, and node for node when it has an error.
fn same_moved(x: &Node, y: &Node, shift: isize) -> bool {
    x.kind_id() == y.kind_id()
        && x.start_byte() as isize + shift == y.start_byte() as isize
        && x.end_byte() as isize + shift == y.end_byte() as isize
        && x.has_error() == y.has_error()
        && (!x.has_error() || same_subtree(*x, *y, |at| at as isize + shift))
}

/// The top-level declarations just before and after `top[i]` (comments and `;` skipped).
fn neighbours<'a, 't>(top: &'a [Node<'t>], i: usize) -> impl Iterator<Item = &'a Node<'t>> {
    around(top, i, i + 1)
}

/// The top-level declarations just before `top[before]` and from `top[after]` on (comments
/// and `;` skipped): those around `top[before..after]`.
fn around<'a, 't>(top: &'a [Node<'t>], before: usize, after: usize) -> impl Iterator<Item = &'a Node<'t>> {
    let decl = |n: &&Node| n.is_named() && !n.is_extra() && n.kind_str() != "comment";
    top[..before].iter().rev().find(decl).into_iter().chain(top[after..].iter().find(decl))
}

/// Whether the declaration `decl` (in the whole text `text`) is, node for node, what a fresh
/// parse of its text alone as a file's only declaration gives.
fn parsed_alone_equal(decl: Node, text: &str, parser: &mut Parser) -> bool {
    let Some(body) = text.get(decl.byte_range()) else { return false };
    let alone = format!("{PACKAGE}{body}");
    let Some(tree) = parser.parse(&alone, None) else { return false };
    let root = tree.root_node();
    let mut cur = root.walk();
    let top: Vec<Node> = root.children(&mut cur).collect();
    // `package_clause`, then the declaration alone (a terminator may follow it).
    let [clause, d, rest @ ..] = top.as_slice() else { return false };
    if clause.kind_str() != "package_clause" || clause.has_error() || rest.iter().any(|n| n.is_named() || n.has_error())
    {
        return false;
    }
    let shift = decl.start_byte() as isize - PACKAGE.len() as isize;
    same_subtree(*d, decl, |at| at as isize + shift)
}

/// Whether `x` and `y` are the same subtree node for node: kinds, fields, missing and error
/// nodes, and ranges (`to_y` maps a byte of `x`'s text to `y`'s).
fn same_subtree(x: Node, y: Node, to_y: impl Fn(usize) -> isize) -> bool {
    let (mut cx, mut cy) = (x.walk(), y.walk());
    loop {
        let (nx, ny) = (cx.node(), cy.node());
        if nx.kind_id() != ny.kind_id()
            || nx.is_missing() != ny.is_missing()
            || nx.is_error() != ny.is_error()
            || cx.field_id() != cy.field_id()
            || to_y(nx.start_byte()) != ny.start_byte() as isize
            || to_y(nx.end_byte()) != ny.end_byte() as isize
        {
            return false;
        }
        let down = (cx.goto_first_child(), cy.goto_first_child());
        if down.0 != down.1 {
            return false;
        }
        if down.0 {
            continue;
        }
        // Up until a next sibling; a cursor made at a node does not leave it.
        loop {
            let next = (cx.goto_next_sibling(), cy.goto_next_sibling());
            if next.0 != next.1 {
                return false;
            }
            if next.0 {
                break;
            }
            let up = (cx.goto_parent(), cy.goto_parent());
            if up.0 != up.1 {
                return false;
            }
            if !up.0 {
                return true;
            }
        }
    }
}
