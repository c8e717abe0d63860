"""Widgets of the chapter "Burden sharing and the economics of alliances".

Three interactive parts, each backed by a tested model or the course's data:

* :class:`GuidelineChart` - NATO Allies' defence spending as a share of GDP
  (June 2024 release) for 2014 or 2024e, sorted by value or by name, with the 2%
  and 3.5% lines, a line of the reader's own, and counts of Allies at or above each
  (:mod:`widgets.models.guidelines`).
* :class:`AllianceGame` - Olson and Zeckhauser's public-goods alliance with two or
  three allies: equilibrium versus efficient defence, the under-provision gap and
  the free riders (:mod:`widgets.models.public_goods`).
* :class:`ExploitationTest` - Spearman's rank correlation between GDP and the
  defence share, with a permutation p-value, for a year and after dropping any
  members (:mod:`widgets.models.rank_test`).

Static parts (axes, guideline lines) are drawn once; a redraw moves only artists
and is rendered with :class:`ui.Blitter`.
"""

from __future__ import annotations

from functools import lru_cache

import ipywidgets as W
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.transforms import blended_transform_factory

from widgets import data, ui
from widgets.models import guidelines, public_goods, rank_test

SHARE = "defence_share_gdp_pct"
GDP = "gdp_constant_2015_usd"
YEARS = (("2014", 2014), ("2024e", 2024))
YEAR_LABEL = dict((v, k) for k, v in YEARS)
LINES = (2.0, 3.5)
SEED = 0
PERMUTATIONS = 9999


def shares(year: int) -> pd.Series:
    """The June 2024 release's shares for ``year`` (2014 or 2024), indexed by Ally."""
    frame = data.load("nato_defence_share")
    frame = frame[frame["year"] == year]
    return pd.Series(frame[SHARE].to_numpy(), index=frame["country"].to_numpy(), name=SHARE)


def member_in(iso3: str, year: int) -> bool:
    """Whether the Ally with code ``iso3`` was a NATO member during ``year`` (joined by that year).

    Read from the accession dates in ``nato_members``: NATO's releases give figures for
    years before a state joined (Montenegro, North Macedonia, Finland and Sweden all have
    2014 figures), so a question about the Allies of a year must drop them.
    """
    return _accession_years().get(iso3, 10_000) <= year


@lru_cache(maxsize=1)
def _accession_years() -> dict[str, int]:
    members = data.load("nato_members")
    return dict(zip(members["iso3"], members["accession_date"].dt.year))


def size_and_burden(year: int, members_in: int | None = None) -> pd.DataFrame:
    """One row per Ally with a share in ``year``: country, GDP (constant 2015 US$) and share of GDP.

    Only states that were members in ``members_in`` (default: ``year`` itself) are kept, so the
    2014 table holds the 27 Allies of the Wales summit that have figures, not states that joined later.
    """
    members_in = year if members_in is None else members_in
    share = data.load("nato_defence_share")
    gdp = data.load("gdp")
    merged = share.merge(gdp[["iso3", "year", GDP]], on=["iso3", "year"], how="left")
    merged = merged[(merged["year"] == year) & merged["iso3"].map(lambda c: member_in(c, members_in))]
    return merged[["country", "iso3", GDP, SHARE]].reset_index(drop=True)


def _year_buttons(value: int) -> W.ToggleButtons:
    return W.ToggleButtons(
        options=YEARS, value=value, description="Year", style={"description_width": "initial", "button_width": "70px"}
    )


# ----------------------------------------------------------------- 1. guideline chart


