"""The burden-sharing widgets, driven in-process as a student would drive them."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from helpers import SCALARS, not_plain_fields, plain
from scipy import stats

from widgets import data
from widgets.burden_sharing import AllianceGame, ExploitationTest, GuidelineChart
from widgets.models import public_goods, rank_test
from widgets.readouts import burden_sharing as readouts
from widgets.tables import burden_sharing as tables
from widgets.tables.burden_sharing import (
    change_in_correlation,
    crossed_line,
    distinguishable_from_zero,
    exploitation_test,
)


def _readout(w):
    """What the widget shows now: its readout of the controls' values."""
    return type(w).readout(**w.values())


def _marks(w) -> str:
    """The SVG inside the picture's (first) plotting area: the marks, not the axes or the legend."""
    return re.search(r'<g clip-path="url\(#[^)]*\)">(.*?)</g>', w.figure_pane.value).group(1)


def _texts(w) -> list[str]:
    """The picture's text, one item per line (a text of several lines has one tspan per line)."""
    out = []
    for inner in re.findall(r"<text [^>]*>(.*?)</text>", w.figure_pane.value):
        out += re.findall(r"<tspan[^>]*>([^<]*)</tspan>", inner) or [inner]
    return out


# ----------------------------------------------------------------- guideline chart


def test_guideline_counts_follow_the_year():
    w = GuidelineChart(year=2024, own_line=3.0)
    # June 2024 table: 23 Allies at or above 2%; only Poland (4.12) at or above 3.5%;
    # at or above 3%: Poland, Estonia, United States, Latvia, Greece.
    assert "<b>23</b> of the 31 Allies" in w.message.value
    assert "<b>1</b> at or above <b>3.5%</b>" in w.message.value
    assert "your line of <b>3%</b>: <b>5</b>" in w.message.value
    before = w.figure_pane.value
    w.year.value = 2014
    # 2014: the US (3.71), Greece (2.22) and the UK (2.14); the US alone above 3.5%.
    assert "In <b>2014</b>, <b>3</b> of the 31 Allies" in w.message.value
    assert "<b>1</b> at or above <b>3.5%</b>" in w.message.value
    assert w.figure_pane.value != before
    assert 'aria-label="Horizontal bar chart' in w.figure_pane.value and "United States 3.71%" in w.figure_pane.value


def _bars(w) -> list[tuple[str, str]]:
    """(name, value label) of each bar, top to bottom, as the picture writes them."""
    texts = _texts(w)
    names = [t for t in texts if t in set(_readout(w).names)]
    values = [t for t in texts if re.fullmatch(r"\d\.\d\d", t)]
    return list(zip(names, values))


def test_sorting_reorders_the_bars():
    w = GuidelineChart(year=2024, sort="value")
    bars = _bars(w)
    assert bars[0] == ("Poland", "4.12") and bars[-1] == ("Spain", "1.28") and len(bars) == 31
    assert _readout(w).values[0] == pytest.approx(4.12) and _readout(w).values[-1] == pytest.approx(1.28)
    w.sort.value = "name"
    bars = _bars(w)
    assert bars[0] == ("Albania", "2.03") and bars[-1] == ("United States", "3.38")
    assert _readout(w).names[0] == "Albania" and _readout(w).values[-1] == pytest.approx(3.38)
    w.year.value = 2014
    assert _bars(w)[0] == ("Albania", "1.35") and _readout(w).values[0] == pytest.approx(1.35)  # Albania 2014
    # bar widths: Albania's 1.35 of the 0-4.6 axis, 493 px wide from x = 128
    first = re.search(r'<rect x="128" y="[\d.]+" width="([\d.]+)"', _marks(w))
    assert float(first.group(1)) == pytest.approx(1.35 / readouts.SCALE_MAX * 493, abs=0.01)


