"""The Deterrence chapter's widgets, driven in-process as a student would drive them.

Expected numbers are worked by hand in the comments (or computed with the model
for a case the comment explains), never copied from the widget's output. What a
picture shows is read from the readout the picture draws (``_readout``) and from
the SVG itself.
"""

from __future__ import annotations

import re

import pytest
from helpers import not_plain_fields

from widgets.check import check
from widgets.deterrence import ChickenBrinkmanship, DeterrenceCalculator, DeterrenceGame
from widgets.models.inputs import InputError
from widgets.pictures import deterrence as pictures
from widgets.readouts import deterrence as readouts


def _readout(w):
    """The readout the component's picture and sentence show for its current controls."""
    return type(w).readout(**w.values())


def _thick(svg: str) -> int:
    """How many lines the SVG draws as thick as the equilibrium path."""
    return len(re.findall(r'<polyline [^>]*stroke-width="5"', svg))


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
    r = _readout(w)
    assert r.credibility == 0.25 and r.eu_attack == pytest.approx(1.0)
    assert r.threshold == pytest.approx(0.375)
    # the curve: 3 at c=0, -5 at c=1
    assert r.curve_eu_attack[0] == pytest.approx(3.0) and r.curve_eu_attack[-1] == pytest.approx(-5.0)
    assert 'aria-label="Line chart of the challenger' in w.figure_pane.value
    assert "the current credibility 0.25 gives EU(attack) = 1" in w.figure_pane.value


def test_calculator_moves_threshold_with_punishment_and_hides_it_when_undefined():
    w = DeterrenceCalculator(p_success=0.5, gain=10, cost=2, punishment=8, credibility=0.5)
    assert "stroke-dasharray" in w.figure_pane.value  # c* is the picture's one dashed line
    w.punishment.value = 12  # c* = 3/12 = 0.25
    assert _readout(w).threshold == pytest.approx(0.25)
    w.punishment.value = 0  # no punishment: credibility is irrelevant, EU = 3 > 0
    assert _readout(w).threshold is None and "stroke-dasharray" not in w.figure_pane.value
    assert "threshold c*" in w.figure_pane.value  # the key still names it
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
    assert "<svg" in w.figure_pane.value  # still shows a (default) figure


# ============================================================ 2. game tree


def test_default_tree_is_deterrence_with_the_path_highlighted():
    # C backs down (-1 > -2), so D resists (1 > -1), so C keeps the status quo (0 > -1).
    g = DeterrenceGame()
    assert "Outcome: <b>Status quo</b>" in g.message.value
    styles = pictures.edge_styles(_readout(g).tree)
    assert styles["Status quo"] == "path" and styles["Challenge"] != "path"
    assert styles["Resist"] == "chosen" and styles["Back down"] == "chosen"  # chosen off the path: dashed
    assert styles["Fight"] == "other"
    assert _thick(g.figure_pane.value) == 1


def test_editing_a_payoff_changes_the_equilibrium_path_and_figure():
    g = DeterrenceGame()
    before = g.figure_pane.value
    g.war_challenger.value = "1"  # C now fights (1 > -1); D concedes (-1 > -2); C challenges
    assert "Outcome: <b>Defender concedes</b>" in g.message.value
    styles = pictures.edge_styles(_readout(g).tree)
    assert styles["Challenge"] == styles["Concede"] == "path" and styles["Status quo"] == "other"
    assert _thick(g.figure_pane.value) == 2
    assert ">(1, -2)</text>" in g.figure_pane.value
    assert g.figure_pane.value != before


def test_tree_refuses_text_and_keeps_the_previous_figure():
    g = DeterrenceGame()
    before = g.figure_pane.value
    g.backdown_defender.value = "a lot"
    assert "Defender&#x27;s payoff at backdown must be a number; got &#x27;a lot&#x27;" in g.message.value
    assert g.figure_pane.value == before
    assert "Incomplete information" not in g.message.value  # only the refusal: nothing to screen with


def test_tree_tie_shows_the_models_indifference_message_and_no_path():
    g = DeterrenceGame()
    g.war_challenger.value = "-1"  # back down and fight both give C -1
    assert "indifferent at &#x27;Challenger&#x27;s escalation&#x27;" in g.message.value
    assert set(pictures.edge_styles(_readout(g).tree).values()) == {"other"}
    assert _thick(g.figure_pane.value) == 0 and ">(-1, -2)</text>" in g.figure_pane.value
    # screening waits, in the sentence and in its panel
    assert g.message.value.count("Fix the payoffs above to see the incomplete-information case.") == 1
    assert "Fix the payoffs above to see the incomplete-information case." in g.figure_pane.value
    assert _readout(g).screening is None