class GuidelineChart:
    """Year, sort order and a line of your own -> bar chart of shares and counts."""

    def __init__(self, year: int = 2024, sort: str = "value", own_line: float = 3.0):
        self.data = {y: shares(y) for _, y in YEARS}
        self.year = _year_buttons(year)
        self.sort = W.ToggleButtons(
            options=[("by value", "value"), ("by name", "name")],
            value=sort,
            description="Sort",
            style={"description_width": "initial", "button_width": "80px"},
        )
        self.own_line = W.FloatSlider(
            value=own_line,
            min=0.0,
            max=4.5,
            step=0.05,
            description="Your own line (% of GDP)",
            continuous_update=False,
            readout_format=".2f",
            style={"description_width": "initial"},
            layout=W.Layout(width="330px"),
        )
        self.own_line.add_class("sin-control")
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self._draw_base()
        for control in (self.year, self.sort, self.own_line):
            control.observe(lambda change: self.update(), names="value")
        self.view = ui.panel(
            "burden-guideline", [self.year, self.sort, self.own_line], [self.figure_pane, self.message]
        )
        self.update()

    def _draw_base(self) -> None:
        n = len(self.data[2014])
        # Fixed margins (no layout engine): the names are drawn left of the axes.
        self.fig = Figure(figsize=(6.4, 6.4), dpi=100, facecolor="white")
        self.fig.subplots_adjust(left=0.2, right=0.97, top=0.95, bottom=0.2)
        ax = self.ax = self.fig.add_subplot()
        ax.set_ylim(n - 0.4, -0.6)
        ax.set_xlim(0, 4.6)
        ax.set_yticks([])
        ax.set_xlabel("Defence expenditure (percent of GDP)")
        ax.grid(axis="x", alpha=0.3)
        guides = [ax.axvline(value, color=ui.PALETTE[7], lw=1.2, ls=style) for value, style in zip(LINES, ("-", "--"))]
        self.bars = ax.barh(np.arange(n), np.zeros(n), height=0.7, color=ui.PALETTE[5])
        names = blended_transform_factory(ax.transAxes, ax.transData)
        self.labels = [ax.text(-0.01, i, "", transform=names, ha="right", va="center", fontsize=7.5) for i in range(n)]
        self.values = [ax.text(0, i, "", ha="left", va="center", fontsize=6.5, color="#333") for i in range(n)]
        self.own = ax.axvline(3.0, color=ui.PALETTE[3], lw=1.5, ls=":")
        self.title = ax.set_title("", fontsize=10)
        self.fig.legend(
            handles=[
                Rectangle((0, 0), 1, 1, color=ui.PALETTE[0]),
                Rectangle((0, 0), 1, 1, color=ui.PALETTE[5]),
                *guides,
                self.own,
            ],
            labels=[
                "at or above 2%",
                "below 2%",
                "2% guideline (Wales, 2014)",
                "3.5% core defence (The Hague, 2025)",
                "your own line",
            ],
            loc="lower center",
            bbox_to_anchor=(0.58, 0.055),
            ncol=3,
            fontsize=7,
            frameon=False,
        )
        ui.source_note(
            self.fig,
            "Source: NATO, Defence Expenditure of NATO Countries (2014-2024), June 2024,\n"
            "via copies by J. Voss and Graphic News (dataset: nato_defence_share).",
        )
        # Drawing 62 labels costs far more than 100 ms here, so each view (year, sort) is
        # drawn in full once and kept as a background; only your own line moves on top of it.
        # The Blitter is made at the first view (its first full draw then serves that view).
        self.blitter: ui.Blitter | None = None
        self.backgrounds: dict[tuple[int, str], object] = {}

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        year = self.year.value
        s = self.data[year]
        own = guidelines.line(self.own_line.value)  # a bad value stops here, figure unchanged
        ordered = guidelines.sort_members(s, self.sort.value)
        counts = {t: guidelines.count_at_or_above(s, t) for t in (*LINES, own)}
        label = YEAR_LABEL[year]
        view = (year, self.sort.value)
        if view not in self.backgrounds:
            for bar, name_text, value_text, (name, value) in zip(self.bars, self.labels, self.values, ordered.items()):
                bar.set_width(value)
                bar.set_color(ui.PALETTE[0] if value >= LINES[0] else ui.PALETTE[5])
                name_text.set_text(name)
                value_text.set_x(value + 0.04)
                value_text.set_text(f"{value:.2f}")
            self.title.set_text(f"Defence spending of {len(s)} Allies, {label} (NATO, June 2024 release)")
            if self.blitter is None:
                self.blitter = ui.Blitter(self.fig, [self.own])
            else:
                self.blitter.refresh()
            self.backgrounds[view] = self.blitter.background
        self.blitter.background = self.backgrounds[view]
        self.own.set_xdata([own, own])
        self.own.set_visible(own <= 4.6)  # always, with the slider's range
        self.message.say(
            f"In <b>{label}</b>, <b>{counts[2.0]}</b> of the {len(s)} Allies with a figure were at or above "
            f"<b>2%</b> of GDP and <b>{counts[3.5]}</b> at or above <b>3.5%</b>; at or above your line of "
            f"<b>{own:g}%</b>: <b>{counts[own]}</b>. (Iceland, which has no armed forces, has no figure.)"
            + ("" if own <= 4.6 else " Your line is off the chart's scale.")
        )
        top = ", ".join(f"{n} {v:.2f}%" for n, v in guidelines.sort_members(s, "value").head(3).items())
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"Horizontal bar chart of defence spending as a percentage of GDP for {len(s)} NATO Allies in "
                f"{label}, sorted by {self.sort.value}, with lines at 2% and 3.5%. {counts[2.0]} Allies are at or "
                f"above 2% and {counts[3.5]} at or above 3.5%. Highest: {top}."
            ),
        )


