"""Exact solvers for the small games of the deterrence chapter.

Why: Chicken, the Prisoner's Dilemma and the deterrence tree are small enough to
solve exactly, so a student can check every number by hand and see *why* an
equilibrium is what it is.

Assumptions: complete information; each player maximises their own payoff; mixed
strategies are probabilities over a player's two actions. Payoffs are compared
exactly (computed with fractions), so a tie means two entered payoffs are equal.
Ties and degenerate games are reported, never resolved silently.

Names: the result of :func:`solve_2x2` is a :class:`Nash2x2Result` (its points are
:class:`NashEquilibrium`); a tree is built from :class:`Leaf` and :class:`DecisionNode`
and :func:`backward_induction` returns a :class:`BackwardInductionResult`, or raises
:class:`IndifferenceError` (an :class:`InputError`) when a mover has no strict best action.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence, Union

from widgets.models.inputs import InputError, number

# --------------------------------------------------------------------------
# 2x2 normal-form games
# --------------------------------------------------------------------------


def _labels(name: str, value) -> tuple[str, str]:
    """Two distinct, non-empty names (for players or actions)."""
    try:
        items = tuple(value) if not isinstance(value, str) else ()
    except TypeError:
        items = ()
    if len(items) != 2:
        raise InputError(f"{name} must be two names, like ('Swerve', 'Straight'); got {value!r}.")
    a, b = (str(v).strip() for v in items)
    if not a or not b or a == b:
        raise InputError(f"{name} must be two different, non-empty names; got {value!r}.")
    return a, b


@dataclass(frozen=True)
class Game2x2:
    """Two players with two actions each.

    ``row_payoffs[i][j]`` and ``col_payoffs[i][j]`` are the payoffs when the row
    player plays ``row_actions[i]`` and the column player ``col_actions[j]``.
    """

    row_payoffs: tuple[tuple[float, float], tuple[float, float]]
    col_payoffs: tuple[tuple[float, float], tuple[float, float]]
    row_actions: tuple[str, str] = ("Up", "Down")
    col_actions: tuple[str, str] = ("Left", "Right")
    players: tuple[str, str] = ("Row", "Column")

    def __post_init__(self) -> None:
        # Check once here so every Game2x2 in circulation is well formed
        # (object.__setattr__ is how a frozen dataclass tidies its own fields).
        players = _labels("players", self.players)
        rows = _labels("row_actions", self.row_actions)
        cols = _labels("col_actions", self.col_actions)
        object.__setattr__(self, "players", players)
        object.__setattr__(self, "row_actions", rows)
        object.__setattr__(self, "col_actions", cols)
        for field, who in (("row_payoffs", players[0]), ("col_payoffs", players[1])):
            object.__setattr__(self, field, _matrix(who, getattr(self, field), rows, cols))


def _matrix(who: str, value, rows: tuple[str, str], cols: tuple[str, str]):
    """A 2x2 table of finite numbers, named cell by cell in error messages."""
    shape_error = InputError(f"{who}'s payoffs must be a 2x2 table of numbers, like [[3, 0], [5, 1]]; got {value!r}.")
    try:
        table = [list(row) for row in value]
    except TypeError:
        raise shape_error from None
    if len(table) != 2 or any(len(row) != 2 for row in table):
        raise shape_error
    return tuple(
        tuple(number(f"{who}'s payoff at ({rows[i]}, {cols[j]})", table[i][j]) for j in range(2)) for i in range(2)
    )


@dataclass(frozen=True)
class NashEquilibrium:
    """One Nash equilibrium: each player's probabilities over their two actions."""

    row_mix: tuple[float, float]
    col_mix: tuple[float, float]
    payoffs: tuple[float, float]  # expected (row, column) payoffs
    description: str


@dataclass(frozen=True)
class EquilibriumSet:
    """A segment of equilibria: every pair of probabilities in these ranges is one."""

    row_first_prob: tuple[float, float]  # (lowest, highest) P(row plays row_actions[0])
    col_first_prob: tuple[float, float]  # (lowest, highest) P(column plays col_actions[0])
    description: str


