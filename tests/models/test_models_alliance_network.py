"""Tests for the alliance network, on a small table whose graphs are worked by hand.

Alliances: 1 North Pact (defense), 2 Southern Entente (entente), 3 Eastern
Neutrality (neutrality). Memberships (left year = first year no longer a member):

    1: A 1950-,      B 1950-1960, C 1955-
    2: B 1950-,      D 1950-1970, E 1965-
    3: A 1960-1980,  D 1960-,     F 1975-,  C 1962-
"""

import itertools
import math
import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from widgets import data
from widgets.models.alliance_network import (
    Network,
    commitments,
    counts,
    graph_for_year,
)
from widgets.models.inputs import InputError

NAN = math.nan
MEMBERS = pd.DataFrame(
    [
        (1, "A", 1950, NAN),
        (1, "B", 1950, 1960),
        (1, "C", 1955, NAN),
        (2, "B", 1950, NAN),
        (2, "D", 1950, 1970),
        (2, "E", 1965, NAN),
        (3, "A", 1960, 1980),
        (3, "D", 1960, NAN),
        (3, "F", 1975, NAN),
        (3, "C", 1962, NAN),
    ],
    columns=["alliance_id", "country", "joined_year", "left_year"],
)
ALLIANCES = pd.DataFrame(
    {
        "id": [1, 2, 3],
        "name": ["North Pact", "Southern Entente", "Eastern Neutrality"],
        "type": ["defense", "entente", "neutrality"],
    }
)


def edges(graph):
    """{frozenset pair: sorted alliance ids} for easy comparison (a Network or the networkx oracle)."""
    if isinstance(graph, nx.Graph):
        return {frozenset((a, b)): sorted(ids) for a, b, ids in graph.edges(data="alliances")}
    return {frozenset(pair): sorted(ids) for pair, ids in graph.links.items()}


def e(a, b):
    return frozenset((a, b))


# Worked by hand from the table above.
EXPECTED = {
    1949: (set(), {}),  # nothing has started yet
    1950: ({"A", "B", "D"}, {e("A", "B"): [1], e("B", "D"): [2]}),
    1955: ({"A", "B", "C", "D"}, {e("A", "B"): [1], e("A", "C"): [1], e("B", "C"): [1], e("B", "D"): [2]}),
    # 1959: B still in alliance 1 (left 1960), same as 1955
    1959: ({"A", "B", "C", "D"}, {e("A", "B"): [1], e("A", "C"): [1], e("B", "C"): [1], e("B", "D"): [2]}),
    # 1960: B has left 1 (left year is not a member year); alliance 3 starts with A, D
    1960: ({"A", "B", "C", "D"}, {e("A", "C"): [1], e("B", "D"): [2], e("A", "D"): [3]}),
    # 1962: C joins 3, so A-C share 1 and 3 (weight 2)
    1962: (
        {"A", "B", "C", "D"},
        {e("A", "C"): [1, 3], e("B", "D"): [2], e("A", "D"): [3], e("C", "D"): [3]},
    ),
    # 1969: D still in 2 (left 1970), E joined 2 in 1965
    1969: (
        {"A", "B", "C", "D", "E"},
        {
            e("A", "C"): [1, 3],
            e("A", "D"): [3],
            e("C", "D"): [3],
            e("B", "D"): [2],
            e("B", "E"): [2],
            e("D", "E"): [2],
        },
    ),
    # 1970: D has left 2
    1970: (
        {"A", "B", "C", "D", "E"},
        {e("A", "C"): [1, 3], e("A", "D"): [3], e("C", "D"): [3], e("B", "E"): [2]},
    ),
    # 1975: F joins 3 = {A, C, D, F}
    1975: (
        {"A", "B", "C", "D", "E", "F"},
        {
            e("A", "C"): [1, 3],
            e("A", "D"): [3],
            e("A", "F"): [3],
            e("C", "D"): [3],
            e("C", "F"): [3],
            e("D", "F"): [3],
            e("B", "E"): [2],
        },
    ),
    # 1979: A still in 3 (left 1980)
    1979: (
        {"A", "B", "C", "D", "E", "F"},
        {
            e("A", "C"): [1, 3],
            e("A", "D"): [3],
            e("A", "F"): [3],
            e("C", "D"): [3],
            e("C", "F"): [3],
            e("D", "F"): [3],
            e("B", "E"): [2],
        },
    ),
    # 1980: A has left 3 = {C, D, F}
    1980: (
        {"A", "B", "C", "D", "E", "F"},
        {e("A", "C"): [1], e("B", "E"): [2], e("C", "D"): [3], e("C", "F"): [3], e("D", "F"): [3]},
    ),
}


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_graph_for_year_matches_hand_worked_sets(year):
    nodes, expected_edges = EXPECTED[year]
    graph = graph_for_year(MEMBERS, year)
    assert set(graph.nodes) == nodes
    assert edges(graph) == expected_edges
    for (a, b), ids in graph.links.items():
        assert a < b and list(ids) == sorted(ids) and graph.shared(b, a) == ids
    assert counts(graph) == (len(nodes), len(expected_edges))