def guideline_chart(year: int = 2024, sort: str = "value", own_line: float = 3.0) -> W.VBox:
    """Build and return the guideline chart (what a notebook displays)."""
    return GuidelineChart(year, sort, own_line).view


# ----------------------------------------------------------------- 2. alliance game

ALLY_NAMES = ("Ally A", "Ally B", "Ally C")
ALPHA_MAX = 0.5


def _nice_limit(value: float) -> float:
    """The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is at least ``value``."""
    power = 10.0 ** np.floor(np.log10(max(value, 1e-9)))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


class AllianceGame:
    """Incomes of 2-3 allies, publicness θ and α -> equilibrium vs efficient defence."""

    def __init__(self, incomes=(100, 50, 20), n_allies: int = 3, theta: float = 1.0, alpha: float = 0.2):
        def slider(description, value, lo, hi, step, fmt):
            return W.FloatSlider(
                value=value,
                min=lo,
                max=hi,
                step=step,
                description=description,
                continuous_update=False,
                readout_format=fmt,
                style={"description_width": "150px"},
                layout=W.Layout(width="330px"),
            )

        self.incomes = [slider(f"Income of {name}", v, 0, 100, 5, ".0f") for name, v in zip(ALLY_NAMES, incomes)]
        self.incomes[0].add_class("sin-control")
        self.n_allies = W.ToggleButtons(
            options=[("2 allies", 2), ("3 allies", 3)],
            value=n_allies,
            description="Alliance",
            style={"description_width": "initial", "button_width": "75px"},
        )
        self.theta = slider("Publicness θ", theta, 0, 1, 0.05, ".2f")
        self.alpha = slider("α (own-defence share)", alpha, 0.05, ALPHA_MAX, 0.05, ".2f")
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self._draw_base()
        for control in (*self.incomes, self.n_allies, self.theta, self.alpha):
            control.observe(lambda change: self.update(), names="value")
        rows = W.VBox(
            [
                W.HBox([self.incomes[0], self.theta]),
                W.HBox([self.incomes[1], self.alpha]),
                W.HBox([self.incomes[2], self.n_allies]),
            ]
        )
        self.view = ui.panel("burden-game", [rows], [self.figure_pane, self.message])
        self.update()

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(7.2, 3.4)
        self.ax_a, self.ax_t = self.fig.subplots(1, 2, width_ratios=[1.5, 1])
        x = np.arange(3)
        self.nash_bars = self.ax_a.bar(
            x - 0.2, np.zeros(3), width=0.38, color=ui.PALETTE[0], label="equilibrium (each ally acts alone)"
        )
        self.eff_bars = self.ax_a.bar(
            x + 0.2,
            np.zeros(3),
            width=0.38,
            color=ui.PALETTE[1],
            hatch="//",
            edgecolor="white",
            label="efficient (joint planner)",
        )
        self.absent = self.ax_a.text(2, 0, "not in the\nalliance", ha="center", va="bottom", fontsize=8, color="#555")
        self.free_marks = [
            self.ax_a.text(
                i - 0.2, 0, "free\nrider", ha="center", va="bottom", fontsize=7, color=ui.PALETTE[3], fontweight="bold"
            )
            for i in range(3)
        ]
        self.ax_a.set_xticks(x, ALLY_NAMES)
        self.ax_a.set_ylabel("Defence bought (income units)")
        self.ax_a.set_title("Each ally's defence", fontsize=10)
        self.ax_a.legend(loc="upper right", fontsize=7)
        self.ax_a.grid(axis="y", alpha=0.3)

        self.total_nash = self.ax_t.bar([0], [0], width=0.6, color=ui.PALETTE[0])[0]
        self.total_gap = self.ax_t.bar(
            [0],
            [0],
            width=0.6,
            bottom=[0],
            color="white",
            edgecolor=ui.PALETTE[3],
            hatch="xx",
            lw=1.2,
            label="under-provision gap",
        )[0]
        self.total_eff = self.ax_t.bar([1], [0], width=0.6, color=ui.PALETTE[1], hatch="//", edgecolor="white")[0]
        self.total_text = [self.ax_t.text(i, 0, "", ha="center", va="bottom", fontsize=8) for i in range(2)]
        self.ax_t.set_xticks([0, 1], ["equilibrium", "efficient"])
        self.ax_t.set_ylabel("Alliance total (income units)")
        self.ax_t.set_title("Total defence", fontsize=10)
        self.ax_t.legend(loc="upper left", fontsize=7)
        self.ax_t.grid(axis="y", alpha=0.3)
        self.limits = (None, None)
        self.blitter = ui.Blitter(
            self.fig,
            [
                *self.nash_bars,
                *self.eff_bars,
                self.absent,
                *self.free_marks,
                self.total_nash,
                self.total_gap,
                self.total_eff,
                *self.total_text,
            ],
        )

    @staticmethod
    @lru_cache(maxsize=64)
    def _limits(incomes: tuple[float, ...]) -> tuple[float, float]:
        """Axis limits that fit every θ and α the sliders allow, for these incomes.

        They change only with the incomes, so moving θ or α never rescales the axes:
        bars visibly grow with α, and a redraw needs no full re-layout.
        """
        alpha = ALPHA_MAX  # defence rises with α
        per_ally, total = 0.0, 0.0
        for theta in (0.0, 0.25, 0.5, 0.75, 1.0):
            efficient = public_goods.efficient_contributions(incomes, alpha, theta)
            nash = public_goods.nash_contributions(incomes, alpha, theta)
            per_ally = max(per_ally, efficient.max(), nash.max())
            total = max(total, efficient.sum())
        return _nice_limit(per_ally * 1.15), _nice_limit(total * 1.12)

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        n = self.n_allies.value
        incomes = [s.value for s in self.incomes[:n]]
        names = ALLY_NAMES[:n]
        # The model call first: a bad value leaves the previous figure in place.
        result = public_goods.burden_sharing(incomes, self.alpha.value, self.theta.value, names=names)
        efficient = public_goods.efficient_contributions(incomes, self.alpha.value, self.theta.value)
        q = list(result.contributions) + [0.0] * (3 - n)
        e = list(efficient) + [0.0] * (3 - n)
        limits = self._limits(tuple(incomes))
        if limits != self.limits:
            self.ax_a.set_ylim(0, limits[0])
            self.ax_t.set_ylim(0, limits[1])
            self.limits = limits
            self.blitter.refresh()
        for i in range(3):
            self.nash_bars[i].set_height(q[i])
            self.eff_bars[i].set_height(e[i])
            self.free_marks[i].set_visible(i < n and names[i] in result.free_riders)
            self.free_marks[i].set_y(q[i] + 0.01 * limits[0])
        self.absent.set_visible(n == 2)
        gap = max(result.gap, 0.0)  # the model's gap is >= 0 up to rounding (-1e-15 would print "-0.0")
        self.total_nash.set_height(result.total)
        self.total_gap.set_y(result.total)
        self.total_gap.set_height(max(result.gap, 0.0))
        self.total_eff.set_height(result.efficient_total)
        top = max(result.total, result.efficient_total) + 0.01 * limits[1]
        self.total_text[0].set_y(top)
        self.total_text[0].set_text(f"{result.total:.1f} + gap {gap:.1f}")
        self.total_text[1].set_y(top)
        self.total_text[1].set_text(f"{result.efficient_total:.1f}")

        share = 100 * gap / result.efficient_total if result.efficient_total > 0 else 0.0
        riders = result.free_riders
        who = (
            f"Free riders (buy nothing, rely on the others): <b>{', '.join(riders)}</b>."
            if riders
            else "No ally free rides completely."
        )
        burdens = ", ".join(f"{name} {100 * b:.1f}%" for name, b in zip(names, result.burden))
        self.message.say(
            f"Equilibrium total <b>{result.total:.1f}</b> against an efficient total of "
            f"<b>{result.efficient_total:.1f}</b>: under-provision gap <b>{gap:.1f}</b> "
            f"({share:.0f}% of the efficient level). {who} Share of income spent on defence: {burdens}."
        )
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"Two bar charts for a hypothetical alliance of {n} allies with incomes "
                f"{', '.join(f'{v:g}' for v in incomes)}, publicness {self.theta.value:.2f} and alpha "
                f"{self.alpha.value:.2f}. Left: each ally's equilibrium defence "
                f"({', '.join(f'{v:.1f}' for v in q[:n])}) next to its efficient level "
                f"({', '.join(f'{v:.1f}' for v in e[:n])}). Right: equilibrium total {result.total:.1f} with the gap "
                f"of {gap:.1f} up to the efficient total {result.efficient_total:.1f}. "
                + (f"Free riders: {', '.join(riders)}." if riders else "No free riders.")
            ),
        )


