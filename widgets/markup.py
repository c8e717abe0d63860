"""The HTML of a widget's figure and sentence: one definition for the kernel and the browser.

The kernel's widgets (``widgets.ui``) and the live site (``widgets.live``) both
write these strings into the same ``HTML`` widgets, so a figure or a message
reads the same in JupyterLab and on the static site.
"""

from __future__ import annotations

from html import escape


def figure(svg: str) -> str:
    """A widget's figure: the picture's SVG (which carries its own alt text)."""
    return f'<div class="sin-picture">{svg}</div>'


def say(sentence: str) -> str:
    """A result's sentence (HTML, numbers in ``<b>``), announced politely to screen readers."""
    return f'<div role="status" aria-live="polite">{sentence}</div>'


def warn(text: str) -> str:
    """A refused input's explanation (plain text, escaped), announced at once."""
    return f'<div role="alert" style="color:#a23b00;font-weight:600">{escape(text)}</div>'


def failure(exc: Exception) -> str:
    """What a student reads when something other than their input went wrong."""
    return warn(
        f"Something went wrong ({type(exc).__name__}: {exc}). "
        "Reset the controls or re-run the cell; please report this if it persists."
    )
