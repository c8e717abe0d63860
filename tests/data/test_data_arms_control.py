"""The arms-control datasets checked against their cited sources.

Every expected value below was typed by hand from a quotation in the research
notes (the source's own words), not copied from the CSV files.
"""

from __future__ import annotations

import pandas as pd
import pytest

from widgets import data


@pytest.fixture(scope="module")
def treaties():
    return data.load("treaties").set_index("id")


@pytest.fixture(scope="module")
def stockpiles():
    return data.load("nuclear_stockpiles").set_index(["country", "year"])["warheads"]


@pytest.fixture(scope="module")
def new_start():
    return data.load("new_start_data")


def day(value) -> str:
    return str(pd.Timestamp(value).date())


@pytest.mark.parametrize(
    "treaty, column, expected",
    [
        # CVCE / UN Treaty Collection No. 10485: "signed on 1 July 1968 ... came into force on 5 March 1970"
        ("npt", "signed", "1968-07-01"),
        ("npt", "entered_into_force", "1970-03-05"),
        # FAS: "formally signed at Moscow on 05 August 1963"; "went into effect on October 10, 1963"
        ("ptbt", "signed", "1963-08-05"),
        ("ptbt", "entered_into_force", "1963-10-10"),
        # Esper: "withdrawn from the INF Treaty effective today, Aug. 2, 2019"
        ("inf", "ended", "2019-08-02"),
        # INF text: "Signed at Washington December 8, 1987 ... Entered into force June 1, 1988"
        ("inf", "signed", "1987-12-08"),
        ("inf", "entered_into_force", "1988-06-01"),
        # White House, 13 June 2002: "today that withdrawal formally takes effect"
        ("abm", "ended", "2002-06-13"),
        # ACA press release 2026-02-05: "Today, February 5, the New Strategic Arms Reduction Treaty (New START) expired."
        ("new_start", "ended", "2026-02-05"),
        # Air Force Magazine: "The treaty took effect on Feb. 5" (2011)
        ("new_start", "entered_into_force", "2011-02-05"),
        # ICAN: "On 22 January 2021, the UN Treaty on the Prohibition of Nuclear Weapons entered into force"
        ("tpnw", "entered_into_force", "2021-01-22"),
        # CTBTO: "The CTBT was opened for signature on 24 September 1996."
        ("ctbt", "signed", "1996-09-24"),
        # FAS TTBT page: "The TTBT and PNET entered into force on December 11, 1990."
        ("ttbt", "entered_into_force", "1990-12-11"),
        ("pnet", "entered_into_force", "1990-12-11"),
        # ACA: TTBT "Opened for Signature: 3 July 1974"; PNET "Opened for Signature: 28 May 1976"
        ("ttbt", "signed", "1974-07-03"),
        ("pnet", "signed", "1976-05-28"),
        # OSD executive summary: "Signed by the United States: May 24, 2002 ... Entry Into Force: June 1, 2003"
        ("sort", "signed", "2002-05-24"),
        ("sort", "entered_into_force", "2003-06-01"),
        # CRS RL31448: "lapsed on February 5, 2011, when the New START Treaty entered into force"
        ("sort", "ended", "2011-02-05"),
    ],
)
def test_treaty_dates_match_the_sources(treaties, treaty, column, expected):
    assert day(treaties.loc[treaty, column]) == expected


