//! The ServeMux pattern parser and conflict relation: newline-separated patterns are
//! parsed in both dialects and registered into a model mux.
#![no_main]
use gocompat::rules::mux::pattern::{
    clean_path, describe_conflict, go_quote, parse_pattern, path_clean, path_unescape, registration_error,
    valid_method, Dialect, MuxModel, Relationship,
};
use libfuzzer_sys::fuzz_target;

fn inverse(r: Relationship) -> Relationship {
    match r {
        Relationship::MoreGeneral => Relationship::MoreSpecific,
        Relationship::MoreSpecific => Relationship::MoreGeneral,
        r => r,
    }
}

fuzz_target!(|data: &[u8]| {
    let _ = path_unescape(data);
    let _ = path_clean(data);
    let _ = clean_path(data);
    let _ = go_quote(data);
    let _ = valid_method(data);
    for dialect in [Dialect::Go122, Dialect::Go123] {
        let mut mux = MuxModel::default();
        let mut parsed = Vec::new();
        for (i, s) in data.split(|&b| b == b'\n').take(16).enumerate() {
            let reg = registration_error(s, dialect);
            match parse_pattern(s, dialect) {
                Ok(p) => {
                    assert!(reg.is_none() || s.is_empty());
                    let _ = p.display();
                    if let Err(k) = mux.register(p.clone(), i) {
                        let old = &mux.patterns[k].0;
                        assert!(p.conflicts_with(old) && old.conflicts_with(&p));
                        let _ = describe_conflict(&p, old);
                    }
                    parsed.push(p);
                }
                Err(e) => {
                    assert!(reg.is_some());
                    let _ = e.to_string();
                }
            }
        }
        for a in &parsed {
            for b in &parsed {
                let ab = a.compare_paths_and_methods(b);
                let ba = b.compare_paths_and_methods(a);
                assert_eq!(ab, inverse(ba), "{:?} vs {:?}", a.display(), b.display());
                assert_eq!(a.conflicts_with(b), b.conflicts_with(a));
                let _ = ab.go_name();
            }
        }
    }
});
