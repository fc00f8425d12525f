//! Facts about the file that many rules need, collected once before the rules run:
//! package name, imports with their local names, `//go:build` and `//go:debug` lines.

use super::node_ext::NodeExt;
use super::Context;
use crate::buildtag::{find_build_line, BuildLine};
use crate::gomod::GoMod;
use crate::span::Span;
use tree_sitter::Tree;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The import path (`math/rand/v2`).
    pub path: String,
    /// The name the file uses: the explicit alias, or the path's last element (for
    /// `.../vN` paths the element before it, as Go's convention is). `_` and `.` kept as is.
    pub local_name: String,
    /// Span of the import spec.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoDebugLine {
    pub key: String,
    pub value: String,
    pub line: u32,
    pub span: Span,
    /// Before the package clause (the only place the build honours it).
    pub before_package: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileFacts {
    pub package_name: Option<String>,
    /// Byte offset of the package clause.
    pub package_offset: Option<usize>,
    pub imports: Vec<Import>,
    pub build_line: Option<BuildLine>,
    pub go_debug: Vec<GoDebugLine>,
    pub file_name: String,
    /// The text calls `recover(` somewhere (panic-nil-runtime-error's note). A fact of the
    /// whole file, so kept findings ([`super::reuse`], which compares the facts) never
    /// depend on another function's text.
    pub calls_recover: bool,
    /// The text sets `MinVersion: tls.VersionTLS13` (or `x.MinVersion = tls.VersionTLS13`)
    /// somewhere (tls-export-keying-material-needs-ems). Whole file, as `calls_recover`.
    pub requires_tls13: bool,
}

/// Whether `src` calls `recover(` (the word, not `xrecover(`).
fn calls_recover(src: &str) -> bool {
    // (`contains` first: it has a fast path `match_indices` lacks, and most files say neither.)
    if !src.contains("recover") {
        return false;
    }
    crate::rules::runtime::common::word_occurrences(src, "recover").any(|i| src[i + 7..].trim_start().starts_with('('))
}

/// Whether `src` sets `MinVersion: tls.VersionTLS13` (or `x.MinVersion = tls.VersionTLS13`).
fn requires_tls13(src: &str) -> bool {
    if !src.contains("VersionTLS13") {
        return false;
    }
    src.match_indices("VersionTLS13").any(|(i, _)| {
        let before = src[..i].trim_end();
        let before = before.strip_suffix('.').map(|b| b.trim_end_matches(|ch: char| ch.is_alphanumeric() || ch == '_'));
        before.is_some_and(|b| {
            let b = b.trim_end();
            b.ends_with("MinVersion:") || b.ends_with("MinVersion =")
        })
    })
}

/// The name a package is referred to by when imported without an alias.
pub fn default_import_name(path: &str) -> &str {
    let mut parts = path.rsplit('/');
    let last = parts.next().unwrap_or(path);
    let is_major = last.len() > 1 && last.starts_with('v') && last[1..].bytes().all(|b| b.is_ascii_digit());
    if is_major {
        if let Some(prev) = parts.next() {
            return prev;
        }
    }
    last
}

fn unquote(s: &str) -> String {
    s.trim_matches(|c| c == '"' || c == '`').to_string()
}

