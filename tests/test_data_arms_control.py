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


@pytest.mark.parametrize("treaty, column, expected", [
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
])
def test_treaty_dates_match_the_sources(treaties, treaty, column, expected):
    assert day(treaties.loc[treaty, column]) == expected


def test_treaty_status_as_of_the_data_date(treaties):
    assert len(treaties) == 12
    assert treaties.loc["new_start", "status"] == "expired"
    assert treaties.loc["new_start", "end_type"] == "expired"
    assert treaties.loc["inf", "end_type"] == "withdrawal"
    # CFR: "The treaty has not entered into force; all 44 Annex 2 countries must ratify it."
    assert treaties.loc["ctbt", "status"] == "not in force"
    assert pd.isna(treaties.loc["ctbt", "entered_into_force"])
    # the suspension is recorded with its date (Federal Law of 28 February 2023)
    assert "28 Feb 2023" in treaties.loc["new_start", "notes"]
    in_force = set(treaties.index[treaties["status"] == "in force"])
    assert in_force == {"ptbt", "ost", "npt", "bwc", "cwc", "tpnw"}


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


def test_stockpiles_cover_nine_states_to_2023(stockpiles):
    countries = set(stockpiles.index.get_level_values("country"))
    assert len(countries) == 9 and "North Korea" in countries
    assert stockpiles.index.get_level_values("year").max() == 2023
    assert data.resource("nuclear_stockpiles")["sources"][0]["id"] == "OWID_FAS2023"
    assert "2023" in data.source_line("nuclear_stockpiles")


def test_new_start_limits_and_declared_numbers(new_start):
    limits = new_start[new_start["party"] == "limit"].set_index("category")["value"]
    # State Dept: "700 deployed ... 1,550 warheads ... 800 deployed and non-deployed"
    assert limits.to_dict() == {
        "deployed_ICBMs_SLBMs_heavy_bombers": 700,
        "warheads_on_deployed_ICBMs_SLBMs_plus_counted_for_deployed_HB": 1550,
        "deployed_and_nondeployed_launchers_ICBM_SLBM_plus_HB": 800,
    }
    us_2023 = new_start[(new_start["party"] == "United States")
                        & (new_start["as_of"] == "2023-03-01")].set_index("category")["value"]
    # State Dept fact sheet, "current as of March 1, 2023": 662 / 1419 / 800
    assert us_2023["deployed_ICBMs_SLBMs_heavy_bombers"] == 662
    assert us_2023["warheads_on_deployed_ICBMs_SLBMs_plus_counted_for_deployed_HB"] == 1419
    assert us_2023["deployed_and_nondeployed_launchers_ICBM_SLBM_plus_HB"] == 800
    # Russia provided no numbers in March 2023 ("Not provided")
    assert not ((new_start["party"] == "Russian Federation")
                & (new_start["as_of"] == "2023-03-01")).any()
    ru_2020 = new_start[(new_start["party"] == "Russian Federation")
                        & (new_start["as_of"] == "2020-09-01")].set_index("category")["value"]
    # State Dept fact sheet of 1 Dec 2020: Russia 510 / 1447 / 764
    assert list(ru_2020) == [510, 1447, 764]
