"""Tests for widgets.models.games: 2x2 Nash equilibria and backward induction.

Expected values are solved by hand in the comments; the 2x2 solver is also
checked against nashpy's support enumeration on non-degenerate games.
"""

import warnings

import nashpy
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from widgets.models.games import DecisionNode, Game2x2, IndifferenceError, Leaf, backward_induction, solve_2x2
from widgets.models.inputs import InputError

# Named games. Row payoffs A, column payoffs B; A[i][j]: row plays i, column j.
CHICKEN = ([[0, -1], [1, -10]], [[0, 1], [-1, -10]])  # (Swerve, Straight)
PRISONERS_DILEMMA = ([[3, 0], [5, 1]], [[3, 5], [0, 1]])  # (Cooperate, Defect)
MATCHING_PENNIES = ([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
STAG_HUNT = ([[4, 0], [3, 3]], [[4, 3], [0, 3]])  # (Stag, Hare)
BATTLE_OF_SEXES = ([[3, 0], [0, 2]], [[2, 0], [0, 3]])
INSPECTION = ([[0, 4], [2, 1]], [[1, 0], [0, 3]])  # no pure equilibrium, asymmetric mix
NAMED = {
    "chicken": CHICKEN,
    "prisoners_dilemma": PRISONERS_DILEMMA,
    "matching_pennies": MATCHING_PENNIES,
    "stag_hunt": STAG_HUNT,
    "battle_of_sexes": BATTLE_OF_SEXES,
    "inspection": INSPECTION,
}


def profiles(solution):
    """Every isolated equilibrium as (x1, x2, y1, y2), rounded, sorted."""
    eqs = list(solution.pure) + ([solution.mixed] if solution.mixed else [])
    return sorted(tuple(round(v + 0.0, 9) for v in (*e.row_mix, *e.col_mix)) for e in eqs)


def nashpy_profiles(A, B):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a degeneracy warning would make the comparison moot
        eqs = list(nashpy.Game(np.array(A, float), np.array(B, float)).support_enumeration())
    return sorted(tuple(round(float(v) + 0.0, 9) for v in np.concatenate(e)) for e in eqs)


# ---------------------------------------------------------------- hand-solved games


def test_chicken_two_pure_and_one_mixed():
    # Pure: at (Swerve, Straight) Row gets -1 (going Straight too would give -10) and
    # Column gets 1 (swerving would give 0): neither gains by switching, so it is a NE.
    # Mixed: Column swerves w.p. y so Row is indifferent:
    #   Swerve: 0y + (-1)(1-y) = y - 1;  Straight: 1y + (-10)(1-y) = 11y - 10
    #   y - 1 = 11y - 10  =>  y = 9/10. Symmetric, so x = 9/10 too.
    #   Payoff: y - 1 = -0.1 for each player.
    s = solve_2x2(Game2x2(*CHICKEN, ("Swerve", "Straight"), ("Swerve", "Straight")))
    assert [(e.row_mix, e.col_mix) for e in s.pure] == [((1, 0), (0, 1)), ((0, 1), (1, 0))]
    assert s.mixed.row_mix == pytest.approx((0.9, 0.1))
    assert s.mixed.col_mix == pytest.approx((0.9, 0.1))
    assert s.mixed.payoffs == pytest.approx((-0.1, -0.1))
    assert not s.infinitely_many and s.indifferences == ()
    assert "Row plays Swerve; Column plays Straight" in s.explanation


def test_prisoners_dilemma_unique_defection():
    # Defect strictly dominates (5 > 3, 1 > 0) for both: only (Defect, Defect), payoffs (1, 1).
    s = solve_2x2(Game2x2(*PRISONERS_DILEMMA, ("Cooperate", "Defect"), ("Cooperate", "Defect")))
    assert len(s.pure) == 1
    assert s.pure[0].row_mix == (0, 1) and s.pure[0].col_mix == (0, 1)
    assert s.pure[0].payoffs == (1, 1)
    assert s.mixed is None and not s.infinitely_many


def test_matching_pennies_only_mixed():
    # Every pure profile has a player who gains by switching; 1/2-1/2 makes each indifferent:
    # Row's heads: y - (1 - y) = 0 => y = 1/2. Value 0 for both.
    s = solve_2x2(Game2x2(*MATCHING_PENNIES))
    assert s.pure == ()
    assert s.mixed.row_mix == (0.5, 0.5) and s.mixed.col_mix == (0.5, 0.5)
    assert s.mixed.payoffs == (0.0, 0.0)
    assert s.explanation.startswith("0 pure equilibria")


def test_stag_hunt_two_pure_and_mixed():
    # Pure: (Stag, Stag) payoffs 4 and (Hare, Hare) payoffs 3.
    # Mixed: Column hunts stag w.p. y, Row indifferent: 4y = 3  =>  y = 3/4 (same for x).
    # Payoff 4y = 3.
    s = solve_2x2(Game2x2(*STAG_HUNT))
    assert [e.payoffs for e in s.pure] == [(4, 4), (3, 3)]
    assert s.mixed.row_mix == (0.75, 0.25) and s.mixed.col_mix == (0.75, 0.25)
    assert s.mixed.payoffs == (3.0, 3.0)


def test_battle_of_sexes_asymmetric_mix():
    # Row's mix x makes Column indifferent: Left 2x = Right 3(1-x)  =>  x = 3/5.
    # Column's mix y makes Row indifferent: Up 3y = Down 2(1-y)     =>  y = 2/5.
    # Payoffs: Row 3y = 6/5, Column 2x = 6/5.
    s = solve_2x2(Game2x2(*BATTLE_OF_SEXES))
    assert s.mixed.row_mix == pytest.approx((0.6, 0.4))
    assert s.mixed.col_mix == pytest.approx((0.4, 0.6))
    assert s.mixed.payoffs == pytest.approx((1.2, 1.2))


def test_inspection_game_mix_depends_on_opponent_payoffs():
    # No pure NE (cycle). Column indifferent: Left x = Right 3(1-x) => x = 3/4.
    # Row indifferent: Up 0y + 4(1-y) = Down 2y + 1(1-y) => 4 - 4y = 1 + y => y = 3/5.
    # Row payoff 4(1 - 3/5) = 8/5; Column payoff x = 3/4.
    s = solve_2x2(Game2x2(*INSPECTION))
    assert s.pure == ()
    assert s.mixed.row_mix == pytest.approx((0.75, 0.25))
    assert s.mixed.col_mix == pytest.approx((0.6, 0.4))
    assert s.mixed.payoffs == pytest.approx((1.6, 0.75))


# ---------------------------------------------------------------- against nashpy


@pytest.mark.parametrize("name", sorted(NAMED))
def test_named_games_match_nashpy(name):
    A, B = NAMED[name]
    assert profiles(solve_2x2(Game2x2(A, B))) == nashpy_profiles(A, B)


payoff = st.integers(min_value=-9, max_value=9)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(payoff, min_size=8, max_size=8))
def test_random_nondegenerate_games_match_nashpy(v):
    A, B = [[v[0], v[1]], [v[2], v[3]]], [[v[4], v[5]], [v[6], v[7]]]
    # Non-degenerate: no player indifferent against any pure action of the other.
    assume(A[0][0] != A[1][0] and A[0][1] != A[1][1] and B[0][0] != B[0][1] and B[1][0] != B[1][1])
    s = solve_2x2(Game2x2(A, B))
    assert not s.infinitely_many and s.indifferences == ()
    assert profiles(s) == nashpy_profiles(A, B)


# ---------------------------------------------------------------- invariants


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(payoff, min_size=8, max_size=8))
def test_pure_equilibria_are_exactly_the_profiles_without_profitable_deviation(v):
    A, B = [[v[0], v[1]], [v[2], v[3]]], [[v[4], v[5]], [v[6], v[7]]]
    s = solve_2x2(Game2x2(A, B))
    found = {(e.row_mix.index(1.0), e.col_mix.index(1.0)) for e in s.pure}
    expected = {(i, j) for i in range(2) for j in range(2) if A[i][j] >= A[1 - i][j] and B[i][j] >= B[i][1 - j]}
    assert found == expected


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.integers(-1000, 1000).map(lambda k: k / 10), min_size=8, max_size=8))
def test_mixed_equilibrium_makes_each_opponent_indifferent(v):
    # Payoffs with one decimal, as a slider gives them (a gap of 1e-162 between two
    # payoffs would make an exact mix round to 1.0 in floating point).
    A, B = np.array(v[:4]).reshape(2, 2), np.array(v[4:]).reshape(2, 2)
    s = solve_2x2(Game2x2(A.tolist(), B.tolist()))
    assume(s.mixed is not None)
    x, y = np.array(s.mixed.row_mix), np.array(s.mixed.col_mix)
    assert 0 < x[0] < 1 and 0 < y[0] < 1
    row_up, row_down = A @ y  # Row's payoff from each action against Column's mix
    col_left, col_right = x @ B
    assert row_up == pytest.approx(row_down, abs=1e-9 * (1 + abs(A).max()))
    assert col_left == pytest.approx(col_right, abs=1e-9 * (1 + abs(B).max()))
    assert s.mixed.payoffs[0] == pytest.approx(x @ A @ y, abs=1e-9 * (1 + abs(A).max()))


