"""The alliances widgets' pictures: the network of a year, NATO's waves, extended deterrence."""

from __future__ import annotations

import math

from widgets import data
from widgets.readouts.alliances import AllianceDeterrenceReadout, AllianceNetworkReadout, NatoWavesReadout
from widgets.svg import PALETTE, Canvas, nice_ticks

GREY = "#777777"
#: legend group -> (colour, line style); colours from svg.PALETTE or grey (the groups of tables.GROUPS).
GROUP_STYLES = {
    "NATO": (PALETTE[0], "-"),
    "Warsaw Pact": (PALETTE[3], "-"),
    "SEATO": (PALETTE[1], "-"),
    "CENTO": (PALETTE[4], "-"),
    "ANZUS": (PALETTE[2], "-"),
    "Rio Treaty": (PALETTE[5], "-"),
    "CSTO": (PALETTE[7], "-"),
    "US bilateral treaties": (GREY, "-"),
    "Quad, AUKUS (no treaty)": (GREY, ":"),
}


# --- the alliance network -------------------------------------------------------------


def picture_network(readout: AllianceNetworkReadout) -> str:
    """States on a circle, each named; the year's links coloured by arrangement; the chosen state circled."""
    width, height, margin = 820, 600, 44  # the margin: room for the longest names on the left
    canvas = Canvas(width, height, source=data.source_line("alliance_members"))
    side = 540  # a square plot: the circle stays round
    ax = canvas.axes(
        left=margin,
        top=28,
        right=width - margin - side,
        bottom=height - 28 - side - 16,
        xlim=(-1.45, 1.45),
        ylim=(-1.45, 1.45),
    )
    ax.set(frame=False)
    states = sorted(readout.positions)
    xs, ys = zip(*(readout.positions[s] for s in states))
    ax.points(xs, ys, color="#dddddd", r=1.8)  # every state, faint
    for s in states:  # every state's name, outward from the circle
        x, y = readout.positions[s]
        angle = math.degrees(math.atan2(y, x))
        left = x < -1e-9
        ax.text(
            1.05 * x,
            1.05 * y,
            s,
            size=7.5,
            color="#333333",
            anchor="end" if left else "start",
            rotate=angle + 180 if left else angle,
            clip=False,
        )
    for label, (colour, style) in GROUP_STYLES.items():
        ax.segments(readout.segments[label], color=colour, width=1.0, dash=style, opacity=0.6)
    if readout.nodes:
        ax.points(*zip(*readout.nodes), color="#333333", r=2.3)
    if readout.partner_points:
        ax.points(*zip(*readout.partner_points), color=PALETTE[3], r=3.2)
    ax.points([readout.chosen[0]], [readout.chosen[1]], color=PALETTE[3], r=6.5)  # a white ring with a red edge
    ax.points([readout.chosen[0]], [readout.chosen[1]], color="white", r=4.2)
    canvas.text(10, 24, str(readout.year), size=17, color="#333333", weight="bold")
    # The key, outside the circle on the right ("Linked by").
    x0, y0, key_width = margin + side + 24, 22, width - margin - side - 30
    canvas.text(x0 + 62, y0, "Linked by", size=9, anchor="middle")
    key = canvas.axes(
        left=x0, top=y0 + 8, right=width - x0 - key_width, bottom=height - y0 - 8 - 16 * len(GROUP_STYLES) - 16
    )
    key.set(frame=False, xlim=(0, key_width), ylim=(len(GROUP_STYLES), 0))
    for row, (label, (colour, style)) in enumerate(GROUP_STYLES.items()):
        key.line([2, 22], [row + 0.5, row + 0.5], color=colour, width=2, dash=style if style != "-" else None)
        key.text(28, row + 0.5, label, size=9)
    return canvas.svg(readout.alt, uid="alliance-network")


# --- NATO's enlargement waves ---------------------------------------------------------

#: names per text line of the waves chart
PER_LINE = 5
ROW = 22  # px per text line


def picture_waves(readout: NatoWavesReadout) -> str:
    """Every member's name by wave; the waves not reached by the year are faded (covered in white)."""
    lines = sum(-(-len(names) // PER_LINE) for _, names in readout.waves)
    width, top = 760, 36
    height = top + ROW * lines + 8
    canvas = Canvas(width, height + 16, source=data.source_line("nato_members"))
    ax = canvas.axes(left=0, top=0, right=0, bottom=0, xlim=(0, width), ylim=(height, 0))  # pixels, y down
    ax.set(frame=False, title=None)
    ax.text(width / 2, 16, "NATO members by enlargement wave (year of accession)", size=11, anchor="middle")
    first, column = 16, 150  # the wave's label, then PER_LINE columns of names
    step = (width - column - 10) / PER_LINE
    reached = set(readout.reached)
    line = 0
    for wave, names in readout.waves:
        n_lines = -(-len(names) // PER_LINE)
        y = top + ROW * line + ROW / 2
        ax.text(first, y, f"{wave}\u00a0\u00a0({len(names)})", size=9.5, color=PALETTE[0], weight="bold")
        for k, country in enumerate(names):
            ax.text(column + step * (k % PER_LINE), y + ROW * (k // PER_LINE), country, size=9.5, color=PALETTE[0])
        if wave not in reached:  # a translucent white band fades the wave's names
            ax.span(top + ROW * line, top + ROW * (line + n_lines), color="white", opacity=0.72, vertical=False)
        line += n_lines
    return canvas.svg(readout.alt, uid="nato-waves")


# --- extended deterrence --------------------------------------------------------------


def limit(readout: AllianceDeterrenceReadout) -> float:
    """The y-axis half-height that shows the whole line (at least 1.6)."""
    return max(1.6, 1.1 * max(abs(e) for e in readout.ends))


def picture_deterrence(readout: AllianceDeterrenceReadout) -> str:
    """EU(attack) against reliability, the threshold r* (when within 0..1) and the chosen r."""
    canvas = Canvas(640, 340)
    top = limit(readout)
    ax = canvas.axes(
        left=72,
        top=12,
        xlim=(0, 1),
        ylim=(-top, top),
        yticks=nice_ticks(-top, top, 8),
        xlabel="Reliability r: probability the ally honours its commitment",
        ylabel="EU(attack) (units of the prize)",
        grid="both",
    )
    ax.hline(0, color="#444444", width=1, dash=None)
    ax.text(0.99, -top, "below 0: deterred", size=8, color="#444444", anchor="end", dy=-10)
    ax.text(0.99, top, "above 0: attack pays", size=8, color="#444444", anchor="end", dy=10)
    ax.line(*readout.curve, color=PALETTE[0], width=2, label="EU(attack)")
    if readout.threshold_status == "within":
        ax.vline(readout.threshold, color=PALETTE[3], width=1.5, dash="--", label="threshold r*")
    else:  # the key lists r* even when it lies outside 0..1
        ax.legend_items.append(("line:--", PALETTE[3], "threshold r*"))
    ax.points([readout.reliability], [readout.attack_value], color=PALETTE[3], r=5, label="chosen r")
    ax.legend("lower left")
    return canvas.svg(readout.alt, uid="alliance-deterrence")