def alliance_game(incomes=(100, 50, 20), n_allies: int = 3, theta: float = 1.0, alpha: float = 0.2) -> W.VBox:
    """Build and return the alliance game (what a notebook displays)."""
    return AllianceGame(incomes, n_allies, theta, alpha).view


# ----------------------------------------------------------------- 3. exploitation test


def crossed_line(line: float = 2.0, members_in: int = 2014) -> list[str]:
    """Allies (members in ``members_in``) below ``line`` in 2014 and at or above it in 2024e."""
    before = size_and_burden(2014, members_in).set_index("country")[SHARE]
    after = size_and_burden(2024, members_in).set_index("country")[SHARE]
    return sorted(c for c in before.index if before[c] < line <= after[c])


@lru_cache(maxsize=256)
def exploitation_test(year: int, drop: tuple[str, ...] = (), members_in: int | None = None) -> rank_test.RankTestResult:
    """Spearman's rho between GDP and the defence share in ``year``, without ``drop``.

    Only states that were members in ``members_in`` (default ``year``) take part; names in
    ``drop`` that are not in that population are ignored. Permutation test with 9,999
    shuffles and seed 0 (two-sided ``p_value`` and one-sided ``p_greater`` for rho > 0),
    so the same question always gets the same p-values.
    """
    frame = size_and_burden(year, members_in)
    drop = tuple(d for d in drop if d in set(frame["country"]))
    return rank_test.rank_test_frame(
        frame, GDP, SHARE, drop=drop, label="country", n_permutations=PERMUTATIONS, seed=SEED
    )


