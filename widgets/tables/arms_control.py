"""The arms-control chapter's derived tables: stockpile series, treaty rows, declared New START numbers.

The functions marked ``@shipped`` return plain values, which the live site receives
at build time (``widgets.shipped``): the widgets' readouts use only those.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from widgets import data
from widgets.models import new_start
from widgets.models.inputs import InputError
from widgets.shipped import shipped

#: The country choice that sums the nine states.
ALL = "All nine states (sum)"

#: Dataset category of each New START central limit, in Article II order (a), (b), (c).
CATEGORIES = (
    "deployed_ICBMs_SLBMs_heavy_bombers",
    "warheads_on_deployed_ICBMs_SLBMs_plus_counted_for_deployed_HB",
    "deployed_and_nondeployed_launchers_ICBM_SLBM_plus_HB",
)


@lru_cache(maxsize=1)
def _stockpiles() -> pd.DataFrame:
    return data.load("nuclear_stockpiles")


@lru_cache(maxsize=1)
def _treaties() -> pd.DataFrame:
    return data.load("treaties").sort_values("signed").reset_index(drop=True)


@lru_cache(maxsize=1)
def _new_start() -> pd.DataFrame:
    return data.load("new_start_data")


@shipped
@lru_cache(maxsize=1)
def span() -> tuple[int, int]:
    """First year of the stockpile estimates and the year the treaty record describes."""
    return int(_stockpiles()["year"].min()), data.as_of("treaties").year


@shipped
def last_estimate_year() -> int:
    return int(_stockpiles()["year"].max())


def stockpile_series(country: str) -> pd.Series:
    """Warheads by year for one country, or summed over the nine states (``ALL``)."""
    table = _stockpiles()
    if country == ALL:
        return table.groupby("year")["warheads"].sum().astype(int)
    rows = table[table["country"] == country]
    if rows.empty:
        known = ", ".join(sorted(table["country"].unique()))
        raise InputError(f"No stockpile estimates for {country!r}; choose one of: {known}.")
    return rows.set_index("year")["warheads"].astype(int)


@shipped
@lru_cache(maxsize=1)
def stockpile_warheads() -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]]:
    """{country: (years, warheads)} of every state and of the sum (``ALL``), as plain values."""
    names = (ALL, *sorted(_stockpiles()["country"].unique()))
    out = {}
    for name in names:
        series = stockpile_series(name)
        out[str(name)] = (tuple(int(y) for y in series.index), tuple(int(v) for v in series.to_numpy()))
    return out


def countries() -> tuple[str, ...]:
    """The sum first, then the states from the largest peak stockpile to the smallest."""
    peaks = _stockpiles().groupby("country")["warheads"].max().sort_values(ascending=False)
    return (ALL, *peaks.index)


def label(short_name: str) -> str:
    """A treaty's short label: 'Outer Space Treaty, OST' -> 'OST', 'BWC/BTWC' -> 'BWC'."""
    name = short_name.split(",")[-1].strip() if "," in short_name else short_name
    return name.split("/")[0]


def _iso(value) -> str | None:
    return None if pd.isna(value) else value.date().isoformat()


@shipped
@lru_cache(maxsize=1)
def treaty_spans() -> tuple[tuple[str, str, str, str | None, str | None], ...]:
    """(label, category, signed, entered into force, ended) per treaty, dates as ISO text."""
    return tuple(
        (label(t.short_name), t.category, _iso(t.signed), _iso(t.entered_into_force), _iso(t.ended))
        for t in _treaties().itertuples()
    )


def treaty_record() -> pd.DataFrame:
    """The chapter's table of the treaties: short label, category, dates ('–' if none), status."""
    table = _treaties()[["short_name", "category", "signed", "entered_into_force", "ended", "status"]].copy()
    table["short_name"] = table["short_name"].str.split(",").str[-1].str.strip()
    table["category"] = table["category"].str.replace("_", " ")
    for column in ("signed", "entered_into_force", "ended"):
        table[column] = table[column].dt.strftime("%Y-%m-%d").fillna("–")
    return table.rename(columns={"short_name": "treaty", "entered_into_force": "in force"}).set_index("treaty")