def test_weight_counts_shared_alliances():
    graph = graph_for_year(MEMBERS, 1962)
    assert len(graph.shared("A", "C")) == 2  # alliances 1 and 3
    assert len(graph.shared("D", "A")) == 1
    assert graph.shared("A", "B") == ()  # B left alliance 1 in 1960
    assert graph.year == 1962
    assert graph.neighbors("A") == ("C", "D") and graph.neighbors("B") == ("D",)


def test_row_order_does_not_matter():
    shuffled = MEMBERS.sample(frac=1.0, random_state=3).reset_index(drop=True)
    for year in (1955, 1962, 1975):
        assert edges(graph_for_year(shuffled, year)) == edges(graph_for_year(MEMBERS, year))


def test_lone_member_is_a_node_without_links():
    # Alliance 3 in 1961 alone would be {A, D}; keep only D's row: D is a node, no link.
    lone = pd.DataFrame([(3, "D", 1960, NAN)], columns=MEMBERS.columns)
    graph = graph_for_year(lone, 1961)
    assert set(graph.nodes) == {"D"} and graph.links == {} and graph.neighbors("D") == ()


def test_rejoining_member_counts_only_while_in():
    # E in alliance 2 from 1950 to 1955 and again from 1960; B throughout.
    rows = pd.DataFrame([(2, "B", 1950, NAN), (2, "E", 1950, 1955), (2, "E", 1960, NAN)], columns=MEMBERS.columns)
    assert counts(graph_for_year(rows, 1954)) == (2, 1)
    assert counts(graph_for_year(rows, 1957)) == (1, 0)
    assert edges(graph_for_year(rows, 1960)) == {e("B", "E"): [2]}


def test_filter_by_type():
    # 1975, defense only: alliance 1 = {A, C}
    graph = graph_for_year(MEMBERS, 1975, types="defense", alliances=ALLIANCES)
    assert set(graph.nodes) == {"A", "C"}
    assert edges(graph) == {e("A", "C"): [1]}
    # entente + neutrality in 1975: 2 = {B, E}, 3 = {A, C, D, F}
    graph = graph_for_year(MEMBERS, 1975, types=["entente", "neutrality"], alliances=ALLIANCES)
    assert set(graph.nodes) == {"A", "B", "C", "D", "E", "F"}
    assert graph.shared("A", "C") == (3,)


def test_filter_errors():
    with pytest.raises(InputError, match="alliance table"):
        graph_for_year(MEMBERS, 1975, types="defense")
    with pytest.raises(InputError, match="unknown alliance type"):
        graph_for_year(MEMBERS, 1975, types="defence", alliances=ALLIANCES)


def test_commitments():
    # C in 1975: alliances 1 and 3; names sorted alphabetically
    assert commitments(MEMBERS, ALLIANCES, "C", 1975) == ["Eastern Neutrality", "North Pact"]
    assert commitments(MEMBERS, ALLIANCES, "B", 1959) == ["North Pact", "Southern Entente"]
    assert commitments(MEMBERS, ALLIANCES, "B", 1960) == ["Southern Entente"]  # left 1 in 1960
    assert commitments(MEMBERS, ALLIANCES, "F", 1974) == []  # known state, not yet a member
    with pytest.raises(InputError, match="spelling"):
        commitments(MEMBERS, ALLIANCES, "Atlantis", 1975)
    with pytest.raises(InputError, match="not in the alliance table"):
        commitments(MEMBERS, ALLIANCES.iloc[:2], "F", 1975)


def test_counts():
    graph = Network(2000, ("X", "Y", "Z"), {("X", "Y"): (1, 2)})
    assert counts(graph) == (3, 1)  # a weight-2 pair is still one link
    with pytest.raises(InputError):
        counts([("X", "Y")])


