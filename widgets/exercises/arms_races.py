"""Exercises of the chapter "Arms races and the security dilemma".

Every expected answer is computed here from the models, never typed into the
notebook. The parameter values are hypothetical teaching values, not estimates
of any real pair of states.
"""

from widgets.check import Exercise
from widgets.models import dilemma, games, richardson

#: Exercise 1: a hypothetical race whose equilibrium the student computes by hand.
EQUILIBRIUM_PARAMS = {"k": 0.2, "l": 0.3, "a": 0.5, "b": 0.4, "g": 1.0, "h": 0.5}

#: Exercise 2: fatigue and Y's reaction fixed; find X's reaction k at which a·b = k·l.
CRITICAL = {"l": 0.25, "a": 0.5, "b": 0.4}

#: Exercise 3: tit-for-tat against always defect, by hand.
TFT_ROUNDS = 12
TFT_PAYOFFS = dilemma.Payoffs(T=6, R=4, P=2, S=1)

#: Exercise 4: what holds across seeds (the saved widget shows only seed 0 without noise).
#: Only what holds on every seed is graded: which strategy wins most of seeds 0-29 at
#: noise 0.05 is itself luck (always defect 18 of 30 there, grim trigger 18 of 30 on seeds 30-59).
SEEDS = range(30)
ROUNDS = 200
NOISY = 0.05
TOP = 2  # places: the strategies that finish in the top two on every seed
CHOICES = tuple(dilemma.STRATEGIES)

#: Exercise 5: the shadow of the future, with payoffs other than the chapter's demonstration.
SHADOW_PAYOFFS = dilemma.Payoffs(T=7, R=4, P=2, S=0)

#: Exercise 6: an assurance game (Stag Hunt): each state prefers mutual restraint (4) to
#: exploiting the other (3); mutual arming (2) beats being the only one disarmed (1).
STAG_HUNT = games.Game2x2(
    row_payoffs=((4, 1), (3, 2)),
    col_payoffs=((4, 3), (1, 2)),
    row_actions=("restrain", "arm"),
    col_actions=("restrain", "arm"),
    players=("X", "Y"),
)
OUTCOMES = ("restrain/restrain", "restrain/arm", "arm/restrain", "arm/arm")
#: Exercise 6 (c): Jervis's (1976) two models, told apart by the adversary's motives.
MODELS = ("spiral", "deterrence")


def _critical_k() -> float:
    # The equilibrium is stable while a·b > k·l; the boundary a·b = k·l, solved for k.
    return CRITICAL["a"] * CRITICAL["b"] / CRITICAL["l"]


def _tft_total() -> float:
    match = dilemma.play_match("tit_for_tat", "always_defect", rounds=TFT_ROUNDS, payoffs=TFT_PAYOFFS)
    return float(sum(first for first, _ in match.payoffs))  # tit-for-tat's payoffs, round by round


def grim_lead_by_opponent(seeds=SEEDS) -> dict[str, float]:
    """Without noise: grim trigger's payoff minus tit-for-tat's, against each entrant, summed over seeds."""
    lead = dict.fromkeys(dilemma.STRATEGIES, 0.0)
    grim, tft = dilemma.STRATEGIES.index("grim_trigger"), dilemma.STRATEGIES.index("tit_for_tat")
    for seed in seeds:
        m = dilemma.tournament(rounds=ROUNDS, noise=0.0, seed=seed).matrix
        for j, name in enumerate(dilemma.STRATEGIES):
            if j not in (grim, tft):  # the two play each other and themselves alike
                lead[name] += m[grim][j] - m[tft][j]
    return lead


def _grim_lead_source() -> str:
    lead = grim_lead_by_opponent()
    return max(lead, key=lambda name: abs(lead[name]))


def always_in_top(noise: float = NOISY, places: int = TOP, seeds=SEEDS) -> set[str]:
    """The strategies that finish in the first `places` places on every one of `seeds`."""
    seeds = list(seeds)
    counts = dilemma.rank_counts(noise, seeds=seeds, rounds=ROUNDS)
    return {name for name, c in counts.items() if sum(c[:places]) == len(seeds)}


