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
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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


LEARNER_DIR = "student"  # where binder/postBuild and scripts/student.py write the learner copies


def _learner_url(url: str, branch: str) -> str:
    """Point a Binder or nbgitpuller launch link at the chapter's learner copy.

    Binder: ``urlpath=lab/tree/chapters/x.ipynb`` becomes ``lab/tree/student/x.ipynb``
    (binder/postBuild writes it). nbgitpuller runs no postBuild, so its link pulls the
    ``branch`` that the Pages workflow publishes with the learner copies committed.
    """
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    out = []
    for key, value in query:
        if key == "urlpath":
            value = re.sub(r"(^|/)chapters/([^/]+\.ipynb)$", rf"\1{LEARNER_DIR}/\2", value)
        elif key == "branch" and "git-pull" in parts.path:
            value = branch
        out.append((key, value))
    return urlunsplit(parts._replace(query=urlencode(out, safe="/")))


def _learner_launch_links(app, pagename, templatename, context, doctree):
    """Rewrite the theme's launch buttons (added at priority 501) to open learner copies."""
    if not pagename.startswith("chapters/"):
        return
    branch = app.config.course_learner_branch

    def walk(buttons):
        for button in buttons:
            if isinstance(button, dict):
                url = button.get("url", "")
                if "/v2/gh/" in url or "git-pull" in url:
                    button["url"] = _learner_url(url, branch)
                walk(button.get("buttons", []))

    walk(context.get("header_buttons", []))


def setup(app):
    app.add_config_value("course_learner_branch", "learner", "html")
    app.connect("html-page-context", _learner_launch_links, priority=502)
    app.add_js_file("course-mathjax-setup.js", priority=200)
    app.add_js_file("course-a11y.js", priority=800)
    # Early: html-page-context stops at the first handler that returns a value.
    app.connect("html-page-context", _dedupe_scripts, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": _glue_version()}
