#!/usr/bin/env node
// Generates known-item queries from a Lede corpus: for each kind, articles are drawn with a
// seeded PRNG (mulberry32) and one query is made whose target is that article.
//
//   node bench/make-queries.mjs --corpus FILE --out FILE [--per-kind N] [--seed S]
//
// Kinds (words are folded: lowercase, no diacritics; only alphabetic words of 2+ letters, no
// stopwords):
//   title   2-4 consecutive title words
//   typo    the same with one typo (substitution, deletion, insertion or transposition, never at
//           the first letter) in a word of >= 5 letters
//   prefix  2-4 consecutive title words, the last cut to 3-5 letters (shorter than the word)
//   body    three of the article's ten rarest body words of 4+ letters (document frequency, at
//           most 0.5 % of the articles, at least 2), one of >= 5 letters with a typo, in body
//           order
// A known-item query has one right answer, so the title kinds take only words that no other
// article's title holds all of (before the typo or the cut): "talking point" names dozens of
// Reuters columns and no engine can know which one was meant. Likewise the body kind takes
// only three words that no other article's body holds all of: Reuters repeats a story with
// a new figure ("41 ships waiting at Panama Canal", then "39 ships ..."), and the words of
// one fit the other just as well. When a corpus has fewer eligible
// articles than N, targets repeat with other words (queries stay distinct).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, basename } from 'node:path';
import { pathToFileURL } from 'node:url';

export const KINDS = ['title', 'typo', 'prefix', 'body'];

const STOP = new Set(
  ('a an and are as at be but by for from has have he her his in into is it its of on or our ' +
    'over says said she than that the their them they this to up was were will with after ' +
    'before about new not no you we us i his her what which who')
    .split(' '),
);

/** mulberry32: a small deterministic PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fold = (s) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘ʼ]/g, "'").toLowerCase();

/** Alphabetic folded words of 2+ letters, stopwords dropped, in order. */
function words(text) {
  const tokens = fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return tokens.filter((w) => /^[a-z]{2,}$/.test(w) && !STOP.has(w));
}

const int = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
const pick = (rand, xs) => xs[Math.floor(rand() * xs.length)];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** `word` with one typo of a random kind, never touching the first letter. */
export function typo(rand, word) {
  for (;;) {
    const op = pick(rand, ['substitution', 'deletion', 'insertion', 'transposition']);
    let out;
    if (op === 'substitution') {
      const i = int(rand, 1, word.length - 1);
      const c = pick(rand, LETTERS.replace(word[i], ''));
      out = word.slice(0, i) + c + word.slice(i + 1);
    } else if (op === 'deletion') {
      const i = int(rand, 1, word.length - 1);
      out = word.slice(0, i) + word.slice(i + 1);
    } else if (op === 'insertion') {
      const i = int(rand, 1, word.length);
      out = word.slice(0, i) + pick(rand, LETTERS) + word.slice(i);
    } else {
      const i = int(rand, 1, word.length - 2);
      if (word[i] === word[i + 1]) continue;
      out = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    }
    if (out !== word) return out;
  }
}

/** A window of 2-4 consecutive items of `xs` satisfying `ok`, or null. */
function window(rand, xs, ok) {
  const options = [];
  for (let len = 2; len <= Math.min(4, xs.length); len++) {
    for (let start = 0; start + len <= xs.length; start++) {
      const w = xs.slice(start, start + len);
      if (new Set(w).size === w.length && ok(w)) options.push(w);
    }
  }
  if (!options.length) return null;
  // Pick the length first so that short titles do not dominate long windows.
  const lens = [...new Set(options.map((w) => w.length))];
  const len = pick(rand, lens);
  return [...pick(rand, options.filter((w) => w.length === len))];
}

const MAKERS = {
  title: (rand, a) => window(rand, a.titleWords, a.distinct)?.join(' '),
  typo: (rand, a) => {
    const w = window(rand, a.titleWords, (w) => a.distinct(w) && w.some((x) => x.length >= 5));
    if (!w) return null;
    const i = pick(rand, w.flatMap((x, i) => (x.length >= 5 ? [i] : [])));
    w[i] = typo(rand, w[i]);
    return w.join(' ');
  },
  prefix: (rand, a) => {
    const w = window(rand, a.titleWords, (w) => a.distinct(w) && w[w.length - 1].length >= 4);
    if (!w) return null;
    const last = w[w.length - 1];
    w[w.length - 1] = last.slice(0, int(rand, 3, Math.min(5, last.length - 1)));
    return w.join(' ');
  },
  body: (rand, a, df, maxDf) => {
    const seen = new Set();
    const cands = a.bodyWords.filter(
      (w) => w.length >= 4 && df.get(w) <= maxDf && !seen.has(w) && seen.add(w),
    );
    const rarest = [...cands].sort((x, y) => df.get(x) - df.get(y) || (x < y ? -1 : 1));
    const pool = rarest.slice(0, 10);
    const triples = [];
    for (let x = 0; x < pool.length; x++)
      for (let y = x + 1; y < pool.length; y++)
        for (let z = y + 1; z < pool.length; z++) {
          const t = [pool[x], pool[y], pool[z]];
          if (t.some((w) => w.length >= 5) && a.distinctBody(t)) triples.push(t);
        }
    if (!triples.length) return null;
    const chosen = [...pick(rand, triples)];
    chosen.sort((x, y) => cands.indexOf(x) - cands.indexOf(y));
    const i = pick(rand, chosen.flatMap((x, i) => (x.length >= 5 ? [i] : [])));
    chosen[i] = typo(rand, chosen[i]);
    return chosen.join(' ');
  },
};

