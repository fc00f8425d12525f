//! Inputs found by (or written for) the fuzz targets in `fuzz/`: each must analyse without
//! panicking or overflowing the stack.

mod support;

use gocompat::analyzer::{analyze, analyze_bytes, analyze_with, Context, Reparser};
use gocompat::GoVersion;

fn contexts() -> Vec<Context> {
    vec![
        Context::default(),
        Context { from: Some(GoVersion::lang(21)), to: Some(GoVersion::lang(22)), ..Default::default() },
        Context { from: Some(GoVersion::lang(22)), to: Some(GoVersion::lang(24)), ..Default::default() },
    ]
}

/// Runs in a thread with a small stack (256 KiB, well under the main thread's and under a
/// browser's wasm stack) so that recursion in proportion to nesting depth shows up.
fn analyze_on_small_stack(src: String) {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            for ctx in contexts() {
                let a = analyze(&src, &ctx);
                assert!(a.analyzed_bytes <= src.len());
            }
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn deep_parentheses_do_not_overflow() {
    analyze_on_small_stack(format!("package p\nvar x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000)));
    analyze_on_small_stack(format!("package p\nvar x = {}\n", "(".repeat(100_000)));
}

#[test]
fn deep_braces_do_not_overflow() {
    analyze_on_small_stack(format!("package p\nfunc f() {}{}\n", "{".repeat(100_000), "}".repeat(100_000)));
    analyze_on_small_stack(format!("package p\nfunc f() {}\n", "{".repeat(100_000)));
    analyze_on_small_stack("{".repeat(100_000));
}

#[test]
fn deep_mixed_nesting_does_not_overflow() {
    // Closures, composite literals, calls and operators nested deeply.
    analyze_on_small_stack(format!(
        "package p\nfunc f() {{\n{}{}}}\n",
        "go func() { ".repeat(20_000),
        "}()\n".repeat(20_000)
    ));
    analyze_on_small_stack(format!("package p\nvar v = {}0{}\n", "[]any{".repeat(50_000), "}".repeat(50_000)));
    analyze_on_small_stack(format!("package p\nvar v = {}x{}\n", "f(".repeat(50_000), ")".repeat(50_000)));
    analyze_on_small_stack(format!("package p\nvar v = x{}\n", "+x".repeat(100_000)));
    analyze_on_small_stack(format!("package p\nvar v = {}x\n", "-".repeat(100_000)));
    analyze_on_small_stack(format!("package p\nvar v = {}x\n", "*".repeat(100_000)));
}

/// Nested loops with goroutine closures (the loopvar rules' shape). Kept small: the loopvar
/// scan is super-linear in nesting depth (see the fuzz report), so 100,000 would not finish.
#[test]
fn nested_loops_with_closures_do_not_overflow() {
    let mut s = String::from("package p\nfunc f(xs []int) {\n");
    for _ in 0..40 {
        s.push_str("for _, x := range xs { go func() { _ = []int{x}; ");
    }
    for _ in 0..40 {
        s.push_str("}() }\n");
    }
    s.push_str("}\n");
    analyze_on_small_stack(s);
}

#[test]
fn invalid_utf8_is_analysed() {
    let (_, a) = analyze_bytes(b"package p\n\xff\xfe func f() {}\n", &Context::default());
    assert!(a.notes.iter().any(|n| n.contains("not valid UTF-8")));
}

/// fuzz/analyzer_bytes: a string literal recovered without its closing quote, ending in a
/// multi-byte character, was sliced inside the character (runtime rules' `string_content`).
#[test]
fn unterminated_string_literal_ending_in_multibyte_char() {
    let crash: &[u8] = include_bytes!("fuzz_regressions/analyzer_bytes-unterminated-literal.bin");
    for ctx in contexts() {
        let _ = analyze_bytes(&crash[2..], &ctx);
    }
    for src in
        ["package p\nvar s = `\u{e9}", "package p\nvar s = \"\u{e9}", "package p\nvar s = \"a\u{2026}\n", "`\u{fffd}"]
    {
        for ctx in contexts() {
            let _ = analyze(src, &ctx);
        }
    }
}

/// The analyzer_go target's typing check (fuzz/fuzz_targets/analyzer_go.rs): the input, then
/// one character inserted at a place chosen by its first byte, through the worker's parser;
/// the second analysis must equal a fresh one. In this input (`type` becomes `typex`)
/// tree-sitter's incremental parse recovered from the error unlike a fresh parse, so the
/// worker's analysis differed from the fresh one: a text with a syntax error is now parsed
/// afresh (and keeps no findings).
#[test]
fn typing_into_a_syntax_error_gives_the_fresh_tree_and_analysis() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let data = std::fs::read(dir.join("analyzer_go-kept-findings-after-syntax-error.go.bin")).unwrap();
    let src = std::str::from_utf8(&data).unwrap();
    let ctx = Context { from: Some(GoVersion::lang(21)), to: Some(GoVersion::lang(22)), ..Default::default() };
    let mut at = (data[0] as usize * src.len()) / 256;
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    let typed = format!("{}x{}", &src[..at], &src[at..]);
    let mut reparser = Reparser::new();
    let _ = reparser.parse(src);
    let tree = reparser.parse(&typed);
    assert!(support::same_tree(&tree, &gocompat::analyzer::parse(&typed)), "the tree differs from a fresh parse");
    let mut typing = Reparser::for_typing();
    let _ = analyze_with(src, &ctx, &mut typing);
    assert_eq!(analyze_with(&typed, &ctx, &mut typing), analyze(&typed, &ctx));
}

/// Edits found in review (a node-for-node fuzzer) where the first error guard kept an
/// incremental tree unlike the fresh parse: a doc comment taken for the edited function's
/// neighbour, and a broken declaration elsewhere recovering differently once the edited
/// function gained or lost an error. Each `NAME.before.go` → `NAME.after.go` must give the
/// fresh tree and analysis.
#[test]
fn error_guard_keeps_only_fresh_trees() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions/error_guard");
    let ctx = Context { from: Some(GoVersion::lang(21)), to: Some(GoVersion::lang(22)), ..Default::default() };
    let mut pairs = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let before = e.unwrap().path();
        let Some(name) = before.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".before.go")) else {
            continue;
        };
        let old = std::fs::read_to_string(&before).unwrap();
        let new = std::fs::read_to_string(dir.join(format!("{name}.after.go"))).unwrap();
        let mut reparser = Reparser::new();
        let _ = reparser.parse(&old);
        let tree = reparser.parse(&new);
        assert!(
            support::same_tree(&tree, &gocompat::analyzer::parse(&new)),
            "{name}: the tree differs from a fresh parse"
        );
        let mut typing = Reparser::for_typing();
        let _ = analyze_with(&old, &ctx, &mut typing);
        assert_eq!(analyze_with(&new, &ctx, &mut typing), analyze(&new, &ctx), "{name}");
        pairs += 1;
    }
    assert_eq!(pairs, 3);
}

