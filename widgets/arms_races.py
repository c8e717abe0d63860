"""Widgets of the chapter "Arms races and the security dilemma".

Two components, each backed by a tested model:

* :class:`RichardsonRace` - six sliders for Richardson's coefficients and two
  boxes for the starting arms levels; draws x(t), y(t) and the phase plane with
  both nullclines, the equilibrium and the current path
  (:mod:`widgets.models.richardson`).
* :class:`DilemmaTournament` - a round-robin tournament of repeated Prisoner's
  Dilemma strategies with editable payoffs, noise, rounds and seed; shows the
  average payoffs as a bar chart and a ranked table (:mod:`widgets.models.dilemma`).

Readouts: :mod:`widgets.readouts.arms_races`; pictures (SVG, the same in the
kernel and on the live site): :mod:`widgets.pictures.arms_races`.
"""

from __future__ import annotations

from widgets.component import Component, Control
from widgets.pictures.arms_races import picture_race, picture_tournament
from widgets.readouts.arms_races import LEVEL_LIM, T_MAX, dilemma_tournament, richardson_race


def _coefficient(name: str, label: str, default: float, lo: float, hi: float, step: float) -> Control:
    return Control(
        name, "float", label, default, bounds=(lo, hi, step), readout_format=".2f", width="290px", label_width="125px"
    )


def _box(name: str, label: str, default: str, width: str, label_width: str = "initial") -> Control:
    return Control(name, "text", label, default, width=width, label_width=label_width)


class RichardsonRace(Component):
    """Sliders for k, l, a, b, g, h -> trajectories, phase plane and a verdict."""

    name = "richardson-race"
    controls = (
        _coefficient("k", "k (X reacts to Y)", 0.4, 0.0, 1.0, 0.05),
        _coefficient("l", "l (Y reacts to X)", 0.4, 0.0, 1.0, 0.05),
        _coefficient("a", "a (X's fatigue)", 0.6, 0.0, 1.0, 0.05),
        _coefficient("b", "b (Y's fatigue)", 0.6, 0.0, 1.0, 0.05),
        _coefficient("g", "g (X's grievance)", 1.0, -2.0, 2.0, 0.1),
        _coefficient("h", "h (Y's grievance)", 1.0, -2.0, 2.0, 0.1),
        _box("x0", "X's start x(0)", "1", "290px", "125px"),
        _box("y0", "Y's start y(0)", "8", "290px", "125px"),
    )
    readout = richardson_race
    picture = picture_race
    rows = (("k", "l"), ("a", "b"), ("g", "h"), ("x0", "y0"))


class DilemmaTournament(Component):
    """Payoff boxes, noise, rounds and seed -> ranking as bars and a table."""

    name = "dilemma-tournament"
    controls = (
        Control("noise", "float", "noise", 0.0, bounds=(0.0, 0.3, 0.01), readout_format=".2f", width="260px"),
        Control("rounds", "int", "rounds", 200, bounds=(10, 500, 10), width="260px"),
        _box("T", "T", "5", "90px"),
        _box("R", "R", "3", "90px"),
        _box("P", "P", "1", "90px"),
        _box("S", "S", "0", "90px"),
        _box("seed", "seed", "0", "120px"),
        _box("generosity", "forgiveness of generous TFT (blank = automatic)", "", "400px"),
    )
    readout = dilemma_tournament
    picture = picture_tournament
    rows = (("noise", "rounds"), ("T", "R", "P", "S"), ("seed", "generosity"))


__all__ = ["RichardsonRace", "DilemmaTournament", "LEVEL_LIM", "T_MAX"]
