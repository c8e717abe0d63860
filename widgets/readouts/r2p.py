"""The R2P widgets' readouts: control values in, the numbers and sentences a student reads out.

All counting and probability work is done by :mod:`widgets.models.security_council`
and :mod:`widgets.models.criteria`; the recorded votes and the cases come from
:mod:`widgets.tables.r2p`'s shipped tables (plain values), so that the same code
runs in the kernel and on the live site.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from html import escape

from widgets.models import criteria as crit
from widgets.models import security_council as sc
from widgets.models.wording import join_names
from widgets.tables import r2p as tables
from widgets.tables.r2p import ELECTED, MEMBERS, P5_COLUMNS

SHORT = {"United Kingdom": "UK", "United States": "US"}
#: What the ``source_quality`` of a recorded vote means, as the record sentence says it.
QUALITY = {
    "un_record": "a UN record",
    "news_agency": "news agencies, newspapers or government statements (no UN record read)",
    "reference_work": "an NGO reference page (no UN record read)",
}

#: A control name for each seat: the P5 by their dataset column, the elected seats "elected_1" ...
SEATS = {m: P5_COLUMNS.get(m, m.lower().replace(" ", "_")) for m in MEMBERS}
#: The passage-odds widget's opening (P(yes), P(no)) for each permanent member.
OPENING_ODDS = {
    "China": (0.5, 0.2),
    "France": (0.9, 0.0),
    "Russia": (0.4, 0.4),
    "United Kingdom": (0.9, 0.0),
    "United States": (0.9, 0.0),
}
#: ... and for each elected member.
OPENING_ELECTED = (0.7, 0.1)


def opening_probabilities() -> dict[str, tuple[float, float]]:
    """member -> (P(yes), P(no)) as the passage-odds widget opens."""
    return OPENING_ODDS | {m: OPENING_ELECTED for m in ELECTED}


#: The criteria widget's control names: "just cause" -> "just_cause" (score), "just_cause_weight".
CRITERIA = {c: c.replace(" ", "_") for c in crit.CRITERIA}


# -- 1. The vote simulator ----------------------------------------------------------------
@dataclass(frozen=True)
class CouncilVoteReadout:
    document: str  # "" when the votes are set by hand
    ballot: dict[str, str]  # member -> vote, in MEMBERS order
    passes: bool
    tally: tuple[int, int, int, int]  # yes, no, abstain, absent
    reason: str
    sentence: str
    record: str  # the recorded vote's sentence ("" when none is loaded); ``sentence`` ends with it
    alt: str


def council_vote(load: str = "", **seats: str) -> CouncilVoteReadout:
    """Article 27(3) applied to the fifteen votes (control names of :data:`SEATS`).

    ``load`` names a recorded vote: the record sentence then says what the
    Council did, or that the ballot has been changed into a what-if.
    """
    unknown = sorted(set(seats) - set(SEATS.values()))
    if unknown:
        raise TypeError(f"no seat named {', '.join(unknown)}")
    ballot = {m: seats.get(name, "yes") for m, name in SEATS.items()}
    decision = sc.decide(ballot)
    tally = (decision.yes, decision.no, decision.abstain, decision.absent)
    verdict = "passes" if decision.passes else "fails"
    record = _record(load, ballot)
    return CouncilVoteReadout(
        document=load,
        ballot=ballot,
        passes=decision.passes,
        tally=tally,
        reason=decision.reason,
        sentence=(
            f"<b>{decision.reason}.</b> Tally: {decision.yes} yes, {decision.no} no, "
            f"{decision.abstain} abstaining, {decision.absent} absent."
            + (f'<div class="sin-record" style="margin-top:0.4rem">{record}</div>' if record else "")
        ),
        record=record,
        alt=(
            f"Ballot of the fifteen Council members coloured by vote, and bars of the tally: {decision.yes} yes, "
            f"{decision.no} no, {decision.abstain} abstaining, {decision.absent} absent, against a line at the 9 "
            f"votes needed. The draft {verdict}."
        ),
    )


def recorded_seats(document: str) -> dict[str, str]:
    """The vote controls' values for a recorded vote (control name -> vote)."""
    return {SEATS[m]: v for m, v in tables.records()[document]["ballot"].items()}