/// Typing between top-level declarations of a file with a broken function elsewhere (a stray
/// token after a function's `}`, a statement, a comment, then deleted again): the error
/// guard's `between` mode keeps such incremental trees only when they are, node for node,
/// the fresh parse's. Fixtures and every 97th std file, each broken in one function first.
#[test]
fn typing_between_declarations_of_a_broken_file_gives_fresh_trees() {
    const BREAKS: &[&str] = &["(", "{", "x :=", "\"", "for ", "if {", "func("];
    const TYPED: &[&str] =
        &["x", "x := 1", "var y = 2", "// note", "f()", ";", "}", "{", "func", "\"", "/*", "type", "\n"];
    let mut files = support::corpus::go_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    let std = std::path::Path::new(support::corpus::ROOT);
    if std.is_dir() {
        // GOCOMPAT_BETWEEN_EVERY=n, GOCOMPAT_BETWEEN_EDITS=m: a longer run by hand.
        let every = std::env::var("GOCOMPAT_BETWEEN_EVERY").ok().and_then(|s| s.parse().ok()).unwrap_or(97);
        files.extend(support::corpus::go_files(std).into_iter().step_by(every));
    }
    let edits = std::env::var("GOCOMPAT_BETWEEN_EDITS").ok().and_then(|s| s.parse().ok()).unwrap_or(4);
    let (mut texts, mut incremental, mut seed) = (0, 0, 0x9E37_79B9_7F4A_7C15_u64);
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for path in files {
        let Ok(src) = std::fs::read_to_string(&path) else { continue };
        if src.len() > 60_000 {
            continue;
        }
        let tree = gocompat::analyzer::parse(&src);
        let root = tree.root_node();
        let funcs: Vec<tree_sitter::Node> = root
            .children(&mut root.walk())
            .filter(|n| n.kind() == "function_declaration" && n.child_by_field_name("body").is_some())
            .collect();
        if funcs.len() < 3 {
            continue;
        }
        // Break one function (inside its body), then type after the `}` of another.
        let body = funcs[next(funcs.len())].child_by_field_name("body").unwrap();
        let mut broken = src.clone();
        broken.insert_str(body.start_byte() + 1, BREAKS[next(BREAKS.len())]);
        let mut reparser = Reparser::new();
        let _ = reparser.parse(&broken);
        let tree = gocompat::analyzer::parse(&broken);
        let root = tree.root_node();
        let ends: Vec<usize> = root.children(&mut root.walk()).map(|n| n.end_byte()).collect();
        for _ in 0..edits {
            let at = ends[next(ends.len())];
            let typed = format!("{}{}", if next(2) == 0 { "\n" } else { "" }, TYPED[next(TYPED.len())]);
            let edited = format!("{}{typed}{}", &broken[..at], &broken[at..]);
            for text in [&edited, &broken] {
                let tree = reparser.parse(text);
                assert!(
                    support::same_tree(&tree, &gocompat::analyzer::parse(text)),
                    "{}: typing {typed:?} at byte {at} of the broken file: the tree differs from a fresh parse",
                    path.display()
                );
                texts += 1;
                incremental += usize::from(reparser.last_was_incremental());
            }
        }
    }
    eprintln!("typing between declarations: {texts} texts, {incremental} incremental trees kept, all fresh ones");
    assert!(texts >= 200 && incremental * 4 >= texts, "{incremental} of {texts} kept");
}
