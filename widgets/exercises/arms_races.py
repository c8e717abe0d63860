"""Exercises of the chapter "Arms races and the security dilemma".

Every expected answer is computed here from the models, never typed into the
notebook. The parameter values are hypothetical teaching values, not estimates
of any real pair of states.
"""

from widgets.check import Exercise, register
from widgets.models import dilemma, richardson

#: Exercise 1: a hypothetical race whose equilibrium the student computes by hand.
EQUILIBRIUM_PARAMS = {"k": 0.2, "l": 0.3, "a": 0.5, "b": 0.4, "g": 1.0, "h": 0.5}

#: Exercise 2: fatigue and Y's reaction fixed; find X's reaction k at which a·b = k·l.
CRITICAL = {"l": 0.25, "a": 0.5, "b": 0.4}

#: Exercise 3: tit-for-tat against always defect, by hand.
TFT_ROUNDS = 12
TFT_PAYOFFS = dilemma.Payoffs(T=6, R=4, P=2, S=1)

#: Exercise 4: the widget's default tournament, without and with noise.
TOURNAMENT = {"rounds": 200, "seed": 0}
NOISY = 0.05
CHOICES = tuple(dilemma.STRATEGIES)


def _critical_k() -> float:
    # With k = 0 the determinant a·b − k·l is a·b; it falls by l for each unit of k.
    no_reaction = richardson.equilibrium(0.0, CRITICAL["l"], CRITICAL["a"], CRITICAL["b"])
    return no_reaction.determinant / CRITICAL["l"]


def _tft_total() -> float:
    match = dilemma.play_match("tit_for_tat", "always_defect", rounds=TFT_ROUNDS, payoffs=TFT_PAYOFFS)
    return float(match.payoffs[:, 0].sum())


def _winner(noise: float) -> str:
    return dilemma.tournament(dilemma.STRATEGIES, noise=noise, **TOURNAMENT).ranking[0]


register(Exercise(
    id="arms_races-equilibrium-x",
    expected=lambda: richardson.equilibrium(**EQUILIBRIUM_PARAMS).x,
    kind="number",
    tolerance=0.01,
    hint="set both derivatives to zero and solve the two linear equations; "
         "x* = (b·g + k·h)/(a·b − k·l). Give two decimals.",
))

register(Exercise(
    id="arms_races-critical-k",
    expected=_critical_k,
    kind="number",
    tolerance=0.005,
    hint="the equilibrium stops being stable when mutual fear k·l equals fatigue a·b; "
         "solve a·b = k·l for k.",
))

register(Exercise(
    id="arms_races-tft-vs-alld",
    expected=_tft_total,
    kind="number",
    tolerance=1e-9,
    hint="tit-for-tat cooperates in round 1 and is exploited (payoff S); from round 2 on "
         "both defect (payoff P each round). Add up the rounds.",
))

register(Exercise(
    id="arms_races-winner-no-noise",
    expected=lambda: _winner(0.0),
    kind="choice",
    choices=CHOICES,
    hint="run the tournament widget with noise 0 and seed 0 (payoffs 5, 3, 1, 0; 200 rounds) "
         "and read the top row of the table.",
))

register(Exercise(
    id="arms_races-winner-noise",
    expected=lambda: _winner(NOISY),
    kind="choice",
    choices=CHOICES,
    hint="set the noise slider to 0.05 (seed 0, payoffs 5, 3, 1, 0; 200 rounds) and read the "
         "top row of the table; think about what one mistaken defection does to grim trigger "
         "and tit-for-tat.",
))
