"""Widgets of the chapter "Arms races and the security dilemma".

Two interactive parts, each backed by a tested model:

* :class:`RichardsonRace` - six sliders for Richardson's coefficients and two
  boxes for the starting arms levels; draws x(t), y(t) and the phase plane with
  both nullclines, the equilibrium and the current path
  (:mod:`widgets.models.richardson`).
* :class:`DilemmaTournament` - a round-robin tournament of repeated Prisoner's
  Dilemma strategies with editable payoffs, noise, rounds and seed; shows the
  average payoffs as a bar chart and a ranked table (:mod:`widgets.models.dilemma`).

Axis limits are fixed, so a redraw only moves artists (see :class:`ui.Blitter`);
the tournament's payoff axis is re-laid out only when the payoffs change its range.
"""

from __future__ import annotations

from html import escape

import ipywidgets as W
import numpy as np

from widgets import ui
from widgets.models import dilemma, richardson
from widgets.models.inputs import InputError

# ----------------------------------------------------------------- Richardson

#: Hypothetical time span ("years") and the plotted range of arms levels.
T_MAX = 30.0
N_POINTS = 301
LEVEL_LIM = (-2.0, 20.0)


class RichardsonRace:
    """Sliders for k, l, a, b, g, h -> trajectories, phase plane and a verdict."""

    def __init__(self, k=0.4, l=0.4, a=0.6, b=0.6, g=1.0, h=1.0, x0="1", y0="8"):  # noqa: E741
        def slider(name, value, lo, hi, step):
            return W.FloatSlider(
                value=value,
                min=lo,
                max=hi,
                step=step,
                description=name,
                continuous_update=False,
                readout_format=".2f",
                style={"description_width": "125px"},
                layout=W.Layout(width="290px"),
            )

        self.k = slider("k (X reacts to Y)", k, 0.0, 1.0, 0.05)
        self.k.add_class("sin-control")
        self.l = slider("l (Y reacts to X)", l, 0.0, 1.0, 0.05)
        self.a = slider("a (X's fatigue)", a, 0.0, 1.0, 0.05)
        self.b = slider("b (Y's fatigue)", b, 0.0, 1.0, 0.05)
        self.g = slider("g (X's grievance)", g, -2.0, 2.0, 0.1)
        self.h = slider("h (Y's grievance)", h, -2.0, 2.0, 0.1)
        self.x0 = W.Text(
            value=str(x0),
            description="X's start x(0)",
            continuous_update=False,
            style={"description_width": "125px"},
            layout=W.Layout(width="290px"),
        )
        self.y0 = W.Text(
            value=str(y0),
            description="Y's start y(0)",
            continuous_update=False,
            style={"description_width": "125px"},
            layout=W.Layout(width="290px"),
        )
        self.controls = [self.k, self.l, self.a, self.b, self.g, self.h, self.x0, self.y0]
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self._draw_base()
        for control in self.controls:
            control.observe(lambda change: self.update(), names="value")
        rows = W.VBox([W.HBox(self.controls[i : i + 2]) for i in range(0, 8, 2)])
        self.view = ui.panel("richardson-race", [rows], [self.figure_pane, self.message])
        self.update()

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(7.4, 3.4)
        ax_t, ax_p = self.fig.subplots(1, 2, width_ratios=[1.25, 1])
        (self.line_x,) = ax_t.plot([], [], color=ui.PALETTE[0], lw=2, label="x(t): state X")
        (self.line_y,) = ax_t.plot([], [], color=ui.PALETTE[1], lw=2, ls="--", label="y(t): state Y")
        ax_t.axhline(0, color="#777", lw=0.8)
        ax_t.set_xlim(0, T_MAX)
        ax_t.set_ylim(*LEVEL_LIM)
        ax_t.set_xlabel("Time (hypothetical years)")
        ax_t.set_ylabel("Arms level (arbitrary units)")
        ax_t.set_title("Arms levels over time", fontsize=10)
        ax_t.grid(alpha=0.3)
        ax_t.legend(loc="upper left", fontsize=8)

        (self.null_x,) = ax_p.plot([], [], color=ui.PALETTE[0], lw=1.5, label="dx/dt = 0 (X content)")
        (self.null_y,) = ax_p.plot([], [], color=ui.PALETTE[1], lw=1.5, ls="--", label="dy/dt = 0 (Y content)")
        (self.path,) = ax_p.plot([], [], color=ui.PALETTE[7], lw=1.5, label="path from the start")
        (self.start,) = ax_p.plot([], [], "s", color=ui.PALETTE[7], ms=6)
        (self.eq_point,) = ax_p.plot([], [], "o", color=ui.PALETTE[3], ms=9, label="equilibrium")
        ax_p.axhline(0, color="#777", lw=0.8)
        ax_p.axvline(0, color="#777", lw=0.8)
        ax_p.set_xlim(*LEVEL_LIM)
        ax_p.set_ylim(*LEVEL_LIM)
        ax_p.set_xlabel("x: X's arms level (units)")
        ax_p.set_ylabel("y: Y's arms level (units)")
        ax_p.set_title("Phase plane", fontsize=10)
        ax_p.grid(alpha=0.3)
        ax_p.legend(loc="upper right", fontsize=7)
        self.blitter = ui.Blitter(
            self.fig, [self.line_x, self.line_y, self.null_x, self.null_y, self.path, self.start, self.eq_point]
        )

    def params(self) -> dict:
        return {name: getattr(self, name).value for name in "klabgh"}

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        p = self.params()
        x0, y0 = self.x0.value, self.y0.value
        # Every model call first, so a bad value leaves the previous figure in place.
        eq = richardson.equilibrium(**p)
        kind = richardson.classify(p, x0, y0)
        traj = richardson.simulate(p, x0, y0, T_MAX, N_POINTS)
        lines = richardson.nullclines(p, LEVEL_LIM, LEVEL_LIM)

        self.line_x.set_data(traj.t, traj.x)
        self.line_y.set_data(traj.t, traj.y)
        self.null_x.set_data(lines.x_nullcline.x, lines.x_nullcline.y)
        self.null_y.set_data(lines.y_nullcline.x, lines.y_nullcline.y)
        self.path.set_data(traj.x, traj.y)
        self.start.set_data([traj.x[0]], [traj.y[0]])
        if eq.unique:
            self.eq_point.set_data([eq.x], [eq.y])
        else:
            self.eq_point.set_data([], [])

        fatigue, fear = p["a"] * p["b"], p["k"] * p["l"]
        if eq.unique:
            relation = "&gt;" if eq.stable else "&lt;"
            verdict = "exists and is <b>stable</b>" if eq.stable else "exists but is <b>unstable</b>"
        else:
            relation, verdict = "=", "is <b>not unique</b> (knife-edge)"
        parts = [
            f"<b>{escape(kind.label.capitalize())}.</b> Fatigue a·b = {fatigue:.3g} {relation} "
            f"mutual fear k·l = {fear:.3g}, so the equilibrium {verdict}.",
            escape(eq.explanation),
        ]
        # the classification's reason adds the tipping point or the outcome, unless it repeats
        if kind.label != "stable race" and kind.reason != eq.explanation:
            parts.append(escape(kind.reason))
        notes = []
        outside = np.flatnonzero((traj.x > LEVEL_LIM[1]) | (traj.y > LEVEL_LIM[1]))
        if outside.size:
            notes.append(
                f"The path leaves the plotted range (levels above {LEVEL_LIM[1]:g}) "
                f"at t ≈ {traj.t[outside[0]]:.1f}; at t = {T_MAX:g} the levels are "
                f"x = {traj.x[-1]:.3g}, y = {traj.y[-1]:.3g}."
            )
        if eq.unique and not (LEVEL_LIM[0] <= eq.x <= LEVEL_LIM[1] and LEVEL_LIM[0] <= eq.y <= LEVEL_LIM[1]):
            notes.append("The equilibrium lies outside the plotted range, so it is not drawn in view.")
        if traj.negative:
            shown = "Arms cannot be negative" in eq.explanation + kind.reason
            notes.append(
                "<b>Warning:</b> "
                + (
                    "The path goes below zero (see the note above): read it as that side disarming completely."
                    if shown
                    else escape(traj.note)
                )
            )
        text = "<br>".join(parts + notes)
        self.message.say(text)

        alt = (
            f"Left: arms levels of X and Y over {T_MAX:g} hypothetical years, from x = {traj.x[0]:.3g}, "
            f"y = {traj.y[0]:.3g} to x = {traj.x[-1]:.3g}, y = {traj.y[-1]:.3g}. Right: phase plane "
            f"with the two nullclines, "
        )
        alt += (
            f"crossing at the equilibrium x* = {eq.x:.3g}, y* = {eq.y:.3g}, "
            if eq.unique
            else f"which {eq.nullclines} (no unique equilibrium), "
        )
        alt += f"and the race's path. Verdict: {kind.label}."
        self.figure_pane.show_png(self.blitter.png(), alt=alt)


