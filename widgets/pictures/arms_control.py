"""The arms-control widgets' pictures: stockpiles above the treaty strip, New START counts, the inspection game.

Dates are drawn as fractional years: a stockpile estimate of a year stands at
1 January of that year, a treaty's date at its day of the year.
"""

from __future__ import annotations

import datetime as dt

from widgets import data
from widgets.readouts.arms_control import InspectionReadout, NewStartReadout, StockpileReadout
from widgets.svg import PALETTE, PT, Canvas, text_width
from widgets.tables.arms_control import ALL

# ----------------------------------------------------------------- stockpiles

#: Colour (index into PALETTE) and legend name of each of the course's treaty categories.
CATEGORY_STYLE = {
    "arms_control": (0, "arms control"),
    "disarmament": (2, "disarmament"),
    "non_proliferation": (4, "non-proliferation"),
    "test_ban": (1, "test ban"),
}
HALF_YEAR = 0.5  # the highlight reaches half a year either side of its end years


def year_of(iso: str) -> float:
    """A date (ISO text) as a fractional year: 1 January is the year itself."""
    day = dt.date.fromisoformat(iso)
    start = dt.date(day.year, 1, 1)
    return day.year + (day - start).days / (dt.date(day.year + 1, 1, 1) - start).days


def _size(points: float) -> float:
    """A marker's radius in px from matplotlib's marker size in points."""
    return points * PT / 2


