"""Exercises of the R2P chapter; expected answers come from the voting model and the dataset."""

from widgets.check import Exercise
from widgets.models import security_council as sc
from widgets.readouts.r2p import opening_probabilities
from widgets.tables import r2p as tables


def _draft_ballot() -> dict[str, str]:
    # France, UK, US and six elected members vote yes; China and Russia abstain; four elected vote no.
    ballot = {"China": "abstain", "France": "yes", "Russia": "abstain", "United Kingdom": "yes", "United States": "yes"}
    elected = ["yes"] * 6 + ["no"] * 4
    return ballot | {f"Elected {i + 1}": v for i, v in enumerate(elected)}


def _choice(id: str, choices: tuple[str, ...], expected, hint: str) -> Exercise:
    """A multiple-choice exercise (the chapter's usual kind)."""
    return Exercise(id=id, expected=expected, kind="choice", choices=choices, hint=hint)


# Keys rather than the words "passes"/"fails", which the widgets above print in their saved state.
DRAFT_PASSES = _choice(
    "r2p-draft-passes",
    ("draft-passes", "draft-fails"),
    lambda: "draft-passes" if sc.decide(_draft_ballot()).passes else "draft-fails",
    "count the yes votes against the nine needed, then ask which votes can be a veto: only a 'no' "
    "from a permanent member is one. You can set this ballot in the vote simulator.",
)

# Changes to the recorded ballot of Resolution 1973 (10-0-5). Each is applied on its own.
CHANGES_1973 = {
    "brazil-germany-india-no": "Brazil, Germany and India vote no instead of abstaining",
    "china-no": "China votes no instead of abstaining",
    "one-yes-abstains": "one elected member that voted yes abstains instead",
    "two-yes-abstain": "two elected members that voted yes abstain instead",
    "russia-absent": "Russia is absent instead of abstaining",
}


def _ballot_1973(change: str) -> dict[str, str]:
    ballot = tables.ballot_from_record(tables.vote("S/RES/1973 (2011)"))  # the widget's own reading
    elected_yes = [m for m, v in ballot.items() if m.startswith("Elected") and v == "yes"]
    elected_abstain = [m for m, v in ballot.items() if m.startswith("Elected") and v == "abstain"]
    if change == "brazil-germany-india-no":  # the three elected abstainers
        ballot |= {m: "no" for m in elected_abstain}
    elif change == "china-no":
        ballot["China"] = "no"
    elif change == "one-yes-abstains":
        ballot[elected_yes[0]] = "abstain"
    elif change == "two-yes-abstain":
        ballot |= {m: "abstain" for m in elected_yes[:2]}
    elif change == "russia-absent":
        ballot["Russia"] = "absent"
    return ballot


def defeating_changes() -> list[str]:
    return [c for c in CHANGES_1973 if not sc.decide(_ballot_1973(c)).passes]


HINT_1973 = (
    "a draft needs nine yes votes and no 'no' from a permanent member. For each change, count the yes "
    "votes that remain and ask whether a permanent member now votes no. Load S/RES/1973 (2011) in the "
    "vote simulator and try each change."
)
EX_1973_DEFEAT = Exercise("r2p-1973-defeat", defeating_changes, "set", HINT_1973, choices=tuple(CHANGES_1973))


def _bloc(follow: float) -> float:
    """P(passes) with the passage-odds widget's opening sliders, China following Russia always or never."""
    return sc.passage_probability_bloc(opening_probabilities(), "Russia", "China", follow).probability


def bloc_effect() -> str:
    independent, bloc = _bloc(0.0), _bloc(1.0)
    if abs(bloc - independent) < 0.005:
        return "about the same"
    return "higher" if bloc > independent else "lower"