def _stag_hunt_equilibria() -> set[str]:
    labels = {
        (1.0, 1.0): "restrain/restrain",
        (1.0, 0.0): "restrain/arm",
        (0.0, 1.0): "arm/restrain",
        (0.0, 0.0): "arm/arm",
    }
    return {labels[(e.row_mix[0], e.col_mix[0])] for e in games.solve_2x2(STAG_HUNT).pure}


def which_model(game: games.Game2x2 = STAG_HUNT) -> str:
    """The model whose adversary has these preferences: greedy (deterrence) or a security seeker (spiral).

    A state is greedy when it ranks arming against a restrained rival (T) above
    mutual restraint (R), for either player; otherwise it arms only for fear of
    the other, the adversary of the spiral model.
    """
    restrain, arm = 0, 1
    row_tempted = game.row_payoffs[arm][restrain] > game.row_payoffs[restrain][restrain]
    col_tempted = game.col_payoffs[restrain][arm] > game.col_payoffs[restrain][restrain]
    return "deterrence" if row_tempted or col_tempted else "spiral"


EQUILIBRIUM_X = Exercise(
    id="arms_races-equilibrium-x",
    expected=lambda: richardson.equilibrium(**EQUILIBRIUM_PARAMS).x,
    kind="number",
    tolerance=0.01,
    hint="set both derivatives to zero and solve the two linear equations; "
    "x* = (b·g + k·h)/(a·b − k·l). Give two decimals.",
)

CRITICAL_K = Exercise(
    id="arms_races-critical-k",
    expected=_critical_k,
    kind="number",
    tolerance=0.005,
    hint="the equilibrium stops being stable when mutual fear k·l equals fatigue a·b; solve a·b = k·l for k.",
)

TFT_VS_ALLD = Exercise(
    id="arms_races-tft-vs-alld",
    expected=_tft_total,
    kind="number",
    tolerance=1e-9,
    hint="tit-for-tat cooperates in round 1 and is exploited (payoff S); from round 2 on "
    "both defect (payoff P each round). Add up the rounds.",
)

GRIM_LEAD = Exercise(
    id="arms_races-grim-lead",
    expected=_grim_lead_source,
    kind="choice",
    choices=CHOICES,
    hint="without noise, grim trigger and tit-for-tat both cooperate with every strategy that "
    "never defects first. Look for the entrant that defects first now and then, and compare "
    "what each of the two does after that (use the tournament's matrix, seed by seed).",
)

TOP_TWO_NOISE = Exercise(
    id="arms_races-top-two-noise",
    expected=lambda: always_in_top(NOISY, TOP, SEEDS),
    kind="set",
    choices=CHOICES,
    hint="for each of the seeds 0–29 at noise 0.05, note which strategies finish first and "
    "second (dilemma.rank_counts counts the places for you); keep only those that are in the "
    "top two on every seed. One seed is not enough.",
)

TFT_THRESHOLD = Exercise(
    id="arms_races-tft-threshold",
    expected=lambda: dilemma.cooperation_threshold("tit_for_tat", SHADOW_PAYOFFS),
    kind="number",
    tolerance=0.005,
    hint="compare R/(1−w) with the two deviations that matter against tit-for-tat: defecting "
    "for ever, T + wP/(1−w), and alternating, (T + wS)/(1−w²). Tit-for-tat needs w at or "
    "above the larger of the two thresholds.",
)

STAG_HUNT_CHECK = Exercise(
    id="arms_races-stag-hunt",
    expected=_stag_hunt_equilibria,
    kind="set",
    choices=OUTCOMES,
    hint="for each of the four outcomes ask whether either state could do better by changing "
    "only its own move; remember that here each state prefers mutual restraint to "
    "exploiting the other.",
)

WHICH_MODEL = Exercise(
    id="arms_races-which-model",
    expected=which_model,
    kind="choice",
    choices=MODELS,
    hint="the two models differ in what the other side wants. Does either state here prefer "
    "arming against a restrained rival to mutual restraint?",
)

#: The chapter's exercises, in the order the chapter asks them (what `widgets.check` reads).
EXERCISES = (
    EQUILIBRIUM_X,
    CRITICAL_K,
    TFT_VS_ALLD,
    GRIM_LEAD,
    TOP_TWO_NOISE,
    TFT_THRESHOLD,
    STAG_HUNT_CHECK,
    WHICH_MODEL,
)
