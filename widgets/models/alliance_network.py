"""The web of alliance commitments in a given year, as a network.

Why: "who is committed to whom" is easier to see as a graph than as a table, and
its growth and rewiring over time is the story of the alliances chapter.

Data: a membership table with columns ``alliance_id``, ``country``,
``joined_year``, ``left_year`` (empty while still a member) and an alliance table
with columns ``id``, ``name``, ``type``. A table is a pandas DataFrame or plain
rows (tuples in that column order, or mappings); the model reads both with the
standard library only, so the same code runs in the kernel and in the browser.
A state may appear twice in one alliance if it left and rejoined.

Convention: a membership is *active in year Y* if ``joined_year <= Y`` and
(``left_year`` is empty or ``Y < left_year``). So ``left_year`` is the first year
the state is no longer a member, and a row with ``left_year == joined_year`` is
never active. Years are whole numbers.

Graph (a :class:`Network`): nodes are the states with at least one active
membership; two states are linked if they share at least one active alliance.
Each link carries the sorted ids of the alliances the pair shares (its weight is
how many). A state whose alliance has no other active member is a node without links.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from widgets.models.inputs import InputError, count

MEMBER_COLUMNS = ("alliance_id", "country", "joined_year", "left_year")
ALLIANCE_COLUMNS = ("id", "name", "type")

#: One checked membership: (alliance id, country, year joined, first year no longer a member or None).
Membership = tuple[object, str, int, "int | None"]


def _missing(value) -> bool:
    """Empty: None, NaN, or pandas' NA/NaT (whose comparisons are ambiguous or false)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:  # pandas.NA: "NA != NA" is NA, which has no truth value
        return True


def _rows(name: str, table, columns: tuple[str, ...]) -> list[tuple]:
    """A table's rows as tuples of ``columns``: a DataFrame (read by its columns) or plain rows."""
    if hasattr(table, "columns") and hasattr(table, "__getitem__"):  # a pandas DataFrame, not imported
        missing = [c for c in columns if c not in table.columns]
        if missing:
            raise InputError(f"{name} is missing the column(s) {', '.join(missing)}; it needs {', '.join(columns)}.")
        return list(zip(*(table[c].tolist() for c in columns)))
    if isinstance(table, (str, bytes, Mapping)) or not isinstance(table, Iterable):
        raise InputError(
            f"{name} must be a table (a pandas DataFrame, or rows of {', '.join(columns)}); got {type(table).__name__}."
        )
    out = []
    for row in table:
        if isinstance(row, Mapping):
            missing = [c for c in columns if c not in row]
            if missing:
                raise InputError(
                    f"{name} is missing the column(s) {', '.join(missing)}; it needs {', '.join(columns)}."
                )
            row = tuple(row[c] for c in columns)
        else:
            row = tuple(row)
            if len(row) != len(columns):
                raise InputError(f"each row of {name} needs {len(columns)} values ({', '.join(columns)}); got {row!r}.")
        out.append(row)
    return out


def _year(value) -> float | None:
    """A year as a number (a numeric string counts), or None if it is not one."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _members(members) -> list[Membership]:
    """The membership table checked, with whole-number years (``left`` None while still a member)."""
    rows = _rows("the membership table", members, MEMBER_COLUMNS)
    if any(_missing(i) or _missing(c) for i, c, _, _ in rows):
        raise InputError("every membership row needs a country and an alliance_id.")
    years = {}
    for k, column in ((2, "joined_year"), (3, "left_year")):
        values = []
        for row in rows:
            if column == "left_year" and _missing(row[k]):
                values.append(None)
                continue
            value = _year(row[k])
            if value is None or value != value:
                raise InputError(
                    f"{column} must be a year (left_year may be empty while still a member); "
                    f"got {row[k]!r} for {row[1]} in alliance {row[0]}."
                )
            values.append(value)
        if any(v is not None and v % 1 != 0 for v in values):
            raise InputError(f"{column} must hold whole years.")
        years[column] = [None if v is None else int(v) for v in values]
    out = []
    for (alliance_id, country, _, _), joined, left in zip(rows, years["joined_year"], years["left_year"]):
        if left is not None and left < joined:
            raise InputError(
                f"{country} leaves alliance {alliance_id} in {left}, before joining in {joined}; check the two years."
            )
        out.append((alliance_id, country, joined, left))
    return out


def _alliances(alliances) -> list[tuple]:
    """The alliance table's (id, name, type) rows, each id once."""
    rows = _rows("the alliance table", alliances, ALLIANCE_COLUMNS)
    seen = set()
    for alliance_id, _, _ in rows:
        if alliance_id in seen:
            raise InputError(f"the alliance table lists id {alliance_id!r} more than once.")
        seen.add(alliance_id)
    return rows


def _active(members: Iterable[Membership], year: int) -> list[Membership]:
    """Rows active in ``year`` (see the module's convention)."""
    return [row for row in members if row[2] <= year and (row[3] is None or year < row[3])]


