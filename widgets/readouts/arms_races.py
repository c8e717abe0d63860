"""The arms-race widgets' readouts: Richardson's race and the Prisoner's Dilemma tournament.

Each function takes the widget's control values (the text boxes' raw text
included, so that the models' input checks word the message) and returns a
frozen ``…Readout`` of plain values, with the sentence a student reads and the
figure's alt text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from widgets.models import dilemma, richardson

# ----------------------------------------------------------------- Richardson

#: Hypothetical time span ("years") and the plotted range of arms levels.
T_MAX = 30.0
N_POINTS = 301
LEVEL_LIM = (-2.0, 20.0)


@dataclass(frozen=True)
class RaceReadout:
    """One Richardson race: the path over time, the nullclines and the verdict."""

    t: list[float]
    x: list[float]
    y: list[float]
    x_nullcline: tuple[list[float], list[float]]  # endpoints (xs, ys); empty when there is none
    y_nullcline: tuple[list[float], list[float]]
    equilibrium: tuple[float, float] | None  # None when there is no unique equilibrium
    stable: bool
    kind: str  # one of richardson.RaceKind, as text
    sentence: str
    alt: str


def _in_view(value: float) -> bool:
    return LEVEL_LIM[0] <= value <= LEVEL_LIM[1]


def richardson_race(k, l, a, b, g, h, x0, y0) -> RaceReadout:  # noqa: E741 - Richardson's own symbol
    """Solve the race for 30 hypothetical years from the typed starting levels and judge it."""
    p = {"k": k, "l": l, "a": a, "b": b, "g": g, "h": h}
    eq = richardson.equilibrium(**p)
    kind = richardson.classify(p, x0, y0)
    traj = richardson.simulate(p, x0, y0, T_MAX, N_POINTS)
    lines = richardson.nullclines(p, LEVEL_LIM, LEVEL_LIM)

    q = richardson.RichardsonParams(**p)  # the checked coefficients, as floats
    fatigue, fear = q.a * q.b, q.k * q.l
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
    if kind.label != richardson.RaceKind.STABLE and kind.reason != eq.explanation:
        parts.append(escape(kind.reason))
    notes = []
    outside = [i for i, (xi, yi) in enumerate(zip(traj.x, traj.y)) if xi > LEVEL_LIM[1] or yi > LEVEL_LIM[1]]
    if outside:
        notes.append(
            f"The path leaves the plotted range (levels above {LEVEL_LIM[1]:g}) "
            f"at t ≈ {traj.t[outside[0]]:.1f}; at t = {T_MAX:g} the levels are "
            f"x = {traj.x[-1]:.3g}, y = {traj.y[-1]:.3g}."
        )
    if eq.unique and not (_in_view(eq.x) and _in_view(eq.y)):
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
    return RaceReadout(
        t=list(traj.t),
        x=list(traj.x),
        y=list(traj.y),
        x_nullcline=(list(lines.x_nullcline.x), list(lines.x_nullcline.y)),
        y_nullcline=(list(lines.y_nullcline.x), list(lines.y_nullcline.y)),
        equilibrium=(float(eq.x), float(eq.y)) if eq.unique else None,
        stable=bool(eq.stable),
        kind=str(kind.label),
        sentence="<br>".join(parts + notes),
        alt=alt,
    )


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
PAD = " style='padding:0.1em 0.8em 0.1em 0'"


@dataclass(frozen=True)
class TournamentReadout:
    """One round robin: each strategy's average payoff, in the fixed order of ``strategies``."""

    strategies: tuple[str, ...]  # dilemma.STRATEGIES: one bar each, always in this order
    scores: tuple[float, ...]  # average payoff per round, in the order of `strategies`
    ranking: tuple[str, ...]  # best first
    winner: str
    reward: float  # R: steady mutual cooperation (a dotted line)
    punishment: float  # P: steady mutual defection (a dotted line)
    limits: tuple[float, float]  # the payoff axis
    sentence: str
    alt: str


def payoff_limits(payoffs: dilemma.Payoffs) -> tuple[float, float]:
    """Payoff axis: averages lie between S and T; keep 0 in view."""
    span = payoffs.T - min(payoffs.S, 0.0)
    return min(payoffs.S, 0.0) - 0.02 * span, payoffs.T + 0.3 * span


def dilemma_tournament(T, R, P, S, noise, rounds, seed, generosity) -> TournamentReadout:  # noqa: N803
    """Play the round robin of the six strategies; rank them and tabulate the ranking."""
    payoffs = dilemma.Payoffs(T, R, P, S)
    result = dilemma.tournament(
        dilemma.STRATEGIES,
        rounds=rounds,
        payoffs=payoffs,
        noise=noise,
        seed=seed,
        generosity=None if generosity is None else (str(generosity).strip() or None),  # blank: automatic
    )
    score = {name: float(s) for name, s in zip(result.strategies, result.scores)}
    winner = result.ranking[0]
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
    ranked = "; ".join(f"{LABELS[n]} {score[n]:.2f}" for n in result.ranking)
    return TournamentReadout(
        strategies=tuple(result.strategies),
        scores=tuple(score[name] for name in result.strategies),
        ranking=tuple(result.ranking),
        winner=winner,
        reward=payoffs.R,
        punishment=payoffs.P,
        limits=payoff_limits(payoffs),
        sentence=summary + table,
        alt=(
            "Horizontal bar chart of each strategy's average payoff per round in the tournament; "
            f"from best to worst: {ranked}."
        ),
    )
