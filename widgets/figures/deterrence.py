"""The Deterrence chapter's figures: the calculus line, the game tree, screening, brinkmanship.

Each chart draws its static parts once and keeps the artists that move
(``dynamic``); ``update(readout)`` moves them. An update that had to change a
static part (an axis range) returns True, so the widget redraws the background.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure

from widgets import ui
from widgets.readouts.deterrence import (
    COST_MAX,
    GAIN_MAX,
    PUNISH_MAX,
    STEPS_MAX,
    BrinkmanshipReadout,
    CalculusReadout,
    ScreeningReadout,
    TreeReadout,
)

EU_LIMITS = (-PUNISH_MAX - COST_MAX - 1, GAIN_MAX + 1)  # every EU(attack) the sliders can reach
GREY = "#999"

# --------------------------------------------------------------------------
# 1. The rational deterrence calculus
# --------------------------------------------------------------------------


class CalculusChart:
    """EU(attack) against credibility, the status-quo line, c* and the current point."""

    def __init__(self, fig: Figure, readout: CalculusReadout | None = None):
        ax = self.ax = fig.add_subplot()
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
        self.dynamic = [self.curve, self.threshold, self.gap, self.point]
        if readout is not None:
            self.update(readout)

    def update(self, readout: CalculusReadout) -> bool:
        self.curve.set_data(readout.curve_credibility, readout.curve_eu_attack)
        if readout.threshold is not None:
            self.threshold.set_data([readout.threshold] * 2, list(EU_LIMITS))
        else:
            self.threshold.set_data([], [])
        c = readout.credibility
        self.point.set_data([c], [readout.eu_attack])
        self.gap.set_data([c, c], [readout.eu_attack, readout.eu_status_quo])
        return False


def draw_calculus(fig: Figure, readout: CalculusReadout) -> CalculusChart:
    return CalculusChart(fig, readout)


# --------------------------------------------------------------------------
# 2. The deterrence game tree, and screening under it
# --------------------------------------------------------------------------

# Node positions: the "spine" of the tree runs left to right; each node's other
# action drops straight down to a leaf.
NODES = {"C1": (0.0, 1.0), "D": (1.0, 1.0), "C2": (2.0, 1.0)}
LEAF_AT = {"status_quo": (0.0, 0.0), "concession": (1.0, 0.0), "backdown": (2.0, 0.0), "war": (3.0, 1.0)}
EDGES = {  # action -> (from, to)
    "Status quo": ("C1", "status_quo"),
    "Challenge": ("C1", "D"),
    "Concede": ("D", "concession"),
    "Resist": ("D", "C2"),
    "Back down": ("C2", "backdown"),
    "Fight": ("C2", "war"),
}
NODE_OF = {  # action -> the model's name of the decision it belongs to
    "Status quo": "Challenger's move",
    "Challenge": "Challenger's move",
    "Concede": "Defender's response",
    "Resist": "Defender's response",
    "Back down": "Challenger's escalation",
    "Fight": "Challenger's escalation",
}
#: How the leaves are labelled on the tree (and, on one line, beside their payoff boxes).
LEAF_LABEL = {
    "status_quo": "Status quo",
    "concession": "Defender\nconcedes",
    "backdown": "Challenger\nbacks down",
    "war": "War",
}


def _pos(name: str) -> tuple[float, float]:
    return NODES.get(name) or LEAF_AT[name]


class TreeChart:
    """The game tree with its payoffs; the equilibrium path thick, off-path choices dashed."""

    def __init__(self, fig: Figure, readout: TreeReadout | None = None):
        ax = fig.add_subplot()
        ax.set_xlim(-0.5, 3.6)
        ax.set_ylim(-0.5, 1.35)
        ax.set_axis_off()
        self.edges = {}
        for action, (a, b) in EDGES.items():
            (x0, y0), (x1, y1) = _pos(a), _pos(b)
            (self.edges[action],) = ax.plot([x0, x1], [y0, y1], color=GREY, lw=1.5, zorder=1)
            if y0 == y1:
                ax.text((x0 + x1) / 2, y0 + 0.07, action, ha="center", va="bottom", fontsize=9)
            else:
                ax.text(x0 + 0.05, (y0 + y1) / 2, action, ha="left", va="center", fontsize=9)
        self.node_artists = []  # drawn after the (moving) edges, so they stay on top
        for node, (x, y) in NODES.items():
            who = "D" if node == "D" else "C"
            colour = ui.PALETTE[2] if who == "D" else ui.PALETTE[0]
            self.node_artists.append(ax.plot([x], [y], "o", ms=22, color=colour)[0])
            self.node_artists.append(ax.text(x, y, who, ha="center", va="center", color="white", fontweight="bold"))
        self.leaf_text = {}
        for leaf, (x, y) in LEAF_AT.items():
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
        self.dynamic = [*self.edges.values(), *self.node_artists, *self.leaf_text.values()]
        if readout is not None:
            self.update(readout)

    def update(self, readout: TreeReadout) -> bool:
        for leaf, text in self.leaf_text.items():
            challenger, defender = readout.payoffs[leaf]
            text.set_text(f"({challenger:g}, {defender:g})")
        for action, line in self.edges.items():
            if action in readout.path:
                line.set(color=ui.PALETTE[3], lw=5, ls="-")
            elif readout.choices.get(NODE_OF[action]) == action:
                line.set(color=ui.PALETTE[0], lw=2.5, ls="--")
            else:
                line.set(color=GREY, lw=1.5, ls="-")
        return False


def draw_tree(fig: Figure, readout: TreeReadout) -> TreeChart:
    return TreeChart(fig, readout)


class ScreeningChart:
    """EU(challenge) against the belief q, the status quo, q* and the current belief."""

    def __init__(self, fig: Figure, readout: ScreeningReadout | None = None):
        ax = self.ax = fig.add_subplot()
        ax.set_xlim(0, 1)
        ax.set_xlabel("Belief q that the defender is resolute (probability)")
        ax.set_ylabel("Challenger's expected utility (utils)")
        ax.grid(alpha=0.3)
        (self.eu_line,) = ax.plot([], [], color=ui.PALETTE[0], lw=2.5, label="EU(challenge)")
        (self.sq_line,) = ax.plot([], [], color=ui.PALETTE[7], lw=1.5, label="EU(status quo)")
        (self.q_star,) = ax.plot([], [], color=ui.PALETTE[3], ls="--", lw=1.5, label="threshold q*")
        (self.q_point,) = ax.plot([], [], "o", color=ui.PALETTE[1], ms=10, mec="black", label="current belief")
        ax.legend(loc="upper right", fontsize=8, framealpha=0.9)
        self.limits = None
        self.dynamic = [self.eu_line, self.sq_line, self.q_star, self.q_point]
        if readout is not None:
            self.update(readout)

    def update(self, readout: ScreeningReadout) -> bool:
        """Move the lines; True when the y-axis had to change (a static part)."""
        payoffs = (readout.u_status_quo, readout.u_concede, readout.u_resist)
        # Snap the axis to multiples of 5 so most payoff edits need no full redraw.
        limits = (5 * math.floor((min(payoffs) - 0.5) / 5), 5 * math.ceil((max(payoffs) + 0.5) / 5))
        changed = limits != self.limits
        if changed:
            self.ax.set_ylim(*limits)
            self.limits = limits
        self.eu_line.set_data([0, 1], [readout.u_concede, readout.u_resist])
        self.sq_line.set_data([0, 1], [readout.u_status_quo] * 2)
        if readout.threshold is not None:
            self.q_star.set_data([readout.threshold] * 2, list(limits))
        else:
            self.q_star.set_data([], [])
        self.q_point.set_data([readout.q], [readout.eu_challenge])
        return changed


def draw_screening(fig: Figure, readout: ScreeningReadout | None = None) -> ScreeningChart:
    return ScreeningChart(fig, readout)


# --------------------------------------------------------------------------
# 3. Brinkmanship
# --------------------------------------------------------------------------


class BrinkmanshipChart:
    """Left: the cumulative risk of disaster by step; right: standing firm against conceding."""

    def __init__(self, fig: Figure, readout: BrinkmanshipReadout | None = None):
        self.ax_risk, self.ax_eu = fig.subplots(1, 2)
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
        self.limits = None
        self.dynamic = [self.risk_line, self.risk_point, self.firm_line, self.concede_line, self.firm_point]
        if readout is not None:
            self.update(readout)

    def update(self, readout: BrinkmanshipReadout) -> bool:
        """Move the curves; True when the payoff axis had to change (a static part)."""
        pad = 0.05 * (readout.win - readout.disaster)
        limits = (readout.disaster - pad, readout.win + pad)
        changed = limits != self.limits
        if changed:
            self.ax_eu.set_ylim(*limits)
            self.limits = limits
        k = np.asarray(readout.steps)
        self.risk_line.set_data(k, np.asarray(readout.cumulative_risk))
        self.risk_point.set_data([k[-1]], [readout.cumulative_risk[-1]])
        self.firm_line.set_data(k, np.asarray(readout.eu_firm))
        self.concede_line.set_data([0, STEPS_MAX + 1], [readout.concede] * 2)
        self.firm_point.set_data([k[-1]], [readout.eu_firm[-1]])
        return changed


def draw_brinkmanship(fig: Figure, readout: BrinkmanshipReadout | None = None) -> BrinkmanshipChart:
    return BrinkmanshipChart(fig, readout)
