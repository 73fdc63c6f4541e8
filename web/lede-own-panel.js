// The "Add your articles" panel, loaded only when a reader first opens it (so that the page's
// first download carries none of it: issue 15, "Sizes"): a drop zone, a files and a folder
// picker, alone or beside the bundled corpus, the worker's progress with Cancel, the ingest
// report, and the collections kept in IndexedDB. The app keeps the header button, the panel's
// <section> and the corpus: `host` (src/components/add_articles.rs) explores a pack, goes back
// to the bundled articles, closes the panel and composes corpus text into a sentence; the
// ingest itself is the lede-worker binary's (worker/), started through `startWorker`.

/** One panel per app: its state outlives the <section>, which exists only while it is open. */
export function createPanel(host, startWorker) {
  const state = {
    beside: false,
    phase: { kind: 'idle' },
    worker: null,
    job: 0,
    showing: null,
    collections: [],
    kept: null,
    listError: null,
  };
  let section = null;

  const stopWorker = () => {
    if (state.worker) state.worker.terminate();
    state.worker = null;
  };
  const set = (changes) => {
    Object.assign(state, changes);
    render();
  };
  const refresh = async () => {
    try {
      set({ collections: await listCollections() });
    } catch (e) {
      set({ listError: `The kept collections could not be read: ${text(e)}` });
    }
  };
  /** Shows `pack` (a Uint8Array) as the corpus named `name`; false (and why) when it is not one. */
  const explore = (pack, name) => {
    const error = host.explore(pack, name);
    if (error) {
      set({ phase: { kind: 'stopped', message: error } });
      return false;
    }
    set({ showing: name });
    return true;
  };

  // Runs the worker on `files` (or none) after the bundled corpus (when beside: its bytes,
  // fetched again, from the browser's cache usually) and `own` ({bytes, name}).
  const run = async (files, own, name) => {
    stopWorker();
    const job = ++state.job;
    set({ phase: { kind: 'running', stage: 'model', done: 0, total: 0 } });
    const packs = [];
    const names = [];
    if (state.beside && host.hasBundled()) {
      try {
        packs.push(await fetchBytes(host.corpusUrl));
        names.push(host.corpusUrl);
      } catch (e) {
        if (state.job === job) set({ phase: { kind: 'stopped', message: `The bundled articles: ${text(e)}` } });
        return;
      }
    }
    if (state.job !== job) return;
    if (own) {
      packs.push(own.bytes);
      names.push(own.name);
    }
    const saving = files !== null;
    state.worker = startWorker({ files: files || [], packs, names, model: host.model }, (data) => {
      const type = data && data.type;
      if (type === 'progress') {
        set({ phase: { kind: 'running', stage: data.stage || '', done: data.done || 0, total: data.total || 0 } });
      } else if (type === 'done') {
        stopWorker();
        if (!explore(data.explore || new Uint8Array(0), name)) return;
        if (saving && data.own) keep(name, data.own, (data.filesIn || []).reduce((n, f) => n + (f.articles || 0), 0));
        set({ phase: { kind: 'done', summary: summary(data) } });
      } else {
        stopWorker();
        const message = type === 'error'
          ? (typeof data.message === 'string' ? data.message : 'The ingest worker failed')
          : `The ingest worker said ${text(data)}`;
        set({ phase: { kind: 'stopped', message } });
      }
    });
  };
  const keep = async (name, pack, articles) => {
    if (articles > 0) {
      try {
        await saveCollection(name, articles, pack);
        set({ kept: await persistStorage() });
      } catch (e) {
        set({ listError: `The collection could not be kept: ${text(e)}` });
      }
    }
    refresh();
  };
  const ingest = (chosen) => {
    if (chosen.length === 0) {
      set({ phase: { kind: 'stopped', message: 'No files were chosen.' } });
      return;
    }
    run(chosen, null, collectionName(chosen));
  };
  const cancel = () => {
    stopWorker();
    state.job += 1;
    set({ phase: { kind: 'stopped', message: 'Cancelled: nothing was added; the page shows what it showed before.' } });
  };
  const exploreKept = async (c) => {
    let pack;
    try {
      pack = await collectionPack(c.id);
    } catch (e) {
      set({ phase: { kind: 'stopped', message: `The collection could not be read: ${text(e)}` } });
      return;
    }
    if (!pack) set({ phase: { kind: 'stopped', message: 'The collection is no longer kept in this browser' } });
    else if (state.beside) run(null, { bytes: pack, name: c.name }, c.name);
    else if (explore(pack, c.name)) set({ phase: { kind: 'idle' } });
  };
  const removeKept = async (id) => {
    try {
      await removeCollection(id);
    } catch (e) {
      set({ listError: `The collection could not be removed: ${text(e)}` });
    }
    refresh();
  };
  const backToBundled = () => {
    if (host.back()) set({ showing: null });
  };

  /** The panel's contents, drawn afresh into the open <section> from `state`. */
  function render() {
    if (!section || !section.isConnected) return;
    const inSentence = (t) => host.inSentence(t);
    const drop = el('div', { class: 'lede-own-drop' }, 'Drop articles or a folder here: .txt, .json, .jsonl or Reuters .sgm');
    drop.addEventListener('dragover', (ev) => ev.preventDefault());
    drop.addEventListener('drop', (ev) => {
      ev.preventDefault();
      // A drop's items can only be taken while the event is being handled: the walk starts here.
      if (ev.dataTransfer) {
        droppedFiles(ev.dataTransfer).then(ingest, (e) => set({ phase: { kind: 'stopped', message: `The dropped files could not be read: ${text(e)}` } }));
      }
    });
    const picker = (label, cls, extra) => {
      const input = el('input', { type: 'file', class: cls, multiple: '', ...extra });
      if (cls === 'lede-own-folder') input.webkitdirectory = true;
      input.addEventListener('change', () => {
        const chosen = pickedFiles(input);
        input.value = '';
        ingest(chosen);
      });
      return el('label', { class: 'lede-own-pick' }, label, input);
    };
    const mode = (value, label) => {
      const input = el('input', { type: 'radio', name: 'lede-own-mode', value });
      input.checked = (value === 'beside') === state.beside;
      input.addEventListener('change', () => { state.beside = value === 'beside'; });
      return el('label', {}, input, label);
    };
    const close = el('button', { type: 'button', class: 'lede-own-close', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => host.close());
    const parts = [
      el('div', { class: 'lede-own-head' }, el('h2', {}, 'Add your articles'), close),
      el('p', { class: 'lede-own-private' }, 'Your files stay in this browser: they are read, annotated and indexed here, and nothing is uploaded.'),
      drop,
      el('div', { class: 'lede-own-pickers' },
        picker('Choose files', 'lede-own-files', { accept: '.txt,.text,.json,.jsonl,.ndjson,.sgm,.sgml' }),
        picker('Choose a folder', 'lede-own-folder', {})),
      el('fieldset', { class: 'lede-own-mode' }, el('legend', {}, 'Explore them'), mode('alone', 'alone'), mode('beside', 'beside the bundled articles')),
    ];
    const { phase } = state;
    if (phase.kind === 'running') {
      const label = {
        model: 'Loading the entity model',
        read: `Reading files: ${phase.done} of ${phase.total}`,
        parse: `Parsing files: ${phase.done} of ${phase.total}`,
        annotate: `Annotating articles: ${phase.done} of ${phase.total}`,
      }[phase.stage] || 'Building the search index';
      const bar = phase.total > 0 ? el('progress', { max: phase.total, value: phase.done }) : el('progress', {});
      const stop = el('button', { type: 'button', class: 'lede-own-cancel' }, 'Cancel');
      stop.addEventListener('click', cancel);
      parts.push(el('div', { class: 'lede-own-progress', role: 'status', 'data-stage': phase.stage },
        el('label', {}, el('span', { class: 'lede-own-stage' }, label), bar), stop));
    } else if (phase.kind === 'stopped') {
      parts.push(el('p', { class: 'lede-own-stopped', role: 'status' }, phase.message));
    } else if (phase.kind === 'done') {
      parts.push(report(phase.summary, inSentence));
    }
    parts.push(el('p', { class: 'lede-own-kept' }, state.kept === null ? ''
      : state.kept ? 'Kept in this browser for your next visit.'
        : 'Kept in this browser for your next visit; the browser may clear it if space runs low.'));
    if (state.showing !== null) {
      const back = el('button', { type: 'button', class: 'lede-own-back' }, 'Back to the bundled articles');
      back.addEventListener('click', backToBundled);
      parts.push(el('p', { class: 'lede-own-showing' }, 'Exploring ', el('strong', {}, state.showing), '. ', back));
    }
    if (state.collections.length > 0) {
      parts.push(el('h3', {}, 'Kept in this browser'), el('ul', { class: 'lede-own-collections' }, ...state.collections.map((c) => {
        const open = el('button', { type: 'button', class: 'lede-own-explore' }, 'Explore');
        open.addEventListener('click', () => exploreKept(c));
        const remove = el('button', { type: 'button', class: 'lede-own-remove' }, 'Remove');
        remove.addEventListener('click', () => removeKept(c.id));
        return el('li', { 'data-collection': c.name },
          el('span', { class: 'lede-own-collection-name' }, c.name), ' ',
          el('span', { class: 'lede-own-collection-facts' }, `${c.articles} articles, ${String(c.saved).slice(0, 10)}`),
          open, remove);
      })));
    }
    if (state.listError !== null) parts.push(el('p', { class: 'lede-own-stopped' }, state.listError));
    // The reader's place among the controls survives a redraw (a redraw comes with every
    // progress message).
    const focused = section.contains(document.activeElement) ? focusKey(document.activeElement) : null;
    section.replaceChildren(...parts);
    if (focused) section.querySelector(focused)?.focus();
  }

  return {
    /** Draws the panel into `into` (the app's freshly opened <section>) and lists the kept collections. */
    attach(into) {
      section = into;
      render();
      refresh();
    },
  };
}

/** A selector that finds a control again after a redraw: its class, and value for a radio. */
function focusKey(node) {
  const cls = node.classList && [...node.classList].find((c) => c.startsWith('lede-own-'));
  if (node.type === 'radio') return `input[name="lede-own-mode"][value="${node.value}"]`;
  return cls ? `.${cls}` : null;
}

/** The ingest report: the counts `lede ingest` prints, each file in with its articles, and
 *  every rejection and warning with where and why. */
function report(s, inSentence) {
  const [read, ingested, rejected, warnings, dropped] = s.counts;
  const counts = el('p', {
    class: 'lede-own-counts',
    'data-read': read,
    'data-ingested': ingested,
    'data-rejected': rejected,
    'data-warnings': warnings,
    'data-dropped': dropped,
  }, `${read} read, ${ingested} ingested, ${rejected} rejected, ${warnings} warnings${dropped > 0 ? `, ${dropped} duplicates dropped` : ''}`,
  ` — ${s.articles} articles to explore.`);
  const files = s.filesIn.map(({ file, articles }) =>
    el('li', { class: 'lede-own-in', 'data-file': file }, `${inSentence(file)}: ${articles} article${articles === 1 ? '' : 's'}`));
  const entries = s.entries.map(({ severity, place, reason }) =>
    el('li', { class: `lede-own-${severity}`, 'data-severity': severity },
      el('span', { class: 'lede-own-where' }, inSentence(place)), ` — ${severity}: ${inSentence(reason)}`));
  return el('div', {
    class: 'lede-own-report',
    'data-memory': s.memory,
    'data-annotators': s.annotators,
    'data-annotator-memory': s.annotatorMemory,
    'data-articles': s.articles,
  }, counts, el('ul', { class: 'lede-own-report-files' }, ...files, ...entries));
}

/** A finished job as the panel shows it; the report is `lede ingest --report`'s JSON. */
function summary(data) {
  let report = {};
  try {
    report = data.report ? JSON.parse(data.report) : {};
  } catch {
    report = {};
  }
  const count = (name) => Math.max(0, Math.trunc(Number(report[name]) || 0));
  const str = (v) => (typeof v === 'string' ? v : '');
  const entries = (Array.isArray(report.entries) ? report.entries : []).map((e) => {
    let place = str(e.file);
    if (typeof e.line === 'number') place += `, line ${e.line}`;
    else if (typeof e.record === 'number') place += `, record ${e.record + 1}`;
    return { severity: str(e.severity), place, reason: str(e.reason) };
  });
  const annotatorMemory = Number(data.annotatorMemory) || 0;
  return {
    counts: ['read', 'ingested', 'rejected', 'warnings', 'dropped'].map(count),
    filesIn: (data.filesIn || []).map((f) => ({ file: str(f.file), articles: Math.trunc(Number(f.articles) || 0) })),
    entries,
    articles: Math.trunc(Number(data.articles) || 0),
    memory: (Number(data.memory) || 0) + annotatorMemory,
    annotators: Math.trunc(Number(data.annotators) || 0),
    annotatorMemory,
  };
}

/** A name for a collection: the folder its files came from, or the first file's name and how many others. */
function collectionName(chosen) {
  const paths = chosen.map((f) => f.path).filter((p) => typeof p === 'string');
  const first = paths[0] ?? '';
  const slash = first.indexOf('/');
  if (slash >= 0) {
    const folder = first.slice(0, slash);
    if (paths.every((p) => p.startsWith(`${folder}/`))) return folder;
  }
  return paths.length > 1 ? `${first} and ${paths.length - 1} more` : first;
}

/** An element with attributes and children (strings become text). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** An error (or anything thrown) as text. */
function text(e) {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

/** Every file of a drop as {path, file}, folders walked recursively (hidden entries skipped). */
async function droppedFiles(dataTransfer) {
  const entries = [];
  for (const item of Array.from(dataTransfer.items || [])) {
    const entry = item.kind === 'file' && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) {
    return Array.from(dataTransfer.files || []).map((file) => ({ path: file.name, file }));
  }
  const out = [];
  const walk = async (entry) => {
    if (entry.name.startsWith('.')) return;
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      out.push({ path: entry.fullPath.replace(/^\//, ''), file });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      // readEntries gives the entries in batches until an empty one.
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}

/** The files of a file input as {path, file} (a folder's keep their path inside it). */
function pickedFiles(input) {
  return Array.from(input.files || [])
    .filter((file) => !(file.webkitRelativePath || file.name).split('/').some((p) => p.startsWith('.')))
    .map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** The bytes at `url` as a Uint8Array; throws naming the URL when they cannot be had. */
async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const DB = 'lede-collections';
const STORE = 'collections';

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function inStore(mode, action) {
  return openDb().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = action(tx.objectStore(STORE));
    tx.oncomplete = () => { db.close(); resolve(request.result); };
    tx.onerror = () => { db.close(); reject(tx.error); };
  }));
}

/** Keeps a collection (its pack) and returns its id. */
function saveCollection(name, articles, pack) {
  return inStore('readwrite', (s) => s.add({ name, articles, saved: new Date().toISOString(), pack }));
}

/** Every kept collection as {id, name, articles, saved}, oldest first. */
async function listCollections() {
  const all = await inStore('readonly', (s) => s.getAll());
  return all.map(({ id, name, articles, saved }) => ({ id, name, articles, saved }));
}

/** The pack of collection `id` (a Uint8Array), or null when it is gone. */
async function collectionPack(id) {
  const row = await inStore('readonly', (s) => s.get(id));
  return row ? new Uint8Array(row.pack) : null;
}

/** Removes collection `id`. */
function removeCollection(id) {
  return inStore('readwrite', (s) => s.delete(id));
}

/** Asks the browser to keep the collections (true when it will not evict them). */
async function persistStorage() {
  if (!navigator.storage || !navigator.storage.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
