//! What a path is before anything reads it: a directory, a regular file (with its size), or
//! something ingest refuses with a reason (a missing path, a symlink loop, a broken symlink, a
//! named pipe, a device or a socket, a file over the size limit), and whether a file is one of
//! Lede's own outputs.

use std::collections::HashSet;
use std::fs::{self, FileType};
use std::io::Read;
use std::path::{Path, PathBuf};

/// A path the walk may read.
pub(crate) enum Entry {
    /// A directory (symlinks followed).
    Dir,
    /// A regular file (symlinks followed) of this many bytes.
    File,
}

/// The default cap on one input file's size: 64 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Classifies `path`, or says why it cannot be read: files over `max_bytes` are refused with
/// their size and the limit.
pub(crate) fn classify(path: &Path, max_bytes: u64) -> Result<Entry, String> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => return Err(why_unreachable(path, &e)),
    };
    let kind = meta.file_type();
    if kind.is_dir() {
        return Ok(Entry::Dir);
    }
    if !kind.is_file() {
        return Err(format!(
            "not a regular file ({}); not read",
            special_kind(&kind)
        ));
    }
    if meta.len() > max_bytes {
        return Err(too_large(meta.len(), max_bytes));
    }
    Ok(Entry::File)
}

/// The rejection of a file of `size` bytes over the limit of `max_bytes`.
pub(crate) fn too_large(size: u64, max_bytes: u64) -> String {
    format!(
        "the file is {}, over the limit of {} for one input file (raise it with \
         --max-file-size)",
        human_bytes(size),
        human_bytes(max_bytes)
    )
}

/// A byte count as `512 bytes`, `3.2 KB` or `64.0 MB` (powers of 1024).
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if n < 1024 {
        return format!("{n} bytes");
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {} ({n} bytes)", UNITS[unit])
}

/// Reads a regular file whole, refusing it (without reading past the limit) when it holds more
/// than `max_bytes`: a file can grow between the walk and the read.
pub(crate) fn read_capped(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    let file = fs::File::open(path).map_err(|e| format!("cannot read: {}", describe(&e)))?;
    let mut bytes = Vec::new();
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {}", describe(&e)))?;
    if bytes.len() as u64 > max_bytes {
        let size = fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(too_large(size.max(bytes.len() as u64), max_bytes));
    }
    Ok(bytes)
}

/// An IO error in words, without the `(os error N)` tail.
fn describe(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// Why `fs::metadata` failed on `path`: a symlink loop and a broken symlink are named as such.
fn why_unreachable(path: &Path, e: &std::io::Error) -> String {
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        match follow_links(path) {
            Followed::Loop => {
                return "a symlink loop (the link leads back to itself); not read".into()
            }
            Followed::Dangling(target) => {
                return format!(
                    "a broken symlink: it points to {}, which does not exist",
                    target.display()
                )
            }
            Followed::Other => {}
        }
    }
    if e.kind() == std::io::ErrorKind::NotFound {
        "no such file or directory".into()
    } else {
        format!("cannot read: {}", describe(e))
    }
}

/// Where following a chain of symlinks ends.
enum Followed {
    /// Back at a link already passed.
    Loop,
    /// At a path that does not exist.
    Dangling(PathBuf),
    /// Somewhere else (a permission error, too many links).
    Other,
}

/// Follows the symlinks from `path` one by one (at most 64).
fn follow_links(path: &Path) -> Followed {
    let mut seen = HashSet::new();
    let mut at = path.to_path_buf();
    for _ in 0..64 {
        let Ok(meta) = fs::symlink_metadata(&at) else {
            return Followed::Dangling(at);
        };
        if !meta.file_type().is_symlink() {
            return Followed::Other;
        }
        // Compare links by where they are, so `a -> b -> a` is caught whatever spelling.
        let key = at
            .parent()
            .and_then(|p| p.canonicalize().ok())
            .map(|p| p.join(at.file_name().unwrap_or_default()))
            .unwrap_or_else(|| at.clone());
        if !seen.insert(key) {
            return Followed::Loop;
        }
        let Ok(target) = fs::read_link(&at) else {
            return Followed::Other;
        };
        at = match at.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    Followed::Loop
}

/// What a non-regular, non-directory file is, in words.
fn special_kind(kind: &FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO): reading it could wait forever";
        }
        if kind.is_char_device() {
            return "a character device such as /dev/zero: reading it may never end";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    let _ = kind;
    "a special file"
}

