"""Building blocks shared by every interactive component.

Why these choices:
- A widget's figure is its picture (SVG text, ``widgets.pictures``) inside an
  ``HTML`` widget. Its state is saved into the notebook, so the static site
  shows the figure without a kernel, and the live site rewrites the same widget.
- The chapters' static figures are drawn with matplotlib's object API (never
  pyplot), so a figure is never shown twice and never leaks between cells.
- Every handler runs inside :func:`guarded`, so a bad value shows a sentence in
  the widget rather than a traceback.
- Stable CSS classes (``sin-widget``, ``sin-<name>``, ``sin-output``, ``sin-message``)
  let the browser tests find a widget and its output.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import ipywidgets as W
import matplotlib
from matplotlib.figure import Figure

from widgets import markup
from widgets.models.inputs import InputError

#: Colour-blind-safe palette (Okabe and Ito, 2008); also the style's colour cycle.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")

#: The course's one matplotlib style (white face, constrained layout, Okabe-Ito, font sizes).
STYLE = Path(__file__).with_name("course.mplstyle")


@contextmanager
def course_style() -> Iterator[None]:
    """Draw inside this to get the course style without touching global settings."""
    with matplotlib.rc_context(fname=str(STYLE)):
        yield


def new_figure(width: float = 6.4, height: float = 3.4) -> Figure:
    """A white-background figure that renders the same in light and dark mode."""
    with course_style():
        return Figure(figsize=(width, height), dpi=100, facecolor="white", layout="constrained")


def drawn(draw: Callable, width: float, height: float, *args) -> tuple[Figure, Any]:
    """A new figure with ``draw(fig, *args)`` drawn on it in the course style; and what draw returned."""
    fig = new_figure(width, height)
    with course_style():
        return fig, draw(fig, *args)


def figure(draw: Callable, result, width: float = 6.4, height: float = 3.4) -> Figure:
    """A chapter's static figure: the widget's own drawing of ``result``, in one call.

    A notebook cell that ends with this call shows the figure as a PNG (the output
    that mystnb's caption and alt text attach to).
    """
    fig, _ = drawn(draw, width, height, result)
    _show_figures_as_png()
    return fig


def _figure_png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", facecolor="white", metadata={"Software": None})
    return buffer.getvalue()


def _show_figures_as_png() -> None:
    """Have IPython display a Figure as a PNG. Importing pyplot registers this through
    the inline backend; the course never imports pyplot, so without it a returned
    figure would show only as its text repr, ``<Figure size ...>``."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["image/png"].for_type(Figure, _figure_png)


def source_note(fig: Figure, text: str) -> None:
    """Put a figure's source line under it, inside the constrained layout."""
    fig.supxlabel(text, x=0.01, ha="left", fontsize=7, color="#444")


class FigurePane(W.HTML):
    """Shows a component's picture (SVG with its alt text), as the live site does."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("sin-output")

    def show_svg(self, svg: str) -> None:
        """Show a picture's SVG (``widgets.pictures``), as the live site does."""
        self.value = markup.figure(svg)


class Message(W.HTML):
    """One line of feedback under a widget; announced politely to screen readers."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("sin-message")

    def say(self, text: str) -> None:
        self.value = markup.say(text)

    def warn(self, text: str) -> None:
        self.value = markup.warn(text)


def guarded(message: Message, action: Callable[[], None]) -> bool:
    """Run ``action``; show a bad input's explanation instead of raising.

    Returns True when the action succeeded. Any other error is shown too: a
    student should never be left with a traceback in front of them.
    """
    try:
        action()
    except InputError as exc:
        message.warn(str(exc))
        return False
    except Exception as exc:  # noqa: BLE001 - shown to the reader, not swallowed silently
        message.value = markup.failure(exc)
        return False
    return True
