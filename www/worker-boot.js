// Starts the analysis worker (www/worker.js) while the page's wasm is still downloading, so
// that its script and glue are loaded by the time the page hands it the compiled module. The
// app adopts this worker (src/ui/worker_client.rs) and replays what it said before the app
// listened.
(function () {
  try {
    var w = new Worker('./worker.js', { type: 'module' });
    var early = [];
    w.onmessage = function (e) { early.push(e.data); };
    w.onerror = function (e) { e.preventDefault(); early.push({ error: e.message || '' }); };
    self.__gocompatWorker = { worker: w, early: early };
  } catch (e) {
    // The app starts its own worker (and reports why it cannot).
  }
})();
