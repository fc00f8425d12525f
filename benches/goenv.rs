//! `cargo bench --profile release-native --bench goenv`: time to resolve each real or
//! reconstructed `go env` paste in data/knowledge/goenv-samples (parse, infer, simulate
//! defaults, checks), plus the GODEBUG resolution for a go.mod. Prints figures; asserts nothing.
use std::time::Instant;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/knowledge/goenv-samples");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let opts = gocompat::goenv::Options::default();
    const N: u32 = 200;
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let _ = gocompat::goenv::analyze_bytes(&bytes, &opts); // warm the lazily parsed tables
        let t = Instant::now();
        for _ in 0..N {
            std::hint::black_box(gocompat::goenv::analyze_bytes(std::hint::black_box(&bytes), &opts));
        }
        let per = t.elapsed() / N;
        println!(
            "goenv  {:<40} {:>6} B  {:>8.3} ms/paste",
            f.file_name().unwrap().to_string_lossy(),
            bytes.len(),
            per.as_secs_f64() * 1e3
        );
    }
    let inputs = gocompat::godebug::Inputs {
        go_mod: Some("module x\n\ngo 1.21\n\ngodebug (\n\thttpmuxgo121=0\n)\n".into()),
        env: Some("panicnil=1,stackguard=1".into()),
        ..Default::default()
    };
    let _ = gocompat::godebug::resolve(&inputs);
    let t = Instant::now();
    for _ in 0..N {
        std::hint::black_box(gocompat::godebug::resolve(std::hint::black_box(&inputs)));
    }
    println!("godebug resolve (go 1.21 + godebug block + env)      {:>8.3} ms", (t.elapsed() / N).as_secs_f64() * 1e3);
}