def richardson_race(**kwargs) -> W.VBox:
    """Build and return the Richardson widget (what a notebook displays)."""
    return RichardsonRace(**kwargs).view


# ----------------------------------------------------------------- tournament

#: How strategies are named for students (model names in brackets in the table).
LABELS = {
    "always_defect": "always defect",
    "always_cooperate": "always cooperate",
    "tit_for_tat": "tit-for-tat",
    "grim_trigger": "grim trigger",
    "generous_tit_for_tat": "generous tit-for-tat",
    "random": "random (coin flip)",
}
COLOURS = dict(zip(dilemma.STRATEGIES, ui.PALETTE))
PAD = " style='padding:0.1em 0.8em 0.1em 0'"


def _limits(payoffs: dilemma.Payoffs) -> tuple[float, float]:
    """Payoff axis: averages lie between S and T; keep 0 in view."""
    span = payoffs.T - min(payoffs.S, 0.0)
    return min(payoffs.S, 0.0) - 0.02 * span, payoffs.T + 0.3 * span


class DilemmaTournament:
    """Payoff boxes, noise, rounds and seed -> ranking as bars and a table."""

    def __init__(self, T="5", R="3", P="1", S="0", noise=0.0, rounds=200, seed="0", generosity=""):  # noqa: N803
        def box(name, value, width="110px"):
            return W.Text(
                value=str(value),
                description=name,
                continuous_update=False,
                style=ui.slider_style(),
                layout=W.Layout(width=width),
            )

        self.noise = W.FloatSlider(
            value=noise,
            min=0.0,
            max=0.3,
            step=0.01,
            description="noise",
            continuous_update=False,
            readout_format=".2f",
            style=ui.slider_style(),
            layout=W.Layout(width="260px"),
        )
        self.noise.add_class("sin-control")
        self.rounds = W.IntSlider(
            value=rounds,
            min=10,
            max=500,
            step=10,
            description="rounds",
            continuous_update=False,
            style=ui.slider_style(),
            layout=W.Layout(width="260px"),
        )
        self.T, self.R, self.P, self.S = (box(n, v, "90px") for n, v in zip("TRPS", (T, R, P, S)))
        self.seed = box("seed", seed, "120px")
        self.generosity = box("forgiveness of generous TFT (blank = automatic)", generosity, "400px")
        self.controls = [self.noise, self.rounds, self.T, self.R, self.P, self.S, self.seed, self.generosity]
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self.payoffs = dilemma.Payoffs()  # the axis is laid out again if the boxes differ
        self._draw_base()
        for control in self.controls:
            control.observe(lambda change: self.update(), names="value")
        rows = W.VBox(
            [
                W.HBox([self.noise, self.rounds]),
                W.HBox([self.T, self.R, self.P, self.S]),
                W.HBox([self.seed, self.generosity]),
            ]
        )
        self.view = ui.panel("dilemma-tournament", [rows], [self.figure_pane, self.message])
        self.update()

    def _draw_base(self) -> None:
        # One row per strategy in a fixed order, so the names are static tick labels
        # (drawing text is the slowest part of a redraw); the table gives the ranking.
        n = len(dilemma.STRATEGIES)
        self.fig = ui.new_figure(6.4, 3.2)
        ax = self.ax = self.fig.add_subplot()
        self.bars = ax.barh(np.arange(n), np.zeros(n), height=0.7, color=[COLOURS[s] for s in dilemma.STRATEGIES])
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_yticks(np.arange(n), [LABELS[s] for s in dilemma.STRATEGIES])
        ax.set_xlabel("Average payoff per round (payoff units)")
        ax.grid(axis="x", alpha=0.3)
        ax.set_xlim(*_limits(self.payoffs))
        self.reference = [ax.axvline(v, color="#555", lw=1, ls=":") for v in (self.payoffs.R, self.payoffs.P)]
        self.winner = ax.text(0, 0, "", va="center", ha="left", fontsize=9, fontweight="bold")
        self.blitter = ui.Blitter(self.fig, [*self.bars, *self.reference, self.winner])

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        payoffs = dilemma.Payoffs(self.T.value, self.R.value, self.P.value, self.S.value)
        generosity = self.generosity.value.strip() or None
        result = dilemma.tournament(
            dilemma.STRATEGIES,
            rounds=self.rounds.value,
            payoffs=payoffs,
            noise=self.noise.value,
            seed=self.seed.value,
            generosity=generosity,
        )
        if payoffs != self.payoffs:  # the payoff axis changes: lay the figure out again
            self.payoffs = payoffs
            self.ax.set_xlim(*_limits(payoffs))
            self.blitter.refresh()
        score = dict(zip(result.strategies, result.scores))
        winner = result.ranking[0]
        for bar, name in zip(self.bars, result.strategies):
            bar.set_width(score[name])
            bar.set_edgecolor("black" if name == winner else "none")
            bar.set_linewidth(2 if name == winner else 0)
        row = result.strategies.index(winner)
        self.winner.set_position((max(score[winner], 0.0), row))
        self.winner.set_text(f"  winner: {score[winner]:.2f}")
        for line, value in zip(self.reference, (payoffs.R, payoffs.P)):
            line.set_xdata([value, value])

        rows = "".join(
            f"<tr><td{PAD}>{i + 1}</td><td{PAD}>{escape(LABELS[name])}</td><td{PAD}><code>{name}</code></td>"
            f"<td style='padding:0.1em 0.8em 0.1em 0;text-align:right'>{score[name]:.3f}</td></tr>"
            for i, name in enumerate(result.ranking)
        )
        table = (
            f"<table class='sin-table' style='margin:0.4em 0'><thead><tr><th{PAD}>rank</th>"
            f"<th{PAD}>strategy</th><th{PAD}>model name</th><th{PAD}>average payoff per round</th>"
            "</tr></thead><tbody>" + rows + "</tbody></table>"
        )
        summary = (
            f"<b>{escape(LABELS[winner])}</b> wins this round robin of {result.rounds} rounds per "
            f"match (noise {result.noise:g}, seed {result.seed}; generous tit-for-tat forgives "
            f"with probability {result.generosity:.3g}). Dotted lines: R = {payoffs.R:g} "
            f"(steady mutual cooperation) and P = {payoffs.P:g} (steady mutual defection)."
        )
        self.message.say(summary + table)
        ranked = "; ".join(f"{LABELS[n]} {score[n]:.2f}" for n in result.ranking)
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                "Horizontal bar chart of each strategy's average payoff per round in the tournament; "
                f"from best to worst: {ranked}."
            ),
        )


def dilemma_tournament(**kwargs) -> W.VBox:
    """Build and return the tournament widget (what a notebook displays)."""
    return DilemmaTournament(**kwargs).view


__all__ = ["RichardsonRace", "DilemmaTournament", "richardson_race", "dilemma_tournament", "InputError"]
