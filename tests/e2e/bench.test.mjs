// The side-by-side benchmark runs end to end on the demo corpus: every engine reports numbers in
// the documented JSON shape, and Lede finds every known item of its own query set.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './harness.mjs';

test('bench/run measures every engine on the demo corpus', { timeout: 600_000 }, () => {
  const out = join(ROOT, 'target', 'bench', 'demo-e2e.json');
  execFileSync(join(ROOT, 'bench', 'run'), [
    '--corpus', join(ROOT, 'target', 'demo-corpus', 'corpus.json'),
    '--queries', join(ROOT, 'bench', 'queries', 'demo.json'),
    '--json', out,
  ], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const { engines } = JSON.parse(readFileSync(out, 'utf8'));
  const kinds = new Set(JSON.parse(readFileSync(join(ROOT, 'bench', 'queries', 'demo.json'), 'utf8')).queries.map((q) => q.kind));
  assert.deepEqual(Object.keys(engines).sort(), ['flexsearch', 'fuse', 'lede', 'minisearch', 'pagefind']);
  for (const [name, e] of Object.entries(engines)) {
    for (const field of ['p50_ms', 'p95_ms', 'max_ms', 'load_ms', 'memory_bytes', 'transfer_bytes']) {
      assert.equal(typeof e[field], 'number', `${name}.${field}`);
    }
    assert.ok(e.p50_ms <= e.p95_ms && e.p95_ms <= e.max_ms, name);
    for (const k of ['overall', ...kinds]) {
      assert.ok(e.mrr10[k] >= 0 && e.mrr10[k] <= 1, `${name}.mrr10.${k}`);
      assert.ok(e.found10[k] >= e.mrr10[k], `${name}: found@10 >= MRR@10 on ${k}`);
    }
  }
  assert.equal(engines.lede.found10.overall, 1, 'Lede finds every demo target in its top 10');
  assert.ok(engines.lede.mrr10.overall >= 0.9, `Lede MRR@10 ${engines.lede.mrr10.overall}`);
});