def _record(document: str, ballot: dict[str, str]) -> str:
    if not document:
        return ""
    row = tables.records()[document]
    if ballot != row["ballot"]:
        return f"You have changed the recorded votes of {escape(document)}: this is now a what-if."
    outcome = "adopted" if row["adopted"] else "not adopted"
    parts = [
        f"<b>Recorded:</b> {escape(document)} ({row['date']:%d %B %Y}) was {outcome}, "
        f"{row['yes']}–{row['no']}–{row['abstain']}."
    ]
    for label, column in (("Against", "against_members"), ("Abstaining", "abstaining_members")):
        members = row[column]
        if members:
            parts.append(f"{label}: {escape(join_names(members))}.")
    parts.append(f"{escape(row['subject'])}. Evidence for the vote: {QUALITY[row['source_quality']]}.")
    return " ".join(parts)


# -- 2. Passage odds ------------------------------------------------------------------------
@dataclass(frozen=True)
class PassageReadout:
    probability: float
    p_no_veto: float
    p_enough_votes: float
    distribution: tuple[float, ...]  # P(exactly j yes votes), j = 0 .. 15
    top: float  # the y axis' upper limit: the tallest bar rounded up to a tenth (at least 0.1)
    follow: float
    sentence: str
    alt: str


def probabilities(**values: float) -> dict[str, tuple[float, float]]:
    """member -> (P(yes), P(no)) from the sliders ("china_yes", "china_no", ..., "elected_yes", "elected_no")."""
    probs = {m: (values[f"{SEATS[m]}_yes"], values[f"{SEATS[m]}_no"]) for m in sc.PERMANENT}
    return probs | {m: (values["elected_yes"], values["elected_no"]) for m in ELECTED}


def passage_odds(follow: float = 0.0, **values: float) -> PassageReadout:
    """Exact P(passes) and the distribution of yes votes, China following Russia with probability ``follow``."""
    result = sc.passage_probability_bloc(probabilities(**values), "Russia", "China", follow)
    dist = tuple(float(p) for p in result.yes_distribution)
    tallest = max(dist)
    top = max(0.1, math.ceil(tallest * 10) / 10)
    mode = dist.index(tallest)
    bloc = (
        f" China copies Russia's vote with probability {follow:.2f} (a bloc); otherwise it uses its own sliders."
        if follow > 0
        else " <i>All votes are treated as independent, which real Council votes are not: try the bloc slider.</i>"
    )
    return PassageReadout(
        probability=result.probability,
        p_no_veto=result.p_no_veto,
        p_enough_votes=result.p_enough_votes,
        distribution=dist,
        top=top,
        follow=float(follow),
        sentence=(
            f"P(the draft passes) = <b>{result.probability:.3f}</b>. P(no permanent member votes no) = "
            f"{result.p_no_veto:.3f}; P(at least 9 yes votes) = {result.p_enough_votes:.3f}. "
            "Passing needs both at once, and they are not independent, so P(passes) is computed exactly "
            "rather than as their product." + bloc
        ),
        alt=(
            f"Bar chart of the probability of each number of yes votes from 0 to 15; the most likely number is "
            f"{mode}. The chance that the draft passes is {result.probability:.2f}."
        ),
    )


# -- 3. The ICISS criteria -----------------------------------------------------------------
@dataclass(frozen=True)
class CriteriaReadout:
    case: str
    name: str
    rule: str
    scores: dict[str, float]  # criterion -> score, in crit.CRITERIA order
    below_midpoint: tuple[str, ...]
    value: float  # the combined score under ``rule`` (0-1)
    sentence: str
    council: str  # the HTML box: what the Council did, what followed, a question; ``sentence`` ends with it
    alt: str


