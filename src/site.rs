//! The rule pages: static HTML generated from the rules' own metadata and doc comments
//! ([`crate::rules::ALL`]) and from the `go env` checks' catalog ([`crate::goenv::catalog`]),
//! so there is no second copy of their text. `gocompat site --out DIR` writes them; the
//! build puts them under `dist/rules/`.
//!
//! The pages are plain HTML and CSS, with no script: every text is escaped, links are either
//! relative (to another generated page or to the playground) or go to go.dev / pkg.go.dev.
//! "Open in playground" links carry a doc example in the app's share format
//! ([`crate::share`]) with the versions of its `// gocompat:` header.

use crate::goenv::{self, catalog};
use crate::rules::{Rule, ALL};
use crate::share::{self, Shared};

/// One generated file: its path below the output directory and its contents.
#[derive(Debug, Clone)]
pub struct Page {
    pub path: String,
    pub body: String,
}

/// Static files the pages use: (path below the output directory, source file in the
/// repository). The stylesheet, and the app's icon (so the browser does not ask for
/// /favicon.ico). The command line copies them (the core embeds only `data/`).
pub const ASSETS: &[(&str, &str)] = &[("rules/style.css", "www/rules.css"), ("rules/favicon.svg", "www/favicon.svg")];

/// Family folders in index order, with a heading for each.
pub const FAMILIES: &[(&str, &str)] = &[
    ("syntax", "Syntax"),
    ("range", "Language features (range, aliases)"),
    ("loopvar", "Loop variables (Go 1.22)"),
    ("mux", "net/http routing (Go 1.22 ServeMux)"),
    ("stdlib", "Standard library API"),
    ("runtime", "Runtime and library behaviour"),
    ("vet", "go vet"),
];

/// Every page: `rules/index.html` and `rules/<rule-id>.html` (plus the [`ASSETS`]).
pub fn pages() -> Vec<Page> {
    let mut out = vec![Page { path: "rules/index.html".into(), body: index() }];
    for r in ALL.iter() {
        out.push(Page { path: format!("rules/{}.html", r.id), body: rule_page(r) });
    }
    out
}

/// The page of `rules/<id>.html` relative to the rules folder.
pub fn rule_href(id: &str) -> String {
    format!("{id}.html")
}

/// HTML-escapes text for element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// A rule's doc comment as Markdown (the one leading space of each `///` line removed).
pub fn doc_markdown(r: &Rule) -> String {
    r.doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n")
}

/// `(info string, code)` of each fenced block of a Markdown text.
pub fn code_blocks(md: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(String, String)> = None;
    for line in md.lines() {
        if let Some(info) = line.trim_start().strip_prefix("```") {
            match cur.take() {
                Some(b) => out.push(b),
                None => cur = Some((info.trim().to_string(), String::new())),
            }
        } else if let Some((_, code)) = cur.as_mut() {
            code.push_str(line);
            code.push('\n');
        }
    }
    out
}

/// The share state that opens `code` in the playground with the versions, go.mod, toolchain
/// and file name of its `// gocompat: from=.. to=.. toolchain=.. gomod=".." file=..` lines.
/// Unknown keys (`also=`) are ignored; nothing here panics.
pub fn example_state(code: &str) -> Shared {
    let mut s = Shared { code: Some(code.to_string()), ..Shared::default() };
    for line in code.lines() {
        let Some(rest) = line.trim().strip_prefix("// gocompat:") else { continue };
        for (k, v) in header_pairs(rest) {
            match k.as_str() {
                "from" => s.from = Some(v),
                "to" => s.to = Some(v),
                "toolchain" => s.toolchain = Some(v),
                "gomod" => s.gomod = Some(v.replace("\\n", "\n")),
                "file" => s.file = Some(v),
                _ => {}
            }
        }
    }
    s
}

