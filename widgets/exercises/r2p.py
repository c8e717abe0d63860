"""Exercises of the R2P chapter; expected answers come from the voting model and the dataset."""

from widgets import data
from widgets.check import Exercise, register
from widgets.models import security_council as sc


def _draft_ballot() -> dict[str, str]:
    # France, UK, US and six elected members vote yes; China and Russia abstain; four elected vote no.
    ballot = {"China": "abstain", "France": "yes", "Russia": "abstain", "United Kingdom": "yes",
              "United States": "yes"}
    elected = ["yes"] * 6 + ["no"] * 4
    return ballot | {f"Elected {i + 1}": v for i, v in enumerate(elected)}


def _row(document: str):
    return data.load("unsc_votes").set_index("document").loc[document]


register(Exercise(
    id="r2p-draft-passes",
    expected=lambda: "passes" if sc.decide(_draft_ballot()).passes else "fails",
    kind="choice",
    choices=("passes", "fails"),
    hint="count the yes votes against the nine needed, then ask which votes can be a veto: only a 'no' "
         "from a permanent member is one. You can set this ballot in the vote simulator.",
))

register(Exercise(
    id="r2p-1973-abstentions",
    expected=lambda: int(_row("S/RES/1973 (2011)")["abstain"]),
    kind="number",
    hint="load S/RES/1973 (2011) in the vote simulator and read the tally, or look up the row in the "
         "unsc_votes dataset.",
))

register(Exercise(
    id="r2p-1973-abstainers",
    expected=lambda: _row("S/RES/1973 (2011)")["abstaining_members"].split(";"),
    kind="set",
    hint="load S/RES/1973 (2011) in the vote simulator; the line under the figure names the abstaining "
         "members. Two of them are permanent members.",
))

register(Exercise(
    id="r2p-pillar",
    # The situation: a state asks the UN for help training its police and building early warning.
    expected=lambda: "pillar two",
    kind="choice",
    choices=("pillar one", "pillar two", "pillar three"),
    hint="ask who acts and how: the state alone, others helping a willing state, or others responding "
         "because the state is manifestly failing.",
))
