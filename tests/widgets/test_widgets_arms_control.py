"""The arms-control chapter's widgets and exercises, driven in-process as a student would."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pytest
from helpers import not_plain_fields, plain

from widgets import svg, ui
from widgets.arms_control import InspectionGame, NewStartCheck, StockpileTimeline
from widgets.check import check
from widgets.exercises import arms_control as ex
from widgets.figures import arms_control as figures
from widgets.models.inputs import InputError
from widgets.pictures import arms_control as pictures
from widgets.readouts import arms_control as readouts
from widgets.tables import arms_control as tables


def result(w):
    """The readout behind what widget ``w`` shows now (the picture is drawn from it)."""
    return w.compute(w.values())


def plot_areas(picture: str) -> list[tuple[float, float, float, float]]:
    """(x, y, width, height) of each axes of a picture, from its clip paths."""
    found = re.findall(
        r'<clipPath id="[^"]+"><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/>', picture
    )
    return [tuple(float(v) for v in row) for row in found]


def rects(picture: str, fill: str) -> list[tuple[float, float]]:
    """(x, width) of the rectangles of one fill colour."""
    found = re.findall(rf'<rect x="([\d.-]+)" y="[\d.-]+" width="([\d.]+)" height="[\d.]+" fill="{fill}"', picture)
    return [(float(x), float(w)) for x, w in found]


# ----------------------------------------------------------------- stockpiles


def test_stockpile_default_is_the_nine_state_sum():
    w = StockpileTimeline()
    # SIPRI Yearbook 2025: 9,614 warheads in military stockpiles in January 2025; US 1945: 2
    assert "9,614 in 2025" in w.message.value
    assert "2 warheads in 1945" in w.message.value
    years, warheads = result(w).shown
    assert (years[0], years[-1], warheads[-1]) == (1945, 2025, 9614)
    # dates: an estimate of a year stands at its 1 January, a treaty at its day
    assert pictures.year_of("1945-01-01") == 1945 and pictures.year_of("2024-07-02") == pytest.approx(2024.5)
    assert "New START (2010)" in w.message.value and "PTBT (1963)" in w.message.value
    assert 'aria-label="Line chart' in w.figure_pane.value
    for label in ("PTBT", "New START", "TPNW", "category (course&#x27;s)", "highest in the range", "10,000"):
        assert f">{label}<" in w.figure_pane.value


def test_choosing_a_country_and_years_changes_line_and_text():
    w = StockpileTimeline()
    before = w.figure_pane.value
    w.country.value = "Russia"
    # Russia's (USSR's) stockpile peaked at 40,159 in 1986 (FAS 2016: "peaked late (1986)")
    assert "40,159</b> in 1986" in w.message.value
    assert w.figure_pane.value != before
    assert result(w).peak == (1986, 40159)
    assert w.figure_pane.value.count("<polygon") == 2  # the peak's marker (a downward triangle) and its key
    w.years.value = (1992, 2010)
    years, _ = result(w).shown
    assert (min(years), max(years)) == (1992, 2010)
    assert "in 1992" in w.message.value and "in 2010" in w.message.value
    # treaties signed in 1992-2010: CWC 1993, CTBT 1996, SORT 2002 (OSD), New START 2010 (START I was 1991)
    assert "CWC (1993), CTBT (1996), SORT (2002), New START (2010)" in w.message.value
    assert "START I (1991)" not in w.message.value
    # the band (in both panels) reaches half a year either side of 1992 and 2010: 1991.5 to
    # 2010.5 on an axis from 1944 to 2027 (a year before the first estimate, after the record)
    (x0, _, width, _), strip = plot_areas(w.figure_pane.value)
    assert strip[0] == x0 and strip[2] == width  # the two panels share the date axis
    bands = rects(w.figure_pane.value, svg.PALETTE[5])
    assert len(bands) == 2 and bands[0] == bands[1]
    assert bands[0][0] == pytest.approx(x0 + width * (1991.5 - 1944) / (2027 - 1944), abs=0.01)
    assert bands[0][1] == pytest.approx(width * 19 / 83, abs=0.01)


def test_years_after_the_data_say_so_without_an_error():
    w = StockpileTimeline(country="China")
    w.years.value = (2026, 2026)
    assert "no estimates between 2026 and 2026" in w.message.value
    assert 'role="alert"' not in w.message.value
    assert result(w).peak is None and w.figure_pane.value.count("<polygon") == 1  # the key's marker alone


# ----------------------------------------------------------------- New START


def test_default_force_complies_with_hand_counts():
    w = NewStartCheck()
    # (a) 400 + 220 + 50 = 670; (b) 400 + 1,000 + 50·1 = 1,450; (c) 670 + 50 + 60 + 10 = 790
    assert "Complies" in w.message.value
    bars = result(w).bars
    assert [b.share for b in bars] == pytest.approx([100 * 670 / 700, 100 * 1450 / 1550, 100 * 790 / 800])
    assert all(f">{label}<" in w.figure_pane.value for label in ("670 of 700", "1,450 of 1,550", "790 of 800"))
    # the bars' lengths: share of the limit on an axis from 0 to 160 percent
    ((_, _, width, _),) = plot_areas(w.figure_pane.value)
    drawn = [w_ for _, w_ in rects(w.figure_pane.value, svg.PALETTE[0])]
    assert drawn == pytest.approx([width * b.share / 160 for b in bars], abs=0.01)
    # 600 bomber weapons count as 50 warheads: 550 uncounted
    assert "550 weapons go uncounted" in w.message.value


def test_adding_warheads_breaks_only_the_warhead_limit():
    w = NewStartCheck()
    before = w.figure_pane.value
    w.slbm_warheads.value = "1120"  # (b) 400 + 1,120 + 50 = 1,570 > 1,550
    assert "Breaks the treaty" in w.message.value and "20 over" in w.message.value
    assert ">1,570 of 1,550 OVER<" in w.figure_pane.value
    assert result(w).bars[1].share == pytest.approx(100 * 1570 / 1550) and result(w).bars[1].broken
    # the broken bar is coloured differently from the two others
    assert len(rects(w.figure_pane.value, svg.PALETTE[3])) == 1 and len(rects(w.figure_pane.value, svg.PALETTE[0])) == 2
    assert w.figure_pane.value != before


def test_bomber_weapons_never_count():
    w = NewStartCheck()
    w.bomber_weapons.value = "5000"
    assert "Complies" in w.message.value
    assert ">1,450 of 1,550<" in w.figure_pane.value and "OVER" not in w.figure_pane.value


def test_declared_numbers_are_drawn_from_the_dataset():
    w = NewStartCheck()
    diamond = f'fill="{svg.PALETTE[1]}" stroke="black"'  # a declared number's marker (the legend's has no edge)
    assert result(w).declared_shares is None and diamond not in w.figure_pane.value
    w.compare.value = "United States, 2023-03-01"
    # State Dept, data as of 1 March 2023: 662 / 1,419 / 800
    assert result(w).declared_shares == pytest.approx((100 * 662 / 700, 100 * 1419 / 1550, 100.0))
    assert w.figure_pane.value.count(diamond) == 3
    assert "662 / 1,419 / 800" in w.message.value
    w.compare.value = "Russian Federation, 2020-09-01"
    assert "510 / 1,447 / 764" in w.message.value
    assert "Russian Federation, 2023-03-01" not in w.compare.options  # Russia provided none
    # Sept 2016 (Air Force Magazine, State Dept fact sheet of 1 Oct 2016): 508 / 1,796 / 847, above (b) and (c)
    w.compare.value = "Russian Federation, 2016-09-01"
    assert "508 / 1,796 / 847" in w.message.value
    # Sept 2015 has only the warhead count in the dataset, so it cannot be compared with a force
    assert "Russian Federation, 2015-09-01" not in w.compare.options


@pytest.mark.parametrize(
    "box, value, words",
    [
        ("deployed_icbms", "-5", "deployed ICBMs cannot be negative; got -5"),
        ("deployed_heavy_bombers", "lots", "deployed heavy bombers must be a number; got &#x27;lots&#x27;"),
        ("non_deployed_slbm_launchers", "2.5", "must be a whole number; got 2.5"),
        ("icbm_warheads", "1", "total over all deployed ICBMs"),
    ],
)
def test_bad_force_shows_the_models_message_and_keeps_the_figure(box, value, words):
    w = NewStartCheck()
    figure = w.figure_pane.value
    getattr(w, box).value = value
    assert words in w.message.value and 'role="alert"' in w.message.value
    assert w.figure_pane.value == figure
    getattr(w, box).value = str(ex.EXERCISE_FORCE.get(box, 0) or 400)  # a good value recovers
    assert 'role="alert"' not in w.message.value


# ----------------------------------------------------------------- inspection game


def test_inspection_default_equilibrium_by_hand():
    w = InspectionGame()
    # g = 4, f = 6, c = 1, L = 10, d = 0.8: p* = 4/(0.8·10) = 0.5; q* = 1/(0.8·10) = 0.125
    assert "p = 0.5" in w.message.value and "q = 0.125" in w.message.value
    r = result(w)
    assert (r.inspect_probability, r.cheat_probability) == pytest.approx((0.5, 0.125))
    # threshold g/(g+f) = 0.4 shaded: the shaded band is 0.4 of the axis from d = 0 to 1
    assert r.threshold == pytest.approx(0.4)
    ((x0, _, width, _),) = plot_areas(w.figure_pane.value)
    band, q_point = rects(w.figure_pane.value, svg.PALETTE[3])  # the shade, then q's square marker
    assert band == pytest.approx((x0, 0.4 * width), abs=0.01)
    assert q_point[0] + q_point[1] / 2 == pytest.approx(x0 + 0.8 * width, abs=0.01)  # at d = 0.8
    assert ">inspections<" in w.figure_pane.value and ">cannot deter<" in w.figure_pane.value
    d, q = np.array(r.curve_d), np.array(r.curve_q)
    # q*(d) = c/(d·L) where the equilibrium is mixed: at d = 1, 0.1
    assert d[-1] == 1.0 and q[-1] == pytest.approx(0.1)
    assert np.all(np.diff(q[d > 0.4]) <= 0), "better detection must not raise cheating"


def test_better_detection_lowers_cheating():
    w = InspectionGame()
    w.d.value = "1"
    assert "q = 0.1" in w.message.value
    w.d.value = "0.5"  # q* = 1/(0.5·10) = 0.2; p* = 4/(0.5·10) = 0.8
    assert "q = 0.2" in w.message.value and "p = 0.8" in w.message.value
    w.d.value = "0.3"  # below 0.4: inspections cannot deter, cheating certain
    assert "cannot deter" in w.message.value and "q = 1" in w.message.value


def test_penalty_moves_the_threshold():
    w = InspectionGame()
    w.f.value = 12.0  # g/(g+f) = 4/16 = 0.25
    assert result(w).threshold == pytest.approx(0.25)
    ((x0, _, width, _),) = plot_areas(w.figure_pane.value)
    assert rects(w.figure_pane.value, svg.PALETTE[3])[0] == pytest.approx((x0, 0.25 * width), abs=0.01)
    assert "g/(g+f) = 0.25" in w.message.value
    w.f.value = 20.0
    w.g.value = 0.5  # g/(g+f) = 0.5/20.5 = 0.024: too narrow a band for its label
    assert ">cannot deter<" not in w.figure_pane.value


@pytest.mark.parametrize(
    "box, value, words",
    [
        ("d", "1.5", "d (detection probability) must be a probability between 0 and 1; got 1.5"),
        ("d", "-0.2", "must be a probability between 0 and 1; got -0.2"),
        ("c", "cheap", "c (cost of an inspection) must be a number; got &#x27;cheap&#x27;"),
        ("L", "-10", "must be greater than 0; got -10"),
        ("d", "0", "must be greater than 0"),
    ],
)
def test_bad_game_input_shows_the_models_message_and_keeps_the_figure(box, value, words):
    w = InspectionGame()
    figure = w.figure_pane.value
    getattr(w, box).value = value
    assert words in w.message.value and 'role="alert"' in w.message.value
    assert w.figure_pane.value == figure


# ----------------------------------------------------------------- exercises


def test_exercise_answers_worked_by_hand():
    # force: (a) 400 + 240 + 50 = 690 ok; (b) 400 + 1,050 + 50 = 1,500 ok (not 2,050: bombers
    # count one each); (c) 690 + 60 + 40 + 15 = 805 > 800
    assert check("arms_control-new-start-broken", ["c"]).correct is True
    assert check("arms_control-new-start-broken", ["b", "c"]).correct is False
    # g = 3, f = 9: g/(g+f) = 0.25
    assert check("arms_control-detection-threshold", 0.25).correct is True
    assert check("arms_control-detection-threshold", 0.75).correct is False
    # 5 Feb 2011 to 5 Feb 2026: 15 years
    assert check("arms_control-new-start-years", 15).correct is True
    assert check("arms_control-new-start-years", 10).correct is False
    assert check("arms_control-new-start-years", ...).correct is None
    # no strategic-offensive treaty in force: 3 Oct 1977 (SALT I ends) to 5 Dec 1994 (START I
    # enters into force) = 17 years + 63 days = 6,272 days = 17.17 years; SORT (1 June 2003 to
    # 5 Feb 2011) closes the 2009-2011 gap, so forgetting it gives about 18.4
    assert ex.years_without_strategic_limits() == pytest.approx(6272 / 365.25)
    assert check("arms_control-years-without-limits", 17.17).correct is True
    assert check("arms_control-years-without-limits", 18.34).correct is False
    # nine-state sum: 64,449 (1986), 33,374 (1994), 9,614 (2025): 31,075 / 54,835 = 56.7 %
    assert check("arms_control-fall-before-start1", 57).correct is True
    assert check("arms_control-fall-before-start1", 43).correct is False
    # leadership: g·c/(d·L) = 12/2.25 = 5.333, minus g = 4: f = 1.333 (p <= 1 needs only f >= 0.44)
    assert check("arms_control-leadership-penalty", 1.33).correct is True
    assert check("arms_control-leadership-penalty", 0.44).correct is False


# ----------------------------------------------------------------- layers: tables, readouts, figures


def test_plain_check_can_fail():
    assert not plain(np.float64(1.0)) and not plain([np.arange(2)]) and plain({"a": (1, 2.0, "x")})


@pytest.mark.parametrize(
    "readout, values",
    [
        (readouts.stockpile_timeline, dict(country="Russia", years=(1992, 2010))),
        (readouts.stockpile_timeline, dict(country="China", years=(2026, 2026))),
        (readouts.new_start_check, dict(compare="United States, 2023-03-01", **ex.EXERCISE_FORCE)),
        (readouts.inspection_game, dict(g=4.0, f=6.0, c="1", L="10", d="0.3")),
    ],
)
def test_readouts_are_plain_values_with_a_sentence_and_alt(readout, values):
    result = readout(**values)
    assert not_plain_fields(result, nested=True) == {}
    assert result.sentence and result.alt


def test_readouts_say_what_the_widgets_say():
    w = StockpileTimeline(country="Russia", years=(1992, 2010))
    assert w.message.value == f'<div role="status" aria-live="polite">{w.compute(w.values()).sentence}</div>'
    r = readouts.stockpile_timeline(country="Russia", years=(1992, 2010))
    # by hand from the dataset (see test_choosing_a_country...): 26,734 in 1992 is the highest in the range
    assert r.peak == (1992, 26734) and r.shown[0][0] == 1992 and r.shown[0][-1] == 2010
    assert r.years == (1992, 2010)
    n = readouts.new_start_check(compare="United States, 2023-03-01")  # the widget's starting force
    assert [b.counted for b in n.bars] == [670, 1450, 790] and n.complies
    assert n.declared == (662, 1419, 800)
    assert n.declared_shares == pytest.approx((100 * 662 / 700, 100 * 1419 / 1550, 100.0))


def test_stockpile_tables_by_hand():
    assert tables.span() == (1945, 2026)  # first FAS estimate (US, 1945); treaty record as of 22 Nov 2026
    assert tables.countries()[:3] == (tables.ALL, "Russia", "United States")  # peaks 40,159 and 31,255
    total = tables.stockpile_series(tables.ALL)
    assert total[1986] == 64449 and total[2025] == 9614
    assert tables.stockpile_series("United States")[1967] == 31255
    with pytest.raises(InputError, match="No stockpile estimates for 'Atlantis'"):
        tables.stockpile_series("Atlantis")
    # the shipped plain series (what the live site receives) are the pandas series, every state and the sum
    shipped = tables.stockpile_warheads()
    assert set(shipped) == set(tables.countries()) and plain(shipped)
    for name, (years, warheads) in shipped.items():
        series = tables.stockpile_series(name)
        assert years == tuple(series.index) and warheads == tuple(series.to_numpy())
    with pytest.raises(InputError, match="No stockpile estimates for 'Atlantis'; choose one of: China, France"):
        readouts.stockpile_timeline(country="Atlantis")
    assert plain(tables.declared_numbers()) and plain(tables.treaty_spans()) and plain(tables.span())
    assert tables.label("Biological Weapons Convention, BWC/BTWC") == "BWC"
    assert tables.label("SALT I Interim Agreement") == "SALT I Interim Agreement"
    spans = tables.treaty_spans()
    assert spans[0] == ("PTBT", "test_ban", "1963-08-05", "1963-10-10", None)
    assert ("New START", "arms_control", "2010-04-08", "2011-02-05", "2026-02-05") in spans
    record = tables.treaty_record()
    assert record.loc["New START", "in force"] == "2011-02-05" and record.loc["NPT", "ended"] == "–"


def test_new_start_tables_by_hand():
    assert tables.limits() == (700, 1550, 800)
    assert tables.declared_numbers()["Russian Federation, 2016-09-01"] == (508, 1796, 847)
    assert "Russian Federation, 2015-09-01" not in tables.declared_numbers()  # only the warhead count
    # the dataset's limit rows: "had to be met by 2018-02-05" (entry into force 2011-02-05 + 7 years)
    assert tables.limits_bind_from() == dt.date(2018, 2, 5)
    history = tables.declared_history()
    days, values = history.series[tables.CATEGORIES[1]]["Russian Federation"]
    assert (dt.date(2015, 9, 1), 1648) in zip(days, values)  # the partial snapshot is drawn
    entries = dict(tables.stockpile_history().entries)
    assert entries == {
        "SALT I": dt.date(1972, 10, 3),
        "INF": dt.date(1988, 6, 1),
        "START I": dt.date(1994, 12, 5),
        "SORT": dt.date(2003, 6, 1),
        "New START": dt.date(2011, 2, 5),
    }


def test_static_figures_plot_dates():
    fig = ui.figure(figures.draw_stockpile_history, tables.stockpile_history(), width=7.2, height=3.6)
    ax = fig.axes[0]
    assert [line.get_label() for line in ax.lines[:3]] == ["sum of the nine states", "United States", "Russia"]
    x = ax.lines[0].get_xdata()
    assert x[0] == np.datetime64("1945-01-01") and x[-1] == np.datetime64("2025-01-01")
    marks = [line.get_xdata()[0] for line in ax.lines[3:]]
    assert np.datetime64("1994-12-05") in marks  # START I's entry into force, at its day
    fig = ui.figure(figures.draw_declared_numbers, tables.declared_history(), width=8.2, height=3.0)
    assert len(fig.axes) == 3
    binds = [line.get_xdata()[0] for line in fig.axes[0].lines if line.get_linestyle() == ":"]
    assert binds == [np.datetime64("2018-02-05")]


def test_controls_keep_their_layout_and_classes():
    w = NewStartCheck()
    (rows,) = w.children[0].children
    grid, compare = rows.children
    assert compare is w.compare and grid.layout.grid_template_columns == "repeat(3, 230px)"
    # rows by weapon type: ICBMs, SLBMs, heavy bombers
    assert [box.description for box in grid.children[:3]] == [
        "deployed ICBMs",
        "warheads on deployed ICBMs",
        "non-deployed ICBM launchers",
    ]
    assert all("sin-stacked" in box._dom_classes for box in grid.children)
    assert "sin-control" in w.deployed_icbms._dom_classes
    assert {"sin-widget", "sin-new-start-check"} <= set(w._dom_classes)
    g = InspectionGame()
    (rows,) = g.children[0].children
    assert [[c.description[0] for c in row.children] for row in rows.children] == [["g", "f"], ["c", "L"], ["d"]]
    assert {"sin-widget", "sin-inspection-game"} <= set(g._dom_classes)
    s = StockpileTimeline()
    assert {"sin-widget", "sin-arms-control-stockpiles"} <= set(s._dom_classes)
    assert s.country.options[0] == tables.ALL and s.years.value == (1945, 2026)
