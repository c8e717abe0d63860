"""The alliances chapter's readouts: the network in a year, NATO's waves, extended deterrence."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from widgets.models import alliance_deterrence, alliance_network
from widgets.models.alliance_deterrence import ThresholdStatus
from widgets.readouts.orientation import nato_membership
from widgets.tables import alliances as tables

Point = tuple[float, float]


# --- the alliance network -------------------------------------------------------------


@dataclass(frozen=True)
class AllianceNetworkReadout:
    year: int
    state: str
    states: int  # states with at least one arrangement that year
    links: int  # pairs of states sharing at least one arrangement
    held: tuple[str, ...]  # the chosen state's arrangements (short names)
    partners: tuple[str, ...]  # the states linked to it, alphabetically
    positions: dict[str, Point]  # every state's place on the circle (the same every year)
    nodes: tuple[Point, ...]  # places of the states active that year
    partner_points: tuple[Point, ...]
    chosen: Point
    segments: dict[str, tuple[tuple[Point, Point], ...]]  # legend group -> its links' ends
    sentence: str
    alt: str


_GROUP_OF = {i: label for label, ids in tables.GROUPS for i in ids}


@lru_cache(maxsize=1)
def timeline() -> alliance_network.Timeline:
    """The network's memberships checked once; it builds each year's graph once."""
    return alliance_network.Timeline(tables.memberships(), tables.arrangements())


def network_in(year: int, state: str) -> AllianceNetworkReadout:
    """The network of alliance links in ``year`` with ``state``'s arrangements and partners."""
    held = tuple(timeline().commitments(state, year))
    graph = timeline().graph(year)
    year = int(year)
    states, links = alliance_network.counts(graph)
    where = tables.positions()
    segments: dict[str, list] = {label: [] for label, _ in tables.GROUPS}
    for (a, b), shared in graph.links.items():  # one pass: each link to its groups
        for label in {_GROUP_OF[i] for i in shared if i in _GROUP_OF}:
            segments[label].append((where[a], where[b]))
    partners = graph.neighbors(state) if state in graph else ()
    if held:
        about = (
            f"<b>{state}</b> belongs to {len(held)} arrangement(s): {'; '.join(held)}; "
            f"it is linked to {len(partners)} state(s) (red dots)."
        )
    else:
        about = f"<b>{state}</b> has no alliance in the dataset in {year}."
    return AllianceNetworkReadout(
        year=year,
        state=state,
        states=states,
        links=links,
        held=held,
        partners=partners,
        positions=where,
        nodes=tuple(where[s] for s in sorted(graph.nodes)),
        partner_points=tuple(where[s] for s in partners),
        chosen=where[state],
        segments={label: tuple(ends) for label, ends in segments.items()},
        sentence=(
            f"In <b>{year}</b> the network has <b>{states}</b> states and <b>{links}</b> "
            f"links (pairs of states sharing at least one arrangement). {about}"
        ),
        alt=(
            f"Network of alliance links in {year}: {states} states joined by {links} links, coloured by "
            f"alliance, with {state} circled and its {len(partners)} partners marked in red; states are placed "
            "on a circle in the order they first joined an alliance."
        ),
    )


# --- NATO's enlargement waves ---------------------------------------------------------


@dataclass(frozen=True)
class NatoWavesReadout:
    year: int
    members: int  # members at the end of the year
    waves: tuple[tuple[int, tuple[str, ...]], ...]  # every wave and its members (the whole chart)
    reached: tuple[int, ...]  # the waves joined by the end of the year
    joined: tuple[str, ...]  # the states that joined during the year
    sentence: str
    alt: str


def waves_by(year: int) -> NatoWavesReadout:
    """NATO's members at the end of ``year``, and the enlargement waves reached by then."""
    at = nato_membership(year)  # counted as the orientation chapter counts them
    year, count, joined = at.year, at.members, at.joined
    waves = tables.nato_waves()
    reached = tuple(wave for wave, _ in waves if wave <= year)
    latest = f" The latest wave by then was {reached[-1]}." if reached else ""
    news = f" Joined in {year}: {', '.join(joined)}." if joined else ""
    total = sum(len(names) for _, names in waves)
    return NatoWavesReadout(
        year=year,
        members=count,
        waves=waves,
        reached=reached,
        joined=joined,
        sentence=f"By the end of <b>{year}</b>: <b>{count}</b> members in <b>{len(reached)}</b> wave(s).{latest}{news}",
        alt=(
            f"NATO's {total} members listed by enlargement wave from {waves[0][0]} to {waves[-1][0]}; the {count} "
            f"members that had joined by the end of {year} are in blue, later members greyed out."
        ),
    )


# --- extended deterrence --------------------------------------------------------------

#: The reliabilities the figure's line is drawn through (0, 0.01, ..., 1).
GRID = tuple(i / 100 for i in range(101))


@dataclass(frozen=True)
class AllianceDeterrenceReadout:
    reliability: float
    attack_value: float  # EU(attack) at the chosen reliability
    deterred: bool
    margin: float
    threshold: float | None
    threshold_status: ThresholdStatus
    ends: tuple[float, float]  # EU(attack) at r = 0 and r = 1 (the line is straight)
    curve: tuple[tuple[float, ...], tuple[float, ...]]  # (r, EU(attack)) on GRID
    explanation: str  # the model's paragraph, the sentence's second line
    sentence: str
    alt: str


def extended_deterrence(
    reliability: float, ally: float, cost: float, defender: float, prize: str | float
) -> AllianceDeterrenceReadout:
    """Is the aggressor deterred, and where is r*? ``prize`` may be a text box's raw text."""
    values = dict(prize=prize, defender=defender, ally=ally, cost=cost)
    result = alliance_deterrence.deterrence(reliability=reliability, **values)
    r = float(reliability)
    # EU is linear in r: its two ends give the whole line.
    low, high = (alliance_deterrence.deterrence(reliability=x, **values).attack_value for x in (0.0, 1.0))
    verdict = "deterred" if result.deterred else "<b>not</b> deterred"
    where = {
        ThresholdStatus.WITHIN: f"Threshold r* = <b>{result.threshold or 0:.2f}</b>.",
        ThresholdStatus.ALWAYS: "Deterred at every reliability (r* below 0).",
        ThresholdStatus.NEVER: "Not deterred at any reliability (r* above 1).",
        ThresholdStatus.NO_ALLY: "With no ally strength, reliability changes nothing.",
    }[result.threshold_status]
    return AllianceDeterrenceReadout(
        reliability=r,
        attack_value=float(result.attack_value),
        deterred=bool(result.deterred),
        margin=float(result.margin),
        threshold=None if result.threshold is None else float(result.threshold),
        threshold_status=result.threshold_status,
        ends=(float(low), float(high)),
        curve=(GRID, tuple(low + (high - low) * x for x in GRID)),
        explanation=result.explanation,
        sentence=(
            f"The aggressor is {verdict}: EU(attack) = <b>{result.attack_value:.2f}</b>, "
            f"margin (0 − EU) = <b>{result.margin:.2f}</b>. {where}<br>{result.explanation}"
        ),
        alt=(
            f"Line of the aggressor's expected value of attacking against the ally's reliability; at "
            f"r = {r:.2f} it is {result.attack_value:.2f}, so the aggressor is "
            f"{'deterred' if result.deterred else 'not deterred'}."
        ),
    )
