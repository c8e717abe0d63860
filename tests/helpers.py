"""Helpers shared by several test modules (not fixtures: plain functions).

The exercise-leak helpers decide whether an exercise's expected answer can be
read in a notebook's saved outputs: the written forms a student could see
(0.3333 as 0.33, 0.333, 33.3%, ...), and a match that respects word and number
boundaries (so 23 does not match 0.235, and B does not match <b>).
"""

from __future__ import annotations

import dataclasses
import re

import nbformat

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_TEXT_KEYS = {"value", "description", "text", "placeholder", "tooltip", "_options_labels"}
_IMAGE = re.compile(r"data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+")
#: an SVG picture's numeric tick labels (``widgets.svg`` groups them): the marks of an axis's
#: scale, which say nothing of a result, as a PNG figure's pixels did not
_SCALE = re.compile(r'<g class="sin-scale">.*?</g>', re.S)


def answer_forms(value) -> list[str]:
    """Written forms of an expected answer a student could read off an output."""
    if isinstance(value, (list, tuple, set, frozenset)):  # a set leaks when written out whole
        items = sorted(str(v) for v in value)
        if len(items) == 1:  # one short label such as "c" reads as a word anywhere: not a leak
            return answer_forms(items[0]) if len(items[0]) > 2 else []
        return [", ".join(items), " and ".join(items), repr(items), str(items).replace("'", '"')]
    if isinstance(value, str):
        return sorted({value, value.replace("_", " ")})
    x = float(value)
    if x == int(x):
        return [str(int(x)), str(int(x)).replace("-", "−")]
    forms = {f"{x:.{d}f}" for d in (2, 3, 4)} | {f"{x:g}", f"{100 * x:.1f}%", f"{100 * x:.0f}%"}
    return sorted(forms | {f.replace("-", "−") for f in forms})


def appears(form: str, text: str) -> bool:
    """Does ``form`` stand on its own in ``text`` (HTML tags and images ignored)?"""
    text = re.sub(r"<[^>]+>", " ", _SCALE.sub("", _IMAGE.sub("", text)))
    if re.fullmatch(r"[−-]?[\d.]+%?", form):
        return re.search(rf"(?<![\d.]){re.escape(form)}(?!\d|\.\d)", text) is not None
    return re.search(rf"(?<!\w){re.escape(form.lower())}(?!\w)", text.lower()) is not None


def output_texts(cells) -> list[str]:
    """What a reader sees printed in these cells: stream text, plain text and HTML."""
    texts = []
    for cell in cells:
        for out in cell.get("outputs", []) if cell["cell_type"] == "code" else []:
            if "text" in out:
                texts.append("".join(out["text"]))
            for mime, data in out.get("data", {}).items():
                if mime.startswith("text/"):
                    texts.append("".join(data) if isinstance(data, list) else str(data))
    return texts


def _strings(node, keep=False):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, keep or key in _TEXT_KEYS)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, keep)
    elif isinstance(node, str) and keep:
        yield node
    elif isinstance(node, (int, float)) and not isinstance(node, bool) and keep:
        yield repr(node)


def widget_texts(nb, cells) -> list[str]:
    """Texts in the saved state of the widgets these cells display (and their children)."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    todo = [
        out["data"][WIDGET_VIEW]["model_id"]
        for cell in cells
        if cell["cell_type"] == "code"
        for out in cell.get("outputs", [])
        if WIDGET_VIEW in out.get("data", {})
    ]
    seen, texts = set(), []
    while todo:
        model = todo.pop()
        if model in seen or model not in state:
            continue
        seen.add(model)
        body = state[model].get("state", {})
        texts.extend(_strings(body))
        todo.extend(re.findall(r"IPY_MODEL_([0-9a-f]+)", repr(body)))
    return texts


def self_checks(nb) -> dict[str, int]:
    """Each self-check id in a notebook -> index of the {exercise} cell that asks it."""
    asked = {}
    for i, cell in enumerate(nb.cells):
        found = re.findall(r'check\("([^"]+)"', cell.source) if cell.cell_type == "code" else []
        for ex_id in found:
            if ex_id not in asked:
                prompts = [j for j in range(i) if "{exercise}" in nb.cells[j].source]
                asked[ex_id] = prompts[-1] if prompts else i
    return asked


def read_notebook(path):
    return nbformat.read(path, as_version=4)


#: Python's own scalar types: what a readout may hold for the browser (exact types,
#: so a numpy scalar, which subclasses float, is not one of them).
SCALARS = (type(None), bool, int, float, str)


def plain(value, *, keys: tuple = (str,), also: tuple = (), scalars: tuple = SCALARS, nested: bool = False) -> bool:
    """True if ``value`` is built only of ``scalars``, lists, tuples and dicts (keys of the
    exact types in ``keys``), of the exact types in ``also`` (a chapter's dates or enums)
    and, with ``nested``, of dataclasses whose fields are plain: what a browser-side
    Python without numpy or pandas can be handed."""
    if type(value) in scalars or type(value) in also:
        return True
    options = dict(keys=keys, also=also, scalars=scalars, nested=nested)
    if nested and dataclasses.is_dataclass(value) and not isinstance(value, type):
        return not_plain_fields(value, **options) == {}
    if type(value) in (list, tuple):
        return all(plain(v, **options) for v in value)
    if type(value) is dict:
        return all(type(k) in keys and plain(v, **options) for k, v in value.items())
    return False


def not_plain_fields(readout, **options) -> dict[str, str]:
    """A readout dataclass's fields that are not :func:`plain`, with their types (empty: all plain)."""
    fields = {f.name: getattr(readout, f.name) for f in dataclasses.fields(readout)}
    return {name: type(v).__name__ for name, v in fields.items() if not plain(v, **options)}