def test_own_line_moves_and_recounts():
    w = GuidelineChart(year=2014, own_line=1.0)
    before = w.figure_pane.value
    w.own_line.value = 1.5
    # 2014 shares >= 1.5: US, Greece, UK, Estonia 1.93, Poland 1.88, France 1.82, Croatia 1.81,
    # Norway 1.54, Montenegro 1.50
    assert "your line of <b>1.5%</b>: <b>9</b>" in w.message.value
    assert _readout(w).own == 1.5
    own = re.findall(r'<polyline points="([\d.]+),[\d.]+ ([\d.]+),[\d.]+" [^>]*stroke="#D55E00"', _marks(w))
    x = 128 + 1.5 / readouts.SCALE_MAX * 493
    assert [(float(a), float(b)) for a, b in own] == [pytest.approx((x, x), abs=0.01)]
    assert w.figure_pane.value != before
    w.own_line.value = 4.5  # the slider's end, on the chart
    assert "#D55E00" in _marks(w) and "off the chart" not in w.message.value
    # typed in a notebook beyond the axis' end (4.6): said, and not drawn
    from widgets.pictures.burden_sharing import picture_guidelines

    off = readouts.guideline_chart(2014, own_line=4.65)
    assert "Your line is off the chart's scale." in off.sentence and not off.on_scale
    assert 'stroke="#D55E00"' not in picture_guidelines(off).split("<clipPath")[1].split("</g>")[0]
    assert 'stroke="#D55E00"' in picture_guidelines(readouts.guideline_chart(2014, own_line=4.6)).split("</g>")[0]


def test_a_gap_in_the_data_shows_the_models_message(monkeypatch):
    w = GuidelineChart(year=2024)
    before = w.figure_pane.value
    # a member without a figure (as Iceland would be) must be reported, not drawn as 0
    rows = dict(tables.share_rows())
    rows[2014] = (*rows[2014], ("Iceland", float("nan")))
    monkeypatch.setattr(tables, "share_rows", lambda: rows)
    w.year.value = 2014
    assert "no share for Iceland" in w.message.value and 'role="alert"' in w.message.value
    assert w.figure_pane.value == before


def test_guideline_css_classes():
    assert {"sin-widget", "sin-burden-guideline"} <= set(GuidelineChart()._dom_classes)


def test_every_widget_keeps_its_css_class_and_the_game_its_two_column_controls():
    assert {"sin-widget", "sin-burden-game"} <= set(AllianceGame()._dom_classes)
    assert {"sin-widget", "sin-burden-exploitation"} <= set(ExploitationTest()._dom_classes)
    w = AllianceGame()
    # Two a row, as before the port: each ally's income next to a parameter.
    assert w.children[0].children == (w.income_a, w.theta, w.income_b, w.alpha, w.income_c, w.n_allies)
    assert w.children[0].layout.display == "grid"
    assert w.children[0].layout.grid_template_columns == "repeat(2, max-content)"


# ----------------------------------------------------------------- alliance game


def test_pure_public_good_large_ally_carries_everything():
    # incomes (100, 50, 20), alpha 0.2, theta 1: beta = 0.8. A alone buys 0.2*100 = 20;
    # B would buy 0.2*50 - 0.8*20 = -6 -> 0, C even less: B and C free ride; total 20.
    w = AllianceGame(income_a=100, income_b=50, income_c=20, n_allies=3, theta=1.0, alpha=0.2)
    assert "Equilibrium total <b>20.0</b>" in w.message.value
    assert "<b>Ally B, Ally C</b>" in w.message.value
    result = _readout(w)
    assert result.equilibrium[0] == pytest.approx(20.0)
    assert _texts(w).count("free") == 2 and _texts(w).count("rider") == 2  # over Ally B and Ally C
    efficient = sum(public_goods.efficient_contributions([100, 50, 20], 0.2, 1.0))
    assert result.efficient_total == pytest.approx(efficient)
    assert result.gap == pytest.approx(efficient - 20.0)
    assert f"{20.0:.1f} + gap {efficient - 20:.1f}" in _texts(w) and f"{efficient:.1f}" in _texts(w)


def test_lower_publicness_brings_the_middle_ally_in():
    w = AllianceGame(income_a=100, income_b=50, income_c=20, theta=1.0, alpha=0.2)
    before = w.figure_pane.value
    w.theta.value = 0.5
    # beta = 0.4; A and B contribute: S = 0.2*150/1.4 = 21.43; q_A = (20 - 0.4 S)/0.6 = 19.05,
    # q_B = (10 - 0.4 S)/0.6 = 2.38; C would buy 4 - 0.4 S < 0.
    assert _readout(w).equilibrium[0] == pytest.approx((20 - 0.4 * 30 / 1.4) / 0.6)
    assert _readout(w).equilibrium[1] == pytest.approx((10 - 0.4 * 30 / 1.4) / 0.6)
    assert "<b>Ally C</b>." in w.message.value
    assert _texts(w).count("free") == 1
    assert w.figure_pane.value != before


