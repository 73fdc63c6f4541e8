//! Helpers the CLI's integration tests share: writing input files and running the `lede` binary.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Writes `bytes` to `dir/rel`, making its folders.
#[allow(dead_code)]
pub fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// Runs the `lede` binary built for these tests with `args`.
pub fn lede(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .output()
        .expect("the lede binary runs")
}

/// A run's standard error as text.
#[allow(dead_code)]
pub fn stderr(run: &Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}
