"""The web of alliance commitments in a given year, as a network.

Why: "who is committed to whom" is easier to see as a graph than as a table, and
its growth and rewiring over time is the story of the alliances chapter.

Data: a membership table with columns ``alliance_id``, ``country``,
``joined_year``, ``left_year`` (NaN while still a member) and an alliance table
with columns ``id``, ``name``, ``type``. A state may appear twice in one
alliance if it left and rejoined.

Convention: a membership is *active in year Y* if ``joined_year <= Y`` and
(``left_year`` is NaN or ``Y < left_year``). So ``left_year`` is the first year
the state is no longer a member, and a row with ``left_year == joined_year`` is
never active. Years are whole numbers.

Graph: nodes are the states with at least one active membership; two states are
linked if they share at least one active alliance. Each link carries
``alliances`` (sorted list of shared alliance ids) and ``weight`` (how many).
A state whose alliance has no other active member is a node without links.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection

import networkx as nx
import numpy as np
import pandas as pd

from widgets.models.inputs import InputError, count

MEMBER_COLUMNS = ("alliance_id", "country", "joined_year", "left_year")
ALLIANCE_COLUMNS = ("id", "name", "type")


def _table(name: str, frame, columns: tuple[str, ...]) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise InputError(f"{name} must be a pandas DataFrame; got {type(frame).__name__}.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(f"{name} is missing the column(s) {', '.join(missing)}; it needs {', '.join(columns)}.")
    return frame


def _members(members) -> pd.DataFrame:
    """A checked copy of the membership table with numeric year columns."""
    frame = _table("the membership table", members, MEMBER_COLUMNS)
    out = frame.loc[:, list(MEMBER_COLUMNS)].copy()
    if out["country"].isna().any() or out["alliance_id"].isna().any():
        raise InputError("every membership row needs a country and an alliance_id.")
    for column in ("joined_year", "left_year"):
        years = pd.to_numeric(out[column], errors="coerce")
        bad = years.isna() if column == "joined_year" else years.isna() & out[column].notna()
        if bad.any():
            row = out[bad].iloc[0]
            raise InputError(
                f"{column} must be a year (left_year may be empty while still a member); "
                f"got {row[column]!r} for {row['country']} in alliance {row['alliance_id']}."
            )
        if (years.dropna() % 1 != 0).any():
            raise InputError(f"{column} must hold whole years.")
        out[column] = years.astype(float)
    backwards = out["left_year"] < out["joined_year"]
    if backwards.any():
        row = out[backwards].iloc[0]
        raise InputError(
            f"{row['country']} leaves alliance {row['alliance_id']} in {row['left_year']:g}, "
            f"before joining in {row['joined_year']:g}; check the two years."
        )
    return out


def _alliances(alliances) -> pd.DataFrame:
    frame = _table("the alliance table", alliances, ALLIANCE_COLUMNS)
    if frame["id"].duplicated().any():
        dup = frame.loc[frame["id"].duplicated(), "id"].iloc[0]
        raise InputError(f"the alliance table lists id {dup!r} more than once.")
    return frame


def _active(members: pd.DataFrame, year: int) -> pd.DataFrame:
    """Rows active in ``year`` (see the module's convention)."""
    left = members["left_year"]
    mask = (members["joined_year"] <= year) & (left.isna() | (year < left))
    return members[mask]


def graph_for_year(
    members: pd.DataFrame,
    year: int,
    types: str | Collection[str] | None = None,
    alliances: pd.DataFrame | None = None,
) -> nx.Graph:
    """The alliance network in ``year``.

    ``types`` (a type name or a collection of them) keeps only alliances of those
    types; it needs ``alliances``, the id/name/type table, to look types up.
    """
    table = _members(members)
    y = count("year", year)
    active = _active(table, y)
    if types is not None:
        if alliances is None:
            raise InputError("to filter by alliance type, also pass the alliance table (id, name, type).")
        info = _alliances(alliances)
        wanted = {types} if isinstance(types, str) else set(types)
        unknown = wanted - set(info["type"])
        if unknown:
            raise InputError(
                f"unknown alliance type(s) {', '.join(map(str, sorted(unknown, key=str)))}; "
                f"the table has {', '.join(map(str, sorted(set(info['type']), key=str)))}."
            )
        keep = set(info.loc[info["type"].isin(wanted), "id"])
        active = active[active["alliance_id"].isin(keep)]

    return _graph(active["alliance_id"].tolist(), active["country"].tolist(), y)


def _graph(alliance_ids: list, countries: list, year: int) -> nx.Graph:
    """The graph of the active (alliance, country) pairs of ``year``."""
    by_alliance: dict = {}
    for alliance_id, country in zip(alliance_ids, countries):
        by_alliance.setdefault(alliance_id, set()).add(country)
    shared: dict = {}  # (state, state) -> ids of the alliances they share
    for alliance_id in sorted(by_alliance):
        for pair in itertools.combinations(sorted(by_alliance[alliance_id], key=str), 2):
            shared.setdefault(pair, []).append(alliance_id)

    graph = nx.Graph(year=year)
    graph.add_nodes_from(sorted(set(countries), key=str))
    graph.add_edges_from((a, b, {"alliances": ids, "weight": len(ids)}) for (a, b), ids in shared.items())
    return graph


def commitments(members: pd.DataFrame, alliances: pd.DataFrame, country: str, year: int) -> list[str]:
    """Names (sorted) of the alliances ``country`` belongs to in ``year``.

    An empty list means the state is known but had no active alliance that year; a
    country absent from the table raises, since it is most likely a misspelling.
    """
    table = _members(members)
    info = _alliances(alliances)
    y = count("year", year)
    if not (table["country"] == country).any():
        raise InputError(f"{country!r} does not appear in the membership table; check the spelling.")
    active = _active(table, y)
    ids = set(active.loc[active["country"] == country, "alliance_id"].tolist())
    names = dict(zip(info["id"].tolist(), info["name"].tolist()))
    missing = ids - names.keys()
    if missing:
        raise InputError(f"alliance id(s) {sorted(missing, key=str)} are not in the alliance table.")
    return sorted((str(names[i]) for i in ids))


class Timeline:
    """The membership table checked once, for many questions about many years.

    Why: a widget asks for the graph and a state's commitments every time a slider
    moves; checking the tables on every call (as :func:`graph_for_year` and
    :func:`commitments` do) costs tens of milliseconds. ``Timeline`` checks them
    once, answers with numpy masks, and keeps each year's graph once built. Its
    answers are the same as those functions' (same convention, see the module).
    The tables must not be edited afterwards; build a new ``Timeline`` instead.
    """

    def __init__(self, members: pd.DataFrame, alliances: pd.DataFrame):
        table = _members(members)
        info = _alliances(alliances)
        self._ids = table["alliance_id"].to_numpy(dtype=object)
        self._countries = table["country"].to_numpy(dtype=object)
        self._joined = table["joined_year"].to_numpy(dtype=float)
        self._left = table["left_year"].fillna(np.inf).to_numpy(dtype=float)
        self._known = set(self._countries.tolist())
        self._names = dict(zip(info["id"].tolist(), info["name"].tolist()))
        missing = set(self._ids.tolist()) - self._names.keys()
        if missing:
            raise InputError(f"alliance id(s) {sorted(missing, key=str)} are not in the alliance table.")
        self._graphs: dict[int, nx.Graph] = {}

    def _mask(self, year: int) -> np.ndarray:
        return (self._joined <= year) & (year < self._left)

    def graph(self, year: int) -> nx.Graph:
        """Same as :func:`graph_for_year` (without a type filter), cached per year."""
        y = count("year", year)
        if y not in self._graphs:
            mask = self._mask(y)
            self._graphs[y] = _graph(self._ids[mask].tolist(), self._countries[mask].tolist(), y)
        return self._graphs[y]

    def commitments(self, country: str, year: int) -> list[str]:
        """Same as :func:`commitments`."""
        y = count("year", year)
        if country not in self._known:
            raise InputError(f"{country!r} does not appear in the membership table; check the spelling.")
        mask = self._mask(y) & (self._countries == country)
        return sorted(str(self._names[i]) for i in set(self._ids[mask].tolist()))


def circular_layout(members: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Every state on the unit circle, grouped by the first alliance it joined.

    Why: a spring layout of a network with a 32-state clique (NATO) packs that clique
    into a blot where no label can be read. On a circle every state has its own
    place (so labels can be drawn once and never collide) and nothing moves between
    years. Each state is grouped under the first alliance it joined (ties: the
    alliance id); groups follow the year their alliance began, and within a group
    states follow their joining year, then name. So each alliance's members sit
    together and its links form a visible block.
    State ``i`` of ``n`` sits at angle 90° − 360°·i/n (clockwise from the top).
    """
    table = _members(members)
    if table.empty:
        return {}
    rows = sorted(
        zip(table["joined_year"].tolist(), table["alliance_id"].map(str).tolist(), table["country"].map(str).tolist())
    )
    start: dict = {}  # each alliance's first year
    group: dict = {}  # each state's earliest membership (year, alliance)
    for year, alliance, country in rows:
        start.setdefault(alliance, year)
        group.setdefault(country, (year, alliance))
    order = sorted((start[alliance], alliance, year, country) for country, (year, alliance) in group.items())
    n = len(order)
    angles = np.deg2rad(90.0 - 360.0 * np.arange(n) / n)
    return {c: (float(np.cos(t)), float(np.sin(t))) for (_, _, _, c), t in zip(order, angles)}


def counts(graph: nx.Graph) -> tuple[int, int]:
    """(number of states, number of linked pairs); a pair sharing two alliances is one link."""
    if not isinstance(graph, nx.Graph):
        raise InputError(f"counts needs a networkx graph; got {type(graph).__name__}.")
    return graph.number_of_nodes(), graph.number_of_edges()
