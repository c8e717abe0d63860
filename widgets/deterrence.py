"""The Deterrence chapter's widgets: the calculus, the game tree and Chicken.

Each is a :class:`~widgets.component.Component`: a table of controls, a pure
readout (:mod:`widgets.readouts.deterrence`) and a picture
(:mod:`widgets.pictures.deterrence`). Every number comes from
:mod:`widgets.models.deterrence` or :mod:`widgets.models.games`; a value the
model refuses (text in a payoff box, a probability outside [0, 1], payoffs that
are not a game of Chicken) is shown as the model's own sentence and the previous
figure stays in place.

The game tree and Chicken have two parts each (the game, then what it implies
under incomplete information or as brinkmanship): one picture shows both parts'
panels (the tree over the screening chart; the brinkmanship curves), one
sentence reads them in order (Chicken's payoff table comes first in it). The
second part uses the first part's payoffs, so it says why it has nothing to
show while the tree has no path (an exact indifference) or the model refuses
screening.

Payoff boxes are text boxes rather than number boxes on purpose: a browser's
number box silently drops text it cannot parse, whereas here the model reads
the entry and says what is wrong with it.
"""

from __future__ import annotations

from widgets.component import Component, Control
from widgets.pictures.deterrence import LEAF_LABEL, picture_calculus, picture_crisis, picture_game
from widgets.readouts.deterrence import (
    COST_MAX,
    GAIN_MAX,
    LEAVES,
    PUNISH_MAX,
    STEPS_MAX,
    calculus_readout,
    crisis_readout,
    game_readout,
)


def _slider(name: str, label: str, default: float, hi: float, step: float, fmt: str = "0.2f") -> Control:
    return Control(name, "float", label, default, bounds=(0, hi, step), readout_format=fmt, width="440px")


def _box(name: str, label: str, default: str, label_px: int) -> Control:
    """A payoff entry: a label of fixed width and a box wide enough to type in."""
    return Control(name, "text", label, default, width=f"{label_px + 90}px", label_width=f"{label_px}px")


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
    picture = picture_calculus


# --------------------------------------------------------------------------
# 2. The deterrence game tree and screening
# --------------------------------------------------------------------------

DEFAULT_PAYOFFS = {"status_quo": (0, 0), "concession": (1, -1), "backdown": (-1, 1), "war": (-2, -2)}


class DeterrenceGame(Component):
    """Payoff boxes -> the tree solved by backward induction, path highlighted.

    Under the tree, a belief slider q (the chance that the defender is resolute)
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
                _box(f"{leaf}_challenger", f"{LEAF_LABEL[leaf]}: Challenger", f"{DEFAULT_PAYOFFS[leaf][0]:g}", 210),
                _box(f"{leaf}_defender", "Defender", f"{DEFAULT_PAYOFFS[leaf][1]:g}", 70),
            )
        ),
    )
    rows = (*((f"{leaf}_challenger", f"{leaf}_defender") for leaf in LEAVES), ("q",))
    readout = game_readout
    picture = picture_game


# --------------------------------------------------------------------------
# 3. Chicken and brinkmanship
# --------------------------------------------------------------------------


class ChickenBrinkmanship(Component):
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
    rows = (("both_swerve", "temptation"), ("sucker", "disaster"), ("risk", "steps"))
    readout = crisis_readout
    picture = picture_crisis
