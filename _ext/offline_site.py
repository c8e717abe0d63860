"""Sphinx glue that keeps the course site offline-clean and its console quiet.

- Loads the MathJax 2 shim (course_static/course-mathjax-setup.js) before MathJax 3,
  and course_static/course-a11y.js (repairs to theme markup found by axe-core).
- Drops duplicate inline scripts: sphinx-thebe registers its configuration
  script once per read, so a page can carry ``const THEBE_JS_URL`` twice (once with filename
  None, once with '') and the
  browser logs "Identifier 'THEBE_JS_URL' has already been declared".
"""

from __future__ import annotations


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    seen: set[tuple] = set()
    unique = []
    for script in context.get("script_files", []):
        key = (str(script.filename or ""), tuple(sorted((k, str(v)) for k, v in script.attributes.items())))
        if key in seen:
            continue
        seen.add(key)
        unique.append(script)
    # In place: the list is the builder's own, which later handlers append to.
    context["script_files"][:] = unique


def setup(app):
    app.add_js_file("course-mathjax-setup.js", priority=200)
    app.add_js_file("course-a11y.js", priority=800)
    # Early: html-page-context stops at the first handler that returns a value.
    app.connect("html-page-context", _dedupe_scripts, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

