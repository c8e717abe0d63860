"""The R2P chapter's datasets: recorded votes checked against the cited sources.

Expected values are typed by hand from the quotations in the research notes
(sources.md), not copied from the CSV: e.g. UN press release SC/6686, "Adopts
Resolution 1244 (1999) by 14-0-1 (China)".
"""

import pytest

from widgets import data
from widgets.models.security_council import decide
from widgets.tables.r2p import P5_COLUMNS


@pytest.fixture(scope="module")
def votes():
    return data.load("unsc_votes").set_index("document")


def names(cell):
    import pandas as pd

    return set() if pd.isna(cell) or cell == "" else set(str(cell).split(";"))


@pytest.mark.parametrize(
    "document,yes,no,abstain,abstainers,vetoers,adopted",
    [
        # UN press release SC/10187: "Unanimously adopting resolution 1970 (2011)".
        ("S/RES/1970 (2011)", 15, 0, 0, set(), set(), True),
        # Reuters/VOA/CSM: 10 in favour, none against, "Russia, China, Germany, India and Brazil abstaining".
        ("S/RES/1973 (2011)", 10, 0, 5, {"Brazil", "China", "Germany", "India", "Russia"}, set(), True),
        # SC/15159: "12 in favour to none against, with 3 abstentions (China, India, Russian Federation)".
        ("S/RES/2669 (2022)", 12, 0, 3, {"China", "India", "Russia"}, set(), True),
        # S/PV.6627: "9 votes in favour, 2 votes against and 4 abstentions"; against China, Russian Federation.
        ("S/2011/612", 9, 2, 4, {"Brazil", "India", "Lebanon", "South Africa"}, {"China", "Russia"}, False),
        # SC/8821 (research report 5a): "adopted resolution 1706 (2006) by a vote of 12 in favour with 3
        # abstentions (China, Qatar, Russian Federation)"; USUN cable 06USUNNEWYORK1703: "12-0-3".
        ("S/RES/1706 (2006)", 12, 0, 3, {"China", "Qatar", "Russia"}, set(), True),
        # SC/6686: "14-0-1 (China)".
        ("S/RES/1244 (1999)", 14, 0, 1, {"China"}, set(), True),
        # SC/12545: 11 affirmative, abstentions Angola and China, negative Russian Federation and Venezuela.
        ("S/2016/846", 11, 2, 2, {"Angola", "China"}, {"Russia"}, False),
        # SC/8351: "11 in Favour To None Against, with 4 Abstentions (Algeria, Brazil, China, United States)".
        ("S/RES/1593 (2005)", 11, 0, 4, {"Algeria", "Brazil", "China", "United States"}, set(), True),
        # Added for issue 13 / review R2P-E3, P4, P3; typed from the sources:
        # SC/6659: "a vote of 3 in favour (China, Namibia, Russian Federation) to 12 against, with no abstentions".
        ("S/1999/328", 3, 12, 0, set(), {"France", "United Kingdom", "United States"}, False),
        # SC/11473: "Through the unanimous adoption of resolution 2165 (2014)".
        ("S/RES/2165 (2014)", 15, 0, 0, set(), set(), True),
        # S/PV.7038 (copy): "There were 15 votes in favour ... adopted unanimously as resolution 2118 (2013)".
        ("S/RES/2118 (2013)", 15, 0, 0, set(), set(), True),
        # SC/14074: "11 in favour, to none against, with 4 abstentions (China, Russian Federation, United Kingdom,
        # United States)".
        ("S/RES/2504 (2020)", 11, 0, 4, {"China", "Russia", "United Kingdom", "United States"}, set(), True),
        # SC/14247: "12 votes in favour to none against, with 3 abstentions (China, Dominican Republic, Russian
        # Federation)".
        ("S/RES/2533 (2020)", 12, 0, 3, {"China", "Dominican Republic", "Russia"}, set(), True),
        # TASS: "Twelve members ... voted in favor ..., while the UK, the US and France abstained".
        ("S/RES/2642 (2022)", 12, 0, 3, {"France", "United Kingdom", "United States"}, set(), True),
        # UN News (pt): "14 Estados-membros a favor e veto da Rússia".
        ("S/2024/826", 14, 1, 0, set(), {"Russia"}, False),
        # A News / TRT: "Thirteen other Security Council members voted in favor ... while China abstained".
        ("S/2023/506", 13, 1, 1, {"China"}, {"Russia"}, False),
    ],
)
def test_recorded_votes_match_the_sources(votes, document, yes, no, abstain, abstainers, vetoers, adopted):
    row = votes.loc[document]
    assert (row["yes"], row["no"], row["abstain"]) == (yes, no, abstain)
    assert bool(row["adopted"]) is adopted
    if abstainers:
        assert names(row["abstaining_members"]) == abstainers
    assert names(row["vetoed_by"]) == vetoers


def test_rows_resting_on_wikipedia_alone_or_disputed_are_left_out(votes):
    for document in ("S/RES/918 (1994)", "S/RES/836 (1993)", "S/RES/819 (1993)"):
        assert document not in votes.index
    assert not any("WIKI" in s for s in votes["source"])


def test_resolution_1973_is_ringed_like_1970(votes):
    # Both preambles recall the Libyan authorities' responsibility to protect (review R2P-E2).
    assert votes.loc["S/RES/1973 (2011)", "references_r2p"] == True  # noqa: E712
    assert votes.loc["S/RES/1970 (2011)", "references_r2p"] == True  # noqa: E712


