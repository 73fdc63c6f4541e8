// The app's wasm optimised with its functions in an order that gzip compresses better: Trunk's
// `wasm-opt -O3` is run here instead (index.html turns Trunk's off for the app), after each
// function's name is replaced by a sort key — its crate, then its path without the hash — so
// that `--reorder-functions-by-name` puts the copies of one generic function, and one crate's
// code, side by side within deflate's 32 KB window. The code is what -O3 gives either way; only
// the order of the functions changes (bench/README.md, "Where the app's wasm goes").
//
//   node scripts/lib/wasm-order.mjs IN.wasm OUT.wasm   (IN: wasm-bindgen's output, names kept)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './browser.mjs';

/** The unsigned LEB128 at `bytes[at]`: `[value, offset after it]`. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** `n` as unsigned LEB128 bytes. */
function leb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

/** The escapes of legacy mangling and the characters they stand for. */
const ESCAPES = [
  ['$LT$', '<'], ['$GT$', '>'], ['$u20$', ' '], ['$RF$', '&'], ['$BP$', '*'], ['$C$', ','],
  ['$u7b$', '{'], ['$u7d$', '}'], ['$u5b$', '['], ['$u5d$', ']'], ['$LP$', '('], ['$RP$', ')'],
  ['$u27$', "'"], ['$u3b$', ';'], ['$u21$', '!'], ['$u2b$', '+'], ['$u3d$', '='],
];

/** A legacy-mangled Rust symbol (`_ZN…E`) as its path without the hash; other names unchanged. */
export function demangle(name) {
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== 'E') {
    const m = /^\d+/.exec(name.slice(i));
    if (!m) break;
    i += m[0].length;
    parts.push(name.slice(i, i + Number(m[0])));
    i += Number(m[0]);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts
    .map((p) => {
      let part = (p.startsWith('_$') ? p.slice(1) : p).replaceAll('..', '::');
      for (const [escape, c] of ESCAPES) part = part.replaceAll(escape, c);
      return part;
    })
    .join('::');
}

/**
 * The crate a demangled path belongs to: its first segment; for `<T as Trait>::f` that of T,
 * or of the trait when T is generic or from the standard library's primitives.
 */
export function crateOf(path) {
  let s = path;
  while (s.startsWith('<')) {
    const inner = s.slice(1);
    let depth = 0;
    let cut = -1;
    let end = inner.length;
    for (let j = 0; j < inner.length; j++) {
      const c = inner[j];
      if (c === '<') depth++;
      else if (c === '>') {
        if (depth === 0) {
          end = j;
          break;
        }
        depth--;
      } else if (depth === 0 && cut < 0 && inner.startsWith(' as ', j)) cut = j;
    }
    const own = (cut >= 0 ? inner.slice(0, cut) : inner.slice(0, end))
      .replace(/^[&*]+/, '')
      .replaceAll('mut ', '')
      .replaceAll('dyn ', '')
      .replace(/^impl /, '');
    const trait = cut >= 0 ? inner.slice(cut + 4, end) : '';
    const generic = own.split('<')[0].length <= 3 || '(['.includes(own[0] ?? '') || !own.includes('::');
    s = trait && generic ? trait : own;
  }
  return /^[A-Za-z_]\w*/.exec(s.replace(/^[&*]+/, ''))?.[0] ?? s.slice(0, 30);
}

/**
 * The sort key of a function named `name` (index `index`): its crate, then its path without
 * the hash, then its index.
 */
export function sortKey(name, index) {
  // Names may come demangled already, their hash still at the end.
  const path = demangle(name).replace(/::h[0-9a-f]{16}$/, '');
  return `${crateOf(path)}|${path}#${String(index).padStart(7, '0')}`;
}

/**
 * The wasm `bytes` with the function names of its name section replaced by their sort keys
 * (every other name subsection dropped). Throws naming `where` when it has no function names.
 */
export function withSortKeys(bytes, where) {
  if (bytes.readUInt32BE(0) !== 0x0061736d) throw new Error(`${where}: not a wasm file`);
  const out = [bytes.subarray(0, 8)];
  let found = 0;
  for (let i = 8; i < bytes.length; ) {
    const id = bytes[i];
    const [size, start] = readLeb(bytes, i + 1);
    const end = start + size;
    const [nameLength, nameAt] = id === 0 ? readLeb(bytes, start) : [0, start];
    if (id === 0 && bytes.toString('utf8', nameAt, nameAt + nameLength) === 'name') {
      let at = nameAt + nameLength;
      while (at < end) {
        const sub = bytes[at];
        const [subSize, subAt] = readLeb(bytes, at + 1);
        at = subAt + subSize;
        if (sub !== 1) continue;
        let [count, p] = readLeb(bytes, subAt);
        const entries = [leb(count)];
        for (; count > 0; count--) {
          const [index, q] = readLeb(bytes, p);
          const [length, r] = readLeb(bytes, q);
          const key = Buffer.from(sortKey(bytes.toString('utf8', r, r + length), index));
          entries.push(leb(index), leb(key.length), key);
          p = r + length;
          found++;
        }
        const names = Buffer.concat(entries);
        const body = Buffer.concat([leb(4), Buffer.from('name'), Buffer.from([1]), leb(names.length), names]);
        out.push(Buffer.from([0]), leb(body.length), body);
      }
    } else {
      out.push(bytes.subarray(i, end));
    }
    i = end;
  }
  if (!found) throw new Error(`${where}: no function names (build it with wasm-bindgen's name section kept)`);
  return Buffer.concat(out);
}

/** Optimises the wasm at `input` into `output` (`wasm-opt -O3`, functions ordered, names stripped). */
export function optimiseOrdered(input, output) {
  const dir = mkdtempSync(join(tmpdir(), 'lede-wasm-order-'));
  try {
    const keyed = join(dir, 'keyed.wasm');
    writeFileSync(keyed, withSortKeys(readFileSync(input), input));
    const local = join(ROOT, 'node_modules', '.bin', 'wasm-opt');
    const wasmOpt = existsSync(local) ? local : 'wasm-opt';
    execFileSync(wasmOpt, [keyed, '-O3', '--reorder-functions-by-name', '--strip-debug', '-o', output], {
      stdio: 'inherit',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node scripts/lib/wasm-order.mjs IN.wasm OUT.wasm');
    process.exit(2);
  }
  optimiseOrdered(input, output);
}
