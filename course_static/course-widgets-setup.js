// Runs after require.js and before the widget manager (embed-amd.js).
// The manager finds its fonts relative to its own module URL, which require.js
// derives from baseUrl; point baseUrl at our vendored copy so that every page,
// at any depth, loads fonts from _static/vendor/ and never from a CDN.
(function () {
  var script = document.querySelector('script[src*="vendor/requirejs/require.js"]');
  if (!script || typeof require === "undefined") { return; }
  require.config({ baseUrl: new URL("../", script.src).href });
})();