impl FileFacts {
    pub fn collect(src: &str, tree: &Tree, ctx: &Context, _gomod: Option<&GoMod>) -> FileFacts {
        let mut f = FileFacts {
            build_line: find_build_line(src),
            file_name: ctx.file_name.clone().unwrap_or_else(|| "main.go".into()),
            calls_recover: calls_recover(src),
            requires_tls13: requires_tls13(src),
            ..FileFacts::default()
        };
        let root = tree.root_node();
        let mut cursor = root.walk();
        for child in root.named_children(&mut cursor) {
            match child.kind_str() {
                "package_clause" if f.package_name.is_none() => {
                    f.package_offset = Some(child.start_byte());
                    let mut c2 = child.walk();
                    let name = child.named_children(&mut c2).find(|n| n.kind_str() == "package_identifier");
                    f.package_name = name.and_then(|n| src.get(n.byte_range())).map(str::to_string);
                }
                "import_declaration" => {
                    // import_spec nodes, directly or inside an import_spec_list
                    let mut stack = vec![child];
                    while let Some(n) = stack.pop() {
                        if n.kind_str() == "import_spec" {
                            let path = n.field("path").and_then(|p| src.get(p.byte_range())).map(unquote);
                            let Some(path) = path else { continue };
                            let local_name = n
                                .field("name")
                                .and_then(|p| src.get(p.byte_range()))
                                .map(str::to_string)
                                .unwrap_or_else(|| default_import_name(&path).to_string());
                            f.imports.push(Import { path, local_name, span: Span::new(n.start_byte(), n.end_byte()) });
                        } else {
                            let mut c3 = n.walk();
                            stack.extend(n.named_children(&mut c3));
                        }
                    }
                }
                _ => {}
            }
        }
        f.imports.sort_by_key(|i| i.span.start);
        // //go:debug lines anywhere at the start of a line (misplaced ones are reported by a rule).
        // Most files have none: one substring search answers that without splitting lines.
        let mut offset = 0;
        let lines = if src.contains("//go:debug") { src } else { "" };
        for (i, raw) in lines.split_inclusive('\n').enumerate() {
            if let Some(rest) = raw.strip_prefix("//go:debug") {
                if rest.starts_with([' ', '\t']) {
                    let body = rest.trim();
                    let (key, value) = body.split_once('=').unwrap_or((body, ""));
                    f.go_debug.push(GoDebugLine {
                        key: key.trim().to_string(),
                        value: value.trim().to_string(),
                        line: i as u32 + 1,
                        span: Span::new(offset, offset + raw.trim_end().len()),
                        before_package: f.package_offset.is_none_or(|p| offset < p),
                    });
                }
            }
            offset += raw.len();
        }
        f
    }

    /// The import path behind a local package name (`rand` → `math/rand/v2`).
    pub fn import_path(&self, local_name: &str) -> Option<&str> {
        self.imports.iter().find(|i| i.local_name == local_name).map(|i| i.path.as_str())
    }

    /// The local name under which `path` is imported, if it is.
    pub fn local_name(&self, path: &str) -> Option<&str> {
        self.imports.iter().find(|i| i.path == path).map(|i| i.local_name.as_str())
    }

    pub fn is_test_file(&self) -> bool {
        self.file_name.ends_with("_test.go")
    }

    /// Whether `//go:debug` lines in this file take effect (before `package main`, or in a test file).
    pub fn go_debug_applies(&self) -> bool {
        self.package_name.as_deref() == Some("main") || self.is_test_file()
    }

    /// An explicit setting of GODEBUG `name` for the main module: a `//go:debug` line that
    /// takes effect wins over go.mod's `godebug` (go.dev/doc/godebug). Returns (value, where).
    pub fn godebug_override(&self, name: &str, gomod: Option<&GoMod>) -> Option<(String, String)> {
        if self.go_debug_applies() {
            if let Some(d) = self.go_debug.iter().rev().find(|d| d.before_package && d.key == name) {
                return Some((d.value.clone(), format!("//go:debug on line {}", d.line)));
            }
        }
        gomod?
            .godebug
            .iter()
            .rev()
            .find(|g| g.value.0 == name)
            .map(|g| (g.value.1.clone(), format!("go.mod godebug line {}", g.line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::parse;

    #[test]
    fn collects_imports_package_and_go_debug() {
        let src = "//go:debug panicnil=1\npackage main\n\nimport (\n\tr \"math/rand/v2\"\n\t\"net/http\"\n\tyaml \"gopkg.in/yaml.v3\"\n\t\"github.com/x/y/v2\"\n)\n//go:debug late=1\n";
        let tree = parse(src);
        let f = FileFacts::collect(src, &tree, &Context::default(), None);
        assert_eq!(f.package_name.as_deref(), Some("main"));
        assert_eq!(f.import_path("r"), Some("math/rand/v2"));
        assert_eq!(f.import_path("http"), Some("net/http"));
        assert_eq!(f.import_path("yaml"), Some("gopkg.in/yaml.v3"));
        assert_eq!(f.import_path("y"), Some("github.com/x/y/v2"));
        assert_eq!(f.go_debug.len(), 2);
        assert!(f.go_debug[0].before_package && !f.go_debug[1].before_package);
        assert_eq!(f.godebug_override("panicnil", None).unwrap().0, "1");
        assert!(f.godebug_override("late", None).is_none());
    }
}
