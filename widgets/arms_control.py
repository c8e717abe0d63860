"""Widgets of the chapter "Arms control and verification".

Three interactive parts:

* :class:`StockpileTimeline` - a country selector and a year range; draws the
  FAS estimates of warhead stockpiles (dataset ``nuclear_stockpiles``) above a
  strip with the fifteen treaties of the dataset ``treaties`` on the same year
  axis (signature, entry into force, end).
* :class:`NewStartCheck` - boxes for a force structure; counts it under New
  START's rules (:mod:`widgets.models.new_start`) and shows the three counts
  against the three central limits as bars, with a side's declared aggregate
  numbers (dataset ``new_start_data``) as markers for comparison.
* :class:`InspectionGame` - gain, penalty, cost, loss and detection
  probability; plots the equilibrium inspection and cheating probabilities
  against the detection probability (:mod:`widgets.models.inspection`).

Axis limits of the last two are fixed, so a redraw only moves artists (see
:class:`ui.Blitter`); the timeline lays its axes out again when the country or
the year range changes its limits.
"""

from __future__ import annotations

from html import escape

import ipywidgets as W
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from widgets import data, ui
from widgets.models import inspection, new_start
from widgets.models.inputs import InputError

# ----------------------------------------------------------------- stockpiles

ALL = "All nine states (sum)"
FIRST_YEAR, LAST_YEAR = 1945, 2026  # the treaty strip runs to the data's date
DATA_DATE = pd.Timestamp("2026-11-22")


def stockpile_series(table: pd.DataFrame, country: str) -> pd.Series:
    """Warheads by year for one country, or summed over the nine states (``ALL``)."""
    if country == ALL:
        return table.groupby("year")["warheads"].sum().astype(int)
    rows = table[table["country"] == country]
    if rows.empty:
        known = ", ".join(sorted(table["country"].unique()))
        raise InputError(f"No stockpile estimates for {country!r}; choose one of: {known}.")
    return rows.set_index("year")["warheads"].astype(int)


def _year(ts) -> float:
    """A date as a fractional year, for plotting on a year axis."""
    return ts.year + (ts.day_of_year - 1) / 365.25


