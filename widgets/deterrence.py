"""The Deterrence chapter's widgets: the calculus, the game tree and Chicken.

Each component draws its figure once, keeps the artists that move, and on a
control change updates only their data and the sentence underneath (through
:class:`widgets.ui.Blitter`). Every number comes from
:mod:`widgets.models.deterrence` or :mod:`widgets.models.games`; a value the
model refuses (text in a payoff box, a probability outside [0, 1], payoffs that
are not a game of Chicken, an exact indifference) is shown as the model's own
sentence and the previous figure stays in place.

Payoff boxes are ``W.Text`` rather than ``W.FloatText`` on purpose: a browser's
number box silently drops text it cannot parse, whereas here the model reads
the entry and says what is wrong with it.
"""

from __future__ import annotations

from html import escape

import ipywidgets as W
import numpy as np

from widgets import ui
from widgets.models import deterrence as model
from widgets.models.games import solve_2x2
from widgets.models.inputs import InputError

GAIN_MAX, COST_MAX, PUNISH_MAX = 20.0, 10.0, 20.0
EU_LIMITS = (-PUNISH_MAX - COST_MAX - 1, GAIN_MAX + 1)  # every reachable EU(attack)


def _slider(description, value, lo, hi, step, readout="0.2f", first=False):
    s = W.FloatSlider(
        value=value,
        min=lo,
        max=hi,
        step=step,
        description=description,
        continuous_update=False,
        readout_format=readout,
        style=ui.slider_style(),
        layout=W.Layout(width="440px"),
    )
    if first:
        s.add_class("sin-control")
    return s


def _box(description, value, label_px=200):
    """A payoff entry: a label of fixed width and a box wide enough to type in."""
    return W.Text(
        value=f"{value:g}",
        description=description,
        continuous_update=False,
        style={"description_width": f"{label_px}px"},
        layout=W.Layout(width=f"{label_px + 90}px"),
    )


# --------------------------------------------------------------------------
# 1. The rational deterrence calculus
# --------------------------------------------------------------------------


