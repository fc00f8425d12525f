// Starts the analysis worker while the page's own wasm is still downloading, so that cold
// load → first diagnostics is max(app, worker) rather than app + worker. The app adopts this
// worker (src/ui/worker_client.rs) and replays what it said before the app listened.
(function () {
  try {
    var w = new Worker('./worker_loader.js');
    var early = [];
    w.onmessage = function (e) { early.push(e.data); };
    w.onerror = function (e) { e.preventDefault(); early.push({ error: e.message || '' }); };
    self.__gocompatWorker = { worker: w, early: early };
  } catch (e) {
    // The app starts its own worker (and reports why it cannot).
  }
})();
