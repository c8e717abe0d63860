"""The Deterrence chapter's readouts: control values in, what a student reads out.

One function per widget (the calculus, the game with screening under it, Chicken
with brinkmanship), the last two built from one function per part (the game
tree, screening, the Chicken table, the brinkmanship curves). Each calls
:mod:`widgets.models.deterrence` (or :mod:`widgets.models.games`) and returns a
frozen ``…Readout`` of plain values (a widget's readout holds its parts'
readouts). Payoff boxes hand in their raw text, so a bad entry raises the
model's own :class:`~widgets.models.inputs.InputError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from widgets import markup
from widgets.models import deterrence as model
from widgets.models.games import solve_2x2
from widgets.models.inputs import number

#: The calculator's slider ranges (its figure's y-axis covers every reachable EU(attack)).
GAIN_MAX, COST_MAX, PUNISH_MAX = 20.0, 10.0, 20.0
#: The brinkmanship slider's largest number of steps (its figure's x-axis).
STEPS_MAX = 40
#: The game tree's four ends, in the order of its payoff boxes.
LEAVES = ("status_quo", "concession", "backdown", "war")


# --------------------------------------------------------------------------
# 1. The rational deterrence calculus
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class CalculusReadout:
    credibility: float
    eu_attack: float
    eu_status_quo: float
    deterred: bool | None  # None exactly on the threshold
    tie: bool
    threshold: float | None  # c* when it lies in [0, 1] (drawn), else None
    threshold_case: str
    curve_credibility: list[float]  # EU(attack) against credibility, for the line
    curve_eu_attack: list[float]
    sentence: str
    alt: str


_WHERE = {
    model.ThresholdCase.ALWAYS_DETERRED: "below the status-quo line at every credibility",
    model.ThresholdCase.NEVER_DETERRED: "above the status-quo line at every credibility",
    model.ThresholdCase.UNDEFINED: "flat, because the punishment is zero",
}


def calculus_readout(credibility, p_success, gain, cost, punishment) -> CalculusReadout:
    """The challenger's comparison at one credibility, and the line across all of them."""
    result = model.deterrence_calculus(p_success, gain, cost, punishment, credibility=credibility)
    curve = model.deterrence_curve(p_success, gain, cost, punishment)
    c = float(credibility)
    if result.tie:
        verdict = "<b>Exactly on the threshold</b>: the challenger is indifferent."
    elif result.deterred:
        verdict = f"<b>Deterred</b>: the status quo is better by {result.margin:.3g}."
    else:
        verdict = f"<b>Deterrence fails</b>: attacking is better by {-result.margin:.3g}."
    interior = result.threshold_case == model.ThresholdCase.INTERIOR
    if interior:
        where = f"crossing the status-quo line at c* = {result.threshold:.3g}"
    else:
        where = _WHERE[result.threshold_case]
    first, last = float(curve.eu_attack[0]), float(curve.eu_attack[-1])
    return CalculusReadout(
        credibility=c,
        eu_attack=float(result.eu_attack),
        eu_status_quo=float(result.eu_status_quo),
        deterred=result.deterred,
        tie=result.tie,
        threshold=float(result.threshold) if interior else None,
        threshold_case=str(result.threshold_case),
        curve_credibility=list(curve.credibility),
        curve_eu_attack=list(curve.eu_attack),
        sentence=f"{verdict}<br>{escape(result.explanation)}",
        alt=(
            f"Line chart of the challenger's expected utility of attacking against the credibility "
            f"of retaliation, falling from {first:.3g} at c = 0 to "
            f"{last:.3g} at c = 1, {where}; the current credibility {c:.2f} gives "
            f"EU(attack) = {result.eu_attack:.3g} against 0 for the status quo."
        ),
    )


# --------------------------------------------------------------------------
# 2. The deterrence game tree, and screening under it
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class TreeReadout:
    payoffs: dict[str, tuple[float, float]]  # leaf -> (challenger, defender)
    path: tuple[str, ...]  # actions on the equilibrium path; empty when a player is indifferent
    choices: dict[str, str]  # decision node -> action chosen (off the path too); empty on a tie
    outcome: str | None
    warning: str | None  # the model's sentence when a player is indifferent (no path to draw)
    sentence: str
    alt: str


