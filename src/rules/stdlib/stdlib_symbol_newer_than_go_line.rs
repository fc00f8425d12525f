//! Messages verified with real toolchains (GOTOOLCHAIN=local, GOPROXY=off, private HOME/GOCACHE):
//! module `go 1.21`, `/usr/lib/go-1.23/bin/go vet ./...` prints
//! `slices.Concat requires go1.22 or later (module is go1.21)`, `cmp.Or requires go1.22 or later
//! (module is go1.21)`, `reflect.TypeFor requires go1.22 or later (module is go1.21)`,
//! `iter.Seq requires go1.23 or later (module is go1.21)`, `http.PathValue requires go1.22 or
//! later (module is go1.21)` and, for `import r "math/rand/v2"`, `rand.IntN requires …` (vet
//! prints the package's own name, not the alias); with go 1.22 and `//go:build go1.21` in the
//! file: `slices.Concat requires go1.22 or later (file is go1.21)`.
//! `/usr/lib/go-1.21/bin/go build` on the go 1.21 module: `undefined: slices.Concat`,
//! `package iter is not in std (/usr/lib/go-1.21/src/iter)`, and for `import s "slices"`
//! `undefined: s.Concat`; `/usr/lib/go-1.19/bin/go build` (go 1.19): `package slices is not in
//! GOROOT (/usr/lib/go-1.19/src/slices)` (Go 1.21 changed the wording to "not in std").
//! Package unsafe is not in Go's api files; its additions are language changes checked by the
//! compiler: go 1.16 module, `/usr/lib/go-1.23/bin/go build -gcflags=-e` → `unsafe.StringData
//! requires go1.20 or later (-lang was set to go1.16; check go.mod)`, likewise unsafe.Slice and
//! unsafe.Add (go1.17), unsafe.String and unsafe.SliceData (go1.20).
use super::maps_keys_returns_iterator::used_as_slice;
use super::resolve::typed_member;
use super::stdapi::{package_name, Kind, SINCE};
use super::version_noun;
use crate::analyzer::NodeExt;
use crate::analyzer::PkgRef;
use crate::analyzer::{Checker, Sourced};
use crate::declare_rule;
use crate::diagnostic::Severity;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Finds uses of standard-library packages, functions, types, variables and constants
    /// that were added in a Go release newer than the file's Go version (the go.mod `go`
    /// line, or a `//go:build go1.N` line), like vet's `stdversion` check. Methods and fields
    /// are checked when the file shows the receiver's type (a parameter `r *http.Request`).
    ///
    /// ## Why
    /// The `go` line is the oldest toolchain the module promises to build with. A toolchain
    /// of that version does not have the symbol and fails with `undefined: slices.Concat`
    /// (or `package iter is not in std` for a new package). Newer toolchains compile the
    /// code, so the break only shows for users on the declared minimum; `go vet` (Go 1.23+)
    /// reports it for modules at go1.21 or later.
    ///
    /// ## How to fix
    /// Raise the go.mod `go` line to the version named in the message, guard the file with
    /// `//go:build go1.N`, or use an older API (`append(append([]T(nil), a...), b...)` for
    /// `slices.Concat`).
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.21
    /// package main
    ///
    /// import "slices"
    ///
    /// func join(a, b []int) []int {
    ///     return slices.Concat(a, b)
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.22 to=1.22
    /// package main
    ///
    /// import "slices"
    ///
    /// func join(a, b []int) []int {
    ///     return slices.Concat(a, b)
    /// }
    /// ```
    pub static RULE = {
        id: "stdlib-symbol-newer-than-go-line",
        title: "Standard-library symbol added after the file's Go version",
        family: "stdlib",
        severity: Severity::Error,
        versions: "symbol version > FV",
        sources: &[
            "https://go.dev/ref/mod#go-mod-file-go",
            "https://go.dev/doc/go1.23",
            "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/stdversion",
        ],
        kinds: &["import_spec", "selector_expression", "qualified_type"],
        check_node: Some(check),
        local: true,
    }
}

fn check<'a>(c: &mut Checker<'a>, node: Node<'a>) {
    if node.kind_str() == "import_spec" {
        check_import(c, node);
    } else {
        check_ref(c, node);
    }
}

