//! What the analyzer and the go env resolver report: diagnostics, fixes as text edits, and
//! the one function that applies edits.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How bad a finding is, in the vocabulary of `rules.md` ("Severity vocabulary").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Will not compile or link, or panics at start-up/registration.
    Error,
    /// Compiles, runs differently.
    BehaviorChange,
    /// No version change, but an old hazard survives and peer tools stop reporting it.
    LatentBug,
    /// A deprecated API.
    Deprecation,
    /// A modernization or performance hint.
    Hint,
}

impl Severity {
    pub const ALL: [Severity; 5] =
        [Severity::Error, Severity::BehaviorChange, Severity::LatentBug, Severity::Deprecation, Severity::Hint];

    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::BehaviorChange => "behavior change",
            Severity::LatentBug => "latent bug",
            Severity::Deprecation => "deprecation",
            Severity::Hint => "hint",
        }
    }

    /// The stable machine name (JSON, CSS classes).
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::BehaviorChange => "behavior-change",
            Severity::LatentBug => "latent-bug",
            Severity::Deprecation => "deprecation",
            Severity::Hint => "hint",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One replacement of `span` by `new_text` (an insertion when the span is empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextEdit {
    pub span: Span,
    pub new_text: String,
}

impl TextEdit {
    pub fn replace(span: Span, new_text: impl Into<String>) -> Self {
        TextEdit { span, new_text: new_text.into() }
    }
    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        TextEdit { span: Span::new(at, at), new_text: text.into() }
    }
    pub fn delete(span: Span) -> Self {
        TextEdit { span, new_text: String::new() }
    }
}

/// Whether applying a fix can change what the program does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Cannot change behaviour: "Apply all safe fixes" applies it.
    Safe,
    /// May change behaviour; the fix's `reason` says how. Applied one at a time, on request.
    Unsafe,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    /// For an unsafe fix: what could change.
    pub reason: Option<String>,
    pub edits: Vec<TextEdit>,
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<TextEdit>) -> Self {
        Fix { title: title.into(), applicability: Applicability::Safe, reason: None, edits }
    }
    pub fn unsafe_(title: impl Into<String>, reason: impl Into<String>, edits: Vec<TextEdit>) -> Self {
        Fix { title: title.into(), applicability: Applicability::Unsafe, reason: Some(reason.into()), edits }
    }
}

/// A GODEBUG setting that restores the old behaviour for a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GodebugHatch {
    /// `httpmuxgo121`
    pub setting: String,
    /// The value that restores the old behaviour (`1`).
    pub value: String,
    /// When the escape hatch stops working, if ever (e.g. "removed in Go 1.27").
    pub note: Option<String>,
}

/// How the code behaves on each side of the version switch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideBehavior {
    /// e.g. "go1.21 (go.mod line 3)"
    pub version: String,
    pub behavior: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule id from `rules.md` (e.g. `range-over-int-requires-go122`).
    pub rule: String,
    pub severity: Severity,
    pub span: Span,
    /// What is wrong, one sentence (for range errors: the compiler's own text).
    pub message: String,
    /// Why, in the chosen versions, and what to do.
    pub explanation: String,
    /// The go.dev page that backs the rule.
    pub source_url: String,
    pub godebug: Option<GodebugHatch>,
    pub fix: Option<Fix>,
    /// Behaviour under the "from" and the "to" version (empty when not version-specific).
    pub sides: Vec<SideBehavior>,
}

impl Diagnostic {
    /// The same finding moved by `shift` bytes: its span and its fix's edits (`None` if
    /// that would move one before the text). For a finding kept across an edit that moved
    /// it (`analyzer::reuse`, the worker's delta replies).
    pub fn shifted(&self, shift: isize) -> Option<Diagnostic> {
        let mv = |s: &mut Span| -> Option<()> {
            s.start = s.start.checked_add_signed(shift)?;
            s.end = s.end.checked_add_signed(shift)?;
            Some(())
        };
        let mut d = self.clone();
        mv(&mut d.span)?;
        if let Some(f) = d.fix.as_mut() {
            for e in &mut f.edits {
                mv(&mut e.span)?;
            }
        }
        Some(d)
    }
}

