"""Exercises of the alliances chapter ("Alliances and collective defense")."""

from widgets.check import Exercise
from widgets.models import alliance_deterrence, alliance_network
from widgets.tables.alliances import network_tables

#: The network exercise's year and the two arrangements it compares.
NETWORK_YEAR = 1960
COMPARED = ("rio_treaty", "nato")

#: Answer options for the comparison: label -> ratio of links (Rio / NATO) it stands for.
RATIO_CHOICES = {
    "about the same number": 1.0,
    "about one and a half times as many": 1.5,
    "about twice as many": 2.0,
    "about three times as many": 3.0,
}

#: The deterrence exercise's setting (the threshold question).
THRESHOLD_SETTING = dict(prize=1.0, defender=0.5, ally=2.0, cost=0.4, aggressor=1.0)

#: The selection exercise: allies' reliabilities spread evenly over [0, 1] (midpoints of
#: equal bins), aggressors see them, and every dyad has the threshold of SELECTION_SETTING.
SELECTION_SETTING = dict(prize=1.0, defender=0.5, ally=3.0, cost=0.3, aggressor=1.0)
SELECTION_GRID = tuple((i + 0.5) / 1000 for i in range(1000))

#: The coding exercise: treaty articles (quoted in the chapter) -> the obligation they contain,
#: coded with ATOP's definitions (Leeds et al. 2002): "defense" = a promise of active military
#: support if a party is attacked, "consultation" = a promise only to consult. Coded by the course
#: from the treaty texts (sources in the chapter); ATOP's own codes were not checked.
ARTICLES = {
    "NATO Art. 4": "consultation",  # "The Parties will consult together whenever ..."
    "NATO Art. 5": "defense",  # "... will assist the Party or Parties so attacked ..."
    "SEATO Art. IV(1)": "defense",  # "... act to meet the common danger ..."
    "SEATO Art. IV(2)": "consultation",  # "... the Parties shall consult immediately ..."
    "CST Art. 4": "defense",  # "... provide it with necessary assistance, including military ..."
    "US-Japan 1960 Art. V": "defense",  # "... would act to meet the common danger ..."
}


def pairs_by_arrangement(year: int) -> dict[str, int]:
    """Linked pairs each arrangement supplies in ``year``: n(n-1)/2 for its n active members."""
    members, _ = network_tables()
    active = members[(members["joined_year"] <= year) & (members["left_year"].isna() | (members["left_year"] > year))]
    n = active.groupby("alliance_id")["iso3"].nunique()
    return {key: int(k * (k - 1) // 2) for key, k in n.items()}


def links_ratio_choice() -> str:
    pairs = pairs_by_arrangement(NETWORK_YEAR)
    ratio = pairs[COMPARED[0]] / pairs[COMPARED[1]]
    return min(RATIO_CHOICES, key=lambda label: abs(RATIO_CHOICES[label] - ratio))


def selection_threshold() -> float:
    return alliance_deterrence.deterrence(reliability=0.5, **SELECTION_SETTING).threshold


def observed_honour_rate() -> float:
    """Honour rate a study of the wars that broke out would record in the selection setting."""
    return alliance_deterrence.wartime_selection(SELECTION_GRID, selection_threshold()).observed_mean


def links_in(year: int) -> int:
    """Number of linked pairs in the chapter's network (the widget's arrangements) in ``year``."""
    members, _ = network_tables()
    return alliance_network.counts(alliance_network.graph_for_year(members, year))[1]


def threshold() -> float:
    return alliance_deterrence.deterrence(reliability=0.5, **THRESHOLD_SETTING).threshold


def defence_articles() -> list[str]:
    return [label for label, obligation in ARTICLES.items() if obligation == "defense"]


LINKS_RATIO = Exercise(
    id="alliances-links-ratio",
    expected=links_ratio_choice,
    kind="choice",
    choices=tuple(RATIO_CHOICES),
    hint="set the network to 1960 and count the members of each treaty (the state menu lists a state's "
    "arrangements), or count the coloured lines. In a multilateral treaty every member is linked "
    "to every other, so n members make n(n-1)/2 links: links grow with the square of membership.",
)

THRESHOLD = Exercise(
    id="alliances-threshold",
    expected=threshold,
    kind="number",
    tolerance=0.01,
    hint="set V = 1, D = 0.5, A = 2 and C = 0.4 in the deterrence widget and read r*, or solve "
    "EU(attack) = 0 for r: r* = (V·p0 − C) / (V·(p0 − p1)) with p0 = a/(a+D), p1 = a/(a+D+A).",
)

OBLIGATION = Exercise(
    id="alliances-obligation",
    expected=defence_articles,
    kind="set",
    hint="ask of each article what a party must do if another party is attacked. A promise to act, "
    "assist or meet the danger is a defence obligation even when it adds 'in accordance with its "
    "constitutional processes' or leaves the means to each party; a promise to talk is consultation.",
)

SELECTION = Exercise(
    id="alliances-selection",
    expected=observed_honour_rate,
    kind="number",
    tolerance=0.01,
    hint="which alliances are tested by war? Only those the aggressor judged unreliable enough to attack "
    "(belief below r*). Work out r* for this setting, then the average reliability of only those "
    "alliances: with reliabilities spread evenly from 0 to 1, the ones below r* average r*/2.",
)

#: The chapter's exercises, in the order the chapter asks them (what `widgets.check` reads).
EXERCISES = (
    LINKS_RATIO,
    THRESHOLD,
    OBLIGATION,
    SELECTION,
)
