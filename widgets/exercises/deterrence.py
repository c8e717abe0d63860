"""Exercises of the Deterrence chapter; every expected answer comes from the models.

Each exercise's parameters differ from the widgets' saved states and from the
printed examples above it in the notebook, so no saved output gives the answer
away (tests/exercises/test_exercise_leaks.py checks that).
"""

from widgets.check import Exercise
from widgets.models import deterrence
from widgets.models.games import solve_2x2

# ---------------------------------------------------------------- settings

#: The distinctions exercise: the options, and the one that fits the scenario
#: (a crisis threat against an invasion not yet begun, on behalf of an ally, of
#: retaliation against cities), on all four of Section 1's distinctions.
DISTINCTION_CHOICES = tuple(
    f"{d}, {a}, {b}, {c}"
    for d in ("deterrence", "compellence")
    for a in ("general", "immediate")
    for b in ("direct", "extended")
    for c in ("denial", "punishment")
)
DISTINCTION_ANSWER = "deterrence, immediate, extended, punishment"

#: The denial exercise: gain, cost and punishment, and the chance of success before and after.
DENIAL = dict(gain=10.0, cost=1.0, punishment=12.0, p_before=0.8, p_after=0.4)

#: The tree exercise's payoffs (challenger, defender).
TREE = dict(status_quo=(0, 0), concession=(2, -1), backdown=(-2, 1), war=(-1, -4))

#: The Chicken exercise: both swerve, temptation, sucker, crash.
CHICKEN = dict(both_swerve=0, temptation=4, sucker=-2, disaster=-12)

#: The brinkmanship exercise: risk per step, and the chance of disaster to exceed.
BRINK_RISK, BRINK_LEVEL = 0.03, 0.5

#: The signalling exercise: the bluffer's loss from conceding, the war cost, and the
#: sunk cost of each candidate signal.
SIGNAL = dict(bluffer_loss=2.5, war_cost=5.0)
SIGNAL_OPTIONS = {"A": 1.0, "B": 3.0, "C": 4.5, "D": 6.0}


# ---------------------------------------------------------------- answers


def denial_drop() -> float:
    """How far c* falls when denial cuts the chance of success (both thresholds interior)."""
    d = DENIAL
    before = deterrence.deterrence_calculus(d["p_before"], d["gain"], d["cost"], d["punishment"], 0)
    after = deterrence.deterrence_calculus(d["p_after"], d["gain"], d["cost"], d["punishment"], 0)
    assert before.threshold_case == after.threshold_case == "interior"
    return before.threshold - after.threshold


def tripwire_threshold(lo: float = -100.0, hi: float = 100.0) -> float:
    """The defender's payoff from conceding below which the challenger is deterred.

    Found by bisection on the solved game (the tripwire lowers that one payoff);
    every other payoff is the tree exercise's. The game is solved only where it
    has no tie.
    """

    def deterred(x: float) -> bool:
        return deterrence.solve_deterrence_game(
            TREE["status_quo"], (TREE["concession"][0], x), TREE["backdown"], TREE["war"]
        ).deterred

    assert deterred(lo) and not deterred(hi)
    for _ in range(60):
        mid = (lo + hi) / 2
        try:
            ok = deterred(mid)
        except deterrence.InputError:  # an exact tie: nudge off it
            ok = deterred(mid - 1e-9)
        lo, hi = (mid, hi) if ok else (lo, mid)
    return (lo + hi) / 2


def chicken_crash() -> float:
    """P(both go straight) in Chicken's mixed equilibrium."""
    mixed = solve_2x2(deterrence.chicken(**CHICKEN)).mixed
    return mixed.row_mix[1] * mixed.col_mix[1]


def brink_steps() -> int:
    """The smallest number of steps after which the chance of disaster exceeds BRINK_LEVEL."""
    b = deterrence.brinkmanship(BRINK_RISK, 1000, win=1, concede=0, disaster=-1)
    return next(k for k, risk in zip(b.steps, b.cumulative_risk) if risk > BRINK_LEVEL)


def separating_signals() -> list[str]:
    return [
        label for label, cost in SIGNAL_OPTIONS.items() if deterrence.costly_signal("sunk", cost, **SIGNAL).separating
    ]


# ---------------------------------------------------------------- exercises

DISTINCTIONS = Exercise(
    id="deterrence-distinctions",
    expected=lambda: DISTINCTION_ANSWER,
    kind="choice",
    choices=DISTINCTION_CHOICES,
    hint="ask four separate questions: must the target refrain from acting, or act? is an attack "
    "already being prepared? whose territory is protected? does the threat stop the attack from "
    "succeeding, or make the attacker pay afterwards?",
)

THRESHOLD = Exercise(
    id="deterrence-threshold",
    expected=denial_drop,
    kind="number",
    tolerance=0.005,
    hint="compute c* = (pG − K)/P before and after the change in p and subtract; notice which terms cancel.",
)

#: The tree exercise's answer options: the four possible equilibrium paths, written out.
TREE_PATHS = ("Status quo", "Challenge, Concede", "Challenge, Resist, Back down", "Challenge, Resist, Fight")


def tree_path() -> str:
    """The equilibrium path of the tree exercise, as the actions taken, comma-separated."""
    return ", ".join(deterrence.solve_deterrence_game(**TREE).path)


TREE_OUTCOME = Exercise(
    id="deterrence-tree-outcome",
    expected=tree_path,
    kind="choice",
    choices=TREE_PATHS,
    hint="start at the last decision: would the challenger fight or back down if resisted? "
    "Then ask what the defender prefers, knowing that; then the challenger's first move.",
)

TRIPWIRE = Exercise(
    id="deterrence-tripwire",
    expected=tripwire_threshold,
    kind="number",
    tolerance=0.05,
    hint="work backwards: what happens if the defender resists? For the defender to resist, "
    "conceding must be worse than that. Then check whether the challenger still challenges.",
)

CHICKEN_CRASH = Exercise(
    id="deterrence-chicken-crash",
    expected=chicken_crash,
    kind="number",
    tolerance=0.005,
    hint="first find the swerving probability that makes the other player indifferent; a crash "
    "needs both players to go straight, independently.",
)

BRINK_STEPS = Exercise(
    id="deterrence-brink-steps",
    expected=brink_steps,
    kind="number",
    hint="the chance of getting through k steps safely is (1 − r)^k; find the first whole k at "
    "which it drops below one half (logarithms help, then round the right way).",
)

SIGNAL_CHECK = Exercise(
    id="deterrence-signal",
    expected=separating_signals,
    kind="set",
    hint="for each signal ask two questions: would the irresolute type rather pay it than be "
    "challenged and concede? would the resolute type rather pay it than be challenged and "
    "fight? A signal separates only if the answers are no and yes.",
)

#: The chapter's exercises, in the order the chapter asks them (what `widgets.check` reads).
EXERCISES = (
    DISTINCTIONS,
    THRESHOLD,
    TREE_OUTCOME,
    TRIPWIRE,
    SIGNAL_CHECK,
    CHICKEN_CRASH,
    BRINK_STEPS,
)
