"""The live site's Python, in CPython: the bundle alone computes what the kernel shows.

``scripts/live.py`` writes the bundle the browser imports. Here it runs in a
separate CPython that has no site-packages and refuses numpy, pandas, scipy,
networkx, matplotlib, ipywidgets, PIL and IPython, as Pyodide's core lacks them.
For every live component, each control is moved to three values as a student
would (one after another, in the same widget), and the bundle's HTML for the
page's values must equal the kernel widget's, character for character.
(``tests/test_site_live.py`` does the same in Chromium, on the built site.)
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import live as build  # noqa: E402  (scripts/live.py)

from widgets import live  # noqa: E402
from widgets.models.deterrence import GameOutcome  # noqa: E402

#: components that do not run on the live site yet, each with the reason scripts/live.py gives
NOT_YET: dict[str, str] = {}


@pytest.fixture(scope="module")
def bundle():
    return build.bundle()


def test_plain_values_cross_json_intact():
    value = {
        "tuple": (1, 2.5, "x"),
        "list": [None, True],
        "date": dt.date(2011, 3, 17),
        1999: "an int key",
        "enum": GameOutcome.STATUS_QUO,
    }
    back = live.decode(json.loads(json.dumps(live.encode(value))))
    assert back == value and isinstance(back["tuple"], tuple) and type(back["enum"]) is type(value["enum"])
    with pytest.raises(TypeError, match="not a plain value"):
        live.encode(object())


def test_every_component_is_live_but_the_listed_ones(bundle):
    _, specs, not_live = bundle
    assert not_live == NOT_YET
    assert len(specs) + len(not_live) == len(build.components())


def moves(control) -> list:
    """Three values a student might give this control, none of them its default if possible."""
    if control.kind in ("int", "float"):
        lo, hi, step = control.bounds
        mid = lo + round((hi - lo) / 2 / step) * step
        return [hi, lo, mid if control.kind == "float" else int(mid)]
    if control.kind == "range":
        lo, hi, step = control.bounds
        return [(lo, hi), (lo + step, hi), (lo, hi - step)]
    if control.kind in ("choice", "buttons"):
        options = [c for c in control.option_values() if c != control.default] or control.option_values()
        return [options[0], options[len(options) // 2], options[-1]]
    if control.kind == "multi":
        options = control.option_values()
        return [tuple(options[:1]), tuple(options[:2]), tuple(options)]
    return [str(control.default), "1", "ten"]  # text: as given, a plain number, and a word


def student_session(cls) -> list[tuple]:
    """Each control moved to each of its values, in order, on one widget: the page's values,
    the changed control, and what the kernel then shows (figure, message, the page's values)."""
    widget = cls()
    steps = []
    for control in cls.controls:
        for value in moves(control):
            before = build.page_values(widget)
            widget.inputs[control.name].value = value
            if build.page_values(widget) == before and control.sets is None:
                continue  # the control refused the value itself (outside its options): nothing happened
            page = build.page_values(widget)
            if control.sets is not None:  # the page sends the new choice with the old other controls
                page = before | {control.name: page[control.name]}
            steps.append(
                (page, control.name, widget.figure_pane.value, widget.message.value, build.page_values(widget))
            )
    return steps


def test_the_bundle_shows_what_the_kernel_shows_for_every_control(bundle):
    data, specs, _ = bundle
    found = build.components()
    cases, expected = [], []
    for name in sorted(specs):
        for page, changed, figure, message, after in student_session(found[name]):
            cases.append((name, page, changed))
            expected.append((name, changed, page, figure, message, after))
    results = build.run_in_bundle(data, cases)
    problems = []
    for (name, changed, page, figure, message, after), got in zip(expected, results):
        where = f"{name}, {changed} -> {page[changed]!r}"
        if got["message"] != message:
            problems.append(f"{where}: message differs:\n  bundle {got['message'][:200]}\n  kernel {message[:200]}")
        if "figure" in got and got["figure"] != figure:
            problems.append(f"{where}: figure differs")
        if "figure" not in got and 'role="alert"' not in got["message"]:
            problems.append(f"{where}: no figure, and no refusal either")
        if page | got.get("controls", {}) != after:
            problems.append(f"{where}: the controls it set differ from the kernel's")
    assert len(cases) >= 3 * len(specs)
    assert problems == []


def test_a_refused_value_gives_the_kernels_sentence_and_keeps_the_figure(bundle):
    data, specs, _ = bundle
    found = build.components()
    name = "alliance-deterrence"
    widget = found[name]()
    text = next(c for c in found[name].controls if c.kind == "text")
    widget.inputs[text.name].value = "ten"
    (got,) = build.run_in_bundle(data, [(name, build.page_values(widget), text.name)])
    assert "figure" not in got and got["message"] == widget.message.value and 'role="alert"' in got["message"]


def test_the_check_fails_when_the_bundle_lacks_a_module(bundle):
    """Break the bundle on purpose: without widgets/data.py a readout cannot run."""
    data, specs, _ = bundle
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            if item.filename != "widgets/data.py":
                dst.writestr(item, src.read(item))
    (got,) = build.run_in_bundle(broken.getvalue(), [("nato-membership", {"year": 2004})])
    assert "figure" not in got and "Something went wrong" in got["message"]


def test_a_shipped_table_must_be_plain(monkeypatch):
    import pandas as pd

    from widgets.tables import orientation

    monkeypatch.setattr(orientation, "counts", lambda: pd.Series([1, 2]))
    with pytest.raises(SystemExit, match="shipped but not plain"):
        build.tables()


def test_the_bundle_holds_no_module_that_needs_the_scientific_stack(bundle):
    data, _, _ = bundle
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.endswith(".py"):
                imported = build.module_imports(zf.read(name).decode())
                assert not imported & set(build.BLOCKED), (name, imported & set(build.BLOCKED))


def test_writing_the_bundle_twice_gives_the_same_bytes():
    assert build.bundle()[0] == build.bundle()[0]


def test_the_bundle_ships_the_sorted_shuffles_and_the_page_uses_them(bundle):
    """The rank test's sorted rows travel in the bundle (no second of sorting on the first change).

    Break them on purpose: a bundle whose rows are other valid shuffles gives other p-values.
    """
    from widgets.models import rank_test

    data, _, _ = bundle
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        shipped = {name: zf.read(name) for name in zf.namelist() if "/shuffles-" in name}
    assert list(shipped) == ["sin-live/shuffles-32-9999-0.bin"]
    assert shipped["sin-live/shuffles-32-9999-0.bin"] == rank_test.flat_rows(32, 9999, 0)

    name = "burden-exploitation"
    widget = build.components()[name]()
    (same,) = build.run_in_bundle(data, [(name, build.page_values(widget))])
    assert same["message"] == widget.message.value
    other = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(other, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            dst.writestr(item, bytes(reversed(body)) if item.filename in shipped else body)
    (changed,) = build.run_in_bundle(other.getvalue(), [(name, build.page_values(widget))])
    assert "p = " in changed["message"] and changed["message"] != widget.message.value
