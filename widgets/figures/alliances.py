"""The alliances chapter's static figure: the timeline of arrangements (matplotlib).

The widgets draw SVG pictures instead (:mod:`widgets.pictures.alliances`).
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from widgets import data, ui
from widgets.tables.alliances import START, ArrangementSpan

# --- the timeline of arrangements (a static figure) ---------------------------------------

#: arrangement type -> (colour, legend label)
TYPE_STYLES = {
    "collective_defense_multilateral": (ui.PALETTE[0], "collective defense, multilateral"),
    "collective_defense_bilateral": (ui.PALETTE[2], "collective defense, bilateral"),
    "consultation_or_partnership": (ui.PALETTE[1], "partnership / consultation"),
    "regional_organization": (ui.PALETTE[4], "regional organization"),
}


def draw_timeline(fig: Figure, spans: tuple[ArrangementSpan, ...]) -> None:
    """One bar per arrangement, from its start to its dissolution; hatched if it still exists.

    ``spans`` come in the order the arrangements began; the earliest is drawn at the top.
    """
    ax = fig.add_subplot()
    rows = spans[::-1]
    last = data.as_of("alliances").year
    for row, span in enumerate(rows):
        colour = TYPE_STYLES[span.type][0]
        hatch = "//" if span.exists else ""
        ax.barh(row, span.end - span.start, left=span.start, color=colour, hatch=hatch, edgecolor="white")
    ax.set_yticks(range(len(rows)), [s.short_name for s in rows])
    ax.set_xlabel(
        f"Year (bar: from signature, or first year recorded, to dissolution; hatched: still exists in {last})"
    )
    ax.set_xlim(START, last + 1)
    ax.grid(axis="x", alpha=0.3)
    handles = [Rectangle((0, 0), 1, 1, color=colour) for colour, _ in TYPE_STYLES.values()]
    ax.legend(handles, [label for _, label in TYPE_STYLES.values()], fontsize=8, loc="lower left")
    ui.source_note(fig, data.source_line("alliances"))
