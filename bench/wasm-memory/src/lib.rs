//! Where the memory of a loaded pack goes in wasm32 (pointers and `usize` of 4 bytes, the
//! platform's own allocator): `run.mjs` copies a pack in 64 KiB pieces into [`piece`], calls
//! [`push`] for each and [`finish`], reads the counts, then [`free_parts`] frees the corpus's
//! parts one by one, writing what each held into [`parts_out`]. Not part of the app.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

use lede_corpus::Corpus;
use lede_search::pack::PackReader;
use lede_search::Index;

/// The system allocator, counting live bytes, their peak and live allocations.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            COUNT.fetch_add(1, Ordering::Relaxed);
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        COUNT.fetch_sub(1, Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes of one piece of the pack.
const PIECE: usize = 64 * 1024;

/// What a run holds between calls (wasm32 here is single-threaded).
#[derive(Default)]
struct State {
    piece: Vec<u8>,
    reader: Option<PackReader>,
    loaded: Option<(Corpus, Index)>,
    parts: [u32; 8],
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// Where the caller writes the next piece (up to 64 KiB).
#[no_mangle]
pub extern "C" fn piece() -> *mut u8 {
    STATE.with_borrow_mut(|s| {
        s.piece.resize(PIECE, 0);
        s.piece.as_mut_ptr()
    })
}

/// Reads the first `len` bytes of the piece; 0 when the pack is refused.
#[no_mangle]
pub extern "C" fn push(len: u32) -> u32 {
    STATE.with_borrow_mut(|s| {
        let reader = s.reader.get_or_insert_with(PackReader::new);
        reader.push(&s.piece[..len as usize]).is_ok() as u32
    })
}

/// The corpus and index of the pieces read; 0 when the pack is refused.
#[no_mangle]
pub extern "C" fn finish() -> u32 {
    STATE.with_borrow_mut(|s| match s.reader.take().map(PackReader::finish) {
        Some(Ok(loaded)) => {
            s.loaded = Some(loaded);
            1
        }
        _ => 0,
    })
}

/// Heap bytes allocated now.
#[no_mangle]
pub extern "C" fn live_bytes() -> u32 {
    LIVE.load(Ordering::Relaxed) as u32
}

/// The most heap bytes allocated at once.
#[no_mangle]
pub extern "C" fn peak_bytes() -> u32 {
    PEAK.load(Ordering::Relaxed) as u32
}

/// Allocations live now.
#[no_mangle]
pub extern "C" fn live_allocations() -> u32 {
    COUNT.load(Ordering::Relaxed) as u32
}

/// Frees the loaded corpus part by part, then the index, noting the bytes each held.
#[no_mangle]
pub extern "C" fn free_parts() {
    STATE.with_borrow_mut(|s| {
        let Some((mut corpus, index)) = s.loaded.take() else {
            return;
        };
        let mut freed = Vec::new();
        let mut part = |free: &mut dyn FnMut()| {
            let at = live_bytes();
            free();
            freed.push(at - live_bytes());
        };
        let articles = |c: &mut Corpus, f: &dyn Fn(&mut lede_corpus::Article)| {
            c.articles.iter_mut().for_each(f)
        };
        part(&mut || articles(&mut corpus, &|a| a.entities = Vec::new()));
        part(&mut || corpus.entities = Vec::new());
        part(&mut || articles(&mut corpus, &|a| a.quotes = Vec::new()));
        part(&mut || articles(&mut corpus, &|a| a.tags.clear()));
        part(&mut || articles(&mut corpus, &|a| a.paragraphs = Vec::new()));
        part(&mut || corpus.articles = Vec::new());
        let mut index = Some(index);
        part(&mut || drop(index.take()));
        freed.push(live_bytes());
        s.parts.copy_from_slice(&freed);
    })
}

/// The bytes [`free_parts`] noted: per-article entities, the entity table, quotes, tags,
/// paragraphs, the rest of the articles, the index, and what was left.
#[no_mangle]
pub extern "C" fn parts_out() -> *const u32 {
    STATE.with_borrow(|s| s.parts.as_ptr())
}
