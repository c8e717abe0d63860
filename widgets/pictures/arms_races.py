"""The arms-race widgets' pictures: Richardson's race (two panels) and the tournament's bars."""

from __future__ import annotations

from widgets.readouts.arms_races import LABELS, LEVEL_LIM, T_MAX, RaceReadout, TournamentReadout
from widgets.svg import PALETTE, Canvas

#: One colour per strategy, in the model's order (dilemma.STRATEGIES), as in the chapter's other figures.
STRATEGY_COLOURS = PALETTE[:6]
#: A path is drawn up to its first point this far out (it is clipped at the axes anyway): a runaway
#: race reaches levels like 1e13 by t = 30, which would only lengthen the SVG.
FAR = 1e3
AXIS_LINE = "#777"


def _in_reach(*series: list[float]) -> int:
    """How many leading points to draw: up to and including the first one beyond ``FAR``."""
    for i, values in enumerate(zip(*series)):
        if any(abs(v) > FAR for v in values):
            return i + 1
    return len(series[0])


def picture_race(readout: RaceReadout) -> str:
    """x(t), y(t) on the left; the phase plane with both nullclines, the equilibrium and the path."""
    canvas = Canvas(740, 340)
    levels = (0, 5, 10, 15, 20)
    # the two panels in the ratio 1.25 : 1, as the matplotlib figure had them
    ax_t = canvas.axes(
        left=62,
        right=340,
        top=26,
        bottom=50,
        xlim=(0, T_MAX),
        ylim=LEVEL_LIM,
        xticks=range(0, int(T_MAX) + 1, 5),
        yticks=levels,
        xlabel="Time (hypothetical years)",
        ylabel="Arms level (arbitrary units)",
        title="Arms levels over time",
        grid="both",
    )
    ax_p = canvas.axes(
        left=460,
        right=12,
        top=26,
        bottom=50,
        xlim=LEVEL_LIM,
        ylim=LEVEL_LIM,
        xticks=levels,
        yticks=levels,
        xlabel="x: X's arms level (units)",
        ylabel="y: Y's arms level (units)",
        title="Phase plane",
        grid="both",
    )
    n = _in_reach(readout.x, readout.y)
    t, x, y = readout.t[:n], readout.x[:n], readout.y[:n]

    ax_t.hline(0, color=AXIS_LINE, width=0.8, dash=None)
    ax_t.line(t, x, color=PALETTE[0], width=2, label="x(t): state X")
    ax_t.line(t, y, color=PALETTE[1], width=2, dash="--", label="y(t): state Y")
    ax_t.legend("upper left")

    ax_p.hline(0, color=AXIS_LINE, width=0.8, dash=None)
    ax_p.vline(0, color=AXIS_LINE, width=0.8, dash=None)
    ax_p.line(*readout.x_nullcline, color=PALETTE[0], width=1.5, label="dx/dt = 0 (X content)")
    ax_p.line(*readout.y_nullcline, color=PALETTE[1], width=1.5, dash="--", label="dy/dt = 0 (Y content)")
    ax_p.line(x, y, color=PALETTE[7], width=1.5, label="path from the start")
    ax_p.points([x[0]], [y[0]], color=PALETTE[7], r=4, marker="s")
    # no unique equilibrium: nothing to mark, but the key stays the same
    eq = [readout.equilibrium] if readout.equilibrium is not None else []
    ax_p.points([e[0] for e in eq], [e[1] for e in eq], color=PALETTE[3], r=6, label="equilibrium")
    ax_p.legend("upper right")
    return canvas.svg(readout.alt, uid="race")


def picture_tournament(readout: TournamentReadout) -> str:
    """One bar per strategy, in a fixed order, the winner outlined and labelled, R and P dotted."""
    canvas = Canvas(640, 320)
    n = len(readout.strategies)
    ax = canvas.axes(
        left=150,
        right=12,
        top=10,
        bottom=50,
        xlim=readout.limits,
        ylim=(n - 0.5, -0.5),  # the first strategy on top
        yticks=[(row, LABELS[name]) for row, name in enumerate(readout.strategies)],
        xlabel="Average payoff per round (payoff units)",
        grid="x",
    )
    rows = list(range(n))
    ax.hbars(rows, readout.scores, height=0.7, color=list(STRATEGY_COLOURS[:n]))
    for value in (readout.reward, readout.punishment):
        ax.vline(value, color="#555", width=1, dash=":")
    row = readout.strategies.index(readout.winner)
    best = readout.scores[row]
    left, right, top, bottom = min(0.0, best), max(0.0, best), row - 0.35, row + 0.35
    ax.line([left, right, right, left, left], [top, top, bottom, bottom, top], color="black", width=2)
    ax.text(max(best, 0.0), row, f"winner: {best:.2f}", size=9, weight="bold", dx=8, clip=False)
    return canvas.svg(readout.alt, uid="tournament")
