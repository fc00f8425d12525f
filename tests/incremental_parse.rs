//! Incremental parsing (`analyzer::Reparser`, kept by the worker across keystrokes) gives
//! the same tree and the same analysis as a fresh parse, edit after edit.
//!
//! Sources: every fixture file, and (when Debian's golang-1.22-src is installed) every 151st
//! file of the Go 1.22 std tree. Each gets a deterministic sequence of edits like a
//! person's: single characters typed or deleted, a line split or joined, a brace or quote
//! that breaks the syntax for a while, a block pasted and then undone, and the whole text
//! replaced. After every edit the incremental tree (node for node: kinds, ranges, fields,
//! missing nodes) and the analysis (as JSON) must equal those of a fresh parse of the same text.
//!
//! The worker's parser also keeps the findings of rules local to a function
//! (`Reparser::for_typing`, `analyzer::reuse`): the second test types inside function bodies,
//! as a person does, and checks every analysis against a fresh one.

mod support;

use gocompat::analyzer::{self, Reparser};
use gocompat::{Context, GoVersion};
use std::path::{Path, PathBuf};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TYPED: &[&str] =
    &["x", " ", "\n", "\t", "{", "}", "(", ")", "\"", "`", "/", "*", "for ", "go ", "中", ":=", "range 10", "&"];

fn edit(text: &str, rng: &mut Rng) -> String {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut out = text.to_string();
    match rng.below(10) {
        0..=4 => out.insert_str(at, TYPED[rng.below(TYPED.len())]),
        5..=7 => {
            let mut end = (at + 1 + rng.below(3)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            out.replace_range(at..end, "");
        }
        8 => out.insert_str(at, "\nfunc pasted() {\n\tfor i := 0; i < 3; i++ {\n\t\tgo func() { _ = i }()\n\t}\n}\n"),
        _ => out = format!("\u{feff}{}", text.trim_start_matches('\u{feff}')),
    }
    out
}

/// The context of most tests here: an upgrade from Go 1.21 to 1.22.
fn upgrade_121_to_122() -> Context {
    Context { from: GoVersion::parse("1.21").ok(), to: GoVersion::parse("1.22").ok(), ..Default::default() }
}

/// Analyses `text` with `reparser` (which holds the last text typed) and asserts that the
/// analysis is the fresh one (`what` says which edit); returns it.
fn equals_fresh(text: &str, ctx: &Context, reparser: &mut Reparser, what: &str) -> gocompat::Analysis {
    let fresh = gocompat::analyze(text, ctx);
    let kept = analyzer::analyze_with(text, ctx, reparser);
    assert_eq!(serde_json::to_string(&fresh).unwrap(), serde_json::to_string(&kept).unwrap(), "{what}");
    fresh
}

fn sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    files.extend(support::corpus::go_files(&fixtures));
    let std = Path::new(support::corpus::ROOT);
    if std.is_dir() {
        // GOCOMPAT_STD_EVERY=n: every nth std file instead (a longer run by hand).
        let every = std::env::var("GOCOMPAT_STD_EVERY").ok().and_then(|s| s.parse().ok()).unwrap_or(151);
        files.extend(support::corpus::go_files(std).into_iter().step_by(every));
    } else {
        eprintln!("incremental_parse: {} absent; fixtures only", std.display());
    }
    files
}

#[test]
fn incremental_parse_equals_fresh_parse_edit_after_edit() {
    let ctx = upgrade_121_to_122();
    let (mut files, mut edits) = (0, 0);
    for path in sources() {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        if text.len() > 200_000 {
            continue;
        }
        files += 1;
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ text.len() as u64);
        let mut reparser = Reparser::new();
        let mut cur = text.clone();
        for step in 0..12 {
            cur = match step {
                11 => text.clone(),  // back to the original in one step (an undo of everything)
                10 => String::new(), // select all, delete
                _ => edit(&cur, &mut rng),
            };
            let fresh = analyzer::parse(&cur);
            let inc = reparser.parse(&cur);
            assert!(support::same_tree(&inc, &fresh), "{}: tree after edit {step} differs", path.display());
            if step % 3 == 0 {
                let a = serde_json::to_string(&gocompat::analyze(&cur, &ctx)).unwrap();
                let b = serde_json::to_string(&analyzer::analyze_with(&cur, &ctx, &mut reparser)).unwrap();
                assert_eq!(a, b, "{}: analysis after edit {step} differs", path.display());
            }
            edits += 1;
        }
    }
    eprintln!("incremental_parse: {files} files, {edits} edits: incremental trees and analyses equal fresh ones");
    assert!(files >= 40, "too few sources: {files}");
}

