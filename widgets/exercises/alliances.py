"""Exercises of the alliances chapter ("Alliances and collective defense")."""

from widgets import data
from widgets.check import Exercise, register
from widgets.models import alliance_deterrence, alliance_network

#: The network exercise's year.
NETWORK_YEAR = 1960

#: The deterrence exercise's setting (the threshold question).
THRESHOLD_SETTING = dict(prize=1.0, defender=0.5, ally=2.0, cost=0.4, aggressor=1.0)

#: The classification exercise: option label -> id in the alliances dataset (None: not in it).
#: The UN Charter is the course's example of collective security, not an alliance.
TREATIES = {"NATO": "nato", "Rio Treaty": "rio_treaty", "CSTO": "csto", "ARF": "arf", "UN Charter": None}


def links_in(year: int) -> int:
    """Number of linked pairs in the chapter's network (the widget's arrangements) in ``year``."""
    from widgets.alliances import network_tables

    members, _ = network_tables()
    return alliance_network.counts(alliance_network.graph_for_year(members, year))[1]


def threshold() -> float:
    return alliance_deterrence.deterrence(reliability=0.5, **THRESHOLD_SETTING).threshold


def collective_defense() -> list[str]:
    alliances = data.load("alliances").set_index("id")
    return [label for label, key in TREATIES.items()
            if key is not None and str(alliances.loc[key, "type"]).startswith("collective_defense")]


register(Exercise(
    id="alliances-links-1960",
    expected=lambda: links_in(NETWORK_YEAR),
    kind="number",
    hint="set the network's year slider to 1960 and read the number of links in the sentence under "
         "the figure, or count with alliance_network.counts(graph_for_year(members, 1960)).",
))

register(Exercise(
    id="alliances-threshold",
    expected=threshold,
    kind="number",
    tolerance=0.01,
    hint="set V = 1, D = 0.5, A = 2 and C = 0.4 in the deterrence widget and read r*, or solve "
         "EU(attack) = 0 for r: r* = (V·p0 − C) / (V·(p0 − p1)) with p0 = a/(a+D), p1 = a/(a+D+A).",
))

register(Exercise(
    id="alliances-collective-defense",
    expected=collective_defense,
    kind="set",
    hint="a collective-defense treaty promises mutual defence among its members against attack from "
         "outside; a forum without a defence commitment is not one, and neither is a system in which all "
         "act against any aggressor. A name with 'security' in it can still be a defence pact.",
))