fn header_pairs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while let Some((k, after)) = rest.split_once('=') {
        let (v, tail) = match after.strip_prefix('"') {
            Some(q) => {
                let end = q.find('"').unwrap_or(q.len());
                (q[..end].to_string(), q.get(end + 1..).unwrap_or(""))
            }
            None => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (after[..end].to_string(), &after[end..])
            }
        };
        out.push((k.trim().to_string(), v));
        rest = tail.trim_start();
    }
    out
}

/// The playground link (relative to `rules/`) for a share state.
pub fn playground_href(state: &Shared) -> Option<String> {
    share::encode(state).ok().map(|frag| format!("../index.html#{frag}"))
}

/// The share state of a `go env` check's example (env mode).
pub fn env_example_state(c: &catalog::EnvCheck) -> Shared {
    Shared {
        env: Some(c.paste.text()),
        gomod: c.gomod.map(str::to_string),
        mode: Some("env".into()),
        ..Shared::default()
    }
}

fn head(title: &str, description: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"description\" content=\"{}\">\n<title>{}</title>\n\
         <link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n\
         <link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">Skip to the content</a>\n\
         <header class=\"top\">\n<a class=\"brand\" href=\"../index.html\">gocompat</a>\n\
         <nav aria-label=\"Site\"><a href=\"index.html\">All rules</a> <a href=\"../index.html\">Playground</a></nav>\n\
         </header>\n",
        esc(description),
        esc(title)
    )
}

const FOOT: &str = "<footer class=\"foot\"><p>Generated from gocompat's rule definitions. Go's release notes, \
documentation and source on <a href=\"https://go.dev/doc/devel/release\">go.dev</a> are the authority.</p></footer>\n\
</body>\n</html>\n";

const LEGEND: &str = "<p class=\"legend\"><abbr title=\"file version\">FV</abbr>: the Go version a file is compiled \
for (the go line of its module, or its <code>//go:build</code> line). <abbr title=\"main-module version\">MV</abbr>: \
the go line of the main module being built, which sets GODEBUG defaults. <abbr title=\"toolchain version\">TC</abbr>: \
the Go release doing the build.</p>\n";

fn severity_badge(key: &str) -> String {
    format!("<span class=\"sev sev-{0}\">{1}</span>", esc(key), esc(&key.replace('-', " ")))
}

fn index() -> String {
    let mut h = head(
        "Rules — gocompat",
        "Every gocompat rule for Go code and every go env check, with what it finds, why, and how to fix it.",
    );
    h.push_str("<main id=\"main\">\n<h1>Rules</h1>\n");
    h.push_str(&format!(
        "<p>gocompat has <strong>{}</strong> rules for Go code and <strong>{}</strong> checks for <code>go env</code> output. \
         Each rule page says what the rule finds, why it matters, how to fix it, and opens its example in the playground.</p>\n",
        ALL.len(),
        catalog::ALL.len()
    ));
    h.push_str("<nav aria-label=\"On this page\" class=\"toc\"><ul>\n");
    for (fam, heading) in FAMILIES {
        if ALL.iter().any(|r| r.family == *fam) {
            h.push_str(&format!("<li><a href=\"#family-{0}\">{1}</a></li>\n", esc(fam), esc(heading)));
        }
    }
    h.push_str("<li><a href=\"#goenv\">go env checks</a></li>\n</ul></nav>\n");
    let mut families: Vec<&str> = FAMILIES.iter().map(|f| f.0).collect();
    for r in ALL.iter() {
        if !families.contains(&r.family) {
            families.push(r.family);
        }
    }
    for fam in families {
        let heading = FAMILIES.iter().find(|f| f.0 == fam).map(|f| f.1).unwrap_or(fam);
        let rules: Vec<&&Rule> = ALL.iter().filter(|r| r.family == fam).collect();
        if rules.is_empty() {
            continue;
        }
        h.push_str(&format!(
            "<section aria-labelledby=\"family-{0}\">\n<h2 id=\"family-{0}\">{1} <span class=\"count\">({2})</span></h2>\n<ul class=\"rules\">\n",
            esc(fam),
            esc(heading),
            rules.len()
        ));
        for r in rules {
            h.push_str(&format!(
                "<li class=\"rule\" data-rule=\"{0}\"><a href=\"{1}\">{2}</a> {3}<br><code class=\"id\">{0}</code> <span class=\"when\">{4}</span></li>\n",
                esc(r.id),
                esc(&rule_href(r.id)),
                inline(r.title),
                severity_badge(r.severity.key()),
                esc(r.versions)
            ));
        }
        h.push_str("</ul>\n</section>\n");
    }
    h.push_str("<section aria-labelledby=\"goenv\">\n<h2 id=\"goenv\">go env checks <span class=\"count\">(");
    h.push_str(&catalog::ALL.len().to_string());
    h.push_str(")</span></h2>\n<p>Paste the output of <code>go env</code> into the playground's go env mode: these checks run on it. \
        The text below is what each check reports for its example.</p>\n<ul class=\"checks\">\n");
    for c in catalog::ALL {
        h.push_str(&env_entry(c));
    }
    h.push_str("</ul>\n</section>\n");
    h.push_str(LEGEND);
    h.push_str("</main>\n");
    h.push_str(FOOT);
    h
}

