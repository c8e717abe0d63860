"""The alliance datasets: values checked by hand against the quotes in their cited sources."""

from __future__ import annotations

import pandas as pd

from widgets import data


def _alliances():
    return data.load("alliances").set_index("id")


def _members():
    return data.load("alliance_members")


def _row(members, alliance, country):
    rows = members[(members["alliance_id"] == alliance) & (members["country"] == country)]
    assert len(rows) == 1, f"{country} in {alliance}: {len(rows)} rows"
    return rows.iloc[0]


def test_warsaw_pact_dates():
    # Britannica: "Warsaw Pact, (May 14, 1955–July 1, 1991)"; "Albania withdrew in 1968,
    # and East Germany did so in 1990".
    a = _alliances()
    assert str(a.loc["warsaw_pact", "signed"].date()) == "1955-05-14"
    assert a.loc["warsaw_pact", "end_year"] == 1991
    assert pd.isna(a.loc["warsaw_pact", "in_force_year"])  # UNVERIFIED in sources.md, left blank
    m = _members()
    assert _row(m, "warsaw_pact", "Albania")["left_year"] == 1968
    assert _row(m, "warsaw_pact", "East Germany")["left_year"] == 1990
    assert (m["alliance_id"] == "warsaw_pact").sum() == 8  # USSR + 7 "composed originally"


def test_cento_iraq_left_in_1959():
    # "led to Iraq's formal withdrawal from the pact in March 1959"; signed 24 Feb 1955.
    m = _members()
    assert _row(m, "cento", "Iraq")["left_year"] == 1959
    assert str(_alliances().loc["cento", "signed"].date()) == "1955-02-24"
    assert "United States" not in set(m.loc[m["alliance_id"] == "cento", "country"])  # never a full party


def test_treaty_dates_from_depositaries_and_governments():
    a = _alliances()
    # OAS B-29: "ADOPTED AT: RIO DE JANEIRO ... DATE: 09/02/47 ... ENTRY INTO FORCE: 12/03/48" (US format)
    assert str(a.loc["rio_treaty", "signed"].date()) == "1947-09-02"
    assert a.loc["rio_treaty", "in_force_year"] == 1948
    # American Presidency Project: "signed at Washington on October 1, 1953" ... "entered into force November 17, 1954"
    assert str(a.loc["us_rok", "signed"].date()) == "1953-10-01" and a.loc["us_rok", "in_force_year"] == 1954
    # US Embassy Tokyo: "on June 23, 1960, the Treaty of Mutual Cooperation and Security ... entered into force"
    assert a.loc["us_japan_1960", "in_force_year"] == 1960
    # SEATO "disbanded in 1977"; signed "8 September 1954"
    assert a.loc["seato", "end_year"] == 1977 and str(a.loc["seato", "signed"].date()) == "1954-09-08"
    # The Quad's first meeting (2007) is UNVERIFIED: left blank.
    assert pd.isna(a.loc["quad", "in_force_year"])


def test_membership_details():
    m = _members()
    # World Book: "Pakistan had been a founding member but withdrew in 1973."
    assert _row(m, "seato", "Pakistan")["left_year"] == 1973
    # Uzbekistan in the CSTO: 1992-1999, then 2006-2012 (two rows).
    uzb = m[(m["alliance_id"] == "csto") & (m["country"] == "Uzbekistan")].sort_values("joined_year")
    assert uzb["joined_year"].tolist() == [1992, 2006] and uzb["left_year"].tolist() == [1999, 2012]
    # Armenia "frozen" participation without formal withdrawal: still a member in the data.
    assert pd.isna(_row(m, "csto", "Armenia")["left_year"])


def test_france_in_seato_rests_on_the_1974_embassy_telegram():
    # US Embassy Bangkok, 3 Aug 1974: France's "decision not to contribute to organization's
    # budget after June 30"; its note of 8 July "reaffirms that GOF has not renounced the
    # Manila Pact". So France stays a member until the organization's dissolution (1977).
    france = _row(_members(), "seato", "France")
    assert "USEMB_BKK_1974" in france["source"].split(";")
    assert france["left_year"] == 1977


