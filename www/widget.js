/*! gocompat widget.js: live Go upgrade checks in documentation pages.
 *
 *   <script src="https://GOCOMPAT/widget.js" defer></script>
 *   <pre data-gocompat data-from="1.21" data-to="1.22">package main ...</pre>
 *
 * Every element with a `data-gocompat` attribute (a <pre>, or a <div> holding the code) becomes
 * an iframe of GOCOMPAT/embed.html showing the code with its findings, and an "Open in
 * playground" link. Attributes (all optional): data-from, data-to (Go versions such as 1.21),
 * data-mode (code | env), data-readonly, data-theme (light | dark | auto), data-height (auto |
 * pixels), data-title (the iframe's title), data-state (a playground link or its "v=1&z=..."
 * fragment, instead of the element's text). Bad values are reported inside the widget.
 *
 * The code travels in the URL fragment, which is never sent to a server. With
 * data-height="auto" (the default) the embed posts {type: "gocompat:height", id, height} to
 * this page's origin only; a message is accepted only from that iframe's window, from the
 * embed's origin, with exactly that shape, and the height is clamped. Nothing is posted into
 * the iframes. Running this script twice, or calling GoCompatWidget.init() again, does not
 * duplicate widgets. No dependencies; the only global is `GoCompatWidget`.
 */
