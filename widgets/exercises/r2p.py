"""Exercises of the R2P chapter; expected answers come from the voting model and the dataset."""

from widgets import data
from widgets.check import Exercise
from widgets.models import security_council as sc


def _draft_ballot() -> dict[str, str]:
    # France, UK, US and six elected members vote yes; China and Russia abstain; four elected vote no.
    ballot = {"China": "abstain", "France": "yes", "Russia": "abstain", "United Kingdom": "yes", "United States": "yes"}
    elected = ["yes"] * 6 + ["no"] * 4
    return ballot | {f"Elected {i + 1}": v for i, v in enumerate(elected)}


def _row(document: str):
    return data.load("unsc_votes").set_index("document").loc[document]


DRAFT_PASSES = Exercise(
    id="r2p-draft-passes",
    # Keys rather than the words "passes"/"fails", which the widgets above print in their saved state.
    expected=lambda: "draft-passes" if sc.decide(_draft_ballot()).passes else "draft-fails",
    kind="choice",
    choices=("draft-passes", "draft-fails"),
    hint="count the yes votes against the nine needed, then ask which votes can be a veto: only a 'no' "
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
    from widgets.r2p import ballot_from_record  # the widget's own reading of a recorded row

    ballot = ballot_from_record(_row("S/RES/1973 (2011)"))
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


EX_1973_DEFEAT = Exercise(
    id="r2p-1973-defeat",
    expected=defeating_changes,
    kind="set",
    choices=tuple(CHANGES_1973),
    hint="a draft needs nine yes votes and no 'no' from a permanent member. For each change, count the yes "
    "votes that remain and ask whether a permanent member now votes no. Load S/RES/1973 (2011) in the "
    "vote simulator and try each change.",
)

# The bloc question: the passage-odds widget's defaults, with China following Russia always or never.
BLOC_PROBABILITIES = {
    "China": (0.5, 0.2),
    "France": (0.9, 0.0),
    "Russia": (0.4, 0.4),
    "United Kingdom": (0.9, 0.0),
    "United States": (0.9, 0.0),
}


def _bloc(follow: float) -> float:
    probs = BLOC_PROBABILITIES | {f"Elected {i}": (0.7, 0.1) for i in range(1, 11)}
    return sc.passage_probability_bloc(probs, "Russia", "China", follow).probability


def bloc_effect() -> str:
    independent, bloc = _bloc(0.0), _bloc(1.0)
    if abs(bloc - independent) < 0.005:
        return "about the same"
    return "higher" if bloc > independent else "lower"


BLOC_EFFECT = Exercise(
    id="r2p-bloc-effect",
    expected=bloc_effect,
    kind="choice",
    choices=("higher", "lower", "about the same"),
    hint="with the bloc slider at 1, China can only veto when Russia already does. Compare the chance that "
    "no permanent member votes no in the two models, then read P(the draft passes).",
)

PILLAR = Exercise(
    id="r2p-pillar",
    # The situation: a state asks the UN for help training its police and building early warning.
    expected=lambda: "pillar two",
    kind="choice",
    choices=("pillar one", "pillar two", "pillar three"),
    hint="ask who acts and how: the state alone, others helping a willing state, or others responding "
    "because the state is manifestly failing.",
)

SCOPE = Exercise(
    id="r2p-scope",
    # Paragraphs 138-139 cover four crimes only: genocide, war crimes, ethnic cleansing, crimes against humanity.
    expected=lambda: "ethnic-cleansing",
    kind="choice",
    choices=("earthquake", "ethnic-cleansing", "coup"),
    hint="paragraphs 138 and 139 name four crimes and nothing else; ask which situation is one of them.",
)


def _years_without_veto() -> list[int]:
    votes = data.load("unsc_votes")
    vetoed = votes[~votes["adopted"] & (votes["yes"] >= 9)]
    years = set(vetoed["date"].dt.year)
    return [y for y in range(min(years), max(years) + 1) if y not in years]


NO_VETO_YEARS = Exercise(
    id="r2p-no-veto-years",
    # A year with no recorded veto is consistent with agreement and with drafts never tabled (hidden veto):
    # the recorded votes cannot tell them apart. The check is that such years exist in the data.
    expected=lambda: "cannot-tell" if _years_without_veto() else "agreement",
    kind="choice",
    choices=("agreement", "cannot-tell", "veto-abandoned"),
    hint="ask which drafts reach a recorded vote at all, and what a sponsor who expects a veto may do instead.",
)

#: The chapter's exercises, in the order the chapter asks them (what `widgets.check` reads).
EXERCISES = (
    DRAFT_PASSES,
    EX_1973_DEFEAT,
    BLOC_EFFECT,
    PILLAR,
    SCOPE,
    NO_VETO_YEARS,
)