BLOC_EFFECT = _choice(
    "r2p-bloc-effect",
    ("higher", "lower", "about the same"),
    bloc_effect,
    "with the bloc slider at 1, China can only veto when Russia already does. Compare the chance that "
    "no permanent member votes no in the two models, then read P(the draft passes).",
)
# The situation: a state asks the UN for help training its police and building early warning.
PILLAR = _choice(
    "r2p-pillar",
    ("pillar one", "pillar two", "pillar three"),
    lambda: "pillar two",
    "ask who acts and how: the state alone, others helping a willing state, or others responding "
    "because the state is manifestly failing.",
)
# Paragraphs 138-139 cover four crimes only: genocide, war crimes, ethnic cleansing, crimes against humanity.
SCOPE = _choice(
    "r2p-scope",
    ("earthquake", "ethnic-cleansing", "coup"),
    lambda: "ethnic-cleansing",
    "paragraphs 138 and 139 name four crimes and nothing else; ask which situation is one of them.",
)


def _years_without_veto() -> list[int]:
    years = set(tables.vetoed_drafts()["date"].dt.year)
    return [y for y in range(min(years), max(years) + 1) if y not in years]


# A year with no recorded veto is consistent with agreement and with drafts never tabled (hidden veto):
# the recorded votes cannot tell them apart. The check is that such years exist in the data.
NO_VETO_YEARS = _choice(
    "r2p-no-veto-years",
    ("agreement", "cannot-tell", "veto-abandoned"),
    lambda: "cannot-tell" if _years_without_veto() else "agreement",
    "ask which drafts reach a recorded vote at all, and what a sponsor who expects a veto may do instead.",
)

# Statements about the Council's record, each decided by the recorded votes in unsc_votes (objective 5).
RECORD_STATEMENTS = {
    "rwanda-912-unanimous": "Resolution 912 (21 April 1994) was adopted unanimously",
    "kosovo-veto-only": "the draft of 26 March 1999 demanding a halt to NATO's bombing failed only because "
    "permanent members voted no",
    "libya-unanimous": "Resolution 1973 (2011) on Libya was adopted unanimously",
    "syria-unanimous": "the Council adopted at least one resolution on Syria unanimously",
    "syria-china-yes": "China voted yes on at least one Syria draft that Russia vetoed",
}


def record_holds() -> dict[str, bool]:
    """Whether each statement of RECORD_STATEMENTS is true of the recorded votes."""
    votes = tables.votes()
    syria = votes[votes["case"] == tables.Case.SYRIA]

    def unanimous(row) -> bool:
        return bool(row["adopted"] and row["yes"] == sc.SIZE)

    def veto_only(row) -> bool:  # not adopted although the nine votes were there
        return bool(not row["adopted"] and row["yes"] >= sc.THRESHOLD)

    return {
        "rwanda-912-unanimous": unanimous(votes.loc["S/RES/912 (1994)"]),
        "kosovo-veto-only": veto_only(votes.loc["S/1999/328"]),
        "libya-unanimous": unanimous(votes.loc["S/RES/1973 (2011)"]),
        "syria-unanimous": any(unanimous(row) for _, row in syria.iterrows()),
        "syria-china-yes": bool(((syria["russia"] == "no") & (syria["china"] == "yes")).any()),
    }


def record_statements() -> list[str]:
    return [key for key, holds in record_holds().items() if holds]


RECORD = Exercise(
    "r2p-record",
    record_statements,
    "set",
    "check each statement against the recorded rows: count the yes votes (15 is unanimous, nine are needed), "
    "and for Syria compare China's vote with Russia's on each draft Russia vetoed. The table `votes`, loaded "
    "at the top of the chapter, holds every row.",
    choices=tuple(RECORD_STATEMENTS),
)

#: The chapter's exercises, in the order the chapter asks them (what `widgets.check` reads).
EXERCISES = (
    DRAFT_PASSES,
    EX_1973_DEFEAT,
    BLOC_EFFECT,
    PILLAR,
    SCOPE,
    NO_VETO_YEARS,
    RECORD,
)
