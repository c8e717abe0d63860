"""The live site's Python: one widget update, from the page's control values to its HTML.

On the static site the course's own Python runs in the browser, on the Pyodide
interpreter core (standard library only). ``scripts/live.py`` writes, at build
time, the bundle it imports: the course's pure modules, a stand-in for each
tables module holding its shipped values (``widgets.shipped``), and one spec per
live component (its readout, its picture and its controls' choices). The page's
JavaScript calls :func:`update` with the controls' values and puts the returned
HTML into the widget's figure and sentence: the same readout, picture and markup
that the kernel's component uses, so both show the same thing.

Values cross the JavaScript boundary as JSON; :func:`encode` and :func:`decode`
keep tuples, dates and the course's enums intact on the way.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import json
import os
from typing import Any, Callable

from widgets import markup
from widgets.models import rank_test
from widgets.models.inputs import InputError

#: component name -> {"readout": "module:function", "picture": ..., "controls": [...]}
COMPONENTS: dict[str, dict] = {}
#: tables module -> {"functions": {name: encoded value}, "constants": {...}}
TABLES: dict[str, dict] = {}


# -- plain values through JSON ----------------------------------------------------------
def encode(value: Any) -> Any:
    """A plain value as JSON data, tagging what JSON would lose (tuples, dates, enums, int keys)."""
    if isinstance(value, enum.Enum):
        cls = type(value)
        return {"$enum": f"{cls.__module__}:{cls.__qualname__}", "value": encode(value.value)}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, (tuple, list)):
        items = [encode(v) for v in value]
        return items if isinstance(value, list) else {"$tuple": items}
    if isinstance(value, dict):
        return {"$dict": [[encode(k), encode(v)] for k, v in value.items()]}
    raise TypeError(f"{type(value).__name__} is not a plain value; the live site cannot receive it")


def decode(data: Any) -> Any:
    """The inverse of :func:`encode`."""
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        return data
    if "$tuple" in data:
        return tuple(decode(v) for v in data["$tuple"])
    if "$date" in data:
        return dt.date.fromisoformat(data["$date"])
    if "$dict" in data:
        return {decode(k): decode(v) for k, v in data["$dict"]}
    if "$enum" in data:
        return _attribute(data["$enum"])(decode(data["value"]))
    raise ValueError(f"not an encoded value: {sorted(data)}")


def _attribute(path: str) -> Any:
    module, _, name = path.partition(":")
    obj = importlib.import_module(module)
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


# -- the bundle's stand-in tables ---------------------------------------------------------
def stored(module: str, name: str) -> Callable[[], Any]:
    """A shipped table function's stand-in: returns the value computed at build time."""
    cache: list = []

    def value():
        if not cache:
            cache.append(decode(TABLES[module]["functions"][name]))
        return cache[0]

    value.__name__ = value.__qualname__ = name
    return value


def constant(module: str, name: str) -> Any:
    return decode(TABLES[module]["constants"][name])


# -- one update ---------------------------------------------------------------------------
def arguments(spec: dict, raw: dict) -> dict[str, Any]:
    """The readout's keyword arguments from the page's control values.

    Sliders and text boxes send their value; a drop-down or toggle sends the index of
    its option, and a multiple selection the indices of its options, because the
    widget's model on the page holds indices, not the Python values behind them.
    """
    out = {}
    for control in spec["controls"]:
        name, kind, value = control["name"], control["kind"], raw[control["name"]]
        if kind in ("choice", "buttons"):
            value = decode(control["choices"][int(value)])
        elif kind == "multi":
            value = tuple(decode(control["choices"][int(i)]) for i in value)
        elif kind == "range":
            value = tuple(value)
        out[name] = value
    return out


def page_value(control: dict, value: Any) -> Any:
    """What the page's model holds for ``value``: its option's index for a choice."""
    if control["kind"] in ("choice", "buttons"):
        return [decode(c) for c in control["choices"]].index(value)
    return value


def preset(spec: dict, changed: str | None, values: dict[str, Any]) -> dict[str, Any]:
    """The controls the ``changed`` one sets (``Control.sets``), as the kernel's base applies them."""
    control = next((c for c in spec["controls"] if c["name"] == changed), None)
    if control is None or not control.get("sets") or not values[changed]:
        return {}
    return dict(_attribute(control["sets"])(values[changed]))


def update(name: str, raw_json: str, changed: str | None = None) -> str:
    """The HTML for component ``name`` at these control values, as JSON.

    ``{"figure": ..., "message": ...}`` on success; on a refused input only
    ``{"message": ...}`` (the kernel's sentence: the figure stays), as the
    kernel's guarded path does. If the ``changed`` control sets others, their new
    page values come back as ``"controls"``, for the page to show.
    """
    spec = COMPONENTS[name]
    out: dict[str, Any] = {}
    try:
        values = arguments(spec, json.loads(raw_json))
        others = preset(spec, changed, values)
        if others:
            values.update(others)
            controls = {c["name"]: c for c in spec["controls"]}
            out["controls"] = {key: page_value(controls[key], v) for key, v in others.items()}
        result = _attribute(spec["readout"])(**values)
        picture = _attribute(spec["picture"])(result)
    except InputError as exc:
        return json.dumps(out | {"message": markup.warn(str(exc))})
    except Exception as exc:  # noqa: BLE001 - shown to the reader, as in the kernel
        return json.dumps(out | {"message": markup.failure(exc)})
    return json.dumps(out | {"figure": markup.figure(picture), "message": markup.say(result.sentence)})


def shuffles_file(row: int, size: int, seed: int) -> str:
    """The bundle's file of :func:`widgets.models.rank_test.flat_rows` for these arguments."""
    return f"shuffles-{row}-{size}-{seed}.bin"


def load(root: str) -> list[str]:
    """Read the bundle unpacked at ``root`` (at start-up in the browser); the names of the live components.

    Its specs and tables, and its sorted shuffles, which the permutation tests would
    otherwise spend 0.6 s drawing and sorting on the first change.
    """
    folder = f"{root}/sin-live"
    with open(f"{folder}/components.json", encoding="utf-8") as specs:
        COMPONENTS.update(json.load(specs))
    with open(f"{folder}/tables.json", encoding="utf-8") as shipped:
        TABLES.update(json.load(shipped))
    for name in os.listdir(folder):
        if name.startswith("shuffles-") and name.endswith(".bin"):
            row, size, seed = map(int, name[len("shuffles-") : -len(".bin")].split("-"))
            with open(f"{folder}/{name}", "rb") as rows:
                rank_test.remember_rows(row, size, seed, rows.read())
    return sorted(COMPONENTS)