/// A `go env` check in the index: its title and the finding its own code writes for the
/// example paste (severity, message, why, what to do, fix, source).
fn env_entry(c: &catalog::EnvCheck) -> String {
    let opts = goenv::Options { go_mod: c.gomod.map(str::to_string), ..goenv::Options::default() };
    let report = goenv::analyze(&c.paste.text(), &opts);
    let f = report.findings.iter().find(|f| f.id == c.id);
    let mut h = format!(
        "<li class=\"check\" id=\"{0}\" data-check=\"{0}\">\n<h3><a class=\"anchor\" href=\"#{0}\">{1}</a> {2}</h3>\n<code class=\"id\">{0}</code>\n",
        esc(c.id),
        esc(c.title),
        f.map(|f| severity_badge(f.severity.key())).unwrap_or_default()
    );
    if let Some(f) = f {
        h.push_str(&format!(
            "<p><span class=\"lbl\">Example finding:</span> {}</p>\n<p><span class=\"lbl\">Why:</span> {}</p>\n<p><span class=\"lbl\">What to do:</span> {}</p>\n",
            inline(&f.message),
            inline(&f.why),
            inline(&f.action)
        ));
        if let Some(fix) = &f.fix {
            h.push_str(&format!("<p><span class=\"lbl\">Fix:</span> <code>{}</code></p>\n", esc(fix.text())));
        }
        h.push_str(&format!("<p class=\"src\"><span class=\"lbl\">Source:</span> {}</p>\n", link(f.source)));
    }
    if let Some(href) = playground_href(&env_example_state(c)) {
        h.push_str(&format!(
            "<p><a class=\"play\" href=\"{}\">Open the example in the playground</a></p>\n",
            esc(&href)
        ));
    }
    h.push_str("</li>\n");
    h
}

fn link(url: &str) -> String {
    format!("<a href=\"{0}\">{0}</a>", esc(url))
}