class StockpileTimeline:
    """Country and year range -> stockpile line above the treaty timeline strip."""

    def __init__(self, country: str = ALL, years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR)):
        self.table = data.load("nuclear_stockpiles")
        self.last_data_year = int(self.table["year"].max())
        self.treaties = data.load("treaties").sort_values("signed").reset_index(drop=True)
        countries = list(self.table.groupby("country")["warheads"].max().sort_values(ascending=False).index)
        self.country = W.Dropdown(
            options=[ALL, *countries],
            value=country,
            description="Country",
            style=ui.slider_style(),
            layout=W.Layout(width="300px"),
        )
        self.country.add_class("sin-control")
        self.years = W.IntRangeSlider(
            value=years,
            min=FIRST_YEAR,
            max=LAST_YEAR,
            step=1,
            description="Years",
            continuous_update=False,
            style=ui.slider_style(),
            layout=W.Layout(width="420px"),
        )
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self._draw_base()
        self.country.observe(lambda change: self.update(), names="value")
        self.years.observe(lambda change: self.update(), names="value")
        self.view = ui.panel("arms-control-stockpiles", [self.country, self.years], [self.figure_pane, self.message])
        self.update()

    def _draw_base(self) -> None:
        # Fixed axes (log scale, 1945-2026), so a change only moves artists: the selected
        # years are highlighted rather than zoomed, which keeps every redraw a blit.
        self.fig = ui.new_figure(7.4, 6.2)
        self.ax, self.strip = self.fig.subplots(2, 1, sharex=True, height_ratios=[1.15, 1])
        ax, strip = self.ax, self.strip
        total = stockpile_series(self.table, ALL)
        ax.plot(total.index, total.values, color="#888", lw=1, label=ALL)
        self.band = Rectangle(
            (FIRST_YEAR, 0), 0, 1, transform=ax.get_xaxis_transform(), color=ui.PALETTE[5], alpha=0.18, lw=0
        )
        ax.add_patch(self.band)
        (self.faint,) = ax.plot([], [], color=ui.PALETTE[0], lw=1, alpha=0.45)
        (self.line,) = ax.plot([], [], color=ui.PALETTE[0], lw=2.5, label="selected (in the year range)")
        (self.peak,) = ax.plot([], [], "v", color=ui.PALETTE[3], ms=8, label="highest in the range")
        ax.set_yscale("log")
        ax.set_ylim(1, 1e5)
        ax.set_ylabel("Warheads in stockpile\n(log scale)")
        ax.grid(alpha=0.3, which="major")
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
        ax.legend(loc="lower right", fontsize=7, ncols=3)
        ax.set_title(
            f"Estimated nuclear warhead stockpiles, {FIRST_YEAR}–{self.last_data_year} "
            "(retired warheads excluded; releases in the source line)",
            fontsize=9,
        )
        # the strip: one row per treaty, signature (open circle), in force (filled), end (cross)
        n = len(self.treaties)
        for i, t in self.treaties.iterrows():
            signed = _year(t["signed"])
            colour = ui.PALETTE[
                {"arms_control": 0, "disarmament": 2, "non_proliferation": 4, "test_ban": 1}[t["category"]]
            ]
            ax.axvline(signed, color="#999", lw=0.6, ls=":")
            strip.plot([signed], [i], "o", mfc="white", mec=colour, ms=6)
            if pd.notna(t["entered_into_force"]):
                start = _year(t["entered_into_force"])
                end = _year(t["ended"]) if pd.notna(t["ended"]) else _year(DATA_DATE)
                strip.plot([start, end], [i, i], color=colour, lw=4, solid_capstyle="butt")
                strip.plot([signed, start], [i, i], color=colour, lw=1, ls=":")
                strip.plot([start], [i], "o", color=colour, ms=6)
                if pd.notna(t["ended"]):
                    strip.plot([end], [i], "x", color="black", ms=7, mew=2)
            else:
                strip.plot([signed, _year(DATA_DATE)], [i, i], color=colour, lw=1, ls=":")
        self.strip_band = Rectangle(
            (FIRST_YEAR, 0), 0, 1, transform=strip.get_xaxis_transform(), color=ui.PALETTE[5], alpha=0.18, lw=0
        )
        strip.add_patch(self.strip_band)
        strip.legend(
            handles=[
                Line2D([], [], color=ui.PALETTE[k], lw=4, label=name)
                for k, name in ((0, "arms control"), (2, "disarmament"), (4, "non-proliferation"), (1, "test ban"))
            ],
            loc="lower left",
            fontsize=7,
            title="category (course's)",
            title_fontsize=7,
        )
        strip.set_yticks(np.arange(n), [_label(s) for s in self.treaties["short_name"]], fontsize=8)
        strip.set_ylim(n - 0.5, -0.6)
        strip.set_xlim(FIRST_YEAR - 1, LAST_YEAR + 1)
        strip.set_xlabel("Year")
        strip.grid(axis="x", alpha=0.3)
        strip.set_title(
            "Treaties: ○ signed, ● entered into force (bar: in force, drawn to "
            f"{data.as_of_text('treaties')}), × ended",
            fontsize=8,
        )
        stockpiles = data.source_line("nuclear_stockpiles").removeprefix("Source: ")
        ui.source_note(
            self.fig,
            "Stockpiles: "
            + stockpiles.replace(" for 2024 and 2025;", " for 2024 and 2025;\n")
            + "\nTreaties: "
            + data.source_line("treaties").removeprefix("Source: "),
        )
        self.blitter = ui.Blitter(self.fig, [self.band, self.strip_band, self.faint, self.line, self.peak])

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        country = self.country.value
        lo, hi = self.years.value
        series = stockpile_series(self.table, country)
        shown = series[(series.index >= lo) & (series.index <= hi)]
        self.faint.set_data(series.index.to_numpy(), series.to_numpy())
        self.line.set_data(shown.index.to_numpy(), shown.to_numpy())
        for band in (self.band, self.strip_band):
            band.set_x(lo - 0.5)
            band.set_width(hi - lo + 1)
        signed = self.treaties[self.treaties["signed"].dt.year.between(lo, hi)]
        treaty_text = (
            ", ".join(f"{_label(s)} ({d.year})" for s, d in zip(signed["short_name"], signed["signed"])) or "none"
        )
        if shown.empty:
            self.peak.set_data([], [])
            text = (
                f"<b>{escape(country)}</b>: no estimates between {lo} and {hi}. The FAS series in "
                f"this dataset runs from {series.index.min()} to {series.index.max()} (see the release column)."
            )
        else:
            peak_year = int(shown.idxmax())
            self.peak.set_data([peak_year], [shown.max() * 1.35])
            text = (
                f"<b>{escape(country)}</b>: {shown.iloc[0]:,} warheads in {shown.index[0]}, "
                f"{shown.iloc[-1]:,} in {shown.index[-1]}; the highest in {lo}–{hi} is "
                f"<b>{shown.max():,}</b> in {peak_year}."
            )
            if hi > series.index.max():
                text += (
                    f" The estimates end in {series.index.max()}: no release with estimates for "
                    f"{series.index.max() + 1} was found."
                )
        text += f"<br>Treaties signed or opened for signature in {lo}–{hi}: {escape(treaty_text)}."
        self.message.say(text)
        alt = (
            f"Line chart, on a logarithmic scale, of the estimated nuclear warhead stockpile of {country} "
            f"from 1945 to {self.last_data_year} with the years {lo} to {hi} highlighted"
            + ("" if shown.empty else f" (highest there: {shown.max():,} in {int(shown.idxmax())})")
            + ", above a timeline of fifteen arms control treaties from the Partial Test Ban Treaty "
            "(1963) to the TPNW (2017), showing when each was signed, in force and ended."
        )
        self.figure_pane.show_png(self.blitter.png(), alt=alt)