def test_syria_is_not_shown_only_through_its_vetoes(votes):
    syria = votes[votes["case"] == "syria"]
    assert syria["adopted"].sum() >= 6  # 2118, 2139, 2165, 2504, 2533, 2642
    unanimous = syria[syria["adopted"] & (syria["yes"] == 15)].index
    assert {"S/RES/2118 (2013)", "S/RES/2139 (2014)", "S/RES/2165 (2014)"} <= set(unanimous)


def test_dataset_states_its_as_of_date_and_range():
    import json
    from pathlib import Path

    package = json.loads((Path(data.__file__).parent.parent / "datasets" / "datapackage.json").read_text())
    res = {r["name"]: r for r in package["resources"]}
    assert res["unsc_votes"]["as_of"] == "2026-12-02" and res["r2p_cases"]["as_of"] == "2026-12-02"
    latest = data.load("unsc_votes")["date"].max()
    assert str(latest.date()) <= res["unsc_votes"]["as_of"]
    assert res["unsc_votes"]["temporal"].endswith(str(latest.date()))


def test_every_row_has_a_source_and_a_quality(votes):
    assert votes["source"].notna().all() and (votes["source"].str.len() > 0).all()
    assert set(votes["source_quality"]) <= {"un_record", "news_agency", "reference_work"}


def test_counts_add_up_and_agree_with_the_permanent_members_and_article_27(votes):
    for document, row in votes.iterrows():
        assert row["yes"] + row["no"] + row["abstain"] <= 15, document
        p5 = {m: row[c] for m, c in P5_COLUMNS.items()}
        assert names(row["vetoed_by"]) == {m for m, v in p5.items() if v == "no"}, document
        assert sum(v == "yes" for v in p5.values()) <= row["yes"], document
        assert sum(v == "abstain" for v in p5.values()) <= row["abstain"], document
        # Elected members fill the rest of the council; the rule must reproduce the outcome.
        elected = (
            ["yes"] * (row["yes"] - sum(v == "yes" for v in p5.values()))
            + ["no"] * (row["no"] - sum(v == "no" for v in p5.values()))
            + ["abstain"] * (row["abstain"] - sum(v == "abstain" for v in p5.values()))
        )
        elected += ["absent"] * (10 - len(elected))
        ballot = p5 | {f"Elected {i + 1}": v for i, v in enumerate(elected)}
        assert decide(ballot).passes is bool(row["adopted"]), document
        if names(row["abstaining_members"]):
            assert len(names(row["abstaining_members"])) == row["abstain"], document


def test_cases_cover_the_eight_cases_each_with_a_source():
    cases = data.load("r2p_cases")
    assert list(cases["case"]) == [
        "rwanda",
        "srebrenica",
        "kosovo",
        "darfur",
        "libya",
        "cote_divoire",
        "syria",
        "myanmar",
    ]
    assert cases["source"].str.len().gt(0).all()
    text = " ".join(cases["what_followed"])
    assert "Approximately 800,000" in text  # UN Independent Inquiry, S/1999/1257
    assert "7,000 – 8,000" in text  # ICTY Appeals Judgement para 2, as the source words it
    assert "2 August 2001" in text and "19 April 2004" in text  # Krstić trial and appeal (review R2P-E4)


def test_the_case_enum_is_the_union_of_the_datasets_case_codes_in_their_order():
    from widgets.tables.r2p import Case

    schema = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in data.resources()}
    in_votes = schema["unsc_votes"]["case"]["constraints"]["enum"]
    in_cases = schema["r2p_cases"]["case"]["constraints"]["enum"]
    codes = [c.value for c in Case]
    assert set(codes) == set(in_votes) | set(in_cases)
    assert [c for c in codes if c in in_votes] == in_votes and [c for c in codes if c in in_cases] == in_cases
    assert Case.LIBYA == "libya" and Case("cote_divoire") is Case.COTE_DIVOIRE


def test_case_labels_are_the_dataset_names_shortened():
    from widgets.tables.r2p import Case

    # r2p_cases names: "Darfur, Sudan", "Myanmar (Rohingya)", "Côte d'Ivoire"; thematic has no case row.
    assert [Case(c).label for c in ("darfur", "myanmar", "cote_divoire", "srebrenica", "thematic")] == [
        "Darfur",
        "Myanmar",
        "Côte d'Ivoire",
        "Srebrenica",
        "Thematic",
    ]


def test_vetoes_per_year_count_the_drafts_blocked_by_a_veto_alone():
    from widgets.tables.r2p import vetoes_per_year

    table = vetoes_per_year()
    # The review's count (R2P-M1): Russia cast 17 Syria vetoes to 2022 and China joined 10 of them. With the
    # joint Myanmar veto of January 2007 that makes 11 joint vetoes; Russia alone: the other 7 Syria drafts,
    # then S/2023/506 (Syria) and S/2024/826 (Darfur), 9 in all.
    assert list(table.columns) == ["China and Russia", "Russia alone"]
    assert table.index[0] == 2007 and table.index[-1] == data.as_of("unsc_votes").year
    assert table.loc[2007, "China and Russia"] == 1  # S/2007/14, Myanmar
    assert table.loc[2011, "China and Russia"] == 1 and table.loc[2011, "Russia alone"] == 0  # S/2011/612
    assert table.loc[2013].sum() == 0  # 2118 passed unanimously; no veto recorded that year
    assert int(table["China and Russia"].sum()) == 11 and int(table["Russia alone"].sum()) == 9
