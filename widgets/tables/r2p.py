"""The R2P chapter's tables: recorded Council votes, the cases, and what is derived from them.

Everything a view, an exercise or a notebook reads from ``unsc_votes`` and
``r2p_cases`` goes through here: the full ballot of a recorded vote, the case
labels, the vetoes per year and the timeline's points. The functions marked
``@shipped`` return plain values, which the widgets' readouts use (and the live
site receives at build time); the others return pandas objects for the notebook,
the exercises and the tests.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from functools import lru_cache

import pandas as pd

from widgets import data
from widgets.models import security_council as sc
from widgets.shipped import shipped

VOTES, CASES = "unsc_votes", "r2p_cases"

#: The ten elected seats, named generically: the dataset does not name every elected member's vote.
ELECTED = tuple(f"Elected {i}" for i in range(1, 11))
MEMBERS = sc.PERMANENT + ELECTED
#: The dataset's column for each permanent member's vote.
P5_COLUMNS = {
    "China": "china",
    "France": "france",
    "Russia": "russia",
    "United Kingdom": "united_kingdom",
    "United States": "united_states",
}


class Case(StrEnum):
    """The chapter's cases, in the order of events; the values are the datasets' ``case`` codes.

    ``datapackage.json`` lists the same codes as the ``case`` enum of both
    datasets (``thematic`` only in the votes, ``srebrenica`` only in the cases);
    a test holds the two together.
    """

    RWANDA = "rwanda"
    SREBRENICA = "srebrenica"
    KOSOVO = "kosovo"
    DARFUR = "darfur"
    THEMATIC = "thematic"
    LIBYA = "libya"
    COTE_DIVOIRE = "cote_divoire"
    SYRIA = "syria"
    MYANMAR = "myanmar"

    @property
    def label(self) -> str:
        """The short name the figures and menus show: the case's name in ``r2p_cases``
        up to its first comma or bracket ("Darfur, Sudan" -> "Darfur"); the thematic
        resolutions have no case row and are labelled "Thematic"."""
        return _labels().get(self.value, "Thematic")


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    table = data.load(CASES)
    return {c: re.split(r"[,(]", name)[0].strip() for c, name in zip(table["case"], table["name"])}


@lru_cache(maxsize=1)
def _votes() -> pd.DataFrame:
    return data.load(VOTES).set_index("document")


def votes() -> pd.DataFrame:
    """The recorded votes, indexed by document (a copy: safe to change)."""
    return _votes().copy()


def vote(document: str) -> pd.Series:
    """One recorded vote's row."""
    return _votes().loc[document]


def documents() -> tuple[tuple[str, str], ...]:
    """(menu label, document) for every recorded vote: "S/RES/1973 (2011) · 17 Mar 2011 · Libya"."""
    table = _votes()
    return tuple(
        (f"{doc} · {d:%d %b %Y} · {Case(c).label}", doc) for doc, d, c in zip(table.index, table["date"], table["case"])
    )


@lru_cache(maxsize=1)
def _cases() -> pd.DataFrame:
    return data.load(CASES).set_index("case")


def cases() -> tuple[tuple[str, str], ...]:
    """(name, case code) for every case of ``r2p_cases``, in the dataset's order."""
    table = _cases()
    return tuple(zip(table["name"], table.index))


def case(code: str) -> dict[str, str]:
    """A case's row as plain strings (name, period, council_action, what_followed, ...)."""
    return {k: str(v) for k, v in _cases().loc[code].items()}


def names_in(cell) -> list[str]:
    """The members listed in a cell like "Brazil;China" ([] for an empty cell)."""
    return [] if pd.isna(cell) or cell == "" else str(cell).split(";")


