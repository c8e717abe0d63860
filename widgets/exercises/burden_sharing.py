"""Exercises of the chapter "Burden sharing and the economics of alliances".

Every expected answer is computed here from the datasets and models, never typed
into the notebook. The incomes and alpha of the threshold exercise are
hypothetical teaching values, not estimates for any real set of Allies; they
differ from the alliance game's saved settings (100, 50, 20; alpha 0.2).
"""

from widgets.check import Exercise
from widgets.models import public_goods
from widgets.tables import burden_sharing as tables

#: Exercise 3: three hypothetical allies and their alpha (Ally B is the one asked about).
THRESHOLD = {"incomes": (100.0, 55.0, 25.0), "alpha": 0.3}
#: ... and the variant the solution compares: Ally C richer than Ally B.
THRESHOLD_RICHER_C = {"incomes": (100.0, 55.0, 80.0), "alpha": 0.3}

#: Exercise 5: what leaving out the United States does to the 2014 test.
DROP_US = ("rises, significant", "rises, not significant", "falls, significant", "falls, not significant")

#: Exercise 2: the two lines compared, each in the year its pledge starts from:
#: 2% for the Wales Allies in 2014, the Hague pledge's 3.5% core line for all Allies with a figure in 2024e.
WALES_LINE, WALES_YEAR = tables.LINES[0], tables.WALES
HAGUE_CORE, HAGUE_YEAR = tables.LINES[1], 2024

#: Exercise 4: which rank correlation (members of 2014, both years) differs from zero at 5%.
ZERO = tuple(str(c) for c in tables.Distinguishable)  # "2014 only", "2024e only", "both", "neither"


DOUBLED_2014 = Exercise(
    id="burden_sharing-doubled-2014",
    expected=lambda: len(tables.doubled(2.0, members_in=tables.WALES)),
    kind="number",
    hint="keep only the Allies that were members in 2014 (not Montenegro, North Macedonia, Finland or "
    "Sweden); divide each one's 2024e share by its 2014 share and count the ratios of 2 or more. Check the "
    "close cases in the dataset, not by eye.",
)


def hague_step() -> dict[str, float]:
    """The median Ally's distance to each line, in percentage points of GDP, and their ratio.

    Wales: 2% minus the median 2014 share of the Allies that were members in 2014.
    The Hague: 3.5% minus the median 2024e share of all Allies with a figure.
    """
    wales = WALES_LINE - float(tables.size_and_burden(WALES_YEAR, tables.WALES)[tables.SHARE].median())
    hague = HAGUE_CORE - float(tables.shares(HAGUE_YEAR).median())
    return {"wales": wales, "hague": hague, "ratio": hague / wales}


HAGUE_STEP = Exercise(
    id="burden_sharing-hague-step",
    expected=lambda: hague_step()["ratio"],
    kind="number",
    tolerance=0.005,
    hint="two medians: the 2014 shares of the 27 Allies that were members in 2014 (distance below 2), and "
    "the 2024e shares of all 31 Allies with a figure (distance below 3.5). Divide the second distance by "
    "the first and give two decimals.",
)

THRESHOLD_CHECK = Exercise(
    id="burden_sharing-threshold-three",
    expected=lambda: public_goods.stopping_publicness(**THRESHOLD)[1],
    kind="number",
    tolerance=0.005,
    hint="the allies stop paying poorest first. When Ally B is about to stop, which allies still pay? "
    "Write Ally B's best response with only those allies' defence in it and find the θ at which it "
    "reaches 0. Give two decimals.",
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
    DOUBLED_2014,
    HAGUE_STEP,
    BOTH_GUIDELINES,
    THRESHOLD_CHECK,
    RANK_ZERO,
    DROP_US_CHECK,
)