function shuffle(rand, xs) {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The query set for a parsed corpus: `{queries: [{q, target, kind}]}`. */
export function makeQueries(corpus, { perKind = 100, seed = 6 } = {}) {
  // Title word -> the articles whose title has it.
  const byTitleWord = new Map();
  const articles = corpus.articles.map((a, i) => {
    const paragraphs = a.paragraphs ?? (a.body ?? '').split('\n');
    const titleWords = words(a.title.replace(/<[^>]*>/g, ' ')); // Reuters tickers: <LSB>
    for (const w of new Set(titleWords)) {
      if (!byTitleWord.has(w)) byTitleWord.set(w, []);
      byTitleWord.get(w).push(i);
    }
    return { id: a.id, titleWords, bodyWords: words(paragraphs.join('\n')) };
  });
  // True when article `i` is the only one whose title (body) has every word of `ws`.
  const onlyOneWith = (byWord, i, ws) => {
    const lists = ws.map((w) => byWord.get(w)).sort((x, y) => x.length - y.length);
    let docs = lists[0];
    for (const list of lists.slice(1)) {
      const set = new Set(list);
      docs = docs.filter((d) => set.has(d));
    }
    return docs.length === 1 && docs[0] === i;
  };
  // Body word -> the articles whose body has it.
  const byBodyWord = new Map();
  articles.forEach((a, i) => {
    for (const w of new Set(a.bodyWords)) {
      if (!byBodyWord.has(w)) byBodyWord.set(w, []);
      byBodyWord.get(w).push(i);
    }
  });
  articles.forEach((a, i) => {
    a.distinct = (ws) => onlyOneWith(byTitleWord, i, ws);
    a.distinctBody = (ws) => onlyOneWith(byBodyWord, i, ws);
  });
  const df = new Map();
  for (const [w, docs] of byBodyWord) df.set(w, docs.length);

  // A rare word is in at most 0.5 % of the articles (at least 2).
  const maxDf = Math.max(2, Math.ceil(articles.length * 0.005));
  const queries = [];
  KINDS.forEach((kind, k) => {
    const rand = prng(seed * 1000 + k);
    const order = shuffle(rand, articles.map((_, i) => i));
    const made = new Set();
    // Pass 1 takes each article once; later passes (small corpora) make other queries for them.
    for (let pass = 0; pass < 5 && made.size < perKind; pass++) {
      for (const i of order) {
        if (made.size >= perKind) break;
        const a = articles[i];
        const q = MAKERS[kind](rand, a, df, maxDf);
        if (!q || made.has(q)) continue;
        made.add(q);
        queries.push({ q, target: a.id, kind });
      }
    }
  });
  return { queries };
}

/** JSON with one query per line (diffable, still one JSON document). */
export function formatQuerySet(set) {
  const { queries, ...head } = set;
  const top = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const lines = queries.map((q, i) => `    ${JSON.stringify(q)}${i + 1 < queries.length ? ',' : ''}`);
  return ['{', ...top, '  "queries": [', ...lines, '  ]', '}', ''].join('\n');
}

function parseArgs(argv) {
  const args = { perKind: 100, seed: 6 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--corpus') args.corpus = v();
    else if (a === '--out') args.out = v();
    else if (a === '--per-kind') args.perKind = Number(v());
    else if (a === '--seed') args.seed = Number(v());
    else if (a === '-h' || a === '--help') args.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`make-queries: ${e.message}`);
    process.exit(2);
  }
  if (args.help || !args.corpus || !args.out) {
    console.error('usage: node bench/make-queries.mjs --corpus FILE --out FILE [--per-kind N] [--seed S]');
    process.exit(args.help ? 0 : 2);
  }
  const corpus = JSON.parse(readFileSync(args.corpus, 'utf8'));
  const set = makeQueries(corpus, args);
  const out = {
    generated_by: `bench/make-queries.mjs --per-kind ${args.perKind} --seed ${args.seed}`,
    corpus: basename(args.corpus),
    articles: corpus.articles.length,
    ...set,
  };
  mkdirSync(dirname(args.out) || '.', { recursive: true });
  writeFileSync(args.out, formatQuerySet(out));
  const counts = KINDS.map((k) => `${k} ${set.queries.filter((q) => q.kind === k).length}`);
  console.error(`make-queries: ${set.queries.length} queries (${counts.join(', ')}) -> ${args.out}`);
}