(function () {
  'use strict';
  var NS = 'GoCompatWidget';
  if (window[NS] && typeof window[NS].init === 'function') {
    window[NS].init(); // loaded twice: the first copy owns the listener and the counter
    return;
  }

  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 4000;
  // Until the embed reports its height (it does once it has rendered, and a frame scrolled
  // out of view may wait until it is scrolled into view): a guess from the number of lines
  // (21 px each, as the editor draws them) plus the bars and a one-finding panel.
  var LINE_PX = 21;
  var CHROME_PX = 330;
  var MAX_FRAGMENT = 128 * 1024;
  var MESSAGE_TYPE = 'gocompat:height';
  // The iframe may run scripts (the app is WebAssembly), keep its own origin (its Web Worker,
  // module scripts and .wasm are fetched from it) and open the playground in a new tab that is
  // not sandboxed. It may not navigate this page, submit forms, open dialogs or download.
  // allow-same-origin does not give it this page's origin: it keeps the embed's own.
  var SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

  var base = (function () {
    var s = document.currentScript;
    var src = s && s.src;
    if (!src) {
      var all = document.querySelectorAll('script[src]');
      for (var i = all.length - 1; i >= 0; i--) {
        if (/(^|\/)widget\.js([?#]|$)/.test(all[i].getAttribute('src'))) { src = all[i].src; break; }
      }
    }
    try { return new URL('.', src || location.href); } catch (e) { return null; }
  })();
  if (!base) return;
  var embedOrigin = base.origin;

  var frames = {}; // id -> {iframe, fixed}
  var counter = 0;

  function clean(text) {
    var lines = String(text).replace(/\r\n?/g, '\n').split('\n');
    while (lines.length && !lines[0].trim()) lines.shift();
    while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
    var indent = null;
    lines.forEach(function (l) {
      if (!l.trim()) return;
      var m = /^[ \t]*/.exec(l)[0];
      if (indent === null) { indent = m; return; }
      var n = 0;
      while (n < indent.length && n < m.length && indent[n] === m[n]) n++;
      indent = indent.slice(0, n);
    });
    if (indent) lines = lines.map(function (l) { return l.slice(0, indent.length) === indent ? l.slice(indent.length) : l.trim() ? l : ''; });
    return lines.length ? lines.join('\n') + '\n' : '';
  }

  function base64url(bytes) {
    var bin = '';
    for (var i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // Raw deflate made of stored (uncompressed) blocks: valid input for any inflater; used when
  // the browser has no CompressionStream("deflate-raw").
  function stored(bytes) {
    var blocks = Math.max(1, Math.ceil(bytes.length / 65535));
    var out = new Uint8Array(bytes.length + 5 * blocks);
    var o = 0;
    for (var b = 0; b < blocks; b++) {
      var chunk = bytes.subarray(b * 65535, (b + 1) * 65535);
      var len = chunk.length;
      out[o++] = b === blocks - 1 ? 1 : 0;
      out[o++] = len & 255; out[o++] = len >> 8;
      out[o++] = ~len & 255; out[o++] = (~len >> 8) & 255;
      out.set(chunk, o); o += len;
    }
    return out;
  }

  function deflateRaw(bytes) {
    if (typeof CompressionStream === 'function') {
      try {
        var stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
        return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); }, function () { return stored(bytes); });
      } catch (e) { /* fall through */ }
    }
    return Promise.resolve(stored(bytes));
  }

  function version(v) {
    if (v == null) return null;
    v = String(v).trim();
    return v.slice(0, 2) === 'go' ? v.slice(2) : v;
  }

  // The playground's share state for an element: "v=1[&mode=env]&z=...".
  function stateOf(el, mode) {
    var given = el.getAttribute('data-state');
    if (given) {
      var frag = given.slice(given.indexOf('#') + 1);
      if (frag.length <= MAX_FRAGMENT && /^v=1(&mode=(code|env))?&z=[A-Za-z0-9_-]+$/.test(frag)) return Promise.resolve(frag);
      console.warn('gocompat widget: data-state is not a gocompat link; using the element\'s text', el);
    }
    var text = clean(el.textContent || '');
    if (!text) return Promise.resolve(null);
    var state = {};
    if (mode === 'env') { state.env = text; state.mode = 'env'; } else { state.code = text; }
    var from = version(el.getAttribute('data-from'));
    var to = version(el.getAttribute('data-to'));
    if (from) state.from = from.slice(0, 40);
    if (to) state.to = to.slice(0, 40);
    return deflateRaw(new TextEncoder().encode(JSON.stringify(state))).then(function (packed) {
      return 'v=1' + (mode === 'env' ? '&mode=env' : '') + '&z=' + base64url(packed);
    });
  }

  function param(k, v) { return '&' + k + '=' + encodeURIComponent(v); }

  function fixedHeight(v) {
    var m = /^(\d{1,5})(px)?$/.exec(String(v || '').trim());
    if (!m) return null;
    var n = Number(m[1]);
    return n >= MIN_HEIGHT && n <= MAX_HEIGHT ? n : null;
  }

  function build(el) {
    el.setAttribute('data-gocompat-state', 'pending');
    var mode = (el.getAttribute('data-mode') || 'code').trim();
    var heightAttr = el.getAttribute('data-height');
    var fixed = fixedHeight(heightAttr);
    var id;
    do { id = 'gocompat-' + (++counter); } while (frames[id]);

    var box = document.createElement('div');
    box.className = 'gocompat-widget';
    box.setAttribute('data-gocompat-widget', id);
    box.style.margin = '1em 0';
    var iframe = document.createElement('iframe');
    iframe.title = el.getAttribute('data-title') || 'gocompat: what this Go code does across Go versions';
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('sandbox', SANDBOX);
    iframe.setAttribute('referrerpolicy', 'no-referrer');
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.borderRadius = '8px';
    var lines = (el.getAttribute('data-state') ? 12 : clean(el.textContent || '').split('\n').length);
    iframe.style.height = (fixed || Math.min(900, Math.max(MIN_HEIGHT, lines * LINE_PX + CHROME_PX))) + 'px';
    var open = document.createElement('a');
    open.className = 'gocompat-open';
    open.textContent = 'Open in playground';
    open.target = '_blank';
    open.rel = 'noopener';
    open.title = 'Opens the gocompat playground in a new tab';
    open.style.fontSize = '0.875em';
    var p = document.createElement('p');
    p.style.margin = '0.25em 0 0';
    p.style.textAlign = 'right';
    p.appendChild(open);
    box.appendChild(iframe);
    box.appendChild(p);

    frames[id] = { iframe: iframe, fixed: fixed !== null };
    return stateOf(el, mode).then(function (frag) {
      if (!frag) {
        delete frames[id];
        el.setAttribute('data-gocompat-state', 'empty');
        return;
      }
      var extra = '';
      if (mode !== 'code' && mode !== 'env') extra += param('mode', mode);
      var ro = el.getAttribute('data-readonly');
      if (ro !== null && !/^(false|0|no)$/i.test(ro.trim())) extra += '&readonly=1';
      var theme = el.getAttribute('data-theme');
      if (theme) extra += param('theme', theme.trim());
      if (fixed) extra += '&height=' + fixed;
      else if (heightAttr && heightAttr.trim() !== 'auto') extra += param('height', heightAttr.trim());
      extra += '&id=' + id;
      if (location.origin && location.origin !== 'null') extra += param('origin', location.origin);
      iframe.src = new URL('embed.html#' + frag + extra, base).href;
      open.href = new URL('#' + frag, base).href;
      el.parentNode.insertBefore(box, el);
      el.hidden = true;
      el.setAttribute('data-gocompat-state', 'done');
    }).catch(function (e) {
      delete frames[id];
      el.setAttribute('data-gocompat-state', 'failed');
      console.warn('gocompat widget: could not build the widget', e);
    });
  }

  function init(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var found = scope.querySelectorAll('[data-gocompat]:not([data-gocompat-state])');
    var jobs = [];
    for (var i = 0; i < found.length; i++) jobs.push(build(found[i]));
    return Promise.all(jobs).then(function () { return undefined; });
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== embedOrigin) return;
    var d = e.data;
    if (!d || typeof d !== 'object' || Object.getPrototypeOf(d) !== Object.prototype) return;
    var keys = Object.keys(d).sort();
    if (keys.length !== 3 || keys[0] !== 'height' || keys[1] !== 'id' || keys[2] !== 'type') return;
    if (d.type !== MESSAGE_TYPE || typeof d.id !== 'string' || typeof d.height !== 'number' || !isFinite(d.height)) return;
    if (!Object.prototype.hasOwnProperty.call(frames, d.id)) return;
    var f = frames[d.id];
    if (f.fixed || !f.iframe.contentWindow || e.source !== f.iframe.contentWindow) return;
    var h = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(d.height)));
    f.iframe.style.height = h + 'px';
    f.iframe.setAttribute('data-gocompat-height', String(h));
  });

  Object.defineProperty(window, NS, {
    value: Object.freeze({ version: '1', base: base.href, init: init }),
    writable: false, configurable: false, enumerable: false,
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { init(); });
  else init();
})();
