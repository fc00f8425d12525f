//! Standard-library APIs and builtins gated by the go line, deprecations, math/rand and the
//! go/types / go/ast changes for tool authors (rules.md §E, §F, §I and modernize-minmax).
use super::Rule;
use crate::analyzer::Sourced;

pub mod resolve;
pub mod stdapi;

pub mod builtin_min_max_clear_requires_go121;
pub mod goast_object_resolution_deprecated;
pub mod gotypes_alias_nodes;
pub mod maps_keys_returns_iterator;
pub mod modernize_minmax_builtins;
pub mod rand_read_deprecated;
pub mod rand_seed_deprecated_and_noop;
pub mod rand_v2_migration;
pub mod reflect_ptrto_and_typefor;
pub mod stdlib_symbol_deprecated;
pub mod stdlib_symbol_newer_than_go_line;

pub static RULES: &[&Rule] = &[
    &stdlib_symbol_newer_than_go_line::RULE,
    &stdlib_symbol_deprecated::RULE,
    &builtin_min_max_clear_requires_go121::RULE,
    &maps_keys_returns_iterator::RULE,
    &rand_seed_deprecated_and_noop::RULE,
    &rand_read_deprecated::RULE,
    &rand_v2_migration::RULE,
    &reflect_ptrto_and_typefor::RULE,
    &goast_object_resolution_deprecated::RULE,
    &gotypes_alias_nodes::RULE,
    &modernize_minmax_builtins::RULE,
];

/// vet stdversion's noun: "file" when a `//go:build` line set the file's version, else "module".
pub fn version_noun(fv: &Sourced) -> &'static str {
    if fv.source.starts_with("//go:build") {
        "file"
    } else {
        "module"
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Context, GoVersion};

    fn messages(src: &str, from: u32, to: u32) -> Vec<(String, String)> {
        let ctx = Context { from: Some(GoVersion::lang(from)), to: Some(GoVersion::lang(to)), ..Context::default() };
        analyze(src, &ctx).diagnostics.into_iter().map(|d| (d.rule, d.message)).collect()
    }

    #[test]
    fn lookups_go_through_import_aliases() {
        let src = "package p\n\nimport (\n\ts \"slices\"\n\tr \"math/rand\"\n\tref \"reflect\"\n\t_ \"cmp\"\n)\n\nfunc f(a []int, t ref.Type) {\n\t_ = s.Concat(a, a)\n\tr.Seed(1)\n\t_ = ref.PtrTo(t)\n\t_ = ref.TypeFor[int]()\n\t_ = slices.Concat(a, a)\n}\n";
        let m = messages(src, 21, 21);
        let has = |rule: &str, text: &str| m.iter().any(|(r, msg)| r == rule && msg.contains(text));
        // vet names the package, not the alias.
        assert!(
            has("stdlib-symbol-newer-than-go-line", "slices.Concat requires go1.22 or later (module is go1.21)"),
            "{m:?}"
        );
        assert!(has("stdlib-symbol-newer-than-go-line", "reflect.TypeFor requires go1.22"), "{m:?}");
        assert!(has("rand-seed-deprecated-and-noop", "r.Seed has been deprecated"), "{m:?}");
        // `slices` is not imported under that name here: no finding for the bare `slices.Concat`.
        let concat = m.iter().filter(|(_, msg)| msg.starts_with("slices.Concat")).count();
        assert_eq!(concat, 1, "{m:?}");
        // PtrTo is only deprecated from go1.22.
        assert!(!m.iter().any(|(r, _)| r == "reflect-ptrto-and-typefor"), "{m:?}");
        let m22 = messages(src, 22, 22);
        assert!(m22.iter().any(|(r, msg)| r == "reflect-ptrto-and-typefor" && msg.starts_with("ref.PtrTo")), "{m22:?}");
    }

    #[test]
    fn v2_alias_and_new_package_import() {
        let src = "package p\n\nimport rv2 \"math/rand/v2\"\n\nfunc f() int { return rv2.IntN(3) }\n";
        let m = messages(src, 21, 21);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].1, "package math/rand/v2 requires go1.22 or later (module is go1.21)");
        assert!(messages(src, 22, 22).is_empty());
    }
}
