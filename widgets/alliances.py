"""The alliances chapter's widgets: the alliance network, NATO's waves, extended deterrence.

Each class draws its figure once, keeps the moving artists, and on a control
change updates only their data (rendered with :class:`widgets.ui.Blitter`).
"""

from __future__ import annotations

import ipywidgets as W
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from widgets import data, ui
from widgets.models import alliance_deterrence, alliance_network, membership
from widgets.models.inputs import InputError

FIRST, LAST = 1945, 2026

#: The arrangements drawn in the network: treaty alliances and non-treaty partnerships.
#: Regional organizations (GCC, SCO, AU) are left out: they are not alliances.
NETWORK_TYPES = ("collective_defense_multilateral", "collective_defense_bilateral", "consultation_or_partnership")

GREY = "#777777"
#: (legend label, alliance ids, colour, line style); colours from ui.PALETTE or grey.
GROUPS = [
    ("NATO", ("nato",), ui.PALETTE[0], "-"),
    ("Warsaw Pact", ("warsaw_pact",), ui.PALETTE[3], "-"),
    ("SEATO", ("seato",), ui.PALETTE[1], "-"),
    ("CENTO", ("cento",), ui.PALETTE[4], "-"),
    ("ANZUS", ("anzus",), ui.PALETTE[2], "-"),
    ("Rio Treaty", ("rio_treaty",), ui.PALETTE[5], "-"),
    ("CSTO", ("csto",), ui.PALETTE[7], "-"),
    ("US bilateral treaties", ("us_japan_1951", "us_japan_1960", "us_rok", "us_philippines"), GREY, "-"),
    ("Quad, AUKUS (no treaty)", ("quad", "aukus"), GREY, ":"),
]