class DeterrenceCalculator:
    """Sliders for p, gain, cost, punishment and credibility -> deter or fail.

    The figure plots EU(attack) against credibility (a falling straight line),
    the status-quo line at 0, a marker at the current credibility and a dashed
    vertical line at the credibility threshold c*.
    """

    def __init__(self, p_success=0.5, gain=10.0, cost=2.0, punishment=8.0, credibility=0.5):
        self.message = ui.Message()
        start = dict(p_success=p_success, gain=gain, cost=cost, punishment=punishment, credibility=credibility)
        # Starting values go through the model's checks before they reach a slider
        # (a slider would silently clamp 1.5 to 1).
        ok = ui.guarded(self.message, lambda: model.deterrence_calculus(**start))
        refused = None if ok else self.message.value
        if not ok:
            start = dict(p_success=0.5, gain=10.0, cost=2.0, punishment=8.0, credibility=0.5)
        self.credibility = _slider("Credibility of retaliation c", start["credibility"], 0, 1, 0.01, first=True)
        self.p_success = _slider("Probability of success p", start["p_success"], 0, 1, 0.01)
        self.gain = _slider("Gain from success", start["gain"], 0, GAIN_MAX, 0.5, "0.1f")
        self.cost = _slider("Cost of attacking", start["cost"], 0, COST_MAX, 0.5, "0.1f")
        self.punishment = _slider("Punishment if retaliation", start["punishment"], 0, PUNISH_MAX, 0.5, "0.1f")
        self.controls = [self.credibility, self.p_success, self.gain, self.cost, self.punishment]
        self.figure_pane = ui.FigurePane()
        self._draw_base()
        for control in self.controls:
            control.observe(lambda change: self.update(), names="value")
        self.view = ui.panel("deterrence-calculus", self.controls, [self.figure_pane, self.message])
        self.update()
        if refused:
            self.message.value = refused.replace(
                'role="alert" style="color:#a23b00;font-weight:600">',
                'role="alert" style="color:#a23b00;font-weight:600">Starting values refused: ',
                1,
            )

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(6.4, 3.4)
        ax = self.ax = self.fig.add_subplot()
        ax.set_xlim(0, 1)
        ax.set_ylim(*EU_LIMITS)
        ax.set_xlabel("Credibility of retaliation c (probability)")
        ax.set_ylabel("Expected utility (utils)")
        ax.grid(alpha=0.3)
        ax.axhline(0, color=ui.PALETTE[7], lw=1.5, label="EU(status quo) = 0")
        (self.curve,) = ax.plot([], [], color=ui.PALETTE[0], lw=2.5, label="EU(attack)")
        (self.threshold,) = ax.plot([], [], color=ui.PALETTE[3], ls="--", lw=1.5, label="threshold c*")
        (self.point,) = ax.plot([], [], "o", color=ui.PALETTE[1], ms=10, mec="black", label="current credibility")
        (self.gap,) = ax.plot([], [], color=ui.PALETTE[1], lw=3, alpha=0.8)
        ax.legend(loc="upper right", fontsize=8, framealpha=0.9)
        self.blitter = ui.Blitter(self.fig, [self.curve, self.threshold, self.gap, self.point])

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        args = (self.p_success.value, self.gain.value, self.cost.value, self.punishment.value)
        c = self.credibility.value
        result = model.deterrence_calculus(*args, credibility=c)
        curve = model.deterrence_curve(*args)
        self.curve.set_data(curve.credibility, curve.eu_attack)
        if result.threshold_case == "interior":
            self.threshold.set_data([result.threshold, result.threshold], list(EU_LIMITS))
        else:
            self.threshold.set_data([], [])
        self.point.set_data([c], [result.eu_attack])
        self.gap.set_data([c, c], [result.eu_attack, result.eu_status_quo])
        if result.tie:
            verdict = "<b>Exactly on the threshold</b>: the challenger is indifferent."
        elif result.deterred:
            verdict = f"<b>Deterred</b>: the status quo is better by {result.margin:.3g}."
        else:
            verdict = f"<b>Deterrence fails</b>: attacking is better by {-result.margin:.3g}."
        self.message.say(f"{verdict}<br>{escape(result.explanation)}")
        if result.threshold_case == "interior":
            where = f"crossing the status-quo line at c* = {result.threshold:.3g}"
        else:
            where = {
                "always deterred": "below the status-quo line at every credibility",
                "never deterred": "above the status-quo line at every credibility",
                "undefined": "flat, because the punishment is zero",
            }[result.threshold_case]
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"Line chart of the challenger's expected utility of attacking against the credibility "
                f"of retaliation, falling from {curve.eu_attack[0]:.3g} at c = 0 to "
                f"{curve.eu_attack[-1]:.3g} at c = 1, {where}; the current credibility {c:.2f} gives "
                f"EU(attack) = {result.eu_attack:.3g} against 0 for the status quo."
            ),
        )


def deterrence_calculator(**kwargs) -> W.VBox:
    """The deterrence-calculus widget (what a notebook displays)."""
    return DeterrenceCalculator(**kwargs).view


# --------------------------------------------------------------------------
# 2. The deterrence game tree and screening
# --------------------------------------------------------------------------

# Node positions: the "spine" of the tree runs left to right; each node's other
# action drops straight down to a leaf.
_NODES = {"C1": (0.0, 1.0), "D": (1.0, 1.0), "C2": (2.0, 1.0)}
_LEAVES = {"status_quo": (0.0, 0.0), "concession": (1.0, 0.0), "backdown": (2.0, 0.0), "war": (3.0, 1.0)}
_EDGES = {  # action -> (from, to, label position)
    "Status quo": ("C1", "status_quo"),
    "Challenge": ("C1", "D"),
    "Concede": ("D", "concession"),
    "Resist": ("D", "C2"),
    "Back down": ("C2", "backdown"),
    "Fight": ("C2", "war"),
}
_NODE_OF = {
    "Status quo": "Challenger's move",
    "Challenge": "Challenger's move",
    "Concede": "Defender's response",
    "Resist": "Defender's response",
    "Back down": "Challenger's escalation",
    "Fight": "Challenger's escalation",
}
_LEAF_LABEL = {
    "status_quo": "Status quo",
    "concession": "Defender\nconcedes",
    "backdown": "Challenger\nbacks down",
    "war": "War",
}
DEFAULT_PAYOFFS = {"status_quo": (0, 0), "concession": (1, -1), "backdown": (-1, 1), "war": (-2, -2)}


def _pos(name):
    return _NODES.get(name) or _LEAVES[name]