# ---------------------------------------------------------------- degenerate games


def test_indifference_with_continuum_of_equilibria():
    # Column strictly prefers Left (1 > 0 in both rows). Against Left, Row gets 1 from
    # Up and 1 from Down: indifferent, so every mix of Row with Column on Left is an
    # equilibrium: x in [0, 1], y = 1.
    s = solve_2x2(Game2x2([[1, 0], [1, 2]], [[1, 0], [1, 0]]))
    assert s.infinitely_many
    assert [(c.row_first_prob, c.col_first_prob) for c in s.continua] == [((0, 1), (1, 1))]
    assert s.indifferences == ("Row is indifferent between Up and Down when Column plays Left (both give 1).",)
    assert "Infinitely many equilibria" in s.explanation
    assert s.mixed is None


def test_indifference_without_continuum_is_reported_but_finite():
    # Row is indifferent against Left (1 = 1) but Column strictly prefers Right
    # (1 > 0 in both rows), and against Right Row strictly prefers Down (2 > 0):
    # unique equilibrium (Down, Right).
    s = solve_2x2(Game2x2([[1, 0], [1, 2]], [[0, 1], [0, 1]]))
    assert not s.infinitely_many and s.continua == ()
    assert [(e.row_mix, e.col_mix) for e in s.pure] == [((0, 1), (0, 1))]
    assert "Row is indifferent between Up and Down when Column plays Left" in s.indifferences[0]