def test_bad_tables_are_explained():
    with pytest.raises(InputError, match="missing the column"):
        graph_for_year(MEMBERS.drop(columns="left_year"), 1960)
    with pytest.raises(InputError, match="DataFrame"):
        graph_for_year(MEMBERS.to_dict(), 1960)
    with pytest.raises(InputError, match="needs 4 values"):
        graph_for_year([(1, "A", 1950)], 1960)
    with pytest.raises(InputError, match="country and an alliance_id"):
        graph_for_year([(1, None, 1950, None)], 1960)
    backwards = MEMBERS.copy()
    backwards.loc[1, "left_year"] = 1940
    with pytest.raises(InputError, match="before joining"):
        graph_for_year(backwards, 1960)
    unknown_year = MEMBERS.copy()
    unknown_year["joined_year"] = unknown_year["joined_year"].astype(object)
    unknown_year.loc[0, "joined_year"] = "soon"
    with pytest.raises(InputError, match="joined_year must be a year"):
        graph_for_year(unknown_year, 1960)
    with pytest.raises(InputError, match="whole number"):
        graph_for_year(MEMBERS, 1960.5)
    with pytest.raises(InputError, match="cannot be negative"):
        graph_for_year(MEMBERS, -5)


# --- Timeline: the same answers as the functions, checked once -------------------

from widgets.models.alliance_network import Timeline  # noqa: E402


def test_timeline_agrees_with_the_functions_in_every_year():
    timeline = Timeline(MEMBERS, ALLIANCES)
    for year in range(1945, 1991):
        expected = graph_for_year(MEMBERS, year)
        got = timeline.graph(year)
        assert sorted(got.nodes) == sorted(expected.nodes), year
        assert got.links == expected.links, year  # the same pairs, with the same shared ids
        for state in "ABCDEF":
            assert timeline.commitments(state, year) == commitments(MEMBERS, ALLIANCES, state, year)


def test_timeline_hand_worked_year_and_cache():
    timeline = Timeline(MEMBERS, ALLIANCES)
    # 1962: alliance 1 {A, C}; 2 {B, D}; 3 {A, D, C}  -> links AC, BD, AD, CD
    g = timeline.graph(1962)
    assert counts(g) == (4, 4)
    assert timeline.graph(1962) is g  # built once
    assert timeline.commitments("B", 1962) == ["Southern Entente"]


def test_timeline_rejects_bad_values():
    timeline = Timeline(MEMBERS, ALLIANCES)
    with pytest.raises(InputError, match="does not appear"):
        timeline.commitments("Atlantis", 1960)
    with pytest.raises(InputError):
        timeline.graph(-5)
    with pytest.raises(InputError, match="not in the alliance table"):
        Timeline(MEMBERS, ALLIANCES[ALLIANCES["id"] != 3])
    with pytest.raises(InputError, match="more than once"):
        Timeline(MEMBERS, pd.concat([ALLIANCES, ALLIANCES.iloc[:1]]))


def test_circular_layout_orders_states_by_first_membership():
    from widgets.models.alliance_network import circular_layout

    pos = circular_layout(MEMBERS)
    assert set(pos) == set("ABCDEF")
    for x, y in pos.values():
        assert math.isclose(x * x + y * y, 1.0)
    # first memberships: A 1950 in 1, B 1950 in 1, C 1955 in 1, D 1950 in 2, E 1965 in 2,
    # F 1975 in 3; alliances 1 and 2 begin in 1950 (tie: id), 3 in 1960.
    angle = {s: math.atan2(y, x) for s, (x, y) in pos.items()}
    order = sorted(pos, key=lambda s: (-(angle[s] - math.pi / 2)) % (2 * math.pi))
    assert order == ["A", "B", "C", "D", "E", "F"]
    assert pos["A"] == pytest.approx((0.0, 1.0))  # the first state at the top
    assert circular_layout(MEMBERS) == pos  # deterministic


# --- the oracle: the library version (pandas + networkx + numpy) this model replaced ---------


def oracle_graph(members: pd.DataFrame, year: int, types=None, alliances=None) -> nx.Graph:
    """The network as the course computed it with pandas and networkx before the port."""
    left = pd.to_numeric(members["left_year"], errors="coerce").astype(float)
    joined = pd.to_numeric(members["joined_year"], errors="coerce").astype(float)
    active = members[(joined <= year) & (left.isna() | (year < left))]
    if types is not None:
        wanted = {types} if isinstance(types, str) else set(types)
        active = active[active["alliance_id"].isin(set(alliances.loc[alliances["type"].isin(wanted), "id"]))]
    graph = nx.Graph(year=year)
    graph.add_nodes_from(active["country"])
    for alliance_id, rows in active.groupby("alliance_id"):
        for a, b in itertools.combinations(sorted(set(rows["country"]), key=str), 2):
            if graph.has_edge(a, b):
                graph[a][b]["alliances"].append(alliance_id)
            else:
                graph.add_edge(a, b, alliances=[alliance_id])
    return graph