def _label(short_name: str) -> str:
    label = short_name.split(",")[-1].strip() if "," in short_name else short_name
    return label.split("/")[0]


def stockpile_timeline(**kwargs) -> W.VBox:
    """Build and return the stockpile and treaty timeline widget."""
    return StockpileTimeline(**kwargs).view


# ----------------------------------------------------------------- New START

#: A hypothetical force, within all three limits, that the boxes start with.
DEFAULT_FORCE = dict(
    deployed_icbms=400,
    icbm_warheads=400,
    deployed_slbms=220,
    slbm_warheads=1000,
    deployed_heavy_bombers=50,
    bomber_weapons=600,
    non_deployed_icbm_launchers=50,
    non_deployed_slbm_launchers=60,
    non_deployed_heavy_bombers=10,
)
#: dataset category for each central limit, in Article II order
CATEGORIES = (
    "deployed_ICBMs_SLBMs_heavy_bombers",
    "warheads_on_deployed_ICBMs_SLBMs_plus_counted_for_deployed_HB",
    "deployed_and_nondeployed_launchers_ICBM_SLBM_plus_HB",
)
ROW_LABELS = (
    "(a) deployed ICBMs,\nSLBMs, heavy bombers",
    "(b) counted\nwarheads",
    "(c) deployed and non-\ndeployed launchers",
)
NONE = "none"
#: Boxes laid out in rows by weapon type: ICBMs, SLBMs, heavy bombers.
GRID_ORDER = (
    "deployed_icbms",
    "icbm_warheads",
    "non_deployed_icbm_launchers",
    "deployed_slbms",
    "slbm_warheads",
    "non_deployed_slbm_launchers",
    "deployed_heavy_bombers",
    "bomber_weapons",
    "non_deployed_heavy_bombers",
)
#: Short labels for the boxes (the model's FIELD_LABELS are used in its messages).
BOX_LABELS = {
    "deployed_icbms": "deployed ICBMs",
    "icbm_warheads": "warheads on deployed ICBMs",
    "deployed_slbms": "deployed SLBMs",
    "slbm_warheads": "warheads on deployed SLBMs",
    "deployed_heavy_bombers": "deployed heavy bombers",
    "bomber_weapons": "weapons bombers can carry",
    "non_deployed_icbm_launchers": "non-deployed ICBM launchers",
    "non_deployed_slbm_launchers": "non-deployed SLBM launchers",
    "non_deployed_heavy_bombers": "non-deployed heavy bombers",
}
X_MAX = 160.0  # percent of the limit shown on the axis


def declared_numbers(table: pd.DataFrame) -> dict[str, tuple[int, int, int]]:
    """Each declared data exchange as {"United States, 2023-03-01": (a, b, c)}."""
    rows = table[table["party"] != "limit"]
    out = {}
    for (party, as_of), group in rows.groupby(["party", "as_of"], sort=True):
        values = group.set_index("category")["value"]
        if not all(c in values.index for c in CATEGORIES):
            continue  # a partial snapshot (e.g. only the warhead count is sourced) cannot be compared
        out[f"{party}, {as_of.date()}"] = tuple(int(values[c]) for c in CATEGORIES)
    return out


