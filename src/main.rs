//! The `gocompat` binary: on wasm32 one module for both the page (the Yew app) and its
//! analysis worker (same code, so std, serde and the core's types are shipped once); the
//! command line natively.

#[cfg(target_arch = "wasm32")]
mod ui;

#[cfg(target_arch = "wasm32")]
fn main() {
    // A page has a `window`; the analysis worker (www/worker.js) does not.
    if web_sys::window().is_some() {
        ui::start();
    } else {
        ui::worker_main::start();
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main(std::env::args().skip(1).collect()));
}
