"""The orientation widget's readout: NATO's size at the end of a chosen year."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.models import membership
from widgets.tables import orientation as tables


@dataclass(frozen=True)
class MembershipReadout:
    year: int
    members: int
    joined: tuple[str, ...]
    history: tuple[tuple[int, int], ...]  # (year, members) for the whole step chart
    sentence: str
    alt: str


def nato_membership(year: int) -> MembershipReadout:
    """Members at the end of ``year`` and the states that joined during it."""
    accessions = tables.accessions()
    count = membership.members_at_end_of([date for _, date in accessions], year)
    year = int(year)
    joined = tuple(membership.joined_in(accessions, year))
    news = f" Joined that year: {', '.join(joined)}." if joined else " No state joined that year."
    history = tables.counts()
    (first, low), (last, high) = history[0], history[-1]
    return MembershipReadout(
        year=year,
        members=count,
        joined=joined,
        history=history,
        sentence=f"At the end of <b>{year}</b>, NATO had <b>{count}</b> members.{news}",
        alt=(
            f"Step chart of NATO's membership from {first} to {last}, rising "
            f"from {low} to {high} members, with {year} marked at {count} members."
        ),
    )
