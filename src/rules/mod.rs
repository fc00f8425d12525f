//! Every rule, one file each, grouped in families. A rule is a [`Rule`] value declared with
//! [`declare_rule!`]: its doc comment (what it does, why, and a `go bad` and a `go good`
//! example) is both its rustdoc and its page in the app; `tests/rule_docs.rs` checks that
//! every example yields exactly the findings it claims.
//!
//! To add a rule: create `src/rules/<family>/<rule_id_with_underscores>.rs` with one
//! `declare_rule!`, list it in the family's `RULES`, add fixtures under
//! `tests/fixtures/<rule-id>/`.

use crate::analyzer::Checker;
use crate::diagnostic::Severity;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::LazyLock;
use tree_sitter::Node;

pub mod loopvar;
pub mod mux;
pub mod range;
pub mod runtime;
pub mod stdlib;
pub mod syntax;
pub mod vet;

/// Results that rules compute once and use at many nodes, kept for one analysis (a new
/// analysis starts from `Default`, so nothing is stale and no rule resets anything). The
/// driver ([`Checker`]) holds one and knows nothing of what is inside: a rule or a family
/// that keeps work across its node checks keeps it here.
#[derive(Default)]
pub struct Shared<'a> {
    /// ServeMux registrations by call node id ([`mux::registrations::registration`]): five
    /// rules ask for each `Handle`/`HandleFunc` call.
    pub(crate) registrations: RefCell<HashMap<usize, Option<Rc<mux::registrations::Registration<'a>>>>>,
    /// The last loop nest scanned for the loopvar rules ([`loopvar::common::scan`]).
    pub(crate) loop_scan: RefCell<Option<(crate::span::Span, Rc<loopvar::common::Scan>)>>,
    /// The file's methods and receivers ([`loopvar::common::file_method_receivers`]).
    pub(crate) method_receivers: std::cell::OnceCell<loopvar::common::Receivers>,
    /// The unconditional registrations met by the walk, for the conflict check at its end.
    pub(crate) mux_sites: RefCell<Vec<mux::http_mux_conflicting_patterns::Site>>,
    /// vet-slog-key-value: (name, "Logger" or "Record") for the variables, fields and
    /// parameters the file shows to be a `*slog.Logger` or a `slog.Record`.
    pub(crate) slog_receivers: RefCell<Vec<(String, &'static str)>>,
    /// timer-channel-synchronous: the names the text visible from a top-level declaration
    /// shows to hold a timer or ticker, for the last declaration asked about (its node id).
    pub(crate) timers: RefCell<Option<(usize, Vec<String>)>>,
    /// range-over-func-requires-go123: whether the file's text has `) bool)` anywhere.
    pub(crate) bool_func_params: std::cell::OnceCell<bool>,
}

/// A rule's metadata and its checks.
pub struct Rule {
    /// The id used in `rules.md` (`range-over-int-requires-go122`).
    pub id: &'static str,
    pub title: &'static str,
    /// The family (folder) the rule lives in: `loopvar`, `range`, `mux`, ...
    pub family: &'static str,
    pub severity: Severity,
    /// When the rule applies, in rules.md's notation (`FV < 1.22`, `MV >= 1.22 or TC >= 1.27`).
    pub versions: &'static str,
    /// The GODEBUG escape hatch: (setting, value restoring the old behaviour, note).
    pub godebug: Option<(&'static str, &'static str, Option<&'static str>)>,
    /// go.dev links; the first is the primary source shown with each finding.
    pub sources: &'static [&'static str],
    /// The doc comment (Markdown), with `go bad` / `go good` examples. Empty in wasm builds.
    pub doc: &'static str,
    /// Node kinds `check_node` is called for.
    pub kinds: &'static [&'static str],
    pub check_node: Option<for<'a> fn(&mut Checker<'a>, Node<'a>)>,
    /// What its node checks report inside a top-level function or method depends only on
    /// that declaration and the file's skeleton, and lies inside it (see
    /// [`crate::analyzer::reuse`]): its findings there are kept while the declaration is
    /// unchanged. Set only after reading every helper the rule calls. (What a local node
    /// check gathers for its rule's `check_end` is kept the same way: the ServeMux
    /// registration sites, [`crate::analyzer::Checker::add_mux_site`].)
    pub local: bool,
    /// For a rule that is not [`Rule::local`]: whether its node check can report anything in
    /// this file (e.g. it needs an import the file lacks); `None`: it may. When no such rule
    /// may, the walk skips the declarations whose findings are kept.
    pub applies: Option<fn(&Checker) -> bool>,
    /// Runs once before the walk.
    pub check_file: Option<fn(&mut Checker)>,
    /// Runs once after the walk (a rule that gathers from its `check_node` calls and
    /// reports on the whole, e.g. conflicts between registrations).
    pub check_end: Option<fn(&mut Checker)>,
}

impl Rule {
    /// Defaults for the optional fields of [`declare_rule!`].
    pub const BASE: Rule = Rule {
        id: "",
        title: "",
        family: "",
        severity: Severity::Hint,
        versions: "",
        godebug: None,
        sources: &[],
        doc: "",
        kinds: &[],
        check_node: None,
        local: false,
        applies: None,
        check_file: None,
        check_end: None,
    };
}

