"""Exercises of the chapter "Burden sharing and the economics of alliances".

Every expected answer is computed here from the datasets and models, never typed
into the notebook. The incomes and alpha of the threshold exercise are
hypothetical teaching values, not estimates for any real pair of Allies.
"""

from widgets.check import Exercise
from widgets.models import public_goods
from widgets.tables import burden_sharing as tables

#: Exercise 3: two hypothetical allies and their alpha.
THRESHOLD = {"income_a": 100.0, "income_b": 40.0, "alpha": 0.2}

#: Exercise 5: what leaving out the United States does to the 2014 test.
DROP_US = ("rises, significant", "rises, not significant", "falls, significant", "falls, not significant")

#: Exercise 2: the Hague pledge's core line (3.5% of GDP, NATO's definition) and the year it is read in.
HAGUE_CORE, HAGUE_YEAR = tables.LINES[1], 2024

#: Exercise 4: which rank correlation (members of 2014, both years) differs from zero at 5%.
ZERO = tuple(str(c) for c in tables.Distinguishable)  # "2014 only", "2024e only", "both", "neither"


CROSSED_2014 = Exercise(
    id="burden_sharing-crossed-2014",
    expected=lambda: len(tables.crossed_line(2.0, members_in=2014)),
    kind="number",
    hint="keep only the Allies that were members in 2014 (not Montenegro, North Macedonia, Finland or "
    "Sweden); count those below 2.00 in 2014 and at or above 2.00 in 2024e.",
)


def _median_gap() -> float:
    """Percentage points of GDP between the median Ally's share in 2024e and the 3.5% core line."""
    return HAGUE_CORE - float(tables.shares(HAGUE_YEAR).median())


HAGUE_GAP = Exercise(
    id="burden_sharing-hague-gap",
    expected=_median_gap,
    kind="number",
    tolerance=0.005,
    hint="take the 2024e shares of the 31 Allies with a figure (the first widget, sorted by value, or the "
    "dataset); the median is the 16th in order. Subtract it from 3.5 and give two decimals.",
)

THRESHOLD_CHECK = Exercise(
    id="burden_sharing-threshold",
    expected=lambda: public_goods.free_riding_threshold(**THRESHOLD).theta_star,
    kind="number",
    tolerance=0.005,
    hint="with only the larger ally buying defence it buys α·I_large; the smaller ally's best response "
    "α·I_small − (1−α)·θ·α·I_large reaches 0 when θ = (I_small / I_large) / (1 − α). Give two decimals.",
)

RANK_ZERO = Exercise(
    id="burden_sharing-rank-zero",
    expected=tables.distinguishable_from_zero,
    kind="choice",
    choices=ZERO,
    hint="the sign of ρ is not the question: compare each year's two-sided p-value (same Allies, members "
    "in 2014) with 0.05. A p-value above 0.05 means shuffled data give a ρ that strong too often.",
)


def _drop_us() -> str:
    full = tables.exploitation_test(2014)
    without = tables.exploitation_test(2014, ("United States",))
    direction = "rises" if without.rho > full.rho else "falls"
    significant = without.p_greater < tables.ALPHA_LEVEL
    return f"{direction}, {'significant' if significant else 'not significant'}"


DROP_US_CHECK = Exercise(
    id="burden_sharing-drop-us",
    expected=_drop_us,
    kind="choice",
    choices=DROP_US,
    hint="in the third widget choose 2014, leave out the United States, and compare ρ with the value for "
    "all 27 Allies; then compare the one-sided p-value with 0.05.",
)

#: The equipment exercise: the Allies of the first year that met both guidelines in that year.
EQUIPMENT_YEAR = 2014

BOTH_GUIDELINES = Exercise(
    id="burden_sharing-both-guidelines",
    expected=lambda: tables.meets_both(EQUIPMENT_YEAR, members_in=EQUIPMENT_YEAR),
    kind="set",
    hint="join the two tables on iso3 for 2014, keep the Allies that were members then, and keep the rows "
    "at or above 2 in the share of GDP AND at or above 20 in the equipment share. The 20% is a share of "
    "defence spending, so the two tests are on different bases; answer with a list of names.",
)

#: The chapter's exercises, in the order the chapter asks them (what `widgets.check` reads).
EXERCISES = (
    CROSSED_2014,
    HAGUE_GAP,
    BOTH_GUIDELINES,
    THRESHOLD_CHECK,
    RANK_ZERO,
    DROP_US_CHECK,
)