def test_csto_rows_rest_on_no_wikipedia_copy():
    # Loose end: the CSTO rows used to rest on a 2006 Wikipedia revision and mirrors. Now:
    # Gibler 4.1442 (Georgia "December 9, 1993", Belarus "December 31, 1993"; Azerbaijan,
    # Georgia and Uzbekistan "left the alliance on April 20, 1999"), RIA Novosti (Azerbaijan
    # in September 1993, Georgia and Belarus in December), TASS and PanARMENIAN for Uzbekistan.
    titles = {}
    for name in ("alliances", "alliance_members"):
        titles.update({s["id"]: s["title"] for s in data.resource(name)["sources"]})
    csto_sources = set(_alliances().loc["csto", "source"].split(";"))
    m = _members()
    for ids in m.loc[m["alliance_id"] == "csto", "source"]:
        csto_sources |= set(ids.split(";"))
    assert not [i for i in csto_sources if "wikipedia" in titles[i].lower()]
    georgia = _row(m, "csto", "Georgia")
    assert (georgia["joined_year"], georgia["left_year"]) == (1993, 1999)
    assert "GIBLER_2009_CST" in georgia["source"].split(";")


def test_nato_rows_agree_with_nato_members():
    m = _members()
    nato = m[m["alliance_id"] == "nato"].set_index("country")
    source = data.load("nato_members").set_index("country")
    assert len(nato) == 32
    assert (nato["joined_year"] == source.loc[nato.index, "accession_date"].dt.year).all()
    assert nato.loc["Sweden", "joined_year"] == 2024 and nato.loc["Germany", "joined_year"] == 1955
    assert nato["left_year"].isna().all()


def test_every_member_row_points_at_a_known_alliance():
    assert set(_members()["alliance_id"]) <= set(_alliances().index)


def test_rio_treaty_has_all_23_parties_from_the_primary_sources():
    # Typed by hand from 62 Stat. 1681 (19 signatories of 2 Sep 1947 plus Nicaragua, 15 Oct 1948;
    # US ratification deposited 30 Dec 1947, treaty in force 3 Dec 1948) and Gibler (2009) 4.1333
    # (Ecuador; Trinidad and Tobago entered 6 Apr 1967; Bahamas 1982; Cuba until 22 Jan 1962).
    m = _members()
    rio = m[m["alliance_id"] == "rio_treaty"]
    assert len(rio) == 23 and rio["iso3"].is_unique
    assert set(rio["iso3"]) >= {"USA", "MEX", "CUB", "NIC", "VEN", "TTO", "BHS", "PER", "URY", "HTI"}
    assert _row(m, "rio_treaty", "United States")["joined_year"] == 1948
    cuba = _row(m, "rio_treaty", "Cuba")
    assert cuba["joined_year"] == 1948 and cuba["left_year"] == 1962
    assert _row(m, "rio_treaty", "Mexico")["left_year"] == 2004  # notice 6 Sep 2002 + 2 years (Art. 25)
    assert _row(m, "rio_treaty", "Trinidad and Tobago")["joined_year"] == 1967
    assert _row(m, "rio_treaty", "Bahamas")["joined_year"] == 1982
    # withdrawals announced in 2012 whose effective dates are unverified stay open
    assert pd.isna(_row(m, "rio_treaty", "Venezuela")["left_year"])


def test_us_roc_treaty_from_the_treaty_series_and_the_notice_of_termination():
    # UNTS vol. 248, No. 3496: "signed at Washington, on 2 December 1954"; Art. X: "Either Party may
    # terminate it one year after notice". US treaty compilation: "Entered into force March 3, 1955".
    # FRUS 1977-80 XIII doc. 180: notice "effective on and as of January 1, 1979 ... the Treaty will
    # terminate one year after that date", so the first year without the treaty is 1980.
    a = _alliances()
    assert str(a.loc["us_roc", "signed"].date()) == "1954-12-02"
    assert (a.loc["us_roc", "in_force_year"], a.loc["us_roc", "end_year"]) == (1955, 1980)
    assert a.loc["us_roc", "type"] == "collective_defense_bilateral"  # Gibler 4.1358: Type I
    m = _members()
    roc = m[m["alliance_id"] == "us_roc"].set_index("iso3")
    assert sorted(roc.index) == ["TWN", "USA"]
    assert (roc["joined_year"] == 1955).all() and (roc["left_year"] == 1980).all()
