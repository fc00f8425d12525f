use crate::analyzer::Checker;
use crate::analyzer::NodeExt;
use crate::declare_rule;
use crate::diagnostic::{Fix, Severity, TextEdit};
use crate::rules::runtime::common::godebug;
use crate::span::Span;
use tree_sitter::Node;

declare_rule! {
    /// ## What it does
    /// Checks `//go:debug key=value` directives the way `go vet` (directive analyzer) and the go
    /// command do:
    /// * after the package clause, or in a package other than `main` (outside `_test.go`
    ///   files): ignored by the build; vet reports `//go:debug directive only valid before
    ///   package declaration` / `//go:debug directive only valid in package main or test`;
    /// * an unknown key (validated against the GODEBUG table of the toolchain), or a malformed
    ///   line: build error `invalid //go:debug: unknown //go:debug setting "x"`;
    /// * the same key twice: build error `repeated //go:debug for x` (the Go 1.21 and 1.22 go
    ///   commands crash on it instead);
    /// * a setting removed in Go 1.27 set to its old value: the Go 1.27+ go command rejects it;
    /// * with Go 1.21/1.22 vet only: a directive whose comment block touches the package clause
    ///   (no blank line between) is misreported as "only valid before package declaration"
    ///   although the build honours it (fixed in Go 1.23's vet).
    ///
    /// ## Why
    /// `//go:debug` lines set GODEBUG defaults of a main package (go.dev/doc/godebug). Misplaced
    /// ones silently do nothing; unknown or repeated ones fail the build.
    ///
    /// ## How to fix
    /// Put the directives at the top of the `package main` file (or a `_test.go` file), followed
    /// by a blank line; remove unknown, repeated and removed settings.
    ///
    /// ## Example
    /// ```go bad
    /// // gocompat: from=1.21 to=1.22
    /// package main
    ///
    /// //go:debug panicnil=1
    ///
    /// func main() {}
    /// ```
    ///
    /// Use instead:
    /// ```go good
    /// // gocompat: from=1.21 to=1.22
    /// //go:debug panicnil=1
    ///
    /// package main
    ///
    /// func main() {}
    /// ```
    pub static RULE = {
        id: "vet-go-debug-directive",
        title: "`//go:debug` misplaced, unknown, or setting a removed GODEBUG",
        family: "vet",
        severity: Severity::Error,
        versions: "TC >= 1.21 (removed settings: TC >= 1.27)",
        sources: &["https://go.dev/doc/godebug", "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/directive", "https://go.dev/doc/go1.27"],
        kinds: &["comment"],
        check_node: Some(check),
        local: true,
    }
}

// Verified with go1.21.13, go1.22.12 and go1.23.5 (go vet / go build):
//   after the package clause:  ./main.go:4:1: //go:debug directive only valid before package declaration
//   adjoining `package main`:  1.21/1.22 vet report the same at 1:1; 1.23 vet does not; all builds honour it
//   non-main package:          ./lib.go:1:1: //go:debug directive only valid in package main or test
//   repeated key:              1.23: ./main.go:2:1: repeated //go:debug for panicnil
//                                    	./main.go:1:1: previous //go:debug
//                              1.21/1.22: the go command panics (nil pointer dereference in checkDirectives)
//   unknown key:               ./main.go:3:1: invalid //go:debug: unknown //go:debug setting "nosuch"

/// The text after `//go:debug` when `text` is a //go:debug directive.
fn directive(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("//go:debug")?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(rest)
}

