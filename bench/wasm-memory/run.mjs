#!/usr/bin/env node
// Where a loaded pack's memory goes in wasm32 (see src/lib.rs), and how long reading it takes
// (every piece pushed and the finish, in this wasm: built with the app's profile it is the
// app's reading time, without the page). Build, then run:
//   (cd bench/wasm-memory && cargo build --offline --profile wasm-release --target wasm32-unknown-unknown)
//   node bench/wasm-memory/run.mjs $CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/lede_wasm_memory.wasm DIR/corpus.lede
// It prints the memory after the last piece (before `finish`), and each part's bytes and
// allocations (every allocation also costs the allocator a header and rounding).
import { readFileSync } from 'node:fs';

const [wasmPath, packPath] = process.argv.slice(2);
if (!wasmPath || !packPath) {
  console.error('usage: node bench/wasm-memory/run.mjs LEDE_WASM_MEMORY.wasm FILE.lede');
  process.exit(2);
}
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {});
const e = instance.exports;
const bytes = readFileSync(packPath);
const mib = (b) => (b / 1048576).toFixed(1).padStart(6);
let inWasm = 0;
const timed = (f) => { const t = performance.now(); const r = f(); inWasm += performance.now() - t; return r; };
for (let at = 0; at < bytes.length; at += 65536) {
  e.phase(1 + at / 65536);
  const piece = bytes.subarray(at, at + 65536);
  const to = e.piece(); // first: it may grow the memory, which detaches the old buffer
  new Uint8Array(e.memory.buffer, to, piece.length).set(piece);
  if (!timed(() => e.push(piece.length))) throw new Error(`${packPath}: refused at byte ${at}`);
}
// LEDE_BIG=1: every live allocation of 16 KiB or more after the last piece and after finish,
// largest first, with the piece (or finish) it was made in.
const bigs = (when) => {
  if (!process.env.LEDE_BIG) return;
  const rows = new Uint32Array(e.memory.buffer, e.bigs_out(), 3 * e.bigs());
  const list = [];
  for (let i = 0; i < rows.length; i += 3) list.push([rows[i], rows[i + 1], rows[i + 2]]);
  list.sort((a, b) => b[1] - a[1]);
  const sum = list.reduce((s, r) => s + r[1], 0);
  console.log(`  ${when}: ${list.length} live allocations of 16 KiB or more, ${mib(sum)} MiB`);
  for (const [at, size, phase] of list) {
    const made = phase === 0xffffffff ? 'finish' : `piece ${phase - 1}`;
    console.log(`    ${String(size).padStart(9)} B at ${String(at).padStart(9)}, made in ${made}`);
  }
};
bigs('after the last piece');
const afterPieces = { memory: e.memory.buffer.byteLength, live: e.live_bytes(), chunks: e.chunk_bytes(), peak: e.peak_bytes() };
e.phase(0xffffffff);
if (!timed(() => e.finish())) throw new Error(`${packPath}: refused at its end`);
console.log(`${packPath} in wasm32: heap live ${mib(e.live_bytes())} MiB in ${e.live_allocations()} allocations, heap peak ${mib(e.peak_bytes())} MiB, WebAssembly memory ${mib(e.memory.buffer.byteLength)} MiB; read in ${inWasm.toFixed(0)} ms`);
console.log(`  after the last piece: memory ${mib(afterPieces.memory)} MiB, heap live ${mib(afterPieces.live)} MiB (${mib(afterPieces.chunks)} MiB with the allocator's headers and rounding), peak ${mib(afterPieces.peak)} MiB`);
console.log(`  after finish: heap live with the allocator's headers and rounding ${mib(e.chunk_bytes())} MiB`);
bigs('after finish');
const grown = new Uint32Array(e.memory.buffer, e.growths_out(), 4 * e.growths());
// LEDE_GROWTHS=1: every growth of the memory and every allocation of 256 KiB or more (phase: the
// piece, or finish), with the heap's live bytes just before it and its size.
if (process.env.LEDE_GROWTHS) {
  for (let i = 0; i < grown.length; i += 4) {
    const phase = grown[i] === 0xffffffff ? 'finish' : `piece ${grown[i] - 1}`;
    console.log(`  in ${phase.padEnd(10)} memory ${mib(grown[i + 3])} MiB: live ${mib(grown[i + 1])} MiB, allocating ${grown[i + 2]} B`);
  }
}
e.free_parts();
const parts = new Uint32Array(e.memory.buffer, e.parts_out(), 16);
['entities (per article)', 'entity summaries', 'quotes', 'tags', 'paragraphs', 'articles (the rest)', 'index', 'left']
  .forEach((name, i) => console.log(`  ${name.padEnd(24)} ${mib(parts[i])} MiB in ${String(parts[8 + i]).padStart(6)} allocations`));
