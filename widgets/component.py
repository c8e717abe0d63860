"""The one component model: every course widget is a :class:`Component`.

A component is three things, kept apart so that each can be tested and reused:

1. a table of :class:`Control` rows (name, kind, label, default, range or choices);
2. a **pure function** (``readout``) from the control values to a plain result,
   the numbers and the sentence a student reads. It lives in
   ``widgets.readouts.<chapter>`` and imports only the standard library, so the
   same code runs in the kernel and, on the static site, in the browser;
3. a **picture** (``picture``) in ``widgets.pictures.<chapter>``: the readout
   drawn as SVG text by ``widgets.svg`` (standard library too), shown in the
   same place in JupyterLab and on the live site (``widgets.live``).

The base class builds the controls, lays them out above the figure and the
sentence, redraws on every change through :func:`widgets.ui.guarded` (a bad value
shows the model's sentence and the previous figure stays), and carries the CSS
classes the tests use (``sin-widget``, ``sin-<name>``, ``sin-control``).
A component displays itself: a notebook cell ends with ``NatoMembership(year=1999)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Mapping

import ipywidgets as W

from widgets import ui
from widgets.models.inputs import InputError

KINDS = ("int", "float", "range", "choice", "buttons", "multi", "text")


@dataclass(frozen=True)
class Control:
    """One row of a component's control table.

    ``bounds`` is ``(min, max, step)`` for the sliders (int, float, range);
    ``choices`` lists the values, or ``(label, value)`` pairs, of a choice,
    buttons or multi control, or is a function returning them (when they come
    from a dataset). A text box hands its raw text to the readout, whose input
    checks say what is wrong with it (a number box would silently drop text).
    ``sets`` (a pure function, e.g. in the readouts) maps a choice's value to
    other controls' values: choosing "a recorded vote" sets the fifteen votes.
    The base applies it in the kernel, and ``widgets.live`` on the live site.
    """

    name: str
    kind: str
    label: str
    default: Any
    bounds: tuple[float, float, float] | None = None
    choices: tuple | Callable[[], tuple] = ()
    readout_format: str | None = None
    width: str | None = None
    label_width: str = "initial"
    options: Mapping[str, Any] = field(default_factory=dict)
    sets: Callable[[Any], Mapping[str, Any]] | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"control {self.name!r}: kind must be one of {', '.join(KINDS)}; got {self.kind!r}")
        if self.kind in ("int", "float", "range") and self.bounds is None:
            raise ValueError(f"control {self.name!r}: a {self.kind} slider needs bounds (min, max, step)")
        if self.kind in ("choice", "buttons", "multi") and not self.choices:
            raise ValueError(f"control {self.name!r}: a {self.kind} control needs choices")

    def options_given(self) -> tuple:
        """The choices as listed (values or ``(label, value)`` pairs), read from the dataset if need be."""
        return tuple(self.choices() if callable(self.choices) else self.choices)

    def option_values(self) -> list:
        """The Python values behind a choice's options, in their order (what an option's index means)."""
        return [c[1] if isinstance(c, tuple) else c for c in self.options_given()]

    def make(self, value: Any) -> W.ValueWidget:
        """The ipywidget for this row, showing ``value``."""
        common: dict[str, Any] = {"description": self.label, "style": {"description_width": self.label_width}}
        if self.width:
            common["layout"] = W.Layout(width=self.width)
        common.update(self.options)
        if self.kind in ("int", "float", "range"):
            lo, hi, step = self.bounds
            cls = {"int": W.IntSlider, "float": W.FloatSlider, "range": W.IntRangeSlider}[self.kind]
            if self.readout_format:
                common["readout_format"] = self.readout_format
            return cls(value=value, min=lo, max=hi, step=step, continuous_update=False, **common)
        if self.kind == "text":
            return W.Text(value=str(value), continuous_update=False, **common)
        choices = self.options_given()
        cls = {"choice": W.Dropdown, "buttons": W.ToggleButtons, "multi": W.SelectMultiple}[self.kind]
        return cls(options=list(choices), value=value, **common)


class Component(W.VBox):
    """Controls above a figure and a sentence; subclasses declare, the base wires.

    Subclasses set ``name`` (the ``sin-<name>`` class), ``controls``, ``readout``
    and ``picture``: one figure, one sentence. A readout result has ``sentence``
    (HTML: numbers in ``<b>``) and ``alt`` (the figure's alt text). A subclass
    that overrides :meth:`compute`, :meth:`render`, :meth:`refresh` or
    :meth:`outputs` still works in the kernel, but not on the live site.
    """

    name: ClassVar[str]
    controls: ClassVar[tuple[Control, ...]]
    readout: ClassVar[Callable[..., Any] | None] = None
    #: the figure as SVG text (``widgets.pictures``): the same code draws it in the kernel and on the live site
    picture: ClassVar[Callable[[Any], str]]
    #: the controls in these rows (names), one row above the other; default: one wrapping line
    rows: ClassVar[tuple[tuple[str, ...], ...] | None] = None

    def __init__(self, **values: Any):
        table = {c.name: c for c in self.controls}
        unknown = sorted(set(values) - set(table))
        if unknown:
            raise TypeError(
                f"{type(self).__name__} has no control named {', '.join(unknown)}; it has {', '.join(table)}"
            )
        clashes = [name for name in table if hasattr(type(self), name)]
        if clashes:
            raise TypeError(f"control name {clashes[0]!r} clashes with an attribute of {type(self).__name__}")
        super().__init__()
        self.message = ui.Message()
        self.figure_pane = ui.FigurePane()
        defaults = {c.name: c.default for c in self.controls}
        start, refused = defaults | values, None
        try:
            first = self.compute(start)
        except InputError as exc:  # a notebook's starting value the models refuse
            refused, start = str(exc), defaults
            first = self.compute(start)
        self.inputs: dict[str, W.ValueWidget] = {}
        for control in self.controls:
            widget = control.make(start[control.name])
            widget.add_class(f"sin-c-{control.name}")  # how the live site finds each control
            self.inputs[control.name] = widget
            setattr(self, control.name, widget)
        next(iter(self.inputs.values())).add_class("sin-control")
        self.children = [*self.controls_view(), *self.outputs()]
        self.add_class("sin-widget")
        self.add_class(f"sin-{self.name}")
        ui.guarded(self.message, lambda: self.render(first))
        if refused:
            self.message.warn(f"Starting values refused: {refused}")
        for control_name, widget in self.inputs.items():
            widget.observe(lambda change, n=control_name: self.refresh(n), names="value")

    # -- what a subclass may override -------------------------------------------------
    def controls_view(self) -> list[W.Widget]:
        """The widgets above the outputs that hold the controls (``rows``, or one line)."""
        if self.rows:
            rows = W.VBox([W.HBox([self.inputs[name] for name in row]) for row in self.rows])
            return [W.HBox([rows], layout=W.Layout(flex_flow="row wrap"))]
        return [W.HBox(list(self.inputs.values()), layout=W.Layout(flex_flow="row wrap"))]

    def outputs(self) -> list[W.Widget]:
        """The output widgets under the controls, in order."""
        return [self.figure_pane, self.message]

    def compute(self, values: Mapping[str, Any]) -> Any:
        """The pure readout for these control values (raises InputError on bad input)."""
        return type(self).readout(**values)

    def render(self, result: Any) -> None:
        """Show ``result``: its picture and its sentence."""
        self.figure_pane.show_svg(type(self).picture(result))
        self.message.say(result.sentence)

    # -- the wiring ----------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The controls' current values, by name."""
        return {name: widget.value for name, widget in self.inputs.items()}

    def refresh(self, changed: str | None = None) -> bool:
        """Recompute and redraw; a bad value shows its sentence, the figure stays.

        If the changed control ``sets`` others, set them first and redraw once.
        """
        if getattr(self, "_setting", False):
            return False
        control = next((c for c in self.controls if c.name == changed), None)
        value = self.inputs[changed].value if control else None
        if control is not None and control.sets is not None and value:
            self._setting = True
            try:
                for name, other in control.sets(value).items():
                    self.inputs[name].value = other
            finally:
                self._setting = False
        return ui.guarded(self.message, lambda: self.render(self.compute(self.values())))