def test_treaty_status_as_of_the_data_date(treaties):
    assert len(treaties) == 15
    assert treaties.loc["new_start", "status"] == "expired"
    assert treaties.loc["new_start", "end_type"] == "expired"
    assert treaties.loc["inf", "end_type"] == "withdrawal"
    # CFR: "The treaty has not entered into force; all 44 Annex 2 countries must ratify it."
    assert treaties.loc["ctbt", "status"] == "not in force"
    assert pd.isna(treaties.loc["ctbt", "entered_into_force"])
    # the suspension is recorded with its date (Federal Law of 28 February 2023)
    assert "28 Feb 2023" in treaties.loc["new_start", "notes"]
    in_force = set(treaties.index[treaties["status"] == "in force"])
    assert in_force == {"ptbt", "ost", "npt", "bwc", "cwc", "tpnw", "ttbt", "pnet"}
    # the bilateral treaties still in force are the two test-ban treaties, neither limits forces
    bilateral_in_force = treaties[(treaties["parties_type"] == "bilateral") & (treaties["status"] == "in force")]
    assert set(bilateral_in_force.index) == {"ttbt", "pnet"}
    assert set(bilateral_in_force["category"]) == {"test_ban"}
    # SORT: "1700-2200" (OSD); superseded by New START
    assert "1,700-2,200" in treaties.loc["sort", "notes"]
    # post-expiry statements are dated in the notes (Lavrov to the Duma, 11 Feb 2026)
    notes = treaties.loc["new_start", "notes"]
    for date in ("21 Feb 2023", "22 Sept 2025", "5 Feb 2026", "11 Feb 2026", "UNCONFIRMED"):
        assert date in notes
    # INF: Putin announced Russia's suspension the same day as the US suspension took effect
    assert "same day, 2 Feb 2019" in treaties.loc["inf", "notes"]
    assert "4 Mar 2019" in treaties.loc["inf", "notes"]
    assert "next day" not in treaties.loc["inf", "notes"]


def test_treaty_dates_are_in_order(treaties):
    started = treaties.dropna(subset=["entered_into_force"])
    assert (started["signed"] <= started["entered_into_force"]).all()
    ended = treaties.dropna(subset=["ended"])
    assert (ended["entered_into_force"] < ended["ended"]).all()


def test_stockpiles_2023_release_values(stockpiles):
    # SIPRI 2023 (news report): US unchanged at 3708; "In Russia, this figure rose from 4477 to 4489."
    assert stockpiles["United States", 2023] == 3708
    assert stockpiles["Russia", 2023] == 4489
    assert stockpiles["Russia", 2022] == 4477
    # FAS 2016 slides: "US stockpile peaked early (1967) • Russian stockpile peaked late (1986)"
    us = stockpiles["United States"]
    russia = stockpiles["Russia"]
    assert us.idxmax() == 1967 and russia.idxmax() == 1986
    # SIPRI 2023: "9,576 were in storage for potential use" (sum of the nine states)
    assert stockpiles.xs(2023, level="year").sum() == 9576
    # FAS 2016: "Peak of 64,500 stockpiled warheads in 1986" (a rounded figure; South
    # Africa's few warheads are not in this dataset)
    assert abs(stockpiles.xs(1986, level="year").sum() - 64500) < 100


def test_stockpiles_cover_nine_states_to_2025(stockpiles):
    countries = set(stockpiles.index.get_level_values("country"))
    assert len(countries) == 9 and "North Korea" in countries
    assert stockpiles.index.get_level_values("year").max() == 2025
    assert data.resource("nuclear_stockpiles")["sources"][0]["id"] == "OWID_FAS2023"
    assert data.resource("nuclear_stockpiles")["as_of"] == "2025-01-01"
    assert "2025" in data.source_line("nuclear_stockpiles")


def test_stockpiles_2024_release_values(stockpiles):
    # FAS page of 29 March 2024: "roughly 9,585 are in the military stockpiles"
    assert stockpiles.xs(2024, level="year").sum() == 9585
    # SIPRI Yearbook 2024 table (deployed + stored): USA 1,770 + 1,938; Russia 1,710 + 2,670;
    # China 24 + 476; North Korea 50
    assert stockpiles["United States", 2024] == 1770 + 1938
    assert stockpiles["Russia", 2024] == 1710 + 2670
    assert stockpiles["China", 2024] == 500
    assert stockpiles["North Korea", 2024] == 50