def picture_stockpiles(readout: StockpileReadout) -> str:
    first, last = readout.span
    stockpiles = data.source_line("nuclear_stockpiles").removeprefix("Source: ")
    source = (
        "Stockpiles: "
        + stockpiles.replace(" for 2024 and 2025;", " for 2024 and 2025;\n")
        + "\nTreaties: "
        + data.source_line("treaties").removeprefix("Source: ")
    )
    canvas = Canvas(740, 620, source=source)
    reserve = 13 * len(canvas.source_lines) + 4
    left, right, top, gap, bottom = 170, 14, 50, 34, 44
    room = canvas.height - reserve - top - gap - bottom
    upper_h = room * 1.15 / 2.15
    xlim = (first - 1, last + 1)
    decades = range((first // 10 + 1) * 10, last + 1, 10)
    lo, hi = readout.years
    ax = canvas.axes(
        left=left,
        right=right,
        top=top,
        bottom=canvas.height - reserve - top - upper_h,
        xlim=xlim,
        ylim=(1, 1e5),
        yscale="log",
        xticks=[(year, "") for year in decades],
        yticks=[(10.0**k, f"{10**k:,}") for k in range(6)],
        ylabel="Warheads in stockpile\n(log scale)",
        grid="both",
        title=(
            f"Estimated nuclear warhead stockpiles, {first}–{readout.last_estimate}\n"
            "(retired warheads excluded; releases in the source line)"
        ),
        title_size=9,
    )
    strip = canvas.axes(
        left=left,
        right=right,
        top=top + upper_h + gap,
        bottom=bottom,
        xlim=xlim,
        ylim=(len(readout.treaties) - 0.5, -0.6),
        xticks=list(decades),
        yticks=[(i, t.label) for i, t in enumerate(readout.treaties)],
        xlabel="Year",
        grid="x",
        title=(f"Treaties: ○ signed, ● entered into force (bar: in force, drawn to {readout.drawn_to_text}), × ended"),
        title_size=8,
        tick_size=8,
    )
    for panel in (ax, strip):
        panel.span(lo - HALF_YEAR, hi + HALF_YEAR, color=PALETTE[5], opacity=0.18)
    years, total = readout.total
    ax.line(years, total, color="#888", width=1, label=ALL)
    ax.line(*readout.series, color=PALETTE[0], width=1, opacity=0.45)
    ax.line(*readout.shown, color=PALETTE[0], width=2.5 * PT, label="selected (in the year range)")
    peak = readout.peak
    ax.points(
        [] if peak is None else [peak[0]],
        [] if peak is None else [peak[1] * 1.35],
        color=PALETTE[3],
        r=_size(8),
        marker="v",
        label="highest in the range",
    )
    drawn_to = year_of(readout.drawn_to)
    for i, t in enumerate(readout.treaties):
        signed = year_of(t.signed)
        colour = PALETTE[CATEGORY_STYLE[t.category][0]]
        ax.vline(signed, color="#999", width=0.6, dash=":")
        if t.in_force is not None:
            start = year_of(t.in_force)
            end = year_of(t.ended) if t.ended is not None else drawn_to
            strip.line([signed, start], [i, i], color=colour, width=1, dash=":")
            strip.line([start, end], [i, i], color=colour, width=4 * PT)
            strip.points([start], [i], color=colour, r=_size(6))
            if t.ended is not None:
                strip.points([end], [i], color="black", r=_size(7), marker="x")
        else:
            strip.line([signed, drawn_to], [i, i], color=colour, width=1, dash=":")
        strip.points([signed], [i], color="white", edge=colour, r=_size(6), edge_width=1.2)
    ax.legend(loc="lower right", columns=3)
    strip.legend_items += [("bar", PALETTE[k], name) for k, name in CATEGORY_STYLE.values()]
    strip.legend(loc="lower left", title="category (course's)")
    return canvas.svg(readout.alt, uid="stockpiles")


# ----------------------------------------------------------------- New START

ROW_LABELS = (
    "(a) deployed ICBMs,\nSLBMs, heavy bombers",
    "(b) counted\nwarheads",
    "(c) deployed and non-\ndeployed launchers",
)
X_MAX = 160.0  # percent of the limit shown on the axis


def picture_new_start(readout: NewStartReadout) -> str:
    canvas = Canvas(700, 300)
    ax = canvas.axes(
        left=150,
        right=14,
        top=8,
        bottom=46,
        xlim=(0, X_MAX),
        ylim=(2.6, -0.85),
        xticks=list(range(0, 161, 20)),
        yticks=list(enumerate(ROW_LABELS)),
        xlabel="Counted total, percent of the treaty limit (%)",
        grid="x",
        tick_size=8,
    )
    ax.hbars(
        [0, 1, 2],
        [min(bar.share, X_MAX) for bar in readout.bars],
        height=0.6,
        color=[PALETTE[3] if bar.broken else PALETTE[0] for bar in readout.bars],
    )
    ax.vline(100, color="black", width=1.5, dash=None)
    ax.text(101, -0.62, "limit", size=8, baseline="auto")
    per_unit = ax.width / X_MAX  # px per percent
    for i, bar in enumerate(readout.bars):
        label = f"{bar.counted:,} of {bar.limit:,}" + (" OVER" if bar.broken else "")
        ax.hbars([i], [(1.1 * text_width(label, 8) + 4) / per_unit], height=0.24, color="white", left=1.4)
        ax.text(2, i, label, size=8, weight="bold")
    shares = readout.declared_shares or ()
    ax.points(
        list(shares),
        [0, 1, 2][: len(shares)],
        color=PALETTE[1],
        edge="black",
        r=_size(8) * 0.85,
        marker="D",
        label="declared numbers",
    )
    ax.legend(loc="lower right")
    return canvas.svg(readout.alt, uid="new-start")


# ----------------------------------------------------------------- inspection game


def picture_inspection(readout: InspectionReadout) -> str:
    shade = PALETTE[3]
    canvas = Canvas(660, 340)
    tenths = [(v / 10, f"{v / 10:.1f}") for v in range(0, 11, 2)]
    ax = canvas.axes(
        left=58,
        right=14,
        top=8,
        bottom=46,
        xlim=(0, 1),
        ylim=(0, 1.05),
        xticks=tenths,
        yticks=tenths,
        xlabel="d: probability that an inspection detects cheating",
        ylabel="Equilibrium probability",
        grid="both",
    )
    ax.span(0, readout.threshold, color=shade, opacity=0.12)
    ax.line(readout.curve_d, readout.curve_p, color=PALETTE[0], width=2, label="p: probability of inspecting")
    ax.line(readout.curve_d, readout.curve_q, color=shade, width=2, dash="--", label="q: probability of cheating")
    ax.vline(readout.threshold, color=shade, width=1, dash=":")
    ax.vline(readout.d, color="#555", width=1, dash=None)
    ax.points([readout.d], [readout.inspect_probability], color=PALETTE[0], r=_size(8))
    ax.points([readout.d], [readout.cheat_probability], color=shade, r=_size(7), marker="s")
    if readout.threshold > 0.12:
        ax.text(0.01, 0.5 * 1.05, "inspections\ncannot deter", size=8, color=shade)
    ax.legend(loc="upper right")
    return canvas.svg(readout.alt, uid="inspection")