def test_private_good_has_no_gap_and_no_free_riders():
    w = AllianceGame(income_a=100, income_b=50, income_c=20, theta=0.0, alpha=0.2)
    # each buys 0.2 of its income: 20 + 10 + 4 = 34, and that is efficient
    assert "Equilibrium total <b>34.0</b>" in w.message.value
    assert "gap <b>0.0</b>" in w.message.value
    assert "No ally free rides" in w.message.value


def test_two_allies_hide_the_third():
    w = AllianceGame(income_a=100, income_b=50, income_c=20, n_allies=3, theta=0.5, alpha=0.2)
    assert "not in the" not in _texts(w)
    w.n_allies.value = 2
    assert "not in the" in _texts(w) and "alliance" in _texts(w)
    assert _readout(w).equilibrium[2] == 0.0 and _readout(w).efficient[2] == 0.0
    assert "Ally C" not in w.message.value


def test_zero_income_is_explained_not_raised():
    w = AllianceGame()
    before = w.figure_pane.value
    w.income_b.value = 0
    assert "the income of ally 2 must be greater than 0" in w.message.value
    assert 'role="alert"' in w.message.value
    assert w.figure_pane.value == before


# ----------------------------------------------------------------- exploitation test


#: Typed by hand from NATO's list of member countries: joined after the Wales summit (Sept 2014).
LATER_MEMBERS = {"MNE", "MKD", "FIN", "SWE"}


def _table(year, members_of_2014=None):
    share = data.load("nato_defence_share")
    gdp = data.load("gdp")
    both = share[share["year"] == year].merge(gdp[gdp["year"] == year], on="iso3")
    if members_of_2014 if members_of_2014 is not None else year == 2014:
        both = both[~both["iso3"].isin(LATER_MEMBERS)]
    return both


def test_2014_population_is_the_27_wales_allies_with_figures():
    # NATO had 28 members at Wales; Iceland has no figures, so 27 take part.
    assert exploitation_test(2014).n == 27
    assert exploitation_test(2024).n == 31
    assert exploitation_test(2024, members_in=2014).n == 27
    # Leaving out a state that was not yet a member changes nothing in 2014.
    assert exploitation_test(2014, ("Finland",)).rho == exploitation_test(2014).rho
    w = ExploitationTest(year=2014)
    assert _marks(w).count("<circle") == 27 and sum(not out for *_, out in _readout(w).points) == 27
    w.drop.value = ("Finland",)
    assert "Not members in 2014" in w.message.value and "(n = 27)" in w.message.value


def test_one_sided_p_value_by_hand():
    # n = 3, x ranks 1,2,3 and y identical: rho = 1; of the 6 orders only the identity
    # gives rho >= 1 (one-sided p = 1/6), and the reversal also gives |rho| = 1 (two-sided 2/6).
    r = rank_test.permutation_test([1, 2, 3], [10, 20, 30])
    assert abs(r.p_greater - 1 / 6) < 1e-12 and abs(r.p_value - 2 / 6) < 1e-12
    # A negative rho has a large one-sided p-value: all 6 orders give rho >= -1.
    assert rank_test.permutation_test([1, 2, 3], [30, 20, 10]).p_greater == 1.0


def test_distinguishable_from_zero_against_scipy():
    p = {
        y: stats.spearmanr(_table(y, True)["gdp_constant_2015_usd"], _table(y, True)["defence_share_gdp_pct"]).pvalue
        for y in (2014, 2024)
    }
    sig = {y: p[y] < 0.05 for y in p}
    expected = {
        (True, True): "both",
        (True, False): "2014 only",
        (False, True): "2024e only",
        (False, False): "neither",
    }[sig[2014], sig[2024]]
    assert distinguishable_from_zero() == expected


def test_rank_correlation_matches_scipy():
    w = ExploitationTest(year=2014)
    both = _table(2014)
    rho = stats.spearmanr(both["gdp_constant_2015_usd"], both["defence_share_gdp_pct"]).statistic
    assert f"ρ = <b>{rho:+.2f}</b>" in w.message.value
    assert "(n = 27)" in w.message.value
    p = rank_test.permutation_test(
        both["gdp_constant_2015_usd"], both["defence_share_gdp_pct"], n_permutations=9999, seed=0
    ).p_value
    assert f"two-sided <b>{p:.3f}</b>" in w.message.value


