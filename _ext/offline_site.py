"""Sphinx glue that keeps the course site offline-clean and its console quiet.

- Loads the MathJax 2 shim (course_static/course-mathjax-setup.js) before MathJax 3,
  and course_static/course-a11y.js (repairs to theme markup found by axe-core).
- Drops duplicate inline scripts: sphinx-thebe registers its configuration
  script once per read, so a page can carry ``const THEBE_JS_URL`` twice (once with filename
  None, once with '') and the
  browser logs "Identifier 'THEBE_JS_URL' has already been declared".
"""

from __future__ import annotations

import hashlib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _glue_version() -> int:
    """A number that changes whenever this file or course_static/ changes.

    Sphinx rebuilds every page when an extension's env_version changes, so an
    incremental `make book` never serves pages written with old glue.
    """
    digest = hashlib.sha256()
    for path in sorted([Path(__file__), *(HERE.parent / "course_static").glob("*")]):
        digest.update(path.read_bytes())
    return int(digest.hexdigest()[:8], 16)


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
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": _glue_version()}

