"""Drive the live widgets of a built chapter page in Chromium, as a student would.

Shared by ``tests/test_site_live.py`` (which checks what the page shows against the
same components' Python in CPython) and ``make bench`` (which times it). Sliders are
moved with the keyboard, drop-downs and multiple selections by selecting, toggle
buttons by clicking, and text boxes by typing and pressing Enter.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

#: what a text box is given, in order: a plain number, a word (refused), then its default back
TEXTS = ("1", "ten")


@dataclass
class Change:
    component: str  # its name (the sin-<name> class without sin-)
    control: str
    how: str  # what the student did, for messages
    before: dict  # the component's snapshot before
    after: dict  # and after
    ms: float  # from the control's change on the page to the next painted frame after its update
    alt: str  # the picture's accessible name on the page after the change


def snapshot(page, name: str) -> list[dict]:
    return [c for c in page.evaluate("window.sinLive.snapshot()") if c["name"] == name]


def _settled(page, count: int, timeout: float) -> bool:
    """Wait until the page has made more than ``count`` live updates and painted once since."""
    try:
        page.wait_for_function(
            f"window.sinLive.updates > {count} || window.sinLive.state === 'failed'", timeout=timeout * 1000
        )
    except Exception:  # noqa: BLE001 - a change that moved nothing (a slider at its end) makes no update
        return False
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return page.evaluate("window.sinLive.state") != "failed"


def actions(spec_control: dict, current) -> list[tuple[str, object]]:
    """Three things a student does to this control, from its current value."""
    kind = spec_control["kind"]
    if kind in ("int", "float"):
        return [("key", (0, "ArrowRight")), ("key", (0, "ArrowRight")), ("key", (0, "ArrowLeft"))]
    if kind == "range":
        return [("key", (0, "ArrowRight")), ("key", (1, "ArrowLeft")), ("key", (0, "ArrowLeft"))]
    if kind in ("choice", "buttons", "multi"):
        n = len(spec_control["choices"])
        if kind == "multi":
            return [("select", [0]), ("select", list(range(min(2, n)))), ("select", [n - 1])]
        others = [i for i in range(n) if i != current] or [current]
        picks = [others[0], others[len(others) // 2], others[-1]]
        return [("select" if kind == "choice" else "click", i) for i in picks]
    return [("type", TEXTS[0]), ("type", TEXTS[1]), ("type", None)]  # None: the default back


def act(widget, control: str, how: str, arg, default=None) -> None:
    box = widget.locator(f".sin-c-{control}").first
    if how == "key":
        handle, key = arg
        target = box.locator(".noUi-handle").nth(handle)
        target.focus()
        target.press(key)
    elif how == "select":
        box.locator("select").select_option(index=arg)
    elif how == "click":
        box.locator("button").nth(arg).click()
    else:
        field = box.locator("input")
        field.fill(str(default) if arg is None else arg)
        field.press("Enter")


def drive(page, name: str, spec: dict, defaults: dict, index: int = 0, timeout: float = 30.0) -> list[Change]:
    """Change each control of the ``index``-th ``name`` widget on the page three times."""
    widget = page.locator(f".jupyter-widgets.sin-{name}").nth(index)
    widget.scroll_into_view_if_needed()
    changes = []
    for control in spec["controls"]:
        for how, arg in actions(control, snapshot(page, name)[index]["values"][control["name"]]):
            before = snapshot(page, name)[index]
            count = page.evaluate("window.sinLive.updates")
            t0 = time.perf_counter()
            act(widget, control["name"], how, arg, defaults.get(control["name"]))
            ready = page.evaluate("window.sinLive.state") == "ready"
            if not _settled(page, count, 3.0 if ready else timeout):
                continue
            after = snapshot(page, name)[index]
            ms = after["painted"][-1] if after["painted"] else (time.perf_counter() - t0) * 1000
            alt = widget.locator("svg.sin-figure").first.get_attribute("aria-label")
            changes.append(
                Change(name, control["name"], f"{how} {arg!r}", before, snapshot(page, name)[index], ms, alt)
            )
    return changes
