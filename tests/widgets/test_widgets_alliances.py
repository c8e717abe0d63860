"""The alliances chapter's widgets, driven in-process as a student would drive them."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import numpy as np
import pytest
from helpers import not_plain_fields, plain, read_notebook

from widgets import data
from widgets.alliances import AllianceDeterrence, AllianceNetwork, NatoWaves
from widgets.check import check
from widgets.exercises import alliances as ex
from widgets.models import alliance_deterrence, alliance_network
from widgets.models.inputs import InputError
from widgets.pictures import alliances as pictures
from widgets.readouts import alliances as readouts
from widgets.svg import PALETTE
from widgets.tables import alliances as alliance_tables
from widgets.tables.alliances import network_tables

ROOT = Path(__file__).resolve().parents[2]


def _segments(widget, label):
    """Links the widget's picture draws for one legend group (one path; a segment per "M")."""
    colour, style = pictures.GROUP_STYLES[label]
    dash = ' stroke-dasharray="1.5 3"' if style == ":" else ""
    paths = re.findall(
        rf'<path d="([^"]*)" fill="none" stroke="{colour}" stroke-width="1"{dash} stroke-opacity',
        widget.figure_pane.value,
    )
    assert len(paths) <= 1, label
    return paths[0].count("M") if paths else 0


def _marks(widget, r, colour):
    """Dots of this radius and colour in the widget's picture."""
    return widget.figure_pane.value.count(f'r="{r}" fill="{colour}"')


def _faded(widget):
    """The translucent bands covering waves not yet reached."""
    return widget.figure_pane.value.count('fill="white" fill-opacity="0.72"')


def _threshold_x(widget):
    """r at the picture's dashed threshold line (None if not drawn): pixels back to data."""
    found = re.search(
        rf'<polyline points="([\d.]+),[\d.]+ [\d.]+,[\d.]+" fill="none" stroke="{PALETTE[3]}" stroke-width="1.5" stroke-dasharray="6 3"',
        widget.figure_pane.value,
    )
    return None if found is None else (float(found.group(1)) - 72) / (640 - 72 - 16)


# --- the alliance network ---------------------------------------------------------


def test_network_year_slider_changes_counts_links_and_figure():
    w = AllianceNetwork(year=1950, state="United States")
    # 1950: NATO's 12 founders (66 pairs) + 20 Rio parties (by hand from alliance_members: the ten
    # OAS-dated rows joined by 1950 except Guatemala 1955 and the Bahamas 1982 = 8, plus the United
    # States, Cuba, the Dominican Republic, Haiti, Honduras, Mexico, Nicaragua, Panama, Paraguay, Peru,
    # Uruguay and Venezuela = 12): C(20,2) = 190 pairs. The United States is in both, so 12 + 20 - 1 =
    # 31 states and 66 + 190 = 256 links; the United States belongs to both arrangements.
    assert "<b>31</b> states and <b>256</b> links" in w.message.value
    assert "belongs to 2 arrangement(s): NATO; Rio Treaty / TIAR;" in w.message.value
    assert _segments(w, "Rio Treaty") == 190
    assert _segments(w, "NATO") == 66 and _segments(w, "Warsaw Pact") == 0
    before = w.figure_pane.value
    w.year.value = 1960
    graph = alliance_network.graph_for_year(network_tables()[0], 1960)
    states, links = alliance_network.counts(graph)
    assert f"<b>{states}</b> states and <b>{links}</b> links" in w.message.value
    assert _segments(w, "Warsaw Pact") == 28  # 8 members, all still in: 8·7/2
    assert _segments(w, "NATO") == 15 * 14 // 2  # 15 members by 1955
    assert w.figure_pane.value != before and 'aria-label="Network of alliance links in 1960' in w.figure_pane.value
    assert _marks(w, 2.3, "#333333") == states  # one dark dot per state active that year
    assert _marks(w, 3.2, PALETTE[3]) == len(graph.neighbors("United States"))  # its partners in red
    for state in alliance_tables.network_states():  # every state named round the circle, every year
        assert f">{state}</text>" in w.figure_pane.value


def test_network_state_menu_lists_commitments():
    w = AllianceNetwork(year=1970, state="Pakistan")
    assert "belongs to 2 arrangement(s): CENTO; SEATO" in w.message.value
    w.state.value = "Iraq"  # left CENTO in 1959
    assert "<b>Iraq</b> has no alliance in the dataset in 1970" in w.message.value
    assert _marks(w, 3.2, PALETTE[3]) == 0
    w.year.value = 1956
    assert "belongs to 1 arrangement(s): CENTO" in w.message.value
    # CENTO in 1956: Türkiye, Iraq, United Kingdom, Pakistan, Iran -> 4 partners
    assert _marks(w, 3.2, PALETTE[3]) == 4


