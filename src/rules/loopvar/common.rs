//! Shared machinery of the loop-variable rules (rules.md §A).
//!
//! [`scan`] walks one *outermost* `for` statement (with every loop nested in it) once,
//! iteratively (a tree cursor and explicit stacks, no recursion), and records:
//! * each loop of the nest: kind, whether its header declares with `:=`, its variables,
//!   the `v := v` copies at the top level of its body;
//! * each `func` literal: where its value flows (go/defer, append, an outer variable, a
//!   channel, `g.Go`, `t.Run` with `t.Parallel`, `time.AfterFunc`, handler registration …);
//! * each reference to a loop variable, resolved with Go's scoping rules (parameters of
//!   a func literal and nearer `:=`/`var`/range declarations hide the loop variable),
//!   with its closure, whether it is written, address-taken or used as a method receiver.
//!
//! The result is plain data (spans, names), cached per nest so that every loopvar rule,
//! each asking for `for_statement`, shares one walk: nested `for` statements are covered
//! by their outermost loop's scan and skipped ([`scan`] returns `None` for them).

use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::diagnostic::{Diagnostic, Fix, TextEdit};
use crate::span::Span;
use std::collections::HashMap;
use std::rc::Rc;
use tree_sitter::Node;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopKind {
    /// `for k, v := range x`
    Range,
    /// `for i := 0; i < n; i++`
    ThreeClause,
    /// `for cond {}` / `for {}`: no variables.
    Other,
}

#[derive(Debug, Clone)]
pub struct LoopVar {
    pub name: String,
    pub span: Span,
    /// Position in the header's list (range loops: 0 = key/index, 1 = value).
    pub position: usize,
}

/// A `v := v` (or `k, v := k, v`) statement at the top level of a loop body.
#[derive(Debug, Clone)]
pub struct Copy {
    pub span: Span,
    pub names: Vec<String>,
    /// The first statement of the body.
    pub first: bool,
    /// The copy is assigned, incremented or address-taken later (also inside closures).
    pub written: bool,
}

#[derive(Debug, Clone)]
pub struct Loop {
    /// The `for` statement.
    pub span: Span,
    /// The `for` keyword.
    pub keyword: Span,
    /// The `range_clause` / `for_clause` (empty at `keyword` when absent).
    pub header: Span,
    pub body: Option<Span>,
    pub kind: LoopKind,
    /// The header declares its variables with `:=` (only those change in Go 1.22).
    pub declares: bool,
    /// `:=` loops: the declared names; `=` loops: the names the header assigns.
    pub vars: Vec<LoopVar>,
    /// The range expression.
    pub range_right: Option<Span>,
    /// The enclosing loop of the nest.
    pub parent: Option<usize>,
    /// The condition is `b.N`-like or `b.Loop()`.
    pub bench: bool,
    pub copies: Vec<Copy>,
    /// Names declared at the top level of the body (`x := …`, `var x`).
    pub body_decls: Vec<String>,
    /// The label of a labeled loop (`outer: for …`).
    pub label: Option<String>,
    /// Cached [`ranges_over_int`] (shared by every rule through the scan cache).
    over_int: std::cell::OnceCell<bool>,
    /// Index of the scope the loop opens (names declared in lower scopes are outside it).
    depth: usize,
}

/// How a value (closure, pointer, method value) leaves the iteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EscKind {
    /// `go func(){…}()`
    Go,
    /// `defer func(){…}()`
    Defer,
    /// An argument of a `go`/`defer` call.
    GoDeferArg,
    /// `append(xs, …)` assigned to a variable declared outside the iteration.
    Append,
    /// Assigned to a variable, field or element declared outside the iteration.
    Store,
    /// `ch <- …`
    Send,
    /// `g.Go(…)`, `wg.Go(…)`, `pool.Submit(…)`: run concurrently.
    GoApi,
    /// `t.Run(name, func(t *testing.T) { t.Parallel() … })`
    ParallelSubtest,
    /// `time.AfterFunc(d, …)`, `context.AfterFunc(ctx, …)`.
    AfterFunc,
    /// `http.HandleFunc(pattern, …)`, `mux.Handle(pattern, …)`.
    Handler,
    /// `t.Cleanup(…)`, `runtime.SetFinalizer(x, …)`.
    Cleanup,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escape {
    pub kind: EscKind,
    /// Escapes every loop whose scope index is greater than this (0: every loop).
    bound: usize,
    /// The plain variable it was assigned to (`last = &i`), when that is the sink.
    pub target: Option<String>,
}

impl Escape {
    /// Whether the value outlives an iteration of `l`.
    pub fn escapes(&self, l: &Loop) -> bool {
        self.bound < l.depth
    }
}

fn merge(slot: &mut Option<Escape>, e: Escape) {
    if slot.as_ref().is_none_or(|old| e.bound < old.bound) {
        *slot = Some(e);
    }
}

/// What the statement right after a value's statement does: leaving the loop right
/// after storing a value means no later iteration changes the variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Exit {
    #[default]
    None,
    Return,
    /// `break` (or `break label`) leaving this loop of the nest.
    Loop(usize),
}