class NewStartCheck:
    """Force-structure boxes -> the three New START counts against the limits."""

    def __init__(self, compare: str = NONE, **force):
        self.table = data.load("new_start_data")
        self.declared = declared_numbers(self.table)
        limits = self.table[self.table["party"] == "limit"].set_index("category")["value"]
        self.limits = tuple(int(limits[c]) for c in CATEGORIES)
        if self.limits != (new_start.DELIVERY_VEHICLE_LIMIT, new_start.WARHEAD_LIMIT, new_start.LAUNCHER_LIMIT):
            raise InputError("The dataset's New START limits differ from the model's; check both.")
        values = {**DEFAULT_FORCE, **force}
        self.boxes = {}
        for name in GRID_ORDER:
            # label above the box (flex column), so long labels are never cut short
            box = W.Text(
                value=str(values[name]),
                description=BOX_LABELS[name],
                continuous_update=False,
                style={"description_width": "initial"},
                layout=W.Layout(width="225px", flex_flow="column", align_items="flex-start"),
            )
            box.add_class("sin-stacked")
            self.boxes[name] = box
            setattr(self, name, box)
        self.boxes["deployed_icbms"].add_class("sin-control")
        self.grid = W.GridBox(
            [self.boxes[n] for n in GRID_ORDER], layout=W.Layout(grid_template_columns="repeat(3, 230px)")
        )
        self.compare = W.Dropdown(
            options=[NONE, *self.declared],
            value=compare,
            description="Compare with declared numbers",
            style={"description_width": "initial"},
            layout=W.Layout(width="480px"),
        )
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self._draw_base()
        for control in [*self.boxes.values(), self.compare]:
            control.observe(lambda change: self.update(), names="value")
        rows = W.VBox([self.grid, self.compare])
        self.view = ui.panel("new-start-check", [rows], [self.figure_pane, self.message])
        self.update()

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(7.0, 3.0)
        ax = self.ax = self.fig.add_subplot()
        y = np.arange(3)
        self.bars = ax.barh(y, np.zeros(3), height=0.6, color=ui.PALETTE[0])
        ax.axvline(100, color="black", lw=1.5)
        ax.text(101, -0.62, "limit", fontsize=8, va="bottom")
        ax.set_yticks(y, ROW_LABELS, fontsize=8)
        ax.set_ylim(2.6, -0.85)
        ax.set_xlim(0, X_MAX)
        ax.set_xlabel("Counted total, percent of the treaty limit (%)")
        ax.grid(axis="x", alpha=0.3)
        self.labels = [
            ax.text(
                2,
                i,
                "",
                va="center",
                ha="left",
                fontsize=8,
                fontweight="bold",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
            )
            for i in y
        ]
        (self.declared_marks,) = ax.plot([], [], "D", color=ui.PALETTE[1], mec="black", ms=8, label="declared numbers")
        ax.legend(loc="lower right", fontsize=7)
        self.blitter = ui.Blitter(self.fig, [*self.bars, *self.labels, self.declared_marks])

    def force(self) -> dict:
        return {name: box.value for name, box in self.boxes.items()}

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        result = new_start.assess(self.force())
        for bar, label, check, i in zip(self.bars, self.labels, result.checks, range(3)):
            share = 100.0 * check.counted / check.limit
            bar.set_width(min(share, X_MAX))
            bar.set_color(ui.PALETTE[3] if check.broken else ui.PALETTE[0])
            label.set_text(f"{check.counted:,} of {check.limit:,}" + (" OVER" if check.broken else ""))
        compared = ""
        if self.compare.value == NONE:
            self.declared_marks.set_data([], [])
        else:
            numbers = self.declared[self.compare.value]
            self.declared_marks.set_data([100.0 * v / lim for v, lim in zip(numbers, self.limits)], [0, 1, 2])
            compared = (
                f"<br>Declared by {escape(self.compare.value)} (orange diamonds): "
                + " / ".join(f"{v:,}" for v in numbers)
                + " for limits (a) / (b) / (c). These are totals only: the data exchanges "
                "published here do not split them into ICBMs, SLBMs and bombers."
            )
        verdict = "<b>Complies.</b> " if result.complies else "<b>Breaks the treaty.</b> "
        self.message.say(verdict + escape(result.summary) + compared)
        alt = (
            "Bar chart of the three New START counts as a share of their limits: "
            + "; ".join(f"{c.name} {c.counted:,} of {c.limit:,}" for c in result.checks)
            + (f"; limits broken: {', '.join(result.broken)}." if result.broken else "; all within the limits.")
        )
        self.figure_pane.show_png(self.blitter.png(), alt=alt)


def new_start_check(**kwargs) -> W.VBox:
    """Build and return the New START compliance widget."""
    return NewStartCheck(**kwargs).view


# ----------------------------------------------------------------- inspection game


