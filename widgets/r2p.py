"""Widgets of the chapter "The Responsibility to Protect and humanitarian intervention".

1. :class:`CouncilVote`: set the fifteen votes (or load a recorded vote) and see
   whether Article 27(3) lets the draft pass, and why.
2. :class:`PassageOdds`: give each member a chance of voting yes or no and see the
   exact probability of passage and the distribution of yes votes.
3. :class:`CriteriaAssessment`: score a case against the six ICISS criteria and
   set the result beside what the Security Council actually did.
4. :class:`CouncilTimeline`: the dataset's adopted resolutions and vetoed drafts
   on one timeline, with references to R2P marked.

The readouts (:mod:`widgets.readouts.r2p`) compute, the pictures
(:mod:`widgets.pictures.r2p`) draw; this module only lays out the controls.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from widgets.component import Component, Control
from widgets.models import criteria as crit
from widgets.models import security_council as sc
from widgets.pictures import r2p as pictures
from widgets.readouts import r2p as readouts
from widgets.readouts.r2p import CRITERIA, OPENING_ELECTED, OPENING_ODDS, SEATS, SHORT
from widgets.tables import r2p as tables

HAND = "(set the votes by hand)"
FIRST, LAST = tables.span()


def _probability(name: str, label: str, value: float, wide: bool = False) -> Control:
    width, label_width = ("23rem", "10rem") if wide else ("15rem", "3rem")
    return Control(
        name, "float", label, value, bounds=(0.0, 1.0, 0.05), readout_format=".2f", **_size(width, label_width)
    )


def _size(width: str, label_width: str) -> dict[str, str]:
    return {"width": width, "label_width": label_width}


class CouncilVote(Component):
    """Fifteen dropdowns (or a recorded vote) -> Article 27(3) decision, with a picture of the ballot."""

    name = "r2p-council-vote"
    controls = (
        Control(
            "load",
            "choice",
            "Load a recorded vote",
            "",
            choices=lambda: ((HAND, ""), *tables.documents()),
            width="30rem",
            sets=readouts.recorded_seats,
        ),
        *(
            Control(seat, "choice", SHORT.get(m, m), "yes", choices=sc.VOTES, **_size("12.5rem", "6rem"))
            for m, seat in SEATS.items()
        ),
    )
    readout = readouts.council_vote
    picture = pictures.picture_ballot

    def __init__(self, document: str | None = "S/RES/1973 (2011)", **values: Any):
        start = readouts.recorded_seats(document) | {"load": document} if document else {}
        super().__init__(**(start | values))

    @property
    def votes(self) -> dict[str, W.Dropdown]:
        """member -> its vote's dropdown."""
        return {m: self.inputs[seat] for m, seat in SEATS.items()}

    def controls_view(self) -> list[W.Widget]:
        grid = W.GridBox(list(self.votes.values()), layout=W.Layout(grid_template_columns="repeat(auto-fill, 12.8rem)"))
        return [W.HBox([self.load], layout=W.Layout(flex_flow="row wrap")), grid]


class PassageOdds(Component):
    """Per-member P(yes), P(no) -> exact P(passes) and the distribution of yes votes."""

    name = "r2p-passage-odds"
    controls = (
        *(
            row
            for m, (p_yes, p_no) in OPENING_ODDS.items()
            for row in (
                _probability(f"{SEATS[m]}_yes", f"{SHORT.get(m, m)}: P(yes)", p_yes, wide=True),
                _probability(f"{SEATS[m]}_no", "P(no)", p_no),
            )
        ),
        _probability("elected_yes", "Each elected: P(yes)", OPENING_ELECTED[0], wide=True),
        _probability("elected_no", "P(no)", OPENING_ELECTED[1]),
        _probability("follow", "China follows Russia: P", 0.0, wide=True),
    )
    readout = readouts.passage_odds
    picture = pictures.picture_odds

    @property
    def p_yes(self) -> dict[str, W.FloatSlider]:
        return {m: self.inputs[f"{SEATS[m]}_yes"] for m in sc.PERMANENT}

    @property
    def p_no(self) -> dict[str, W.FloatSlider]:
        return {m: self.inputs[f"{SEATS[m]}_no"] for m in sc.PERMANENT}

    def probabilities(self) -> dict[str, tuple[float, float]]:
        """member -> (P(yes), P(no)) as the sliders stand."""
        values = self.values()
        values.pop("follow")
        return readouts.probabilities(**values)

    def controls_view(self) -> list[W.Widget]:
        pairs = [(self.p_yes[m], self.p_no[m]) for m in sc.PERMANENT] + [(self.elected_yes, self.elected_no)]
        note = W.HTML("<small>0 = votes independently; 1 = always votes as Russia does</small>")
        rows = [W.HBox(list(pair)) for pair in pairs] + [W.HBox([self.follow, note])]
        return [W.HBox([W.VBox(rows)], layout=W.Layout(flex_flow="row wrap"))]


class CriteriaAssessment(Component):
    """Scores and weights for the six ICISS criteria -> weighted assessment beside the Council's record."""

    name = "r2p-criteria"
    controls = (
        Control("case", "choice", "Case", "libya", choices=tables.cases, width="22rem"),
        Control("rule", "choice", "Combine by", crit.RULES[0], choices=crit.RULES, width="16rem"),
        *(
            row
            for c, key in CRITERIA.items()
            for row in (
                Control(
                    key, "float", c, 2.0, bounds=(0.0, crit.SCALE, 0.5), readout_format=".1f", **_size("23rem", "10rem")
                ),
                Control(
                    f"{key}_weight",
                    "float",
                    "weight",
                    1.0,
                    bounds=(0.0, 3.0, 0.5),
                    readout_format=".1f",
                    **_size("14rem", "3.5rem"),
                ),
            )
        ),
    )
    readout = readouts.criteria_assessment
    picture = pictures.picture_criteria

    def __init__(self, case: str = "libya", **values: Any):
        super().__init__(case=case, **values)

    @property
    def scores(self) -> dict[str, W.FloatSlider]:
        return {c: self.inputs[key] for c, key in CRITERIA.items()}

    @property
    def weights(self) -> dict[str, W.FloatSlider]:
        return {c: self.inputs[f"{key}_weight"] for c, key in CRITERIA.items()}

    def controls_view(self) -> list[W.Widget]:
        header = W.HTML(
            "<b>Score each criterion</b> (0 = clearly not met, 4 = clearly met) "
            "<b>and weight it</b> (0 = ignore, 3 = counts three times)"
        )
        grid = W.VBox([header] + [W.HBox([self.scores[c], self.weights[c]]) for c in crit.CRITERIA])
        return [W.HBox([self.case, self.rule], layout=W.Layout(flex_flow="row wrap")), grid]


class CouncilTimeline(Component):
    """Year slider -> the dataset's adopted resolutions and vetoed drafts up to that year."""

    name = "r2p-timeline"
    controls = (Control("year", "int", "Show votes up to", 2011, bounds=(FIRST, LAST, 1)),)
    readout = readouts.council_timeline
    picture = pictures.picture_timeline
