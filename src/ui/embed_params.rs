//! The embed entry's URL parameters (pure: compiled into the app and run natively by
//! `tests/embed_params.rs`).
//!
//! `embed.html` reads everything from the URL fragment, which never reaches a server:
//!
//! ```text
//! embed.html#v=1&z=<share state>&mode=code&from=1.21&to=1.22&readonly=1&theme=dark
//!           &height=auto&id=gc-1&origin=https%3A%2F%2Fdocs.example.com
//! ```
//!
//! `v`, `z` and `mode` are the share-link format of [`super::share`] (the same state the
//! playground's links carry); `code` is an alternative to `z` for hand-written iframes (the
//! Go source, or the `go env` output with `mode=env`, percent-encoded). The rest belongs to the embed. Every value is validated; a bad
//! one is ignored and explained in [`EmbedParams::notes`], never a panic.
//!
//! Auto-height: when `height=auto` and both `id` and `origin` are valid, the embed posts
//! [`HEIGHT_MESSAGE_TYPE`] messages `{type, id, height}` to its parent with `origin` as the
//! explicit target origin (the browser drops them if the parent is another origin). They
//! carry a number only, never the code. The embed listens to no message from its host.

/// The `type` of the height message the embed posts to its parent.
pub const HEIGHT_MESSAGE_TYPE: &str = "gocompat:height";
/// Heights the embed reports and `widget.js` accepts, in CSS pixels.
pub const MIN_HEIGHT: u32 = 120;
pub const MAX_HEIGHT: u32 = 4000;
/// Longest `id` and `origin` accepted.
const MAX_ID: usize = 64;
const MAX_ORIGIN: usize = 200;
/// Longest `code` value read (characters of the fragment, before decoding).
pub const MAX_CODE_PARAM: usize = 128 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// The reader's `prefers-color-scheme`.
    #[default]
    Auto,
}

