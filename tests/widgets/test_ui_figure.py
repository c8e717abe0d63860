"""A static figure cell (``ui.figure(...)`` as its last line) must show a PNG, not ``<Figure ...>``."""

from __future__ import annotations

from types import SimpleNamespace

import IPython
from IPython.core.formatters import DisplayFormatter

from widgets import ui


def _bars(fig, heights):
    fig.add_subplot().bar(range(len(heights)), heights)


def test_a_static_figure_displays_as_a_png_in_a_notebook(monkeypatch):
    formatter = DisplayFormatter()
    fig = ui.figure(_bars, [1, 2, 3])
    assert "image/png" not in formatter.format(fig)[0]  # what a kernel without pyplot did
    monkeypatch.setattr(IPython, "get_ipython", lambda: SimpleNamespace(display_formatter=formatter))
    fig = ui.figure(_bars, [1, 2, 3])
    shown, _ = formatter.format(fig)
    assert shown["image/png"].startswith(b"\x89PNG") and shown["text/plain"].startswith("<Figure")


def test_outside_ipython_figure_is_just_a_figure(monkeypatch):
    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    assert ui.figure(_bars, [1]).axes  # no shell: nothing to register, no error
