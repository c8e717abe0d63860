"""The Deterrence chapter's pictures: the calculus line, the game tree over screening, brinkmanship.

Each ``picture_<widget>(readout)`` draws the whole figure as SVG text
(:mod:`widgets.svg`), the same in the kernel and on the live site.
"""

from __future__ import annotations

import math

from widgets.readouts.deterrence import (
    COST_MAX,
    GAIN_MAX,
    PUNISH_MAX,
    SCREENING_HEADING,
    STEPS_MAX,
    BrinkmanshipReadout,
    CalculusReadout,
    CrisisReadout,
    GameReadout,
    ScreeningReadout,
    TreeReadout,
)
from widgets.svg import PALETTE, Axes, Canvas

EU_LIMITS = (-PUNISH_MAX - COST_MAX - 1, GAIN_MAX + 1)  # every EU(attack) the sliders can reach
GREY, NOTE = "#999", "#333"
WARN = "#a23b00"  # the colour of a refused input's sentence (widgets.markup.warn)

# --------------------------------------------------------------------------
# 1. The rational deterrence calculus
# --------------------------------------------------------------------------


def picture_calculus(readout: CalculusReadout) -> str:
    """EU(attack) against credibility, the status-quo line, c* and the current point."""
    canvas = Canvas(640, 340)
    ax = canvas.axes(
        top=12,
        xlim=(0, 1),
        ylim=EU_LIMITS,
        yticks=range(-30, 21, 10),
        xlabel="Credibility of retaliation c (probability)",
        ylabel="Expected utility (utils)",
        grid="both",
    )
    ax.hline(0, color=PALETTE[7], width=1.5, dash=None, label="EU(status quo) = 0")
    ax.line(readout.curve_credibility, readout.curve_eu_attack, color=PALETTE[0], width=2.5, label="EU(attack)")
    if readout.threshold is not None:
        ax.vline(readout.threshold, color=PALETTE[3], width=1.5, dash="--", label="threshold c*")
    else:  # the key stays the same when c* is not drawn
        ax.legend_items.append(("line", PALETTE[3], "threshold c*"))
    c = readout.credibility
    ax.line([c, c], [readout.eu_attack, readout.eu_status_quo], color=PALETTE[1], width=3, opacity=0.8)
    ax.points([c], [readout.eu_attack], color=PALETTE[1], r=6, edge="black", label="current credibility")
    ax.legend("upper right")
    return canvas.svg(readout.alt, uid="deterrence-calculus")


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
#: How the leaves are labelled beside their payoff boxes.
LEAF_LABEL = {
    "status_quo": "Status quo",
    "concession": "Defender concedes",
    "backdown": "Challenger backs down",
    "war": "War",
}
#: How each edge is drawn: on the equilibrium path, chosen off it, or not chosen.
EDGE_STYLE = {
    "path": dict(color=PALETTE[3], width=5.0, dash=None),
    "chosen": dict(color=PALETTE[0], width=2.5, dash="--"),
    "other": dict(color=GREY, width=1.5, dash=None),
}


def _pos(name: str) -> tuple[float, float]:
    return NODES.get(name) or LEAF_AT[name]


def edge_styles(readout: TreeReadout) -> dict[str, str]:
    """Each action -> ``path``, ``chosen`` (off the path) or ``other``."""
    out = {}
    for action in EDGES:
        if action in readout.path:
            out[action] = "path"
        elif readout.choices.get(NODE_OF[action]) == action:
            out[action] = "chosen"
        else:
            out[action] = "other"
    return out


def _tree(ax: Axes, readout: TreeReadout) -> None:
    """The game tree with its payoffs; the equilibrium path thick, off-path choices dashed."""
    styles = edge_styles(readout)
    for action, (a, b) in EDGES.items():
        (x0, y0), (x1, y1) = _pos(a), _pos(b)
        ax.line([x0, x1], [y0, y1], **EDGE_STYLE[styles[action]])
        if y0 == y1:
            ax.text((x0 + x1) / 2, y0 + 0.07, action, size=9, anchor="middle", baseline="auto")
        else:
            ax.text(x0 + 0.05, (y0 + y1) / 2, action, size=9)
    for leaf, (x, y) in LEAF_AT.items():
        ax.points([x], [y], color="#444", r=4, marker="s")
        challenger, defender = readout.payoffs[leaf]
        label = f"({challenger:g}, {defender:g})"
        if leaf == "war":
            ax.text(x + 0.08, y, label, size=8.5)
        else:
            ax.text(x, y - 0.08, label, size=8.5, anchor="middle", baseline="hanging")
    for node, (x, y) in NODES.items():
        who = "D" if node == "D" else "C"
        ax.points([x], [y], color=PALETTE[2] if who == "D" else PALETTE[0], r=11)
        ax.text(x, y, who, size=10, color="white", anchor="middle", weight="bold")
    ax.text(-0.45, 1.3, "C = Challenger, D = Defender; payoffs are (Challenger, Defender)", size=8, color=NOTE)
    ax.text(
        -0.45,
        -0.42,
        "Thick: the equilibrium path.  Dashed: what a player would choose off that path.",
        size=8,
        color=NOTE,
        baseline="auto",
    )