def criteria_assessment(case: str = "libya", rule: str = "weighted mean", **values: float) -> CriteriaReadout:
    """The combined score of the six criteria ("just_cause", ..., "just_cause_weight", ...) for ``case``."""
    scores = {c: values[name] for c, name in CRITERIA.items()}
    result = crit.assess(scores, {c: values[f"{name}_weight"] for c, name in CRITERIA.items()})
    value = result.value(rule)
    row = tables.case_rows()[case]
    name = row["name"]
    if result.all_met:
        gate = "You scored every criterion at or above the midpoint."
    else:
        gate = (
            f"Below the midpoint: <b>{escape(', '.join(result.below_midpoint))}</b>. Each ICISS criterion is "
            "worded as a test of its own, so a good average does not make up for these."
        )
    if rule == crit.Rule.MINIMUM:
        head = (
            f"Your assessment of <b>{escape(name)}</b> by the minimum rule: <b>{value:.2f}</b> on a scale "
            f"from 0 to 1, set by your weakest criterion, <b>{escape(result.weakest)}</b> (weighted mean: "
            f"{result.score:.2f})."
        )
    else:
        head = (
            f"Your weighted assessment of <b>{escape(name)}</b>: <b>{value:.2f}</b> on a scale from 0 to 1 "
            f"(minimum rule: {result.minimum:.2f})."
        )
    lexi = (
        f" Read lexicographically (heaviest weight first), the first criterion to fail is "
        f"<b>{escape(result.first_failing)}</b>."
        if result.first_failing
        else ""
    )
    council = (
        '<div class="sin-council-record" style="border-left:4px solid #0072B2;padding:0.3rem 0.8rem;margin-top:0.5rem">'
        f"<p><b>What the Security Council did.</b> {escape(row['council_action'])}</p>"
        f"<p><b>What followed.</b> {escape(row['what_followed'])}</p>"
        f"<p><b>Reflect.</b> Which of your scores would the Council's members have disputed, and why? "
        f"Did the Council's action (or inaction) in {escape(name)} follow from the criteria, or from "
        "something the criteria leave out, such as the interests of the permanent members? "
        "The score is your judgement made visible, not a verdict: change a weight and see how much "
        "your conclusion depends on it.</p></div>"
    )
    return CriteriaReadout(
        case=case,
        name=name,
        rule=str(rule),
        scores={c: float(s) for c, s in scores.items()},
        below_midpoint=result.below_midpoint,
        value=float(value),
        sentence=f"{head} {gate}{lexi}{council}",
        council=council,
        alt=(
            f"Horizontal bars of your scores for {name} on the six ICISS criteria, with a dashed midpoint line, "
            f"and a single bar showing the {rule} score of {value:.2f} out of 1."
        ),
    )


# -- 4. The timeline ------------------------------------------------------------------------
@dataclass(frozen=True)
class TimelineReadout:
    year: int
    first: int  # the timeline's first and last years
    last: int
    cases: tuple[str, ...]  # the rows' labels, top to bottom
    points: tuple[tuple[dt.date, int], ...]  # every recorded vote: (date, row)
    adopted: tuple[tuple[dt.date, int], ...]  # shown: adopted resolutions to the end of ``year``
    not_adopted: tuple[tuple[dt.date, int], ...]  # shown: drafts not adopted
    r2p: tuple[tuple[dt.date, int], ...]  # shown: confirmed references to R2P
    sentence: str
    alt: str


def council_timeline(year: int = 2011) -> TimelineReadout:
    """The recorded votes up to the end of ``year``, split by outcome, with the references to R2P."""
    year = int(year)
    first, last = tables.span()
    codes = tables.timeline_cases()
    row = {c: i for i, c in enumerate(codes)}
    every = tables.timeline_points()
    points = tuple((d, row[c]) for _, d, c, _, _ in every)
    shown = [(p, adopted, r2p) for p, (_, d, _, adopted, r2p) in zip(points, every) if d.year <= year]
    adopted = tuple(p for p, a, _ in shown if a)
    not_adopted = tuple(p for p, a, _ in shown if not a)
    r2p = tuple(p for p, _, r in shown if r)
    this_year = [doc for doc, d, _, _, _ in every if d.year == year]
    news = f" Votes in {year}: {escape(', '.join(this_year))}." if this_year else f" No vote in the dataset in {year}."
    n_adopted, n_vetoed, n_r2p = len(adopted), len(not_adopted), len(r2p)
    return TimelineReadout(
        year=year,
        first=first,
        last=last,
        cases=tuple(tables.case_labels()[c] for c in codes),
        points=points,
        adopted=adopted,
        not_adopted=not_adopted,
        r2p=r2p,
        sentence=(
            f"To the end of <b>{year}</b> the dataset records <b>{n_adopted}</b> adopted resolutions "
            f"({n_r2p} with a confirmed reference to R2P) and <b>{n_vetoed}</b> drafts not adopted.{news}"
        ),
        alt=(
            f"Timeline of the dataset's Security Council votes by case from {first} to {last}, shown up to the end of "
            f"{year}: {n_adopted} adopted resolutions, {n_vetoed} drafts not adopted, {n_r2p} marked as referring to R2P."
        ),
    )