class DeterrenceGame:
    """Payoff boxes -> the tree solved by backward induction, path highlighted.

    Below the tree, a belief slider q (the chance that the defender is resolute)
    drives :func:`widgets.models.deterrence.screening`, using the challenger's
    payoffs from the tree: status quo, concession, and its best reply once resisted.
    """

    def __init__(self, payoffs: dict | None = None, q: float = 0.6):
        pays = dict(DEFAULT_PAYOFFS, **(payoffs or {}))
        self.boxes = {}
        for leaf in ("status_quo", "concession", "backdown", "war"):
            label = _LEAF_LABEL[leaf].replace("\n", " ")
            self.boxes[(leaf, 0)] = _box(f"{label}: Challenger", pays[leaf][0], 210)
            self.boxes[(leaf, 1)] = _box("Defender", pays[leaf][1], 70)
        self.war_challenger = self.boxes[("war", 0)]  # named for scripts/bench.py
        self.q = _slider("Belief q that the defender is resolute", q, 0, 1, 0.01, first=True)
        self.tree_pane, self.screen_pane = ui.FigurePane(), ui.FigurePane()
        self.message, self.screen_message = ui.Message(), ui.Message()
        self._draw_tree()
        self._draw_screen()
        for box in self.boxes.values():
            box.observe(lambda change: self.update(), names="value")
        self.q.observe(lambda change: self.update_screen(), names="value")
        rows = [
            W.HBox([self.boxes[(leaf, 0)], self.boxes[(leaf, 1)]])
            for leaf in ("status_quo", "concession", "backdown", "war")
        ]
        tree = ui.panel("deterrence-game", [W.VBox(rows)], [self.tree_pane, self.message])
        screen = ui.panel("deterrence-screening", [self.q], [self.screen_pane, self.screen_message])
        self.view = W.VBox([tree, W.HTML("<b>Incomplete information: is the defender resolute?</b>"), screen])
        self.solution = None
        self.update()

    # -- drawing ----------------------------------------------------------
    def _draw_tree(self) -> None:
        self.tree_fig = ui.new_figure(6.4, 2.7)
        ax = self.tree_fig.add_subplot()
        ax.set_xlim(-0.5, 3.6)
        ax.set_ylim(-0.5, 1.35)
        ax.set_axis_off()
        self.edges = {}
        for action, (a, b) in _EDGES.items():
            (x0, y0), (x1, y1) = _pos(a), _pos(b)
            (self.edges[action],) = ax.plot([x0, x1], [y0, y1], color="#999", lw=1.5, zorder=1)
            if y0 == y1:
                ax.text((x0 + x1) / 2, y0 + 0.07, action, ha="center", va="bottom", fontsize=9)
            else:
                ax.text(x0 + 0.05, (y0 + y1) / 2, action, ha="left", va="center", fontsize=9)
        self.node_artists = []  # drawn after the (moving) edges, so they stay on top
        for node, (x, y) in _NODES.items():
            who = "D" if node == "D" else "C"
            colour = ui.PALETTE[2] if who == "D" else ui.PALETTE[0]
            self.node_artists.append(ax.plot([x], [y], "o", ms=22, color=colour)[0])
            self.node_artists.append(ax.text(x, y, who, ha="center", va="center", color="white", fontweight="bold"))
        self.leaf_text = {}
        for leaf, (x, y) in _LEAVES.items():
            ax.plot([x], [y], "s", ms=8, color="#444", zorder=2)
            dx, dy, ha, va = (0.08, 0, "left", "center") if leaf == "war" else (0, -0.08, "center", "top")
            self.leaf_text[leaf] = ax.text(x + dx, y + dy, "", ha=ha, va=va, fontsize=8.5)
        ax.text(
            -0.45,
            1.3,
            "C = Challenger, D = Defender; payoffs are (Challenger, Defender)",
            fontsize=8,
            va="top",
            color="#333",
        )
        ax.text(
            -0.45,
            -0.42,
            "Thick: the equilibrium path.  Dashed: what a player would choose off that path.",
            fontsize=8,
            va="bottom",
            color="#333",
        )
        dynamic = [*self.edges.values(), *self.node_artists, *self.leaf_text.values()]
        self.tree_blitter = ui.Blitter(self.tree_fig, dynamic)

    def _draw_screen(self) -> None:
        self.screen_fig = ui.new_figure(6.4, 3.0)
        ax = self.screen_ax = self.screen_fig.add_subplot()
        ax.set_xlim(0, 1)
        ax.set_xlabel("Belief q that the defender is resolute (probability)")
        ax.set_ylabel("Challenger's expected utility (utils)")
        ax.grid(alpha=0.3)
        (self.eu_line,) = ax.plot([], [], color=ui.PALETTE[0], lw=2.5, label="EU(challenge)")
        (self.sq_line,) = ax.plot([], [], color=ui.PALETTE[7], lw=1.5, label="EU(status quo)")
        (self.q_star,) = ax.plot([], [], color=ui.PALETTE[3], ls="--", lw=1.5, label="threshold q*")
        (self.q_point,) = ax.plot([], [], "o", color=ui.PALETTE[1], ms=10, mec="black", label="current belief")
        ax.legend(loc="upper right", fontsize=8, framealpha=0.9)
        self.screen_limits = None
        self.screen_blitter = ui.Blitter(self.screen_fig, [self.eu_line, self.sq_line, self.q_star, self.q_point])

    # -- updating ---------------------------------------------------------
    def payoffs(self) -> dict:
        """The boxes' entries, as the model receives them (text; the model checks it)."""
        return {
            leaf: (self.boxes[(leaf, 0)].value, self.boxes[(leaf, 1)].value)
            for leaf in ("status_quo", "concession", "backdown", "war")
        }

    def update(self) -> None:
        if ui.guarded(self.message, self._update_tree):
            self.update_screen()
        else:
            self.solution = None
            self.screen_message.warn("Fix the payoffs above to see the incomplete-information case.")

    def _show_tree(self, alt: str) -> None:
        self.tree_pane.show_png(self.tree_blitter.png(), alt=alt)

    def _update_tree(self) -> None:
        pays = self.payoffs()
        try:
            result = model.solve_deterrence_game(**pays)
        except InputError as exc:
            if "indifferent" not in str(exc):
                raise  # a bad entry: keep the previous figure
            values = {leaf: tuple(float(v) for v in pair) for leaf, pair in pays.items()}
            for leaf, text in self.leaf_text.items():
                text.set_text(f"({values[leaf][0]:g}, {values[leaf][1]:g})")
            for line in self.edges.values():
                line.set(color="#999", lw=1.5, ls="-")
            self._show_tree(
                "The deterrence game tree with no path highlighted, because a player "
                "is indifferent at one of its decisions."
            )
            raise
        values = {leaf: tuple(float(v) for v in pair) for leaf, pair in pays.items()}
        for leaf, text in self.leaf_text.items():
            text.set_text(f"({values[leaf][0]:g}, {values[leaf][1]:g})")
        for action, line in self.edges.items():
            if action in result.path:
                line.set(color=ui.PALETTE[3], lw=5, ls="-")
            elif result.choices[_NODE_OF[action]] == action:
                line.set(color=ui.PALETTE[0], lw=2.5, ls="--")
            else:
                line.set(color="#999", lw=1.5, ls="-")
        self.solution = result
        steps = "<br>".join(escape(line) for line in result.explanation.split("\n"))
        self.message.say(
            f"Outcome: <b>{escape(result.outcome)}</b>, payoffs "
            f"({result.payoffs[0]:g}, {result.payoffs[1]:g}).<br>{steps}"
        )
        self._show_tree(
            f"The deterrence game tree: the challenger chooses status quo or challenge, the "
            f"defender concede or resist, the challenger back down or fight. The equilibrium path "
            f"{' → '.join(result.path)} is drawn thick and ends in {result.outcome}; dashed edges "
            "show what a player would choose off that path."
        )

    def update_screen(self) -> None:
        if self.solution is None:
            return
        ui.guarded(self.screen_message, self._update_screen)

    def _screen_inputs(self):
        pays = {leaf: (float(a), float(b)) for leaf, (a, b) in self.payoffs().items()}
        u_sq, u_concede = pays["status_quo"][0], pays["concession"][0]
        u_resist = max(pays["backdown"][0], pays["war"][0])  # its best reply once resisted
        return u_sq, u_concede, u_resist

    def _update_screen(self) -> None:
        u_sq, u_concede, u_resist = self._screen_inputs()
        result = model.screening(self.q.value, u_sq, u_concede, u_resist)
        lo = min(u_sq, u_concede, u_resist)
        hi = max(u_sq, u_concede, u_resist)
        # Snap the axis to multiples of 5 so most payoff edits need no full redraw.
        limits = (5 * np.floor((lo - 0.5) / 5), 5 * np.ceil((hi + 0.5) / 5))
        if limits != self.screen_limits:
            self.screen_ax.set_ylim(*limits)
            self.screen_limits = limits
            self.screen_blitter.refresh()
        self.eu_line.set_data([0, 1], [u_concede, u_resist])
        self.sq_line.set_data([0, 1], [u_sq, u_sq])
        if result.threshold_case == "interior":
            self.q_star.set_data([result.threshold] * 2, list(limits))
        else:
            self.q_star.set_data([], [])
        self.q_point.set_data([result.q], [result.eu_challenge])
        if result.tie:
            verdict = "<b>Exactly indifferent</b> at this belief."
        elif result.challenges:
            verdict = "<b>The challenger challenges.</b>"
        else:
            verdict = "<b>The challenger is deterred.</b>"
        self.screen_message.say(
            f"{verdict} Payoffs used (challenger's): status quo {u_sq:g}, concession "
            f"{u_concede:g}, resisted {u_resist:g} (its better of backing down and fighting).<br>"
            f"{escape(result.explanation)}"
        )
        self.screen_pane.show_png(
            self.screen_blitter.png(),
            alt=(
                f"Line chart of the challenger's expected utility of challenging against its belief q "
                f"that the defender is resolute, from {u_concede:g} at q = 0 to {u_resist:g} at q = 1, "
                f"with the status quo at {u_sq:g}; at q = {result.q:.2f} it is "
                f"{result.eu_challenge:.3g}."
            ),
        )