/// Why edits could not be applied. Nothing is applied when this is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    OutOfBounds { span: Span, len: usize },
    NotCharBoundary { offset: usize },
    Overlap { first: Span, second: Span },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::OutOfBounds { span, len } => {
                write!(f, "edit {}..{} is outside the text ({} bytes)", span.start, span.end, len)
            }
            EditError::NotCharBoundary { offset } => write!(f, "edit boundary {offset} splits a character"),
            EditError::Overlap { first, second } => write!(
                f,
                "edits {}..{} and {}..{} overlap; nothing was applied",
                first.start, first.end, second.start, second.end
            ),
        }
    }
}

impl std::error::Error for EditError {}

/// Applies all `edits` to `text` at once, or none of them.
///
/// Edits may come in any order. Two edits that overlap, or two insertions at the same
/// offset (whose order would be a guess), are refused with [`EditError::Overlap`].
pub fn apply_edits(text: &str, edits: &[TextEdit]) -> Result<String, EditError> {
    let mut sorted: Vec<&TextEdit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    for e in &sorted {
        if e.span.end > text.len() || e.span.start > e.span.end {
            return Err(EditError::OutOfBounds { span: e.span, len: text.len() });
        }
        for off in [e.span.start, e.span.end] {
            if !text.is_char_boundary(off) {
                return Err(EditError::NotCharBoundary { offset: off });
            }
        }
    }
    for w in sorted.windows(2) {
        let (a, b) = (w[0].span, w[1].span);
        if a.end > b.start || (a.start == b.start && a.is_empty() && b.is_empty()) || (a == b) {
            return Err(EditError::Overlap { first: a, second: b });
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in sorted {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.new_text);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

/// The result of applying several fixes together ("Apply all safe fixes").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixesApplied {
    pub text: String,
    pub applied: usize,
    /// Fixes left out because they overlapped one applied before them.
    pub skipped: usize,
}

/// Applies every fix whose edits do not overlap those of a fix taken earlier (in order).
/// A fix is taken whole or not at all.
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> FixesApplied {
    let mut taken: Vec<TextEdit> = Vec::new();
    let (mut applied, mut skipped) = (0, 0);
    for fix in fixes {
        let mut candidate = taken.clone();
        candidate.extend(fix.edits.iter().cloned());
        if apply_edits(text, &candidate).is_ok() {
            taken = candidate;
            applied += 1;
        } else {
            skipped += 1;
        }
    }
    let text = apply_edits(text, &taken).expect("edits were checked one fix at a time");
    FixesApplied { text, applied, skipped }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_edits_in_any_order() {
        let t = "for i := 0; i < n; i++ {";
        let edits = vec![TextEdit::replace(Span::new(4, 22), "i := range n"), TextEdit::insert(0, "// x\n")];
        assert_eq!(apply_edits(t, &edits).unwrap(), "// x\nfor i := range n {");
    }

    #[test]
    fn refuses_overlaps_without_applying_anything() {
        let t = "abcdef";
        let e = vec![TextEdit::replace(Span::new(1, 4), "X"), TextEdit::replace(Span::new(3, 5), "Y")];
        assert!(matches!(apply_edits(t, &e), Err(EditError::Overlap { .. })));
        let same_point = vec![TextEdit::insert(2, "a"), TextEdit::insert(2, "b")];
        assert!(apply_edits(t, &same_point).is_err());
        // Touching is fine.
        let touching = vec![TextEdit::replace(Span::new(1, 3), "X"), TextEdit::replace(Span::new(3, 5), "Y")];
        assert_eq!(apply_edits(t, &touching).unwrap(), "aXYf");
    }

    #[test]
    fn refuses_out_of_bounds_and_split_characters() {
        assert!(matches!(apply_edits("ab", &[TextEdit::delete(Span::new(1, 9))]), Err(EditError::OutOfBounds { .. })));
        assert!(matches!(
            apply_edits("中", &[TextEdit::delete(Span::new(1, 3))]),
            Err(EditError::NotCharBoundary { offset: 1 })
        ));
    }

    #[test]
    fn apply_fixes_skips_a_fix_that_overlaps_an_earlier_one() {
        let t = "aaa bbb ccc";
        let f1 = Fix::safe("1", vec![TextEdit::replace(Span::new(0, 3), "A")]);
        let f2 = Fix::safe("2", vec![TextEdit::replace(Span::new(2, 5), "Z")]);
        let f3 = Fix::safe("3", vec![TextEdit::replace(Span::new(8, 11), "C")]);
        let r = apply_fixes(t, [&f1, &f2, &f3]);
        assert_eq!((r.text.as_str(), r.applied, r.skipped), ("A bbb C", 2, 1));
    }
}