#[derive(Debug, Clone)]
pub struct Closure {
    pub span: Span,
    /// The statement after the one creating the closure leaves a loop.
    pub exits: Exit,
    /// Offset of the `t.Parallel()` call when `parallel`.
    pub parallel_at: Option<usize>,
    /// The enclosing func literal inside the nest.
    pub parent: Option<usize>,
    pub esc: Option<Escape>,
    /// Its first parameter `t` is used as `t.Parallel()` in its body.
    pub parallel: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddrKind {
    /// `&v`
    Direct,
    /// `&v.f`, `&v[i]`: the variable's address only if `v` is a struct/array value.
    Part,
    /// `v[:]`: the variable's address only if `v` is an array.
    Slice,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MethodUse {
    /// `go v.M()` / `defer v.M()`
    GoDefer { method: String, defer: bool, span: Span },
    /// `v.M` not called: a method value (or a field read).
    Value { method: String, span: Span },
}

/// One reference to a loop variable.
#[derive(Debug, Clone)]
pub struct Use {
    pub loop_idx: usize,
    pub var: usize,
    pub span: Span,
    pub read: bool,
    pub write: bool,
    /// Innermost func literal of the nest containing the reference.
    pub closure: Option<usize>,
    pub addr: Option<(AddrKind, Span)>,
    pub method: Option<MethodUse>,
    /// Where the address / method value goes.
    pub esc: Option<Escape>,
    /// The statement after the one holding the reference leaves a loop.
    pub exits: Exit,
}

#[derive(Debug, Default)]
pub struct Scan {
    pub loops: Vec<Loop>,
    pub closures: Vec<Closure>,
    pub uses: Vec<Use>,
    /// Loop index → indices into `uses` (kept in step by the walker).
    by_loop: Vec<Vec<usize>>,
}

impl Scan {
    /// The outermost closure enclosing `u` inside `l`'s body that escapes an iteration of `l`.
    pub fn escaping_closure(&self, u: &Use, l: &Loop) -> Option<usize> {
        let body = l.body?;
        let mut found = None;
        let mut cur = u.closure;
        let mut guard = 0;
        while let Some(ci) = cur {
            let cl = self.closures.get(ci)?;
            if !(body.start <= cl.span.start && cl.span.end <= body.end) || guard > 10_000 {
                break;
            }
            let before_parallel = cl.esc.as_ref().is_some_and(|e| e.kind == EscKind::ParallelSubtest)
                && cl.parallel_at.is_some_and(|p| u.span.start < p);
            if cl.esc.as_ref().is_some_and(|e| e.escapes(l)) && !self.exits(cl.exits, l) && !before_parallel {
                found = Some(ci);
            }
            cur = cl.parent;
            guard += 1;
        }
        found
    }

    /// Whether `exit` ends every iteration of `l` (a `return`, or a `break` of `l` or of a
    /// loop enclosing it).
    pub fn exits(&self, exit: Exit, l: &Loop) -> bool {
        match exit {
            Exit::None => false,
            Exit::Return => true,
            Exit::Loop(x) => {
                let Some(target) = self.loops.get(x) else { return false };
                target.span.start <= l.span.start && l.span.end <= target.span.end
            }
        }
    }

    /// The pointer or method value in `u` outlives an iteration of `l`.
    pub fn value_escapes(&self, u: &Use, l: &Loop) -> bool {
        u.esc.as_ref().is_some_and(|e| e.escapes(l)) && !self.exits(u.exits, l)
    }

    /// The loops of the nest whose header declares variables with `:=` (with their index).
    pub fn declaring_loops(&self) -> impl Iterator<Item = (usize, &Loop)> {
        self.loops.iter().enumerate().filter(|(_, l)| l.declares && !l.vars.is_empty())
    }

    /// Uses of loop `li`'s variables inside its body.
    pub fn body_uses(&self, li: usize) -> impl Iterator<Item = &Use> {
        let body = self.loops.get(li).and_then(|l| l.body);
        let idx: &[usize] = self.by_loop.get(li).map(Vec::as_slice).unwrap_or(&[]);
        idx.iter().filter_map(|&i| self.uses.get(i)).filter(move |u| body.is_some_and(|b| b.contains(u.span.start)))
    }

    /// Whether the body of loop `li` writes variable `var` (directly or in a closure).
    pub fn body_writes(&self, li: usize, var: usize) -> bool {
        self.body_uses(li).any(|u| u.var == var && (u.write || u.addr.is_some()))
    }

    /// (closure, var) → first reference, read?, written? for closures that escape loop `li`.
    pub fn escaping_captures(&self, li: usize) -> Vec<Capture> {
        let Some(l) = self.loops.get(li) else { return Vec::new() };
        let mut out: Vec<Capture> = Vec::new();
        for u in self.body_uses(li) {
            let Some(ci) = self.escaping_closure(u, l) else { continue };
            match out.iter_mut().find(|c| c.closure == ci && c.var == u.var) {
                Some(c) => {
                    c.read |= u.read;
                    c.write |= u.write;
                }
                None => out.push(Capture { closure: ci, var: u.var, first: u.span, read: u.read, write: u.write }),
            }
        }
        out
    }

    /// Whether `&i` in use `u` is the "pointer read after the loop" shape of
    /// loopvar-pointer-outlives-loop: a 3-clause `:=` loop, `x = &i` into a plain variable
    /// declared before the loop that is named again after it.
    pub fn pointer_outlives(&self, c: &Checker, u: &Use) -> bool {
        let Some(l) = self.loops.get(u.loop_idx) else { return false };
        if l.kind != LoopKind::ThreeClause || !l.declares {
            return false;
        }
        let (Some((AddrKind::Direct, _)), Some(e)) = (&u.addr, &u.esc) else { return false };
        let Some(target) = &e.target else { return false };
        if e.kind != EscKind::Store || !self.value_escapes(u, l) {
            return false;
        }
        named_after(c, l.span, target)
    }
}

#[derive(Debug, Clone)]
pub struct Capture {
    pub closure: usize,
    pub var: usize,
    pub first: Span,
    pub read: bool,
    pub write: bool,
}

// ---------------------------------------------------------------------------------------
// Cache: one scan per outermost loop, shared by every rule.

/// The scan of the nest `for_stmt` heads, or `None` when `for_stmt` is nested in a loop
/// already scanned (its findings come from the outermost loop's scan). The last scan is kept
/// for the analysis (`rules::Shared`): the walk meets the outermost loop first, then the
/// loops inside it.
pub fn scan<'a>(c: &Checker<'a>, for_stmt: Node<'a>) -> Option<Rc<Scan>> {
    let span = Checker::span(for_stmt);
    let hit = c.shared.loop_scan.borrow().as_ref().and_then(|(s, scan)| {
        if *s == span {
            Some(Some(scan.clone()))
        } else if s.start <= span.start && span.end <= s.end {
            Some(None)
        } else {
            None
        }
    });
    if let Some(h) = hit {
        return h;
    }
    let result = Rc::new(Walker::new(c).run(for_stmt));
    *c.shared.loop_scan.borrow_mut() = Some((span, result.clone()));
    Some(result)
}

// ---------------------------------------------------------------------------------------
// The walk.

#[derive(Debug, Clone, Copy)]
enum BKind {
    LoopVar { loop_idx: usize, var: usize },
    Copy { loop_idx: usize, copy: usize },
    Local,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Payload {
    Closure(usize),
    Use(usize),
}

struct Binding {
    kind: BKind,
    depth: usize,
    payloads: Vec<Payload>,
}

struct Frame<'t> {
    node: Node<'t>,
    scope: bool,
    closure: bool,
    loop_: bool,
}

enum Flow {
    None,
    Escape(Escape),
    /// Declared by `x := value` / `var x = value`: (declaring node id, position).
    Alias(usize, usize),
    /// Assigned to a plain in-nest variable: payloads follow that binding; also an escape.
    StoreLocal(usize, Escape),
}

struct Walker<'a, 't> {
    c: &'a Checker<'t>,
    stack: Vec<Frame<'t>>,
    /// scope index → names declared in it (for undoing).
    scopes: Vec<Vec<&'t str>>,
    names: HashMap<&'t str, Vec<usize>>,
    bindings: Vec<Binding>,
    open_closures: Vec<usize>,
    /// Scope index of each open closure (a `defer` inside it runs when it returns).
    closure_scopes: Vec<usize>,
    open_loops: Vec<usize>,
    /// Payloads waiting for the declaration they flow into: (node id, position, payload).
    pending: Vec<(usize, usize, Payload)>,
    out: Scan,
}

fn has_token(n: Node, tok: &str) -> bool {
    let mut cur = n.walk();
    let found = n.children(&mut cur).any(|ch| !ch.is_named() && ch.kind_str() == tok);
    found
}

fn named_index(parent: Node, child: Node) -> Option<usize> {
    let mut cur = parent.walk();
    let idx = parent.named_children(&mut cur).position(|n| n.id() == child.id());
    idx
}

fn field_is(parent: Node, field: &str, child: Node) -> bool {
    parent.field(field).is_some_and(|f| f.id() == child.id())
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Offsets where `word` occurs as a whole identifier in `text`.
pub fn word_positions<'s>(text: &'s str, word: &'s str) -> impl Iterator<Item = usize> + 's {
    text.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let b = text.as_bytes();
        !word.is_empty()
            && (i == 0 || !is_ident_byte(b[i - 1]))
            && b.get(i + word.len()).is_none_or(|&n| !is_ident_byte(n))
    })
}

impl<'a, 't> Walker<'a, 't> {
    fn new(c: &'a Checker<'t>) -> Self {
        Walker {
            c,
            stack: Vec::new(),
            scopes: vec![Vec::new()],
            names: HashMap::new(),
            bindings: Vec::new(),
            open_closures: Vec::new(),
            closure_scopes: Vec::new(),
            open_loops: Vec::new(),
            pending: Vec::new(),
            out: Scan::default(),
        }
    }