@dataclass(frozen=True)
class Nash2x2Result:
    """All Nash equilibria of a 2x2 game, with degenerate cases spelled out."""

    game: Game2x2
    pure: tuple[NashEquilibrium, ...]
    mixed: NashEquilibrium | None  # the isolated completely mixed equilibrium, if any
    infinitely_many: bool
    continua: tuple[EquilibriumSet, ...]  # non-empty exactly when infinitely_many
    indifferences: tuple[str, ...]  # sentences naming every indifference
    explanation: str


def _sign_intervals(f0: Fraction, f1: Fraction):
    """Where f(t) = f0 + t(f1 - f0) is >= 0, <= 0 and == 0 for t in [0, 1].

    Each is a closed interval (lo, hi) or None, because f is linear.
    """
    if f0 == f1:
        whole = (Fraction(0), Fraction(1))
        return (whole if f0 >= 0 else None, whole if f0 <= 0 else None, whole if f0 == 0 else None)
    root = f0 / (f0 - f1)
    left = (Fraction(0), min(root, Fraction(1))) if root >= 0 else None
    right = (max(root, Fraction(0)), Fraction(1)) if root <= 1 else None
    zero = (root, root) if 0 <= root <= 1 else None
    return (right, left, zero) if f1 > f0 else (left, right, zero)


def _best_response_boxes(f0: Fraction, f1: Fraction):
    """Pieces (own_lo, own_hi, opp_lo, opp_hi) of a player's best-response graph.

    ``own`` is the probability of the player's first action, ``opp`` that of the
    opponent's first action; f0, f1 are the player's advantage of their first
    action when the opponent plays its second / first action.
    """
    plus, minus, zero = _sign_intervals(f0, f1)
    boxes = []
    if plus:
        boxes.append((Fraction(1), Fraction(1), *plus))
    if minus:
        boxes.append((Fraction(0), Fraction(0), *minus))
    if zero:
        boxes.append((Fraction(0), Fraction(1), *zero))
    return boxes


def _equilibrium_boxes(A, B):
    """Nash equilibria as boxes (x_lo, x_hi, y_lo, y_hi) in the unit square.

    x = P(row plays first action), y = P(column plays first action). An
    equilibrium is a point on both best-response graphs, so we intersect them.
    """
    row = _best_response_boxes(A[0][1] - A[1][1], A[0][0] - A[1][0])  # (x, y) already
    col = [(xl, xh, yl, yh) for (yl, yh, xl, xh) in _best_response_boxes(B[1][0] - B[1][1], B[0][0] - B[0][1])]
    found = set()
    for r in row:
        for c in col:
            box = (max(r[0], c[0]), min(r[1], c[1]), max(r[2], c[2]), min(r[3], c[3]))
            if box[0] <= box[1] and box[2] <= box[3]:
                found.add(box)

    def inside(small, big):
        return big[0] <= small[0] and small[1] <= big[1] and big[2] <= small[2] and small[3] <= big[3]

    kept = [b for b in found if not any(o != b and inside(b, o) for o in found)]
    return sorted(kept, reverse=True)


def _expected(M, x: Fraction, y: Fraction) -> Fraction:
    return x * y * M[0][0] + x * (1 - y) * M[0][1] + (1 - x) * y * M[1][0] + (1 - x) * (1 - y) * M[1][1]


def _plays(player: str, actions: tuple[str, str], lo: Fraction, hi: Fraction) -> str:
    if lo == hi == 1:
        return f"{player} plays {actions[0]}"
    if lo == hi == 0:
        return f"{player} plays {actions[1]}"
    if lo == hi:
        return f"{player} plays {actions[0]} with probability {float(lo):.4g}"
    return f"{player} plays {actions[0]} with any probability from {float(lo):.4g} to {float(hi):.4g}"


def _indifferences(game: Game2x2, A, B) -> list[str]:
    """Every case where a player's two actions pay the same against a pure action."""
    (row, col), out = game.players, []
    ra, ca = game.row_actions, game.col_actions
    row_ties = [j for j in range(2) if A[0][j] == A[1][j]]
    col_ties = [i for i in range(2) if B[i][0] == B[i][1]]
    if len(row_ties) == 2:
        out.append(f"{row} gets the same payoff from {ra[0]} and {ra[1]} whatever {col} does.")
    else:
        out += [
            f"{row} is indifferent between {ra[0]} and {ra[1]} when {col} plays {ca[j]} (both give {float(A[0][j]):g})."
            for j in row_ties
        ]
    if len(col_ties) == 2:
        out.append(f"{col} gets the same payoff from {ca[0]} and {ca[1]} whatever {row} does.")
    else:
        out += [
            f"{col} is indifferent between {ca[0]} and {ca[1]} when {row} plays {ra[i]} (both give {float(B[i][0]):g})."
            for i in col_ties
        ]
    return out