def test_network_draws_the_us_roc_treaty_while_it_was_in_force():
    # alliance_members: the United States and the Republic of China 1955-1979 (terminated 1 Jan 1980).
    w = AllianceNetwork(year=1979, state="Republic of China")
    assert "belongs to 1 arrangement(s): US-ROC MDT;" in w.message.value
    assert _marks(w, 3.2, PALETTE[3]) == 1  # its one partner, the United States
    w.year.value = 1960
    # the US bilateral links in 1960 by hand: Japan (1960 treaty), Korea, the Philippines, ROC = 4
    assert _segments(w, "US bilateral treaties") == 4
    w.year.value = 1980
    assert "<b>Republic of China</b> has no alliance in the dataset in 1980" in w.message.value


def test_network_bad_state_shows_the_models_message_and_keeps_the_figure():
    w = AllianceNetwork(year=1960)
    figure = w.figure_pane.value
    assert w.select("Atlantis", 1960) is False
    assert "does not appear in the membership table" in w.message.value and 'role="alert"' in w.message.value
    assert w.figure_pane.value == figure
    assert w.select("Japan", -3) is False and "year" in w.message.value


def test_network_exercise_matches_the_widget():
    w = AllianceNetwork(year=ex.NETWORK_YEAR)
    # 1960 by hand: Rio has 23 parties less Trinidad and Tobago (1967) and the Bahamas (1982), Cuba
    # still in (left 1962): 21 -> 210 pairs; NATO has 15 -> 105 pairs. Ratio 2.
    assert _segments(w, "Rio Treaty") == 210 and _segments(w, "NATO") == 105
    assert ex.pairs_by_arrangement(1960)["rio_treaty"] == 210
    assert check("alliances-links-ratio", "about twice as many").correct is True
    assert check("alliances-links-ratio", "about one and a half times as many").correct is False
    assert check("alliances-links-ratio", "ten times").correct is None  # not an option: says which are


def test_waves_slider_greys_out_later_waves():
    w = NatoWaves(year=1999)
    assert "<b>19</b> members in <b>5</b> wave(s)" in w.message.value  # 1949, 52, 55, 82, 99
    assert "Czechia, Hungary, Poland" in w.message.value
    assert _faded(w) == 6  # 2004, 2009, 2017, 2020, 2023, 2024
    at = readouts.waves_by(1999)
    waves = [wave for wave, _ in at.waves]
    assert [wave for wave in waves if wave not in at.reached] == [2004, 2009, 2017, 2020, 2023, 2024]
    before = w.figure_pane.value
    w.year.value = 1952
    assert "<b>14</b> members in <b>2</b> wave(s)" in w.message.value
    assert _faded(w) == len(waves) - 2  # only 1949 and 1952 in full colour
    assert w.figure_pane.value != before
    w.year.value = 2026
    assert "<b>32</b> members" in w.message.value and _faded(w) == 0
    for name in ("Belgium", "Sweden", "North Macedonia"):  # every member named, reached or not
        assert f">{name}</text>" in w.figure_pane.value


def test_waves_bad_year_shows_a_message():
    w = NatoWaves(year=2004)
    figure = w.figure_pane.value
    assert w.show(1999.5) is False
    assert "whole year" in w.message.value and w.figure_pane.value == figure


# --- extended deterrence ----------------------------------------------------------


