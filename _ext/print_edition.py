"""The printable edition (singlehtml builder) shows each widget's saved view as a still figure.

On a chapter page the widget manager draws a widget from the notebook's saved widget
state. The one-page print edition carries no widget state and no widget manager, so
its widget views would render as nothing. For the singlehtml builder only, this
extension replaces each widget-view output with static HTML built from the saved
state: the HTML models with the stable classes ``sin-output`` (the figure, PNG or SVG,
copied as saved, alt text included) and ``sin-message`` (the sentence), in order; the
values of the controls it was drawn with, as text; and a caption linking the online
chapter, where the figure is interactive. Controls themselves do not print.

It keys off the classes of ``widgets/ui.py`` and copies HTML values as saved, so it
does not depend on how a figure is encoded.
"""

from __future__ import annotations

import json
import re
from html import escape

from docutils import nodes
from sphinx import addnodes

VIEW = "application/vnd.jupyter.widget-view+json"
STATE = "application/vnd.jupyter.widget-state+json"
_VIEW_SCRIPT = re.compile(r'^\s*<script type="' + re.escape(VIEW) + r'">(.*)</script>\s*$', re.S)
_REF = "IPY_MODEL_"


def _saved_state(app, docname: str, cache: dict) -> dict:
    if docname not in cache:
        state = {}
        path = app.env.doc2path(docname)
        if str(path).endswith(".ipynb"):
            with open(path, encoding="utf-8") as handle:
                meta = json.load(handle).get("metadata", {})
            state = meta.get("widgets", {}).get(STATE, {}).get("state", {})
        cache[docname] = state
    return cache[docname]


def _children(model: dict) -> list[str]:
    kids = model.get("state", {}).get("children", [])
    return [k[len(_REF) :] for k in kids if isinstance(k, str) and k.startswith(_REF)]


def _control_value(state: dict) -> str | None:
    """A control's current value as a reader would read it, or None if it has none."""
    labels = state.get("_options_labels")
    if labels is not None:
        index = state.get("index")
        if isinstance(index, int) and 0 <= index < len(labels):
            return str(labels[index])
        if isinstance(index, (list, tuple)):
            picked = [str(labels[i]) for i in index if isinstance(i, int) and 0 <= i < len(labels)]
            return ", ".join(picked) if picked else "none"
        return None
    if "value" not in state:
        return None
    value = state["value"]
    if isinstance(value, (list, tuple)):
        return "–".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _walk(state: dict, model_id: str, parts: dict, seen: set) -> None:
    if model_id in seen or model_id not in state:
        return
    seen.add(model_id)
    model = state[model_id]
    inner = model.get("state", {})
    classes = inner.get("_dom_classes", [])
    if "sin-output" in classes:
        parts["body"].append(f'<div class="sin-print-output">{inner.get("value", "")}</div>')
    elif "sin-message" in classes:
        parts["body"].append(f'<div class="sin-print-message">{inner.get("value", "")}</div>')
    elif model.get("model_name", "").endswith("Model") and inner.get("description"):
        shown = _control_value(inner)
        if shown is not None:
            parts["controls"].append(f"{escape(str(inner['description']).rstrip(': '))}: {escape(shown)}")
    for child in _children(model):
        _walk(state, child, parts, seen)


def _widget_classes(state: dict, model_id: str) -> list[str]:
    classes = state.get(model_id, {}).get("state", {}).get("_dom_classes", [])
    return [c for c in classes if isinstance(c, str) and c.startswith("sin-")]


def still_figure(state: dict, model_id: str, chapter_href: str, chapter_title: str) -> str:
    """Static HTML for one saved widget view (the figure, the sentence, the values, a caption)."""
    parts: dict[str, list[str]] = {"body": [], "controls": []}
    _walk(state, model_id, parts, set())
    classes = " ".join(["sin-print-widget", *_widget_classes(state, model_id)])
    caption = (
        f'Interactive in the online chapter: <a href="{escape(chapter_href, quote=True)}">{escape(chapter_title)}</a>.'
    )
    if parts["controls"]:
        caption = f"Drawn with {'; '.join(parts['controls'])}. " + caption
    if not parts["body"]:
        parts["body"].append(
            '<div class="sin-print-message">This widget saved no figure; open the online chapter to use it.</div>'
        )
    return (
        f'<figure class="{escape(classes, quote=True)}" style="break-inside:avoid;margin:1em 0">'
        + "".join(parts["body"])
        + f'<figcaption class="sin-print-caption" style="font-size:0.9em;color:#444">{caption}</figcaption>'
        + "</figure>"
    )


def _source_docnames(doctree, default: str) -> dict[int, str]:
    """The document each raw node came from. singlehtml inlines every document into one tree
    under ``start_of_file`` nodes, whose children do not point back to them (``parent`` is
    unset), so walk down from each, innermost last."""
    owner: dict[int, str] = {id(raw): default for raw in doctree.findall(nodes.raw)}
    for start in doctree.findall(addnodes.start_of_file):
        for raw in start.findall(nodes.raw):
            owner[id(raw)] = start["docname"]
    return owner


def _replace_widget_views(app, doctree, docname):
    if app.builder.name != "singlehtml":
        return
    cache: dict = {}
    owner = _source_docnames(doctree, docname)
    for raw in list(doctree.findall(nodes.raw)):
        if "html" not in raw.get("format", "").split():
            continue
        match = _VIEW_SCRIPT.match(raw.astext())
        if not match:
            continue
        source = owner[id(raw)]
        try:
            model_id = json.loads(match.group(1))["model_id"]
        except (ValueError, KeyError, TypeError):
            continue
        state = _saved_state(app, source, cache)
        title = app.env.titles[source].astext() if source in app.env.titles else source
        # The print edition is served as print/ beside the online pages.
        html = still_figure(state, model_id, f"../{source}.html", title)
        raw.replace_self(nodes.raw("", html, format="html"))


def setup(app):
    app.connect("doctree-resolved", _replace_widget_views)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