class InspectionGame:
    """g, f sliders and c, L, d boxes -> equilibrium p(d), q(d) with the chosen d marked."""

    def __init__(self, g: float = 4.0, f: float = 6.0, c="1", L="10", d="0.8"):  # noqa: N803
        self.g = W.FloatSlider(
            value=g,
            min=0.5,
            max=10.0,
            step=0.5,
            description="g: gain from cheating",
            continuous_update=False,
            style={"description_width": "160px"},
            layout=W.Layout(width="380px"),
        )
        self.g.add_class("sin-control")
        self.f = W.FloatSlider(
            value=f,
            min=0.5,
            max=20.0,
            step=0.5,
            description="f: penalty if caught",
            continuous_update=False,
            style={"description_width": "160px"},
            layout=W.Layout(width="380px"),
        )

        def box(name, value):
            return W.Text(
                value=str(value),
                description=name,
                continuous_update=False,
                style={"description_width": "210px"},
                layout=W.Layout(width="300px"),
            )

        self.c = box("c: cost of an inspection", c)
        self.L = box("L: loss if cheating is missed", L)
        self.d = box("d: detection probability", d)
        self.controls = [self.g, self.f, self.c, self.L, self.d]
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self._draw_base()
        for control in self.controls:
            control.observe(lambda change: self.update(), names="value")
        rows = W.VBox([W.HBox([self.g, self.f]), W.HBox([self.c, self.L]), W.HBox([self.d])])
        self.view = ui.panel("inspection-game", [rows], [self.figure_pane, self.message])
        self.update()

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(6.6, 3.4)
        ax = self.ax = self.fig.add_subplot()
        self.no_deter = Rectangle(
            (0, 0), 0, 1, transform=ax.get_xaxis_transform(), color=ui.PALETTE[3], alpha=0.12, lw=0
        )
        ax.add_patch(self.no_deter)
        (self.p_line,) = ax.plot([], [], color=ui.PALETTE[0], lw=2, label="p: probability of inspecting")
        (self.q_line,) = ax.plot([], [], color=ui.PALETTE[3], lw=2, ls="--", label="q: probability of cheating")
        self.threshold = ax.axvline(0, color=ui.PALETTE[3], lw=1, ls=":")
        (self.p_point,) = ax.plot([], [], "o", color=ui.PALETTE[0], ms=8)
        (self.q_point,) = ax.plot([], [], "s", color=ui.PALETTE[3], ms=7)
        self.d_line = ax.axvline(0, color="#555", lw=1)
        self.zone_label = ax.text(
            0.01, 0.5, "", transform=ax.get_xaxis_transform(), fontsize=8, color=ui.PALETTE[3], va="center"
        )
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.05)
        ax.set_xlabel("d: probability that an inspection detects cheating")
        ax.set_ylabel("Equilibrium probability")
        ax.grid(alpha=0.3)
        ax.legend(loc="upper right", fontsize=8)
        self.blitter = ui.Blitter(
            self.fig,
            [
                self.no_deter,
                self.p_line,
                self.q_line,
                self.threshold,
                self.p_point,
                self.q_point,
                self.d_line,
                self.zone_label,
            ],
        )

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        g, f, c, L, d = self.g.value, self.f.value, self.c.value, self.L.value, self.d.value
        eq = inspection.equilibrium(g, f, c, d, L)  # checks every value first
        cv = inspection.curves(g, f, c, L, n=400)
        self.p_line.set_data(cv.d, cv.inspect_probability)
        self.q_line.set_data(cv.d, cv.cheat_probability)
        threshold = eq.detection_threshold
        self.no_deter.set_width(threshold)
        self.threshold.set_xdata([threshold, threshold])
        self.zone_label.set_text("inspections\ncannot deter" if threshold > 0.12 else "")
        d_value = float(d)
        self.d_line.set_xdata([d_value, d_value])
        self.p_point.set_data([d_value], [eq.inspect_probability])
        self.q_point.set_data([d_value], [eq.cheat_probability])
        self.message.say(
            f"At d = {d_value:.3g}: inspect with probability <b>p = {eq.inspect_probability:.3g}</b>, "
            f"cheat with probability <b>q = {eq.cheat_probability:.3g}</b> ({escape(eq.regime)}). "
            f"Detection must exceed g/(g+f) = {threshold:.3g} (shaded region below it) before any "
            f"inspection rate can make cheating unprofitable.<br>{escape(eq.explanation)}"
        )
        alt = (
            f"Equilibrium probabilities of inspecting and of cheating plotted against the detection "
            f"probability d from 0 to 1, for g = {g:g}, f = {f:g}, c = {float(c):g}, L = {float(L):g}; "
            f"below d = {threshold:.3g} inspections cannot deter and cheating is certain; at the "
            f"chosen d = {d_value:.3g}, p = {eq.inspect_probability:.3g} and q = {eq.cheat_probability:.3g}."
        )
        self.figure_pane.show_png(self.blitter.png(), alt=alt)


def inspection_game(**kwargs) -> W.VBox:
    """Build and return the inspection game widget."""
    return InspectionGame(**kwargs).view