def _pairs(values: dict) -> dict[str, tuple]:
    return {leaf: (values[f"{leaf}_challenger"], values[f"{leaf}_defender"]) for leaf in LEAVES}


def tree_readout(**payoffs) -> TreeReadout:
    """The tree solved by backward induction, from the eight payoff boxes' text.

    Keywords are ``<leaf>_challenger`` and ``<leaf>_defender`` for each leaf of
    :data:`LEAVES`. A bad entry raises the model's InputError; an exact
    indifference is not an error here: the readout carries the model's sentence
    as ``warning`` and no path, so the tree is still drawn with its payoffs.
    """
    pairs = _pairs(payoffs)
    try:
        result = model.solve_deterrence_game(**pairs)
    except model.IndifferenceError as exc:
        result, warning = None, str(exc)
    else:
        warning = None
    # The model has checked every entry by now, so these parse.
    values = {
        leaf: (
            number(f"Challenger's payoff at {leaf}", pair[0]),
            number(f"Defender's payoff at {leaf}", pair[1]),
        )
        for leaf, pair in pairs.items()
    }
    if result is None:
        return TreeReadout(
            payoffs=values,
            path=(),
            choices={},
            outcome=None,
            warning=warning,
            sentence=escape(warning),
            alt=(
                "The deterrence game tree with no path highlighted, because a player "
                "is indifferent at one of its decisions."
            ),
        )
    steps = "<br>".join(escape(line) for line in result.explanation.split("\n"))
    return TreeReadout(
        payoffs=values,
        path=tuple(result.path),
        choices=dict(result.choices),
        outcome=str(result.outcome),
        warning=None,
        sentence=(
            f"Outcome: <b>{escape(result.outcome)}</b>, payoffs "
            f"({result.payoffs[0]:g}, {result.payoffs[1]:g}).<br>{steps}"
        ),
        alt=(
            f"The deterrence game tree: the challenger chooses status quo or challenge, the "
            f"defender concede or resist, the challenger back down or fight. The equilibrium path "
            f"{' → '.join(result.path)} is drawn thick and ends in {result.outcome}; dashed edges "
            "show what a player would choose off that path."
        ),
    )


@dataclass(frozen=True)
class ScreeningReadout:
    q: float
    u_status_quo: float  # the challenger's payoffs the comparison uses
    u_concede: float
    u_resist: float  # its better of backing down and fighting, once resisted
    eu_challenge: float
    threshold: float | None  # q* when it lies in [0, 1] (drawn), else None
    sentence: str
    alt: str


def screening_readout(
    q, status_quo_challenger, concession_challenger, backdown_challenger, war_challenger
) -> ScreeningReadout:
    """Challenge or not at belief ``q``, with the challenger's payoffs from the tree's boxes."""
    u_sq = number("Challenger's payoff at status_quo", status_quo_challenger)
    u_concede = number("Challenger's payoff at concession", concession_challenger)
    u_resist = max(
        number("Challenger's payoff at backdown", backdown_challenger),
        number("Challenger's payoff at war", war_challenger),
    )  # its best reply once resisted
    result = model.screening(q, u_sq, u_concede, u_resist)
    if result.tie:
        verdict = "<b>Exactly indifferent</b> at this belief."
    elif result.challenges:
        verdict = "<b>The challenger challenges.</b>"
    else:
        verdict = "<b>The challenger is deterred.</b>"
    interior = result.threshold_case == model.ScreeningCase.INTERIOR
    return ScreeningReadout(
        q=float(result.q),
        u_status_quo=u_sq,
        u_concede=u_concede,
        u_resist=u_resist,
        eu_challenge=float(result.eu_challenge),
        threshold=float(result.threshold) if interior else None,
        sentence=(
            f"{verdict} Payoffs used (challenger's): status quo {u_sq:g}, concession "
            f"{u_concede:g}, resisted {u_resist:g} (its better of backing down and fighting).<br>"
            f"{escape(result.explanation)}"
        ),
        alt=(
            f"Line chart of the challenger's expected utility of challenging against its belief q "
            f"that the defender is resolute, from {u_concede:g} at q = 0 to {u_resist:g} at q = 1, "
            f"with the status quo at {u_sq:g}; at q = {result.q:.2f} it is "
            f"{result.eu_challenge:.3g}."
        ),
    )


