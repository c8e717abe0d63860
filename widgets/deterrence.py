"""The Deterrence chapter's widgets: the calculus, the game tree and Chicken.

Each is a :class:`~widgets.component.Component`: a table of controls, pure
readouts (:mod:`widgets.readouts.deterrence`) and drawings
(:mod:`widgets.figures.deterrence`). Every number comes from
:mod:`widgets.models.deterrence` or :mod:`widgets.models.games`; a value the
model refuses (text in a payoff box, a probability outside [0, 1], payoffs that
are not a game of Chicken, an exact indifference) is shown as the model's own
sentence and the previous figure stays in place.

The game tree and Chicken have two parts each (the game, then what it implies
under incomplete information or as brinkmanship), each with its own controls,
figure or table and sentence: the second part follows the first and is redrawn
alone when only its own control moves.

Payoff boxes are text boxes rather than number boxes on purpose: a browser's
number box silently drops text it cannot parse, whereas here the model reads
the entry and says what is wrong with it.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from widgets import ui
from widgets.component import Component, Control
from widgets.figures.deterrence import (
    LEAF_LABEL,
    draw_brinkmanship,
    draw_calculus,
    draw_screening,
    draw_tree,
)
from widgets.readouts.deterrence import (
    COST_MAX,
    GAIN_MAX,
    LEAVES,
    PUNISH_MAX,
    STEPS_MAX,
    brinkmanship_readout,
    calculus_readout,
    chicken_readout,
    screening_readout,
    tree_readout,
)


def _slider(name: str, label: str, default: float, hi: float, step: float, fmt: str = "0.2f") -> Control:
    return Control(name, "float", label, default, bounds=(0, hi, step), readout_format=fmt, width="440px")


def _box(name: str, label: str, default: str, label_px: int) -> Control:
    """A payoff entry: a label of fixed width and a box wide enough to type in."""
    return Control(name, "text", label, default, width=f"{label_px + 90}px", label_width=f"{label_px}px")


class _TwoParts(Component):
    """A component whose controls sit inside its two parts rather than in one row above.

    ``outputs()`` returns the two parts with the controls placed in them, so there
    is no row of controls above them. The second part is redrawn alone when
    only one of its own controls (``second_controls``) changes; while the first
    part's values are refused it shows ``wait`` in ``second_message``.
    """

    second_controls: tuple[str, ...] = ()
    wait: str = ""
    second_message: ui.Message

    def __init__(self, **values: Any):
        self.first_ok = False
        super().__init__(**values)

    def controls_view(self) -> list[W.Widget]:
        return []

    def render_second(self) -> bool:
        raise NotImplementedError

    def refresh(self, changed: str | None = None) -> bool:
        if changed in self.second_controls:
            return self.render_second() if self.first_ok else False
        if ui.guarded(self.message, lambda: self.render(self.compute(self.values()))):
            return True
        self.first_ok = False
        self.second_message.warn(self.wait)
        return False


# --------------------------------------------------------------------------
# 1. The rational deterrence calculus
# --------------------------------------------------------------------------


class DeterrenceCalculator(Component):
    """Sliders for p, gain, cost, punishment and credibility -> deter or fail.

    The figure plots EU(attack) against credibility (a falling straight line),
    the status-quo line at 0, a marker at the current credibility and a dashed
    vertical line at the credibility threshold c*.
    """

    name = "deterrence-calculus"
    controls = (
        _slider("credibility", "Credibility of retaliation c", 0.5, 1, 0.01),
        _slider("p_success", "Probability of success p", 0.5, 1, 0.01),
        _slider("gain", "Gain from success", 10.0, GAIN_MAX, 0.5, "0.1f"),
        _slider("cost", "Cost of attacking", 2.0, COST_MAX, 0.5, "0.1f"),
        _slider("punishment", "Punishment if retaliation", 8.0, PUNISH_MAX, 0.5, "0.1f"),
    )
    readout = calculus_readout
    draw = draw_calculus
    figsize = (6.4, 3.4)


# --------------------------------------------------------------------------
# 2. The deterrence game tree and screening
# --------------------------------------------------------------------------

DEFAULT_PAYOFFS = {"status_quo": (0, 0), "concession": (1, -1), "backdown": (-1, 1), "war": (-2, -2)}


class DeterrenceGame(_TwoParts):
    """Payoff boxes -> the tree solved by backward induction, path highlighted.

    Below the tree, a belief slider q (the chance that the defender is resolute)
    drives :func:`widgets.models.deterrence.screening`, using the challenger's
    payoffs from the tree: status quo, concession, and its best reply once resisted.
    The boxes are ``<leaf>_challenger`` and ``<leaf>_defender`` for the leaves
    status_quo, concession, backdown and war: ``DeterrenceGame(war_challenger="1")``.
    """

    name = "deterrence-game-and-screening"
    controls = (
        _slider("q", "Belief q that the defender is resolute", 0.6, 1, 0.01),
        *(
            control
            for leaf in LEAVES
            for control in (
                _box(
                    f"{leaf}_challenger",
                    LEAF_LABEL[leaf].replace("\n", " ") + ": Challenger",
                    f"{DEFAULT_PAYOFFS[leaf][0]:g}",
                    210,
                ),
                _box(f"{leaf}_defender", "Defender", f"{DEFAULT_PAYOFFS[leaf][1]:g}", 70),
            )
        ),
    )
    figsize = (6.4, 2.7)
    second_controls = ("q",)
    wait = "Fix the payoffs above to see the incomplete-information case."

    def outputs(self) -> list[W.Widget]:
        self.tree_pane = self.figure_pane
        self.screen_pane, self.screen_message = ui.FigurePane(), ui.Message()
        self.second_message = self.screen_message
        rows = [W.HBox([self.inputs[f"{leaf}_challenger"], self.inputs[f"{leaf}_defender"]]) for leaf in LEAVES]
        tree = ui.panel("deterrence-game", [W.VBox(rows)], [self.tree_pane, self.message])
        screen = ui.panel("deterrence-screening", [self.q], [self.screen_pane, self.screen_message])
        return [tree, W.HTML("<b>Incomplete information: is the defender resolute?</b>"), screen]

    def compute(self, values):
        return tree_readout(**{k: v for k, v in values.items() if k != "q"})

    def setup(self, tree) -> None:
        self.fig, self.chart = ui.drawn(draw_tree, *self.figsize, tree)
        self.screen_fig, self.screen_chart = ui.drawn(draw_screening, 6.4, 3.0)
        self.blitter = ui.Blitter(self.fig, self.chart.dynamic)
        self.screen_blitter = ui.Blitter(self.screen_fig, self.screen_chart.dynamic)

    def render(self, tree) -> None:
        self.chart.update(tree)
        self.tree_pane.show_png(self.blitter.png(), alt=tree.alt)
        if tree.warning:  # a player is indifferent: the tree, its payoffs, no path
            self.message.warn(tree.warning)
            self.first_ok = False
            self.screen_message.warn(self.wait)
            return
        self.message.say(tree.sentence)
        self.first_ok = True
        self.render_second()

    def render_second(self) -> bool:
        values = self.values()
        payoffs = [values[f"{leaf}_challenger"] for leaf in LEAVES]
        return ui.guarded(self.screen_message, lambda: self._show_screening(screening_readout(values["q"], *payoffs)))

    def _show_screening(self, readout) -> None:
        if self.screen_chart.update(readout):
            self.screen_blitter.refresh()
        self.screen_pane.show_png(self.screen_blitter.png(), alt=readout.alt)
        self.screen_message.say(readout.sentence)


# --------------------------------------------------------------------------
# 3. Chicken and brinkmanship
# --------------------------------------------------------------------------

CHICKEN_BOXES = ("both_swerve", "temptation", "sucker", "disaster")


class ChickenBrinkmanship(_TwoParts):
    """Chicken payoffs -> equilibria; risk per step and steps -> brinkmanship curves.

    Brinkmanship uses the Chicken payoffs: winning the standoff is the temptation
    payoff, conceding is the sucker payoff, disaster is the crash.
    """

    name = "chicken-and-brinkmanship"
    controls = (
        _slider("risk", "Risk per step r", 0.05, 0.3, 0.005, "0.3f"),
        Control("steps", "int", "Steps k", 10, bounds=(1, STEPS_MAX, 1)),
        _box("both_swerve", "Both swerve (S)", "0", 250),
        _box("temptation", "Straight while other swerves (T)", "1", 250),
        _box("sucker", "Swerve while other goes straight (L)", "-1", 250),
        _box("disaster", "Both straight: crash (D)", "-10", 250),
    )
    figsize = (7.0, 3.2)
    second_controls = ("risk", "steps")
    wait = "Fix the Chicken payoffs above to see brinkmanship."

    def outputs(self) -> list[W.Widget]:
        self.table = W.HTML()
        self.table.add_class("sin-chicken-table")
        self.brink_message = self.second_message = ui.Message()
        boxes = [self.inputs[name] for name in CHICKEN_BOXES]
        chicken = ui.panel("chicken", boxes, [self.table, self.message])
        brink = ui.panel("brinkmanship", [self.risk, self.steps], [self.figure_pane, self.brink_message])
        return [chicken, W.HTML("<b>Brinkmanship with these payoffs</b>"), brink]

    def compute(self, values):
        return chicken_readout(**{name: values[name] for name in CHICKEN_BOXES})

    def setup(self, game) -> None:
        self.fig, self.chart = ui.drawn(draw_brinkmanship, *self.figsize)
        self.blitter = ui.Blitter(self.fig, self.chart.dynamic)

    def render(self, game) -> None:
        self.table.value = game.table
        self.message.say(game.sentence)
        self.first_ok = True
        self.render_second()

    def render_second(self) -> bool:
        values = self.values()
        return ui.guarded(self.brink_message, lambda: self._show_brinkmanship(brinkmanship_readout(**values)))

    def _show_brinkmanship(self, readout) -> None:
        if self.chart.update(readout):
            self.blitter.refresh()
        self.figure_pane.show_png(self.blitter.png(), alt=readout.alt)
        self.brink_message.say(readout.sentence)
