//! Share links and the local draft: the app's URL fragment format, in the core so that the
//! native side (the generated rule pages' "Open in playground" links, the tests) writes
//! exactly what the app reads. The app re-exports it as `ui::share`.
//!
//! The URL fragment holds the state: `#v=1&mode=env&z=<base64url(deflate(JSON))>`. `v` is
//! the format version (decoders for every published version stay here); `mode` is plain so
//! a reader sees it; defaults are left out of the JSON. Decoding never panics and refuses
//! oversized input before inflating it (a hostile link cannot blow up the page).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The current fragment format.
pub const FORMAT_VERSION: &str = "1";
/// Longest link we write (characters of the fragment). Longer states stay a local draft.
pub const MAX_LINK_CHARS: usize = 32 * 1024;
/// Largest decompressed state we accept from a link.
pub const MAX_STATE_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Shared {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gomod: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub env: Option<String>,
    /// The toolchain version (`1.22.5`), when it is not the newer of from/to (the default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toolchain: Option<String>,
    /// The file name the code is analysed as (`x_test.go`), when it matters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// "code" (default) or "env"; also mirrored in the fragment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
}

/// The fragment (without `#`) for `state`, or why it cannot be a link.
pub fn encode(state: &Shared) -> Result<String, String> {
    let json = serde_json::to_vec(state).map_err(|e| e.to_string())?;
    // Compressing megabytes would block the page for seconds to find what this tells at once.
    if json.len() > MAX_STATE_BYTES {
        return Err(format!(
            "Too large to share as a link: {} KB of text, a link holds at most {} KB before compression ({} KB after). Shorten the code to get a link.",
            json.len().div_ceil(1024),
            MAX_STATE_BYTES / 1024,
            MAX_LINK_CHARS / 1024
        ));
    }
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    let z = URL_SAFE_NO_PAD.encode(packed);
    let mut frag = format!("v={FORMAT_VERSION}");
    if let Some(mode) = state.mode.as_deref().filter(|m| *m != "code") {
        frag.push_str("&mode=");
        frag.push_str(mode);
    }
    frag.push_str("&z=");
    frag.push_str(&z);
    if frag.len() > MAX_LINK_CHARS {
        return Err(format!(
            "Too large to share as a link: {} KB after compression, the limit is {} KB. Your work is kept as a draft in this browser; shorten the code to get a link.",
            frag.len().div_ceil(1024),
            MAX_LINK_CHARS / 1024
        ));
    }
    Ok(frag)
}

/// Reads a fragment (with or without `#`). `Ok(None)`: no state in it.
pub fn decode(fragment: &str) -> Result<Option<Shared>, String> {
    let frag = fragment.strip_prefix('#').unwrap_or(fragment);
    if frag.is_empty() {
        return Ok(None);
    }
    if frag.len() > 4 * MAX_LINK_CHARS {
        return Err(format!(
            "the link's state is {} characters long (at most {} are read)",
            frag.len(),
            4 * MAX_LINK_CHARS
        ));
    }
    let mut version = None;
    let mut mode = None;
    let mut z = None;
    for part in frag.split('&') {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match k {
            "v" => version = Some(v),
            "mode" => mode = Some(v),
            "z" => z = Some(v),
            _ => {}
        }
    }
    let Some(version) = version else {
        return Ok(None);
    };
    if version != FORMAT_VERSION {
        return Err(format!("the link uses format version {version:?}; this build reads version {FORMAT_VERSION}"));
    }
    let mut state = match z {
        None => Shared::default(),
        Some(z) => {
            let packed = URL_SAFE_NO_PAD
                .decode(z.trim_end_matches('='))
                .map_err(|e| format!("the link's data is not valid base64url ({e})"))?;
            // Only the status: the error also carries everything inflated so far (up to 1 MB).
            let json =
                miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_STATE_BYTES).map_err(|e| {
                    match e.status {
                        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                            "the link's data is larger than 1 MB when unpacked".to_string()
                        }
                        _ => "the link's data is damaged (cut short or not compressed by gocompat)".to_string(),
                    }
                })?;
            serde_json::from_slice::<Shared>(&json)
                .map_err(|e| format!("the link's data is not a gocompat state ({e})"))?
        }
    };
    if let Some(m) = mode {
        state.mode = Some(m.to_string());
    }
    Ok(Some(state))
}