impl Theme {
    /// The `data-theme` attribute to set on `<html>` (`None`: follow the system).
    pub fn attr(self) -> Option<&'static str> {
        match self {
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
            Theme::Auto => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Height {
    /// As tall as the content: reported to the parent.
    #[default]
    Auto,
    /// A fixed height in pixels set by the host; the embed scrolls inside it.
    Fixed(u32),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedParams {
    /// `Some("code")` or `Some("env")` when given and valid.
    pub mode: Option<String>,
    /// Go versions from the list the page offers, without a `go` prefix.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The Go source from a `code` parameter (overrides the share state's).
    pub code: Option<String>,
    /// The Go code cannot be edited nor fixed (the versions can still be switched).
    pub readonly: bool,
    pub theme: Theme,
    pub height: Height,
    /// The host's name for this widget, echoed in height messages.
    pub id: Option<String>,
    /// The host page's origin (`scheme://host[:port]`): the only target of height messages.
    pub origin: Option<String>,
    /// One sentence per ignored parameter, shown to the reader.
    pub notes: Vec<String>,
}

impl EmbedParams {
    /// Whether height messages may be posted: auto height and a valid id and origin.
    pub fn reports_height(&self) -> bool {
        self.height == Height::Auto && self.id.is_some() && self.origin.is_some()
    }
}

/// Shortens a value for a note (it is user input: keep it short and visibly quoted).
fn shown(v: &str) -> String {
    let s: String = v.chars().take(24).collect();
    if s.len() < v.len() {
        format!("{s:?}…")
    } else {
        format!("{s:?}")
    }
}

/// Reads the embed parameters from a fragment (with or without `#`). `versions` are the Go
/// versions the page offers (`"1.21"`, ...). Never panics.
pub fn parse(fragment: &str, versions: &[&str]) -> EmbedParams {
    let frag = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut p = EmbedParams::default();
    if frag.is_empty() {
        return p;
    }
    for part in frag.split('&') {
        if part.is_empty() {
            continue;
        }
        let (k, raw) = part.split_once('=').unwrap_or((part, ""));
        // The share format's own keys: read by `share::decode`.
        if matches!(k, "v" | "z") {
            continue;
        }
        if k == "code" {
            if raw.len() > MAX_CODE_PARAM {
                p.notes.push(format!(
                    "The code parameter is {} characters long (at most {MAX_CODE_PARAM} are read); it was ignored.",
                    raw.len()
                ));
            } else {
                match percent_decode(raw) {
                    Some(code) => p.code = Some(code),
                    None => {
                        p.notes.push("The code parameter is not valid percent-encoded UTF-8; it was ignored.".into())
                    }
                }
            }
            continue;
        }
        let Some(v) = percent_decode(raw).filter(|v| v.len() <= MAX_ORIGIN + 16) else {
            p.notes.push(format!("The value of the {} parameter could not be read; it was ignored.", shown(k)));
            continue;
        };
        match k {
            "mode" => match v.as_str() {
                "code" | "env" => p.mode = Some(v),
                _ => p.notes.push(format!("Unknown mode {}: showing Go code (the modes are code and env).", shown(&v))),
            },
            "from" | "to" => {
                let ver = v.strip_prefix("go").unwrap_or(&v);
                if versions.contains(&ver) {
                    let ver = ver.to_string();
                    if k == "from" {
                        p.from = Some(ver);
                    } else {
                        p.to = Some(ver);
                    }
                } else {
                    p.notes.push(format!(
                        "Go version {} ({k}) is not one this page offers ({}); it was ignored.",
                        shown(&v),
                        versions.join(", ")
                    ));
                }
            }
            "readonly" => match v.as_str() {
                "" | "1" | "true" | "yes" => p.readonly = true,
                "0" | "false" | "no" => p.readonly = false,
                _ => p.notes.push(format!("readonly={} is not 1 or 0; the example stays editable.", shown(&v))),
            },
            "theme" => match v.as_str() {
                "light" => p.theme = Theme::Light,
                "dark" => p.theme = Theme::Dark,
                "auto" => p.theme = Theme::Auto,
                _ => p.notes.push(format!("Unknown theme {} (light, dark or auto); following the system.", shown(&v))),
            },
            "height" => match parse_height(&v) {
                Some(h) => p.height = h,
                None => p.notes.push(format!(
                    "height={} is not auto or a number of pixels from {MIN_HEIGHT} to {MAX_HEIGHT}; using auto.",
                    shown(&v)
                )),
            },
            "id" => {
                if valid_id(&v) {
                    p.id = Some(v);
                } else {
                    p.notes.push(format!(
                        "The widget id {} is not 1 to {MAX_ID} letters, digits, - or _; the page will not resize itself.",
                        shown(&v)
                    ));
                }
            }
            "origin" => match valid_origin(&v) {
                Some(o) => p.origin = Some(o),
                None => p.notes.push(format!(
                    "The host origin {} is not scheme://host[:port]; the page will not resize itself.",
                    shown(&v)
                )),
            },
            _ => p.notes.push(format!("Unknown parameter {} was ignored.", shown(k))),
        }
    }
    p
}

/// `auto`, or whole pixels (`480` or `480px`) within [`MIN_HEIGHT`]..=[`MAX_HEIGHT`].
pub fn parse_height(v: &str) -> Option<Height> {
    if v == "auto" {
        return Some(Height::Auto);
    }
    let n = v.strip_suffix("px").unwrap_or(v);
    if n.is_empty() || n.len() > 5 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let px: u32 = n.parse().ok()?;
    (MIN_HEIGHT..=MAX_HEIGHT).contains(&px).then_some(Height::Fixed(px))
}

pub fn valid_id(v: &str) -> bool {
    !v.is_empty() && v.len() <= MAX_ID && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// An origin as `location.origin` prints it: `http` or `https`, a host name, IPv4 or
/// bracketed IPv6 address, an optional port; no user, path, query or fragment. Returned
/// lower-cased (the scheme and host are case-insensitive; `postMessage` compares them so).
pub fn valid_origin(v: &str) -> Option<String> {
    if v.len() > MAX_ORIGIN {
        return None;
    }
    let lower = v.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    let port = if let Some(after) = rest.strip_prefix('[') {
        let (inner, tail) = after.split_once(']')?;
        if inner.is_empty() || !inner.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.') {
            return None;
        }
        match tail {
            "" => None,
            t => Some(t.strip_prefix(':')?),
        }
    } else {
        let (host, port) = match rest.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (rest, None),
        };
        let labels_ok = host.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        });
        if host.is_empty() || !labels_ok {
            return None;
        }
        port
    };
    if let Some(p) = port {
        if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = p.parse().ok()?;
        if n == 0 || n > 65535 {
            return None;
        }
    }
    Some(lower)
}

/// A height to report: the content height rounded up and clamped.
pub fn clamp_height(content: f64) -> u32 {
    if !content.is_finite() || content <= 0.0 {
        return MIN_HEIGHT;
    }
    (content.ceil() as u64).clamp(MIN_HEIGHT as u64, MAX_HEIGHT as u64) as u32
}

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space, `%XX` a byte), as
/// `URLSearchParams` does; `None` for a bad escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let hex = b.get(i + 1..i + 3)?;
                let hi = (hex[0] as char).to_digit(16)?;
                let lo = (hex[1] as char).to_digit(16)?;
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The playground's address for a share fragment, relative to `embed.html` (they are
/// siblings in `dist/`).
pub fn playground_href(fragment: &str) -> String {
    if fragment.is_empty() {
        "./".to_string()
    } else {
        format!("./#{fragment}")
    }
}
