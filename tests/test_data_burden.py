"""The burden-sharing datasets, checked by hand against the cited releases.

Expected values are typed from the rows quoted in the research notes
(NATO's June 2024 release as copied by J. Voss and Graphic News GN46054; World
Bank WDI NY.GDP.MKTP.KD as republished by Our World in Data), not from the CSVs.
"""

from __future__ import annotations

import pytest

from widgets import data

RELEASE = "NATO 2014-2024 (June 2024)"


@pytest.fixture(scope="module")
def share():
    return data.load("nato_defence_share")


@pytest.fixture(scope="module")
def gdp():
    return data.load("gdp")


def value(frame, column, country, year):
    row = frame[(frame["country"] == country) & (frame["year"] == year)]
    assert len(row) == 1, f"{country} {year}: {len(row)} rows"
    return row[column].iloc[0]


def test_only_the_june_2024_release(share):
    assert set(share["release"]) == {RELEASE}
    assert sorted(set(share["year"])) == [2014, 2024]
    assert len(share) == 62  # 31 Allies x 2 years


def test_31_allies_iceland_has_no_figure(share):
    assert share["country"].nunique() == 31
    assert "ISL" not in set(share["iso3"])


def test_2024_is_marked_as_estimate(share):
    assert share.loc[share["year"] == 2024, "is_estimate"].all()
    assert not share.loc[share["year"] == 2014, "is_estimate"].any()


@pytest.mark.parametrize(
    "country, year, expected",
    [
        # Graphic News GN46054: "Poland 1.88 4.12 Estonia 1.93 3.43 ... Slovakia 0.98 2.00 Croatia 1.81 1.81 ... Spain 0.92 1.28"
        ("Poland", 2014, 1.88),
        ("Poland", 2024, 4.12),
        ("Estonia", 2014, 1.93),
        ("Estonia", 2024, 3.43),
        ("Slovak Republic", 2014, 0.98),
        ("Slovak Republic", 2024, 2.00),
        ("Croatia", 2014, 1.81),
        ("Croatia", 2024, 1.81),
        ("Spain", 2014, 0.92),
        ("Spain", 2024, 1.28),
        # J. Voss's copy of NATO's Table 3: Germany 1,18515 ... 2,118977; United States 3,71392 ... 3,379021
        ("Germany", 2014, 1.19),
        ("Germany", 2024, 2.12),
        ("United States", 2014, 3.71),
        ("United States", 2024, 3.38),
        # European Pravda, 18 June 2024 (top five): Latvia 3.15, Greece 3.08
        ("Latvia", 2024, 3.15),
        ("Greece", 2024, 3.08),
    ],
)
def test_shares_match_the_release(share, country, year, expected):
    assert value(share, "defence_share_gdp_pct", country, year) == pytest.approx(expected, abs=1e-9)


def test_count_at_or_above_two_percent(share):
    at_or_above = share[share["defence_share_gdp_pct"] >= 2.0]
    # NATO: "only three Allies met the target" in 2014: the US, Greece and the UK.
    assert set(at_or_above.loc[at_or_above["year"] == 2014, "country"]) == {"United States", "Greece", "United Kingdom"}
    # Graphic News: "23 of the 32 members are projected to meet the alliance's target".
    assert (at_or_above["year"] == 2024).sum() == 23


def test_every_share_cites_both_copies(share):
    assert set(share["source"]) == {"JV2024;GN46054"}


def test_gdp_covers_all_32_allies(gdp):
    assert len(gdp) == 64
    assert gdp["iso3"].nunique() == 32 and "ISL" in set(gdp["iso3"])
    assert gdp["release"].nunique() == 1


@pytest.mark.parametrize(
    "country, year, expected",
    [
        # quoted rows: "United States,USA,2014,17685097277697" etc.
        ("United States", 2014, 17685097277697),
        ("United States", 2024, 22568462768174),
        ("Germany", 2014, 3369071713224),
        ("Germany", 2024, 3677048776153),
        ("Poland", 2014, 459682079851),
        ("Poland", 2024, 658084600079),
        ("Slovak Republic", 2014, 84789118561),
        ("Türkiye", 2024, 1316562171166),
        ("Montenegro", 2024, 5324908668),
        ("Czechia", 2024, 222958017484),
        ("Lithuania", 2024, 55144866855),
    ],
)
def test_gdp_matches_the_cited_copy(gdp, country, year, expected):
    assert value(gdp, "gdp_constant_2015_usd", country, year) == expected


def test_gdp_and_shares_join_on_iso3(share, gdp):
    assert set(share["iso3"]) == set(gdp["iso3"]) - {"ISL"}
    merged = share.merge(gdp, on=["iso3", "year"], suffixes=("", "_gdp"))
    assert (merged["country"] == merged["country_gdp"]).all()
