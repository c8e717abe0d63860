"""Exercises of the chapter "Arms control and verification".

Every expected answer is computed here from the models and datasets, never
typed into the notebook. The force structure and the game's parameters are
hypothetical teaching values, not estimates of any real state's forces.
"""

import pandas as pd

from widgets import data
from widgets.check import Exercise
from widgets.models import inspection, new_start

#: Exercise on the families: the treaty each description of the prompt stands for (dataset ids).
FAMILY_TREATIES = {"a": "new_start", "b": "inf", "c": "npt", "d": "ptbt", "e": "cwc"}

#: Exercise 1: a hypothetical force to count under New START's rules.
EXERCISE_FORCE = dict(
    deployed_icbms=400,
    icbm_warheads=400,
    deployed_slbms=240,
    slbm_warheads=1050,
    deployed_heavy_bombers=50,
    bomber_weapons=600,
    non_deployed_icbm_launchers=60,
    non_deployed_slbm_launchers=40,
    non_deployed_heavy_bombers=15,
)
#: The letters of Article II.1 that a student names, one per central limit.
LETTERS = ("a", "b", "c")

#: Exercise 2: gain from undetected cheating and penalty when caught.
THRESHOLD_GAME = {"g": 3.0, "f": 9.0}


#: Exercise on the treaty record: the bilateral treaties that limited strategic offensive forces.
STRATEGIC_TREATIES = ("salt1_interim", "start1", "sort", "new_start")

#: Exercise on inspector leadership: a game in which inspecting never pays without commitment.
LEADERSHIP_GAME = {"g": 4.0, "c": 3.0, "d": 0.9, "L": 2.5}


def years_without_strategic_limits(treaties: pd.DataFrame | None = None) -> float:
    """Years between the first such treaty's entry into force and New START's expiry during which
    none of ``STRATEGIC_TREATIES`` was in force (days / 365.25), from the treaties dataset."""
    if treaties is None:
        treaties = data.load("treaties")
    rows = treaties.set_index("id").loc[list(STRATEGIC_TREATIES)]
    start, end = rows["entered_into_force"].min(), rows["ended"].max()
    days = pd.date_range(start, end - pd.Timedelta(days=1), freq="D")
    covered = pd.Series(False, index=days)
    for _, r in rows.iterrows():
        covered |= (days >= r["entered_into_force"]) & (days < r["ended"])
    return float((~covered).sum() / 365.25)


def share_of_fall_before_start1() -> float:
    """Percent of the fall in the nine-state stockpile sum, from its peak year to the last year
    of the data, that had happened by START I's year of entry into force."""
    total = data.load("nuclear_stockpiles").groupby("year")["warheads"].sum()
    peak_year, last_year = int(total.idxmax()), int(total.index.max())
    start1 = data.load("treaties").set_index("id").loc["start1", "entered_into_force"].year
    return 100.0 * (total[peak_year] - total[start1]) / (total[peak_year] - total[last_year])


def smallest_deterring_penalty(g: float, c: float, d: float, L: float) -> float:
    """Smallest penalty f at which a committed inspector deters (inspection.leadership).

    Deterrence needs p* = g/(d(g+f)) <= 1 and p*·c <= L, i.e. g + f >= g/d and
    g + f >= g·c/(d·L).
    """
    f = max(g / d, g * c / (d * L)) - g
    # the model agrees just above and just below the bound
    assert inspection.leadership(g, f + 1e-6, c, d, L).regime == inspection.Regime.DETERRED
    assert inspection.leadership(g, max(f - 1e-6, 1e-9), c, d, L).regime != inspection.Regime.DETERRED
    return f


def disarmament_letters(treaties: pd.DataFrame | None = None) -> list[str]:
    """Letters of ``FAMILY_TREATIES`` whose treaty the dataset files under disarmament."""
    if treaties is None:
        treaties = data.load("treaties")
    family = treaties.set_index("id")["category"]
    return [letter for letter, treaty in FAMILY_TREATIES.items() if family[treaty] == "disarmament"]


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


def _number(name: str, expected, tolerance: float, hint: str) -> Exercise:
    """An exercise of this chapter answered with a number, right within ``tolerance``."""
    return Exercise(id=f"arms_control-{name}", expected=expected, kind="number", tolerance=tolerance, hint=hint)


FAMILIES = Exercise(
    id="arms_control-families",
    expected=disarmament_letters,
    kind="set",
    hint="disarmament aims at zero for a class of weapons: a ban on having them and their "
    "destruction. A ceiling on numbers is arms control; a promise not to acquire is "
    'non-proliferation. Answer with the letters, e.g. ["a"].',
)
NEW_START_BROKEN = Exercise(
    id="arms_control-new-start-broken",
    expected=lambda: broken_limits(EXERCISE_FORCE),
    kind="set",
    hint="count each limit separately: (a) deployed ICBMs + deployed SLBMs + deployed bombers; "
    "(b) warheads on the missiles + ONE per deployed bomber, whatever it can carry; "
    "(c) deployed and non-deployed launchers and bombers together. Answer with the letters "
    'of the limits exceeded, e.g. ["a"].',
)
DETECTION_THRESHOLD = _number(
    "detection-threshold",
    lambda: detection_threshold(**THRESHOLD_GAME),
    0.005,
    "even inspecting every time, cheating pays (1 − d)·g − d·f on average; find the d at which this is zero.",
)
NEW_START_YEARS = _number(
    "new-start-years",
    new_start_years_in_force,
    0.05,
    "take the row 'new_start' of the treaties dataset and subtract its entry-into-force date "
    "from the date it ended; divide the days by 365.25.",
)
YEARS_WITHOUT_LIMITS = _number(
    "years-without-limits",
    years_without_strategic_limits,
    0.05,
    "list the entry-into-force and end dates of SALT I's Interim Agreement, START I, SORT and "
    "New START; a year counts only if none of the four was in force. Check the years around "
    "START I's expiry in December 2009 carefully.",
)
FALL_BEFORE_START1 = _number(
    "fall-before-start1",
    share_of_fall_before_start1,
    1.0,
    "take the nine-state sum in 1986, in 1994 and in the last year of the data; divide the "
    "1986-1994 fall by the whole fall from 1986 to the last year and multiply by 100.",
)
LEADERSHIP_PENALTY = _number(
    "leadership-penalty",
    lambda: smallest_deterring_penalty(**LEADERSHIP_GAME),
    0.01,
    "a committed inspector must announce p = g/(d·(g+f)); deterring is worth it only if that "
    "costs no more than the loss it prevents, p·c <= L (and p <= 1). Solve for the smallest f.",
)

#: The chapter's exercises, in the order the chapter asks them (what `widgets.check` reads).
EXERCISES = (
    FAMILIES,
    NEW_START_BROKEN,
    DETECTION_THRESHOLD,
    NEW_START_YEARS,
    YEARS_WITHOUT_LIMITS,
    FALL_BEFORE_START1,
    LEADERSHIP_PENALTY,
)