@dataclass(frozen=True)
class Network:
    """The alliance network of one year.

    ``nodes``: the states, sorted; ``links``: (state, state) in sorted order -> the
    sorted ids of the alliances the two share (its length is the link's weight).
    """

    year: int
    nodes: tuple[str, ...]
    links: dict[tuple[str, str], tuple] = field(default_factory=dict)

    def __contains__(self, state) -> bool:
        return state in self.nodes

    def neighbors(self, state: str) -> tuple[str, ...]:
        """The states linked to ``state``, sorted."""
        return tuple(sorted((b if a == state else a for a, b in self.links if state in (a, b)), key=str))

    def shared(self, a: str, b: str) -> tuple:
        """The ids of the alliances ``a`` and ``b`` share (empty if not linked)."""
        return self.links.get((a, b)) or self.links.get((b, a)) or ()


def graph_for_year(members, year: int, types: str | Collection[str] | None = None, alliances=None) -> Network:
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
        known = {t for _, _, t in info}
        unknown = wanted - known
        if unknown:
            raise InputError(
                f"unknown alliance type(s) {', '.join(map(str, sorted(unknown, key=str)))}; "
                f"the table has {', '.join(map(str, sorted(known, key=str)))}."
            )
        keep = {i for i, _, t in info if t in wanted}
        active = [row for row in active if row[0] in keep]
    return _graph([row[0] for row in active], [row[1] for row in active], y)


def _graph(alliance_ids: list, countries: list, year: int) -> Network:
    """The network of the active (alliance, country) pairs of ``year``."""
    by_alliance: dict = {}
    for alliance_id, country in zip(alliance_ids, countries):
        by_alliance.setdefault(alliance_id, set()).add(country)
    shared: dict = {}  # (state, state) -> ids of the alliances they share
    for alliance_id in sorted(by_alliance):
        for pair in itertools.combinations(sorted(by_alliance[alliance_id], key=str), 2):
            shared.setdefault(pair, []).append(alliance_id)
    nodes = tuple(sorted(set(countries), key=str))
    return Network(year, nodes, {pair: tuple(ids) for pair, ids in shared.items()})


def commitments(members, alliances, country: str, year: int) -> list[str]:
    """Names (sorted) of the alliances ``country`` belongs to in ``year``.

    An empty list means the state is known but had no active alliance that year; a
    country absent from the table raises, since it is most likely a misspelling.
    """
    return Timeline(members, alliances, check_ids=False).commitments(country, year)


class Timeline:
    """The membership table checked once, for many questions about many years.

    Why: a widget asks for the graph and a state's commitments every time a slider
    moves; checking the tables on every call (as :func:`graph_for_year` and
    :func:`commitments` do) repeats work. ``Timeline`` checks them once and keeps
    each year's graph once built. Its answers are the same as those functions'
    (same convention, see the module). ``check_ids`` (the default) refuses, at
    once, memberships of an alliance the alliance table does not list.
    """

    def __init__(self, members, alliances, check_ids: bool = True):
        self._rows = _members(members)
        self._names = {i: name for i, name, _ in _alliances(alliances)}
        self._known = {row[1] for row in self._rows}
        missing = {row[0] for row in self._rows} - self._names.keys()
        if check_ids and missing:
            raise InputError(f"alliance id(s) {sorted(missing, key=str)} are not in the alliance table.")
        self._graphs: dict[int, Network] = {}

    def graph(self, year: int) -> Network:
        """Same as :func:`graph_for_year` (without a type filter), cached per year."""
        y = count("year", year)
        if y not in self._graphs:
            active = _active(self._rows, y)
            self._graphs[y] = _graph([row[0] for row in active], [row[1] for row in active], y)
        return self._graphs[y]

    def commitments(self, country: str, year: int) -> list[str]:
        """Same as :func:`commitments`."""
        y = count("year", year)
        if country not in self._known:
            raise InputError(f"{country!r} does not appear in the membership table; check the spelling.")
        ids = {row[0] for row in _active(self._rows, y) if row[1] == country}
        missing = ids - self._names.keys()
        if missing:
            raise InputError(f"alliance id(s) {sorted(missing, key=str)} are not in the alliance table.")
        return sorted(str(self._names[i]) for i in ids)


def circular_layout(members) -> dict[str, tuple[float, float]]:
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
    rows = sorted((joined, str(alliance), str(country)) for alliance, country, joined, _ in table)
    start: dict = {}  # each alliance's first year
    group: dict = {}  # each state's earliest membership (year, alliance)
    for year, alliance, country in rows:
        start.setdefault(alliance, year)
        group.setdefault(country, (year, alliance))
    order = sorted((start[alliance], alliance, year, country) for country, (year, alliance) in group.items())
    n = len(order)
    angles = [math.radians(90.0 - 360.0 * i / n) for i in range(n)]
    return {c: (math.cos(t), math.sin(t)) for (_, _, _, c), t in zip(order, angles)}


def counts(graph: Network) -> tuple[int, int]:
    """(number of states, number of linked pairs); a pair sharing two alliances is one link."""
    if not isinstance(graph, Network):
        raise InputError(f"counts needs an alliance network (from graph_for_year); got {type(graph).__name__}.")
    return len(graph.nodes), len(graph.links)