fn rule_page(r: &Rule) -> String {
    let first_line = doc_markdown(r)
        .lines()
        .skip_while(|l| l.trim().is_empty() || l.starts_with('#'))
        .take_while(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut h = head(&format!("{} ({}) — gocompat", strip_inline(r.title), r.id), &strip_inline(&first_line));
    h.push_str("<main id=\"main\">\n");
    h.push_str(&format!(
        "<p class=\"crumbs\"><a href=\"index.html\">Rules</a> › <a href=\"index.html#family-{0}\">{1}</a></p>\n",
        esc(r.family),
        esc(FAMILIES.iter().find(|f| f.0 == r.family).map(|f| f.1).unwrap_or(r.family))
    ));
    h.push_str(&format!("<h1>{}</h1>\n", inline(r.title)));
    h.push_str("<dl class=\"meta\">\n");
    h.push_str(&format!("<dt>Id</dt><dd><code id=\"rule-id\">{}</code></dd>\n", esc(r.id)));
    h.push_str(&format!("<dt>Severity</dt><dd>{}</dd>\n", severity_badge(r.severity.key())));
    h.push_str(&format!("<dt>Family</dt><dd>{}</dd>\n", esc(r.family)));
    h.push_str(&format!("<dt>Applies when</dt><dd><code class=\"when\">{}</code></dd>\n", esc(r.versions)));
    h.push_str("<dt>GODEBUG</dt><dd class=\"godebug\">");
    match r.godebug {
        Some((setting, value, note)) => {
            h.push_str(&format!("<code>GODEBUG={}={}</code> restores the old behaviour", esc(setting), esc(value)));
            let known = crate::godebug::table::setting(setting);
            if let Some(m) = known.and_then(|s| s.changed_in) {
                h.push_str(&format!(" (the new behaviour is the default for go lines 1.{m} and later)"));
            }
            h.push('.');
            match (known.and_then(|s| s.removed_in), note) {
                (Some(rm), _) => h.push_str(&format!(" The setting is removed in {}.", esc(&rm.to_string()))),
                (None, Some(n)) => h.push_str(&format!(" {}.", esc(n.trim_end_matches('.')))),
                (None, None) => {}
            }
        }
        None => h.push_str("none: no setting restores the old behaviour"),
    }
    h.push_str("</dd>\n<dt>Sources</dt><dd><ul class=\"sources\">\n");
    for s in r.sources {
        h.push_str(&format!("<li>{}</li>\n", link(s)));
    }
    h.push_str("</ul></dd>\n</dl>\n");
    h.push_str(&markdown(&doc_markdown(r)));
    h.push_str(LEGEND);
    h.push_str("</main>\n");
    h.push_str(FOOT);
    h
}

/// Inline Markdown without the markup (for the meta description).
fn strip_inline(s: &str) -> String {
    s.replace('`', "")
}

/// Inline Markdown: `code` spans and `[text](https://...)` links; everything else is text.
pub fn inline(s: &str) -> String {
    let mut o = String::new();
    let mut rest = s;
    while !rest.is_empty() {
        let tick = rest.find('`');
        let bracket = rest.find('[');
        match (tick, bracket) {
            (Some(t), b) if b.is_none_or(|b| t < b) => {
                o.push_str(&esc(&rest[..t]));
                let after = &rest[t + 1..];
                match after.find('`') {
                    Some(e) => {
                        o.push_str(&format!("<code>{}</code>", esc(&after[..e])));
                        rest = &after[e + 1..];
                    }
                    None => {
                        o.push_str(&esc(&rest[t..]));
                        rest = "";
                    }
                }
            }
            (_, Some(b)) => {
                o.push_str(&esc(&rest[..b]));
                let after = &rest[b + 1..];
                let parsed = after.find("](").and_then(|m| {
                    let url_part = &after[m + 2..];
                    let e = url_part.find(')')?;
                    let url = &url_part[..e];
                    let ok = url.starts_with("https://") && !after[..m].contains('[');
                    ok.then(|| (after[..m].to_string(), url.to_string(), &url_part[e + 1..]))
                });
                match parsed {
                    Some((text, url, tail)) => {
                        o.push_str(&format!("<a href=\"{}\">{}</a>", esc(&url), inline(&text)));
                        rest = tail;
                    }
                    None => {
                        o.push('[');
                        rest = after;
                    }
                }
            }
            _ => {
                o.push_str(&esc(rest));
                rest = "";
            }
        }
    }
    o
}

/// The small Markdown subset the rule docs use: `##`/`###` headings, paragraphs, `*`/`-`
/// lists (continuation lines indented), fenced code. ```` ```go bad ```` and
/// ```` ```go good ```` blocks become examples with an "Open in playground" link.
pub fn markdown(md: &str) -> String {
    let mut o = String::new();
    let mut para: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let mut code: Option<(String, String)> = None;
    let flush = |o: &mut String, para: &mut Vec<&str>, items: &mut Vec<String>| {
        if !para.is_empty() {
            o.push_str(&format!("<p>{}</p>\n", inline(&para.join(" "))));
            para.clear();
        }
        if !items.is_empty() {
            o.push_str("<ul>\n");
            for i in items.iter() {
                o.push_str(&format!("<li>{}</li>\n", inline(i)));
            }
            o.push_str("</ul>\n");
            items.clear();
        }
    };
    for line in md.lines() {
        if let Some((info, body)) = code.as_mut() {
            if line.trim_start().starts_with("```") {
                o.push_str(&example(info, body));
                code = None;
            } else {
                body.push_str(line);
                body.push('\n');
            }
            continue;
        }
        let t = line.trim();
        if let Some(info) = t.strip_prefix("```") {
            flush(&mut o, &mut para, &mut items);
            code = Some((info.trim().to_string(), String::new()));
        } else if t.is_empty() {
            flush(&mut o, &mut para, &mut items);
        } else if let Some(hd) = t.strip_prefix("### ") {
            flush(&mut o, &mut para, &mut items);
            o.push_str(&format!("<h3>{}</h3>\n", inline(hd)));
        } else if let Some(hd) = t.strip_prefix("## ") {
            flush(&mut o, &mut para, &mut items);
            o.push_str(&format!("<h2 id=\"{}\">{}</h2>\n", esc(&slug(hd)), inline(hd)));
        } else if let Some(item) = t.strip_prefix("* ").or_else(|| t.strip_prefix("- ")) {
            if !para.is_empty() {
                o.push_str(&format!("<p>{}</p>\n", inline(&para.join(" "))));
                para.clear();
            }
            items.push(item.to_string());
        } else if let (Some(last), true) = (items.last_mut(), line.starts_with("  ")) {
            last.push(' ');
            last.push_str(t);
        } else {
            if !items.is_empty() {
                flush(&mut o, &mut para, &mut items);
            }
            para.push(t);
        }
    }
    if let Some((info, body)) = code {
        o.push_str(&example(&info, &body));
    }
    flush(&mut o, &mut para, &mut items);
    o
}

fn slug(s: &str) -> String {
    s.to_ascii_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect()
}

/// A fenced block: plain code, or a bad/good example with its versions and playground link.
fn example(info: &str, body: &str) -> String {
    let kind = match info {
        "go bad" => Some(("bad", "Flagged")),
        "go good" => Some(("good", "Not flagged")),
        _ => None,
    };
    let Some((kind, label)) = kind else {
        return format!("<pre tabindex=\"0\"><code>{}</code></pre>\n", esc(body));
    };
    let state = example_state(body);
    let mut versions = format!(
        "go {} → go {}",
        esc(state.from.as_deref().unwrap_or("1.21")),
        esc(state.to.as_deref().unwrap_or("1.22"))
    );
    if let Some(t) = &state.toolchain {
        versions.push_str(&format!(", toolchain go{}", esc(t)));
    }
    if let Some(f) = &state.file {
        versions.push_str(&format!(", file {}", esc(f)));
    }
    let play = playground_href(&state)
        .map(|href| {
            format!(
                "<a class=\"play\" data-example=\"{kind}\" href=\"{}\">Open in playground{}</a>",
                esc(&href),
                if kind == "good" { " (no finding)" } else { "" }
            )
        })
        .unwrap_or_else(|| "<span class=\"play-missing\">Too large for a playground link.</span>".into());
    format!(
        "<figure class=\"example example-{kind}\">\n<figcaption><span class=\"tag\">{label}</span> <span class=\"versions\">{versions}</span> {play}</figcaption>\n<pre tabindex=\"0\"><code>{}</code></pre>\n</figure>\n",
        esc(body)
    )
}