/// Declares a rule: the doc comment becomes both rustdoc and `Rule::doc`.
///
/// ```ignore
/// declare_rule! {
///     /// What it does ...
///     pub static RULE = {
///         id: "x", title: "...", family: "range", severity: Severity::Error,
///         versions: "FV < 1.22", sources: &["https://go.dev/doc/go1.22"],
///         kinds: &["for_statement"], check_node: Some(check),
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* $vis:vis static $name:ident = { $($field:ident : $value:expr),* $(,)? }) => {
        $(#[doc = $doc])*
        #[allow(clippy::needless_update)] // a rule may set every optional field
        $vis static $name: $crate::rules::Rule = $crate::rules::Rule {
            // The docs are for the CLI, the rule pages and the tests; the wasm builds never
            // show them (findings carry their own text), so they stay out of the wasm (~28 KB gzip).
            doc: if cfg!(target_arch = "wasm32") { "" } else { concat!($($doc, "\n"),*) },
            $($field: $value,)*
            ..$crate::rules::Rule::BASE
        };
    };
}

/// Every rule, in family order.
pub static ALL: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let families: &[&[&'static Rule]] =
        &[syntax::RULES, range::RULES, loopvar::RULES, mux::RULES, stdlib::RULES, runtime::RULES, vet::RULES];
    families.iter().flat_map(|f| f.iter().copied()).collect()
});

/// A rule's node check.
pub type CheckNode = for<'a> fn(&mut Checker<'a>, Node<'a>);

/// What the driver's walk does at a node of one kind.
pub struct Dispatch {
    /// Whether it descends into the node: a [`Descend`] constant (see [`SKIP_CHILDREN`]).
    pub descend: u8,
    /// The rules whose `kinds` name the kind, with their node checks, in [`ALL`]'s order.
    pub rules: Vec<(&'static Rule, CheckNode)>,
    /// Those of `rules` that are not [`Rule::local`] (inside a declaration whose local
    /// findings are reused).
    pub nonlocal: Vec<(&'static Rule, CheckNode)>,
}

/// Node kind id → what the walk does there: one table, so the walk reads one entry per node.
pub static DISPATCH: LazyLock<Vec<Dispatch>> = LazyLock::new(|| {
    let lang: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
    let mut table: Vec<Dispatch> =
        SKIP_CHILDREN.iter().map(|&descend| Dispatch { descend, rules: Vec::new(), nonlocal: Vec::new() }).collect();
    for rule in ALL.iter() {
        for kind in rule.kinds {
            let id = lang.id_for_node_kind(kind, true) as usize;
            assert!(id != 0, "rule {} asks for unknown node kind {kind}", rule.id);
            if let Some(check) = rule.check_node {
                table[id].rules.push((*rule, check));
                if !rule.local {
                    table[id].nonlocal.push((*rule, check));
                }
            }
        }
    }
    table
});

/// Literal kinds whose children are only string tokens (quotes, content, escape sequences).
/// The driver's walk does not descend into them when no rule asks for one of those token
/// kinds (and the literal has no syntax error inside): about 6% of the nodes of real code.
const TOKEN_ONLY: &[(&str, &[&str])] = &[
    ("interpreted_string_literal", &["interpreted_string_literal_content", "escape_sequence"]),
    ("raw_string_literal", &["raw_string_literal_content"]),
];

/// Whether the driver's walk descends into a node of a kind ([`SKIP_CHILDREN`]).
pub struct Descend;

impl Descend {
    pub const ALWAYS: u8 = 0;
    /// A token: no children.
    pub const NEVER: u8 = 1;
    /// Only when the node has a syntax error inside (its children are then not just tokens).
    pub const IF_ERROR: u8 = 2;
}

/// Named kinds of tree-sitter-go that are tokens: always leaves.
const TOKENS: &[&str] = &[
    "identifier",
    "field_identifier",
    "type_identifier",
    "package_identifier",
    "label_name",
    "int_literal",
    "float_literal",
    "imaginary_literal",
    "rune_literal",
    "true",
    "false",
    "nil",
    "iota",
    "comment",
    "escape_sequence",
    "interpreted_string_literal_content",
    "raw_string_literal_content",
];

/// Node kind id → whether the walk need not look for children: tokens (the anonymous
/// kinds — punctuation, keywords — and [`TOKENS`], about 70% of all nodes, for which the
/// cursor's `goto_first_child` would only fail) and the [`TOKEN_ONLY`] literals.
/// The values are [`Descend`] constants.
pub static SKIP_CHILDREN: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let lang: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
    let mut skip = vec![Descend::ALWAYS; lang.node_kind_count()];
    for (id, s) in skip.iter_mut().enumerate() {
        let Ok(id) = u16::try_from(id) else { continue };
        // Anonymous visible kinds are the grammar's literal tokens (`(`, `for`, `:=`).
        if id != 0 && lang.node_kind_is_visible(id) && !lang.node_kind_is_named(id) {
            *s = Descend::NEVER;
        }
    }
    for kind in TOKENS {
        let id = lang.id_for_node_kind(kind, true) as usize;
        if id != 0 {
            skip[id] = Descend::NEVER;
        }
    }
    let wanted = |kind: &str| ALL.iter().any(|r| r.kinds.contains(&kind));
    for (kind, inner) in TOKEN_ONLY {
        let id = lang.id_for_node_kind(kind, true) as usize;
        if id != 0 && !inner.iter().any(|k| wanted(k)) {
            skip[id] = Descend::IF_ERROR;
        }
    }
    skip
});

/// Looks a rule up by id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}
