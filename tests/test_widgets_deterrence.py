"""The Deterrence chapter's widgets, driven in-process as a student would drive them.

Expected numbers are worked by hand in the comments (or computed with the model
for a case the comment explains), never copied from the widget's output.
"""

from __future__ import annotations

import numpy as np
import pytest
from helpers import not_plain_fields

from widgets.check import check
from widgets.deterrence import ChickenBrinkmanship, DeterrenceCalculator, DeterrenceGame
from widgets.models.inputs import InputError
from widgets.readouts import deterrence as readouts

# ============================================================ 1. calculus


def test_calculator_says_deterred_then_fails_as_credibility_falls():
    # p=0.5, gain=10, cost=2, punishment=8: EU(attack) = 3 - 8c; c* = 3/8.
    w = DeterrenceCalculator(p_success=0.5, gain=10, cost=2, punishment=8, credibility=0.5)
    assert "<b>Deterred</b>" in w.message.value and "better by 1." in w.message.value
    assert "c* = 0.375" in w.message.value
    before = w.figure_pane.value
    w.credibility.value = 0.25  # EU = 3 - 2 = 1 > 0
    assert "<b>Deterrence fails</b>" in w.message.value and "better by 1." in w.message.value
    assert w.figure_pane.value != before
    assert list(w.chart.point.get_xdata()) == [0.25] and w.chart.point.get_ydata()[0] == pytest.approx(1.0)
    assert list(w.chart.threshold.get_xdata()) == pytest.approx([0.375, 0.375])
    # the curve: 3 at c=0, -5 at c=1
    y = w.chart.curve.get_ydata()
    assert y[0] == pytest.approx(3.0) and y[-1] == pytest.approx(-5.0)
    assert 'alt="Line chart of the challenger' in w.figure_pane.value


def test_calculator_moves_threshold_with_punishment_and_hides_it_when_undefined():
    w = DeterrenceCalculator(p_success=0.5, gain=10, cost=2, punishment=8, credibility=0.5)
    w.punishment.value = 12  # c* = 3/12 = 0.25
    assert list(w.chart.threshold.get_xdata()) == pytest.approx([0.25, 0.25])
    w.punishment.value = 0  # no punishment: credibility is irrelevant, EU = 3 > 0
    assert len(w.chart.threshold.get_xdata()) == 0
    assert "no credibility threshold" in w.message.value and "Deterrence fails" in w.message.value


def test_calculator_exact_tie_is_reported_as_indifference():
    w = DeterrenceCalculator(p_success=0.5, gain=10, cost=2, punishment=8, credibility=0.375)
    assert "indifferent" in w.message.value and "Deterred" not in w.message.value


@pytest.mark.parametrize(
    "kwargs, text",
    [
        ({"credibility": 1.5}, "credibility must be a probability between 0 and 1; got 1.5"),
        ({"p_success": -0.2}, "p_success must be a probability between 0 and 1; got -0.2"),
        ({"gain": "lots"}, "gain must be a number; got 'lots'"),
        ({"cost": -1}, "cost cannot be negative"),
    ],
)
def test_calculator_refuses_nonsense_starting_values_with_the_models_message(kwargs, text):
    from html import escape

    w = DeterrenceCalculator(**kwargs)
    assert escape(text) in w.message.value and 'role="alert"' in w.message.value
    assert w.figure_pane.value.startswith("<img")  # still shows a (default) figure


# ============================================================ 2. game tree


def test_default_tree_is_deterrence_with_the_path_highlighted():
    # C backs down (-1 > -2), so D resists (1 > -1), so C keeps the status quo (0 > -1).
    g = DeterrenceGame()
    assert "Outcome: <b>Status quo</b>" in g.message.value
    assert g.chart.edges["Status quo"].get_linewidth() == 5
    assert g.chart.edges["Challenge"].get_linewidth() < 5
    assert g.chart.edges["Resist"].get_linestyle() == "--"  # chosen off the path
    assert g.chart.edges["Back down"].get_linestyle() == "--"
    assert g.chart.edges["Fight"].get_linewidth() == 1.5


