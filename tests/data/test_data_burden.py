"""The burden-sharing datasets, checked by hand against the cited releases.

Expected values are typed from the rows quoted in the research notes
(NATO's June 2024 release as copied by J. Voss and Graphic News GN46054; World
Bank WDI NY.GDP.MKTP.KD as republished by Our World in Data), not from the CSVs.
"""

from __future__ import annotations

import pandas as pd
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


def test_every_share_cites_both_copies_and_nato_workbook(share):
    assert set(share["source"]) == {"JV2024;GN46054;JV2024XLSX"}


def test_every_equipment_share_cites_nato_workbook_and_second_copies_only_for_2024():
    equipment = data.load("nato_equipment_share")
    assert len(equipment) == 62 and set(equipment["release"]) == {"NATO 2014-2024 (June 2024)"}
    assert all(s.split(";")[0] == "JV2024XLSX" for s in equipment["source"])
    second = equipment[equipment["source"].str.contains(";")]
    assert set(second["year"]) == {2024} and len(second) == 10


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


# ----------------------------------------------------------------- the chapter's derived tables

from widgets.tables import burden_sharing as tables  # noqa: E402


def test_the_chapter_reads_one_release_and_its_years():
    assert tables.RELEASE == RELEASE
    assert tables.years() == (2014, 2024)
    # NATO prints the 2024 figure as an estimate, "2024e"; 2014 is an actual.
    assert tables.year_choices() == (("2014", 2014), ("2024e", 2024))
    assert tables.release_month() == "June 2024"  # the release of 17 June 2024


@pytest.fixture
def fresh_tables():
    caches = (
        tables._release_rows,
        tables.years,
        tables.year_label,
        tables._shares,
        tables._size_and_burden,
        tables.joined_after,
        tables.exploitation_test,
    )
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


def test_rows_of_another_release_are_never_mixed_in(monkeypatch, fresh_tables):
    # A later release revises 2014 and adds a year; the chapter's tables must not see it
    # until RELEASE names it. (Invented values: this row never reaches a reader.)
    real = data.load

    def with_a_later_release(name, *args):
        frame = real(name, *args)
        if name != "nato_defence_share":
            return frame
        later = frame[frame["country"] == "Poland"].copy()
        later["release"] = "NATO 2014-2025 (later)"
        later["defence_share_gdp_pct"] = 9.99
        return pd.concat([frame, later], ignore_index=True)

    monkeypatch.setattr(data, "load", with_a_later_release)
    assert (data.load("nato_defence_share")["defence_share_gdp_pct"] == 9.99).sum() == 2
    assert tables.years() == (2014, 2024)
    assert tables.shares(2024)["Poland"] == pytest.approx(4.12) and len(tables.shares(2024)) == 31
    assert len(tables.size_and_burden(2014)) == 27


def test_joined_after_the_wales_summit_in_order_of_accession():
    # NATO's member list: Montenegro 2017, North Macedonia 2020, Finland 2023, Sweden 2024.
    assert tables.joined_after(2014) == ("Montenegro", "North Macedonia", "Finland", "Sweden")
    assert tables.joined_after(2024) == ()
    assert tables.member_in("MNE", 2017) and not tables.member_in("MNE", 2016)


def test_share_change_is_sorted_by_the_latest_year(share):
    change = tables.share_change()
    assert len(change.countries) == 31
    # Graphic News GN46054: Spain 0.92 -> 1.28 (lowest in 2024e), Poland 1.88 -> 4.12 (highest)
    assert (change.countries[0], change.first[0], change.last[0]) == ("Spain", 0.92, 1.28)
    assert (change.countries[-1], change.first[-1], change.last[-1]) == ("Poland", 1.88, 4.12)
    assert list(change.last) == sorted(change.last)
    assert (change.first_label, change.last_label) == ("2014", "2024e")
    # the dot plot draws these four 2014 dots hollow: they were not yet Allies then
    assert set(change.not_yet_members) == {"Montenegro", "North Macedonia", "Finland", "Sweden"}


def test_the_exercise_choices_name_the_release_years():
    labels = [label for label, _ in tables.year_choices()]
    assert [str(c) for c in tables.Distinguishable] == [f"{labels[0]} only", f"{labels[-1]} only", "both", "neither"]
    assert tables.Distinguishable.BOTH == "both" and tables.CorrelationChange.REVERSED == "reversed"


def test_equipment_shares_join_the_share_of_gdp_of_the_same_release():
    # NATO's workbook, TABLE8a: Poland 2024e 51.13 (Business Insider Polska prints 51.1), Belgium
    # 2024e 15.16 (ICDS prints 15.2); Table 3 gives Poland 4.12 and Belgium 1.30.
    frame = tables.equipment_and_share(2024).set_index("country")
    assert len(frame) == 31 and len(tables.equipment_and_share(2014)) == 27
    assert tuple(frame.loc["Poland", [tables.EQUIPMENT_SHARE, tables.SHARE]]) == (51.13, 4.12)
    assert tuple(frame.loc["Belgium", [tables.EQUIPMENT_SHARE, tables.SHARE]]) == (15.16, 1.30)
    # Below 20% in 2024e: only Belgium (15.16) and Canada (18.60).
    below = frame[frame[tables.EQUIPMENT_SHARE] < tables.EQUIPMENT_LINE].index
    assert sorted(below) == ["Belgium", "Canada"]
    assert tables.meets_both(2014) == ["United Kingdom", "United States"]