    fn text(&self, n: Node) -> &'t str {
        self.c.text(n)
    }

    fn run(mut self, root: Node<'t>) -> Scan {
        let mut cursor = root.walk();
        self.enter(root);
        loop {
            let descend = self.stack.last().is_some_and(|f| !skip_children(f.node));
            if descend && cursor.goto_first_child() {
                self.enter(cursor.node());
                continue;
            }
            loop {
                self.exit();
                if self.stack.is_empty() {
                    return self.out;
                }
                if cursor.goto_next_sibling() {
                    self.enter(cursor.node());
                    break;
                }
                if !cursor.goto_parent() {
                    // Cannot happen (the stack mirrors the cursor); stay safe.
                    while !self.stack.is_empty() {
                        self.exit();
                    }
                    return self.out;
                }
            }
        }
    }

    fn resolve(&self, name: &str) -> Option<usize> {
        self.names.get(name).and_then(|v| v.last().copied())
    }

    fn declare(&mut self, name: &'t str, kind: BKind) -> usize {
        let depth = self.scopes.len() - 1;
        let b = self.bindings.len();
        self.bindings.push(Binding { kind, depth, payloads: Vec::new() });
        if name != "_" {
            self.names.entry(name).or_default().push(b);
            if let Some(s) = self.scopes.last_mut() {
                s.push(name);
            }
        }
        b
    }

    /// Declares `name` as variable of loop `li` (by name: `_` is not a variable).
    fn declare_loop_var(&mut self, li: usize, name: &'t str) {
        let var = self.out.loops.get(li).and_then(|l| l.vars.iter().position(|v| v.name == name));
        match var {
            Some(var) => self.declare(name, BKind::LoopVar { loop_idx: li, var }),
            None => self.declare(name, BKind::Local),
        };
    }

    fn push_scope(&mut self) {
        self.scopes.push(Vec::new());
    }

    fn pop_scope(&mut self) {
        if self.scopes.len() <= 1 {
            return;
        }
        if let Some(names) = self.scopes.pop() {
            for n in names {
                if let Some(v) = self.names.get_mut(n) {
                    v.pop();
                }
            }
        }
    }

    fn enter(&mut self, node: Node<'t>) {
        self.stack.push(Frame { node, scope: false, closure: false, loop_: false });
        if !node.is_named() {
            return;
        }
        match node.kind_str() {
            "block"
            | "if_statement"
            | "expression_switch_statement"
            | "type_switch_statement"
            | "select_statement"
            | "expression_case"
            | "default_case"
            | "type_case"
            | "communication_case" => {
                self.push_scope();
                self.mark(|f| f.scope = true);
            }
            "for_statement" => {
                self.push_scope();
                self.enter_loop(node);
                self.mark(|f| {
                    f.scope = true;
                    f.loop_ = true;
                });
            }
            "func_literal" => self.enter_closure(node),
            "identifier" => self.identifier(node),
            _ => {}
        }
    }

    fn mark(&mut self, f: impl FnOnce(&mut Frame<'t>)) {
        if let Some(top) = self.stack.last_mut() {
            f(top);
        }
    }

    fn exit(&mut self) {
        let Some(frame) = self.stack.pop() else { return };
        let node = frame.node;
        if !node.is_named() {
            return;
        }
        match node.kind_str() {
            "short_var_declaration" => self.exit_short_var(node),
            "range_clause" if has_token(node, ":=") => {
                if let Some(&li) = self.open_loops.last() {
                    let names = node.field("left").map(|l| self.list_names(l)).unwrap_or_default();
                    for name in names {
                        self.declare_loop_var(li, name);
                    }
                }
            }
            "var_spec" | "const_spec" => {
                let mut cur = node.walk();
                let names: Vec<Node<'t>> = node.children_by_field_name("name", &mut cur).collect();
                let in_body = self.body_statement_of_open_loop(1).or_else(|| self.body_statement_of_open_loop(2));
                for (i, n) in names.into_iter().enumerate() {
                    let name = self.text(n);
                    let b = self.declare(name, BKind::Local);
                    self.attach_pending(node.id(), i, b);
                    if let Some(li) = in_body {
                        self.out.loops[li].body_decls.push(name.to_string());
                    }
                }
            }
            "receive_statement" if has_token(node, ":=") => {
                if let Some(l) = node.field("left") {
                    for name in self.list_names(l) {
                        self.declare(name, BKind::Local);
                    }
                }
            }
            _ => {}
        }
        // `switch x := y.(type)`: x is declared once the value is evaluated.
        if let Some(parent) = self.stack.last().map(|f| f.node) {
            if parent.kind_str() == "type_switch_statement" && field_is(parent, "value", node) {
                if let Some(alias) = parent.field("alias") {
                    for name in self.list_names(alias) {
                        self.declare(name, BKind::Local);
                    }
                }
            }
        }
        if frame.scope {
            self.pop_scope();
        }
        if frame.closure {
            self.open_closures.pop();
            self.closure_scopes.pop();
        }
        if frame.loop_ {
            self.open_loops.pop();
        }
    }

    /// Identifiers of an expression list (non-identifiers are skipped).
    fn list_names(&self, list: Node<'t>) -> Vec<&'t str> {
        let mut cur = list.walk();
        let v = list.named_children(&mut cur).filter(|n| n.kind_str() == "identifier").map(|n| self.text(n)).collect();
        v
    }

    /// If the node `up` levels below the top of the stack (0 = top) is a statement of the
    /// body of the innermost open loop, that loop's index.
    fn body_statement_of_open_loop(&self, up: usize) -> Option<usize> {
        let n = self.stack.len();
        // stack[n-1-up] = statement_list, then block, then for_statement
        if n < up + 3 {
            return None;
        }
        let list = self.stack[n - 1 - up].node;
        let block = self.stack[n - 2 - up].node;
        let for_stmt = self.stack[n - 3 - up].node;
        let li = *self.open_loops.last()?;
        (list.kind_str() == "statement_list"
            && block.kind_str() == "block"
            && for_stmt.kind_str() == "for_statement"
            && self.out.loops.get(li).is_some_and(|l| l.span == Checker::span(for_stmt)))
        .then_some(li)
    }

    fn exit_short_var(&mut self, node: Node<'t>) {
        let Some(left) = node.field("left") else { return };
        let mut cur = left.walk();
        let lefts: Vec<Node<'t>> = left.named_children(&mut cur).collect();
        // The initializer of a 3-clause loop: the loop variables.
        if let Some(parent) = self.stack.last().map(|f| f.node) {
            if parent.kind_str() == "for_clause" && field_is(parent, "initializer", node) {
                if let Some(&li) = self.open_loops.last() {
                    for n in &lefts {
                        self.declare_loop_var(li, self.text(*n));
                    }
                    return;
                }
            }
        }
        // A top-level statement of the innermost loop body (stack top is its statement_list).
        let in_body = {
            let n = self.stack.len();
            if n >= 3 {
                let (list, block, f) = (self.stack[n - 1].node, self.stack[n - 2].node, self.stack[n - 3].node);
                let li = self.open_loops.last().copied();
                li.filter(|&li| {
                    list.kind_str() == "statement_list"
                        && block.kind_str() == "block"
                        && f.kind_str() == "for_statement"
                        && self.out.loops.get(li).is_some_and(|l| l.span == Checker::span(f))
                })
                .map(|li| (li, list))
            } else {
                None
            }
        };
        let mut copy_of = None;
        if let Some((li, list)) = in_body {
            copy_of = self.copy_statement(node, &lefts, li, list);
        }
        for (i, n) in lefts.iter().enumerate() {
            let name = self.text(*n);
            let kind = match copy_of {
                Some((li, copy)) => BKind::Copy { loop_idx: li, copy },
                None => BKind::Local,
            };
            let b = self.declare(name, kind);
            self.attach_pending(node.id(), i, b);
            if let Some((li, _)) = in_body {
                self.out.loops[li].body_decls.push(name.to_string());
            }
        }
    }

    /// `v := v` / `k, v := k, v` naming variables of loop `li`.
    fn copy_statement(
        &mut self,
        node: Node<'t>,
        lefts: &[Node<'t>],
        li: usize,
        list: Node<'t>,
    ) -> Option<(usize, usize)> {
        let right = node.field("right")?;
        let mut cur = right.walk();
        let rights: Vec<Node<'t>> = right.named_children(&mut cur).collect();
        if rights.len() != lefts.len() || lefts.is_empty() {
            return None;
        }
        let mut names = Vec::new();
        for (l, r) in lefts.iter().zip(&rights) {
            if l.kind_str() != "identifier" || r.kind_str() != "identifier" || self.text(*l) != self.text(*r) {
                return None;
            }
            let b = self.resolve(self.text(*r))?;
            match self.bindings[b].kind {
                BKind::LoopVar { loop_idx, .. } if loop_idx == li => {}
                _ => return None,
            }
            names.push(self.text(*l).to_string());
        }
        let first = list.named_child(0).is_some_and(|f| f.id() == node.id());
        let l = self.out.loops.get_mut(li)?;
        l.copies.push(Copy { span: Checker::span(node), names, first, written: false });
        Some((li, l.copies.len() - 1))
    }

    fn attach_pending(&mut self, decl: usize, index: usize, binding: usize) {
        if self.pending.is_empty() {
            return;
        }
        let mut keep = Vec::new();
        for p in std::mem::take(&mut self.pending) {
            if p.0 == decl && p.1 == index {
                self.bindings[binding].payloads.push(p.2);
            } else if p.0 != decl {
                keep.push(p);
            }
        }
        self.pending = keep;
    }

    fn enter_loop(&mut self, node: Node<'t>) {
        let keyword =
            node.child(0).map(Checker::span).unwrap_or_else(|| Span::new(node.start_byte(), node.start_byte()));
        let body = node.field("body");
        let mut l = Loop {
            span: Checker::span(node),
            keyword,
            header: Span::new(keyword.end, keyword.end),
            body: body.map(Checker::span),
            kind: LoopKind::Other,
            declares: false,
            vars: Vec::new(),
            range_right: None,
            parent: self.open_loops.last().copied(),
            bench: false,
            copies: Vec::new(),
            body_decls: Vec::new(),
            label: None,
            over_int: std::cell::OnceCell::new(),
            depth: self.scopes.len() - 1,
        };
        match self.stack.len().checked_sub(2).map(|i| self.stack[i].node) {
            Some(p) => {
                if p.kind_str() == "labeled_statement" {
                    l.label = p.field("label").map(|n| self.text(n).to_string());
                }
            }
            // The scan's root has no parent frame; `Node::parent` would search from the
            // root, so read `label:` from the text before `for` instead.
            None => {
                let before = self.c.src.get(..node.start_byte()).unwrap_or("").trim_end();
                if let Some(b) = before.strip_suffix(':') {
                    let start = b
                        .char_indices()
                        .rev()
                        .find(|(_, ch)| !(ch.is_alphanumeric() || *ch == '_'))
                        .map(|(i, ch)| i + ch.len_utf8())
                        .unwrap_or(0);
                    let label = &b[start..];
                    if !label.is_empty() && !label.starts_with(|ch: char| ch.is_ascii_digit()) {
                        l.label = Some(label.to_string());
                    }
                }
            }
        }
        let mut cur = node.walk();
        let header =
            node.named_children(&mut cur).find(|n| n.kind_str() == "range_clause" || n.kind_str() == "for_clause");
        let ident_vars = |list: Node<'t>, out: &mut Vec<LoopVar>| {
            let mut cur = list.walk();
            for (position, n) in list.named_children(&mut cur).enumerate() {
                if n.kind_str() == "identifier" && self.text(n) != "_" && !out.iter().any(|v| v.name == self.text(n)) {
                    out.push(LoopVar { name: self.text(n).to_string(), span: Checker::span(n), position });
                }
            }
        };
        match header {
            Some(h) if h.kind_str() == "range_clause" => {
                l.kind = LoopKind::Range;
                l.header = Checker::span(h);
                l.declares = has_token(h, ":=");
                l.range_right = h.field("right").map(Checker::span);
                if let Some(left) = h.field("left") {
                    ident_vars(left, &mut l.vars);
                }
            }
            Some(h) => {
                l.kind = LoopKind::ThreeClause;
                l.header = Checker::span(h);
                let init = h.field("initializer");
                match init {
                    Some(i) if i.kind_str() == "short_var_declaration" => {
                        l.declares = true;
                        if let Some(left) = i.field("left") {
                            ident_vars(left, &mut l.vars);
                        }
                    }
                    _ => {
                        if let Some(left) =
                            init.filter(|i| i.kind_str() == "assignment_statement").and_then(|i| i.field("left"))
                        {
                            ident_vars(left, &mut l.vars);
                        }
                        if let Some(u) = h.field("update") {
                            match u.kind_str() {
                                "inc_statement" | "dec_statement" => {
                                    if let Some(op) = u.named_child(0).filter(|n| n.kind_str() == "identifier") {
                                        let name = self.text(op);
                                        if name != "_" && !l.vars.iter().any(|v| v.name == name) {
                                            l.vars.push(LoopVar {
                                                name: name.to_string(),
                                                span: Checker::span(op),
                                                position: 0,
                                            });
                                        }
                                    }
                                }
                                "assignment_statement" => {
                                    if let Some(left) = u.field("left") {
                                        ident_vars(left, &mut l.vars);
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                }
                if let Some(cond) = h.field("condition") {
                    l.bench = is_bench_condition(self.text(cond));
                }
            }
            None => {
                let cond = node.named_children(&mut node.walk()).find(|n| Some(n.id()) != body.map(|b| b.id()));
                if let Some(cond) = cond {
                    l.bench = is_bench_condition(self.text(cond));
                }
            }
        }
        let li = self.out.loops.len();
        let declares = l.declares;
        let names: Vec<String> = l.vars.iter().map(|v| v.name.clone()).collect();
        self.out.loops.push(l);
        self.open_loops.push(li);
        if !declares {
            // `=` headers: the variables live outside; track them as this loop's, in its scope.
            for name in &names {
                let name: &'t str = self.text_slice(node, name);
                self.declare_loop_var(li, name);
            }
        }
    }

    /// A `&'t str` equal to `name` taken from the source text of `within` (names come from it).
    fn text_slice(&self, within: Node<'t>, name: &str) -> &'t str {
        let t = self.text(within);
        match word_positions(t, name).next() {
            Some(i) => &t[i..i + name.len()],
            None => "",
        }
    }

    fn enter_closure(&mut self, node: Node<'t>) {
        let top = self.stack.len() - 1;
        let mut esc_flow = self.flow(top);
        if let Flow::Escape(e) = &mut esc_flow {
            if matches!(e.kind, EscKind::Go | EscKind::GoApi) {
                if let Some(b) = self.joined_bound(top) {
                    e.bound = e.bound.max(b);
                }
            }
        }
        let parallel_at = closure_calls_parallel(self.c, node);
        let parallel = parallel_at.is_some();
        let exits = self.exit_after(top);
        let ci = self.out.closures.len();
        self.out.closures.push(Closure {
            span: Checker::span(node),
            exits,
            parallel_at,
            parent: self.open_closures.last().copied(),
            esc: None,
            parallel,
        });
        self.apply(Payload::Closure(ci), esc_flow);
        self.open_closures.push(ci);
        self.push_scope();
        self.closure_scopes.push(self.scopes.len() - 1);
        self.mark(|f| {
            f.scope = true;
            f.closure = true;
        });
        for field in ["parameters", "result"] {
            let Some(params) = node.field(field) else { continue };
            if params.kind_str() != "parameter_list" {
                continue;
            }
            let mut cur = params.walk();
            for p in params.named_children(&mut cur) {
                let mut cur2 = p.walk();
                let names: Vec<Node<'t>> = p.children_by_field_name("name", &mut cur2).collect();
                for n in names {
                    self.declare(self.text(n), BKind::Local);
                }
            }
        }
    }

    /// Where the value of the expression at `stack[start]` goes.
    fn flow(&self, start: usize) -> Flow {
        let mut i = start;
        let mut appended = false;
        let mut steps = 0;
        while i >= 1 && steps < 64 {
            steps += 1;
            let node = self.stack[i].node;
            let parent = self.stack[i - 1].node;
            let gp = if i >= 2 { Some(self.stack[i - 2].node) } else { None };
            match parent.kind_str() {
                "parenthesized_expression"
                | "literal_element"
                | "keyed_element"
                | "literal_value"
                | "composite_literal" => {
                    i -= 1;
                }
                "unary_expression" if parent.child(0).is_some_and(|op| op.kind_str() == "&") => {
                    i -= 1;
                }
                "send_statement" => {
                    return if field_is(parent, "value", node) {
                        Flow::Escape(Escape { kind: EscKind::Send, bound: 0, target: None })
                    } else {
                        Flow::None
                    };
                }
                "call_expression" => {
                    // `node` is the function being called.
                    if !field_is(parent, "function", node) {
                        return Flow::None;
                    }
                    return match gp.map(|g| g.kind_str()) {
                        Some("go_statement") => Flow::Escape(Escape { kind: EscKind::Go, bound: 0, target: None }),
                        Some("defer_statement") => {
                            Flow::Escape(Escape { kind: EscKind::Defer, bound: self.defer_bound(), target: None })
                        }
                        _ => Flow::None,
                    };
                }
                "argument_list" => {
                    let Some(call) = gp.filter(|g| g.kind_str() == "call_expression") else { return Flow::None };
                    let Some(callee) = call.field("function") else { return Flow::None };
                    let ggp = if i >= 3 { Some(self.stack[i - 3].node) } else { None };
                    let escape = |kind| Flow::Escape(Escape { kind, bound: 0, target: None });
                    if callee.kind_str() == "identifier" && self.text(callee) == "append" {
                        appended = true;
                        i -= 2;
                        continue;
                    }
                    if let Some(g) = ggp {
                        if g.kind_str() == "go_statement" {
                            return escape(EscKind::GoDeferArg);
                        }
                        if g.kind_str() == "defer_statement" {
                            return Flow::Escape(Escape {
                                kind: EscKind::GoDeferArg,
                                bound: self.defer_bound(),
                                target: None,
                            });
                        }
                    }
                    if callee.kind_str() != "selector_expression" {
                        return Flow::None;
                    }
                    let Some(field) = callee.field("field") else { return Flow::None };
                    match self.text(field) {
                        "Go" | "TryGo" | "Submit" => return escape(EscKind::GoApi),
                        "AfterFunc" => return escape(EscKind::AfterFunc),
                        // Registered on an object of the iteration (`mux := http.NewServeMux()`,
                        // a subtest's `t`): it does not outlive that object's scope.
                        f @ ("HandleFunc" | "Handle" | "Cleanup") => {
                            let kind = if f == "Cleanup" { EscKind::Cleanup } else { EscKind::Handler };
                            let bound = callee
                                .field("operand")
                                .filter(|o| o.kind_str() == "identifier")
                                .and_then(|o| self.resolve(self.text(o)))
                                .map(|b| self.bindings[b].depth)
                                .unwrap_or(0);
                            return Flow::Escape(Escape { kind, bound, target: None });
                        }
                        "SetFinalizer" => return escape(EscKind::Cleanup),
                        "Run" => return escape(EscKind::ParallelSubtest),
                        "HandlerFunc" => {
                            i -= 2;
                        }
                        _ => return Flow::None,
                    }
                }
                "expression_list" => {
                    let Some(g) = gp else { return Flow::None };
                    let Some(idx) = named_index(parent, node) else { return Flow::None };
                    match g.kind_str() {
                        "assignment_statement" if field_is(g, "right", parent) => {
                            let op_is_assign = g.field("operator").is_some_and(|o| o.kind_str() == "=");
                            if !op_is_assign {
                                return Flow::None;
                            }
                            let Some(target) = g.field("left").and_then(|l| l.named_child(idx as u32)) else {
                                return Flow::None;
                            };
                            return self.store(target, appended);
                        }
                        "short_var_declaration" | "var_spec"
                            if field_is(g, if g.kind_str() == "var_spec" { "value" } else { "right" }, parent) =>
                        {
                            return Flow::Alias(g.id(), idx);
                        }
                        _ => return Flow::None,
                    }
                }
                _ => return Flow::None,
            }
        }
        Flow::None
    }

    /// A deferred call runs when the innermost enclosing function returns: loops outside an
    /// enclosing func literal of the nest are not affected.
    fn defer_bound(&self) -> usize {
        self.closure_scopes.last().copied().unwrap_or(0)
    }

    /// Index in the stack of the statement (child of a statement_list) holding `stack[i]`.
    fn statement_of(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j >= 1 {
            let k = self.stack[j - 1].node.kind_str();
            if k == "statement_list" {
                return Some(j);
            }
            if k == "func_literal" || k == "for_statement" {
                return None;
            }
            j -= 1;
        }
        None
    }

    /// The next statement after the statement holding `stack[i]`.
    fn next_statement(&self, i: usize) -> Option<(usize, Node<'t>)> {
        let si = self.statement_of(i)?;
        let next = following(self.stack[si - 1].node, self.stack[si].node, 1).into_iter().next()?;
        Some((si, next))
    }

    /// Whether the statement after the one holding `stack[i]` leaves a loop or returns.
    fn exit_after(&self, i: usize) -> Exit {
        let Some((si, next)) = self.next_statement(i) else { return Exit::None };
        match next.kind_str() {
            "return_statement" => Exit::Return,
            "break_statement" => {
                if let Some(label) = next.named_child(0).filter(|l| l.kind_str() == "label_name") {
                    let name = self.text(label);
                    let li = self.out.loops.iter().rposition(|l| l.label.as_deref() == Some(name));
                    return li.map(Exit::Loop).unwrap_or(Exit::None);
                }
                // The innermost for/switch/select around the statement.
                let mut j = si;
                while j >= 1 {
                    j -= 1;
                    let n = self.stack[j].node;
                    match n.kind_str() {
                        "for_statement" => {
                            let span = Checker::span(n);
                            let li = self.out.loops.iter().rposition(|l| l.span == span);
                            return li.map(Exit::Loop).unwrap_or(Exit::None);
                        }
                        "expression_switch_statement"
                        | "type_switch_statement"
                        | "select_statement"
                        | "func_literal" => return Exit::None,
                        _ => {}
                    }
                }
                Exit::None
            }
            _ => Exit::None,
        }
    }

    /// A goroutine started by the statement holding `stack[i]` is waited for later in the
    /// same block or an enclosing one (`wg.Wait()`, `g.Wait()`, `<-done`): the scope index of
    /// that block (the goroutine only outlives iterations of loops nested inside it).
    fn joined_bound(&self, i: usize) -> Option<usize> {
        let mut k = i;
        while k >= 2 {
            let parent = self.stack[k - 1].node;
            if parent.kind_str() == "func_literal" && k != i {
                return None;
            }
            if parent.kind_str() == "statement_list" && self.waits_after(parent, self.stack[k].node) {
                let scopes = self.stack[..=k - 1].iter().filter(|f| f.scope).count();
                return Some(scopes);
            }
            k -= 1;
        }
        None
    }

    /// A later sibling statement waits for goroutines.
    fn waits_after(&self, list: Node<'t>, stmt: Node<'t>) -> bool {
        for x in following(list, stmt, 64) {
            let t = self.text(x);
            let first = t.trim_start();
            let receive = first.starts_with("<-")
                || t.contains(":= <-")
                || t.contains("= <-")
                || (x.kind_str() == "select_statement" && t.contains("<-"))
                || (x.kind_str() == "for_statement" && t.contains("<-"));
            if t.contains(".Wait()") || receive {
                return true;
            }
        }
        false
    }

    /// A value assigned to `target`.
    fn store(&self, target: Node<'t>, appended: bool) -> Flow {
        let kind = if appended { EscKind::Append } else { EscKind::Store };
        let mut root = target;
        let mut plain = true;
        for _ in 0..64 {
            match root.kind_str() {
                "selector_expression" | "index_expression" | "unary_expression" | "parenthesized_expression" => {
                    let next = root.field("operand").or_else(|| root.named_child(0)).filter(|n| n.id() != root.id());
                    let Some(next) = next else { return Flow::None };
                    root = next;
                    plain = false;
                }
                _ => break,
            }
        }
        if root.kind_str() != "identifier" {
            return Flow::None;
        }
        let name = self.text(root);
        if name == "_" {
            return Flow::None;
        }
        let target_name = plain.then(|| name.to_string());
        match self.resolve(name) {
            Some(b) => {
                let e = Escape { kind, bound: self.bindings[b].depth, target: target_name };
                if plain && matches!(self.bindings[b].kind, BKind::Local) {
                    Flow::StoreLocal(b, e)
                } else {
                    Flow::Escape(e)
                }
            }
            None => Flow::Escape(Escape { kind, bound: 0, target: target_name }),
        }
    }

    fn apply(&mut self, p: Payload, flow: Flow) {
        match flow {
            Flow::None => {}
            Flow::Escape(e) => self.escape(p, e),
            Flow::Alias(decl, idx) => self.pending.push((decl, idx, p)),
            Flow::StoreLocal(b, e) => {
                if !self.bindings[b].payloads.contains(&p) {
                    self.bindings[b].payloads.push(p);
                }
                self.escape(p, e);
            }
        }
    }

    fn escape(&mut self, p: Payload, e: Escape) {
        match p {
            Payload::Closure(ci) => {
                let Some(cl) = self.out.closures.get_mut(ci) else { return };
                if e.kind == EscKind::ParallelSubtest && !cl.parallel {
                    return;
                }
                merge(&mut cl.esc, e);
            }
            Payload::Use(ui) => {
                if e.kind == EscKind::ParallelSubtest {
                    return;
                }
                if let Some(u) = self.out.uses.get_mut(ui) {
                    merge(&mut u.esc, e);
                }
            }
        }
    }

    fn is_declaration_position(&self, node: Node<'t>) -> bool {
        let n = self.stack.len();
        let Some(parent) = n.checked_sub(2).map(|i| self.stack[i].node) else { return false };
        match parent.kind_str() {
            "var_spec" | "const_spec" | "parameter_declaration" | "variadic_parameter_declaration" => {
                field_is(parent, "name", node) || {
                    let mut cur = parent.walk();
                    let hit = parent.children_by_field_name("name", &mut cur).any(|c| c.id() == node.id());
                    hit
                }
            }
            "expression_list" => {
                let Some(gp) = n.checked_sub(3).map(|i| self.stack[i].node) else { return false };
                match gp.kind_str() {
                    "short_var_declaration" => field_is(gp, "left", parent),
                    "range_clause" | "receive_statement" => field_is(gp, "left", parent) && has_token(gp, ":="),
                    "type_switch_statement" => field_is(gp, "alias", parent),
                    _ => false,
                }
            }
            "literal_element" => {
                // The key of a keyed element: a struct field name (or a map key; ambiguous).
                let Some(gp) = n.checked_sub(3).map(|i| self.stack[i].node) else { return false };
                gp.kind_str() == "keyed_element" && field_is(gp, "key", parent)
            }
            _ => false,
        }
    }

    fn identifier(&mut self, node: Node<'t>) {
        let name = self.text(node);
        let Some(b) = self.resolve(name) else { return };
        if self.is_declaration_position(node) {
            return;
        }
        let top = self.stack.len() - 1;
        let parent = if top >= 1 { Some(self.stack[top - 1].node) } else { None };
        let gp = if top >= 2 { Some(self.stack[top - 2].node) } else { None };
        let (read, write) = access(parent, gp, node);
        match self.bindings[b].kind {
            BKind::LoopVar { loop_idx, var } => self.loop_var_use(node, loop_idx, var, read, write),
            BKind::Copy { loop_idx, copy } => {
                let addr = parent.is_some_and(|p| {
                    p.kind_str() == "unary_expression" && p.child(0).is_some_and(|o| o.kind_str() == "&")
                });
                if write || addr {
                    if let Some(c) = self.out.loops.get_mut(loop_idx).and_then(|l| l.copies.get_mut(copy)) {
                        c.written = true;
                    }
                }
            }
            BKind::Local => {
                if !self.bindings[b].payloads.is_empty() && !write {
                    let payloads = self.bindings[b].payloads.clone();
                    for p in payloads {
                        let f = self.flow(top);
                        self.apply(p, f);
                    }
                }
            }
        }
    }

    fn loop_var_use(&mut self, node: Node<'t>, loop_idx: usize, var: usize, read: bool, write: bool) {
        let top = self.stack.len() - 1;
        let at = |k: usize| if top >= k { Some(self.stack[top - k].node) } else { None };
        let (parent, gp, ggp) = (at(1), at(2), at(3));
        let is_amp = |n: Option<Node>| {
            n.is_some_and(|n| n.kind_str() == "unary_expression" && n.child(0).is_some_and(|o| o.kind_str() == "&"))
        };
        let mut addr = None;
        let mut method = None;
        let mut flow_from = None;
        if let Some(p) = parent {
            let operand_is_us = field_is(p, "operand", node);
            if is_amp(Some(p)) {
                addr = Some((AddrKind::Direct, Checker::span(p)));
                flow_from = Some(top - 1);
            } else if (p.kind_str() == "selector_expression" || p.kind_str() == "index_expression")
                && operand_is_us
                && is_amp(gp)
            {
                addr = Some((AddrKind::Part, Checker::span(gp.unwrap_or(p))));
                flow_from = Some(top - 2);
            } else if p.kind_str() == "slice_expression"
                && operand_is_us
                && p.field("start").is_none()
                && p.field("end").is_none()
            {
                addr = Some((AddrKind::Slice, Checker::span(p)));
                flow_from = Some(top - 1);
            } else if p.kind_str() == "selector_expression" && operand_is_us {
                let m = p.field("field").map(|f| self.text(f).to_string()).unwrap_or_default();
                let called = gp.is_some_and(|g| g.kind_str() == "call_expression" && field_is(g, "function", p));
                if called {
                    match ggp.map(|g| g.kind_str()) {
                        Some("go_statement") => {
                            method = Some(MethodUse::GoDefer { method: m, defer: false, span: Checker::span(p) })
                        }
                        Some("defer_statement") => {
                            method = Some(MethodUse::GoDefer { method: m, defer: true, span: Checker::span(p) })
                        }
                        _ => {}
                    }
                } else if !is_amp(gp) {
                    // Not `&v.f`, and not the left side of an assignment (`v.f = x`).
                    let assigned = gp.is_some_and(|g| g.kind_str() == "expression_list")
                        && ggp.is_some_and(|a| {
                            a.kind_str() == "assignment_statement" && field_is(a, "left", gp.unwrap_or(p))
                        });
                    if !assigned {
                        method = Some(MethodUse::Value { method: m, span: Checker::span(p) });
                        flow_from = Some(top - 1);
                    }
                }
            }
        }
        let ui = self.out.uses.len();
        if self.out.by_loop.len() <= loop_idx {
            self.out.by_loop.resize(loop_idx + 1, Vec::new());
        }
        self.out.by_loop[loop_idx].push(ui);
        self.out.uses.push(Use {
            loop_idx,
            var,
            span: Checker::span(node),
            read,
            write,
            closure: self.open_closures.last().copied(),
            addr,
            method,
            esc: None,
            exits: if flow_from.is_some() { self.exit_after(top) } else { Exit::None },
        });
        if let Some(i) = flow_from {
            let f = self.flow(i);
            self.apply(Payload::Use(ui), f);
        }
    }
}

/// Up to `max` named, non-comment children of `list` after its child `stmt`, found with a
/// cursor (`next_named_sibling` would look the parent up again for every step).
fn following<'t>(list: Node<'t>, stmt: Node<'t>, max: usize) -> Vec<Node<'t>> {
    let mut out = Vec::new();
    let mut cur = list.walk();
    if cur.goto_first_child_for_byte(stmt.start_byte()).is_none() {
        return out;
    }
    while cur.node().id() != stmt.id() {
        if !cur.goto_next_sibling() {
            return out;
        }
    }
    while out.len() < max && cur.goto_next_sibling() {
        let n = cur.node();
        if n.is_named() && n.kind_str() != "comment" {
            out.push(n);
        }
    }
    out
}

/// Children of these are not walked: parameter names are declared on entering the literal.
fn skip_children(n: Node) -> bool {
    n.kind_str() == "parameter_list" || n.kind_str() == "comment"
}

/// (read, write) for an identifier given its parent and grandparent.
fn access(parent: Option<Node>, gp: Option<Node>, node: Node) -> (bool, bool) {
    let Some(p) = parent else { return (true, false) };
    match p.kind_str() {
        "inc_statement" | "dec_statement" => (true, true),
        "expression_list" => match gp {
            Some(g) if g.kind_str() == "assignment_statement" && field_is(g, "left", p) => {
                let plain = g.field("operator").is_some_and(|o| o.kind_str() == "=");
                (!plain, true)
            }
            _ => (true, false),
        },
        _ => {
            let _ = node;
            (true, false)
        }
    }
}

fn is_bench_condition(cond: &str) -> bool {
    let t = cond.replace(' ', "");
    t.ends_with(".Loop()") || (t.contains('<') && t.ends_with(".N"))
}

/// Offset of `t.Parallel()` in the body of a func literal whose first parameter is `t`.
fn closure_calls_parallel(c: &Checker, fl: Node) -> Option<usize> {
    let params = fl.field("parameters")?;
    let first = params.named_child(0)?;
    let name = first.field("name")?;
    let p = c.text(name);
    let body = fl.field("body")?;
    let text = c.text(body);
    let at = word_positions(text, p).find(|&i| text[i + p.len()..].trim_start().starts_with(".Parallel()"))?;
    Some(body.start_byte() + at)
}

/// Whether `name` is named (as a word) after `loop_span` in the enclosing statement list.
fn named_after(c: &Checker, loop_span: Span, name: &str) -> bool {
    let Some(node) = c.tree.root_node().descendant_for_byte_range(loop_span.start, loop_span.end) else {
        return false;
    };
    let mut n = node;
    for _ in 0..4 {
        if n.kind_str() == "statement_list" {
            let rest = c.src.get(loop_span.end..n.end_byte()).unwrap_or("");
            return word_positions(rest, name).next().is_some();
        }
        match n.parent() {
            Some(p) => n = p,
            None => return false,
        }
    }
    false
}

// ---------------------------------------------------------------------------------------
// Helpers for the rules.

/// The outermost `for` statement enclosing the dispatched `for_stmt` (itself when none):
/// the root of the nest [`scan`] covers. Uses the walk's ancestor stack (no tree search).
pub fn nest_root<'t>(c: &Checker<'t>, for_stmt: Node<'t>) -> Node<'t> {
    c.ancestors().iter().copied().find(|a| a.kind_str() == "for_statement").unwrap_or(for_stmt)
}

/// Whether the body of `for_stmt` has, at its top level, a `a, b := a, b` statement (same
/// identifiers on both sides): a superset of the statements the scan records as copies,
/// checked without scanning the nest.
pub fn may_have_copy(c: &Checker, for_stmt: Node) -> bool {
    let Some(body) = for_stmt.field("body") else { return false };
    let mut cur = body.walk();
    let Some(list) = body.named_children(&mut cur).find(|n| n.kind_str() == "statement_list") else {
        return false;
    };
    let mut cur = list.walk();
    let found = list.named_children(&mut cur).any(|stmt| {
        if stmt.kind_str() != "short_var_declaration" {
            return false;
        }
        let (Some(l), Some(r)) = (stmt.field("left"), stmt.field("right")) else { return false };
        let (mut c1, mut c2) = (l.walk(), r.walk());
        let lefts: Vec<Node> = l.named_children(&mut c1).collect();
        let rights: Vec<Node> = r.named_children(&mut c2).collect();
        !lefts.is_empty()
            && lefts.len() == rights.len()
            && lefts
                .iter()
                .zip(&rights)
                .all(|(a, b)| a.kind_str() == "identifier" && b.kind_str() == "identifier" && c.text(*a) == c.text(*b))
    });
    found
}

/// (old semantics side, new semantics side) for the file versions, or `None` when both
/// sides agree (no behaviour change).
pub fn crossing(c: &Checker) -> Option<Crossing> {
    let (from, to) = (c.versions.file_from.version.at_least(22), c.versions.file_to.version.at_least(22));
    match (from, to) {
        (false, true) => Some(Crossing { old_is_from: true }),
        (true, false) => Some(Crossing { old_is_from: false }),
        _ => None,
    }
}

/// The usual start of a loopvar rule on `for_stmt`: the crossing of the file versions,
/// the nest's scan and the (old, new) go-line labels; `None` when the versions do not
/// cross go1.22 or the loop is nested in one already scanned.
pub fn start<'a>(c: &Checker<'a>, for_stmt: Node<'a>) -> Option<(Crossing, Rc<Scan>, String, String)> {
    let x = crossing(c)?;
    let scan = scan(c, for_stmt)?;
    let (old_v, new_v) = x.labels(c);
    Some((x, scan, old_v, new_v))
}

#[derive(Debug, Clone, Copy)]
pub struct Crossing {
    pub old_is_from: bool,
}

impl Crossing {
    /// "go1.21" / "go1.22" labels for the (old, new) sides.
    pub fn labels(&self, c: &Checker) -> (String, String) {
        let (f, t) =
            (c.versions.file_from.version.language().to_string(), c.versions.file_to.version.language().to_string());
        if self.old_is_from {
            (f, t)
        } else {
            (t, f)
        }
    }
    /// `d.sides` with the old/new behaviours placed on the right sides.
    pub fn sides(&self, c: &Checker, old: &str, new: &str) -> Vec<crate::diagnostic::SideBehavior> {
        if self.old_is_from {
            c.file_sides(old, new)
        } else {
            c.file_sides(new, old)
        }
    }
    /// `c.diagnostic(…)` with `d.sides` set from the old/new behaviours.
    pub fn diagnostic(
        &self,
        c: &Checker,
        span: Span,
        message: String,
        explanation: String,
        old: &str,
        new: &str,
    ) -> Diagnostic {
        let mut d = c.diagnostic(span, message, explanation);
        d.sides = self.sides(c, old, new);
        d
    }
}

/// The range loop ranges over an integer (`for i := range 10`): before go1.22 it does not
/// compile at all (range-over-int-requires-go122 reports that), so no loopvar finding.
pub fn ranges_over_int(c: &Checker, l: &Loop) -> bool {
    *l.over_int.get_or_init(|| ranges_over_int_uncached(c, l))
}

fn ranges_over_int_uncached(c: &Checker, l: &Loop) -> bool {
    let Some(r) = l.range_right else { return false };
    // Shapes that are never integers: skip the (costlier) declaration lookup.
    let text = c.src.get(r.start..r.end).unwrap_or("");
    if text.contains('{') || text.ends_with(']') || (text.contains('.') && !text.contains('(')) {
        return false;
    }
    let Some(node) = c.tree.root_node().descendant_for_byte_range(r.start, r.end) else { return false };
    let mut n = node;
    // descendant_for_byte_range may return an inner node with the same range.
    for _ in 0..8 {
        match n.parent() {
            Some(p) if p.start_byte() == r.start && p.end_byte() == r.end => n = p,
            _ => break,
        }
    }
    crate::rules::range::int_evidence::int_evidence(c, n).is_some()
}

/// Indentation of the line containing `offset`.
fn indent_of(src: &str, offset: usize) -> &str {
    let line_start = src[..offset.min(src.len())].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let rest = &src[line_start..];
    let n = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    &rest[..n]
}

/// An edit inserting `names := names` as the first statement of loop `l`'s body, or
/// `None` when that could not compile or would change how the loop proceeds.
pub fn copy_at_top(c: &Checker, scan: &Scan, li: usize, vars: &[usize]) -> Option<TextEdit> {
    let l = scan.loops.get(li)?;
    let body = l.body?;
    let names: Vec<&str> = vars.iter().filter_map(|&v| l.vars.get(v)).map(|v| v.name.as_str()).collect();
    if names.is_empty() || names.iter().any(|n| l.body_decls.iter().any(|d| d == n)) {
        return None;
    }
    // 3-clause loops: a write to the variable in the body must keep steering the loop.
    if l.kind == LoopKind::ThreeClause && vars.iter().any(|&v| scan.body_writes(li, v)) {
        return None;
    }
    if c.src.get(body.start..body.start + 1).is_none_or(|b| b != "{") {
        return None;
    }
    let after = &c.src[body.start + 1..body.end];
    let first_line_blank = after.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
    let indent = if first_line_blank {
        let nl = after.find('\n')? + body.start + 2;
        let line = c.src.get(nl..body.end)?;
        let ind = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        if line.trim_start_matches([' ', '\t']).starts_with('}') {
            format!("{}\t", indent_of(c.src, l.span.start))
        } else {
            ind.to_string()
        }
    } else {
        format!("{}\t", indent_of(c.src, l.span.start))
    };
    let list = names.join(", ");
    let text = if first_line_blank {
        format!("\n{indent}{list} := {list}")
    } else {
        format!("\n{indent}{list} := {list}\n{}", indent_of(c.src, l.span.start))
    };
    Some(TextEdit::insert(body.start + 1, text))
}

/// The unsafe fix inserting `name := name` (variable `var` of loop `li`) at the top of the
/// loop body, when [`copy_at_top`] can.
pub fn copy_fix(c: &Checker, scan: &Scan, li: usize, var: usize, name: &str, reason: impl Into<String>) -> Option<Fix> {
    let edit = copy_at_top(c, scan, li, &[var])?;
    Some(Fix::unsafe_(format!("Copy `{name}` at the top of the loop body (`{name} := {name}`)"), reason, vec![edit]))
}

/// The span of the whole line holding `span` (with its newline), when nothing but the
/// statement (and a trailing `//` comment) is on it.
pub fn whole_line(src: &str, span: Span) -> Option<Span> {
    let line_start = src[..span.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    if !src[line_start..span.start].trim().is_empty() {
        return None;
    }
    let rest = &src[span.end..];
    let eol = rest.find('\n').map(|i| span.end + i + 1).unwrap_or(src.len());
    let tail = src[span.end..eol].trim();
    if !(tail.is_empty() || tail.starts_with("//")) {
        return None;
    }
    Some(Span::new(line_start, eol))
}

/// "the last element" for range loops, "its final value" for 3-clause loops.
pub fn last_value(l: &Loop) -> &'static str {
    match l.kind {
        LoopKind::Range => "usually see the last element",
        _ => "see the value it holds when they run (after the loop: the one that ended it)",
    }
}

/// Whether the loop is hot: nested in another loop, or a benchmark loop (or inside one).
pub fn is_hot(scan: &Scan, li: usize) -> bool {
    let Some(l) = scan.loops.get(li) else { return false };
    if l.parent.is_some() {
        return true;
    }
    l.bench
}

/// (what the value is, plural subject) for messages.
pub fn describe(kind: EscKind) -> (&'static str, &'static str) {
    match kind {
        EscKind::Go => ("goroutine", "all goroutines"),
        EscKind::Defer => ("deferred closure", "all deferred calls"),
        EscKind::GoDeferArg => ("closure handed to a go/defer call", "all such closures"),
        EscKind::Append => ("closure appended to a slice", "all stored closures"),
        EscKind::Store => ("closure stored outside the iteration", "all stored closures"),
        EscKind::Send => ("closure sent on a channel", "all sent closures"),
        EscKind::GoApi => ("closure run concurrently (Go/TryGo/Submit)", "all goroutines"),
        EscKind::ParallelSubtest => ("parallel subtest", "all parallel subtests"),
        EscKind::AfterFunc => ("AfterFunc callback", "all callbacks"),
        EscKind::Handler => ("registered handler", "all handlers"),
        EscKind::Cleanup => ("cleanup function", "all cleanup functions"),
    }
}

/// What the old semantics make the closures see.
pub fn old_sees(kind: EscKind, l: &Loop, var: usize) -> &'static str {
    let key = l.kind == LoopKind::Range && l.vars.get(var).is_some_and(|v| v.position == 0);
    if key {
        return "usually see the last index or key";
    }
    match (kind, l.kind) {
        (EscKind::ParallelSubtest, LoopKind::Range) => "usually see the last table entry (one case tested N times)",
        (EscKind::Defer, LoopKind::ThreeClause) => "see the value that ended the loop",
        (_, LoopKind::Range) => "usually see the last element",
        _ => "see whatever value it holds when they run (after the loop: the value that ended it)",
    }
}

/// Methods declared in the file: name → (has a pointer receiver, has a value receiver).
pub fn file_methods<'a>(c: &Checker<'a>) -> HashMap<&'a str, (bool, bool)> {
    let mut m: HashMap<&'a str, (bool, bool)> = HashMap::new();
    let root = c.tree.root_node();
    let mut cur = root.walk();
    for d in root.named_children(&mut cur) {
        if d.kind_str() != "method_declaration" {
            continue;
        }
        let Some(name) = d.field("name") else { continue };
        let ptr = d
            .field("receiver")
            .and_then(|r| r.named_child(0))
            .and_then(|p| p.field("type"))
            .is_some_and(|t| t.kind_str() == "pointer_type");
        let e = m.entry(c.text(name)).or_default();
        if ptr {
            e.0 = true;
        } else {
            e.1 = true;
        }
    }
    m
}

/// Struct field names declared in the file's type declarations.
pub fn file_fields<'a>(c: &Checker<'a>) -> std::collections::HashSet<&'a str> {
    let mut out = std::collections::HashSet::new();
    let root = c.tree.root_node();
    let mut cur = root.walk();
    let decls: Vec<Node> = root.named_children(&mut cur).filter(|d| d.kind_str() == "type_declaration").collect();
    let mut stack = decls;
    while let Some(n) = stack.pop() {
        if n.kind_str() == "field_declaration" {
            let mut c2 = n.walk();
            for name in n.children_by_field_name("name", &mut c2) {
                out.insert(c.text(name));
            }
        }
        let mut c3 = n.walk();
        stack.extend(n.named_children(&mut c3));
    }
    out
}

/// The element type of a range loop's values, when the file shows it: `(pointer, name)` —
/// `(true, "T")` for `[]*T`, `(false, "T")` for `[]T`, `(false, "[4]byte")` for arrays.
/// Read from a composite literal in the header or from the declaration of the ranged
/// name (`xs := []T{…}`, `var xs []T`, a parameter or field `xs []T`, `make([]T, n)`,
/// `map[K]T`).
pub fn range_elem_type(c: &Checker, l: &Loop) -> Option<(bool, String)> {
    let r = l.range_right?;
    let text = c.src.get(r.start..r.end)?.trim();
    if let Some(t) = parse_elem(text) {
        return Some(t);
    }
    // Only the text visible from the loop's function is searched (`Checker::visible_parts`:
    // the file without the other functions' bodies, whose names are not in scope here).
    // Bounded windows of it keep this linear: the declaration of a local is usually within
    // the function (looked for in the 16 KiB of visible text before the loop); a field in
    // the first 256 KiB of visible text.
    let (name, window) = if text.bytes().all(is_ident_byte) {
        (text, visible_window(c, None, Some((r.start, 16 * 1024))))
    } else if let Some((_, field)) = text.rsplit_once('.') {
        if !field.bytes().all(is_ident_byte) || field.is_empty() {
            return None;
        }
        (field, visible_window(c, Some(256 * 1024), None))
    } else {
        return None;
    };
    for scope in window.iter().rev() {
        let positions: Vec<usize> = word_positions(scope, name).collect();
        for &i in positions.iter().rev() {
            let mut rest = scope[i + name.len()..].trim_start();
            for prefix in [":=", "="] {
                if let Some(x) = rest.strip_prefix(prefix) {
                    rest = x.trim_start();
                    break;
                }
            }
            if let Some(x) = rest.strip_prefix("make(") {
                rest = x.trim_start();
            }
            if let Some(t) = parse_elem(rest) {
                return Some(t);
            }
        }
    }
    None
}

/// Pieces of the visible text ([`Checker::visible_parts`]), in file order: its first
/// `first` bytes, or the `last.1` bytes before offset `last.0` (cut at char boundaries).
fn visible_window<'a>(c: &Checker<'a>, first: Option<usize>, last: Option<(usize, usize)>) -> Vec<&'a str> {
    let src: &'a str = c.src;
    let piece = |a: usize, b: usize| {
        let mut a = a.min(src.len());
        while !src.is_char_boundary(a) {
            a += 1;
        }
        let mut b = b.min(src.len());
        while !src.is_char_boundary(b) {
            b -= 1;
        }
        src.get(a..b.max(a))
    };
    let parts = c.visible_parts();
    let mut out = Vec::new();
    if let Some(mut budget) = first {
        for p in parts.iter() {
            if budget == 0 {
                break;
            }
            let take = (p.end - p.start).min(budget);
            budget -= take;
            out.extend(piece(p.start, p.start + take));
        }
    }
    if let Some((before, mut budget)) = last {
        for p in parts.iter().rev() {
            if budget == 0 {
                break;
            }
            let end = p.end.min(before);
            if end <= p.start {
                continue;
            }
            let take = (end - p.start).min(budget);
            budget -= take;
            out.extend(piece(end - take, end));
        }
        out.reverse();
    }
    out
}

