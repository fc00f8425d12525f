//! `data/knowledge` is a copy of `../shared/knowledge` (see data/README.md). When the shared
//! folder is beside the clone (as in CI), the copy must be identical, except for the files
//! listed in data/CORRECTIONS.md, which record a correction made here with its evidence.
use std::path::{Path, PathBuf};

fn files(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, base, out);
        } else {
            out.push(p.strip_prefix(base).unwrap().to_path_buf());
        }
    }
}

#[test]
fn data_knowledge_matches_shared_knowledge() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/knowledge");
    let ours = root.join("data/knowledge");
    if !shared.is_dir() {
        println!("skipped: no ../shared/knowledge beside this clone (a user's clone has none)");
        return;
    }
    let corrected = std::fs::read_to_string(root.join("data/CORRECTIONS.md")).unwrap_or_default();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    files(&shared, &shared, &mut a);
    files(&ours, &ours, &mut b);
    a.sort();
    b.sort();
    let mut drift = Vec::new();
    for f in a.iter().chain(b.iter()) {
        let name = f.display().to_string();
        if corrected.contains(&format!("`{name}`")) {
            continue;
        }
        let (x, y) = (std::fs::read(shared.join(f)).ok(), std::fs::read(ours.join(f)).ok());
        if x != y {
            drift.push(name);
        }
    }
    drift.sort();
    drift.dedup();
    assert!(
        drift.is_empty(),
        "data/knowledge differs from ../shared/knowledge in {drift:?}: run scripts/sync-knowledge.sh, or record the correction in data/CORRECTIONS.md"
    );
}
