"""Models for the Deterrence chapter: when does a threat stop an attack?

Why: deterrence is a comparison a would-be challenger makes. These functions
make that comparison explicit, so students can see which number tips it.

Shared assumptions: one challenger and one defender; payoffs are in a single
common unit ("utility"); players maximise expected payoff; no payoff is
observed with error. An exact indifference is reported as ``tie=True`` with an
explanation rather than resolved in either direction.

Names: each function returns a frozen ``…Result`` dataclass; the labels a caller
compares (threshold cases, outcomes, signal kinds) are :class:`enum.StrEnum`
members, equal to their strings ("interior", "War", "sunk").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from numbers import Real

from widgets.models.games import DecisionNode, Game2x2, IndifferenceError, Leaf, backward_induction
from widgets.models.inputs import InputError, count, non_negative, number, probability

__all__ = [
    "BrinkmanshipResult",
    "CostlySignalResult",
    "DeterrenceCalculusResult",
    "DeterrenceCurveResult",
    "DeterrenceGameResult",
    "GameOutcome",
    "IndifferenceError",
    "InputError",
    "ScreeningCase",
    "ScreeningResult",
    "SignalKind",
    "ThresholdCase",
    "brinkmanship",
    "chicken",
    "costly_signal",
    "deterrence_calculus",
    "deterrence_curve",
    "deterrence_tree",
    "screening",
    "solve_deterrence_game",
]

_REL_TOL = 1e-9  # two expected values this close (relative to their size) count as a tie
MAX_STEPS = 10_000


def _tied(x: float, y: float, *terms: float) -> bool:
    """True when x and y are equal up to floating-point rounding of the terms."""
    return abs(x - y) <= _REL_TOL * max(1.0, abs(x), abs(y), *(abs(t) for t in terms))


def _num(x: float) -> str:
    """A number for a formula: negative values in brackets, e.g. 2×(-1)."""
    return f"({x:g})" if x < 0 else f"{x:g}"


# --------------------------------------------------------------------------
# 1. Rational deterrence calculus
# --------------------------------------------------------------------------


class ThresholdCase(StrEnum):
    """Where the credibility threshold c* falls."""

    INTERIOR = "interior"  # 0 <= c* <= 1: credibility above c* deters
    ALWAYS_DETERRED = "always deterred"  # c* < 0
    NEVER_DETERRED = "never deterred"  # c* > 1
    UNDEFINED = "undefined"  # no punishment, so no threshold


@dataclass(frozen=True)
class DeterrenceCalculusResult:
    """The challenger's comparison and the credibility it takes to deter."""

    eu_attack: float
    eu_status_quo: float
    margin: float  # eu_status_quo - eu_attack; > 0 means deterred
    deterred: bool | None  # None exactly when tie
    tie: bool
    threshold: float | None  # c* clipped to [0, 1]; None when punishment is 0
    threshold_raw: float | None  # c* before clipping
    threshold_case: ThresholdCase
    explanation: str


def _credibility_threshold(unpunished: float, status_quo: float, punishment: float):
    """(clipped c*, raw c*, case, sentence) for c* = (p*gain - cost - sq) / punishment."""
    if punishment == 0:
        return (
            None,
            None,
            ThresholdCase.UNDEFINED,
            ("With no punishment, credibility changes nothing, so there is no credibility threshold."),
        )
    raw = (unpunished - status_quo) / punishment
    if raw < 0:
        return (
            0.0,
            raw,
            ThresholdCase.ALWAYS_DETERRED,
            (
                "Deterrence holds even with no credibility: attacking is worse than the status quo "
                f"even if retaliation never comes (c* = {raw:.4g} < 0)."
            ),
        )
    if raw > 1:
        return (
            1.0,
            raw,
            ThresholdCase.NEVER_DETERRED,
            (
                "No credibility suffices: even certain punishment leaves attacking better than the "
                f"status quo (c* = {raw:.4g} > 1)."
            ),
        )
    return raw, raw, ThresholdCase.INTERIOR, f"Deterrence holds when credibility exceeds c* = {raw:.4g}."