def test_deterrence_reliability_slider_crosses_the_threshold():
    w = AllianceDeterrence(ally=2.0, reliability=0.5, cost=0.4, prize=1.0, defender=0.5)
    # p0 = 1/1.5, p1 = 1/3.5; r* = (2/3 - 0.4) / (2/3 - 2/7) = 0.70; at r = 0.5 EU = 0.5·(2/7 + 2/3) - 0.4
    assert "<b>not</b> deterred" in w.message.value
    assert "EU(attack) = <b>0.08</b>" in w.message.value and "r* = <b>0.70</b>" in w.message.value
    assert _threshold_x(w) == pytest.approx(0.7, abs=1e-4)  # the dashed line at r*
    before = w.figure_pane.value
    w.reliability.value = 0.9
    assert "is deterred" in w.message.value and "margin (0 − EU) = <b>0.08</b>" in w.message.value
    result = readouts.extended_deterrence(**w.values())
    assert result.reliability == 0.9 and result.attack_value == pytest.approx(0.9 * 2 / 7 + 0.1 * 2 / 3 - 0.4, abs=1e-9)
    assert w.figure_pane.value != before and "at r = 0.90 it is -0.08" in w.figure_pane.value  # the alt text
    # the model's paragraph, on the sentence's second line
    assert "<br>Alone, the protected state" in w.message.value
    assert "honour its commitment with probability 0.90" in w.message.value
    # the plotted line is the model's EU at every r
    r, eu = result.curve
    model = [alliance_deterrence.deterrence(1.0, 0.5, 2.0, x, 0.4).attack_value for x in r[::25]]
    assert np.allclose(eu[::25], model)


def test_deterrence_other_controls_move_the_threshold():
    w = AllianceDeterrence(ally=2.0, reliability=0.5, cost=0.4, prize=1.0, defender=0.5)
    w.cost.value = 0.8  # war costs more than the whole prize is worth alone: deterred at any r
    assert "Deterred at every reliability" in w.message.value and _threshold_x(w) is None
    assert ">threshold r*</text>" in w.figure_pane.value  # the key still lists it
    w.cost.value = 0.4
    w.ally.value = 0.0
    assert "reliability changes nothing" in w.message.value


def test_deterrence_bad_prize_shows_the_models_message():
    w = AllianceDeterrence()
    figure = w.figure_pane.value
    w.prize.value = "-1"  # a text box: the readout gets the raw text
    assert "the value of the prize V must be" in w.message.value and 'role="alert"' in w.message.value
    assert w.figure_pane.value == figure
    w.prize.value = "ten"  # a number box would have dropped this silently
    assert "the value of the prize V must be a number; got &#x27;ten&#x27;" in w.message.value
    assert w.figure_pane.value == figure
    w.prize.value = "1"
    assert "EU(attack)" in w.message.value


def test_deterrence_large_prize_widens_the_axis():
    w = AllianceDeterrence(prize=10.0, ally=0.5, defender=0.0, cost=0.0)
    assert pictures.limit(readouts.extended_deterrence(**w.values())) >= 10.0
    assert ">10</text>" in w.figure_pane.value and ">1.5</text>" not in w.figure_pane.value  # ticks of the wide axis
    w.prize.value = "1"
    assert ">1.5</text>" in w.figure_pane.value  # back to the usual ±1.6


def test_views_have_stable_css_classes():
    for cls, name in (
        (AllianceNetwork, "alliance-network"),
        (NatoWaves, "nato-waves"),
        (AllianceDeterrence, "alliance-deterrence"),
    ):
        assert {"sin-widget", f"sin-{name}"} <= set(cls()._dom_classes)


def test_exercise_answers_check():
    assert check("alliances-threshold", 0.70).correct is True
    assert check("alliances-threshold", 0.60).correct is False
    defence = ["NATO Art. 5", "SEATO Art. IV(1)", "CST Art. 4", "US-Japan 1960 Art. V"]
    assert check("alliances-obligation", defence).correct is True
    assert check("alliances-obligation", defence + ["SEATO Art. IV(2)"]).correct is False
    assert check("alliances-obligation", defence[:1]).correct is False
    # selection: V=1, a=1, D=0.5, A=3, C=0.3: p0 = 2/3, p1 = 2/9, r* = (2/3-0.3)/(2/3-2/9) = 0.825;
    # reliabilities uniform on [0, 1]: the attacked ones average r*/2 = 0.4125 (all: 0.5).
    assert check("alliances-selection", 0.41).correct is True
    assert check("alliances-selection", 0.5).correct is False


# --- the pure readouts and the derived tables (no ipywidgets, no matplotlib) -----------


