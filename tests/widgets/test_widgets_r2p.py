"""The R2P widgets, driven in-process as a student would drive them."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import not_plain_fields

from widgets import markup, r2p
from widgets.check import check
from widgets.models import security_council as sc
from widgets.models.inputs import InputError
from widgets.pictures.r2p import VOTE_COLOURS
from widgets.tables.r2p import MEMBERS

SVG = "{http://www.w3.org/2000/svg}"


def marks(w, tag: str = "rect", **attrs) -> list[dict]:
    """The attributes of the figure's ``tag`` elements that carry every one of ``attrs`` (in drawing order)."""
    html = w.figure_pane.value
    root = ET.fromstring(html[html.index("<svg") : html.rindex("</svg>") + 6])
    return [e.attrib for e in root.iter(SVG + tag) if all(e.get(k) == v for k, v in attrs.items())]


def framed(w) -> list[dict]:
    """The black-edged rectangles: the ballot's seats then its tally bars, or a chart's bars."""
    return marks(w, stroke="black")


def test_loading_a_recorded_vote_sets_the_ballot_and_applies_article_27():
    w = r2p.CouncilVote(document=None)
    before = w.figure_pane.value
    w.load.value = "S/2011/612"  # 9-2-4, China and Russia against (S/PV.6627)
    assert w.votes["China"].value == "no" and w.votes["Russia"].value == "no"
    assert w.compute(w.values()).tally == (9, 2, 4, 0)
    bars = [float(b["width"]) for b in framed(w)[15:]]  # yes, no, abstain, absent, in px
    assert [round(b / bars[0] * 9, 6) for b in bars] == [9, 2, 4, 0]
    assert "Fails: vetoed by China and Russia" in w.message.value
    assert "not adopted, 9–2–4" in w.message.value  # the recorded vote's sentence follows the verdict
    assert w.figure_pane.value != before and 'aria-label="Ballot of the fifteen' in w.figure_pane.value
    assert "9 no, 2" not in w.figure_pane.value and "2 no, 4 abstaining" in w.figure_pane.value


def test_changing_one_permanent_vote_flips_the_outcome():
    w = r2p.CouncilVote(document="S/RES/1973 (2011)")  # 10-0-5, adopted
    assert "Passes: 10 in favour" in w.message.value
    assert "Brazil, China, Germany, India and Russia" in w.message.value
    w.russia.value = "no"
    assert "Fails: vetoed by Russia" in w.message.value
    assert "what-if" in w.message.value and "Recorded:" not in w.message.value
    seats = [seat["fill"] for seat in framed(w)[:15]]  # China, France, Russia, UK, US, E1 ... E10
    assert seats[2] == VOTE_COLOURS["no"] and seats[0] == VOTE_COLOURS["abstain"]  # Russia differs from China
    assert seats[1] == VOTE_COLOURS["yes"] and seats[14] == VOTE_COLOURS["abstain"]


def test_eight_yes_votes_fail_without_any_veto():
    w = r2p.CouncilVote(document=None)
    for i, member in enumerate(MEMBERS):
        w.votes[member].value = "yes" if i < 8 else "abstain"
    assert "Fails: only 8 affirmative votes (9 needed)" in w.message.value


def test_passage_odds_match_the_model_and_bad_pairs_are_explained():
    w = r2p.PassageOdds()
    w.russia_no.value = 0.5
    expected = sc.passage_probability(w.probabilities())  # bloc slider at 0: the independent model
    assert f"<b>{expected.probability:.3f}</b>" in w.message.value
    result = w.compute(w.values())
    assert list(result.distribution) == pytest.approx(list(expected.yes_distribution))
    heights = [float(b["height"]) for b in framed(w)]  # px: probability / top * the axes' height
    tallest = max(range(16), key=lambda j: heights[j])
    assert [h / heights[tallest] for h in heights] == pytest.approx(
        [p / result.distribution[tallest] for p in result.distribution],
        abs=0.01,  # coordinates: 2 decimals
    )
    # All P5 certain yes, elected certain yes: passes with probability 1, all mass at 15.
    for m in sc.PERMANENT:
        w.p_no[m].value = 0.0
        w.p_yes[m].value = 1.0
    w.elected_no.value = 0.0
    w.elected_yes.value = 1.0
    assert "<b>1.000</b>" in w.message.value
    assert w.compute(w.values()).distribution[15] == pytest.approx(1.0) and w.compute(w.values()).top == 1.0
    heights = [float(b["height"]) for b in framed(w)]
    assert heights[15] > 0 and heights[:15] == [0] * 15  # all the mass at 15, and the axis rescaled to 1
    picture = w.figure_pane.value
    w.p_no["Russia"].value = 0.5  # P(yes) 1 + P(no) 0.5 > 1
    assert "more than 1" in w.message.value and 'role="alert"' in w.message.value
    assert w.figure_pane.value == picture  # the previous figure stays