def deterrence_game(**kwargs) -> W.VBox:
    """The game-tree widget with its screening part (what a notebook displays)."""
    return DeterrenceGame(**kwargs).view


# --------------------------------------------------------------------------
# 3. Chicken and brinkmanship
# --------------------------------------------------------------------------

STEPS_MAX = 40


class ChickenBrinkmanship:
    """Chicken payoffs -> equilibria; risk per step and steps -> brinkmanship curves.

    Brinkmanship uses the Chicken payoffs: winning the standoff is the temptation
    payoff, conceding is the sucker payoff, disaster is the crash.
    """

    def __init__(self, both_swerve=0.0, temptation=1.0, sucker=-1.0, disaster=-10.0, risk=0.05, steps=10):
        self.risk = _slider("Risk per step r", risk, 0, 0.3, 0.005, "0.3f", first=True)
        self.steps = W.IntSlider(
            value=steps, min=1, max=STEPS_MAX, description="Steps k", continuous_update=False, style=ui.slider_style()
        )
        self.boxes = {
            "both_swerve": _box("Both swerve (S)", both_swerve, 250),
            "temptation": _box("Straight while other swerves (T)", temptation, 250),
            "sucker": _box("Swerve while other goes straight (L)", sucker, 250),
            "disaster": _box("Both straight: crash (D)", disaster, 250),
        }
        self.table = W.HTML()
        self.table.add_class("sin-chicken-table")
        self.message = ui.Message()
        self.figure_pane = ui.FigurePane()
        self.brink_message = ui.Message()
        self.game = None
        self._draw_base()
        for box in self.boxes.values():
            box.observe(lambda change: self.update(), names="value")
        for control in (self.risk, self.steps):
            control.observe(lambda change: self.update_brink(), names="value")
        chicken_panel = ui.panel("chicken", list(self.boxes.values()), [self.table, self.message])
        brink_panel = ui.panel("brinkmanship", [self.risk, self.steps], [self.figure_pane, self.brink_message])
        self.view = W.VBox([chicken_panel, W.HTML("<b>Brinkmanship with these payoffs</b>"), brink_panel])
        self.update()

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(7.0, 3.2)
        self.ax_risk, self.ax_eu = self.fig.subplots(1, 2)
        for ax in (self.ax_risk, self.ax_eu):
            ax.set_xlim(0, STEPS_MAX + 1)
            ax.set_xlabel("Steps k standing firm (count)")
            ax.grid(alpha=0.3)
        self.ax_risk.set_ylim(0, 1.02)
        self.ax_risk.set_ylabel("P(disaster by step k)")
        self.ax_risk.set_title("Cumulative risk 1 − (1 − r)^k", fontsize=10)
        self.ax_eu.set_ylabel("Expected payoff (utils)")
        self.ax_eu.set_title("Stand firm for k steps vs concede", fontsize=10)
        (self.risk_line,) = self.ax_risk.plot([], [], color=ui.PALETTE[3], lw=2)
        (self.risk_point,) = self.ax_risk.plot([], [], "o", color=ui.PALETTE[3], ms=8, mec="black")
        (self.firm_line,) = self.ax_eu.plot([], [], color=ui.PALETTE[0], lw=2, label="stand firm")
        (self.concede_line,) = self.ax_eu.plot([], [], color=ui.PALETTE[7], lw=1.5, label="concede")
        (self.firm_point,) = self.ax_eu.plot([], [], "o", color=ui.PALETTE[0], ms=8, mec="black")
        self.ax_eu.legend(loc="lower left", fontsize=8, framealpha=0.9)
        self.eu_limits = None
        self.blitter = ui.Blitter(
            self.fig, [self.risk_line, self.risk_point, self.firm_line, self.concede_line, self.firm_point]
        )

    def values(self) -> dict:
        return {name: box.value for name, box in self.boxes.items()}

    def update(self) -> None:
        if ui.guarded(self.message, self._update_game):
            self.update_brink()
        else:
            self.brink_message.warn("Fix the Chicken payoffs above to see brinkmanship.")

    def _update_game(self) -> None:
        game = model.chicken(**self.values())
        solution = solve_2x2(game)
        A, B = game.row_payoffs, game.col_payoffs

        def cells(i: int) -> str:
            return "".join(f"<td style='padding:2px 10px'>({A[i][j]:g}, {B[i][j]:g})</td>" for j in range(2))

        self.table.value = (
            "<table style='border-collapse:collapse;text-align:center'>"
            "<tr><th></th><th>Column: Swerve</th><th>Column: Straight</th></tr>"
            f"<tr><th>Row: Swerve</th>{cells(0)}</tr><tr><th>Row: Straight</th>{cells(1)}</tr>"
            "</table><small>Payoffs are (Row, Column).</small>"
        )
        self.game, self.solution = game, solution
        lines = [
            "Pure equilibria: "
            + "; ".join(
                f"Row {'Swerve' if e.row_mix[0] == 1 else 'Straight'}, "
                f"Column {'Swerve' if e.col_mix[0] == 1 else 'Straight'}"
                for e in solution.pure
            )
            + "."
        ]
        if solution.mixed:
            lines.append(
                f"Mixed equilibrium: each player swerves with probability "
                f"<b>{solution.mixed.row_mix[0]:.4g}</b>; expected payoff "
                f"{solution.mixed.payoffs[0]:.4g} each."
            )
        self.message.say("<br>".join(lines))

    def update_brink(self) -> None:
        if self.game is None:
            return
        ui.guarded(self.brink_message, self._update_brink)

    def _update_brink(self) -> None:
        v = {k: float(x) for k, x in self.values().items()}
        win, concede, disaster = v["temptation"], v["sucker"], v["disaster"]
        result = model.brinkmanship(self.risk.value, self.steps.value, win, concede, disaster)
        pad = 0.05 * (win - disaster)
        limits = (disaster - pad, win + pad)
        if limits != self.eu_limits:
            self.ax_eu.set_ylim(*limits)
            self.eu_limits = limits
            self.blitter.refresh()
        k = result.steps
        self.risk_line.set_data(k, result.cumulative_risk)
        self.risk_point.set_data([k[-1]], [result.cumulative_risk[-1]])
        self.firm_line.set_data(k, result.eu_firm)
        self.concede_line.set_data([0, STEPS_MAX + 1], [concede, concede])
        self.firm_point.set_data([k[-1]], [result.eu_firm[-1]])
        last = "beats" if result.firm_better[-1] else ("ties with" if result.tie[-1] else "is worse than")
        self.brink_message.say(
            f"Standing firm for <b>{k[-1]}</b> step{'s' if k[-1] > 1 else ''}: risk of disaster "
            f"<b>{result.cumulative_risk[-1]:.3g}</b>, expected payoff {result.eu_firm[-1]:.3g}, "
            f"which {last} conceding ({concede:g}).<br>{escape(result.explanation)}"
        )
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"Two line charts against the number of steps of a crisis. Left: the cumulative risk of "
                f"disaster rises to {result.cumulative_risk[-1]:.3g} after {k[-1]} steps at "
                f"{result.cumulative_risk[0]:.3g} per step. Right: the expected payoff of standing firm "
                f"falls from {result.eu_firm[0]:.3g} to {result.eu_firm[-1]:.3g}, against {concede:g} "
                "for conceding."
            ),
        )


def chicken_brinkmanship(**kwargs) -> W.VBox:
    """The Chicken and brinkmanship widget (what a notebook displays)."""
    return ChickenBrinkmanship(**kwargs).view
