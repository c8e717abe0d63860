"""The alliances chapter's figures: the network, NATO's waves, extended deterrence, the timeline."""

from __future__ import annotations

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from widgets import data, ui
from widgets.readouts.alliances import AllianceDeterrenceReadout, AllianceNetworkReadout, NatoWavesReadout
from widgets.tables.alliances import GROUPS, START, ArrangementSpan

GREY = "#777777"
#: legend group -> (colour, line style); colours from ui.PALETTE or grey.
GROUP_STYLES = {
    "NATO": (ui.PALETTE[0], "-"),
    "Warsaw Pact": (ui.PALETTE[3], "-"),
    "SEATO": (ui.PALETTE[1], "-"),
    "CENTO": (ui.PALETTE[4], "-"),
    "ANZUS": (ui.PALETTE[2], "-"),
    "Rio Treaty": (ui.PALETTE[5], "-"),
    "CSTO": (ui.PALETTE[7], "-"),
    "US bilateral treaties": (GREY, "-"),
    "Quad, AUKUS (no treaty)": (GREY, ":"),
}


def _points(points) -> np.ndarray:
    return np.array(points, dtype=float).reshape(-1, 2)


# --- the alliance network -------------------------------------------------------------


class NetworkChart:
    """States on a circle, named once; ``update`` redraws the year's links and marks."""

    def __init__(self, fig: Figure, readout: AllianceNetworkReadout):
        ax = fig.add_subplot()
        self.ax = ax
        states = sorted(readout.positions)
        xy = _points([readout.positions[s] for s in states])
        ax.scatter(xy[:, 0], xy[:, 1], s=10, color="#dddddd", zorder=1)  # every state, faint
        ax.set_xlim(-1.45, 1.45)
        ax.set_ylim(-1.45, 1.45)
        ax.set_aspect("equal")
        ax.axis("off")
        # Every state's name, drawn once around the circle (static, so redraws stay fast).
        for s in states:
            x, y = readout.positions[s]
            angle = np.degrees(np.arctan2(y, x))
            left = x < -1e-9
            ax.text(
                1.05 * x,
                1.05 * y,
                s,
                fontsize=6.5,
                color="#333333",
                rotation=angle + 180 if left else angle,
                rotation_mode="anchor",
                ha="right" if left else "left",
                va="center",
            )
        self.lines = {}
        handles = []
        for label, ids in GROUPS:
            colour, style = GROUP_STYLES[label]
            collection = LineCollection([], colors=colour, linestyles=style, linewidths=1.0, alpha=0.6, zorder=2)
            ax.add_collection(collection)
            self.lines[label] = (set(ids), collection)
            handles.append(Line2D([], [], color=colour, ls=style, lw=2, label=label))
        fig.legend(
            handles=handles, loc="outside right upper", fontsize=8, frameon=False, title="Linked by", title_fontsize=8
        )
        self.nodes = ax.scatter([], [], s=16, color="#333333", zorder=3)
        self.partners = ax.scatter([], [], s=30, color=ui.PALETTE[3], zorder=4)
        self.chosen = ax.scatter([], [], s=120, facecolor="white", edgecolor=ui.PALETTE[3], linewidths=2.5, zorder=5)
        self.year_text = ax.text(-1.45, 1.45, "", fontsize=14, fontweight="bold", va="top", color="#333333")
        ui.source_note(fig, data.source_line("alliance_members"))
        self.dynamic = [c for _, c in self.lines.values()] + [self.nodes, self.partners, self.chosen, self.year_text]
        self.update(readout)

    def update(self, readout: AllianceNetworkReadout) -> None:
        for label, (_, collection) in self.lines.items():
            collection.set_segments(readout.segments[label])
        self.nodes.set_offsets(_points(readout.nodes))
        self.chosen.set_offsets(_points([readout.chosen]))
        self.partners.set_offsets(_points(readout.partner_points))
        self.year_text.set_text(str(readout.year))


def draw_network(fig: Figure, readout: AllianceNetworkReadout) -> NetworkChart:
    return NetworkChart(fig, readout)


# --- NATO's enlargement waves ---------------------------------------------------------