/// A place inside the body of a random top-level function or method, if the text has one.
fn inside_a_body(text: &str, rng: &mut Rng) -> Option<usize> {
    let tree = analyzer::parse(text);
    let root = tree.root_node();
    let mut cur = root.walk();
    let bodies: Vec<(usize, usize)> = root
        .named_children(&mut cur)
        .filter(|n| matches!(n.kind(), "function_declaration" | "method_declaration"))
        .filter_map(|n| n.child_by_field_name("body"))
        .filter(|b| b.end_byte() > b.start_byte() + 2)
        .map(|b| (b.start_byte() + 1, b.end_byte() - 1))
        .collect();
    if bodies.is_empty() {
        return None;
    }
    let (s, e) = bodies[rng.below(bodies.len())];
    let mut at = s + rng.below(e - s);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    Some(at)
}

/// Typing without line breaks (mostly): what keeps every other function's findings.
const SAME_LINE: &[&str] =
    &["x", " ", "(", ")", "{", "}", "\"", "`", ":=", "range 10", "go ", "for ", "&", "*", "/", "中", "0"];

#[test]
fn kept_findings_equal_fresh_analyses_while_typing_in_functions() {
    let ctx = upgrade_121_to_122();
    let (mut files, mut analyses, mut kept) = (0, 0, 0);
    // Same-line edits inside a body between two texts without a syntax error, in a file of
    // two functions or more: there the other functions' findings should be kept.
    let (mut eligible, mut kept_when_eligible) = (0, 0);
    for path in sources() {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        if text.len() > 100_000 {
            continue;
        }
        files += 1;
        let mut rng = Rng(0x2545_F491_4F6C_DD1D ^ text.len() as u64);
        let mut reparser = Reparser::for_typing();
        let mut cur = text.clone();
        for step in 0..10 {
            let prev = cur.clone();
            let mut in_body = false;
            cur = match step {
                9 => text.clone(),
                _ => match (inside_a_body(&cur, &mut rng), rng.below(8)) {
                    (Some(at), 0..=4) => {
                        in_body = true;
                        let mut out = cur.clone();
                        out.insert_str(at, SAME_LINE[rng.below(SAME_LINE.len())]);
                        out
                    }
                    (Some(at), 5..=6) => {
                        in_body = true;
                        let mut end = (at + 1 + rng.below(2)).min(cur.len());
                        while !cur.is_char_boundary(end) {
                            end += 1;
                        }
                        let mut out = cur.clone();
                        out.replace_range(at..end, "");
                        out
                    }
                    _ => edit(&cur, &mut rng),
                },
            };
            let a = serde_json::to_string(&gocompat::analyze(&cur, &ctx)).unwrap();
            let b = serde_json::to_string(&analyzer::analyze_with(&cur, &ctx, &mut reparser)).unwrap();
            assert_eq!(a, b, "{}: analysis after edit {step} differs from a fresh one", path.display());
            kept += reparser.kept_declarations();
            analyses += 1;
            let clean = |t: &str| !analyzer::parse(t).root_node().has_error();
            let tree = analyzer::parse(&cur);
            let root = tree.root_node();
            let functions = root
                .children(&mut root.walk())
                .filter(|n| matches!(n.kind(), "function_declaration" | "method_declaration"))
                .count();
            // (Step 0's previous text was never analysed by this parser.)
            if step > 0
                && in_body
                && functions >= 2
                && prev.matches('\n').count() == cur.matches('\n').count()
                && clean(&prev)
                && clean(&cur)
            {
                eligible += 1;
                kept_when_eligible += usize::from(reparser.kept_declarations() > 0);
            }
        }
    }
    eprintln!(
        "kept findings: {files} files, {analyses} analyses equal fresh ones; {kept} declarations' findings kept; \
         findings kept in {kept_when_eligible} of {eligible} same-line edits inside a function of a clean file"
    );
    assert!(files >= 40, "too few sources: {files}");
    // The test means something only if findings were in fact kept where they can be.
    assert!(eligible >= 20 && kept_when_eligible * 10 >= eligible * 9, "{kept_when_eligible} of {eligible}");
}

