// Loaded on every page before MathJax 3. The ipywidgets HTML manager still calls
// the MathJax 2 API (MathJax.Hub.Queue) to typeset widget labels; MathJax 3 has
// no Hub, so a page with both maths and widgets would throw. MathJax 3 replaces
// window.MathJax with its own object as it loads, so a property setter gives
// every object assigned there a small Hub that forwards to typesetPromise.
(function () {
  var hub = {
    Queue: function (args) {
      var element = args && args[2];
      var mj = window.MathJax;
      if (mj && mj.typesetPromise && element) {
        mj.typesetPromise([element]).catch(function () {});
      }
    }
  };
  var current = window.MathJax || {};
  current.Hub = hub;
  Object.defineProperty(window, "MathJax", {
    configurable: true,
    enumerable: true,
    get: function () { return current; },
    set: function (value) {
      if (value && typeof value === "object" && !value.Hub) { value.Hub = hub; }
      current = value;
    }
  });
})();