def test_one_player_fully_indifferent_gives_three_segments():
    # Row gets 0 everywhere; Column wants to match Row (1 on the diagonal).
    # Column: Left iff x >= 1/2, Right iff x <= 1/2, any mix at x = 1/2.
    # Equilibria = Column's best-response graph:
    #   {x in [1/2, 1], y = 1}, {x = 1/2, y in [0, 1]}, {x in [0, 1/2], y = 0}.
    # Pure ones: (Up, Left) and (Down, Right).
    s = solve_2x2(Game2x2([[0, 0], [0, 0]], [[1, 0], [0, 1]]))
    assert s.infinitely_many and s.mixed is None
    segments = sorted((c.row_first_prob, c.col_first_prob) for c in s.continua)
    assert segments == [((0, 0.5), (0, 0)), ((0.5, 0.5), (0, 1)), ((0.5, 1), (1, 1))]
    assert [(e.row_mix, e.col_mix) for e in s.pure] == [((1, 0), (1, 0)), ((0, 1), (0, 1))]
    assert s.indifferences == ("Row gets the same payoff from Up and Down whatever Column does.",)


def test_fully_indifferent_game_everything_is_an_equilibrium():
    s = solve_2x2(Game2x2([[2, 2], [2, 2]], [[5, 5], [5, 5]]))
    assert len(s.pure) == 4 and s.infinitely_many
    assert [(c.row_first_prob, c.col_first_prob) for c in s.continua] == [((0, 1), (0, 1))]
    assert len(s.indifferences) == 2


# ---------------------------------------------------------------- input checks


def test_non_numeric_payoff_named_by_cell():
    message = r"Row's payoff at \(Up, Right\) must be a number; got 'x'"
    with pytest.raises(InputError, match=message):
        Game2x2([[1, "x"], [0, 0]], [[0, 0], [0, 0]])


def test_infinite_payoff_rejected():
    with pytest.raises(InputError, match="finite"):
        Game2x2([[1, 0], [0, 0]], [[0, float("inf")], [0, 0]])


@pytest.mark.parametrize("bad", [[[1, 2, 3], [0, 0]], [[1, 2]], 7, "ab"])
def test_payoff_table_must_be_2x2(bad):
    with pytest.raises(InputError, match="2x2 table"):
        Game2x2(bad, [[0, 0], [0, 0]])


def test_action_names_must_differ():
    with pytest.raises(InputError, match="row_actions must be two different"):
        Game2x2([[0, 0], [0, 0]], [[0, 0], [0, 0]], row_actions=("Hold", "Hold"))


def test_solver_needs_a_game():
    with pytest.raises(InputError, match="needs a Game2x2"):
        solve_2x2([[0, 0], [0, 0]])


def test_payoffs_are_stored_as_floats_from_numeric_strings():
    g = Game2x2([["1", 0], [0, 0]], np.zeros((2, 2)))
    assert g.row_payoffs == ((1.0, 0.0), (0.0, 0.0))


# ---------------------------------------------------------------- backward induction

PLAYERS = ("Entrant", "Incumbent")


