// Registers the service worker (sw.js, written by scripts/post_build.d/90-service-worker.sh) so
// that the page works offline after one visit. An external file: the Content-Security-Policy
// allows no inline script besides Trunk's loader. Skipped where service workers do not exist
// (file://, old browsers, some private modes) and in frames; the page works the same without one.
// <html data-offline> says what happened: "ready" (this page can be reloaded offline),
// "unavailable" (registration failed; see the console).
'use strict';
(function () {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  // The embed (embed.html, <html data-entry="embed">) runs inside other sites' pages, where
  // browsers refuse service workers to sandboxed or third-party frames: it does without.
  if (document.documentElement.getAttribute('data-entry') === 'embed' || window.top !== window) return;
  var script = new URL('sw.js', document.currentScript ? document.currentScript.src : location.href);
  var root = document.documentElement;
  // After the page's own load, so that caching the app does not compete with starting it.
  window.addEventListener('load', function () {
    navigator.serviceWorker.register(script).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function () {
      root.setAttribute('data-offline', 'ready');
    }).catch(function (err) {
      root.setAttribute('data-offline', 'unavailable');
      console.warn('gocompat: offline use is not available:', err && err.message ? err.message : err);
    });
  });
})();