def test_criteria_widget_shows_the_weighted_score_and_the_council_record():
    w = r2p.CriteriaAssessment(case="libya")
    assert "Resolution 1973" in w.message.value and "not a verdict" in w.message.value  # the Council's record
    w.just_cause.value = 4.0
    w.scores["last resort"].value = 0.0
    # Scores 2,4,2,0,2,2 with equal weights: 12 / 24 = 0.50; last resort below the midpoint.
    assert "<b>0.50</b>" in w.message.value and "last resort" in w.message.value
    result = w.compute(w.values())
    assert result.scores["just cause"] == 4.0 and result.value == pytest.approx(0.5)
    bars = framed(w)  # six score bars, then the combined bar
    widths = [float(b["width"]) for b in bars[:6]]
    assert widths[1] == pytest.approx(2 * widths[0], abs=0.02) and widths[3] == 0  # 4 and 0 beside 2
    assert bars[3]["fill"] != bars[0]["fill"]  # last resort (0) is orange, below the midpoint
    w.weights["just cause"].value = 3.0  # (3*4 + 2+2+0+2+2) / (4*8) = 20/32 = 0.625
    assert "<b>0.62</b>" in w.message.value or "<b>0.63</b>" in w.message.value
    w.case.value = "rwanda"
    assert "Approximately 800,000" in w.message.value and "Rwanda" in w.message.value


def test_criteria_widget_explains_all_zero_weights():
    w = r2p.CriteriaAssessment()
    for s in w.weights.values():
        s.value = 0.0
    assert "at least one weight" in w.message.value and "Traceback" not in w.message.value


def test_timeline_counts_follow_the_slider():
    w = r2p.CouncilTimeline(year=1999)
    # Hand count from the dataset's sources: 929 (1994) and 1244 (1999) adopted, no vetoed draft yet.
    # Hand count to 1999: 912, 929 (1994) and 1244 (1999) adopted; the Kosovo draft S/1999/328 not adopted.
    assert "<b>3</b> adopted resolutions (0 with a confirmed reference to R2P) and <b>1</b> drafts" in w.message.value
    w.year.value = 2011
    # Adopted to 2011: 912, 929, 1244, 1593, 1674, 1706, 1769, 1970, 1973, 1975 = 10; R2P: 1674, 1706, 1970,
    # 1973, 1975; not adopted: S/1999/328, S/2007/14 and S/2011/612.
    assert "<b>10</b> adopted resolutions (5 with" in w.message.value and "<b>3</b> drafts" in w.message.value
    result = w.compute(w.values())
    assert len(result.not_adopted) == 3 and len(result.r2p) == 5
    # The picture: one cross per draft not adopted and one ring per reference to R2P, each plus its legend key.
    assert len(marks(w, "path")) == 3 + 1 and len(marks(w, "circle", fill="none")) == 5 + 1
    w.year.value = 2006
    assert "Votes in 2006: S/RES/1674 (2006), S/RES/1706 (2006)." in w.message.value
    w.year.value = 2026  # the slider reaches the dataset's as-of year
    assert "No vote in the dataset in 2026" in w.message.value


def test_exercise_answers_follow_model_and_data():
    assert check("r2p-draft-passes", "draft-passes").correct is True  # 9 yes, abstentions are not vetoes
    assert check("r2p-draft-passes", "draft-fails").correct is False
    # 1973 was 10-0-5: China voting no is a veto; two yes votes fewer leave 8 (< 9). The others still pass.
    assert check("r2p-1973-defeat", ["china-no", "two-yes-abstain"]).correct is True
    assert check("r2p-1973-defeat", ["china-no"]).correct is False
    # Bloc: P(no veto) rises from 0.48 to 0.6 (see the model tests), and P(pass) with it.
    assert check("r2p-bloc-effect", "higher").correct is True
    assert check("r2p-scope", "ethnic-cleansing").correct is True  # one of the four crimes of para 138
    assert check("r2p-scope", "earthquake").correct is False
    # The dataset has years with no recorded veto (e.g. 2013, when 2118 passed unanimously); votes alone
    # cannot separate agreement from drafts never tabled.
    assert check("r2p-no-veto-years", "cannot-tell").correct is True
    assert check("r2p-no-veto-years", "agreement").correct is False
    assert check("r2p-pillar", "pillar two").correct is True
    assert check("r2p-pillar", "pillar three").correct is False
    # The record: 912 was 15-0-0; the Kosovo draft had 3 yes votes (it failed without a veto); 1973 was
    # 10-0-5; 2118, 2139 and 2165 were 15-0-0; China never voted yes on a Syria draft Russia vetoed.
    assert check("r2p-record", ["rwanda-912-unanimous", "syria-unanimous"]).correct is True
    assert check("r2p-record", ["syria-unanimous"]).correct is False
    assert check("r2p-record", ["rwanda-912-unanimous", "syria-unanimous", "kosovo-veto-only"]).correct is False


