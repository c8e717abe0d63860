"""Exercises of the Deterrence chapter; every expected answer comes from the models."""

from widgets.check import Exercise, register
from widgets.models import deterrence
from widgets.models.games import solve_2x2

register(Exercise(
    id="deterrence-threshold",
    # p = 0.5, gain = 10, cost = 2, punishment = 8 (status quo worth 0).
    expected=lambda: deterrence.deterrence_calculus(0.5, 10, 2, 8, credibility=0.0).threshold,
    kind="number",
    tolerance=0.005,
    hint="set EU(attack) = p×gain − cost − c×punishment equal to the status quo (0) and solve "
         "for c; or set the calculator's sliders and read c* under the figure.",
))

register(Exercise(
    id="deterrence-tree-outcome",
    # Status quo (0, 0); concession (2, -1); back down (-2, 1); war (-1, -4).
    expected=lambda: deterrence.solve_deterrence_game(
        status_quo=(0, 0), concession=(2, -1), backdown=(-2, 1), war=(-1, -4)).outcome,
    kind="choice",
    choices=("Status quo", "Defender concedes", "Challenger backs down", "War"),
    hint="start at the last decision: would the challenger fight or back down if resisted? "
         "Then ask what the defender prefers, knowing that; then the challenger's first move.",
))

register(Exercise(
    id="deterrence-chicken-mixed",
    # Chicken with both swerve 0, temptation 4, sucker -2, crash -12.
    expected=lambda: solve_2x2(deterrence.chicken(0, 4, -2, -12)).mixed.row_mix[0],
    kind="number",
    tolerance=0.005,
    hint="the opponent's probability s of swerving must make you indifferent: "
         "s×0 + (1 − s)×(−2) = s×4 + (1 − s)×(−12). Solve for s.",
))

register(Exercise(
    id="deterrence-tripwire",
    expected=lambda: "punishment",
    kind="choice",
    choices=("denial", "punishment"),
    hint="a tripwire force is too small to stop an attack; ask what its presence makes "
         "likely to happen after an attack.",
))