def deterrence_calculus(p_success, gain, cost, punishment, credibility, status_quo=0.0) -> DeterrenceCalculusResult:
    """Compare attacking with the status quo for a rational challenger.

    EU(attack) = p_success*gain - cost - credibility*punishment: the attack wins
    ``gain`` with probability ``p_success``, always costs ``cost``, and the
    defender retaliates with probability ``credibility`` (whether or not the
    attack succeeds), imposing ``punishment``. The challenger is deterred when
    EU(status quo) > EU(attack), i.e. when credibility > c*.
    """
    p = probability("p_success", p_success)
    gain = non_negative("gain", gain)
    cost = non_negative("cost", cost)
    punishment = non_negative("punishment", punishment)
    c = probability("credibility", credibility)
    sq = number("status_quo", status_quo)

    unpunished = p * gain - cost
    eu_attack = unpunished - c * punishment
    margin = sq - eu_attack
    tie = _tied(sq, eu_attack, p * gain, cost, c * punishment)
    threshold, raw, case, why = _credibility_threshold(unpunished, sq, punishment)
    if tie:
        verdict = (
            "The challenger is exactly indifferent between attacking and the status quo, "
            "so the model cannot say whether deterrence holds."
        )
    elif margin > 0:
        verdict = f"Deterrence holds: the status quo is better by {margin:.4g}."
    else:
        verdict = f"Deterrence fails: attacking is better by {-margin:.4g}."
    explanation = (
        f"EU(attack) = {p:g}×{gain:g} − {cost:g} − {c:g}×{punishment:g} = "
        f"{eu_attack:.4g}; EU(status quo) = {sq:g}. {verdict} {why}"
    )
    return DeterrenceCalculusResult(
        eu_attack, sq, margin, None if tie else margin > 0, tie, threshold, raw, case, explanation
    )


@dataclass(frozen=True)
class DeterrenceCurveResult:
    """EU(attack) and the deterrence margin across credibility values (for plotting).

    Tuples (read-only, like the model's other results), one entry per credibility value.
    """

    credibility: tuple[float, ...]
    eu_attack: tuple[float, ...]
    margin: tuple[float, ...]  # status_quo - eu_attack


#: The default credibility grid: 101 points on [0, 1], the values ``numpy.linspace(0, 1, 101)`` gives.
GRID = tuple(i * (1.0 / 100) for i in range(100)) + (1.0,)


def _probability_list(name: str, values) -> tuple[float, ...]:
    """A flat, non-empty tuple of finite floats that all lie in [0, 1] (one number is a list of one)."""
    items = [values] if isinstance(values, (str, Real)) or not hasattr(values, "__iter__") else list(values)
    if not items or any(hasattr(v, "__len__") and not isinstance(v, str) for v in items):
        raise InputError(f"{name} must be a non-empty flat list of numbers; got {values!r}.")
    if all(isinstance(v, bool) for v in items):
        raise InputError(f"{name} must be numbers between 0 and 1, not True/False.")
    try:
        out = tuple(float(v) for v in items)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be numbers between 0 and 1; got {values!r}.") from None
    if not all(math.isfinite(v) for v in out):
        raise InputError(f"{name} must be finite numbers; got {values!r}.")
    outside = [v for v in out if not 0 <= v <= 1]
    if outside:
        raise InputError(f"{name} must be probabilities between 0 and 1; got {outside[0]:g}.")
    return out


def deterrence_curve(p_success, gain, cost, punishment, status_quo=0.0, credibility=None) -> DeterrenceCurveResult:
    """EU(attack) at many credibility values at once (default: 101 points on [0, 1]).

    Same model as :func:`deterrence_calculus`; EU(attack) falls linearly in
    credibility with slope -punishment.
    """
    p = probability("p_success", p_success)
    gain = non_negative("gain", gain)
    cost = non_negative("cost", cost)
    punishment = non_negative("punishment", punishment)
    sq = number("status_quo", status_quo)
    grid = GRID if credibility is None else _probability_list("credibility", credibility)
    eu = tuple(p * gain - cost - c * punishment for c in grid)
    return DeterrenceCurveResult(grid, eu, tuple(sq - e for e in eu))


# --------------------------------------------------------------------------
# 2. The deterrence game tree, with and without incomplete information
# --------------------------------------------------------------------------

PLAYERS = ("Challenger", "Defender")  # payoff pairs are (challenger, defender)


def _pair(name: str, value) -> tuple[float, float]:
    try:
        items = tuple(value) if not isinstance(value, str) else ()
    except TypeError:
        items = ()
    if len(items) != 2:
        raise InputError(f"{name} must be a payoff pair (challenger, defender), like (1, -1); got {value!r}.")
    return (number(f"Challenger's payoff at {name}", items[0]), number(f"Defender's payoff at {name}", items[1]))