class WavesChart:
    """Every member's name drawn once by wave; ``update`` covers the waves not yet reached."""

    PER_LINE = 5

    def __init__(self, fig: Figure, readout: NatoWavesReadout):
        ax = fig.add_subplot()
        ax.set_xlim(-1.2, self.PER_LINE)
        ax.set_ylim(self.lines(readout) - 0.4, -0.8)
        ax.axis("off")
        ax.set_title("NATO members by enlargement wave (year of accession)", fontsize=10)
        # Every name is drawn once, in blue, into the static background. A wave not yet
        # reached is covered by a translucent white band (cheap to redraw, unlike text).
        self.covers = []
        line = 0
        for wave, names in readout.waves:
            n_lines = -(-len(names) // self.PER_LINE)
            ax.text(
                -1.1, line, f"{wave}  ({len(names)})", fontsize=9, va="center", fontweight="bold", color=ui.PALETTE[0]
            )
            for k, country in enumerate(names):
                ax.text(
                    k % self.PER_LINE,
                    line + k // self.PER_LINE,
                    country,
                    fontsize=8.5,
                    va="center",
                    color=ui.PALETTE[0],
                )
            band = Rectangle(
                (-1.2, line - 0.5), self.PER_LINE + 1.2, n_lines, facecolor="white", edgecolor="none", alpha=0.72
            )
            ax.add_patch(band)
            self.covers.append((wave, band))
            line += n_lines
        ui.source_note(fig, data.source_line("nato_members"))
        self.dynamic = [band for _, band in self.covers]
        self.update(readout)

    @classmethod
    def lines(cls, readout: NatoWavesReadout) -> int:
        """Text lines the chart needs: each wave wraps after PER_LINE names."""
        return sum(-(-len(names) // cls.PER_LINE) for _, names in readout.waves)

    def update(self, readout: NatoWavesReadout) -> None:
        reached = set(readout.reached)
        for wave, band in self.covers:
            band.set_visible(wave not in reached)


def draw_waves(fig: Figure, readout: NatoWavesReadout) -> WavesChart:
    return WavesChart(fig, readout)


# --- extended deterrence --------------------------------------------------------------


class DeterrenceLineChart:
    """EU(attack) against reliability, the threshold r* and the chosen r.

    ``update`` moves the line, the threshold and the point; a prize or cost so large
    that the line leaves the axis widens it first (:meth:`fit` says when).
    """

    def __init__(self, fig: Figure, readout: AllianceDeterrenceReadout):
        ax = fig.add_subplot()
        self.ax = ax
        ax.axhline(0, color="#444444", lw=1)
        ax.set_xlim(0, 1)
        ax.set_ylim(-1.6, 1.6)
        ax.set_xlabel("Reliability r: probability the ally honours its commitment")
        ax.set_ylabel("EU(attack) (units of the prize)")
        ax.grid(alpha=0.3)
        notes = dict(ha="right", fontsize=8, color="#444444", transform=ax.transAxes)
        ax.text(0.99, 0.03, "below 0: deterred", va="bottom", **notes)
        ax.text(0.99, 0.97, "above 0: attack pays", va="top", **notes)
        (self.curve,) = ax.plot([], [], color=ui.PALETTE[0], lw=2, label="EU(attack)")
        self.threshold = ax.axvline(0, color=ui.PALETTE[3], lw=1.5, ls="--", label="threshold r*")
        (self.point,) = ax.plot([], [], "o", color=ui.PALETTE[3], ms=8, label="chosen r")
        ax.legend(loc="lower left", fontsize=8)
        self.dynamic = [self.curve, self.threshold, self.point]
        self.fit(readout)
        self.update(readout)

    @staticmethod
    def limit(readout: AllianceDeterrenceReadout) -> float:
        """The y-axis half-height that shows the whole line (at least 1.6)."""
        return max(1.6, 1.1 * max(abs(e) for e in readout.ends))

    def fit(self, readout: AllianceDeterrenceReadout) -> bool:
        """Set the y-axis for this line; True if it changed (the static part must be redrawn)."""
        limit = self.limit(readout)
        if limit == self.ax.get_ylim()[1]:
            return False
        self.ax.set_ylim(-limit, limit)
        return True

    def update(self, readout: AllianceDeterrenceReadout) -> None:
        self.curve.set_data(*readout.curve)
        self.point.set_data([readout.reliability], [readout.attack_value])
        inside = readout.threshold_status == "within"
        self.threshold.set_visible(inside)
        if inside:
            self.threshold.set_xdata([readout.threshold, readout.threshold])


def draw_deterrence_line(fig: Figure, readout: AllianceDeterrenceReadout) -> DeterrenceLineChart:
    return DeterrenceLineChart(fig, readout)


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