def ballot_from_record(row: pd.Series) -> dict[str, str]:
    """A full ballot for a recorded vote: the P5 as recorded, the elected ten filled from the counts.

    The dataset names every permanent member's vote but not every elected
    member's, so elected seats are generic ("Elected 1" ...), filled with the
    recorded numbers of yes, no and abstain votes left after the P5.
    """
    p5 = {m: str(row[c]) for m, c in P5_COLUMNS.items()}
    rest = {v: int(row[v]) - sum(x == v for x in p5.values()) for v in ("yes", "no", "abstain")}
    elected = ["yes"] * rest["yes"] + ["no"] * rest["no"] + ["abstain"] * rest["abstain"]
    elected += ["absent"] * (len(ELECTED) - len(elected))
    return p5 | dict(zip(ELECTED, elected))


@shipped
@lru_cache(maxsize=1)
def records() -> dict[str, dict]:
    """document -> its recorded vote as plain values: the date (a ``datetime.date``), adopted, the
    counts, the members against and abstaining (tuples of names, from the cells), the subject, the
    source quality, and the full ballot of :func:`ballot_from_record`."""
    out = {}
    for doc, row in _votes().iterrows():
        out[str(doc)] = {
            "date": row["date"].date(),
            "adopted": bool(row["adopted"]),
            **{k: int(row[k]) for k in ("yes", "no", "abstain")},
            "against_members": tuple(names_in(row["against_members"])),
            "abstaining_members": tuple(names_in(row["abstaining_members"])),
            "subject": str(row["subject"]),
            "source_quality": str(row["source_quality"]),
            "ballot": ballot_from_record(row),
        }
    return out


@shipped
@lru_cache(maxsize=1)
def case_rows() -> dict[str, dict[str, str]]:
    """case code -> :func:`case` (the row as plain strings), for every case of ``r2p_cases``."""
    return {str(code): case(code) for code in _cases().index}


@shipped
@lru_cache(maxsize=1)
def case_labels() -> dict[str, str]:
    """case code -> :attr:`Case.label`, for every case (the thematic resolutions included)."""
    return {c.value: c.label for c in Case}


@shipped
@lru_cache(maxsize=1)
def span() -> tuple[int, int]:
    """The first year of a recorded vote and the year the dataset describes (its as-of date)."""
    return int(_votes()["date"].dt.year.min()), data.as_of(VOTES).year


@shipped
@lru_cache(maxsize=1)
def timeline_points() -> tuple[tuple[str, dt.date, str, bool, bool], ...]:
    """(document, date, case code, adopted, confirmed reference to R2P) for every recorded vote, in the dataset's order."""
    table = _votes()
    columns = (table["date"], table["case"], table["adopted"], table["references_r2p"].fillna(False))
    return tuple((str(doc), d.date(), str(c), bool(a), bool(r)) for doc, d, c, a, r in zip(table.index, *columns))


@shipped
@lru_cache(maxsize=1)
def timeline_cases() -> tuple[str, ...]:
    """The cases that have a recorded vote, in the order of :class:`Case`."""
    present = {c for _, _, c, _, _ in timeline_points()}
    return tuple(c.value for c in Case if c.value in present)


def vetoed_drafts() -> pd.DataFrame:
    """The drafts blocked by a veto alone: not adopted although at least nine members voted yes."""
    table = _votes()
    return table[~table["adopted"] & (table["yes"] >= sc.THRESHOLD)]


def vetoes_per_year() -> pd.DataFrame:
    """Drafts blocked by a veto alone (not adopted, at least nine yes votes) per year, by who vetoed.

    Columns "China and Russia" and "Russia alone", one row a year from the first
    such veto to the dataset's as-of year (years without one count 0).
    """
    vetoed = vetoed_drafts()
    who = vetoed["vetoed_by"].map({"China;Russia": "China and Russia", "Russia": "Russia alone"})
    years = vetoed["date"].dt.year
    counts = pd.crosstab(years, who).reindex(columns=["China and Russia", "Russia alone"], fill_value=0)
    return counts.reindex(range(int(years.min()), data.as_of(VOTES).year + 1), fill_value=0)