class GameOutcome(StrEnum):
    """The four ends of the deterrence game (also the names of its leaves)."""

    STATUS_QUO = "Status quo"
    CONCESSION = "Defender concedes"
    BACKDOWN = "Challenger backs down"
    WAR = "War"


def deterrence_tree(status_quo=(0, 0), concession=(1, -1), backdown=(-1, 1), war=(-2, -2)) -> DecisionNode:
    """The tree: Status quo / Challenge -> Concede / Resist -> Back down / Fight.

    Each argument is the (challenger, defender) payoff pair at one of the four
    ends: status quo, the defender concedes, the challenger backs down, war.
    """
    end = {
        name: Leaf(label, _pair(name, value))
        for name, label, value in (
            ("status_quo", GameOutcome.STATUS_QUO, status_quo),
            ("concession", GameOutcome.CONCESSION, concession),
            ("backdown", GameOutcome.BACKDOWN, backdown),
            ("war", GameOutcome.WAR, war),
        )
    }
    escalation = DecisionNode("Challenger's escalation", 0, (("Back down", end["backdown"]), ("Fight", end["war"])))
    response = DecisionNode("Defender's response", 1, (("Concede", end["concession"]), ("Resist", escalation)))
    return DecisionNode("Challenger's move", 0, (("Status quo", end["status_quo"]), ("Challenge", response)))


@dataclass(frozen=True)
class DeterrenceGameResult:
    """The subgame-perfect equilibrium of the deterrence game."""

    path: tuple[str, ...]  # actions along the equilibrium path
    choices: dict[str, str]  # every decision node -> action (off-path ones too)
    outcome: GameOutcome
    payoffs: tuple[float, float]  # (challenger, defender)
    deterred: bool  # the challenger keeps the status quo
    defender_resists: bool  # what the defender would do if challenged
    challenger_fights: bool  # what the challenger would do if resisted
    explanation: str


_SUMMARY = {
    GameOutcome.CONCESSION: "Deterrence fails: if challenged, the defender prefers conceding to "
    "resisting, so its threat to resist is not credible.",
    GameOutcome.BACKDOWN: "The challenger challenges, the defender resists and the challenger "
    "backs down, which it still prefers to the status quo.",
    GameOutcome.WAR: "Deterrence fails and the crisis escalates to war: the challenger prefers fighting to "
    "backing down, and challenging to the status quo.",
}


def solve_deterrence_game(
    status_quo=(0, 0), concession=(1, -1), backdown=(-1, 1), war=(-2, -2)
) -> DeterrenceGameResult:
    """Solve the deterrence game by backward induction (subgame-perfect equilibrium).

    Assumes complete information: both sides know all payoffs. A tie at any
    decision node raises IndifferenceError (an InputError) naming the indifferent
    player and node.
    """
    solution = backward_induction(deterrence_tree(status_quo, concession, backdown, war), PLAYERS)
    outcome = GameOutcome(solution.outcome)
    resists = solution.choices["Defender's response"] == "Resist"
    if outcome != GameOutcome.STATUS_QUO:
        summary = _SUMMARY[outcome]
    elif resists:
        summary = (
            "Deterrence holds: the challenger expects the defender to resist, which would "
            "leave it worse off than the status quo."
        )
    else:
        summary = (
            "The challenger keeps the status quo although the defender would concede: "
            "challenging is not worth it even unopposed, so no threat is needed."
        )
    return DeterrenceGameResult(
        solution.path,
        solution.choices,
        outcome,
        solution.payoffs,
        outcome == GameOutcome.STATUS_QUO,
        resists,
        solution.choices["Challenger's escalation"] == "Fight",
        solution.explanation + "\n" + summary,
    )


class ScreeningCase(StrEnum):
    """Where the belief threshold q* falls."""

    INTERIOR = "interior"  # 0 <= q* <= 1: the challenger challenges below q*
    NEVER_CHALLENGES = "never challenges"  # q* < 0
    ALWAYS_CHALLENGES = "always challenges"  # q* > 1
    UNDEFINED = "undefined"  # resistance and concession pay the challenger the same


@dataclass(frozen=True)
class ScreeningResult:
    """The challenger's decision when unsure whether the defender is resolute."""

    q: float
    eu_challenge: float
    eu_status_quo: float
    challenges: bool | None  # None exactly when tie
    tie: bool
    threshold: float | None  # q* clipped to [0, 1]; None when undefined
    threshold_raw: float | None
    threshold_case: ScreeningCase
    explanation: str