/// `[]*T…` / `[]T…` / `map[K]T…` / `[N]T…` at the start of `s` → the element type.
fn parse_elem(s: &str) -> Option<(bool, String)> {
    let rest = if let Some(x) = s.strip_prefix("[]") {
        x
    } else if let Some(x) = s.strip_prefix("map[") {
        let mut depth = 1;
        let mut end = None;
        for (i, ch) in x.char_indices() {
            match ch {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        &x[end? + 1..]
    } else if s.starts_with('[') {
        // An array `[N]T`: its elements are values.
        let close = s.find(']')?;
        let len = &s[1..close];
        if len.is_empty() || !len.bytes().all(|b| is_ident_byte(b) || b == b'.') {
            return None;
        }
        &s[close + 1..]
    } else {
        return None;
    };
    let (ptr, rest) = match rest.strip_prefix('*') {
        Some(x) => (true, x),
        None => (false, rest),
    };
    if rest.starts_with('[') {
        // Slices/arrays of slices or arrays: keep the text up to the element name.
        let end = rest.find(|ch: char| !(is_ident_byte(ch as u8) || "[].*".contains(ch))).unwrap_or(rest.len());
        return (end > 0).then(|| (ptr, rest[..end].to_string()));
    }
    let end = rest.find(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '.')).unwrap_or(rest.len());
    if end == 0 {
        return None;
    }
    Some((ptr, rest[..end].to_string()))
}

pub type Receivers = Rc<Vec<(String, String, bool)>>;

/// Methods declared in the file: (method name, receiver type name, pointer receiver),
/// computed once per analysis (`rules::Shared`).
pub fn file_method_receivers(c: &Checker) -> Receivers {
    c.shared
        .method_receivers
        .get_or_init(|| {
            Rc::new(method_receivers(c).into_iter().map(|(a, b, p)| (a.to_string(), b.to_string(), p)).collect())
        })
        .clone()
}

fn method_receivers<'a>(c: &Checker<'a>) -> Vec<(&'a str, &'a str, bool)> {
    let mut out = Vec::new();
    let root = c.tree.root_node();
    let mut cur = root.walk();
    for d in root.named_children(&mut cur) {
        if d.kind_str() != "method_declaration" {
            continue;
        }
        let Some(name) = d.field("name") else { continue };
        let Some(ty) = d.field("receiver").and_then(|r| r.named_child(0)).and_then(|p| p.field("type")) else {
            continue;
        };
        let ptr = ty.kind_str() == "pointer_type";
        let base = if ptr { ty.named_child(0).unwrap_or(ty) } else { ty };
        // `T[K]` generic receivers: the name before the brackets.
        let base_text = c.text(base);
        let base_name = base_text.split('[').next().unwrap_or(base_text).trim();
        out.push((c.text(name), base_name, ptr));
    }
    out
}
