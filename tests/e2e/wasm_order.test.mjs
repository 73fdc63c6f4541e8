// The app wasm's function order (scripts/lib/wasm-order.mjs): sort keys from Rust names, the
// name section rewritten with them, and the optimised module computing what the input computes
// with its functions in key order. Node only, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/browser.mjs';
import { crateOf, demangle, optimiseOrdered, sortKey, withSortKeys } from '../../scripts/lib/wasm-order.mjs';

/** A legacy-mangled symbol for the path segments `parts` with a hash. */
const mangled = (...parts) => `_ZN${parts.map((p) => `${p.length}${p}`).join('')}17h0123456789abcdefE`;

test('Rust names become their crate and path without the hash', () => {
  assert.equal(demangle(mangled('core', 'ptr', 'drop_in_place')), 'core::ptr::drop_in_place');
  assert.equal(demangle(mangled('_$LT$T$u20$as$u20$core..clone..Clone$GT$', 'clone')), '<T as core::clone::Clone>::clone');
  assert.equal(demangle('mount externref shim'), 'mount externref shim');
  // A generic self type files the impl under its trait's crate, a concrete one under its own.
  assert.equal(crateOf('<T as core::clone::Clone>::clone'), 'core');
  assert.equal(crateOf('<tachys::html::element::HtmlElement<E,At,Ch> as core::clone::Clone>::clone'), 'tachys');
  // Names that come demangled keep their hash at the end: the key drops it, so copies sort together.
  const a = sortKey('lede_app::pages::article::body::h9fc0ccf82ecca499', 7);
  const b = sortKey('lede_app::pages::article::body::h1111111111111111', 3);
  assert.equal(a.split('#')[0], 'lede_app|lede_app::pages::article::body');
  assert.equal(a.split('#')[0], b.split('#')[0]);
  assert.ok(b < a, 'equal paths are ordered by their index');
});

test('the optimised module computes the same with its functions in key order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-wasm-order-test-'));
  try {
    // Two exported functions whose names sort the other way round from their indices.
    const wat = `(module
      (func $${mangled('zzz', 'triple')} (export "triple") (param i32) (result i32)
        (i32.mul (local.get 0) (i32.const 3)))
      (func $${mangled('aaa', 'add_seven')} (export "add_seven") (param i32) (result i32)
        (i32.add (local.get 0) (i32.const 7))))`;
    const input = join(dir, 'in.wasm');
    const output = join(dir, 'out.wasm');
    writeFileSync(join(dir, 'in.wat'), wat);
    execFileSync(join(ROOT, 'node_modules', '.bin', 'wasm-as'), [join(dir, 'in.wat'), '-g', '-o', input]);
    const keyed = withSortKeys(readFileSync(input), input);
    assert.ok(keyed.includes(Buffer.from('aaa|aaa::add_seven#')), 'the name section holds the sort keys');
    optimiseOrdered(input, output);
    const before = await WebAssembly.instantiate(readFileSync(input));
    const after = await WebAssembly.instantiate(readFileSync(output));
    for (const x of [0, 5, -4, 1000]) {
      assert.equal(after.instance.exports.triple(x), before.instance.exports.triple(x));
      assert.equal(after.instance.exports.add_seven(x), before.instance.exports.add_seven(x));
    }
    // The export section names the function index of each export: that index is what moves.
    const exportsOf = (bytes) => {
      const out = {};
      for (let i = 8; i < bytes.length; ) {
        const id = bytes[i];
        let [size, at] = [0, i + 1];
        for (let shift = 0; ; shift += 7) {
          const b = bytes[at++];
          size |= (b & 0x7f) << shift;
          if (b < 0x80) break;
        }
        if (id === 7) {
          let p = at;
          const count = bytes[p++];
          for (let k = 0; k < count; k++) {
            const length = bytes[p++];
            const name = bytes.toString('utf8', p, p + length);
            p += length + 1; // the name, then the kind byte
            out[name] = bytes[p++];
          }
        }
        i = at + size;
      }
      return out;
    };
    const was = exportsOf(readFileSync(input));
    const now = exportsOf(readFileSync(output));
    assert.ok(was.triple < was.add_seven, 'the input defines zzz::triple first');
    assert.ok(now.add_seven < now.triple, 'the output defines aaa::add_seven first');
    assert.ok(!readFileSync(output).includes(Buffer.from('add_seven#')), 'the sort keys are stripped');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a wasm without function names is refused, naming the file', () => {
  const bare = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  assert.throws(() => withSortKeys(bare, 'bare.wasm'), /bare\.wasm: no function names/);
  assert.throws(() => withSortKeys(Buffer.from('not wasm'), 'x.txt'), /x\.txt: not a wasm file/);
});