def screening(q, u_status_quo, u_concede, u_resist) -> ScreeningResult:
    """Challenge or not, when the defender is resolute with probability ``q``.

    A resolute defender resists, an irresolute one concedes (each type's
    preference is strict, so neither depends on beliefs). The challenger,
    knowing only q, challenges iff q*u_resist + (1-q)*u_concede > u_status_quo,
    i.e. iff q < q* = (u_concede - u_status_quo) / (u_concede - u_resist).
    This is a one-shot expected-utility comparison: each defender type's
    response is fixed by assumption, the defender makes no move before the
    challenge, and the challenger's belief is simply the prior q (nothing can
    update it). Formally it is the perfect Bayesian equilibrium of that game,
    but a trivial one; for a defender that can signal its type first, see
    :func:`costly_signal`. All three payoffs are the challenger's; ``u_resist``
    is its payoff once resisted, after its own best reply (e.g. backing down).
    """
    q = probability("q (the chance that the defender is resolute)", q)
    sq = number("u_status_quo", u_status_quo)
    concede = number("u_concede", u_concede)
    resist = number("u_resist", u_resist)
    if resist > concede:
        raise InputError(
            f"This model assumes the challenger prefers a concession to resistance, but "
            f"u_resist ({resist:g}) is greater than u_concede ({concede:g}). Then resistance is "
            "no threat and there is nothing to deter."
        )
    eu = q * resist + (1 - q) * concede
    tie = _tied(eu, sq, q * resist, (1 - q) * concede)

    if resist == concede:
        threshold, raw, case = None, None, ScreeningCase.UNDEFINED
        why = (
            f"The challenger gets {concede:g} whether the defender concedes or resists, so "
            "beliefs about resolve do not matter: there is no threshold q*."
        )
    else:
        raw = (concede - sq) / (concede - resist)
        if raw < 0:
            threshold, case = 0.0, ScreeningCase.NEVER_CHALLENGES
            why = f"The status quo beats even a sure concession (q* = {raw:.4g} < 0): no challenge at any belief."
        elif raw > 1:
            threshold, case = 1.0, ScreeningCase.ALWAYS_CHALLENGES
            why = (
                f"Even a surely resolute defender does not deter: being resisted beats the "
                f"status quo (q* = {raw:.4g} > 1)."
            )
        else:
            threshold, case = raw, ScreeningCase.INTERIOR
            why = f"The challenger challenges when q < q* = {raw:.4g} and is deterred when q > q*."
    if tie:
        verdict = "The challenger is exactly indifferent, so the model cannot say whether it challenges."
    elif eu > sq:
        verdict = "The challenger challenges."
    else:
        verdict = "The challenger is deterred."
    explanation = (
        f"EU(challenge) = {q:g}×{_num(resist)} + (1 − {q:g})×{_num(concede)} "
        f"= {eu:.4g}, "
        f"against {sq:g} for the status quo. {verdict} {why}"
    )
    return ScreeningResult(q, eu, sq, None if tie else eu > sq, tie, threshold, raw, case, explanation)


class SignalKind(StrEnum):
    """How a signal costs the defender."""

    SUNK = "sunk"  # paid up front, whatever happens next
    AUDIENCE = "audience"  # paid only on backing down after signalling


@dataclass(frozen=True)
class CostlySignalResult:
    """Whether a costly signal sent before the challenge reveals the defender's type."""

    kind: SignalKind
    cost: float
    bluffer_loss: float  # what the irresolute type loses by conceding
    war_cost: float  # what either type loses by fighting
    separating: bool  # sunk: only the resolute type signals, and the signal is believed
    commits: bool  # audience: the signal makes even the irresolute type fight
    tie: bool  # a type is exactly indifferent at this cost
    lower: float  # sunk: smallest separating cost (the bluffer's loss); audience: commitment threshold
    upper: float | None  # sunk: largest cost the resolute type will pay (its war cost); else None
    explanation: str