def test_editing_a_payoff_changes_the_equilibrium_path_and_figure():
    g = DeterrenceGame()
    before = g.tree_pane.value
    g.war_challenger.value = "1"  # C now fights (1 > -1); D concedes (-1 > -2); C challenges
    assert "Outcome: <b>Defender concedes</b>" in g.message.value
    for action in ("Challenge", "Concede"):
        assert g.chart.edges[action].get_linewidth() == 5
    assert g.chart.edges["Status quo"].get_linewidth() == 1.5
    assert g.chart.leaf_text["war"].get_text() == "(1, -2)"
    assert g.tree_pane.value != before


def test_tree_refuses_text_and_keeps_the_previous_figure():
    g = DeterrenceGame()
    before = g.tree_pane.value
    g.backdown_defender.value = "a lot"
    assert "Defender&#x27;s payoff at backdown must be a number; got &#x27;a lot&#x27;" in g.message.value
    assert g.tree_pane.value == before
    assert "Fix the payoffs" in g.screen_message.value


def test_tree_tie_shows_the_models_indifference_message_and_no_path():
    g = DeterrenceGame()
    g.war_challenger.value = "-1"  # back down and fight both give C -1
    assert "indifferent at &#x27;Challenger&#x27;s escalation&#x27;" in g.message.value
    assert all(line.get_linewidth() == 1.5 for line in g.chart.edges.values())


def test_screening_slider_follows_the_threshold():
    # Defaults: C gets 0 (status quo), 1 (concession), -1 once resisted (backs down).
    # EU(challenge) = q(-1) + (1-q)(1) = 1 - 2q; q* = 0.5.
    g = DeterrenceGame(q=0.3)
    assert "challenger challenges" in g.screen_message.value
    assert g.screen_chart.q_point.get_ydata()[0] == pytest.approx(0.4)
    before = g.screen_pane.value
    g.q.value = 0.8  # 1 - 1.6 = -0.6 < 0
    assert "challenger is deterred" in g.screen_message.value
    assert g.screen_chart.q_point.get_ydata()[0] == pytest.approx(-0.6)
    assert list(g.screen_chart.q_star.get_xdata()) == pytest.approx([0.5, 0.5])
    assert g.screen_pane.value != before


def test_screening_explains_when_resistance_is_no_threat():
    # C once resisted takes its better of back down (-1) and war (3) = 3 > concession 1.
    g = DeterrenceGame()
    g.war_challenger.value = "3"
    assert "u_resist (3) is greater than u_concede (1)" in g.screen_message.value


# ============================================================ 3. Chicken and brinkmanship


def test_chicken_equilibria_and_mixed_probability():
    # Default: swerve 0, straight-vs-swerve 1, swerve-vs-straight -1, crash -10.
    # Indifference: s*0 + (1-s)(-1) = s*1 + (1-s)(-10)  ->  -1 + s = 11s - 10  ->  s = 0.9.
    c = ChickenBrinkmanship()
    assert "Row Swerve, Column Straight" in c.message.value
    assert "Row Straight, Column Swerve" in c.message.value
    assert "<b>0.9</b>" in c.message.value
    c.disaster.value = "-4"  # -1 + s = 4s... : -1 + s = s + (1-s)(-4) -> s = 0.75
    assert "<b>0.75</b>" in c.message.value
    assert "(-4, -4)" in c.table.value


def test_chicken_refuses_a_game_that_is_not_chicken_or_not_a_number():
    c = ChickenBrinkmanship()
    before = c.figure_pane.value
    c.sucker.value = "5"
    assert "Chicken needs temptation &gt; both_swerve &gt; sucker &gt; disaster" in c.message.value
    assert c.figure_pane.value == before
    c.sucker.value = "minus one"
    assert "sucker must be a number; got &#x27;minus one&#x27;" in c.message.value


def test_brinkmanship_risk_curve_and_expected_value():
    c = ChickenBrinkmanship(risk=0.1, steps=5)
    # 1 - 0.9^5 = 0.40951; EU(firm) = 0.59049*1 + 0.40951*(-10) = -3.50461
    assert c.chart.risk_point.get_ydata()[0] == pytest.approx(1 - 0.9**5)
    assert c.chart.firm_point.get_ydata()[0] == pytest.approx(0.9**5 - 10 * (1 - 0.9**5))
    assert "worse than conceding" in c.brink_message.value
    before = c.figure_pane.value
    c.steps.value = 1  # 1 - 0.9 = 0.1; EU = 0.9 - 1 = -0.1 > -1
    assert c.chart.risk_point.get_ydata()[0] == pytest.approx(0.1)
    assert "beats conceding" in c.brink_message.value
    assert c.figure_pane.value != before
    c.risk.value = 0.0
    assert np.all(c.chart.risk_line.get_ydata() == 0)


