// The analysis worker's script, a module worker (template: scripts/post_build.d/05-worker.sh
// writes dist/worker.js with the real name of the glue). The worker runs the page's own wasm
// module (src/main.rs starts the worker side when there is no window): the page posts its
// compiled WebAssembly.Module once, so the file is neither downloaded nor compiled twice.
// The glue is a copy of Trunk's under another name, so that the page's and the worker's
// imports are each one request.
import init from './__GLUE__';

let started = false;
self.onmessage = (e) => {
  if (started || !(e.data instanceof WebAssembly.Module)) return;
  started = true;
  // Instantiating runs the module's main, which replaces this handler and posts "ready".
  init({ module_or_path: e.data }).catch((err) => {
    // Thrown from a task, it reaches the page as the worker's `error` event.
    setTimeout(() => { throw new Error('the analyzer could not start: ' + err); });
  });
};