#: Significance level used to read the rank tests.
ALPHA_LEVEL = 0.05


def distinguishable_from_zero() -> str:
    """Which of the two correlations (members of 2014 in both years) is distinguishable from zero.

    "2014 only", "2024e only", "both" or "neither", at the 5% level, two-sided.
    """
    sig = {y: exploitation_test(y, members_in=2014).p_value < ALPHA_LEVEL for y in (2014, 2024)}
    if sig[2014] and sig[2024]:
        return "both"
    if sig[2014]:
        return "2014 only"
    if sig[2024]:
        return "2024e only"
    return "neither"


def change_in_correlation() -> str:
    """How the rank correlation changed from 2014 to 2024e: "stronger", "weaker" or "reversed".

    "reversed": the sign changed; otherwise "stronger" if |rho| grew, else "weaker".
    Both years use the Allies that were members in 2014.
    """
    before = exploitation_test(2014, members_in=2014).rho
    after = exploitation_test(2024, members_in=2014).rho
    if np.sign(before) != np.sign(after):
        return "reversed"
    return "stronger" if abs(after) > abs(before) else "weaker"


LABELLED = ("United States", "Germany", "Poland", "Greece", "Luxembourg", "Montenegro")


class ExploitationTest:
    """Year and members left out -> scatter of GDP vs share, Spearman's rho and p."""

    def __init__(self, year: int = 2014, drop: tuple[str, ...] = ()):
        self.frames = {y: size_and_burden(y) for _, y in YEARS}
        names = sorted(self.frames[2024]["country"], key=str.casefold)
        self.year = _year_buttons(year)
        self.year.add_class("sin-control")
        self.drop = W.SelectMultiple(
            options=names,
            value=tuple(drop),
            rows=8,
            description="Leave out (Ctrl/Cmd-click)",
            style={"description_width": "initial"},
            layout=W.Layout(width="330px"),
        )
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self._draw_base()
        for control in (self.year, self.drop):
            control.observe(lambda change: self.update(), names="value")
        self.view = ui.panel("burden-exploitation", [self.year, self.drop], [self.figure_pane, self.message])
        self.update()

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(6.6, 3.8)
        ax = self.ax = self.fig.add_subplot()
        ax.set_xscale("log")
        ax.set_xlim(2, 4e4)
        ax.set_ylim(0, 4.6)
        ax.set_xlabel("GDP (billion US dollars, constant 2015 prices; log scale)")
        ax.set_ylabel("Defence expenditure (% of GDP)")
        ax.grid(alpha=0.3, which="major")
        for value, style in zip(LINES, ("-", "--")):
            ax.axhline(value, color="#888", lw=0.9, ls=style)
        self.kept = ax.scatter([], [], s=28, color=ui.PALETTE[0], zorder=3, label="included")
        self.dropped = ax.scatter(
            [], [], s=40, facecolors="none", edgecolors=ui.PALETTE[3], lw=1.3, zorder=3, label="left out"
        )
        self.names = {
            n: ax.text(1, 1, n, fontsize=7, ha="right" if n == "United States" else "left", va="bottom", color="#333")
            for n in LABELLED
        }
        self.title = ax.set_title("", fontsize=10)
        ax.legend(loc="upper left", fontsize=8)
        ui.source_note(
            self.fig,
            "Source: NATO, June 2024 release (dataset: nato_defence_share); World Bank WDI "
            "via Our World in Data (dataset: gdp).",
        )
        self.blitter = ui.Blitter(self.fig, [self.kept, self.dropped, *self.names.values(), self.title])

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        year, drop = self.year.value, tuple(self.drop.value)
        result = exploitation_test(year, drop)  # a bad choice (too few members) stops here
        # Compare like with like: the Allies that were members in 2014, in the other year.
        other = exploitation_test(other_year(year), drop, members_in=2014)
        frame = self.frames[year]
        drop = tuple(d for d in drop if d in set(frame["country"]))
        absent = [d for d in self.drop.value if d not in set(frame["country"])]
        gdp_bn = frame[GDP].to_numpy() / 1e9
        share = frame[SHARE].to_numpy()
        out = frame["country"].isin(drop).to_numpy()
        self.kept.set_offsets(np.column_stack([gdp_bn[~out], share[~out]]))
        self.dropped.set_offsets(np.column_stack([gdp_bn[out], share[out]]) if out.any() else np.empty((0, 2)))
        for name, text in self.names.items():
            hits = np.flatnonzero(frame["country"].to_numpy() == name)
            text.set_visible(hits.size > 0)  # Montenegro was not a member in 2014
            if not hits.size:
                continue
            i = int(hits[0])
            shift = 0.9 if name == "United States" else 1.12
            text.set_position((gdp_bn[i] * shift, share[i] + 0.08))
        label = YEAR_LABEL[year]
        self.title.set_text(f"{label}: Spearman's ρ = {result.rho:+.2f} (n = {result.n})")
        size = abs(result.rho)
        strength = (
            "almost no relation"
            if size < 0.1
            else "a weak tendency"
            if size < 0.3
            else "a moderate tendency"
            if size < 0.5
            else "a strong tendency"
        )
        direction = "larger" if result.rho > 0 else "smaller"
        verdict = strength if size < 0.1 else f"{strength} for richer Allies to spend a <i>{direction}</i> share"
        left_out = f" Left out: {', '.join(drop)}." if drop else ""
        if absent:
            left_out += f" Not members in {label}, so not in this test anyway: {', '.join(absent)}."
        if year == 2014:
            left_out += (
                " Only the Allies that were members at the Wales summit take part (Montenegro, North "
                "Macedonia, Finland and Sweden joined later)."
            )
        self.message.say(
            f"<b>{label}</b>: Spearman's ρ = <b>{result.rho:+.2f}</b> between GDP and the defence share "
            f"(n = {result.n}): {verdict}. Permutation p-values ({result.permutations:,} shuffles, seed {SEED}): "
            f"two-sided <b>{result.p_value:.3f}</b> (how often shuffling the shares among the same Allies gives "
            f"|ρ| at least this large), one-sided <b>{result.p_greater:.3f}</b> (how often it gives ρ at least "
            f"this large, the direction Olson and Zeckhauser predict). The Allies of 2014 in "
            f"{YEAR_LABEL[other_year(year)]}: ρ = {other.rho:+.2f} (n = {other.n}), two-sided p = "
            f"{other.p_value:.3f}.{left_out}"
        )
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"Scatter plot of {len(frame)} NATO Allies in {label}: GDP on a log scale against defence spending as "
                f"a percentage of GDP, with lines at 2% and 3.5%. Spearman's rho is {result.rho:+.2f} for the "
                f"{result.n} Allies included." + (f" Left out: {', '.join(drop)}." if drop else "")
            ),
        )


def other_year(year: int) -> int:
    return 2024 if year == 2014 else 2014


def exploitation(year: int = 2014, drop: tuple[str, ...] = ()) -> W.VBox:
    """Build and return the exploitation-hypothesis test (what a notebook displays)."""
    return ExploitationTest(year, drop).view