def oracle_commitments(members: pd.DataFrame, alliances: pd.DataFrame, year: int) -> dict[str, list[str]]:
    """Every state's commitments in ``year`` (sorted names), by pandas: states with none are absent."""
    left = members["left_year"].astype(float)
    active = members[(members["joined_year"].astype(float) <= year) & (left.isna() | (year < left))]
    names = active.merge(alliances[["id", "name"]], left_on="alliance_id", right_on="id")
    return {str(c): sorted(set(rows["name"].astype(str))) for c, rows in names.groupby("country")}


def oracle_layout(members: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """The numpy layout: states ordered by (first year of their first alliance, its id, joined, name)."""
    table = members.assign(joined=members["joined_year"].astype(float), alliance=members["alliance_id"].astype(str))
    start = table.groupby("alliance")["joined"].min()
    first = table.sort_values(["joined", "alliance", "country"]).drop_duplicates("country")
    first = first.assign(start=first["alliance"].map(start)).sort_values(["start", "alliance", "joined", "country"])
    angles = np.deg2rad(90.0 - 360.0 * np.arange(len(first)) / len(first))
    return {str(c): (float(np.cos(t)), float(np.sin(t))) for c, t in zip(first["country"], angles)}


def assert_same(got: Network, expected: nx.Graph) -> None:
    assert set(got.nodes) == set(expected.nodes) and len(got.nodes) == expected.number_of_nodes()
    assert edges(got) == edges(expected)
    assert counts(got) == (expected.number_of_nodes(), expected.number_of_edges())
    for state in expected.nodes:
        assert set(got.neighbors(state)) == set(expected.neighbors(state))


def real_tables():
    return data.load("alliance_members"), data.load("alliances")


@pytest.mark.parametrize("year", range(1945, 2027))
def test_the_network_agrees_with_networkx_on_the_real_dataset(year):
    members, alliances = real_tables()
    assert_same(graph_for_year(members, year), oracle_graph(members, year))
    for types in ("collective_defense_multilateral", ("collective_defense_bilateral", "consultation_or_partnership")):
        assert_same(
            graph_for_year(members, year, types=types, alliances=alliances),
            oracle_graph(members, year, types, alliances),
        )


def test_the_timeline_agrees_with_pandas_on_every_state_and_year_of_the_real_dataset():
    members, alliances = real_tables()
    timeline = Timeline(members, alliances)
    rows = [tuple(r) for r in members[["alliance_id", "country", "joined_year", "left_year"]].itertuples(index=False)]
    plain = Timeline([(str(a), str(c), int(j), None if pd.isna(x) else int(x)) for a, c, j, x in rows], alliances)
    states = sorted(set(members["country"]))
    for year in range(1945, 2027, 3):
        expected = oracle_graph(members, year)
        assert_same(timeline.graph(year), expected)
        assert edges(plain.graph(year)) == edges(expected)  # plain rows read as the DataFrame
        held = oracle_commitments(members, alliances, year)
        for state in states:
            assert timeline.commitments(state, year) == held.get(state, []), (state, year)


def test_the_layout_agrees_with_numpy():
    members, _ = real_tables()
    from widgets.models.alliance_network import circular_layout

    for table in (members, MEMBERS):
        got, expected = circular_layout(table), oracle_layout(table)
        assert list(got) == list(expected)  # the same order round the circle
        for state, point in expected.items():
            assert got[state] == pytest.approx(point, abs=1e-12)


def test_random_tables_agree_with_networkx():
    """Random memberships (seeded): joins, exits, rejoins, lone members, empty years."""
    rng = random.Random(15)
    for trial in range(40):
        rows = []
        for _ in range(rng.randint(0, 25)):
            joined = rng.randint(1940, 2000)
            left = rng.choice([math.nan, joined, joined + rng.randint(1, 40)])
            rows.append((rng.randint(1, 5), rng.choice("ABCDEFGHIJ"), joined, left))
        table = pd.DataFrame(rows, columns=MEMBERS.columns)
        for year in range(1938, 2045, 7):
            assert_same(graph_for_year(table, year), oracle_graph(table, year))
            assert_same(graph_for_year(rows, year), oracle_graph(table, year))  # the same rows, plain