def test_screening_slider_follows_the_threshold():
    # Defaults: C gets 0 (status quo), 1 (concession), -1 once resisted (backs down).
    # EU(challenge) = q(-1) + (1-q)(1) = 1 - 2q; q* = 0.5.
    g = DeterrenceGame(q=0.3)
    assert "challenger challenges" in g.message.value
    assert _readout(g).screening.eu_challenge == pytest.approx(0.4)
    before = g.figure_pane.value
    g.q.value = 0.8  # 1 - 1.6 = -0.6 < 0
    assert "challenger is deterred" in g.message.value
    screen = _readout(g).screening
    assert screen.eu_challenge == pytest.approx(-0.6) and screen.threshold == pytest.approx(0.5)
    assert "at q = 0.80 it is -0.6" in g.figure_pane.value
    assert g.figure_pane.value != before


def test_screening_explains_when_resistance_is_no_threat():
    # C once resisted takes its better of back down (-1) and war (3) = 3 > concession 1.
    g = DeterrenceGame()
    g.war_challenger.value = "3"
    assert "u_resist (3) is greater than u_concede (1)" in g.message.value
    assert "Outcome: <b>Defender concedes</b>" in g.message.value  # the tree is still solved and drawn
    assert _thick(g.figure_pane.value) == 2 and "u_resist (3) is greater" in g.figure_pane.value


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
    assert "<td style='padding:2px 10px'>(-4, -4)</td>" in c.message.value  # the payoff table


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
    brink = _readout(c).brinkmanship
    assert brink.cumulative_risk[-1] == pytest.approx(1 - 0.9**5)
    assert brink.eu_firm[-1] == pytest.approx(0.9**5 - 10 * (1 - 0.9**5))
    assert "worse than conceding" in c.message.value
    assert "rises to 0.41 after 5 steps" in c.figure_pane.value
    before = c.figure_pane.value
    c.steps.value = 1  # 1 - 0.9 = 0.1; EU = 0.9 - 1 = -0.1 > -1
    assert _readout(c).brinkmanship.cumulative_risk == [pytest.approx(0.1)]
    assert "beats conceding" in c.message.value
    assert c.figure_pane.value != before
    c.risk.value = 0.0
    assert set(_readout(c).brinkmanship.cumulative_risk) == {0.0}


def test_the_payoff_axes_follow_the_payoffs():
    # Screening snaps to multiples of 5 around 0, 1 and -1: (-5, 5); brinkmanship pads 5% of 1 - (-10).
    g = _readout(DeterrenceGame())
    assert pictures.screening_limits(g.screening) == (-5, 5)
    c = _readout(ChickenBrinkmanship())
    assert pictures.brinkmanship_limits(c.brinkmanship) == pytest.approx((-10.55, 1.55))
    c = _readout(ChickenBrinkmanship(disaster="-20"))
    assert pictures.brinkmanship_limits(c.brinkmanship) == pytest.approx((-21.05, 2.05))


def test_stable_css_classes():
    assert {"sin-widget", "sin-deterrence-calculus"} <= set(DeterrenceCalculator()._dom_classes)
    game = DeterrenceGame()
    assert {"sin-widget", "sin-deterrence-game-and-screening"} <= set(game._dom_classes)
    chick = ChickenBrinkmanship()
    assert {"sin-widget", "sin-chicken-and-brinkmanship"} <= set(chick._dom_classes)
    assert "sin-control" in game.q._dom_classes and "sin-control" in chick.risk._dom_classes


def _all(widget):
    """``widget`` and every widget inside it."""
    out = [widget]
    for child in getattr(widget, "children", ()):
        out += _all(child)
    return out


def _classed(widget, name):
    return [w for w in _all(widget) if f"sin-{name}" in getattr(w, "_dom_classes", ())]


@pytest.mark.parametrize("make", [DeterrenceCalculator, DeterrenceGame, ChickenBrinkmanship])
def test_one_figure_one_sentence_and_every_control_shows_once(make):
    # The site tests find a widget by its class and read the one figure and sentence in it.
    w = make()
    assert len(_classed(w, "output")) == 1 and len(_classed(w, "message")) == 1
    everything = _all(w)
    for control in w.inputs.values():
        assert sum(x is control for x in everything) == 1


def test_the_two_part_widgets_lay_their_controls_out_in_rows():
    game, chick = DeterrenceGame(), ChickenBrinkmanship()
    assert game.rows[-1] == ("q",) and ("war_challenger", "war_defender") in game.rows
    assert chick.rows[-1] == ("risk", "steps")
    for w in (game, chick):
        assert sorted(name for row in w.rows for name in row) == sorted(w.inputs)