def test_stockpiles_2025_release_values(stockpiles):
    # SIPRI Yearbook 2025 via AP: "Russia: 4,309 / United States: 3,700 / China: 600 ... India: 180"
    assert stockpiles["Russia", 2025] == 4309
    assert stockpiles["United States", 2025] == 3700
    assert stockpiles["China", 2025] == 600
    assert stockpiles["India", 2025] == 180
    # SIPRI 2025: "about 9,614 were in military stockpiles for potential use"
    assert stockpiles.xs(2025, level="year").sum() == 9614


def test_every_stockpile_value_names_its_release():
    table = data.load("nuclear_stockpiles")
    releases = table.groupby("year")["release"].unique()
    assert list(releases[2023]) == ["FAS 2023"]
    assert list(releases[2024]) == ["FAS 2024"]
    assert list(releases[2025]) == ["SIPRI YB 2025 (FAS authors)"]


def test_russia_declared_counts_above_the_limits_before_2018(new_start):
    rus = new_start[new_start["party"] == "Russian Federation"].set_index(["as_of", "category"])["value"]
    w = "warheads_on_deployed_ICBMs_SLBMs_plus_counted_for_deployed_HB"
    # Air Force Magazine (State Dept fact sheet of 1 Oct 2016): 1,796 warheads; "Last year, 1,648"; 847 launchers
    assert rus[pd.Timestamp("2016-09-01"), w] == 1796
    assert rus[pd.Timestamp("2015-09-01"), w] == 1648
    assert rus[pd.Timestamp("2016-09-01"), "deployed_and_nondeployed_launchers_ICBM_SLBM_plus_HB"] == 847


def test_new_start_limits_and_declared_numbers(new_start):
    limits = new_start[new_start["party"] == "limit"].set_index("category")["value"]
    # State Dept: "700 deployed ... 1,550 warheads ... 800 deployed and non-deployed"
    assert limits.to_dict() == {
        "deployed_ICBMs_SLBMs_heavy_bombers": 700,
        "warheads_on_deployed_ICBMs_SLBMs_plus_counted_for_deployed_HB": 1550,
        "deployed_and_nondeployed_launchers_ICBM_SLBM_plus_HB": 800,
    }
    us_2023 = new_start[(new_start["party"] == "United States") & (new_start["as_of"] == "2023-03-01")].set_index(
        "category"
    )["value"]
    # State Dept fact sheet, "current as of March 1, 2023": 662 / 1419 / 800
    assert us_2023["deployed_ICBMs_SLBMs_heavy_bombers"] == 662
    assert us_2023["warheads_on_deployed_ICBMs_SLBMs_plus_counted_for_deployed_HB"] == 1419
    assert us_2023["deployed_and_nondeployed_launchers_ICBM_SLBM_plus_HB"] == 800
    # Russia provided no numbers in March 2023 ("Not provided")
    assert not ((new_start["party"] == "Russian Federation") & (new_start["as_of"] == "2023-03-01")).any()
    ru_2020 = new_start[(new_start["party"] == "Russian Federation") & (new_start["as_of"] == "2020-09-01")].set_index(
        "category"
    )["value"]
    # State Dept fact sheet of 1 Dec 2020: Russia 510 / 1447 / 764
    assert list(ru_2020) == [510, 1447, 764]


def test_family_exercise_follows_the_dataset_labels():
    # the prompt's five descriptions: (a) New START, (b) INF, (c) NPT, (d) PTBT, (e) CWC;
    # the dataset files INF and the CWC under disarmament, so the answer is (b) and (e)
    from widgets.exercises.arms_control import FAMILY_TREATIES, disarmament_letters

    table = data.load("treaties")
    assert FAMILY_TREATIES == {"a": "new_start", "b": "inf", "c": "npt", "d": "ptbt", "e": "cwc"}
    assert disarmament_letters(table) == ["b", "e"]
    # the answer is read from the labels: relabel the INF Treaty and it drops out
    relabelled = table.copy()
    relabelled.loc[relabelled["id"] == "inf", "category"] = "arms_control"
    assert disarmament_letters(relabelled) == ["e"]