/// What breaks a function body for a while (typed at a place inside it).
const BREAKS: &[&str] = &["(", "{", "x :=", "\"", "for ", "if {", "func(", ".", "[]", "case 1:"];

#[test]
fn typing_beside_a_broken_function_equals_fresh_parses() {
    // A file with a syntax error in one function: typing in it or in another function is
    // parsed incrementally when `analyzer::error_guard` can show the result is the fresh
    // parse's, and afresh otherwise. Either way the tree and the analysis must be the fresh
    // ones; and the guard must in fact keep incremental trees (else it would be untested).
    let ctx = upgrade_121_to_122();
    let (mut files, mut edits, mut broken_texts, mut kept_incremental) = (0, 0, 0, 0);
    for path in sources() {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        if text.len() > 100_000 {
            continue;
        }
        let mut rng = Rng(0x6A09_E667_F3BC_C909 ^ text.len() as u64);
        let Some(at) = inside_a_body(&text, &mut rng) else { continue };
        let mut cur = text.clone();
        cur.insert_str(at, BREAKS[rng.below(BREAKS.len())]);
        files += 1;
        let mut reparser = Reparser::for_typing();
        let _ = analyzer::analyze_with(&cur, &ctx, &mut reparser);
        for step in 0..8 {
            let Some(at) = inside_a_body(&cur, &mut rng) else { break };
            let mut next = cur.clone();
            if rng.below(3) == 0 && at < next.len() {
                let mut end = at + 1;
                while !next.is_char_boundary(end) {
                    end += 1;
                }
                next.replace_range(at..end, "");
            } else {
                next.insert_str(at, SAME_LINE[rng.below(SAME_LINE.len())]);
            }
            cur = next;
            let inc = serde_json::to_string(&analyzer::analyze_with(&cur, &ctx, &mut reparser)).unwrap();
            let incremental = reparser.last_was_incremental();
            let fresh = serde_json::to_string(&gocompat::analyze(&cur, &ctx)).unwrap();
            assert_eq!(inc, fresh, "{}: analysis after edit {step} differs from a fresh one", path.display());
            if analyzer::parse(&cur).root_node().has_error() {
                broken_texts += 1;
                kept_incremental += usize::from(incremental);
            }
            edits += 1;
        }
        // The same edits through a plain parser: its trees are compared directly.
        let mut plain = Reparser::new();
        let mut t = text.clone();
        let mut rng = Rng(0xBB67_AE85_84CA_A73B ^ text.len() as u64);
        let Some(at) = inside_a_body(&t, &mut rng) else { continue };
        t.insert_str(at, BREAKS[rng.below(BREAKS.len())]);
        let _ = plain.parse(&t);
        for step in 0..6 {
            let Some(at) = inside_a_body(&t, &mut rng) else { break };
            t.insert_str(at, SAME_LINE[rng.below(SAME_LINE.len())]);
            let inc = plain.parse(&t);
            assert!(
                support::same_tree(&inc, &analyzer::parse(&t)),
                "{}: tree after edit {step} beside a broken function differs",
                path.display()
            );
        }
    }
    eprintln!(
        "broken files: {files} files, {edits} edits equal fresh analyses; {kept_incremental} of {broken_texts} \
         texts with a syntax error kept their incremental parse"
    );
    assert!(files >= 40, "too few sources: {files}");
    assert!(broken_texts >= 50 && kept_incremental * 4 >= broken_texts, "{kept_incremental} of {broken_texts}");
}