def costly_signal(kind, cost, bluffer_loss, war_cost) -> CostlySignalResult:
    """Can a defender make its threat believed by paying for a signal first?

    Two defender types value the disputed stake differently. Conceding costs
    the *irresolute* type ``bluffer_loss`` and the resolute type more than the
    war; fighting costs either type ``war_cost``. So the irresolute type
    concedes if challenged (bluffer_loss < war_cost) and the resolute type
    fights. Not being challenged is worth 0 to both. The challenger challenges
    a defender it believes irresolute and leaves alone one it believes resolute
    (a challenge that is resisted is worse for it than the status quo). Before
    the challenge the defender may send one signal.

    ``kind="sunk"`` (Fearon 1997, sinking costs): the signal costs ``cost``
    whatever happens next (a mobilisation). Look for a separating equilibrium
    in which only the resolute type signals, the challenger believes the
    signal and challenges only a silent defender. The irresolute type will not
    mimic if paying costs at least as much as being challenged and conceding
    (cost >= bluffer_loss); the resolute type signals if paying costs no more
    than being challenged and fighting (cost <= war_cost). Separation holds
    exactly when bluffer_loss <= cost <= war_cost.

    ``kind="audience"`` (Fearon 1994, 1997, tying hands): the signal is free
    up front, but a defender that signals and then backs down pays ``cost``
    (an audience cost). After signalling, the irresolute type fights if
    bluffer_loss + cost > war_cost: the signal *commits* it, so a challenger
    that reasons backwards is deterred by either type. With a smaller audience
    cost a bluffer can signal for free (a believed signal prevents the
    challenge, so the cost is never charged) and the signal cannot separate
    the types in this two-type model. (Fearon's own model is richer; in it
    both kinds of signal can be informative.)

    Ties (cost exactly at a bound) are flagged with ``tie=True``; the weak
    inequalities above count them as separating (the indifferent type is
    assumed to take the separating action).
    """
    try:
        kind = SignalKind(str(kind).strip().lower())
    except ValueError:
        raise InputError(
            f'kind must be "sunk" (a cost paid up front) or "audience" (a cost paid '
            f"only on backing down); got {str(kind).strip().lower()!r}."
        ) from None
    cost = non_negative("cost", cost)
    loss = non_negative("bluffer_loss", bluffer_loss)
    war = non_negative("war_cost", war_cost)
    if not loss < war:
        raise InputError(
            f"bluffer_loss ({loss:g}) must be smaller than war_cost ({war:g}): the "
            "irresolute type is the one that prefers conceding to fighting."
        )
    if kind == SignalKind.SUNK:
        mimics = cost < loss and not _tied(cost, loss)
        resolute_pays = cost < war or _tied(cost, war)
        tie = _tied(cost, loss) or _tied(cost, war)
        separating = (not mimics) and resolute_pays
        if mimics:
            why = (
                f"A signal costing {cost:g} is cheaper than conceding ({loss:g}), so the "
                "irresolute type would send it too: the signal says nothing."
            )
        elif not resolute_pays:
            why = (
                f"A signal costing {cost:g} is dearer than fighting ({war:g}), so even the "
                "resolute type prefers to stay silent and fight if challenged."
            )
        else:
            why = (
                f"Only the resolute type pays {cost:g}: the irresolute type would rather be "
                f"challenged and concede ({loss:g}), the resolute type would rather pay than "
                f"fight ({war:g}). The signal is believed and deters."
            )
        return CostlySignalResult(
            SignalKind.SUNK,
            cost,
            loss,
            war,
            separating,
            False,
            tie,
            loss,
            war,
            f"Sunk-cost signal: separating {'yes' if separating else 'no'}. "
            f"{why} Separation needs a cost between the bluffer's loss from "
            "conceding and the war cost.",
        )
    threshold = war - loss
    tie = _tied(cost, threshold, war, loss)
    commits = cost > threshold and not tie
    if commits:
        why = (
            f"Backing down after the signal would cost the irresolute type {loss:g} + {cost:g}, "
            f"more than fighting ({war:g}), so it would fight: the signal makes the threat "
            "credible for both types and a challenger that reasons backwards is deterred."
        )
    elif tie:
        why = (
            "After the signal the irresolute type is exactly indifferent between backing down "
            "and fighting, so the model cannot say whether the signal commits it."
        )
    else:
        why = (
            f"Backing down after the signal would cost the irresolute type {loss:g} + {cost:g}, "
            f"less than fighting ({war:g}); it could signal for free and still back down, so "
            "the signal cannot tell the types apart."
        )
    return CostlySignalResult(
        SignalKind.AUDIENCE,
        cost,
        loss,
        war,
        False,
        commits,
        tie,
        threshold,
        None,
        f"Audience-cost signal: commits {'yes' if commits else 'no'}. {why} The "
        "signal commits once the audience cost exceeds the war cost minus the "
        "bluffer's loss from conceding.",
    )


