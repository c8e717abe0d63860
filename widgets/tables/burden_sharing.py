"""The burden-sharing chapter's tables: NATO's shares of GDP, joined with GDP, and the tests on them.

Which NATO release the chapter reads is decided here and only here (:data:`RELEASE`):
a later release may give other figures for the same year (the latest years are
estimates when first published), so a value is identified by its year *and* its
release, and values of two releases must never be mixed. The years the chapter
offers (the year buttons, "2014" and "2024e") are the years that release covers.

Members: NATO's releases give figures for years before a state joined (Montenegro,
North Macedonia, Finland and Sweden all have 2014 figures), so a question about the
Allies of a year keeps only the states that were members then (:func:`member_in`,
from the accession dates in ``nato_members``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import numpy as np
import pandas as pd

from widgets import data
from widgets.models import rank_test
from widgets.shipped import shipped

SHARES = "nato_defence_share"
GDP_DATASET = "gdp"
MEMBERS = "nato_members"

#: The one NATO release the chapter reads (the ``release`` column of nato_defence_share).
RELEASE = "NATO 2014-2024 (June 2024)"

SHARE = "defence_share_gdp_pct"
GDP = "gdp_constant_2015_usd"

#: The year of NATO's Wales summit. The 2% guideline already existed; at Wales the Allies below it
#: pledged to aim to move towards it within a decade (NATO's news release and Reuters, 5 September 2014).
WALES = 2014

#: The guideline lines on the share of GDP: the 2% guideline (older than the Wales summit of 2014,
#: where the pledge to move towards it was made) and 3.5% core defence (The Hague, 2025).
LINES = (2.0, 3.5)

#: The permutation tests: 9,999 shuffles from seed 0 (the same question always gets the same p).
PERMUTATIONS = 9999
SEED = 0
#: Significance level used to read the rank tests.
ALPHA_LEVEL = 0.05


# ----------------------------------------------------------------- the release and its years


@lru_cache(maxsize=1)
def _release_rows() -> pd.DataFrame:
    frame = data.load(SHARES)
    return frame[frame["release"] == RELEASE].reset_index(drop=True)


def release_rows() -> pd.DataFrame:
    """Every row of :data:`RELEASE` (a copy: safe to change)."""
    return _release_rows().copy()


@shipped
@lru_cache(maxsize=1)
def years() -> tuple[int, ...]:
    """The years the release gives shares for, oldest first."""
    return tuple(sorted(int(y) for y in set(_release_rows()["year"])))


@lru_cache(maxsize=None)
def year_label(year: int) -> str:
    """The year as NATO prints it: with an "e" when the release marks it as an estimate ("2024e")."""
    rows = _release_rows()[_release_rows()["year"] == year]
    return f"{int(year)}e" if len(rows) and bool(rows["is_estimate"].all()) else str(int(year))


@shipped
def year_choices() -> tuple[tuple[str, int], ...]:
    """(label, year) for the year buttons, e.g. (("2014", 2014), ("2024e", 2024))."""
    return tuple((year_label(y), y) for y in years())


def other_year(year: int) -> int:
    """The year a result is compared with: the latest for the first year, else the first."""
    first, last = years()[0], years()[-1]
    return last if year == first else first


@shipped
def release_month() -> str:
    """When the release was published, as its name says it ("June 2024")."""
    found = re.search(r"\(([^()]+)\)\s*$", RELEASE)
    if not found:
        raise ValueError(f"the release name {RELEASE!r} does not end with its month in parentheses")
    return found.group(1)


# ----------------------------------------------------------------- shares and members


@lru_cache(maxsize=None)
def _shares(year: int) -> pd.Series:
    frame = _release_rows()[_release_rows()["year"] == year]
    return pd.Series(frame[SHARE].to_numpy(), index=frame["country"].to_numpy(), name=SHARE)


def shares(year: int) -> pd.Series:
    """The release's shares of GDP for ``year``, indexed by Ally (a copy: safe to change)."""
    return _shares(int(year)).copy()


@shipped
@lru_cache(maxsize=1)
def share_rows() -> dict[int, tuple[tuple[str, float], ...]]:
    """year -> (Ally, share of GDP) in the release's order: :func:`shares` as plain values."""
    return {y: tuple((str(c), float(v)) for c, v in _shares(y).items()) for y in years()}


@lru_cache(maxsize=1)
def _accession() -> pd.DataFrame:
    return data.load(MEMBERS)[["iso3", "accession_date"]]


@lru_cache(maxsize=1)
def _accession_years() -> dict[str, int]:
    return dict(zip(_accession()["iso3"], _accession()["accession_date"].dt.year))


def member_in(iso3: str, year: int) -> bool:
    """Whether the Ally with code ``iso3`` was a NATO member during ``year`` (joined by that year)."""
    return _accession_years().get(iso3, 10_000) <= year


