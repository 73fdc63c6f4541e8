//! Lede's browser entry point: the wasm module's start only installs the panic hook (the crash panel); the app is
//! mounted by [`mount::mount`], which `web/lede-page.js` (the stand-alone page) and
//! `web/lede-explorer.js` (the `<lede-explorer>` element and `mount()` for host pages) call.

mod app;
mod components;
mod corpus_loader;
mod explorer;
mod hash_state;
mod mount;
mod own_files;
mod pages;

fn main() {
    // A panic or a wasm trap shows the crash panel (and still logs to the console).
    components::install_crash_panel();
}
