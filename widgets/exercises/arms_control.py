"""Exercises of the chapter "Arms control and verification".

Every expected answer is computed here from the models and datasets, never
typed into the notebook. The force structure and the game's parameters are
hypothetical teaching values, not estimates of any real state's forces.
"""

from widgets import data
from widgets.check import Exercise, register
from widgets.models import inspection, new_start

#: Exercise 1: a hypothetical force to count under New START's rules.
EXERCISE_FORCE = dict(
    deployed_icbms=400, icbm_warheads=400,
    deployed_slbms=240, slbm_warheads=1050,
    deployed_heavy_bombers=50, bomber_weapons=600,
    non_deployed_icbm_launchers=60, non_deployed_slbm_launchers=40, non_deployed_heavy_bombers=15,
)
#: The letters of Article II.1 that a student names, one per central limit.
LETTERS = ("a", "b", "c")

#: Exercise 2: gain from undetected cheating and penalty when caught.
THRESHOLD_GAME = {"g": 3.0, "f": 9.0}


def broken_limits(force: dict) -> list[str]:
    """Letters (a), (b), (c) of the central limits that ``force`` breaks."""
    result = new_start.assess(force)
    return [letter for letter, check in zip(LETTERS, result.checks) if check.broken]


def detection_threshold(g: float, f: float) -> float:
    """Detection probability below which no inspection rate deters (from the model)."""
    # c, d and L do not enter the threshold g/(g+f); any valid values will do
    return inspection.equilibrium(g, f, c=1.0, d=1.0, L=10.0).detection_threshold


def new_start_years_in_force() -> float:
    """Years from New START's entry into force to its expiry, from the treaties dataset."""
    row = data.load("treaties").set_index("id").loc["new_start"]
    return (row["ended"] - row["entered_into_force"]).days / 365.25


register(Exercise(
    id="arms_control-new-start-broken",
    expected=lambda: broken_limits(EXERCISE_FORCE),
    kind="set",
    hint="count each limit separately: (a) deployed ICBMs + deployed SLBMs + deployed bombers; "
         "(b) warheads on the missiles + ONE per deployed bomber, whatever it can carry; "
         "(c) deployed and non-deployed launchers and bombers together. Answer with the letters "
         "of the limits exceeded, e.g. [\"a\"].",
))

register(Exercise(
    id="arms_control-detection-threshold",
    expected=lambda: detection_threshold(**THRESHOLD_GAME),
    kind="number",
    tolerance=0.005,
    hint="even inspecting every time, cheating pays (1 − d)·g − d·f on average; find the d at "
         "which this is zero.",
))

register(Exercise(
    id="arms_control-new-start-years",
    expected=new_start_years_in_force,
    kind="number",
    tolerance=0.05,
    hint="take the row 'new_start' of the treaties dataset and subtract its entry-into-force date "
         "from the date it ended; divide the days by 365.25.",
))
