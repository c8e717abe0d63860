"""The component base, driven with a tiny component built only for this test."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from widgets.component import Component, Control
from widgets.models.inputs import InputError, number


@dataclass(frozen=True)
class Half:
    value: float
    sentence: str
    alt: str


def halve(x="4", scale=1.0):
    x = number("x", x)
    if x < 0:
        raise InputError(f"x must be 0 or more; got {x:g}.")
    return Half(x / 2 * scale, f"Half of {x:g} is <b>{x / 2 * scale:g}</b>.", f"A bar of height {x / 2 * scale:g}.")


def bar(readout) -> str:
    """A one-bar picture whose height is the readout's value (as SVG, like the course's pictures)."""
    from widgets.svg import Canvas

    canvas = Canvas(200, 150)
    canvas.axes(xlim=(-1, 1), ylim=(0, 10)).bars([0], [readout.value])
    return canvas.svg(readout.alt, uid="halver")


def height(w) -> float:
    """The bar's height read back from the picture's pixels (the axes run 0 to 10)."""
    import re

    rects = re.findall(
        r'<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)" fill="#0072B2"', w.figure_pane.value
    )
    ((y, h),) = rects
    axes = re.search(
        r'<clipPath id="[^"]+"><rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)"', w.figure_pane.value
    )
    return round(float(h) / float(axes.group(2)) * 10, 6)


class Halver(Component):
    name = "halver"
    controls = (
        Control("x", "text", "x", "4"),
        Control("scale", "float", "Scale", 1.0, bounds=(0.5, 2.0, 0.5)),
    )
    readout = halve
    picture = bar


def test_controls_are_built_wired_and_classed():
    w = Halver()
    assert "Half of 4 is <b>2</b>" in w.message.value
    assert {"sin-widget", "sin-halver"} <= set(w._dom_classes)
    assert "sin-control" in w.x._dom_classes and "sin-control" not in w.scale._dom_classes
    before = w.figure_pane.value
    w.scale.value = 2.0
    assert "<b>4</b>" in w.message.value and w.figure_pane.value != before
    assert height(w) == 4
    assert 'aria-label="A bar of height 4."' in w.figure_pane.value


def test_a_bad_value_shows_the_models_sentence_and_keeps_the_figure():
    w = Halver(x="6")
    figure = w.figure_pane.value
    w.x.value = "six"
    assert 'role="alert"' in w.message.value and "x must be a number" in w.message.value
    assert w.figure_pane.value == figure and height(w) == 3
    w.x.value = "8"
    assert "Half of 8 is <b>4</b>" in w.message.value


def test_refused_starting_values_fall_back_to_the_defaults_and_say_so():
    w = Halver(x="-2")
    assert "Starting values refused: x must be 0 or more; got -2." in w.message.value
    assert w.x.value == "4" and height(w) == 2


def test_an_unknown_or_clashing_control_name_is_an_error():
    with pytest.raises(TypeError, match="no control named y; it has x, scale"):
        Halver(y=1)

    class Clash(Halver):
        controls = (Control("layout", "text", "Layout", "4"),)

    with pytest.raises(TypeError, match="clashes"):
        Clash()


@pytest.mark.parametrize(
    "row, match",
    [
        (dict(name="a", kind="slider", label="A", default=1), "kind must be one of"),
        (dict(name="a", kind="float", label="A", default=1), "needs bounds"),
        (dict(name="a", kind="choice", label="A", default=1), "needs choices"),
    ],
)
def test_a_malformed_control_row_says_what_is_missing(row, match):
    with pytest.raises(ValueError, match=match):
        Control(**row)


def test_choices_may_come_from_a_function():
    control = Control("c", "choice", "C", "b", choices=lambda: (("Alpha", "a"), ("Beta", "b")))
    widget = control.make("b")
    assert widget.value == "b" and widget.label == "Beta"


def test_rows_lay_the_controls_out_one_row_above_the_other():
    class InRows(Halver):
        rows = (("scale",), ("x",))

    (line,) = InRows().children[:1]
    (rows,) = line.children
    assert [[c.description for c in row.children] for row in rows.children] == [["Scale"], ["x"]]
    assert [c.description for c in Halver().children[0].children] == ["x", "Scale"]  # default: one line


def test_a_component_may_place_its_controls_itself():
    class Inside(Halver):
        def controls_view(self):
            return []

        def outputs(self):
            return [self.x, self.scale, self.figure_pane, self.message]

    w = Inside()
    assert w.children == (w.x, w.scale, w.figure_pane, w.message)
    w.scale.value = 2.0
    assert "<b>4</b>" in w.message.value  # still wired