@lru_cache(maxsize=None)
def _size_and_burden(year: int, members_in: int) -> pd.DataFrame:
    gdp = data.load(GDP_DATASET)
    merged = _release_rows().merge(gdp[["iso3", "year", GDP]], on=["iso3", "year"], how="left")
    merged = merged[(merged["year"] == year) & merged["iso3"].map(lambda c: member_in(c, members_in))]
    return merged[["country", "iso3", GDP, SHARE]].reset_index(drop=True)


def size_and_burden(year: int, members_in: int | None = None) -> pd.DataFrame:
    """One row per Ally with a share in ``year``: country, GDP (constant 2015 US$) and share of GDP.

    Only states that were members in ``members_in`` (default: ``year`` itself) are kept, so the
    2014 table holds the 27 Allies of the Wales summit that have figures, not states that joined later.
    """
    members_in = year if members_in is None else members_in
    return _size_and_burden(int(year), int(members_in)).copy()


@shipped
@lru_cache(maxsize=1)
def size_and_burden_rows() -> dict[tuple[int, int], tuple[tuple[str, float, float], ...]]:
    """(year, members in) -> (Ally, GDP in constant 2015 US$, share of GDP): :func:`size_and_burden` as
    plain values, for every year of the release and every year whose members are kept."""
    return {
        (y, m): tuple(
            (str(c), float(g), float(v)) for c, g, v in size_and_burden(y, m)[["country", GDP, SHARE]].itertuples(False)
        )
        for y in years()
        for m in years()
    }


@shipped
@lru_cache(maxsize=1)
def later_members() -> dict[int, tuple[str, ...]]:
    """year -> :func:`joined_after` (year), for every year of the release."""
    return {y: joined_after(y) for y in years()}


@lru_cache(maxsize=None)
def joined_after(year: int) -> tuple[str, ...]:
    """Allies with a share in the release's latest year that were not yet members in ``year``, in order of accession."""
    last = years()[-1]
    frame = size_and_burden(last).merge(_accession(), on="iso3")
    later = frame[~frame["iso3"].map(lambda c: member_in(c, year))]
    return tuple(str(c) for c in later.sort_values("accession_date", kind="stable")["country"])


def countries(year: int | None = None) -> tuple[str, ...]:
    """The Allies with a share in ``year`` (default: the latest), members then, alphabetically."""
    year = years()[-1] if year is None else year
    return tuple(sorted(size_and_burden(year)["country"], key=str.casefold))


@dataclass(frozen=True)
class ShareChangeTable:
    """Each Ally's share in the first and the latest year, sorted by the latest (lowest first)."""

    countries: tuple[str, ...]
    first: tuple[float, ...]
    last: tuple[float, ...]
    first_label: str
    last_label: str
    not_yet_members: tuple[str, ...] = ()  # in the first year: their first-year share is not an Ally's


def share_change() -> ShareChangeTable:
    """Every Ally of the release with its first and latest share (the chapter's dot plot)."""
    first, last = years()[0], years()[-1]
    wide = _release_rows().pivot(index="country", columns="year", values=SHARE).sort_values(last, kind="stable")
    return ShareChangeTable(
        countries=tuple(str(c) for c in wide.index),
        first=tuple(float(v) for v in wide[first]),
        last=tuple(float(v) for v in wide[last]),
        first_label=year_label(first),
        last_label=year_label(last),
        not_yet_members=joined_after(first),
    )


def _first_and_latest(members_in: int | None) -> tuple[pd.Series, pd.Series]:
    """Each Ally's share in the release's first and latest year, by country: only the members of
    ``members_in`` (default the first year)."""
    first, last = years()[0], years()[-1]
    members_in = first if members_in is None else members_in
    before = size_and_burden(first, members_in).set_index("country")[SHARE]
    after = size_and_burden(last, members_in).set_index("country")[SHARE]
    return before, after


def crossed_line(line: float = 2.0, members_in: int | None = None) -> list[str]:
    """Allies (members in ``members_in``, default the first year) below ``line`` in the first year
    and at or above it in the latest."""
    before, after = _first_and_latest(members_in)
    return sorted(c for c in before.index if before[c] < line <= after[c])


def doubled(factor: float = 2.0, members_in: int | None = None) -> list[str]:
    """Allies (members in ``members_in``, default the first year) whose latest share is at least
    ``factor`` times their first-year share, alphabetically (shares as published, 2 decimals)."""
    before, after = _first_and_latest(members_in)
    return sorted((c for c in before.index if after[c] >= factor * before[c]), key=str.casefold)


# ----------------------------------------------------------------- the exploitation test


