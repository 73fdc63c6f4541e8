//! Finds the research-only shared data (`../shared` beside the repository) for tests. When it
//! is absent a test skips with a printed notice, unless `LEDE_REQUIRE_SHARED=1`, when it fails.

use std::path::PathBuf;

/// The repository root (this crate lives at `crates/lede-testdata`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root exists")
}

/// True when `LEDE_REQUIRE_SHARED` is set to `1` (as `.ci/run` does).
pub fn shared_required() -> bool {
    std::env::var("LEDE_REQUIRE_SHARED").is_ok_and(|v| v == "1")
}

/// The path `rel` inside the shared folder (`LEDE_SHARED_DIR`, default `../shared`), or `None`
/// after printing a skip notice for `test` when it is missing.
///
/// # Panics
/// When the path is missing and [`shared_required`] is true.
pub fn shared_path(test: &str, rel: &str) -> Option<PathBuf> {
    let base = std::env::var_os("LEDE_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared"));
    let path = base.join(rel);
    if path.exists() {
        return Some(path);
    }
    assert!(
        !shared_required(),
        "{test}: {} is missing and LEDE_REQUIRE_SHARED=1",
        path.display()
    );
    println!(
        "SKIPPED {test}: {} is absent (research-only data, not in the repository)",
        path.display()
    );
    None
}