def test_readouts_return_plain_values_and_the_widgets_sentences():
    net = readouts.network_in(year=1950, state="United States")
    assert (net.states, net.links) == (31, 256)  # by hand: see the first network test
    assert net.held == ("NATO", "Rio Treaty / TIAR") and len(net.partner_points) == len(net.partners) == 30
    assert sum(len(ends) for ends in net.segments.values()) == 66 + 190  # no link shared by two groups in 1950
    waves = readouts.waves_by(1999)
    assert (waves.members, waves.reached) == (19, (1949, 1952, 1955, 1982, 1999))
    assert waves.joined == ("Czechia", "Hungary", "Poland")
    assert "NATO's 32 members listed by enlargement wave from 1949 to 2024" in waves.alt
    det = readouts.extended_deterrence(reliability=0.5, ally=2.0, cost=0.4, defender=0.5, prize="1")
    assert det.threshold == pytest.approx(0.7) and det.threshold_status == "within"  # r* by hand, above
    assert det.ends == pytest.approx((2 / 3 - 0.4, 2 / 7 - 0.4)) and len(det.curve[0]) == 101
    for readout in (net, waves, det):
        assert not_plain_fields(readout, also=(alliance_deterrence.ThresholdStatus,), nested=True) == {}, type(
            readout
        ).__name__
        assert readout.sentence and readout.alt
    assert not plain({"x": np.float64(1.0)})  # the check can fail


def test_readouts_refuse_bad_input_with_the_models_sentence():
    with pytest.raises(InputError, match="does not appear in the membership table"):
        readouts.network_in(year=1960, state="Atlantis")
    with pytest.raises(InputError, match="whole year"):
        readouts.waves_by(1999.5)
    with pytest.raises(InputError, match="the value of the prize V must be a number"):
        readouts.extended_deterrence(reliability=0.5, ally=2.0, cost=0.4, defender=0.5, prize="ten")


def test_timeline_spans_match_the_caption():
    spans = {s.short_name: s for s in alliance_tables.arrangement_spans()}
    assert len(spans) == 18  # the dataset's description: eighteen arrangements
    # the figure's alt text: Warsaw Pact 1955-1991, SEATO 1954-1977, CENTO 1955-1979, US-Japan (1951) 1951-1960, US-ROC 1954-1980
    assert (spans["Warsaw Pact"].start, spans["Warsaw Pact"].end, spans["Warsaw Pact"].exists) == (1955, 1991, False)
    assert (spans["SEATO"].start, spans["SEATO"].end) == (1954, 1977)
    assert (spans["CENTO"].start, spans["CENTO"].end) == (1955, 1979)
    assert (spans["US-ROC MDT"].start, spans["US-ROC MDT"].end, spans["US-ROC MDT"].exists) == (1954, 1980, False)
    assert spans["NATO"].exists and spans["NATO"].end == data.as_of("alliances").year
    starts = [s.start for s in alliance_tables.arrangement_spans()]
    assert starts == sorted(starts)


def test_the_static_figure_cell_saves_its_image():
    """A captioned figure cell must save a PNG, or the page loses the figure (drawn without pyplot)."""
    nb = read_notebook(Path(__file__).resolve().parents[2] / "chapters" / "alliances.ipynb")
    figures = [c for c in nb.cells if c.cell_type == "code" and "figure" in c.metadata.get("mystnb", {})]
    assert figures, "the chapter has a captioned figure"
    for cell in figures:
        assert any("image/png" in out.get("data", {}) for out in cell.outputs), cell.source[:80]


def test_the_live_site_shows_what_the_kernel_shows():
    """The browser's bundle (stdlib only, scientific stack blocked) gives the kernel's HTML, bad input included."""
    spec = importlib.util.spec_from_file_location("live_script", ROOT / "scripts" / "live.py")
    live = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(live)
    bundle, specs, _ = live.bundle()
    assert {"alliance-network", "nato-waves", "alliance-deterrence"} <= set(specs)
    settings = [
        (AllianceNetwork, dict(year=1950, state="United States")),
        (AllianceNetwork, dict(year=1991, state="Russia")),
        (AllianceNetwork, dict(year=2026, state="Australia")),
        (NatoWaves, dict(year=1949)),
        (NatoWaves, dict(year=2004)),
        (AllianceDeterrence, dict(reliability=0.9, ally=2.0, cost=0.4, defender=0.5, prize="1")),
        (AllianceDeterrence, dict(reliability=0.2, ally=0.0, cost=1.5, defender=3.0, prize="10")),
        (AllianceDeterrence, dict(prize="ten")),  # refused: only the message changes
    ]
    widgets, cases = [], []
    for cls, values in settings:
        w = cls()
        for name, value in values.items():
            w.inputs[name].value = value
        widgets.append(w)
        cases.append((cls.name, live.page_values(w)))
    for w, result in zip(widgets, live.run_in_bundle(bundle, cases)):
        assert result["message"] == w.message.value
        if "figure" in result:
            assert result["figure"] == w.figure_pane.value
        else:
            assert 'role="alert"' in result["message"]