@shipped
@lru_cache(maxsize=1)
def limits() -> tuple[int, int, int]:
    """The dataset's three central limits, checked against the model's."""
    table = _new_start()
    values = table[table["party"] == "limit"].set_index("category")["value"]
    found = tuple(int(values[c]) for c in CATEGORIES)
    if found != (new_start.DELIVERY_VEHICLE_LIMIT, new_start.WARHEAD_LIMIT, new_start.LAUNCHER_LIMIT):
        raise InputError("The dataset's New START limits differ from the model's; check both.")
    return found


@shipped
def declared_numbers() -> dict[str, tuple[int, int, int]]:
    """Each declared data exchange as {"United States, 2023-03-01": (a, b, c)}: the exchanges
    with all three numbers (a partial snapshot cannot be compared with a force)."""
    return dict(_declared_numbers())


@lru_cache(maxsize=1)
def _declared_numbers() -> tuple[tuple[str, tuple[int, int, int]], ...]:
    table = _new_start()
    rows = table[table["party"] != "limit"]
    out = {}
    for (party, as_of), group in rows.groupby(["party", "as_of"], sort=True):
        values = group.set_index("category")["value"]
        if not all(c in values.index for c in CATEGORIES):
            continue  # a partial snapshot (e.g. only the warhead count is sourced) cannot be compared
        out[f"{party}, {as_of.date()}"] = tuple(int(values[c]) for c in CATEGORIES)
    return tuple(out.items())


def declared_series() -> dict[str, dict[str, tuple[tuple[dt.date, ...], tuple[int, ...]]]]:
    """{category: {party: (dates, values)}} of every declared number, partial snapshots too."""
    table = _new_start()
    rows = table[table["party"] != "limit"].sort_values("as_of")
    return {
        category: {
            party: (tuple(d.date() for d in group["as_of"]), tuple(int(v) for v in group["value"]))
            for party, group in rows[rows["category"] == category].groupby("party", sort=False)
        }
        for category in CATEGORIES
    }


def limits_bind_from() -> dt.date:
    """The day the central limits began to bind: entry into force plus the reduction period."""
    entry = _treaties().set_index("id").loc["new_start", "entered_into_force"]
    return (entry + pd.DateOffset(years=new_start.REDUCTION_YEARS)).date()


#: The bilateral treaties whose entry into force the stockpile figure marks.
BILATERAL = ("salt1_interim", "inf", "start1", "sort", "new_start")


class StockpileHistory(NamedTuple):
    lines: dict[str, pd.Series]  # label -> warheads by year: the sum, the United States, Russia
    entries: tuple[tuple[str, dt.date], ...]  # (short label, entry into force) of BILATERAL


def stockpile_history() -> StockpileHistory:
    """What the chapter's stockpile figure draws: three series and five entries into force."""
    lines = {"sum of the nine states": stockpile_series(ALL)}
    lines |= {country: stockpile_series(country) for country in ("United States", "Russia")}
    rows = _treaties()[_treaties()["id"].isin(BILATERAL)]
    entries = tuple(
        (
            t.short_name.split(" Interim")[0].replace(" Treaty", "").split(", ")[-1],
            t.entered_into_force.date(),
        )
        for t in rows.itertuples()
    )
    return StockpileHistory(lines, entries)


class DeclaredHistory(NamedTuple):
    series: dict[str, dict[str, tuple[tuple[dt.date, ...], tuple[int, ...]]]]  # see declared_series
    limits: tuple[int, int, int]  # (a), (b), (c)
    binds_from: dt.date


def declared_history() -> DeclaredHistory:
    """What the chapter's figure of declared New START numbers draws."""
    return DeclaredHistory(declared_series(), limits(), limits_bind_from())
