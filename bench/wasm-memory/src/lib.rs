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
/// Bytes of the allocator's chunks live now: each allocation with dlmalloc's 4-byte header,
/// rounded up to 8 bytes, at least 16.
static CHUNKS: AtomicUsize = AtomicUsize::new(0);
/// What the caller is doing now (set by [`phase`]), noted with each growth of the memory.
static PHASE: AtomicUsize = AtomicUsize::new(0);
/// The memory's size when last seen.
static SEEN: AtomicUsize = AtomicUsize::new(0);
/// Each growth of the memory and each allocation of 256 KiB or more: (phase, live bytes
/// before the allocation, the allocation's size, the memory's size after it), up to
/// [`GROWTHS`] of them.
static mut GROWN: [[u32; 4]; GROWTHS] = [[0; 4]; GROWTHS];
static GROWN_N: AtomicUsize = AtomicUsize::new(0);
/// The most growths noted.
const GROWTHS: usize = 1024;
/// Allocations of at least this many bytes are listed while live ([`BIG`]).
const BIG_SIZE: usize = 16 << 10;
/// The most large allocations listed at once.
const BIGS: usize = 4096;
/// Every live allocation of [`BIG_SIZE`] bytes or more: (address, size, phase when made),
/// the first [`BIG_N`] rows used.
static mut BIG: [[u32; 3]; BIGS] = [[0; 3]; BIGS];
static BIG_N: AtomicUsize = AtomicUsize::new(0);

/// Notes a live large allocation.
fn big_add(p: *mut u8, size: usize) {
    let n = BIG_N.load(Ordering::Relaxed);
    if n < BIGS {
        let row = [p as usize, size, PHASE.load(Ordering::Relaxed)].map(|v| v as u32);
        // SAFETY: wasm32 here is single-threaded; only these functions touch the rows.
        unsafe { (*std::ptr::addr_of_mut!(BIG))[n] = row };
        BIG_N.store(n + 1, Ordering::Relaxed);
    }
}

/// Forgets a large allocation freed.
fn big_remove(p: *mut u8) {
    let n = BIG_N.load(Ordering::Relaxed);
    // SAFETY: as in `big_add`.
    let rows = unsafe { &mut (&mut *std::ptr::addr_of_mut!(BIG))[..n] };
    if let Some(i) = rows.iter().position(|r| r[0] == p as usize as u32) {
        rows[i] = rows[n - 1];
        BIG_N.store(n - 1, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            COUNT.fetch_add(1, Ordering::Relaxed);
            CHUNKS.fetch_add(chunk(layout.size()), Ordering::Relaxed);
            let before = LIVE.fetch_add(layout.size(), Ordering::Relaxed);
            PEAK.fetch_max(before + layout.size(), Ordering::Relaxed);
            if layout.size() >= BIG_SIZE {
                big_add(p, layout.size());
            }
            let memory = core::arch::wasm32::memory_size(0) * 65536;
            if memory > SEEN.swap(memory, Ordering::Relaxed) || layout.size() >= 1 << 18 {
                let n = GROWN_N.load(Ordering::Relaxed);
                if n < GROWTHS {
                    let row = [PHASE.load(Ordering::Relaxed), before, layout.size(), memory];
                    // SAFETY: wasm32 here is single-threaded; only this writes the rows.
                    unsafe { (*std::ptr::addr_of_mut!(GROWN))[n] = row.map(|v| v as u32) };
                    GROWN_N.store(n + 1, Ordering::Relaxed);
                }
            }
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        if layout.size() >= BIG_SIZE {
            big_remove(ptr);
        }
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        CHUNKS.fetch_sub(chunk(layout.size()), Ordering::Relaxed);
        COUNT.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The bytes dlmalloc's chunk for an allocation of `size` takes (wasm32: a 4-byte header,
/// 8-byte alignment, 16 bytes at least).
fn chunk(size: usize) -> usize {
    ((size + 4 + 7) & !7).max(16)
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
    parts: [u32; 16],
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

/// Sets what the caller is doing now (a number of its own), noted with each growth.
#[no_mangle]
pub extern "C" fn phase(p: u32) {
    PHASE.store(p as usize, Ordering::Relaxed);
}

/// How many growths (and large allocations) were noted.
#[no_mangle]
pub extern "C" fn growths() -> u32 {
    GROWN_N.load(Ordering::Relaxed) as u32
}

/// The growths noted: rows of (phase, live bytes before, allocation size, new memory size).
#[no_mangle]
pub extern "C" fn growths_out() -> *const u32 {
    std::ptr::addr_of!(GROWN) as *const u32
}

/// How many large allocations are live now.
#[no_mangle]
pub extern "C" fn bigs() -> u32 {
    BIG_N.load(Ordering::Relaxed) as u32
}

/// The large allocations live now: rows of (address, size, phase when made).
#[no_mangle]
pub extern "C" fn bigs_out() -> *const u32 {
    std::ptr::addr_of!(BIG) as *const u32
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

/// Bytes of the allocator's chunks live now (see [`chunk`]).
#[no_mangle]
pub extern "C" fn chunk_bytes() -> u32 {
    CHUNKS.load(Ordering::Relaxed) as u32
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
        let mut counts = Vec::new();
        let mut part = |free: &mut dyn FnMut()| {
            let (at, n) = (live_bytes(), live_allocations());
            free();
            freed.push(at - live_bytes());
            counts.push(n - live_allocations());
        };
        let articles = |c: &mut Corpus, f: &dyn Fn(&mut lede_corpus::Article)| {
            c.articles.iter_mut().for_each(f)
        };
        part(&mut || articles(&mut corpus, &|a| a.entities = Vec::new()));
        part(&mut || corpus.entities = Vec::new());
        part(&mut || articles(&mut corpus, &|a| a.quotes = Vec::new()));
        part(&mut || articles(&mut corpus, &|a| a.tags.clear()));
        part(&mut || articles(&mut corpus, &|a| a.paragraphs = Default::default()));
        part(&mut || corpus.articles = Vec::new());
        let mut index = Some(index);
        part(&mut || drop(index.take()));
        freed.push(live_bytes());
        counts.push(live_allocations());
        freed.extend(counts);
        s.parts.copy_from_slice(&freed);
    })
}

/// The bytes [`free_parts`] noted: per-article entities, the entity table, quotes, tags,
/// paragraphs, the rest of the articles, the index, and what was left; then the allocations
/// each held, in the same order.
#[no_mangle]
pub extern "C" fn parts_out() -> *const u32 {
    STATE.with_borrow(|s| s.parts.as_ptr())
}