/// What kind of Lede output a file is, told by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedeOutput {
    /// A corpus JSON (`"format": "lede-corpus"` first).
    Corpus,
    /// A pack (`lede ingest --pack`).
    Pack,
    /// A search index (`lede ingest --index`).
    Index,
    /// An ingest report (`lede ingest --report`).
    Report,
}

impl LedeOutput {
    /// The kind in words.
    pub fn describe(self) -> &'static str {
        match self {
            LedeOutput::Corpus => "a Lede corpus",
            LedeOutput::Pack => "a Lede pack",
            LedeOutput::Index => "a Lede search index",
            LedeOutput::Report => "a Lede ingest report",
        }
    }
}

/// The kind of Lede output `head` (a file's first bytes, 256 are enough) starts like, if any.
/// A corpus is what `lede ingest` writes: `format` as the first field.
pub fn lede_output_kind(head: &[u8]) -> Option<LedeOutput> {
    if head.starts_with(b"LEDEPACK") {
        return Some(LedeOutput::Pack);
    }
    if head.starts_with(b"LEDEIDX\0") {
        return Some(LedeOutput::Index);
    }
    let text = String::from_utf8_lossy(head);
    let mut rest = text.trim_start().strip_prefix('{')?.trim_start();
    let key = rest.strip_prefix('"')?;
    let end = key.find('"')?;
    let (key, after) = (&key[..end], &key[end + 1..]);
    rest = after.trim_start().strip_prefix(':')?.trim_start();
    match key {
        "format" if rest.starts_with("\"lede-corpus\"") => Some(LedeOutput::Corpus),
        "read"
            if rest.starts_with(|c: char| c.is_ascii_digit()) && text.contains("\"ingested\"") =>
        {
            Some(LedeOutput::Report)
        }
        _ => None,
    }
}

/// The kind of Lede output the file at `path` is, if it is one (read from its first bytes).
pub fn lede_output_at(path: &Path) -> Option<LedeOutput> {
    let mut head = [0u8; 256];
    let mut file = fs::File::open(path).ok()?;
    let mut filled = 0;
    while filled < head.len() {
        match file.read(&mut head[filled..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => filled += n,
        }
    }
    lede_output_kind(&head[..filled])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lede_outputs_are_told_by_their_first_bytes() {
        assert_eq!(
            lede_output_kind(b"{\"format\":\"lede-corpus\",\"version\":1"),
            Some(LedeOutput::Corpus)
        );
        assert_eq!(
            lede_output_kind(b"{\n  \"format\": \"lede-corpus\",\n"),
            Some(LedeOutput::Corpus)
        );
        assert_eq!(
            lede_output_kind(b"{\n  \"read\": 11,\n  \"ingested\": 5,"),
            Some(LedeOutput::Report)
        );
        assert_eq!(lede_output_kind(b"LEDEPACK\x01\0"), Some(LedeOutput::Pack));
        assert_eq!(lede_output_kind(b"LEDEIDX\0\x02"), Some(LedeOutput::Index));
        assert_eq!(lede_output_kind(b"{\"articles\": []}"), None);
        assert_eq!(lede_output_kind(b"{\"title\": \"format\"}"), None);
        assert_eq!(lede_output_kind(b"Headline\nText"), None);
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_bytes(512), "512 bytes");
        assert_eq!(human_bytes(64 * 1024 * 1024), "64.0 MB (67108864 bytes)");
        assert!(too_large(70 << 20, 64 << 20).contains("70.0 MB"));
    }
}