fn check(c: &mut Checker, comment: Node) {
    let text = c.text(comment).trim_end_matches('\r');
    let Some(rest) = directive(text) else { return };
    let tc = c.versions.toolchain.version;
    if !tc.at_least(21) {
        return;
    }
    let span = Span::new(comment.start_byte(), comment.start_byte() + text.len());
    let main_or_test = c.facts.go_debug_applies();
    let pkg_offset = c.facts.package_offset;
    let in_header =
        pkg_offset.is_some_and(|p| comment.end_byte() <= p) && comment.parent().is_some_and(|p| p.parent().is_none());
    // 1. What vet says about the placement.
    if !main_or_test {
        let pkg = c.facts.package_name.as_deref().unwrap_or("?");
        let explanation = format!(
            "//go:debug lines only take effect at the top of a package main file or a _test.go file; this file is in package {pkg}, so the build ignores the setting (a library cannot choose GODEBUG settings for the programs that import it: the main module's go line, godebug lines and //go:debug lines decide). go vet reports it, and so does go test (the directive check is in its default set). Move the setting to the main package, or to go.mod's godebug block (Go 1.23+)."
        );
        let mut d = c.diagnostic(span, "//go:debug directive only valid in package main or test", explanation);
        d.severity = Severity::BehaviorChange;
        c.report(d);
    } else if !in_header {
        let explanation = "//go:debug lines are only read before the package clause; this one comes after it, so the build ignores the setting and the program runs with the default. go vet reports it, and so does go test (the directive check is in its default set). Move it above `package`, followed by a blank line (moving it changes behaviour: the setting then applies).";
        let mut d = c.diagnostic(span, "//go:debug directive only valid before package declaration", explanation);
        d.severity = Severity::BehaviorChange;
        c.report(d);
    } else if !tc.at_least(23) {
        if let Some(group_end) = adjoining_group_end(c, comment) {
            let explanation = format!(
                "This //go:debug line is in a comment block that touches the package clause (no blank line between). The build honours it, but go vet of Go 1.21 and 1.22 (toolchain {tc}) wrongly reports `//go:debug directive only valid before package declaration`, failing go vet and go test (the directive check is in go test's default set); Go 1.23's vet no longer does. Add a blank line between the directives and the package clause."
            );
            let mut d = c.diagnostic(span, "//go:debug directive only valid before package declaration", explanation);
            d.severity = Severity::Hint;
            d.fix =
                Some(Fix::safe("Add a blank line before the package clause", vec![TextEdit::insert(group_end, "\n")]));
            d.sides = vec![
                crate::diagnostic::SideBehavior {
                    version: format!("go vet of toolchain {tc}"),
                    behavior: "reports the directive as misplaced (false report)".into(),
                },
                crate::diagnostic::SideBehavior {
                    version: "go vet of Go 1.23+".into(),
                    behavior: "silent; the build honours the directive in both".into(),
                },
            ];
            c.report(d);
        }
    }
    if !in_header {
        return;
    }
    // 2. What the go command says (header directives of any package).
    let (key, value) = match parse(rest) {
        Ok(kv) => kv,
        Err(e) => {
            let msg = format!("invalid //go:debug: {e}");
            let d = c.diagnostic(span, msg, "The go command parses every //go:debug line before the package clause and fails the build on a malformed one. Write `//go:debug key=value` with no spaces or commas in the key or value.");
            c.report(d);
            return;
        }
    };
    let known = godebug(key).filter(|r| r.introduced_in.is_none_or(|i| tc.at_least(i)));
    let Some(row) = known else {
        let later = godebug(key)
            .and_then(|r| r.introduced_in)
            .map(|i| format!(" ({key} exists from Go 1.{i}; the toolchain is {tc})"))
            .unwrap_or_default();
        let msg = format!("invalid //go:debug: unknown //go:debug setting {key:?}");
        let explanation = format!(
            "The go command checks //go:debug keys against its table of GODEBUG settings and fails the build on an unknown one{later}. Check the spelling against go.dev/doc/godebug, or remove the line."
        );
        let d = c.diagnostic(span, msg, explanation);
        c.report(d);
        return;
    };
    if let Some(r) = row.removed_in {
        // x509sha1 has no go-line default; its escape value was 1 (godebug.tsv notes).
        let old_value = if row.old_value.is_empty() { "1" } else { row.old_value };
        let old = value == old_value || (key == "asynctimerchan" && value == "2");
        if tc.at_least(r) && tc.at_least(27) && old {
            let msg = format!("removed GODEBUG {key:?} set to old value {value:?}");
            let explanation = format!(
                "GODEBUG {key} was removed in Go 1.{r}: its old behaviour is gone, and from Go 1.27 the go command fails when a //go:debug line or a go.mod godebug line sets a removed setting to its old value. Delete the line and adapt the code to the new behaviour."
            );
            let mut d = c.diagnostic(span, msg, explanation);
            d.fix = Some(Fix::unsafe_(
                format!("Delete `//go:debug {key}={value}`"),
                "the old behaviour no longer exists on Go 1.27+; on older toolchains deleting the line switches to the new behaviour",
                vec![TextEdit::delete(line_span(c, comment))],
            ));
            c.report(d);
            return;
        }
    }
    // Repeated key: an earlier header directive with the same key.
    let root = c.tree.root_node();
    let mut cur = root.walk();
    let earlier = root
        .named_children(&mut cur)
        .take_while(|n| n.start_byte() < comment.start_byte())
        .filter(|n| n.kind_str() == "comment")
        .filter_map(|n| directive(c.text(n).trim_end_matches('\r')).map(|r| (n, r)))
        .find(|(_, r)| parse(r).is_ok_and(|(k, _)| k == key));
    if let Some((prev, _)) = earlier {
        let prev_line = prev.start_position().row + 1;
        let msg = format!("repeated //go:debug for {key}");
        let crash = if tc.at_least(23) {
            String::new()
        } else {
            format!(" The go command of toolchain {tc} (Go 1.21/1.22) even crashes on it (nil pointer dereference) when it is the first bad directive.")
        };
        let explanation = format!(
            "{key} is already set by the //go:debug on line {prev_line}; the go command fails the build on a repeated key (`repeated //go:debug for {key}` followed by `previous //go:debug`).{crash} Keep one line."
        );
        let d = c.diagnostic(span, msg, explanation);
        c.report(d);
    }
}

