// Starts the analysis worker (www/worker.js) while the page's wasm is still downloading, so
// that its script and glue are loaded by the time the page hands it the compiled module. The
// app adopts this worker (src/ui/worker_client.rs) and replays what it said before the app
// listened.
(function () {
  // An embed (embed.html) analyses its snippet on the page and starts a worker only for code
  // over the size the page takes (src/ui/app.rs, start_worker).
  if (document.documentElement.getAttribute('data-entry') === 'embed') return;
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