@lru_cache(maxsize=256)
def exploitation_test(year: int, drop: tuple[str, ...] = (), members_in: int | None = None) -> rank_test.RankTestResult:
    """Spearman's rho between GDP and the defence share in ``year``, without ``drop``.

    Only states that were members in ``members_in`` (default ``year``) take part; names in
    ``drop`` that are not in that population are ignored. Permutation test with 9,999
    shuffles and seed 0 (two-sided ``p_value`` and one-sided ``p_greater`` for rho > 0),
    so the same question always gets the same p-values.
    """
    frame = size_and_burden(year, members_in)
    drop = tuple(d for d in drop if d in set(frame["country"]))
    return rank_test.rank_test_frame(
        frame, GDP, SHARE, drop=drop, label="country", n_permutations=PERMUTATIONS, seed=SEED
    )


class Distinguishable(StrEnum):
    """Which of the two years' rank correlations differs from zero (the exercise's choices)."""

    FIRST_ONLY = "2014 only"
    LATEST_ONLY = "2024e only"
    BOTH = "both"
    NEITHER = "neither"


class CorrelationChange(StrEnum):
    """How the rank correlation changed from the first year to the latest."""

    STRONGER = "stronger"
    WEAKER = "weaker"
    REVERSED = "reversed"


def distinguishable_from_zero() -> Distinguishable:
    """Which of the two correlations (members of the first year in both years) is distinguishable from zero.

    At the 5% level, two-sided.
    """
    first, last = years()[0], years()[-1]
    sig = {y: exploitation_test(y, members_in=first).p_value < ALPHA_LEVEL for y in (first, last)}
    if sig[first] and sig[last]:
        return Distinguishable.BOTH
    if sig[first]:
        return Distinguishable.FIRST_ONLY
    if sig[last]:
        return Distinguishable.LATEST_ONLY
    return Distinguishable.NEITHER


def change_in_correlation() -> CorrelationChange:
    """How the rank correlation changed from the first year to the latest.

    "reversed": the sign changed; otherwise "stronger" if |rho| grew, else "weaker".
    Both years use the Allies that were members in the first year.
    """
    first, last = years()[0], years()[-1]
    before = exploitation_test(first, members_in=first).rho
    after = exploitation_test(last, members_in=first).rho
    if np.sign(before) != np.sign(after):
        return CorrelationChange.REVERSED
    return CorrelationChange.STRONGER if abs(after) > abs(before) else CorrelationChange.WEAKER


# ----------------------------------------------------------------- the 20% equipment guideline

EQUIPMENT = "nato_equipment_share"
EQUIPMENT_SHARE = "equipment_share_pct"
#: The equipment guideline: at least 20% of defence expenditure on major equipment and its R&D.
EQUIPMENT_LINE = 20.0


@lru_cache(maxsize=None)
def _equipment_and_share(year: int, members_in: int) -> pd.DataFrame:
    equipment = data.load(EQUIPMENT)
    equipment = equipment[(equipment["release"] == RELEASE) & (equipment["year"] == year)]
    release = _release_rows()
    shares = release[release["year"] == year][["iso3", SHARE]]
    frame = equipment[["country", "iso3", EQUIPMENT_SHARE]].merge(shares, on="iso3", validate="one_to_one")
    return frame[frame["iso3"].map(lambda c: member_in(c, members_in))].reset_index(drop=True)


def equipment_and_share(year: int, members_in: int | None = None) -> pd.DataFrame:
    """Each Ally's equipment share of its defence spending and its defence share of GDP in ``year``.

    Both from the one release; only the members of ``members_in`` (default ``year``). A copy.
    """
    return _equipment_and_share(year, year if members_in is None else members_in).copy()


def meets_both(year: int, members_in: int | None = None) -> list[str]:
    """Allies at or above both the 2% line (share of GDP) and the 20% line (share of defence spending)."""
    frame = equipment_and_share(year, members_in)
    both = (frame[SHARE] >= LINES[0]) & (frame[EQUIPMENT_SHARE] >= EQUIPMENT_LINE)
    return sorted(str(c) for c in frame.loc[both, "country"])


@dataclass(frozen=True)
class EquipmentTable:
    """The Allies of a year with their share of GDP and their equipment share (the chapter's scatter)."""

    countries: tuple[str, ...]
    gdp_shares: tuple[float, ...]
    equipment_shares: tuple[float, ...]
    label: str


def equipment_table(year: int) -> EquipmentTable:
    frame = equipment_and_share(year)
    return EquipmentTable(
        countries=tuple(str(c) for c in frame["country"]),
        gdp_shares=tuple(float(v) for v in frame[SHARE]),
        equipment_shares=tuple(float(v) for v in frame[EQUIPMENT_SHARE]),
        label=year_label(year),
    )
