"""The burden-sharing widgets' pictures: shares against the guidelines, the alliance game, GDP against share.

Each ``picture_…(readout)`` returns the figure as SVG text (:mod:`widgets.svg`), with
the marks, labels, legends and source lines of the matplotlib figures they replace.
Two things :mod:`widgets.svg` does not draw are written here with its
``attributes``: hatched fills (an SVG pattern, as matplotlib's ``hatch``) and
legends with dashed lines, hatched boxes and rings.
"""

from __future__ import annotations

from html import escape

from widgets import data
from widgets.readouts.burden_sharing import (
    ALLY_NAMES,
    SCALE_MAX,
    AllianceGameReadout,
    ExploitationReadout,
    GuidelineReadout,
)
from widgets.svg import DASHES, INK, PALETTE, PT, Canvas, attributes, fmt, nice_ticks, text_width
from widgets.tables import burden_sharing as tables


def _sources(*datasets: str) -> str:
    """The datasets' source lines as one note."""
    lines = [data.source_line(name).removeprefix("Source: ").removesuffix(".") for name in datasets]
    return ("Sources: " if len(lines) > 1 else "Source: ") + "; ".join(lines) + "."


def _text(
    x: float, y: float, s: str, size: float, color: str = INK, anchor: str = "start", baseline="middle", weight=None
):
    return (
        f"<text {attributes(x=x, y=y, font_size=round(size * PT, 1), fill=color, text_anchor=anchor, dominant_baseline=baseline, font_weight=weight)}>"
        f"{escape(s)}</text>"
    )


def _hatch(uid: str, name: str, ground: str, ink: str, cross: bool = False, step: float = 9.0) -> tuple[str, str]:
    """An SVG pattern of diagonal lines (``//``; ``cross``: ``xx``) and the fill that uses it."""
    pid = f"{uid}-{name}"
    s = fmt(step)
    lines = f"M0,{s}L{s},0M{fmt(-step / 2)},{fmt(step / 2)}L{fmt(step / 2)},{fmt(-step / 2)}M{fmt(step / 2)},{fmt(1.5 * step)}L{fmt(1.5 * step)},{fmt(step / 2)}"
    if cross:
        lines += f"M0,0L{s},{s}M{fmt(-step / 2)},{fmt(step / 2)}L{fmt(step / 2)},{fmt(1.5 * step)}M{fmt(step / 2)},{fmt(-step / 2)}L{fmt(1.5 * step)},{fmt(step / 2)}"
    pattern = (
        f"<pattern {attributes(id=pid, patternUnits='userSpaceOnUse', width=step, height=step)}>"
        f"<rect {attributes(width=step, height=step, fill=ground)}/>"
        f"<path {attributes(d=lines, stroke=ink, stroke_width=1.0)}/></pattern>"
    )
    return pattern, f"url(#{pid})"


def _swatch(kind: tuple, cx: float, cy: float) -> str:
    """A legend's mark, 16 px wide, centred vertically on ``cy`` and starting at ``cx``."""
    if kind[0] == "box":
        _, fill, edge = kind
        return f"<rect {attributes(x=cx + 1, y=cy - 4, width=14, height=8, fill=fill, stroke=edge, stroke_width=1.0 if edge else None)}/>"
    if kind[0] == "line":
        _, color, dash, width = kind
        return f"<line {attributes(x1=cx, y1=cy, x2=cx + 16, y2=cy, stroke=color, stroke_width=width, stroke_dasharray=DASHES.get(dash, dash))}/>"
    _, fill, edge, r = kind  # a dot or a ring
    return f"<circle {attributes(cx=cx + 8, cy=cy, r=r, fill=fill, stroke=edge or 'none', stroke_width=1.3 if edge else None)}/>"