def entry_game(fight=(-1, -1), accommodate=(1, 1), out=(0, 2)):
    return DecisionNode(
        "Entrant",
        0,
        (
            ("Out", Leaf("Stay out", out)),
            (
                "In",
                DecisionNode(
                    "Incumbent",
                    1,
                    (("Fight", Leaf("Price war", fight)), ("Accommodate", Leaf("Share market", accommodate))),
                ),
            ),
        ),
    )


def test_entry_game_incredible_threat():
    # Incumbent: Accommodate 1 > Fight -1. Entrant: In gives 1 > Out 0.
    s = backward_induction(entry_game(), PLAYERS)
    assert s.path == ("In", "Accommodate")
    assert s.outcome == "Share market" and s.payoffs == (1.0, 1.0)
    assert s.choices == {"Entrant": "In", "Incumbent": "Accommodate"}
    assert s.subgame_outcomes == {"Entrant": "Share market", "Incumbent": "Share market"}


def test_entry_game_credible_threat_records_off_path_choice():
    # Incumbent: Fight 1.5 > Accommodate 1. Entrant: In then gives -1 < Out 0: stays out.
    s = backward_induction(entry_game(fight=(-1, 1.5)), PLAYERS)
    assert s.path == ("Out",) and s.outcome == "Stay out" and s.payoffs == (0.0, 2.0)
    assert s.choices["Incumbent"] == "Fight"  # off the path, but part of the SPE
    assert "Incumbent chooses Fight" in s.explanation


def test_three_moves_and_three_players():
    # C picks the leaf best for C among (3, 1, 2) -> "c1"; B compares "b" (B gets 4)
    # with C's choice (B gets 5) -> goes to C; A compares "a" (A gets 6) with 7 -> B.
    tree = DecisionNode(
        "A",
        0,
        (
            ("stop", Leaf("a", (6, 0, 0))),
            (
                "go",
                DecisionNode(
                    "B",
                    1,
                    (
                        ("stop", Leaf("b", (0, 4, 0))),
                        (
                            "go",
                            DecisionNode(
                                "C",
                                2,
                                (
                                    ("x", Leaf("c1", (7, 5, 3))),
                                    ("y", Leaf("c2", (9, 9, 1))),
                                    ("z", Leaf("c3", (9, 9, 2))),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )
    s = backward_induction(tree, ("A", "B", "C"))
    assert s.path == ("go", "go", "x") and s.payoffs == (7.0, 5.0, 3.0)


def test_tie_between_best_moves_raises_naming_player_and_node():
    # Incumbent gets 1 from both Fight and Accommodate.
    with pytest.raises(
        IndifferenceError, match="Incumbent is indifferent at 'Incumbent' between Fight and Accommodate"
    ):
        backward_induction(entry_game(fight=(-1, 1)), PLAYERS)


def test_tie_below_the_best_move_is_harmless():
    # Mover gets 1, 1, 2: the tie is between two worse moves, so "c" is chosen.
    tree = DecisionNode("root", 0, (("a", Leaf("A", (1,))), ("b", Leaf("B", (1,))), ("c", Leaf("C", (2,)))))
    assert backward_induction(tree, ("Solo",)).path == ("c",)


def test_tie_in_the_other_players_payoff_is_harmless():
    # Entrant's payoffs are equal at the Incumbent's two leaves; the Incumbent decides.
    s = backward_induction(entry_game(fight=(1, -1), accommodate=(1, 1)), PLAYERS)
    assert s.choices["Incumbent"] == "Accommodate"


@pytest.mark.parametrize(
    "tree, players, message",
    [
        (Leaf("end", (1,)), ("A", "B"), "needs one payoff per player"),
        (Leaf("end", (1, "lots")), ("A", "B"), "B's payoff at 'end' must be a number"),
        (DecisionNode("n", 2, (("a", Leaf("x", (0, 0))),)), ("A", "B"), "player number from 0 to 1"),
        (DecisionNode("n", True, (("a", Leaf("x", (0, 0))),)), ("A", "B"), "player number"),
        (DecisionNode("n", 0, ()), ("A", "B"), "at least one move"),
        (
            DecisionNode("n", 0, (("a", Leaf("x", (0, 0))), ("a", Leaf("y", (1, 1))))),
            ("A", "B"),
            "same action name twice",
        ),
        (
            DecisionNode("n", 0, (("a", Leaf("x", (0, 0))), ("b", Leaf("x", (1, 1))))),
            ("A", "B"),
            "Two nodes are called 'x'",
        ),
        (DecisionNode("n", 0, (("a", (0, 0)),)), ("A", "B"), "built from Leaf and Decision"),
        (Leaf("end", (1,)), "A", "players must be a list"),
    ],
)
def test_malformed_trees_raise(tree, players, message):
    with pytest.raises(InputError, match=message):
        backward_induction(tree, players)
