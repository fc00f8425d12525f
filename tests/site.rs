//! The generated rule pages (`gocompat site`): the `go env` check catalog is complete, every
//! rule and check has a page or entry with every section, every link resolves, and every
//! "Open in playground" link decodes back to exactly the documented example.

use gocompat::goenv::{self, catalog, Options};

/// Every `"goenv-..."` id literal in the checks' source.
fn emitted_ids() -> std::collections::BTreeSet<String> {
    let src = include_str!("../src/goenv/checks.rs");
    let mut out = std::collections::BTreeSet::new();
    let mut rest = src;
    while let Some(i) = rest.find("\"goenv-") {
        let tail = &rest[i + 1..];
        let end = tail.find('"').unwrap_or(tail.len());
        out.insert(tail[..end].to_string());
        rest = &tail[end..];
    }
    out
}

#[test]
fn env_catalog_lists_every_check_and_each_example_fires() {
    let emitted = emitted_ids();
    assert!(emitted.len() > 30, "{emitted:?}");
    let listed: std::collections::BTreeSet<String> = catalog::ALL.iter().map(|c| c.id.to_string()).collect();
    assert_eq!(listed.len(), catalog::ALL.len(), "duplicate ids in the catalog");
    let missing: Vec<_> = emitted.difference(&listed).collect();
    let extra: Vec<_> = listed.difference(&emitted).collect();
    assert!(missing.is_empty(), "checks missing from goenv::catalog: {missing:?}");
    assert!(extra.is_empty(), "catalog ids no check emits: {extra:?}");
    let mut failures = Vec::new();
    for c in catalog::ALL {
        let opts = Options { go_mod: c.gomod.map(str::to_string), ..Options::default() };
        let r = goenv::analyze(&c.paste.text(), &opts);
        if !r.findings.iter().any(|f| f.id == c.id) {
            let got: Vec<_> = r.findings.iter().map(|f| f.id).collect();
            failures.push(format!("{}: example yields {got:?}", c.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

mod support;

use gocompat::rules::ALL;
use gocompat::share::{self, Shared};
use gocompat::site::{self, Page};
use gocompat::{analyze, Context, GoVersion};
use std::collections::BTreeMap;

/// The generated pages, and the static assets (read from the repository) under their paths.
fn pages() -> BTreeMap<String, String> {
    let mut m: BTreeMap<String, String> = site::pages().into_iter().map(|Page { path, body }| (path, body)).collect();
    for (dest, src) in site::ASSETS {
        let body = std::fs::read_to_string(format!("{}/{src}", env!("CARGO_MANIFEST_DIR"))).expect(src);
        m.insert(dest.to_string(), body);
    }
    m
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// Every `href="..."` of a page, unescaped.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"").skip(1).filter_map(|s| s.split_once('"')).map(|(h, _)| unescape(h)).collect()
}

/// `(data-example kind, href)` of every "Open in playground" link of a rule page, in order.
fn play_links(html: &str) -> Vec<(String, String)> {
    html.split("<a class=\"play\" data-example=\"")
        .skip(1)
        .filter_map(|s| {
            let (kind, rest) = s.split_once('"')?;
            let href = rest.split_once("href=\"")?.1.split_once('"')?.0;
            Some((kind.to_string(), unescape(href)))
        })
        .collect()
}

/// The analysis context the app builds from a share state (src/ui/app.rs `context`).
fn app_context(s: &Shared) -> Context {
    Context {
        go_mod: s.gomod.clone().filter(|g| !g.trim().is_empty()),
        from: GoVersion::parse(s.from.as_deref().unwrap_or("1.21")).ok(),
        to: GoVersion::parse(s.to.as_deref().unwrap_or("1.22")).ok(),
        toolchain: s.toolchain.as_deref().and_then(|t| GoVersion::parse(t).ok()),
        file_name: s.file.clone(),
    }
}

/// `on...=` attributes inside tags (event handlers), which a script-free page must not have.
fn handler_attributes(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .filter_map(|t| t.split_once('>').map(|x| x.0))
        .flat_map(|tag| tag.split_whitespace().skip(1))
        .filter(|a| a.to_ascii_lowercase().starts_with("on") && a.contains('='))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_rule_has_a_page_with_every_section() {
    let pages = pages();
    let index = &pages["rules/index.html"];
    assert_eq!(index.matches("<li class=\"rule\"").count(), ALL.len());
    for r in ALL.iter() {
        let page = pages.get(&format!("rules/{}.html", r.id)).unwrap_or_else(|| panic!("no page for {}", r.id));
        assert!(index.contains(&format!("href=\"{}.html\"", r.id)), "index does not link {}", r.id);
        for needle in [
            format!("<h1>{}</h1>", site::inline(r.title)),
            format!("<code id=\"rule-id\">{}</code>", r.id),
            format!("<span class=\"sev sev-{}\">", r.severity.key()),
            format!("<dt>Family</dt><dd>{}</dd>", r.family),
            format!("<code class=\"when\">{}</code>", site::esc(r.versions)),
            "<dt>GODEBUG</dt>".to_string(),
            format!("<li><a href=\"{0}\">{0}</a></li>", r.sources[0]),
            "<h2 id=\"what-it-does\">".into(),
            "<h2 id=\"why\">".into(),
            "<h2 id=\"how-to-fix\">".into(),
            "<figure class=\"example example-bad\">".into(),
            "<figure class=\"example example-good\">".into(),
        ] {
            assert!(page.contains(&needle), "{}: page lacks {needle}", r.id);
        }
        if let Some((setting, value, _)) = r.godebug {
            assert!(page.contains(&format!("<code>GODEBUG={setting}={value}</code>")), "{}", r.id);
        }
        assert!(!page.contains("<script"), "{}: pages carry no script", r.id);
        assert!(handler_attributes(page).is_empty(), "{}: inline handlers {:?}", r.id, handler_attributes(page));
    }
}

#[test]
fn every_link_resolves() {
    let pages = pages();
    let mut bad = Vec::new();
    for (path, body) in &pages {
        if !path.ends_with(".html") {
            continue;
        }
        for h in hrefs(body) {
            if let Some(rest) = h.strip_prefix("https://") {
                let host = rest.split('/').next().unwrap_or("");
                // go.dev, or a further source a rule declares after its go.dev one (a Go issue).
                let declared = ALL.iter().any(|r| r.sources.contains(&h.as_str()));
                if !matches!(host, "go.dev" | "pkg.go.dev") && !declared {
                    bad.push(format!("{path}: {h} is not on go.dev"));
                }
                continue;
            }
            let (file, frag) = h.split_once('#').unwrap_or((&h, ""));
            if file == "../index.html" {
                // The playground; a fragment is a share state.
                if !frag.is_empty() && !matches!(share::decode(frag), Ok(Some(_))) {
                    bad.push(format!("{path}: playground link {h} does not decode"));
                }
                continue;
            }
            let target = if file.is_empty() { path.clone() } else { format!("rules/{file}") };
            match pages.get(&target) {
                None => bad.push(format!("{path}: {h} points to a page that does not exist")),
                Some(t) if !frag.is_empty() && !t.contains(&format!("id=\"{frag}\"")) => {
                    bad.push(format!("{path}: {h}: no id {frag} in {target}"))
                }
                Some(_) => {}
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn playground_links_carry_exactly_the_doc_examples() {
    let pages = pages();
    let mut failures = Vec::new();
    for r in ALL.iter() {
        let page = &pages[&format!("rules/{}.html", r.id)];
        let blocks: Vec<(String, String)> = site::code_blocks(&site::doc_markdown(r))
            .into_iter()
            .filter(|(i, _)| i == "go bad" || i == "go good")
            .collect();
        let links = play_links(page);
        assert_eq!(links.len(), blocks.len(), "{}: one link per example", r.id);
        for ((info, code), (kind, href)) in blocks.iter().zip(&links) {
            assert_eq!(format!("go {kind}"), *info, "{}", r.id);
            let frag = href.strip_prefix("../index.html#").unwrap_or_else(|| panic!("{}: {href}", r.id));
            let state = share::decode(frag).unwrap().unwrap();
            assert_eq!(state.code.as_deref(), Some(code.as_str()), "{}: the link's code is the example", r.id);
            // The versions are the ones the doc test (tests/rule_docs.rs) analyses it with.
            let (want, _) = support::header(code);
            let ctx = app_context(&state);
            assert_eq!(ctx.from, want.from.or(ctx.from), "{}", r.id);
            assert_eq!(
                (ctx.to, ctx.toolchain, &ctx.go_mod, &ctx.file_name),
                (want.to.or(ctx.to), want.toolchain, &want.go_mod, &want.file_name),
                "{}",
                r.id
            );
            // What the app will show for it.
            let own = analyze(code, &ctx).diagnostics.iter().filter(|d| d.rule == r.id).count();
            match kind.as_str() {
                "bad" if own == 0 => failures.push(format!("{}: bad example opens with no finding", r.id)),
                "good" if own > 0 => failures.push(format!("{}: good example opens with {own} finding(s)", r.id)),
                _ => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn index_lists_every_env_check_with_its_example() {
    let pages = pages();
    let index = &pages["rules/index.html"];
    assert_eq!(index.matches("<li class=\"check\"").count(), catalog::ALL.len());
    for c in catalog::ALL {
        let start = index.find(&format!("<li class=\"check\" id=\"{}\"", c.id)).unwrap_or_else(|| panic!("{}", c.id));
        let entry = &index[start..start + index[start..].find("</li>").unwrap()];
        assert!(entry.contains("<span class=\"lbl\">Why:</span>"), "{}: no finding text", c.id);
        assert!(entry.contains("<p class=\"src\">"), "{}: no source", c.id);
        let href = hrefs(entry).into_iter().find(|h| h.starts_with("../index.html#")).expect("playground link");
        let state = share::decode(&href["../index.html#".len()..]).unwrap().unwrap();
        assert_eq!(state.mode.as_deref(), Some("env"));
        assert_eq!(state.env, Some(c.paste.text()));
        assert_eq!(state.gomod.as_deref(), c.gomod);
    }
}

#[test]
fn text_is_escaped() {
    assert_eq!(site::esc("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    assert_eq!(
        site::inline("a `<b>` [t](https://go.dev/x) [u](javascript:alert(1))"),
        "a <code>&lt;b&gt;</code> <a href=\"https://go.dev/x\">t</a> [u](javascript:alert(1))"
    );
    let md = site::markdown("## H <i>\n\n```go bad\n// gocompat: from=1.21 to=1.22\n</code><script>\n```\n");
    assert!(!md.contains("<script>") && !md.contains("<i>"), "{md}");
    assert_eq!(handler_attributes("<a onclick=\"x\" href=\"y\">on=</a>"), ["onclick=\"x\""]);
    assert!(site::pages().iter().all(|p| handler_attributes(&p.body).is_empty() && !p.body.contains("<script")));
}

#[test]
fn cli_writes_the_site_and_lists_the_rules() {
    let exe = env!("CARGO_BIN_EXE_gocompat");
    let dir = std::env::temp_dir().join(format!("gocompat-site-test-{}", std::process::id()));
    let out = std::process::Command::new(exe).args(["site", "--out"]).arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for (path, body) in pages() {
        let written = std::fs::read_to_string(dir.join(&path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(written == body, "{path} differs from site::pages()");
    }
    let _ = std::fs::remove_dir_all(&dir);
    let out = std::process::Command::new(exe).args(["rules", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["rules"].as_array().unwrap().iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ALL.iter().map(|r| r.id).collect::<Vec<_>>());
    assert_eq!(v["goenv_checks"].as_array().unwrap().len(), catalog::ALL.len());
}

#[test]
fn share_state_carries_toolchain_and_file_and_old_links_still_decode() {
    let s = Shared {
        code: Some("package p\n".into()),
        from: Some("1.22".into()),
        toolchain: Some("1.22.5".into()),
        file: Some("x_test.go".into()),
        ..Shared::default()
    };
    let frag = share::encode(&s).unwrap();
    assert_eq!(share::decode(&frag).unwrap(), Some(s));
    // A link written before the fields existed (the JSON has no toolchain/file).
    use base64::Engine;
    let old = miniz_oxide::deflate::compress_to_vec(br#"{"code":"package q\n","to":"1.23"}"#, 9);
    let old = format!("v=1&z={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(old));
    let got = share::decode(&old).unwrap().unwrap();
    assert_eq!(
        (got.code.as_deref(), got.to.as_deref(), got.toolchain, got.file),
        (Some("package q\n"), Some("1.23"), None, None)
    );
    // The rule pages read every header key the doc test (tests/support) knows.
    let st = site::example_state("// gocompat: from=1.20 to=1.22 toolchain=1.22.5 gomod=\"go 1.20\\ngodebug panicnil=1\" file=a_test.go also=x\npackage a\n");
    assert_eq!(st.from.as_deref(), Some("1.20"));
    assert_eq!(st.to.as_deref(), Some("1.22"));
    assert_eq!(st.toolchain.as_deref(), Some("1.22.5"));
    assert_eq!(st.gomod.as_deref(), Some("go 1.20\ngodebug panicnil=1"));
    assert_eq!(st.file.as_deref(), Some("a_test.go"));
    let (ctx, also) = support::header(st.code.as_deref().unwrap());
    assert_eq!(app_context(&st).go_mod, ctx.go_mod);
    assert_eq!(also, ["x"]);
}
