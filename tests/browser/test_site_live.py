"""Every widget on every chapter page recomputes in Chromium, offline, with the course's Python.

For each live component on each chapter page, every control is changed three
times as a student would (sliders by keyboard, drop-downs by selection, toggles by
click, text boxes by typing). After each change the page's figure and sentence
must equal, character for character, what the same component's Python returns
in this CPython process for the values the page now holds; the picture's
accessible name follows; the figure changes; a word typed where a number belongs
shows the kernel's own refusal. No request may leave 127.0.0.1 and the console
stays clean.
"""

from __future__ import annotations

import json
import sys
from html import escape

import pytest

from conftest import ROOT
from test_site import open_page

sys.path.insert(0, str(ROOT / "scripts"))

import live as build  # noqa: E402
import live_browser  # noqa: E402

from widgets import live  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.site]

CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("*.ipynb"))


@pytest.fixture(scope="module")
def specs():
    _, found, _ = build.bundle()
    live.COMPONENTS.update(found)
    return found


def on_page(page) -> list[str]:
    return [c["name"] for c in page.evaluate("window.sinLive.snapshot()")]


@pytest.mark.parametrize("stem", CHAPTERS)
def test_every_widget_on_the_page_recomputes_as_in_python(browser, site_url, specs, stem):
    context, page, problems = open_page(browser, f"{site_url}/chapters/{stem}.html")
    page.locator(".jupyter-widgets.sin-widget").first.wait_for(state="visible", timeout=20000)
    names = on_page(page)
    assert names, f"{stem}: no live widget found on the page"
    assert set(names) <= set(specs), f"{stem}: not live: {set(names) - set(specs)}"
    components = build.components()
    report = []
    for name in dict.fromkeys(names):
        defaults = {c.name: c.default for c in components[name].controls}
        for index in range(names.count(name)):
            changes = live_browser.drive(page, name, specs[name], defaults, index)
            moved = {c.control for c in changes}
            assert moved == {c["name"] for c in specs[name]["controls"]}, (
                f"{name}: no update after {set(defaults) - moved}"
            )
            changed_figure = set()
            for change in changes:
                where = f"{stem}: {name}, {change.control}: {change.how}"
                after = change.after
                expected = json.loads(live.update(name, json.dumps(after["values"]), change.control))
                assert after["message"] == expected["message"], f"{where}: sentence differs from Python's"
                if "figure" in expected:
                    assert after["figure"] == expected["figure"], f"{where}: figure differs from Python's"
                    shown = escape(change.alt, quote=True)
                    assert f'aria-label="{shown}"' in expected["figure"], (
                        f"{where}: alt text {shown!r} not updated for {after['values']}"
                    )
                    if after["figure"] != change.before["figure"]:
                        changed_figure.add(change.control)
                else:
                    assert 'role="alert"' in after["message"], f"{where}: no figure and no refusal"
                    assert after["figure"] == change.before["figure"], f"{where}: a refusal must keep the figure"
            for control in specs[name]["controls"]:
                if control["kind"] == "text":
                    refused = [c for c in changes if c.control == control["name"] and "'ten'" in c.how]
                    assert refused and 'role="alert"' in refused[0].after["message"], (
                        f"{name}: typing 'ten' into {control['name']} was not refused"
                    )
            assert changed_figure, f"{name}: no change moved the figure"
            report.append((name, len(changes)))
    assert page.evaluate("window.sinLive.errors") == []
    assert problems == [], "\n".join(problems)
    context.close()


def test_the_live_runtime_starts_only_when_a_student_changes_a_control(browser, site_url):
    context, page, problems = open_page(browser, f"{site_url}/chapters/orientation.html")
    page.locator(".sin-nato-membership .noUi-handle").first.wait_for(timeout=20000)
    fetched = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not [u for u in fetched if "pyodide" in u or "course.zip" in u], "the runtime loaded before any change"
    assert page.evaluate("window.sinLive.state") == "idle"
    context.close()


def test_a_blocked_runtime_leaves_the_saved_state_and_says_where_to_run_live(browser, site_url):
    context = browser.new_context()
    context.route("**/pyodide.mjs", lambda route: route.abort())  # as a filter that blocks scripts would
    page = context.new_page()
    page.goto(f"{site_url}/chapters/orientation.html", wait_until="load")
    widget = page.locator(".jupyter-widgets.sin-nato-membership")
    widget.locator(".noUi-handle").first.wait_for(timeout=20000)
    saved = widget.locator(".sin-message").inner_text()
    handle = widget.locator(".noUi-handle").first
    handle.focus()
    handle.press("ArrowRight")
    page.wait_for_function("window.sinLive.state === 'failed'", timeout=30000)
    note = widget.locator(".sin-live-status")
    note.wait_for(timeout=5000)
    assert "JupyterLab or Binder" in note.inner_text()
    assert widget.locator(".sin-message").inner_text() == saved
    assert widget.locator("svg.sin-figure").count() == 1
    context.close()
