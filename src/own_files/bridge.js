// The page's side of the ingest Web Worker (for a corpus the page reads in it, and for the "Add
// your articles" panel), and the panel's loader: the panel, web/lede-own-panel.js, is imported
// only when it first opens. The Rust side is src/own_files/mod.rs.

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

/**
 * The "Add your articles" panel for the app `host` speaks for: its module (web/lede-own-panel.js,
 * beside the entity model, where the worker's loader also is; in a one-file copy, the blob URL
 * `globalThis.ledeOwnPanelUrl`) imported on first use, so that the page's first download
 * carries none of it.
 */
export async function ownPanel(host) {
  // A one-file copy of the site (web/lede-save.js) holds the module inline, as a blob URL.
  const url = globalThis.ledeOwnPanelUrl
    || new URL('lede-own-panel.js', new URL(host.model || './', document.baseURI)).href;
  const { createPanel } = await import(url);
  return createPanel(host, startWorker);
}

/** Draws `panel` into `section` (the app's freshly opened panel element). */
export function attachPanel(panel, section) {
  panel.attach(section);
}