# --------------------------------------------------------------------------
# 3. Chicken and brinkmanship
# --------------------------------------------------------------------------


def chicken(both_swerve=0, temptation=1, sucker=-1, disaster=-10, players=("Row", "Column")) -> Game2x2:
    """The symmetric game of Chicken, with actions (Swerve, Straight).

    ``temptation``: you go straight, the other swerves; ``sucker``: the reverse;
    ``disaster``: both go straight. Chicken requires
    temptation > both_swerve > sucker > disaster.
    """
    named = [
        ("temptation", number("temptation", temptation)),
        ("both_swerve", number("both_swerve", both_swerve)),
        ("sucker", number("sucker", sucker)),
        ("disaster", number("disaster", disaster)),
    ]
    for (hi_name, hi), (lo_name, lo) in zip(named, named[1:]):
        if not hi > lo:
            raise InputError(
                f"Chicken needs temptation > both_swerve > sucker > disaster; "
                f"here {hi_name} ({hi:g}) is not greater than {lo_name} ({lo:g})."
            )
    t, r, s, d = (v for _, v in named)
    return Game2x2(
        row_payoffs=((r, s), (t, d)),
        col_payoffs=((r, t), (s, d)),
        row_actions=("Swerve", "Straight"),
        col_actions=("Swerve", "Straight"),
        players=players,
    )


@dataclass(frozen=True)
class BrinkmanshipResult:
    """Risk and value of standing firm for k = 1..n steps of a crisis (tuples, one entry per k)."""

    steps: tuple[int, ...]  # k = 1, 2, ..., n
    cumulative_risk: tuple[float, ...]  # P(disaster by the end of step k) = 1 - (1 - r)^k
    eu_firm: tuple[float, ...]  # expected payoff of standing firm for k steps
    eu_concede: float  # payoff of conceding now
    firm_better: tuple[bool, ...]  # eu_firm > eu_concede (strictly, and not a tie)
    tie: tuple[bool, ...]  # eu_firm equals eu_concede at this k
    break_even_steps: float  # standing firm pays for k < this (inf when r = 0)
    explanation: str


def brinkmanship(risk_per_step, steps, win, concede, disaster) -> BrinkmanshipResult:
    """Brinkmanship as a sequence of steps that each risk slipping into disaster.

    Each step independently ends in disaster with probability ``risk_per_step``
    (r). Standing firm for k steps means the opponent yields after step k if
    disaster has not struck first: EU = (1-r)^k * win + (1 - (1-r)^k) * disaster.
    Conceding now gives ``concede`` for sure. Requires win > concede > disaster.
    """
    r = probability("risk_per_step", risk_per_step)
    n = count("steps", steps)
    if not 1 <= n <= MAX_STEPS:
        raise InputError(f"steps must be between 1 and {MAX_STEPS}; got {n}.")
    win, concede = number("win", win), number("concede", concede)
    disaster = number("disaster", disaster)
    if not win > concede:
        raise InputError(
            f"win ({win:g}) must be greater than concede ({concede:g}): otherwise "
            "standing firm can never pay and there is no brinkmanship to study."
        )
    if not concede > disaster:
        raise InputError(
            f"concede ({concede:g}) must be greater than disaster ({disaster:g}): "
            "otherwise conceding is never safer than risking disaster."
        )

    k = tuple(range(1, n + 1))
    survive = [(1.0 - r) ** j for j in k]
    risk = tuple(1.0 - s for s in survive)
    eu_firm = tuple(s * win + q * disaster for s, q in zip(survive, risk))
    tie = tuple(_tied(e, concede, win, disaster) for e in eu_firm)
    firm_better = tuple(e > concede and not t for e, t in zip(eu_firm, tie))
    if r == 0:
        break_even = math.inf
        why = "With no risk of slipping, standing firm always beats conceding."
    elif r == 1:
        break_even = 0.0
        why = "Disaster is certain at the first step, so conceding beats standing firm."
    else:
        break_even = math.log((concede - disaster) / (win - disaster)) / math.log1p(-r)
        why = f"Standing firm beats conceding only for fewer than {break_even:.4g} steps."
    explanation = (
        f"Each step risks disaster with probability {r:g}; after {n} step"
        f"{'s' if n > 1 else ''} the chance of disaster is {risk[-1]:.4g}. {why}"
    )
    return BrinkmanshipResult(k, risk, eu_firm, concede, firm_better, tie, break_even, explanation)