/// The first side (from, then to) for whose file version `fails` holds, and the verdict per side.
fn failing_side<'v>(c: &Checker<'v>, fails: impl Fn(u32) -> bool) -> Option<(&'v Sourced, [bool; 2])> {
    let sides = c.versions.file_sides();
    let f = [fails(sides[0].version.minor), fails(sides[1].version.minor)];
    let first = if f[0] {
        sides[0]
    } else if f[1] {
        sides[1]
    } else {
        return None;
    };
    Some((first, f))
}

/// "A go1.21 toolchain — the oldest the go line allows —" (the go line is a hard minimum
/// only since Go 1.21: go.dev/ref/mod).
fn oldest(fv_minor: u32) -> String {
    if fv_minor >= 21 {
        format!("A go1.{fv_minor} toolchain — the oldest the go line allows —")
    } else {
        format!("A go1.{fv_minor} toolchain")
    }
}

/// What vet says about it, by file version (stdversion skips modules below go1.21).
fn vet_note(fv_minor: u32) -> &'static str {
    if fv_minor >= 21 {
        "newer toolchains compile it and `go vet` (stdversion, Go 1.23+) reports it"
    } else {
        "newer toolchains compile it; `go vet`'s stdversion check skips modules below go1.21"
    }
}

fn toolchain_note(c: &Checker, minor: u32) -> String {
    let tc = &c.versions.toolchain;
    if tc.version.at_least(minor) {
        String::new()
    } else {
        format!(" The selected toolchain {} does not have it either: the build fails now.", tc.describe())
    }
}

fn check_import(c: &mut Checker, spec: Node) {
    let Some(path_node) = spec.field("path") else { return };
    let path = c.text(path_node).trim_matches(|ch| ch == '"' || ch == '`');
    let Some(minor) = SINCE.package(path) else { return };
    if minor == 0 {
        return;
    }
    let Some((failing, f)) = failing_side(c, |fv| minor > fv) else { return };
    let fv = failing.version.language();
    let message = format!("package {path} requires go1.{minor} or later ({} is {fv})", version_noun(failing));
    let where_ = if fv.minor >= 21 { "std" } else { "GOROOT" };
    let explanation = format!(
        "Package {path} was added in Go 1.{minor}, but the file's Go version is {}. {} fails with `package {path} is not in {where_} (…)`.{} Raise the go.mod `go` line to 1.{minor} or later, or guard the file with `//go:build go1.{minor}`.",
        failing.describe(),
        oldest(fv.minor),
        toolchain_note(c, minor)
    );
    report(c, spec, message, explanation, f, &format!("package {path}"), minor);
}

fn report(c: &mut Checker, node: Node, message: String, explanation: String, f: [bool; 2], what: &str, minor: u32) {
    let bad = format!("too new: {what} needs go1.{minor}; a toolchain of this version cannot build the file");
    let ok = format!("allowed: {what} exists since go1.{minor}");
    let sides = c.file_sides(if f[0] { &bad } else { &ok }, if f[1] { &bad } else { &ok });
    let mut d = c.diagnostic(Checker::span(node), message, explanation);
    d.sides = sides;
    c.report(d);
}

/// Methods and fields owned by http-request-pathvalue-api.
const OWNED_ELSEWHERE: &[(&str, &str)] =
    &[("net/http", "Request.PathValue"), ("net/http", "Request.SetPathValue"), ("net/http", "Request.Pattern")];

/// Additions to package unsafe (go.dev/doc/go1.17#language, go.dev/doc/go1.20#language).
const UNSAFE: &[(&str, u32)] = &[("Add", 17), ("Slice", 17), ("SliceData", 20), ("String", 20), ("StringData", 20)];

/// `unsafe.X` newer than the file: a compiler (language version) error in every toolchain.
/// `r.shadowed` walks up the tree: asked last, after the cheap tests (`unsafe.Pointer` is
/// everywhere in low-level code and is never too new).
fn check_unsafe<'a>(c: &mut Checker<'a>, node: Node<'a>, name: &str, r: PkgRef<'a>) {
    let Some(&(_, minor)) = UNSAFE.iter().find(|(n, _)| *n == name) else { return };
    let Some((failing, f)) = failing_side(c, |fv| minor > fv) else { return };
    if r.shadowed(c) {
        return;
    }
    let fv = failing.version.language();
    let why = if failing.source.starts_with("//go:build") {
        format!("(file declares //go:build {fv})")
    } else {
        format!("(-lang was set to {fv}; check go.mod)")
    };
    let message = format!("unsafe.{name} requires go1.{minor} or later {why}");
    let explanation = format!(
        "unsafe.{name} was added to the language in Go 1.{minor}. The file's Go version is {}, so the compiler rejects this use whatever the toolchain. Raise the go.mod `go` line to 1.{minor} or later.",
        failing.describe()
    );
    report(c, node, message, explanation, f, &format!("unsafe.{name}"), minor);
}