#: The heading of the game widget's second part, in its sentence and over its panel.
SCREENING_HEADING = "Incomplete information: is the defender resolute?"
#: What the second part says while the tree has no path (a player is indifferent).
SCREENING_WAIT = "Fix the payoffs above to see the incomplete-information case."


@dataclass(frozen=True)
class GameReadout:
    """The game widget: the tree, and screening under it with the tree's challenger payoffs."""

    tree: TreeReadout
    screening: ScreeningReadout | None  # None when the tree has no path or the model refuses screening
    screening_note: str | None  # then: why (SCREENING_WAIT, or the model's sentence)
    sentence: str
    alt: str


def game_readout(
    q,
    status_quo_challenger,
    status_quo_defender,
    concession_challenger,
    concession_defender,
    backdown_challenger,
    backdown_defender,
    war_challenger,
    war_defender,
) -> GameReadout:
    """The tree from the eight payoff boxes; then, at belief ``q``, screening with its challenger payoffs.

    A payoff box the model refuses raises its InputError (nothing is drawn). A
    tree with an exact indifference is drawn without a path and screening waits;
    a screening the model refuses (resistance no threat) carries the model's
    sentence in place of its chart, under the solved tree.
    """
    tree = tree_readout(
        status_quo_challenger=status_quo_challenger,
        status_quo_defender=status_quo_defender,
        concession_challenger=concession_challenger,
        concession_defender=concession_defender,
        backdown_challenger=backdown_challenger,
        backdown_defender=backdown_defender,
        war_challenger=war_challenger,
        war_defender=war_defender,
    )
    screen, note = None, None
    if tree.warning:
        note = SCREENING_WAIT
    else:
        try:
            screen = screening_readout(
                q, status_quo_challenger, concession_challenger, backdown_challenger, war_challenger
            )
        except model.InputError as exc:
            note = str(exc)
    first = markup.warn(tree.warning) if tree.warning else f"{tree.sentence}<br>"  # a warning is a block
    second = screen.sentence if screen else markup.warn(note)
    below = screen.alt if screen else f"No chart: {note}"
    return GameReadout(
        tree=tree,
        screening=screen,
        screening_note=note,
        sentence=f"{first}<b>{SCREENING_HEADING}</b><br>{second}",
        alt=f"Two panels. Top: {tree.alt} Bottom: {below}",
    )


# --------------------------------------------------------------------------
# 3. Chicken and brinkmanship
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ChickenReadout:
    row_payoffs: list[list[float]]  # [Swerve, Straight] x [Swerve, Straight]
    col_payoffs: list[list[float]]
    pure: list[tuple[str, str]]  # (Row's action, Column's action) of each pure equilibrium
    swerve_probability: float | None  # each player's in the mixed equilibrium
    mixed_payoff: float | None
    table: str  # the payoff table, HTML
    sentence: str
    alt: str  # the table in words (the part has no figure)


def chicken_readout(both_swerve, temptation, sucker, disaster) -> ChickenReadout:
    """The game of Chicken from the four boxes, and its equilibria."""
    game = model.chicken(both_swerve=both_swerve, temptation=temptation, sucker=sucker, disaster=disaster)
    solution = solve_2x2(game)
    A, B = game.row_payoffs, game.col_payoffs

    def cells(i: int) -> str:
        return "".join(f"<td style='padding:2px 10px'>({A[i][j]:g}, {B[i][j]:g})</td>" for j in range(2))

    def action(mix) -> str:
        return "Swerve" if mix[0] == 1 else "Straight"

    pure = [(action(e.row_mix), action(e.col_mix)) for e in solution.pure]
    lines = ["Pure equilibria: " + "; ".join(f"Row {row}, Column {col}" for row, col in pure) + "."]
    mixed = solution.mixed
    if mixed:
        lines.append(
            f"Mixed equilibrium: each player swerves with probability "
            f"<b>{mixed.row_mix[0]:.4g}</b>; expected payoff "
            f"{mixed.payoffs[0]:.4g} each."
        )
    return ChickenReadout(
        row_payoffs=[list(row) for row in A],
        col_payoffs=[list(row) for row in B],
        pure=pure,
        swerve_probability=mixed.row_mix[0] if mixed else None,
        mixed_payoff=mixed.payoffs[0] if mixed else None,
        table=(
            "<table style='border-collapse:collapse;text-align:center'>"
            "<tr><th></th><th>Column: Swerve</th><th>Column: Straight</th></tr>"
            f"<tr><th>Row: Swerve</th>{cells(0)}</tr><tr><th>Row: Straight</th>{cells(1)}</tr>"
            "</table><small>Payoffs are (Row, Column).</small>"
        ),
        sentence="<br>".join(lines),
        alt=(
            f"Payoff table of Chicken, (Row, Column): both swerve ({A[0][0]:g}, {B[0][0]:g}); "
            f"Row swerves, Column goes straight ({A[0][1]:g}, {B[0][1]:g}); Row goes straight, "
            f"Column swerves ({A[1][0]:g}, {B[1][0]:g}); both straight ({A[1][1]:g}, {B[1][1]:g})."
        ),
    )