def test_stable_css_classes():
    assert {"sin-widget", "sin-deterrence-calculus"} <= set(DeterrenceCalculator()._dom_classes)
    game = DeterrenceGame()
    assert {"sin-widget", "sin-deterrence-game"} <= set(game.children[0]._dom_classes)
    assert {"sin-widget", "sin-deterrence-screening"} <= set(game.children[2]._dom_classes)
    chick = ChickenBrinkmanship()
    assert {"sin-widget", "sin-chicken"} <= set(chick.children[0]._dom_classes)
    assert {"sin-widget", "sin-brinkmanship"} <= set(chick.children[2]._dom_classes)
    assert "sin-control" in game.q._dom_classes and "sin-control" in chick.risk._dom_classes


def _classed(widget, name):
    """Every widget under ``widget`` (itself included) carrying the class ``sin-<name>``."""
    found = [widget] if f"sin-{name}" in getattr(widget, "_dom_classes", ()) else []
    for child in getattr(widget, "children", ()):
        found += _classed(child, name)
    return found


def _all(widget):
    """``widget`` and every widget inside it."""
    out = [widget]
    for child in getattr(widget, "children", ()):
        out += _all(child)
    return out


def _classed(widget, name):
    return [w for w in _all(widget) if f"sin-{name}" in getattr(w, "_dom_classes", ())]


@pytest.mark.parametrize(
    "make, parts, figures",
    [
        (DeterrenceGame, ["deterrence-game", "deterrence-screening"], [1, 1]),
        (ChickenBrinkmanship, ["chicken", "brinkmanship"], [0, 1]),
    ],
)
def test_each_part_is_found_once_with_its_figure_and_every_control_shows_once(make, parts, figures):
    # The site tests find a part by its class and read the one figure and sentence in it.
    w = make()
    for name, n in zip(parts, figures):
        (part,) = _classed(w, name)
        assert len(_classed(part, "output")) == n and len(_classed(part, "message")) == 1
    assert not set(parts) & {c.removeprefix("sin-") for c in w._dom_classes}
    everything = _all(w)
    for control in w.inputs.values():
        assert sum(x is control for x in everything) == 1


def test_a_refused_starting_payoff_falls_back_to_the_defaults_and_says_so():
    g = DeterrenceGame(war_challenger="lots")
    assert "Starting values refused: Challenger&#x27;s payoff at war must be a number" in g.message.value
    assert g.war_challenger.value == "-2" and g.chart.leaf_text["war"].get_text() == "(-2, -2)"
    assert "challenger is deterred" in g.screen_message.value  # defaults, q = 0.6 > q* = 0.5


def test_brinkmanship_waits_while_the_chicken_payoffs_are_refused():
    c = ChickenBrinkmanship()
    before = c.figure_pane.value
    c.sucker.value = "minus one"
    c.risk.value = 0.2  # the brinkmanship controls cannot use payoffs the game refused
    assert "Fix the Chicken payoffs above" in c.brink_message.value
    assert c.figure_pane.value == before
    c.sucker.value = "-1"
    assert "Standing firm for <b>10</b> steps" in c.brink_message.value and c.figure_pane.value != before


# ============================================================ readouts (pure)


