"""The alliance datasets as the alliances chapter draws them.

The network keeps the treaty alliances and the non-treaty partnerships; regional
organizations (GCC, SCO, AU) are left out: they are not alliances. The years of
the chapter's slider run from the end of the Second World War to the date the
datasets describe (``as_of`` in ``datasets/datapackage.json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from widgets import data
from widgets.models import alliance_network
from widgets.shipped import shipped

#: The arrangements drawn in the network: treaty alliances and non-treaty partnerships.
NETWORK_TYPES = ("collective_defense_multilateral", "collective_defense_bilateral", "consultation_or_partnership")

#: The network's legend groups: (label, alliance ids). Their colours are the figure's.
GROUPS = (
    ("NATO", ("nato",)),
    ("Warsaw Pact", ("warsaw_pact",)),
    ("SEATO", ("seato",)),
    ("CENTO", ("cento",)),
    ("ANZUS", ("anzus",)),
    ("Rio Treaty", ("rio_treaty",)),
    ("CSTO", ("csto",)),
    ("US bilateral treaties", ("us_japan_1951", "us_japan_1960", "us_rok", "us_philippines", "us_roc")),
    ("Quad, AUKUS (no treaty)", ("quad", "aukus")),
)

#: The chapter's first year: 1945, the end of the Second World War, two years before
#: the earliest arrangement in the dataset (the Rio Treaty, 1947).
START = 1945


def last_year() -> int:
    """The year the membership dataset describes (its ``as_of``)."""
    return data.as_of("alliance_members").year


def network_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(members, alliances) restricted to the arrangements the network draws."""
    alliances = data.load("alliances")
    members = data.load("alliance_members")
    keep = set(alliances.loc[alliances["type"].isin(NETWORK_TYPES), "id"])
    return members[members["alliance_id"].isin(keep)].reset_index(drop=True), alliances


@shipped
@lru_cache(maxsize=1)
def memberships() -> tuple[tuple[str, str, int, int | None], ...]:
    """(alliance id, state, year joined, first year no longer a member or None) of the network's arrangements."""
    members, _ = network_tables()
    return tuple(
        (str(alliance), str(country), int(joined), None if pd.isna(left) else int(left))
        for alliance, country, joined, left in zip(
            members["alliance_id"], members["country"], members["joined_year"], members["left_year"]
        )
    )


@shipped
@lru_cache(maxsize=1)
def arrangements() -> tuple[tuple[str, str, str], ...]:
    """(id, short name, type) of every arrangement: the network lists commitments by short name
    (NATO, ANZUS ...) rather than full treaty title, as the widget's sentence shows them."""
    alliances = data.load("alliances")
    return tuple(
        (str(i), str(n), str(t)) for i, n, t in zip(alliances["id"], alliances["short_name"], alliances["type"])
    )


@shipped
@lru_cache(maxsize=1)
def positions() -> dict[str, tuple[float, float]]:
    """Every state's place on the network's circle (fixed for all years)."""
    return alliance_network.circular_layout(memberships())


def network_states() -> tuple[str, ...]:
    """The states of the network, alphabetically (the state menu)."""
    return tuple(sorted(positions()))


@lru_cache(maxsize=1)
def _nato() -> pd.DataFrame:
    return data.load("nato_members").sort_values(["accession_date", "country"]).reset_index(drop=True)


@shipped
@lru_cache(maxsize=1)
def nato_waves() -> tuple[tuple[int, tuple[str, ...]], ...]:
    """(year of the enlargement wave, its members in order of accession and name)."""
    return tuple((int(wave), tuple(rows["country"].astype(str))) for wave, rows in _nato().groupby("wave", sort=True))


@dataclass(frozen=True)
class ArrangementSpan:
    """One bar of the chapter's timeline of arrangements."""

    short_name: str
    type: str
    start: int  # year signed, else in force, else the first member's joining year
    end: int  # year dissolved, else the year the dataset describes
    exists: bool  # still existed at the dataset's date


def arrangement_spans() -> tuple[ArrangementSpan, ...]:
    """Every arrangement of the ``alliances`` dataset, in the order it began (ties: the table's order)."""
    alliances = data.load("alliances")
    first_member = data.load("alliance_members").groupby("alliance_id")["joined_year"].min()
    start = (
        alliances["signed"]
        .dt.year.astype("Int64")
        .fillna(alliances["in_force_year"])
        .fillna(alliances["id"].map(first_member))
    )
    last = data.as_of("alliances").year
    spans = [
        ArrangementSpan(
            short_name=str(row["short_name"]),
            type=str(row["type"]),
            start=int(begin),
            end=int(row["end_year"]) if pd.notna(row["end_year"]) else last,
            exists=bool(pd.isna(row["end_year"])),
        )
        for (_, row), begin in zip(alliances.iterrows(), start)
    ]
    return tuple(sorted(spans, key=lambda s: s.start))  # sorted() is stable
