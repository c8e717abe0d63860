// The live site: every course widget recomputes in the browser, with the course's own Python.
//
// The page shows each widget from its saved state (the widget manager). This script
// notices when a student changes a control, and only then starts the Python runtime
// (the Pyodide interpreter core, served from this site) with the course's bundle
// (_static/live/course.zip, written by scripts/live.py). Each change calls
// widgets.live.update(name, values), the same readout, picture and markup the kernel
// runs, and writes the returned HTML into the widget's figure and sentence models,
// which the manager redraws. No formula lives here; nothing the student types is
// evaluated (values travel as JSON to the models' own input checks).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || typeof window.require === "undefined") { return; }
  var STATIC = new URL("./", script.src).href;            // .../_static/
  var PYODIDE = STATIC + "vendor/pyodide/";
  var models = new Map();                                 // model id -> widget model
  var owners = null;                                      // control model id -> component
  var runtime = null;                                     // Promise of {update}
  var liveNames = null;                                   // Promise of the live components' names
  var live = { models: models, state: "idle", updates: 0, errors: [] };
  window.sinLive = live;                                  // read by the browser tests and make bench
  // Each component on the page: its name, control values, figure and sentence as the page holds them.
  live.snapshot = function () {
    if (owners === null) { owners = readOwners(); }
    var seen = [];
    owners.forEach(function (owner) { if (seen.indexOf(owner.component) < 0) { seen.push(owner.component); } });
    return seen.map(function (c) {
      var values = {};
      Object.keys(c.controls).forEach(function (name) { values[name] = value(models.get(c.controls[name])); });
      return { id: c.id, name: c.name, values: values, updates: c.updates || 0, ms: c.ms || [], painted: c.painted || [],
               figure: models.get(c.figure).get("value"), message: models.get(c.message).get("value") };
    });
  };

  // 1. Keep every widget model the manager creates (it does not expose them), and
  //    hear its changes. This runs before the manager renders (it renders on "load").
  window.require(["@jupyter-widgets/base"], function (base) {
    var initialize = base.WidgetModel.prototype.initialize;
    base.WidgetModel.prototype.initialize = function (attributes, options) {
      initialize.apply(this, arguments);
      var model = this;
      models.set(options.model_id, model);
      model.on("change:value change:index", function () { changed(options.model_id); });
    };
  });

  // 2. Which controls belong to which component: read from the page's saved widget state.
  function readOwners() {
    var state = {};
    document.querySelectorAll('script[type="application/vnd.jupyter.widget-state+json"]').forEach(function (s) {
      try { Object.assign(state, JSON.parse(s.textContent).state); } catch (e) { /* not ours */ }
    });
    var found = new Map();
    Object.keys(state).forEach(function (id) {
      var classes = state[id].state._dom_classes || [];
      if (classes.indexOf("sin-widget") < 0) { return; }
      var name = classes.filter(function (c) { return c !== "sin-widget" && c.indexOf("sin-") === 0; })[0];
      var component = { id: id, name: name.slice(4), controls: {}, figure: null, message: null, busy: false, again: false };
      (function walk(modelId) {
        var entry = state[modelId];
        if (!entry) { return; }
        var cls = entry.state._dom_classes || [];
        cls.forEach(function (c) {
          if (c.indexOf("sin-c-") === 0) {
            component.controls[c.slice(6)] = modelId;
            found.set(modelId, { component: component, control: c.slice(6) });
          }
        });
        if (cls.indexOf("sin-output") >= 0) { component.figure = modelId; }
        if (cls.indexOf("sin-message") >= 0) { component.message = modelId; }
        (entry.state.children || []).forEach(function (child) { walk(String(child).replace("IPY_MODEL_", "")); });
      })(id);
    });
    return found;
  }

  function element(component) {
    var views = [];
    document.querySelectorAll(".sin-" + component.name).forEach(function (el) { views.push(el); });
    return views;
  }

  function status(component, text, kind) {
    element(component).forEach(function (el) {
      var note = el.querySelector(":scope > .sin-live-status");
      if (!text) { if (note) { note.remove(); } return; }
      if (!note) {
        note = document.createElement("div");
        note.className = "sin-live-status";
        note.setAttribute("role", "status");
        el.appendChild(note);
      }
      note.dataset.kind = kind || "info";
      note.textContent = text;
    });
  }

  // 3. A control changed: start the runtime if needed, then recompute its component.
  function changed(modelId) {
    if (owners === null) { owners = readOwners(); }
    var owner = owners.get(modelId);
    if (!owner || owner.component.applying) { return; }
    var component = owner.component;
    component.changed = owner.control;
    component.t0 = performance.now();   // for make bench: from this change to the painted update
    names().then(function (list) {
      if (list.indexOf(component.name) < 0) { return; }
      if (live.state !== "ready") { status(component, "Starting the live figure (the first time takes a few seconds)…"); }
      start().then(function (py) {
        status(component, null);
        recompute(component, py);
      }, function (error) {
        status(component, "This figure cannot recompute in this browser (" + error.message + "). " +
          "To run the chapter live, open it in JupyterLab or Binder with the launch button at the top of the page.", "error");
      });
    });
  }

  function names() {
    if (!liveNames) {
      liveNames = fetch(STATIC + "live/components.json").then(function (r) {
        if (!r.ok) { throw new Error("live/components.json: " + r.status); }
        return r.json();
      }).catch(function () { return []; });
    }
    return liveNames;
  }

  function start() {
    if (runtime) { return runtime; }
    live.state = "starting";
    live.started = performance.now();
    var boot = (async function () {
      if (typeof WebAssembly !== "object") { throw new Error("no WebAssembly"); }
      var mod = await import(PYODIDE + "pyodide.mjs");
      var py = await mod.loadPyodide({ indexURL: PYODIDE, stdout: function () {}, stderr: function (t) { live.errors.push(t); } });
      var response = await fetch(STATIC + "live/course.zip");
      if (!response.ok) { throw new Error("live/course.zip: " + response.status); }
      py.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: "/course" });
      py.runPython(
        "import sys\nsys.path.insert(0, '/course')\nfrom widgets import live\nlive.load('/course')");
      var update = py.globals.get("live").update;
      live.state = "ready";
      live.ready = performance.now();
      return { update: update };
    })();
    // A file that never arrives (a proxy that holds it) must not leave "Starting…" forever.
    runtime = Promise.race([boot, new Promise(function (_, reject) {
      setTimeout(function () { reject(new Error("it took longer than 60 seconds to start")); }, 60000);
    })]);
    runtime.catch(function (error) { live.state = "failed"; live.errors.push(String(error)); });
    return runtime;
  }

  function value(model) {
    var index = model.get("index");
    return index === undefined ? model.get("value") : index;
  }

  function recompute(component, py) {
    if (component.busy) { component.again = true; return; }
    component.busy = true;
    var values = {};
    Object.keys(component.controls).forEach(function (name) {
      values[name] = value(models.get(component.controls[name]));
    });
    var t0 = performance.now();
    try {
      var out = JSON.parse(py.update(component.name, JSON.stringify(values), component.changed));
      if (out.controls) {   // the changed control set others (a recorded vote sets the fifteen votes)
        component.applying = true;
        Object.keys(out.controls).forEach(function (name) {
          var model = models.get(component.controls[name]);
          model.set(model.get("index") === undefined ? "value" : "index", out.controls[name]);
        });
        component.applying = false;
      }
      if (out.figure !== undefined) { models.get(component.figure).set("value", out.figure); }
      models.get(component.message).set("value", out.message);
      var ms = performance.now() - t0;
      live.updates += 1;
      component.updates = (component.updates || 0) + 1;
      (component.ms = component.ms || []).push(ms);
      live.last = { name: component.name, values: values, ms: ms };
      var since = component.t0;
      requestAnimationFrame(function () { (component.painted = component.painted || []).push(performance.now() - since); });
    } catch (error) {
      live.errors.push(String(error));
    }
    component.busy = false;
    if (component.again) { component.again = false; recompute(component, py); }
  }
})();
