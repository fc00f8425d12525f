//! The embed entry's URL parameters (`src/ui/embed_params.rs`, included by path): valid
//! values are read, every bad one is ignored with a note, hostile input never panics.

#[path = "../src/ui/embed_params.rs"]
mod embed_params;

use embed_params::*;

const VERSIONS: &[&str] = &["1.16", "1.17", "1.18", "1.19", "1.20", "1.21", "1.22", "1.23", "1.24"];

#[test]
fn what_widget_js_writes_is_read() {
    let p = parse(
        "#v=1&z=abc&from=1.21&to=go1.22&readonly=1&theme=dark&height=auto&id=gocompat-2&origin=http%3A%2F%2Flocalhost%3A8123",
        VERSIONS,
    );
    assert_eq!(p.from.as_deref(), Some("1.21"));
    assert_eq!(p.to.as_deref(), Some("1.22"));
    assert!(p.readonly);
    assert_eq!(p.theme, Theme::Dark);
    assert_eq!(p.height, Height::Auto);
    assert_eq!(p.id.as_deref(), Some("gocompat-2"));
    assert_eq!(p.origin.as_deref(), Some("http://localhost:8123"));
    assert!(p.notes.is_empty(), "{:?}", p.notes);
    assert!(p.reports_height());
}

#[test]
fn defaults_without_parameters() {
    for f in ["", "#", "#v=1&z=q1YqLs0"] {
        let p = parse(f, VERSIONS);
        assert_eq!(p, EmbedParams::default(), "{f}");
        assert!(!p.reports_height());
    }
}

#[test]
fn bad_values_are_ignored_with_a_note_each() {
    let p = parse(
        "mode=shell&from=1.99&to=banana&readonly=maybe&theme=neon&height=99999&id=a%20b&origin=javascript%3Aalert(1)&colour=red",
        VERSIONS,
    );
    assert_eq!(p.mode, None);
    assert_eq!((p.from.as_deref(), p.to.as_deref()), (None, None));
    assert!(!p.readonly);
    assert_eq!(p.theme, Theme::Auto);
    assert_eq!(p.height, Height::Auto);
    assert_eq!((p.id.as_deref(), p.origin.as_deref()), (None, None));
    assert_eq!(p.notes.len(), 9, "{:#?}", p.notes);
    assert!(p.notes.iter().any(|n| n.contains("\"colour\"")));
    assert!(p.notes.iter().any(|n| n.contains("\"1.99\"")));
    assert!(!p.reports_height());
}

#[test]
fn heights() {
    assert_eq!(parse_height("auto"), Some(Height::Auto));
    assert_eq!(parse_height("480"), Some(Height::Fixed(480)));
    assert_eq!(parse_height("480px"), Some(Height::Fixed(480)));
    for bad in ["", "px", "-5", "119", "4001", "1e3", "480.5", "480em", "０480", "99999999999999999999"] {
        assert_eq!(parse_height(bad), None, "{bad}");
    }
    assert_eq!(parse("height=300", VERSIONS).height, Height::Fixed(300));
    assert!(!parse("height=300&id=a&origin=https%3A%2F%2Fa.b", VERSIONS).reports_height());
    assert_eq!(clamp_height(10.2), MIN_HEIGHT);
    assert_eq!(clamp_height(500.1), 501);
    assert_eq!(clamp_height(1e12), MAX_HEIGHT);
    assert_eq!(clamp_height(f64::NAN), MIN_HEIGHT);
    assert_eq!(clamp_height(f64::INFINITY), MIN_HEIGHT);
}

#[test]
fn origins_are_exactly_scheme_host_port() {
    for ok in [
        "https://docs.example.com",
        "http://localhost:8080",
        "http://127.0.0.1:3000",
        "https://[::1]:8443",
        "HTTPS://Docs.Example.COM",
    ] {
        assert!(valid_origin(ok).is_some(), "{ok}");
    }
    assert_eq!(valid_origin("HTTPS://Docs.Example.COM").as_deref(), Some("https://docs.example.com"));
    for bad in [
        "",
        "null",
        "*",
        "docs.example.com",
        "https://",
        "https://example.com/",
        "https://example.com/path",
        "https://user@example.com",
        "https://example.com:0",
        "https://example.com:65536",
        "https://example.com:",
        "https://exa mple.com",
        "https://-bad.com",
        "https://a..b",
        "ftp://example.com",
        "javascript:alert(1)",
        "https://example.com?x",
        "https://example.com#x",
        "https://[zz]:1",
    ] {
        assert_eq!(valid_origin(bad), None, "{bad}");
    }
    assert_eq!(valid_origin(&format!("https://{}.com", "a.".repeat(150))), None);
}

#[test]
fn ids() {
    assert!(valid_id("gocompat-1") && valid_id("A_b-9"));
    for bad in ["", "a b", "a\"b", "<x>", "é", &"a".repeat(65)] {
        assert!(!valid_id(bad), "{bad}");
    }
}

#[test]
fn code_parameter_and_percent_decoding() {
    let p = parse("code=package%20main%0A%0Afunc+main()%20%7B%7D%0A&mode=code", VERSIONS);
    assert_eq!(p.code.as_deref(), Some("package main\n\nfunc main() {}\n"));
    assert_eq!(p.mode.as_deref(), Some("code"));
    assert_eq!(percent_decode("%E4%B8%AD%2B"), Some("中+".into()));
    for bad in ["%", "%4", "%zz", "%FF%FE", "%C3"] {
        assert_eq!(percent_decode(bad), None, "{bad}");
    }
    let p = parse("code=%ZZ", VERSIONS);
    assert_eq!(p.code, None);
    assert_eq!(p.notes.len(), 1);
    let p = parse(&format!("code={}", "a".repeat(MAX_CODE_PARAM + 1)), VERSIONS);
    assert_eq!(p.code, None);
    assert!(p.notes[0].contains("at most"));
}

#[test]
fn hostile_fragments_never_panic_and_notes_stay_short() {
    let long = "x".repeat(100_000);
    let inputs = [
        format!("{long}={long}"),
        format!("id={long}"),
        format!("origin=https%3A%2F%2F{long}"),
        "&&&&=&=&==".to_string(),
        "from=%F0%9F%98%80".repeat(50).replace("0from", "0&from"),
        "theme=%00%01&id=%E2%80%AE".to_string(),
    ];
    for f in &inputs {
        let p = parse(f, VERSIONS);
        for n in &p.notes {
            assert!(n.chars().count() < 300, "{n}");
        }
    }
}

#[test]
fn playground_links_are_relative_siblings() {
    assert_eq!(playground_href("v=1&z=abc"), "./#v=1&z=abc");
    assert_eq!(playground_href(""), "./");
}

#[test]
fn themes_map_to_the_data_theme_attribute() {
    assert_eq!(parse("theme=light", VERSIONS).theme.attr(), Some("light"));
    assert_eq!(parse("theme=dark", VERSIONS).theme.attr(), Some("dark"));
    assert_eq!(parse("theme=auto", VERSIONS).theme.attr(), None);
}

/// `www/widget.js` checks the same message type and clamps to the same bounds.
#[test]
fn widget_js_agrees_on_the_height_message() {
    let js = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/widget.js")).unwrap();
    assert!(js.contains(&format!("var MESSAGE_TYPE = '{HEIGHT_MESSAGE_TYPE}';")));
    assert!(js.contains(&format!("var MIN_HEIGHT = {MIN_HEIGHT};")));
    assert!(js.contains(&format!("var MAX_HEIGHT = {MAX_HEIGHT};")));
}