def solve_2x2(game: Game2x2) -> Nash2x2Result:
    """Find every Nash equilibrium of a 2x2 game, exactly.

    Pure equilibria are listed one by one; the completely mixed equilibrium is
    the closed form in which each player's mix makes the *other* indifferent.
    When some player is indifferent, equilibria can form whole segments: these
    are returned in ``continua`` with ``infinitely_many=True``.
    """
    if not isinstance(game, Game2x2):
        raise InputError(f"solve_2x2 needs a Game2x2; got {type(game).__name__}.")
    A = [[Fraction(v) for v in row] for row in game.row_payoffs]
    B = [[Fraction(v) for v in row] for row in game.col_payoffs]
    boxes = _equilibrium_boxes(A, B)

    def make(xl, xh, yl, yh):
        return (
            _plays(game.players[0], game.row_actions, xl, xh)
            + "; "
            + _plays(game.players[1], game.col_actions, yl, yh)
            + "."
        )

    def point(x: Fraction, y: Fraction) -> NashEquilibrium:
        return NashEquilibrium(
            row_mix=(float(x), float(1 - x)),
            col_mix=(float(y), float(1 - y)),
            payoffs=(float(_expected(A, x, y)), float(_expected(B, x, y))),
            description=make(x, x, y, y),
        )

    corners = [
        (Fraction(1), Fraction(1)),
        (Fraction(1), Fraction(0)),
        (Fraction(0), Fraction(1)),
        (Fraction(0), Fraction(0)),
    ]
    pure = tuple(point(x, y) for x, y in corners if any(b[0] <= x <= b[1] and b[2] <= y <= b[3] for b in boxes))
    continua = tuple(
        EquilibriumSet((float(b[0]), float(b[1])), (float(b[2]), float(b[3])), make(*b))
        for b in boxes
        if b[0] < b[1] or b[2] < b[3]
    )
    interior = [b for b in boxes if b[0] == b[1] and b[2] == b[3] and 0 < b[0] < 1 and 0 < b[2] < 1]
    mixed = point(interior[0][0], interior[0][2]) if interior else None
    indifferences = tuple(_indifferences(game, A, B))

    lines = [
        f"{len(pure)} pure equilibri{'um' if len(pure) == 1 else 'a'}"
        + (": " + " | ".join(e.description for e in pure) if pure else ".")
    ]
    if mixed:
        lines.append(
            "One completely mixed equilibrium, where each player's mix makes the "
            "other indifferent: " + mixed.description
        )
    if continua:
        lines.append(
            "Infinitely many equilibria, because a player is indifferent: "
            + " | ".join(s.description for s in continua)
        )
    lines += indifferences
    return Nash2x2Result(game, pure, mixed, bool(continua), continua, indifferences, "\n".join(lines))


# --------------------------------------------------------------------------
# Backward induction on a small game tree
# --------------------------------------------------------------------------


class IndifferenceError(InputError):
    """A mover's best actions tie, so backward induction has no unique answer."""


@dataclass(frozen=True)
class Leaf:
    """An end of the game; ``payoffs[k]`` is what player k gets."""

    name: str
    payoffs: tuple[float, ...]


@dataclass(frozen=True)
class DecisionNode:
    """A node where ``players[player]`` picks one of ``moves``: (action, child) pairs."""

    name: str
    player: int
    moves: tuple[tuple[str, "Node"], ...]


Node = Union[Leaf, DecisionNode]


@dataclass(frozen=True)
class BackwardInductionResult:
    """The subgame-perfect equilibrium found by backward induction."""

    path: tuple[str, ...]  # actions taken along the equilibrium path
    choices: dict[str, str]  # every decision node (on and off the path) -> action chosen
    subgame_outcomes: dict[str, str]  # every decision node -> leaf reached if play started there
    outcome: str  # leaf reached from the root
    payoffs: tuple[float, ...]
    explanation: str