def test_a_refused_starting_payoff_falls_back_to_the_defaults_and_says_so():
    g = DeterrenceGame(war_challenger="lots")
    assert "Starting values refused: Challenger&#x27;s payoff at war must be a number" in g.message.value
    assert g.war_challenger.value == "-2" and ">(-2, -2)</text>" in g.figure_pane.value
    assert "at q = 0.60 it is -0.2" in g.figure_pane.value  # the defaults' screening, q = 0.6 > q* = 0.5
    assert _readout(g).screening.threshold == pytest.approx(0.5)


def test_brinkmanship_waits_while_the_chicken_payoffs_are_refused():
    c = ChickenBrinkmanship()
    before = c.figure_pane.value
    c.sucker.value = "minus one"
    c.risk.value = 0.2  # the brinkmanship controls cannot use payoffs the game refused
    assert "sucker must be a number" in c.message.value and "Standing firm" not in c.message.value
    assert c.figure_pane.value == before
    c.sucker.value = "-1"
    assert "Standing firm for <b>10</b> steps" in c.message.value and c.figure_pane.value != before


# ============================================================ readouts (pure)

_GAME = dict(
    status_quo_challenger="0",
    status_quo_defender="0",
    concession_challenger="1",
    concession_defender="-1",
    backdown_challenger="-1",
    backdown_defender="1",
    war_challenger="-2",
    war_defender="-2",
)


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
        (readouts.game_readout, dict(q=0.3, **_GAME)),
        (
            readouts.game_readout,
            dict(q=0.3, **{f"{leaf}_{who}": "0" for leaf in readouts.LEAVES for who in ("challenger", "defender")}),
        ),
        (readouts.game_readout, dict(q=0.3, **(_GAME | {"war_challenger": "3"}))),
        (
            readouts.crisis_readout,
            dict(risk=0.1, steps=2, both_swerve="0", temptation="1", sucker="-1", disaster="-10"),
        ),
    ],
)
def test_readouts_hold_plain_values_only(readout, kwargs):
    result = readout(**kwargs)
    assert isinstance(result.sentence, str) and isinstance(result.alt, str) and result.alt
    assert not_plain_fields(result, nested=True) == {}


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
    # The game widget: the tree's sentence, then screening under its heading, at q = 0.3.
    game = readouts.game_readout(q=0.3, **_GAME)
    assert game.tree.outcome == "Status quo" and game.screening.eu_challenge == pytest.approx(0.4)
    assert game.sentence == f"{game.tree.sentence}<br><b>{readouts.SCREENING_HEADING}</b><br>{game.screening.sentence}"
    assert game.alt == f"Two panels. Top: {game.tree.alt} Bottom: {game.screening.alt}"
    # A tie in the tree: no path, and screening waits (its note, no chart).
    tied = readouts.game_readout(q=0.3, **(_GAME | {"war_challenger": "-1"}))
    assert tied.tree.path == () and tied.screening is None and tied.screening_note == readouts.SCREENING_WAIT
    # C once resisted would fight (3 > -1) and 3 > concession 1: screening refuses, the tree stands.
    refused = readouts.game_readout(q=0.3, **(_GAME | {"war_challenger": "3"}))
    assert refused.tree.outcome == "Defender concedes" and refused.screening is None
    assert "u_resist (3) is greater than u_concede (1)" in refused.screening_note
    with pytest.raises(InputError, match="payoff at war must be a number"):
        readouts.game_readout(q=0.3, **(_GAME | {"war_defender": "x"}))
    # Chicken with brinkmanship: the table, the equilibria, then the curves' sentence.
    crisis = readouts.crisis_readout("0", "1", "-1", "-10", 0.1, 2)
    assert crisis.sentence.startswith(crisis.chicken.table) and crisis.sentence.endswith(crisis.brinkmanship.sentence)
    assert crisis.alt == crisis.brinkmanship.alt and crisis.chicken.swerve_probability == pytest.approx(0.9)
    with pytest.raises(InputError, match="Chicken needs"):
        readouts.crisis_readout("0", "1", "5", "-10", 0.1, 2)


# ============================================================ exercises


def test_exercise_answers_worked_by_hand():
    # C's warning is against an invasion not yet begun (deterrence), in a crisis (immediate),
    # for an ally (extended), by retaliation on cities (punishment).
    assert check("deterrence-distinctions", "Deterrence, Immediate, Extended, Punishment").correct
    assert check("deterrence-distinctions", "compellence, immediate, extended, punishment").correct is False
    assert check("deterrence-distinctions", "deterrence, general, extended, punishment").correct is False
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
