"""Widgets of the chapter "Arms control and verification".

Three components:

* :class:`StockpileTimeline` - a country selector and a year range; draws the
  FAS estimates of warhead stockpiles (dataset ``nuclear_stockpiles``) above a
  strip with the treaties of the dataset ``treaties`` on the same date axis
  (signature, entry into force, end).
* :class:`NewStartCheck` - boxes for a force structure; counts it under New
  START's rules (:mod:`widgets.models.new_start`) and shows the three counts
  against the three central limits as bars, with a side's declared aggregate
  numbers (dataset ``new_start_data``) as markers for comparison.
* :class:`InspectionGame` - gain, penalty, cost, loss and detection
  probability; plots the equilibrium inspection and cheating probabilities
  against the detection probability (:mod:`widgets.models.inspection`).

All three are live on the static site: their readouts
(:mod:`widgets.readouts.arms_control`) and pictures
(:mod:`widgets.pictures.arms_control`, SVG) use the standard library only, and
the data come from the shipped functions of :mod:`widgets.tables.arms_control`.
"""

from __future__ import annotations

import ipywidgets as W

from widgets.component import Component, Control
from widgets.pictures.arms_control import picture_inspection, picture_new_start, picture_stockpiles
from widgets.readouts import arms_control as readouts
from widgets.tables import arms_control as tables

FIRST, LAST = tables.span()  # the first estimate's year; the year the treaty record describes


class StockpileTimeline(Component):
    """Country and year range -> stockpile line above the treaty timeline strip."""

    name = "arms-control-stockpiles"
    controls = (
        Control("country", "choice", "Country", tables.ALL, choices=tables.countries, width="300px"),
        Control("years", "range", "Years", (FIRST, LAST), bounds=(FIRST, LAST, 1), width="420px"),
    )
    readout = readouts.stockpile_timeline
    picture = picture_stockpiles


#: Short labels for the boxes (the model's FIELD_LABELS are used in its messages), in
#: rows by weapon type: ICBMs, SLBMs, heavy bombers.
BOX_LABELS = {
    "deployed_icbms": "deployed ICBMs",
    "icbm_warheads": "warheads on deployed ICBMs",
    "non_deployed_icbm_launchers": "non-deployed ICBM launchers",
    "deployed_slbms": "deployed SLBMs",
    "slbm_warheads": "warheads on deployed SLBMs",
    "non_deployed_slbm_launchers": "non-deployed SLBM launchers",
    "deployed_heavy_bombers": "deployed heavy bombers",
    "bomber_weapons": "weapons bombers can carry",
    "non_deployed_heavy_bombers": "non-deployed heavy bombers",
}
#: label above the box (flex column), so long labels are never cut short
STACKED = {"layout": {"width": "225px", "flex_flow": "column", "align_items": "flex-start"}}


class NewStartCheck(Component):
    """Force-structure boxes -> the three New START counts against the limits."""

    name = "new-start-check"
    controls = (
        *(
            Control(box, "text", label, str(readouts.DEFAULT_FORCE[box]), options=STACKED)
            for box, label in BOX_LABELS.items()
        ),
        Control(
            "compare",
            "choice",
            "Compare with declared numbers",
            readouts.NONE,
            choices=lambda: (readouts.NONE, *tables.declared_numbers()),
            width="480px",
        ),
    )
    readout = readouts.new_start_check
    picture = picture_new_start

    def controls_view(self) -> list[W.Widget]:
        grid = W.GridBox(
            [self.inputs[box] for box in BOX_LABELS], layout=W.Layout(grid_template_columns="repeat(3, 230px)")
        )
        for box in BOX_LABELS:
            self.inputs[box].add_class("sin-stacked")
        return [W.HBox([W.VBox([grid, self.compare])], layout=W.Layout(flex_flow="row wrap"))]


def _game_box(name: str, label: str, default: str) -> Control:
    return Control(name, "text", label, default, width="300px", label_width="210px")


class InspectionGame(Component):
    """g, f sliders and c, L, d boxes -> equilibrium p(d), q(d) with the chosen d marked."""

    name = "inspection-game"
    controls = (
        Control(
            "g", "float", "g: gain from cheating", 4.0, bounds=(0.5, 10.0, 0.5), width="380px", label_width="160px"
        ),
        Control("f", "float", "f: penalty if caught", 6.0, bounds=(0.5, 20.0, 0.5), width="380px", label_width="160px"),
        _game_box("c", "c: cost of an inspection", "1"),
        _game_box("L", "L: loss if cheating is missed", "10"),
        _game_box("d", "d: detection probability", "0.8"),
    )
    readout = readouts.inspection_game
    picture = picture_inspection
    rows = (("g", "f"), ("c", "L"), ("d",))
