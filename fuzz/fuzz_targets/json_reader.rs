//! The JSON and JSONL input reader, through the whole per-file ingest (decode, detect, map,
//! check ids) on any bytes: every record is ingested or rejected, and the counts add up.
#![no_main]

use std::path::Path;

use lede_ingest::{ingest_bytes, IngestOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.json", "fuzz.jsonl"] {
        let out = ingest_bytes(Path::new(name), data, &IngestOptions::default());
        assert_eq!(out.read, out.ingested() + out.rejected() + out.dropped);
        for a in &out.articles {
            assert!(!a.id.trim().is_empty() && !a.title.trim().is_empty());
        }
    }
});