fn check_ref<'a>(c: &mut Checker<'a>, node: Node<'a>) {
    if let Some(r) = c.pkg_ref(node) {
        if r.path == "unsafe" {
            let r = *r;
            check_unsafe(c, node, r.name, r);
            return;
        }
        let Some(e) = SINCE.get(r.path, r.name) else { return };
        if !e.kind.is_package_level() || e.minor == 0 {
            return;
        }
        // A new package is reported at its import; its own symbols are not repeated.
        let pkg_minor = SINCE.package(r.path).unwrap_or(0);
        let fails = |fv: u32| e.minor > fv && !(pkg_minor > fv && e.minor <= pkg_minor);
        if r.path == "maps" && matches!(r.name, "Keys" | "Values") && used_as_slice(c, node) {
            return; // maps-keys-returns-iterator explains this use
        }
        let Some((failing, f)) = failing_side(c, fails) else { return };
        if r.shadowed(c) {
            return;
        }
        let shown = format!("{}.{}", package_name(r.path), r.name);
        let fv = failing.version.language();
        let message = format!("{shown} requires go1.{} or later ({} is {fv})", e.minor, version_noun(failing));
        let alt = match (r.path, r.name) {
            ("slices", "Concat") => " For two slices, `append(append([]T(nil), a...), b...)` works in every version.",
            ("cmp", "Or") => " Before go1.22 write the comparison with zero values out by hand.",
            _ => "",
        };
        let explanation = format!(
            "{}.{} was added in Go 1.{}, but the file's Go version is {}. {} fails with `undefined: {}.{}`; {}.{} Raise the go.mod `go` line to 1.{} or later, or guard the file with `//go:build go1.{}`.{alt}",
            r.path,
            r.name,
            e.minor,
            failing.describe(),
            oldest(fv.minor),
            r.local,
            r.name,
            vet_note(fv.minor),
            toolchain_note(c, e.minor),
            e.minor,
            e.minor
        );
        let what = shown.clone();
        report(c, node, message, explanation, f, &what, e.minor);
        return;
    }
    let oldest_fv = c.versions.file_from.version.minor.min(c.versions.file_to.version.minor);
    let imported = |p: &str| c.facts.local_name(p).is_some();
    let newer = |m: &str| SINCE.has_member(m, oldest_fv, imported);
    let Some((path, ty, member)) = typed_member(c, node, newer) else { return };
    let key = format!("{ty}.{member}");
    if OWNED_ELSEWHERE.contains(&(path, key.as_str())) {
        return;
    }
    let Some(e) = SINCE.get(path, &key) else { return };
    if e.kind.is_package_level() {
        return;
    }
    // Like vet: no report for a member of a type that is itself too new (the type is reported).
    let ty_minor = SINCE.get(path, ty).map_or(0, |t| t.minor);
    let Some((failing, f)) = failing_side(c, |fv| e.minor > fv && ty_minor <= fv) else { return };
    let shown = format!("{}.{member}", package_name(path));
    let fv = failing.version.language();
    let message = format!("{shown} requires go1.{} or later ({} is {fv})", e.minor, version_noun(failing));
    let what = if e.kind == Kind::Field { "field" } else { "method" };
    let explanation = format!(
        "The {what} {ty}.{member} of {path} was added in Go 1.{}, but the file's Go version is {}. {} reports that {ty} has no field or method {member}; {}.{} Raise the go.mod `go` line to 1.{} or later.",
        e.minor,
        failing.describe(),
        oldest(fv.minor),
        vet_note(fv.minor),
        toolchain_note(c, e.minor),
        e.minor
    );
    let what = format!("{path}.{ty}.{member}");
    report(c, node, message, explanation, f, &what, e.minor);
}