def _key(x0: float, y0: float, items, size: float, columns: int = 1, frame: bool = True, column_width=None) -> str:
    """A legend with its top left at (x0, y0): ``items`` are (swatch, label), filled column by column."""
    rows = -(-len(items) // columns)
    row_h = size * PT * 1.55
    cell = column_width or max(text_width(label, size) for _, label in items) + 28
    out = []
    if frame:
        w, h = cell * columns + 6, rows * row_h + 6
        out.append(
            f"<rect {attributes(x=x0, y=y0, width=w, height=h, fill='white', fill_opacity=0.85, stroke='#ccc', rx=2)}/>"
        )
    for i, (kind, label) in enumerate(items):
        cx, cy = x0 + 6 + (i // rows) * cell, y0 + 3 + row_h / 2 + (i % rows) * row_h
        out.append(_swatch(kind, cx, cy))
        out.append(_text(cx + 21, cy, label, size))
    return "".join(out)


# ----------------------------------------------------------------- 1. guideline chart


def picture_guidelines(readout: GuidelineReadout) -> str:
    """One bar per Ally, the 2% and 3.5% lines and the reader's own line."""
    n = len(readout.names)
    canvas = Canvas(640, 640, source=_sources(tables.SHARES))
    # matplotlib's axes at (0.2, 0.2, 0.77, 0.75) of the figure: the names go left of it
    ax = canvas.axes(left=128, top=32, right=19, bottom=128 - 13 * len(canvas.source_lines) - 4)
    ax.set(
        xlim=(0, SCALE_MAX), ylim=(n - 0.4, -0.6), yticks=[], grid="x", xlabel="Defence expenditure (percent of GDP)"
    )
    below = PALETTE[5]
    colours = [PALETTE[0] if meets else below for meets in readout.meets]
    ax.hbars(range(n), readout.values, height=0.7, color=colours)
    first, second = readout.lines
    for value, dash in zip(readout.lines, ("-", "--")):
        ax.vline(value, color=PALETTE[7], width=1.2, dash=dash)
    if readout.on_scale:
        ax.vline(readout.own, color=PALETTE[3], width=1.5, dash=":")
    for i, (name, value) in enumerate(zip(readout.names, readout.values)):
        ax.text(0, i, name, size=7.5, anchor="end", dx=-6.4, clip=False)
        ax.text(value + 0.04, i, f"{value:.2f}", size=6.5, color="#333", clip=False)
    canvas.text(ax.left + ax.width / 2, ax.top - 8, readout.title, size=10, anchor="middle", baseline="auto")
    items = [
        (("box", PALETTE[0], None), f"at or above {first:g}%"),
        (("box", below, None), f"below {first:g}%"),
        (("line", PALETTE[7], "-", 1.2), f"{first:g}% guideline"),
        (("line", PALETTE[7], "--", 1.2), f"{second:g}% core defence (The Hague, 2025)"),
        (("line", PALETTE[3], ":", 1.5), "your own line"),
    ]
    widths = (150, 215, 110)  # the three columns, as matplotlib's ncol=3 lays them out
    x0 = 0.58 * canvas.width - sum(widths) / 2
    legend_top = ax.top + ax.height + 52
    for column, start in enumerate((0, 2, 4)):
        canvas.extra.append(
            _key(
                x0 + sum(widths[:column]),
                legend_top,
                items[start : start + 2],
                7,
                frame=False,
                column_width=widths[column],
            )
        )
    return canvas.svg(readout.alt, uid="burden-guideline")


# ----------------------------------------------------------------- 2. alliance game


def picture_alliance_game(readout: AllianceGameReadout) -> str:
    """Left: each ally's equilibrium and efficient defence; right: the totals and the gap."""
    uid = "burden-game"
    canvas = Canvas(720, 340)
    top_a, top_t = readout.limits
    # the two panels 1.5 : 1 wide, as matplotlib's width_ratios
    left, gap, right = 52, 78, 6
    w_a = (canvas.width - left - gap - right) * 0.6
    ax = canvas.axes(left=left, top=24, right=canvas.width - left - w_a, bottom=28)
    at = canvas.axes(left=left + w_a + gap, top=24, right=right, bottom=28)
    efficient_pattern, efficient_fill = _hatch(uid, "efficient", PALETTE[1], "white")
    gap_pattern, gap_fill = _hatch(uid, "gap", "white", PALETTE[3], cross=True, step=11)
    canvas.extra.insert(0, f"<defs>{efficient_pattern}{gap_pattern}</defs>")

    ax.set(
        xlim=(-0.529, 2.529),
        ylim=(0, top_a),
        yticks=nice_ticks(0, top_a, target=9),  # as matplotlib's ticks on an axes this tall
        xticks=[(i, name) for i, name in enumerate(ALLY_NAMES)],
        grid="y",
        ylabel="Defence bought (income units)",
    )
    xs = range(len(ALLY_NAMES))
    ax.bars([x - 0.2 for x in xs], readout.equilibrium, width=0.38, color=PALETTE[0])
    ax.bars([x + 0.2 for x in xs], readout.efficient, width=0.38, color=efficient_fill, edge="white")
    if readout.n == 2:
        ax.text(2, 0, "not in the\nalliance", size=8, color="#555", anchor="middle", baseline="auto", dy=-3)
    for i, name in enumerate(ALLY_NAMES):
        if name in readout.names and name in readout.free_riders:
            y = readout.equilibrium[i] + 0.01 * top_a
            ax.text(
                i - 0.2,
                y,
                "free\nrider",
                size=7,
                color=PALETTE[3],
                anchor="middle",
                baseline="auto",
                weight="bold",
                dy=-2,
            )
    canvas.text(ax.left + ax.width / 2, ax.top - 8, "Each ally's defence", size=10, anchor="middle", baseline="auto")
    key_items = [
        (("box", PALETTE[0], None), "equilibrium (each ally acts alone)"),
        (("box", efficient_fill, None), "efficient (joint planner)"),
    ]
    key_w = max(text_width(label, 7) for _, label in key_items) + 34
    canvas.extra.append(_key(ax.left + ax.width - key_w - 4, ax.top + 4, key_items, 7))

    at.set(
        xlim=(-0.38, 1.38),
        ylim=(0, top_t),
        yticks=nice_ticks(0, top_t, target=9),
        xticks=[(0, "equilibrium"), (1, "efficient")],
        grid="y",
        ylabel="Alliance total (income units)",
    )
    at.bars([0], [readout.total], width=0.6, color=PALETTE[0])
    at.bars([0], [readout.gap], width=0.6, bottom=readout.total, color=gap_fill)
    if readout.gap > 0:  # matplotlib's edge of the gap's box, 1.2 wide
        x0, x1 = at.x(-0.3), at.x(0.3)
        y0, y1 = at.y(readout.total + readout.gap), at.y(readout.total)
        at.body.append(
            f"<rect {attributes(x=x0, y=y0, width=x1 - x0, height=y1 - y0, fill='none', stroke=PALETTE[3], stroke_width=1.2)}/>"
        )
    at.bars([1], [readout.efficient_total], width=0.6, color=efficient_fill)
    top = max(readout.total, readout.efficient_total) + 0.01 * top_t
    at.text(0, top, f"{readout.total:.1f} + gap {readout.gap:.1f}", size=8, anchor="middle", baseline="auto", dy=-2)
    at.text(1, top, f"{readout.efficient_total:.1f}", size=8, anchor="middle", baseline="auto", dy=-2)
    canvas.text(at.left + at.width / 2, at.top - 8, "Total defence", size=10, anchor="middle", baseline="auto")
    canvas.extra.append(_key(at.left + 4, at.top + 4, [(("box", gap_fill, PALETTE[3]), "under-provision gap")], 7))
    return canvas.svg(readout.alt, uid=uid)


# ----------------------------------------------------------------- 3. exploitation test

#: Allies named on the scatter (the largest, a few telling cases).
LABELLED = ("United States", "Germany", "Poland", "Greece", "Luxembourg", "Montenegro")


def picture_exploitation(readout: ExploitationReadout) -> str:
    """GDP (log scale) against the share of GDP, the members left out ringed."""
    canvas = Canvas(660, 400, source=_sources(tables.SHARES, tables.GDP_DATASET))
    ax = canvas.axes(left=60, top=28, right=8, bottom=50)
    ax.set(
        xscale="log",
        xlim=(2, 4e4),
        ylim=(0, SCALE_MAX),
        grid="both",
        xlabel="GDP (billion US dollars, constant 2015 prices; log scale)",
        ylabel="Defence expenditure (% of GDP)",
    )
    for value, dash in zip(tables.LINES, ("-", "--")):
        ax.hline(value, color="#888", width=0.9, dash=dash)
    kept = [(g, s) for _, g, s, out in readout.points if not out]
    dropped = [(g, s) for _, g, s, out in readout.points if out]
    ax.points([g for g, _ in kept], [s for _, s in kept], color=PALETTE[0], r=4.2)
    ax.points(
        [g for g, _ in dropped], [s for _, s in dropped], color="none", r=5.0, edge=PALETTE[3], edge_width=1.3 * PT
    )
    where = {name: (g, s) for name, g, s, _ in readout.points}
    for name in LABELLED:
        if name in where:  # Montenegro was not a member in 2014
            g, s = where[name]
            us = name == "United States"
            ax.text(
                g * (0.9 if us else 1.12),
                s + 0.08,
                name,
                size=7,
                color="#333",
                anchor="end" if us else "start",
                baseline="auto",
            )
    canvas.text(ax.left + ax.width / 2, ax.top - 8, readout.title, size=10, anchor="middle", baseline="auto")
    items = [(("dot", PALETTE[0], None, 4.2), "included"), (("dot", "none", PALETTE[3], 5.0), "left out")]
    canvas.extra.append(_key(ax.left + 6, ax.top + 6, items, 8))
    return canvas.svg(readout.alt, uid="burden-exploitation")