/// `ParseGoDebug` of cmd/go (go1.22 load/godebug.go), for the text after `//go:debug`.
fn parse(rest: &str) -> Result<(&str, &str), &'static str> {
    if rest.trim().is_empty() {
        return Err("missing key=value");
    }
    let Some((k, v)) = rest.trim().split_once('=') else { return Err("missing key=value") };
    if k.contains([' ', '\t']) {
        return Err("key contains space");
    }
    if v.contains([' ', '\t']) {
        return Err("value contains space");
    }
    if k.contains(',') {
        return Err("key contains comma");
    }
    if v.contains(',') {
        return Err("value contains comma");
    }
    Ok((k, v))
}

/// If `comment` is in a comment group (consecutive comments, no blank line) whose end is
/// followed by the package clause on the next line, the group's end offset: go vet's
/// `group.End()+1 >= f.Package` (x/tools directive.go before the Go 1.23 fix).
fn adjoining_group_end(c: &Checker, comment: Node) -> Option<usize> {
    let pkg = c.facts.package_offset?;
    let mut end_node = comment;
    while let Some(next) = end_node.next_sibling() {
        if next.kind_str() != "comment" {
            break;
        }
        let gap = c.src.get(end_node.end_byte()..next.start_byte())?;
        if gap.matches('\n').count() > 1 || !gap.trim().is_empty() {
            break;
        }
        end_node = next;
    }
    let end = end_node.start_byte() + c.text(end_node).trim_end_matches('\r').len();
    (end + 1 >= pkg).then_some(end)
}

/// The comment's whole line, including its line break.
fn line_span(c: &Checker, comment: Node) -> Span {
    let start = comment.start_byte();
    let line_start = c.src[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let end = c.src[start..].find('\n').map(|i| start + i + 1).unwrap_or(c.src.len());
    Span::new(line_start, end)
}
