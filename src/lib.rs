//! gocompat's pure core: no web dependency, compiled natively for tests and the CLI and
//! into the wasm app. See README.md and the module docs.
//!
//! * [`analyzer`]: Go source → [`analyzer::Analysis`] (diagnostics with fixes), one rule a
//!   file under [`rules`].
//! * [`version`], [`span`], [`diagnostic`]: shared types.
//! * [`gomod`], [`buildtag`]: the inputs that decide versions.

pub mod analyzer;
pub mod buildtag;
pub mod diagnostic;
pub mod godebug;
pub mod goenv;
pub mod gomod;
pub mod render;
pub mod rules;
pub mod share;
pub mod site;
pub mod span;
pub mod version;

pub use analyzer::{analyze, Analysis, Context};
pub use diagnostic::{apply_edits, apply_fixes, Applicability, Diagnostic, Fix, Severity, TextEdit};
pub use span::{LineIndex, Position, Span};
pub use version::GoVersion;
