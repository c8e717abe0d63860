"""Widgets of the chapter "Burden sharing and the economics of alliances".

Three components, each a control table, a readout in
:mod:`widgets.readouts.burden_sharing` and a picture in
:mod:`widgets.pictures.burden_sharing` (SVG drawn by the standard library, so the
same code recomputes the widget on the live site):

* :class:`GuidelineChart` - NATO Allies' defence spending as a share of GDP for a
  year of the chapter's NATO release, sorted by value or by name, with the 2% and
  3.5% lines, a line of the reader's own, and counts of Allies at or above each;
* :class:`AllianceGame` - Olson and Zeckhauser's public-goods alliance with two or
  three allies: equilibrium versus efficient defence, the under-provision gap and
  the free riders;
* :class:`ExploitationTest` - Spearman's rank correlation between GDP and the
  defence share, with a permutation p-value, for a year and after leaving out any
  members.

The year buttons offer the years of the release (:mod:`widgets.tables.burden_sharing`).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from widgets.component import Component, Control
from widgets.pictures.burden_sharing import picture_alliance_game, picture_exploitation, picture_guidelines
from widgets.readouts.burden_sharing import ALPHA_MAX, alliance_game, exploitation, guideline_chart
from widgets.tables import burden_sharing as tables

FIRST, LATEST = tables.years()[0], tables.years()[-1]


def _buttons(name: str, label: str, default: Any, choices, width: str) -> Control:
    style = {"description_width": "initial", "button_width": width}
    return Control(name, "buttons", label, default, choices=choices, options={"style": style})


class GuidelineChart(Component):
    """Year, sort order and a line of your own -> bar chart of shares and counts."""

    name = "burden-guideline"
    controls = (
        _buttons("year", "Year", LATEST, tables.year_choices, "70px"),
        _buttons("sort", "Sort", "value", (("by value", "value"), ("by name", "name")), "80px"),
        Control(
            "own_line",
            "float",
            "Your own line (% of GDP)",
            3.0,
            bounds=(0.0, 4.5, 0.05),
            readout_format=".2f",
            width="330px",
        ),
    )
    readout = guideline_chart
    picture = picture_guidelines


def _income(name: str, ally: str, default: float) -> Control:
    return Control(
        name,
        "float",
        f"Income of {ally}",
        default,
        bounds=(0, 100, 5),
        readout_format=".0f",
        width="330px",
        label_width="150px",
    )


def _share(name: str, label: str, default: float, low: float, high: float) -> Control:
    return Control(
        name,
        "float",
        label,
        default,
        bounds=(low, high, 0.05),
        readout_format=".2f",
        width="330px",
        label_width="150px",
    )


class AllianceGame(Component):
    """Incomes of 2-3 allies, publicness θ and α -> equilibrium vs efficient defence."""

    name = "burden-game"
    # In table order, two a row: each ally's income next to a parameter.
    controls = (
        _income("income_a", "Ally A", 100),
        _share("theta", "Publicness θ", 1.0, 0, 1),
        _income("income_b", "Ally B", 50),
        _share("alpha", "α (own-defence share)", 0.2, 0.05, ALPHA_MAX),
        _income("income_c", "Ally C", 20),
        _buttons("n_allies", "Alliance", 3, (("2 allies", 2), ("3 allies", 3)), "75px"),
    )
    readout = alliance_game
    picture = picture_alliance_game

    def controls_view(self) -> list[W.Widget]:
        (line,) = super().controls_view()  # the controls two to a row, in columns
        line.layout.display = "grid"
        line.layout.grid_template_columns = "repeat(2, max-content)"
        return [line]


class ExploitationTest(Component):
    """Year and members left out -> scatter of GDP vs share, Spearman's rho and p."""

    name = "burden-exploitation"
    controls = (
        _buttons("year", "Year", FIRST, tables.year_choices, "70px"),
        Control(
            "drop",
            "multi",
            "Leave out (Ctrl/Cmd-click)",
            (),
            choices=tables.countries,
            width="330px",
            options={"rows": 8},
        ),
    )
    readout = exploitation
    picture = picture_exploitation