def network_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(members, alliances) restricted to the arrangements the network draws."""
    alliances = data.load("alliances")
    members = data.load("alliance_members")
    keep = set(alliances.loc[alliances["type"].isin(NETWORK_TYPES), "id"])
    return members[members["alliance_id"].isin(keep)].reset_index(drop=True), alliances


class AllianceNetwork:
    """Year slider and state menu -> the network of alliance links that year."""

    def __init__(self, year: int = 1960, state: str = "United States"):
        self.members, self.alliances = network_tables()
        # the message lists short names (NATO, ANZUS...) rather than full treaty titles
        self.timeline = alliance_network.Timeline(
            self.members, self.alliances.assign(name=self.alliances["short_name"])
        )
        # Computed once: nodes never move when the year changes (see circular_layout's docstring
        # for why a circle rather than a spring layout).
        self.layout = alliance_network.circular_layout(self.members)
        self.states = sorted(self.layout)
        self.year = W.IntSlider(
            value=year,
            min=FIRST,
            max=LAST,
            step=1,
            description="Year",
            continuous_update=False,
            style=ui.slider_style(),
        )
        self.year.add_class("sin-control")
        self.state = W.Dropdown(options=self.states, value=state, description="State", style=ui.slider_style())
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self._draw_base()
        self.year.observe(lambda change: self.update(), names="value")
        self.state.observe(lambda change: self.update(), names="value")
        self.view = ui.panel("alliance-network", [self.year, self.state], [self.figure_pane, self.message])
        self.update()

    def graph(self, year: int):
        """The model's graph for ``year`` (built once per year by the model's Timeline)."""
        return self.timeline.graph(year)

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(7.2, 5.9)
        ax = self.fig.add_subplot()
        self.ax = ax
        xy = np.array([self.layout[s] for s in self.states])
        ax.scatter(xy[:, 0], xy[:, 1], s=10, color="#dddddd", zorder=1)  # every state, faint
        ax.set_xlim(-1.45, 1.45)
        ax.set_ylim(-1.45, 1.45)
        ax.set_aspect("equal")
        ax.axis("off")
        # Every state's name, drawn once around the circle (static, so redraws stay fast).
        for s in self.states:
            x, y = self.layout[s]
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
        self.group_of = {i: label for label, ids, _, _ in GROUPS for i in ids}
        handles = []
        for label, ids, colour, style in GROUPS:
            collection = LineCollection([], colors=colour, linestyles=style, linewidths=1.0, alpha=0.6, zorder=2)
            ax.add_collection(collection)
            self.lines[label] = (set(ids), collection)
            handles.append(Line2D([], [], color=colour, ls=style, lw=2, label=label))
        self.fig.legend(
            handles=handles, loc="outside right upper", fontsize=8, frameon=False, title="Linked by", title_fontsize=8
        )
        self.nodes = ax.scatter([], [], s=16, color="#333333", zorder=3)
        self.partners = ax.scatter([], [], s=30, color=ui.PALETTE[3], zorder=4)
        self.chosen = ax.scatter([], [], s=120, facecolor="white", edgecolor=ui.PALETTE[3], linewidths=2.5, zorder=5)
        self.year_text = ax.text(-1.45, 1.45, "", fontsize=14, fontweight="bold", va="top", color="#333333")
        ui.source_note(self.fig, data.source_line("alliance_members"))
        dynamic = [c for _, c in self.lines.values()] + [self.nodes, self.partners, self.chosen, self.year_text]
        self.blitter = ui.Blitter(self.fig, dynamic, colors=128)

    def update(self) -> None:
        self.select(self.state.value, self.year.value)

    def select(self, state: str, year: int) -> bool:
        """Draw ``year`` with ``state`` highlighted; a bad value leaves the figure as it was."""
        return ui.guarded(self.message, lambda: self._select(state, year))

    def _select(self, state: str, year: int) -> None:
        held = self.timeline.commitments(state, year)
        graph = self.graph(year)
        states, links = alliance_network.counts(graph)
        segments = {label: [] for label in self.lines}
        for a, b, shared in graph.edges(data="alliances"):  # one pass: each link to its groups
            for label in {self.group_of[i] for i in shared if i in self.group_of}:
                segments[label].append((self.layout[a], self.layout[b]))
        for label, (_, collection) in self.lines.items():
            collection.set_segments(segments[label])
        active = sorted(graph.nodes)
        self.nodes.set_offsets(np.array([self.layout[s] for s in active]).reshape(-1, 2))
        self.chosen.set_offsets(np.array([self.layout[state]]))
        partners = sorted(graph.neighbors(state)) if state in graph else []
        self.partners.set_offsets(np.array([self.layout[s] for s in partners]).reshape(-1, 2))
        self.year_text.set_text(str(year))
        if held:
            listed = "; ".join(held)
            about = (
                f"<b>{state}</b> belongs to {len(held)} arrangement(s): {listed}; "
                f"it is linked to {len(partners)} state(s) (red dots)."
            )
        else:
            about = f"<b>{state}</b> has no alliance in the dataset in {year}."
        self.message.say(
            f"In <b>{year}</b> the network has <b>{states}</b> states and <b>{links}</b> "
            f"links (pairs of states sharing at least one arrangement). {about}"
        )
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"Network of alliance links in {year}: {states} states joined by {links} links, coloured by "
                f"alliance, with {state} circled and its {len(partners)} partners marked in red; states are placed on a circle in the order they first joined an alliance."
            ),
        )


class NatoWaves:
    """Year slider -> NATO's members as a strip chart by enlargement wave, joined ones highlighted."""

    PER_LINE = 5

    def __init__(self, year: int = 1999):
        self.table = data.load("nato_members").sort_values(["accession_date", "country"])
        self.year = W.IntSlider(
            value=year, min=1949, max=LAST, step=1, description="Year", continuous_update=False, style=ui.slider_style()
        )
        self.year.add_class("sin-control")
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self._draw_base()
        self.year.observe(lambda change: self.update(), names="value")
        self.view = ui.panel("nato-waves", [self.year], [self.figure_pane, self.message])
        self.update()

    def _draw_base(self) -> None:
        waves = list(self.table.groupby("wave", sort=True))
        lines = sum(-(-len(rows) // self.PER_LINE) for _, rows in waves)
        self.fig = ui.new_figure(7.6, 0.26 * lines + 0.9)
        ax = self.fig.add_subplot()
        ax.set_xlim(-1.2, self.PER_LINE)
        ax.set_ylim(lines - 0.4, -0.8)
        ax.axis("off")
        ax.set_title("NATO members by enlargement wave (year of accession)", fontsize=10)
        # Every name is drawn once, in blue, into the static background. A wave not yet
        # reached is covered by a translucent white band (cheap to redraw, unlike text).
        self.covers = []
        line = 0
        for wave, rows in waves:
            n_lines = -(-len(rows) // self.PER_LINE)
            ax.text(
                -1.1, line, f"{wave}  ({len(rows)})", fontsize=9, va="center", fontweight="bold", color=ui.PALETTE[0]
            )
            for k, country in enumerate(rows["country"]):
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
            self.covers.append((int(wave), band))
            line += n_lines
        ui.source_note(self.fig, data.source_line("nato_members"))
        self.blitter = ui.Blitter(self.fig, [band for _, band in self.covers])

    def update(self) -> None:
        self.show(self.year.value)

    def show(self, year) -> bool:
        """Highlight the members that joined by the end of ``year``; a bad year shows a message."""
        return ui.guarded(self.message, lambda: self._show(year))

    def _show(self, year) -> None:
        count = membership.members_at_end_of(self.table["accession_date"], year)
        year = int(year)
        for wave, band in self.covers:
            band.set_visible(wave > year)
        waves = [w for w, _ in self.covers if w <= year]
        latest = f" The latest wave by then was {waves[-1]}." if waves else ""
        joined = membership.joined_in(self.table, year)
        news = f" Joined in {year}: {', '.join(joined)}." if joined else ""
        self.message.say(
            f"By the end of <b>{year}</b>: <b>{count}</b> members in <b>{len(waves)}</b> wave(s).{latest}{news}"
        )
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"NATO's 32 members listed by enlargement wave from 1949 to 2024; the {count} members that "
                f"had joined by the end of {year} are in blue, later members greyed out."
            ),
        )


class AllianceDeterrence:
    """Ally strength, reliability, cost of war, prize, defender -> deterred or not, and EU(attack) against r."""

    def __init__(
        self, ally: float = 2.0, reliability: float = 0.5, cost: float = 0.35, prize: float = 1.0, defender: float = 0.5
    ):
        opts = dict(continuous_update=False, style=ui.slider_style(), readout_format=".2f")
        self.reliability = W.FloatSlider(
            value=reliability, min=0, max=1, step=0.01, description="Reliability r", **opts
        )
        self.reliability.add_class("sin-control")
        self.ally = W.FloatSlider(value=ally, min=0, max=5, step=0.1, description="Ally strength A", **opts)
        self.cost = W.FloatSlider(value=cost, min=0, max=1.5, step=0.05, description="Cost of war C", **opts)
        self.defender = W.FloatSlider(value=defender, min=0, max=3, step=0.1, description="Defender strength D", **opts)
        self.prize = W.FloatText(
            value=prize, description="Prize V", style=ui.slider_style(), layout=W.Layout(width="160px")
        )
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self.explanation = ui.Message()
        self.r = np.linspace(0, 1, 101)
        self._draw_base()
        controls = [self.reliability, self.ally, self.cost, self.defender, self.prize]
        for control in controls:
            control.observe(lambda change: self.update(), names="value")
        self.view = ui.panel("alliance-deterrence", controls, [self.figure_pane, self.message, self.explanation])
        self.update()

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(6.4, 3.4)
        ax = self.fig.add_subplot()
        ax.axhline(0, color="#444444", lw=1)
        ax.set_xlim(0, 1)
        ax.set_ylim(-1.6, 1.6)
        ax.set_xlabel("Reliability r: probability the ally honours its commitment")
        ax.set_ylabel("EU(attack) (units of the prize)")
        ax.grid(alpha=0.3)
        ax.text(
            0.99,
            0.03,
            "below 0: deterred",
            ha="right",
            va="bottom",
            fontsize=8,
            color="#444444",
            transform=ax.transAxes,
        )
        ax.text(
            0.99,
            0.97,
            "above 0: attack pays",
            ha="right",
            va="top",
            fontsize=8,
            color="#444444",
            transform=ax.transAxes,
        )
        self.ax = ax
        (self.curve,) = ax.plot([], [], color=ui.PALETTE[0], lw=2, label="EU(attack)")
        self.threshold = ax.axvline(0, color=ui.PALETTE[3], lw=1.5, ls="--", label="threshold r*")
        (self.point,) = ax.plot([], [], "o", color=ui.PALETTE[3], ms=8, label="chosen r")
        ax.legend(loc="lower left", fontsize=8)
        self.blitter = ui.Blitter(self.fig, [self.curve, self.threshold, self.point])

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        values = dict(prize=self.prize.value, defender=self.defender.value, ally=self.ally.value, cost=self.cost.value)
        result = alliance_deterrence.deterrence(reliability=self.reliability.value, **values)
        # EU is linear in r: its two ends give the whole line.
        ends = [alliance_deterrence.deterrence(reliability=r, **values).attack_value for r in (0.0, 1.0)]
        self.curve.set_data(self.r, ends[0] + (ends[1] - ends[0]) * self.r)
        limit = max(1.6, 1.1 * max(abs(e) for e in ends))
        if limit != self.ax.get_ylim()[1]:  # a large prize or cost: widen the axis (static part)
            self.ax.set_ylim(-limit, limit)
            self.blitter.refresh()
        self.point.set_data([self.reliability.value], [result.attack_value])
        inside = result.threshold_status == "within"
        self.threshold.set_visible(inside)
        if inside:
            self.threshold.set_xdata([result.threshold, result.threshold])
        verdict = "deterred" if result.deterred else "<b>not</b> deterred"
        where = {
            "within": f"Threshold r* = <b>{result.threshold or 0:.2f}</b>.",
            "always": "Deterred at every reliability (r* below 0).",
            "never": "Not deterred at any reliability (r* above 1).",
            "no_ally": "With no ally strength, reliability changes nothing.",
        }[result.threshold_status]
        self.message.say(
            f"The aggressor is {verdict}: EU(attack) = <b>{result.attack_value:.2f}</b>, "
            f"margin (0 − EU) = <b>{result.margin:.2f}</b>. {where}"
        )
        self.explanation.say(result.explanation)
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"Line of the aggressor's expected value of attacking against the ally's reliability; at "
                f"r = {self.reliability.value:.2f} it is {result.attack_value:.2f}, so the aggressor is "
                f"{'deterred' if result.deterred else 'not deterred'}."
            ),
        )


def alliance_network_view(year: int = 1960, state: str = "United States") -> W.VBox:
    """The alliance network widget (what a notebook displays)."""
    return AllianceNetwork(year, state).view


def nato_waves(year: int = 1999) -> W.VBox:
    """The NATO enlargement-wave widget."""
    return NatoWaves(year).view


def alliance_deterrence_view(**kwargs) -> W.VBox:
    """The extended-deterrence widget."""
    return AllianceDeterrence(**kwargs).view


__all__ = [
    "AllianceNetwork",
    "NatoWaves",
    "AllianceDeterrence",
    "alliance_network_view",
    "nato_waves",
    "alliance_deterrence_view",
    "network_tables",
    "InputError",
]
