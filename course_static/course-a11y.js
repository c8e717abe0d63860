// Small accessibility repairs to markup the course does not write itself
// (found by axe-core in tests/test_accessibility.py):
// - theme buttons whose aria-label hides their visible text (label-content-name-mismatch);
// - docutils' citation list, marked role="list" around non-list children;
// - ipywidgets slider handles, which carry no accessible name: give each the
//   label of its widget ("Year", "Credibility", ...).
(function () {
  function nameFromText(el) {
    var text = (el.innerText || "").replace(/\s+/g, " ").trim();
    var label = el.getAttribute("aria-label") || "";
    if (text && label.toLowerCase().indexOf(text.toLowerCase()) === -1) {
      if (text.toLowerCase().indexOf(label.toLowerCase()) === 0) {
        el.setAttribute("aria-label", text);
      } else {
        el.setAttribute("aria-label", text + (label ? " (" + label + ")" : ""));
      }
    }
  }
  function labelSliders(root) {
    root.querySelectorAll(".widget-slider, .widget-hslider, .jupyter-widget-slider").forEach(function (w) {
      var label = w.querySelector(".widget-label, label");
      var name = label ? label.textContent.trim() : "";
      w.querySelectorAll(".noUi-handle").forEach(function (h) {
        if (!h.getAttribute("aria-label")) { h.setAttribute("aria-label", name || "slider"); }
      });
    });
  }
  function repair() {
    // Icons inside a labelled control are decoration; their titles ("Light") would
    // otherwise count as visible text that the label omits.
    document.querySelectorAll("[aria-label] i, [aria-label] svg").forEach(function (icon) {
      icon.setAttribute("aria-hidden", "true");
    });
    document.querySelectorAll(".search-button-field[aria-label], button[aria-label], a.nav-link[aria-label]")
      .forEach(nameFromText);
    // The colour-mode button shows one of three icons whose titles (Light, Dark,
    // System Settings) count as its visible text: name all three in its label.
    document.querySelectorAll(".theme-switch-button").forEach(function (button) {
      var modes = Array.prototype.map.call(button.querySelectorAll("[title]"), function (i) { return i.title; });
      if (modes.length) { button.dataset.sinModes = modes.join(", "); }
      var label = "Color mode: " + (button.dataset.sinModes || "Light, Dark, System Settings");
      if (button.getAttribute("aria-label") !== label) { button.setAttribute("aria-label", label); }
    });
    document.querySelectorAll('.citation-list[role="list"]').forEach(function (el) { el.removeAttribute("role"); });
    labelSliders(document);
  }
  document.addEventListener("DOMContentLoaded", function () {
    repair();
    // Widgets render after load, and the theme's scripts (icons, tooltips) rewrite
    // the header after this runs: repair again whenever the page changes. repair()
    // only writes attributes whose value differs, so it settles at once.
    new MutationObserver(repair).observe(document.body, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["aria-label", "role"]
    });
  });
  window.addEventListener("load", repair);
})();