def test_the_sentence_describes_a_sample_correlation_without_calling_it_a_finding():
    # The 2014 rho (+0.29) is not distinguishable from zero (two-sided p 0.151): the sentence may
    # give its size and sign, but not a "tendency for richer Allies to spend" more.
    from widgets.readouts.burden_sharing import _description, exploitation

    sentence = exploitation(2014).sentence
    assert "a weak positive correlation in this sample" in sentence
    assert "tendency" not in sentence and "richer Allies to spend" not in sentence
    assert "p-values say" in sentence
    assert _description(-0.06) == "almost no correlation in this sample"
    assert _description(-0.45) == "a moderate negative correlation in this sample"
    assert _description(0.5) == "a strong positive correlation in this sample"


def test_dropping_the_united_states_changes_the_result():
    w = ExploitationTest(year=2024)
    before = w.figure_pane.value
    w.drop.value = ("United States",)
    both = _table(2024)
    both = both[both["iso3"] != "USA"]
    rho = stats.spearmanr(both["gdp_constant_2015_usd"], both["defence_share_gdp_pct"]).statistic
    assert f"ρ = <b>{rho:+.2f}</b>" in w.message.value and "(n = 30)" in w.message.value
    assert "Left out: United States." in w.message.value
    rings = _marks(w).count('fill="none" stroke="#D55E00"')
    assert rings == 1 and _marks(w).count("<circle") - rings == 30
    assert [name for name, *_, out in _readout(w).points if out] == ["United States"]
    assert w.figure_pane.value != before


def test_the_readouts_test_is_the_tables_test():
    # the readout tests the shipped rows (no pandas); the notebook's tables test the frames
    for year, members in ((2014, None), (2024, None), (2024, 2014), (2014, 2024)):
        for drop in ((), ("United States",), ("Finland", "Greece"), tuple(tables.countries()[:22])):
            assert readouts.exploitation_test(year, drop, members) == exploitation_test(year, drop, members)


def test_the_picture_carries_the_alt_text_and_the_title():
    for w in (GuidelineChart(), AllianceGame(), ExploitationTest(drop=("Germany",))):
        result = _readout(w)
        assert f'aria-label="{result.alt}"' in w.figure_pane.value.replace("&#x27;", "'")
        assert getattr(result, "title", "Each ally's defence") in " ".join(_texts(w)).replace("&#x27;", "'")
    assert "Sources: NATO" in w.figure_pane.value and "(dataset: gdp" in w.figure_pane.value


def test_too_few_members_is_explained():
    w = ExploitationTest()
    before = w.figure_pane.value
    w.drop.value = tuple(w.drop.options[2:])  # only two Allies left
    assert "at least 3 pairs" in w.message.value and 'role="alert"' in w.message.value
    assert w.figure_pane.value == before


def test_change_in_correlation_from_the_data():
    rho = {
        y: stats.spearmanr(_table(y, True)["gdp_constant_2015_usd"], _table(y, True)["defence_share_gdp_pct"]).statistic
        for y in (2014, 2024)
    }
    if (rho[2014] > 0) != (rho[2024] > 0):
        expected = "reversed"
    else:
        expected = "stronger" if abs(rho[2024]) > abs(rho[2014]) else "weaker"
    assert change_in_correlation() == expected


def test_drop_us_exercise_against_scipy():
    import widgets.exercises.burden_sharing as ex

    full = _table(2014)
    without = full[full["iso3"] != "USA"]
    r_full = stats.spearmanr(full["gdp_constant_2015_usd"], full["defence_share_gdp_pct"]).statistic
    res = stats.spearmanr(without["gdp_constant_2015_usd"], without["defence_share_gdp_pct"], alternative="greater")
    expected = (
        f"{'rises' if res.statistic > r_full else 'falls'}, {'significant' if res.pvalue < 0.05 else 'not significant'}"
    )
    assert ex._drop_us() == expected