@pytest.mark.parametrize(
    "readout, kwargs",
    [
        (readouts.calculus_readout, dict(credibility=0.25, p_success=0.5, gain=10, cost=2, punishment=8)),
        (readouts.calculus_readout, dict(credibility=0.5, p_success=0.5, gain=10, cost=2, punishment=0)),
        (
            readouts.tree_readout,
            {f"{leaf}_{who}": "0" for leaf in readouts.LEAVES for who in ("challenger", "defender")},
        ),
        (
            readouts.tree_readout,
            dict(
                status_quo_challenger="0",
                status_quo_defender="0",
                concession_challenger="1",
                concession_defender="-1",
                backdown_challenger="-1",
                backdown_defender="1",
                war_challenger="-2",
                war_defender="-2",
            ),
        ),
        (
            readouts.screening_readout,
            dict(
                q=0.3,
                status_quo_challenger="0",
                concession_challenger="1",
                backdown_challenger="-1",
                war_challenger="-2",
            ),
        ),
        (readouts.chicken_readout, dict(both_swerve="0", temptation="1", sucker="-1", disaster="-10")),
        (
            readouts.brinkmanship_readout,
            dict(risk=0.1, steps=2, both_swerve="0", temptation="1", sucker="-1", disaster="-10"),
        ),
    ],
)
def test_readouts_hold_plain_values_only(readout, kwargs):
    result = readout(**kwargs)
    assert isinstance(result.sentence, str) and isinstance(result.alt, str) and result.alt
    assert not_plain_fields(result) == {}


def test_readouts_worked_by_hand():
    # EU(attack) = 0.5*10 - 2 - 0.25*8 = 1 > 0; c* = 3/8.
    r = readouts.calculus_readout(credibility=0.25, p_success=0.5, gain=10, cost=2, punishment=8)
    assert r.eu_attack == pytest.approx(1.0) and r.deterred is False and r.threshold == pytest.approx(0.375)
    assert r.curve_eu_attack[0] == pytest.approx(3.0) and r.curve_eu_attack[-1] == pytest.approx(-5.0)
    # All payoffs 0: the challenger is indifferent at its last move, so there is no path.
    zeros = {f"{leaf}_{who}": "0" for leaf in readouts.LEAVES for who in ("challenger", "defender")}
    tie = readouts.tree_readout(**zeros)
    assert tie.path == () and tie.outcome is None and "indifferent" in tie.warning
    # Once resisted the challenger backs down (-1 > -2), so u_resist = -1: EU = 0.3(-1) + 0.7(1) = 0.4.
    s = readouts.screening_readout(0.3, "0", "1", "-1", "-2")
    assert s.u_resist == -1 and s.eu_challenge == pytest.approx(0.4) and s.threshold == pytest.approx(0.5)
    # Brinkmanship takes win = T = 1, concede = L = -1, disaster = D = -10:
    # two steps at r = 0.1: survive 0.81, EU = 0.81 - 1.9 = -1.09.
    b = readouts.brinkmanship_readout(0.1, 2, "0", "1", "-1", "-10")
    assert (b.win, b.concede, b.disaster) == (1, -1, -10) and b.eu_firm[-1] == pytest.approx(-1.09)
    with pytest.raises(InputError, match="Chicken needs"):
        readouts.brinkmanship_readout(0.1, 2, "0", "1", "5", "-10")


# ============================================================ exercises


def test_exercise_answers_worked_by_hand():
    assert check("deterrence-distinctions", "Immediate, Extended, Punishment").correct
    assert check("deterrence-distinctions", "general, extended, punishment").correct is False
    # c* = (0.8*10 - 1)/12 = 7/12 before, (0.4*10 - 1)/12 = 3/12 after: falls by 4/12.
    assert check("deterrence-threshold", 1 / 3).correct
    assert check("deterrence-threshold", 0.25).correct is False  # the new c*, not its fall
    # C fights (-1 > -2); D concedes (-1 > -4); C challenges (2 > 0).
    assert check("deterrence-tree-outcome", "challenge, concede").correct
    assert check("deterrence-tree-outcome", "Status quo").correct is False
    # D resists only if conceding < war (-4); then C compares war (-1) with 0 and stays put.
    assert check("deterrence-tripwire", -4).correct
    assert check("deterrence-tripwire", -1).correct is False
    # sunk cost separates iff 2.5 <= m <= 5: B (3) and C (4.5).
    assert check("deterrence-signal", ["C", "b"]).correct
    assert check("deterrence-signal", ["A", "B", "C"]).correct is False
    # s* = 10/14, so P(crash) = (4/14)^2 = 16/196.
    assert check("deterrence-chicken-crash", 16 / 196).correct
    assert check("deterrence-chicken-crash", 10 / 14).correct is False  # s*, not the crash
    # 0.97^22 = 0.5117 > 0.5 > 0.97^23 = 0.4963.
    assert check("deterrence-brink-steps", 23).correct
    assert check("deterrence-brink-steps", 22).correct is False