def screening_limits(readout: ScreeningReadout) -> tuple[int, int]:
    """The payoff axis: the three payoffs with room, snapped to multiples of 5."""
    payoffs = (readout.u_status_quo, readout.u_concede, readout.u_resist)
    return 5 * math.floor((min(payoffs) - 0.5) / 5), 5 * math.ceil((max(payoffs) + 0.5) / 5)


def _screening(ax: Axes, readout: ScreeningReadout) -> None:
    """EU(challenge) against the belief q, the status quo, q* and the current belief."""
    limits = screening_limits(readout)
    ax.set(ylim=limits)
    ax.line([0, 1], [readout.u_concede, readout.u_resist], color=PALETTE[0], width=2.5, label="EU(challenge)")
    ax.line([0, 1], [readout.u_status_quo] * 2, color=PALETTE[7], width=1.5, label="EU(status quo)")
    if readout.threshold is not None:
        ax.vline(readout.threshold, color=PALETTE[3], width=1.5, dash="--", label="threshold q*")
    else:
        ax.legend_items.append(("line", PALETTE[3], "threshold q*"))
    ax.points([readout.q], [readout.eu_challenge], color=PALETTE[1], r=6, edge="black", label="current belief")
    ax.legend("upper right")


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most about ``width`` characters, broken at spaces."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def picture_game(readout: GameReadout) -> str:
    """The tree on top; under it, screening with the tree's challenger payoffs (or why there is none)."""
    canvas = Canvas(640, 590)
    tree = canvas.axes(left=0, top=0, right=0, bottom=320, xlim=(-0.5, 3.6), ylim=(-0.5, 1.35), frame=False)
    _tree(tree, readout.tree)
    ax = canvas.axes(
        top=306,
        xlim=(0, 1),
        xlabel="Belief q that the defender is resolute (probability)",
        ylabel="Challenger's expected utility (utils)",
        title=SCREENING_HEADING,
        grid="both",
    )
    if readout.screening is not None:
        _screening(ax, readout.screening)
    else:
        ax.set(yticks=())
        lines = _wrap(readout.screening_note, 80)
        for i, line in enumerate(lines):
            ax.text(
                0.5, 0.5, line, size=10, color=WARN, anchor="middle", weight="bold", dy=14 * (i - (len(lines) - 1) / 2)
            )
    return canvas.svg(readout.alt, uid="deterrence-game")


# --------------------------------------------------------------------------
# 3. Brinkmanship
# --------------------------------------------------------------------------


def brinkmanship_limits(readout: BrinkmanshipReadout) -> tuple[float, float]:
    """The payoff axis: from the crash to winning, with 5% room."""
    pad = 0.05 * (readout.win - readout.disaster)
    return readout.disaster - pad, readout.win + pad


def picture_crisis(readout: CrisisReadout) -> str:
    """Left: the cumulative risk of disaster by step; right: standing firm against conceding."""
    brink = readout.brinkmanship
    canvas = Canvas(700, 320)
    ax_risk, ax_eu = canvas.grid(1, 2, left=62, wspace=80)
    for ax in (ax_risk, ax_eu):
        ax.set(xlim=(0, STEPS_MAX + 1), xlabel="Steps k standing firm (count)", grid="both")
    ax_risk.set(
        ylim=(0, 1.02),
        yticks=(0, (0.2, "0.2"), (0.4, "0.4"), (0.6, "0.6"), (0.8, "0.8"), 1),
        ylabel="P(disaster by step k)",
        title="Cumulative risk 1 − (1 − r)^k",
    )
    ax_eu.set(
        ylim=brinkmanship_limits(brink), ylabel="Expected payoff (utils)", title="Stand firm for k steps vs concede"
    )
    k = brink.steps
    ax_risk.line(k, brink.cumulative_risk, color=PALETTE[3], width=2)
    ax_risk.points([k[-1]], [brink.cumulative_risk[-1]], color=PALETTE[3], r=5.5, edge="black")
    ax_eu.line(k, brink.eu_firm, color=PALETTE[0], width=2, label="stand firm")
    ax_eu.line([0, STEPS_MAX + 1], [brink.concede] * 2, color=PALETTE[7], width=1.5, label="concede")
    ax_eu.points([k[-1]], [brink.eu_firm[-1]], color=PALETTE[0], r=5.5, edge="black")
    ax_eu.legend("lower left")
    return canvas.svg(readout.alt, uid="chicken-and-brinkmanship")
