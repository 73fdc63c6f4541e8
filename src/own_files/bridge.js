// The browser side of "Add your articles" that is easiest said in JavaScript: the files of a
// drop (folders walked through webkitGetAsEntry) or of a picker, the ingest Web Worker, and the
// collections kept in IndexedDB. The Rust side is src/own_files/mod.rs.

/** Every file of a drop as {path, file}, folders walked recursively (hidden entries skipped). */
export async function droppedFiles(dataTransfer) {
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
export function pickedFiles(input) {
  return Array.from(input.files || [])
    .filter((file) => !(file.webkitRelativePath || file.name).split('/').some((p) => p.startsWith('.')))
    .map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/**
 * Starts the ingest worker on {files, packs}; `onMessage` gets each message it posts (progress,
 * then done or error). Returns the Worker, so that the page can terminate it.
 */
export function startWorker(job, onMessage) {
  // Beside the app's other files: the entity model's folder (beside lede-explorer.js, which
  // names it), whatever the host page's base URL.
  const url = new URL('lede-worker_loader.js', new URL(job.model || './', document.baseURI));
  const worker = new Worker(url);
  // The job is posted once the worker says it listens (a message before that would be lost
  // while its WebAssembly loads).
  worker.onmessage = (event) => {
    // The packs' buffers are moved, not copied (the page made them for this job).
    if (event.data && event.data.type === 'ready') worker.postMessage(job, (job.packs || []).map((p) => p.buffer));
    else onMessage(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    onMessage({ type: 'error', message: `The ingest worker failed: ${event.message || 'it could not start'}` });
  };
  return worker;
}

const DB = 'lede-collections';
const STORE = 'collections';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run(mode, action) {
  return open().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = action(tx.objectStore(STORE));
    tx.oncomplete = () => { db.close(); resolve(request.result); };
    tx.onerror = () => { db.close(); reject(tx.error); };
  }));
}

/** Keeps a collection (its pack) and returns its id. */
export function saveCollection(name, articles, pack) {
  return run('readwrite', (s) => s.add({ name, articles, saved: new Date().toISOString(), pack }));
}

/** Every kept collection as {id, name, articles, saved}, oldest first. */
export async function listCollections() {
  const all = await run('readonly', (s) => s.getAll());
  return all.map(({ id, name, articles, saved }) => ({ id, name, articles, saved }));
}

/** The pack of collection `id` (a Uint8Array), or null when it is gone. */
export async function collectionPack(id) {
  const row = await run('readonly', (s) => s.get(id));
  return row ? new Uint8Array(row.pack) : null;
}

/** Removes collection `id`. */
export function removeCollection(id) {
  return run('readwrite', (s) => s.delete(id));
}

/** Asks the browser to keep the collections (true when it will not evict them). */
export async function persistStorage() {
  if (!navigator.storage || !navigator.storage.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