@dataclass(frozen=True)
class BrinkmanshipReadout:
    steps: list[int]  # k = 1 .. the chosen number of steps
    cumulative_risk: list[float]  # P(disaster by step k)
    eu_firm: list[float]  # expected payoff of standing firm for k steps
    win: float  # the Chicken payoffs it uses: temptation, sucker, crash
    concede: float
    disaster: float
    sentence: str
    alt: str


def brinkmanship_readout(risk, steps, both_swerve, temptation, sucker, disaster) -> BrinkmanshipReadout:
    """Standing firm for 1..steps steps, with the Chicken payoffs: win = temptation,
    concede = sucker, disaster = the crash (the boxes' text is checked as Chicken first)."""
    game = model.chicken(both_swerve=both_swerve, temptation=temptation, sucker=sucker, disaster=disaster)
    win, concede, crash = game.row_payoffs[1][0], game.row_payoffs[0][1], game.row_payoffs[1][1]
    result = model.brinkmanship(risk, steps, win, concede, crash)
    k = list(result.steps)
    risk_k, eu_k = list(result.cumulative_risk), list(result.eu_firm)
    last = "beats" if result.firm_better[-1] else ("ties with" if result.tie[-1] else "is worse than")
    return BrinkmanshipReadout(
        steps=k,
        cumulative_risk=risk_k,
        eu_firm=eu_k,
        win=win,
        concede=concede,
        disaster=crash,
        sentence=(
            f"Standing firm for <b>{k[-1]}</b> step{'s' if k[-1] > 1 else ''}: risk of disaster "
            f"<b>{risk_k[-1]:.3g}</b>, expected payoff {eu_k[-1]:.3g}, "
            f"which {last} conceding ({concede:g}).<br>{escape(result.explanation)}"
        ),
        alt=(
            f"Two line charts against the number of steps of a crisis. Left: the cumulative risk of "
            f"disaster rises to {risk_k[-1]:.3g} after {k[-1]} steps at "
            f"{risk_k[0]:.3g} per step. Right: the expected payoff of standing firm "
            f"falls from {eu_k[0]:.3g} to {eu_k[-1]:.3g}, against {concede:g} "
            "for conceding."
        ),
    )


@dataclass(frozen=True)
class CrisisReadout:
    """The Chicken widget: the game's table and equilibria, then brinkmanship with its payoffs."""

    chicken: ChickenReadout
    brinkmanship: BrinkmanshipReadout
    sentence: str  # the payoff table, the equilibria, then the brinkmanship sentence
    alt: str  # the picture's (the brinkmanship curves); the table is HTML in the sentence


#: The heading of the Chicken widget's second part, in its sentence.
BRINKMANSHIP_HEADING = "Brinkmanship with these payoffs"


def crisis_readout(both_swerve, temptation, sucker, disaster, risk, steps) -> CrisisReadout:
    """Chicken from the four boxes (refused unless it is Chicken), and standing firm for 1..steps steps."""
    game = chicken_readout(both_swerve=both_swerve, temptation=temptation, sucker=sucker, disaster=disaster)
    brink = brinkmanship_readout(risk, steps, both_swerve, temptation, sucker, disaster)
    return CrisisReadout(
        chicken=game,
        brinkmanship=brink,
        sentence=f"{game.table}<br>{game.sentence}<br><b>{BRINKMANSHIP_HEADING}</b><br>{brink.sentence}",
        alt=brink.alt,
    )