/// The ServeMux conflict check compares registrations across functions (`init` and `main`
/// share a package-level mux) while each function's registration sites are kept with its
/// findings. Typing in each function in turn (so the others are kept, some moved by the
/// edit above them) gives the fresh analysis, and the conflicts are found every time.
#[test]
fn kept_mux_registrations_equal_fresh_analyses() {
    const FILE: &str = r#"package main

import "net/http"

func h(w http.ResponseWriter, r *http.Request) {}

func helper() {
	_ = 1
}

var mux = http.NewServeMux()

type server struct{ mux *http.ServeMux }

func init() {
	mux.HandleFunc("/z/{a}", h)
	http.HandleFunc("/{x}/b", h)
	_ = 2
}

func (s *server) routes() {
	s.mux.HandleFunc("/items/{id}", h)
	s.mux.HandleFunc("/items/{name}", h)
	_ = 3
}

func local(m *http.ServeMux) {
	m.HandleFunc("/a/{x}", h)
	m.HandleFunc("/{y}/a", h)
	other := http.NewServeMux()
	other.HandleFunc("/a/{x}", h)
	_ = 4
}

func main() {
	mux.HandleFunc("/{y}/z", h)
	mux.HandleFunc("/x/{b}", h)
	http.HandleFunc("GET /x/{c}", h)
	_ = 5
}
"#;
    let ctx = upgrade_121_to_122();
    let conflicts = |a: &gocompat::Analysis| {
        a.diagnostics
            .iter()
            .filter(|d| d.rule == "http-mux-conflicting-patterns")
            .map(|d| d.span.start)
            .collect::<Vec<_>>()
    };
    let fresh = gocompat::analyze(FILE, &ctx);
    // init+main on the DefaultServeMux, init+main on `mux`, the field's pair, the parameter's pair.
    assert_eq!(conflicts(&fresh).len(), 4, "{:#?}", fresh.diagnostics);
    let mut reparser = Reparser::for_typing();
    let mut text = FILE.to_string();
    analyzer::analyze_with(&text, &ctx, &mut reparser);
    let mut kept = 0;
    for round in 0..3 {
        for marker in ["_ = 1", "_ = 2", "_ = 3", "_ = 4", "_ = 5"] {
            // Type after the marker (longer, then shorter again: every other function moves).
            let at = text.find(marker).unwrap() + marker.len();
            let typed = ["0", "00", ""][round];
            let end = at + text[at..].find('\n').unwrap();
            text.replace_range(at..end, typed);
            let fresh = equals_fresh(&text, &ctx, &mut reparser, &format!("typing {typed:?} after {marker:?}"));
            assert_eq!(conflicts(&fresh).len(), 4, "typing {typed:?} after {marker:?}");
            kept += reparser.kept_declarations();
        }
    }
    // Every edit keeps the other four functions (and `h`).
    assert!(kept >= 15 * 5, "{kept} declarations kept");
}

/// Typing in a top-level comment (not a directive) keeps every function's findings: the
/// skeleton leaves such comments out, and no rule reads them for a function
/// (`Checker::visible_parts`). Whatever is typed there, even text a rule looks for
/// (`func append(`, `recover()`, `type T interface`, a `//go:` directive), the analysis is
/// the fresh one.
#[test]
fn typing_in_a_comment_between_functions_equals_fresh_analyses() {
    const FILE: &str = r#"package main

import (
	"fmt"
	"net/http"
)

type Row struct{ cells []int }

func collect(grid []Row) [][]int {
	var rows [][]int
	for _, row := range grid {
		rows = append(rows, row[:])
	}
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println(i) }()
	}
	return rows
}

// A comment between two functions, where the typing happens.

func serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("/a/{x}", nil)
	mux.HandleFunc("/{y}/a", nil)
	s := []int{1}
	s = append(s)
	panic(nil)
}
"#;
    let ctx = upgrade_121_to_122();
    let mut reparser = Reparser::for_typing();
    analyzer::analyze_with(FILE, &ctx, &mut reparser);
    let at = FILE.find("where the typing").unwrap();
    let (mut kept_steps, mut steps) = (0, 0);
    for typed in [
        "x",
        " func append(",
        " recover() ",
        " type Row [3]int ",
        " type Row interface",
        " ) bool) ",
        "go:debug panicnil=1 ",
    ] {
        for text in [format!("{}{typed}{}", &FILE[..at], &FILE[at..]), FILE.to_string()] {
            let text = if typed.starts_with("go:") {
                text.replacen("// A comment", &format!("//{typed}A comment"), 1)
            } else {
                text
            };
            let fresh = equals_fresh(&text, &ctx, &mut reparser, &format!("typing {typed:?} in the comment"));
            assert!(fresh.diagnostics.len() >= 4, "{:#?}", fresh.diagnostics);
            steps += 1;
            kept_steps += usize::from(reparser.kept_declarations() == 2);
        }
    }
    // Kept both functions, except when a fact of the file or a directive changed.
    assert!(kept_steps >= 6, "both functions kept in {kept_steps} of {steps} edits");
}

/// A stray token typed between two functions of a file that has a broken declaration
/// elsewhere: the text is parsed afresh (the guard keeps no tree then), but the other
/// functions keep their findings (a top-level syntax error, or a statement outside a
/// function, is out of the skeleton), and the analysis is the fresh one, typed and deleted
/// again.
#[test]
fn a_stray_token_between_functions_keeps_the_others_findings() {
    const FILE: &str = r#"package main

import "fmt"

func broken() {
	fmt.Println("x"
}

func loop() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println(i) }()
	}
}

func other() {
	s := []int{1}
	s = append(s)
	panic(nil)
}
"#;
    let ctx = upgrade_121_to_122();
    let mut reparser = Reparser::for_typing();
    analyzer::analyze_with(FILE, &ctx, &mut reparser);
    let at = FILE.find("}\n\nfunc other").unwrap() + 1;
    let (mut intact, mut was_intact) = (Vec::new(), true);
    for typed in ["x", "x := 1", "fmt.Println()", "func", "var", "type T [", ") bool)", "func append(", "\"", "/*"] {
        for text in [format!("{}{typed}{}", &FILE[..at], &FILE[at..]), FILE.to_string()] {
            equals_fresh(&text, &ctx, &mut reparser, &format!("typing {typed:?} after a function"));
            // Typed text that leaves both unbroken functions whole (a statement outside a
            // function, not an unclosed `func` or quote that swallows one) keeps both, when
            // the text before it did too.
            let tree = analyzer::parse(&text);
            let root = tree.root_node();
            let names: Vec<&str> = root
                .children(&mut root.walk())
                .filter(|n| n.kind() == "function_declaration")
                .filter_map(|n| n.child_by_field_name("name"))
                .map(|n| &text[n.byte_range()])
                .collect();
            let whole = names == ["broken", "loop", "other"];
            if whole && was_intact {
                assert_eq!(reparser.kept_declarations(), 2, "typing {typed:?} after a function");
                intact.push(typed);
            }
            was_intact = whole;
        }
    }
    assert!(["x", "x := 1", "fmt.Println()"].iter().all(|t| intact.contains(t)), "{intact:?}");
}

/// Found in review: a stray token before a function on its line (hidden from the skeleton:
/// a top-level syntax error or statement) was deleted, and the function's kept fix still
/// copied the indentation of the line as it was. A declaration keeps its findings only when
/// the text before it on its line is the same too.
#[test]
fn deleting_a_stray_token_before_a_function_on_its_line_equals_fresh_analyses() {
    let ctx = upgrade_121_to_122();
    let file = |before: &str| {
        format!(
            "package main\n\nfunc use(int) {{}}\n\n{before}\tfunc f(s []int) {{ for _, v := range s {{ defer func() {{ use(v) }}() }} }}\n\nfunc g() {{}}\n"
        )
    };
    for stray in ["X", "x;", ";"] {
        for (a, b) in [(file(stray), file("")), (file(""), file(stray))] {
            let mut reparser = Reparser::for_typing();
            analyzer::analyze_with(&a, &ctx, &mut reparser);
            let fresh = equals_fresh(&b, &ctx, &mut reparser, &format!("{stray:?}"));
            assert!(fresh.diagnostics.iter().any(|d| d.rule == "loopvar-closure-capture" && d.fix.is_some()));
        }
    }
}