def test_crossed_line_by_hand():
    # Typed from Graphic News GN46054 (June 2024 release, 2014 -> 2024e), Wales members only:
    # below 2.00 in 2014 and at or above 2.00 in 2024e. Slovakia's 2024e is exactly 2.00.
    by_hand = {
        "Albania",
        "Bulgaria",
        "Czechia",
        "Denmark",
        "Estonia",
        "France",
        "Germany",
        "Hungary",
        "Latvia",
        "Lithuania",
        "Netherlands",
        "Norway",
        "Poland",
        "Romania",
        "Slovak Republic",
        "Türkiye",
    }
    assert set(crossed_line(2.0, members_in=2014)) == by_hand
    # With the later members included, Finland, North Macedonia, Sweden and Montenegro join the list.
    assert len(crossed_line(2.0, members_in=2024)) == len(by_hand) + 4


def test_doubled_by_hand():
    # Shares as NATO printed them in the June 2024 release (the two copies the dataset was read from
    # agree), Wales members only, 2024e share at least twice the 2014 share, ratios worked by hand.
    # Closest cases: Slovak Republic 2.00 / 0.98 = 2.04, Denmark 2.37 / 1.15 = 2.06;
    # just short: Netherlands 2.05 / 1.15 = 1.78, Germany 2.12 / 1.19 = 1.78, Estonia 3.43 / 1.93 = 1.78.
    by_hand = ["Czechia", "Denmark", "Hungary", "Latvia", "Lithuania", "Luxembourg", "Poland", "Slovak Republic"]
    assert tables.doubled(2.0, members_in=2014) == by_hand
    # Sweden (1.06 -> 2.14) and North Macedonia (1.09 -> 2.22) doubled too, but joined after 2014.
    assert tables.doubled(2.0, members_in=2024) == sorted(by_hand + ["North Macedonia", "Sweden"])


def test_gdp_revisions_of_a_few_percent_barely_move_rho():
    # The chapter says the GDP figures serve only to rank the Allies, and that moving every Ally's
    # GDP by up to 4% (the largest difference between copies recorded in the gdp dataset's notes)
    # changes rho by less than 0.05 in either year. Checked on random and on all-or-nothing moves.
    rng = np.random.default_rng(0)
    for year, members in ((2014, 2014), (2024, 2014), (2024, 2024)):  # the widget's populations
        frame = tables.size_and_burden(year, members)
        gdp, share = frame[tables.GDP].to_numpy(), frame[tables.SHARE].to_numpy()
        rho = stats.spearmanr(gdp, share).statistic
        moves = [rng.uniform(0.96, 1.04, gdp.size) for _ in range(500)]
        moves += [rng.choice([0.96, 1.04], gdp.size) for _ in range(500)]
        worst = max(abs(stats.spearmanr(gdp * m, share).statistic - rho) for m in moves)
        assert 0 < worst < 0.05, (year, members, worst)  # > 0: some close neighbours do swap


# ----------------------------------------------------------------- readouts: pure and plain


def test_readouts_hold_plain_values_only():
    for result in (
        readouts.guideline_chart(2014, "name", 1.5),
        readouts.alliance_game(100, 50, 20, 2, 0.5, 0.2),
        readouts.exploitation(2024, ("United States", "Spain")),
    ):
        bad = not_plain_fields(result, keys=SCALARS)
        assert not bad, f"{type(result).__name__}: {bad}"
        assert result.sentence and result.alt
    assert not plain((1.0, pd.Series([1.0])), keys=SCALARS) and not plain(np.float64(1.0))  # the check can fail


def test_year_buttons_come_from_the_release():
    labels = [label for label, _ in tables.year_choices()]
    assert labels == ["2014", "2024e"]
    for w in (GuidelineChart(), ExploitationTest()):
        assert [label for label, _ in w.year.options] == labels


def test_a_year_outside_the_release_is_refused_not_raised():
    w = GuidelineChart(year=2019)
    assert "Starting values refused: the year must be one of 2014, 2024e; got 2019." in w.message.value
    assert w.year.value == 2024


def test_the_chapters_captioned_figures_are_saved_as_images():
    # A cell ending with ui.figure(...) must save a PNG, not only "<Figure size ...>".
    import json
    from pathlib import Path

    notebook = Path(__file__).resolve().parents[2] / "chapters" / "burden_sharing.ipynb"
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    captioned = [c for c in cells if c["cell_type"] == "code" and "figure" in c["metadata"].get("mystnb", {})]
    assert captioned
    for cell in captioned:
        assert any("image/png" in out.get("data", {}) for out in cell["outputs"]), "".join(cell["source"])[:80]