def test_record_statements_read_the_rows(monkeypatch):
    from widgets.exercises import r2p as ex
    from widgets.tables import r2p as tables

    votes = tables.votes()
    assert set(ex.record_holds()) == set(ex.RECORD_STATEMENTS) == set(ex.RECORD.choices)
    # Had China voted yes on the 2022 renewal Russia vetoed, the last statement would hold.
    changed = votes.copy()
    changed.loc["S/2022/538", "china"] = "yes"
    monkeypatch.setattr(tables, "votes", lambda: changed.copy())
    assert ex.record_holds()["syria-china-yes"] is True
    # Had 912 been adopted with an abstention, it would no longer be unanimous.
    changed.loc["S/RES/912 (1994)", ["yes", "abstain"]] = [14, 1]
    assert ex.record_holds()["rwanda-912-unanimous"] is False


def test_stable_css_classes():
    assert "sin-r2p-council-vote" in r2p.CouncilVote()._dom_classes
    assert "sin-r2p-timeline" in r2p.CouncilTimeline()._dom_classes


def test_bloc_slider_changes_the_odds_and_warns_when_off():
    w = r2p.PassageOdds()
    assert "independent" in w.message.value and "bloc" in w.message.value
    before = w.message.value
    w.follow.value = 1.0
    expected = sc.passage_probability_bloc(w.probabilities(), "Russia", "China", 1.0)
    assert f"<b>{expected.probability:.3f}</b>" in w.message.value and w.message.value != before
    assert "copies Russia" in w.message.value


def test_criteria_widget_offers_the_minimum_rule():
    w = r2p.CriteriaAssessment(case="libya")
    w.scores["last resort"].value = 0.5
    w.rule.value = "minimum"
    # Scores 2,2,2,0.5,2,2: minimum 0.5 / 4 = 0.125, set by last resort.
    assert "<b>0.12</b>" in w.message.value or "<b>0.13</b>" in w.message.value
    assert "last resort" in w.message.value and w.compute(w.values()).value == pytest.approx(0.125)
    combined = float(framed(w)[6]["height"])
    w.rule.value = "weighted mean"  # (2*5 + 0.5) / 24 = 0.4375
    assert float(framed(w)[6]["height"]) == pytest.approx(combined * 0.4375 / 0.125, abs=0.05)


def test_readouts_are_plain_python_values():
    import datetime as dt

    from widgets.readouts import r2p as readouts

    scalars = (bool, int, float, str)  # and the timeline's dates; no None
    for w in (r2p.CouncilVote(), r2p.PassageOdds(), r2p.CriteriaAssessment(), r2p.CouncilTimeline()):
        result = w.compute(w.values())
        dates = (dt.date, dt.datetime)
        assert not_plain_fields(result, keys=scalars, also=dates, scalars=scalars) == {}, type(result).__name__
        assert result.sentence == w.message.value.split(">", 1)[1].rsplit("</div>", 1)[0]
    assert readouts.passage_odds(**r2p.PassageOdds().values()).distribution[15] == pytest.approx(
        0.9**3 * 0.5 * 0.4 * 0.7**10  # all fifteen vote yes: the P5 yes probabilities times 0.7^10
    )


# -- the live site: the same readout and picture in a CPython without the scientific stack ----------------


def _live_script():
    path = Path(__file__).resolve().parents[2] / "scripts" / "live.py"
    spec = importlib.util.spec_from_file_location("live_script", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_refused_and_changed_inputs_read_the_same_in_the_browser_bundle():
    """Moved and refused controls, through the bundle in an isolated CPython, give the kernel's HTML."""
    script = _live_script()
    data, specs, not_live = script.bundle()
    assert {"r2p-passage-odds", "r2p-criteria", "r2p-timeline"} <= set(specs)
    cases, kernels = [], []

    def case(widget, **changes):
        for name, value in changes.items():
            widget.inputs[name].value = value
        cases.append((widget.name, script.page_values(widget)))
        kernels.append((widget.figure_pane.value, widget.message.value))

    odds = r2p.PassageOdds()
    case(odds, russia_no=0.5, follow=0.5)
    case(odds, russia_yes=0.9)  # P(yes) + P(no) = 1.4: refused, the figure stays
    criteria = r2p.CriteriaAssessment()
    case(criteria, case="rwanda", rule="minimum", last_resort=0.5)
    case(criteria, **{f"{key}_weight": 0.0 for key in r2p.CRITERIA.values()})  # all weights 0: refused
    case(r2p.CouncilTimeline(), year=1999)
    results = script.run_in_bundle(data, cases)
    for (name, values), (figure, message), result in zip(cases, kernels, results):
        assert result["message"] == message, (name, values)
        if "figure" in result:
            assert result["figure"] == figure, (name, values)
    refused = [r for r in results if "figure" not in r]
    assert len(refused) == 2 and all('role="alert"' in r["message"] for r in refused)
    assert "more than 1" in refused[0]["message"] and "at least one weight" in refused[1]["message"]
    # Text where a number belongs (the page sends JSON; nothing is evaluated) gets the model's own sentence.
    values = dict(cases[0][1], russia_no="a half")
    (typed,) = script.run_in_bundle(data, [("r2p-passage-odds", values)])
    with pytest.raises(InputError) as kernel:
        r2p.PassageOdds.readout(**values)
    assert typed == {"message": markup.warn(str(kernel.value))}
    assert str(kernel.value) == "P(no) for Russia must be a number; got 'a half'."