def _check_tree(node, players: tuple[str, ...], names: set, values: dict) -> None:
    """Validate the tree; store each leaf's payoffs as floats in ``values``."""
    if not isinstance(node, (Leaf, DecisionNode)):
        raise InputError(f"A game tree is built from Leaf and DecisionNode nodes; got {node!r}.")
    if not isinstance(node.name, str) or not node.name.strip():
        raise InputError(f"Every node needs a non-empty name; got {node.name!r}.")
    if node.name in names:
        raise InputError(f"Two nodes are called '{node.name}'; node names must be unique.")
    names.add(node.name)
    if isinstance(node, Leaf):
        pays = tuple(node.payoffs) if not isinstance(node.payoffs, str) else ()
        if len(pays) != len(players):
            raise InputError(
                f"Leaf '{node.name}' needs one payoff per player ({', '.join(players)}); got {node.payoffs!r}."
            )
        values[node.name] = tuple(number(f"{p}'s payoff at '{node.name}'", v) for p, v in zip(players, pays))
        return
    if isinstance(node.player, bool) or not isinstance(node.player, int) or not 0 <= node.player < len(players):
        raise InputError(
            f"Node '{node.name}' has player {node.player!r}; it must be a player number from 0 to {len(players) - 1}."
        )
    moves = tuple(node.moves)
    if not moves or any(not isinstance(m, tuple) or len(m) != 2 or not isinstance(m[0], str) for m in moves):
        raise InputError(
            f"Node '{node.name}' needs at least one move, each an (action name, child node) pair; got {node.moves!r}."
        )
    actions = [a for a, _ in moves]
    if len(set(actions)) != len(actions):
        raise InputError(f"Node '{node.name}' offers the same action name twice: {actions}.")
    for _, child in moves:
        _check_tree(child, players, names, values)


def backward_induction(root: Node, players: Sequence[str]) -> BackwardInductionResult:
    """Solve a finite perfect-information game tree by backward induction.

    Each mover picks the action whose subgame gives them the most, starting
    from the last decisions. If a mover's best actions tie, the subgame-perfect
    equilibrium is not unique and an IndifferenceError names the player and the node.
    """
    if isinstance(players, str) or not players:
        raise InputError(f"players must be a list of player names; got {players!r}.")
    players = tuple(str(p) for p in players)
    values: dict[str, tuple[float, ...]] = {}
    _check_tree(root, players, set(), values)

    choices: dict[str, str] = {}
    reached: dict[str, str] = {}
    steps: list[str] = []

    def solve(node: Node) -> str:
        if isinstance(node, Leaf):
            return node.name
        who = players[node.player]
        results = [(action, solve(child)) for action, child in node.moves]
        best = max(values[leaf][node.player] for _, leaf in results)
        winners = [(a, leaf) for a, leaf in results if values[leaf][node.player] == best]
        if len(winners) > 1:
            raise IndifferenceError(
                f"{who} is indifferent at '{node.name}' between "
                f"{' and '.join(a for a, _ in winners)} (each gives {who} {best:g}). "
                "Backward induction needs a strict preference at every decision node, so the "
                "subgame-perfect equilibrium is not unique; change one of these payoffs."
            )
        action, leaf = winners[0]
        others = ", ".join(f"{a} leads to '{lf}' worth {values[lf][node.player]:g}" for a, lf in results if a != action)
        steps.append(
            f"At '{node.name}', {who} chooses {action}: it leads to '{leaf}' "
            f"worth {best:g} to {who}" + (f" (whereas {others})." if others else ".")
        )
        choices[node.name], reached[node.name] = action, leaf
        return leaf

    outcome = solve(root)
    path, node, ordered = [], root, {}
    while isinstance(node, DecisionNode):
        path.append(choices[node.name])
        node = dict(node.moves)[choices[node.name]]

    def preorder(n: Node) -> None:  # list choices from the root down, for readability
        if isinstance(n, DecisionNode):
            ordered[n.name] = choices[n.name]
            for _, child in n.moves:
                preorder(child)

    preorder(root)
    return BackwardInductionResult(
        tuple(path), ordered, {k: reached[k] for k in ordered}, outcome, values[outcome], "\n".join(steps)
    )
