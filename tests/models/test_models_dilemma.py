"""Tests for the repeated Prisoner's Dilemma tournament: results worked by hand."""

import numpy as np
import pytest

from widgets.models.dilemma import (
    STRATEGIES,
    Payoffs,
    cooperation_threshold,
    nowak_sigmund_generosity,
    play_match,
    rank_counts,
    shadow_value,
    tournament,
    win_counts,
)
from widgets.models.inputs import InputError

FOUR = ["always_defect", "always_cooperate", "tit_for_tat", "grim_trigger"]


# ------------------------------------------------------------------ payoffs


def test_axelrod_payoffs_accepted():
    p = Payoffs()
    assert (p.T, p.R, p.P, p.S) == (5, 3, 1, 0)


@pytest.mark.parametrize("T, R, P, S", [(3, 5, 1, 0), (5, 3, 3, 0), (5, 1, 3, 0), (5, 3, 1, 1)])
def test_wrong_ordering_rejected(T, R, P, S):
    with pytest.raises(InputError, match="T > R > P > S"):
        Payoffs(T, R, P, S)


@pytest.mark.parametrize("T", [6, 7])
def test_alternating_exploitation_must_not_pay(T):
    # R = 3, S = 0: 2R = 6 must exceed T + S; T = 6 gives equality, T = 7 exceeds it
    with pytest.raises(InputError, match="2R > T \\+ S"):
        Payoffs(T, 3, 1, 0)


def test_non_numeric_payoff_rejected():
    with pytest.raises(InputError, match="payoff T"):
        Payoffs("high", 3, 1, 0)


def test_nowak_sigmund_generosity_for_axelrod_payoffs():
    # min(1 − (T−R)/(R−S), (R−P)/(T−P)) = min(1 − 2/3, 2/4) = 1/3
    assert nowak_sigmund_generosity(Payoffs()) == pytest.approx(1 / 3)


# ------------------------------------------------------------------ matches


def test_tit_for_tat_against_always_defect():
    # n = 10: TFT is suckered once then punishes: S + 9P = 0 + 9 = 9 → 0.9 per round
    # AllD: T + 9P = 5 + 9 = 14 → 1.4 per round
    m = play_match("tit_for_tat", "always_defect", rounds=10)
    assert m.average == pytest.approx((0.9, 1.4))
    moves = np.array(m.moves)  # one row per round: (tit-for-tat, always defect)
    assert moves[0, 0] and not moves[1:, 0].any() and not moves[:, 1].any()
    np.testing.assert_array_equal(np.array(m.payoffs)[:, 0], [0] + [1] * 9)


def test_other_payoff_values_go_to_the_right_cells():
    # T=10, R=6, P=2, S=−1 (2R = 12 > T+S = 9), n = 4:
    # TFT: S + 3P = −1 + 6 = 5 → 1.25;  AllD: T + 3P = 10 + 6 = 16 → 4
    m = play_match("tit_for_tat", "always_defect", rounds=4, payoffs=Payoffs(10, 6, 2, -1))
    assert m.average == pytest.approx((1.25, 4.0))


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("tit_for_tat", "tit_for_tat", (3, 3)),  # R every round
        ("grim_trigger", "always_cooperate", (3, 3)),  # R every round
        ("always_defect", "always_cooperate", (5, 0)),  # T vs S every round
        ("always_defect", "always_defect", (1, 1)),  # P every round
        ("grim_trigger", "always_defect", (0.9, 1.4)),  # like TFT: S + 9P vs T + 9P
    ],
)
def test_noise_free_matches(a, b, expected):
    assert play_match(a, b, rounds=10).average == pytest.approx(expected)


def test_full_noise_flips_every_move():
    # ε = 1: every intended move is flipped, deterministically
    assert play_match("always_cooperate", "always_cooperate", rounds=8, noise=1).average == (1, 1)
    # AllD actually cooperates and AllC actually defects: AllD gets S = 0, AllC gets T = 5
    assert play_match("always_defect", "always_cooperate", rounds=8, noise=1).average == (0, 5)
    # TFT vs TFT: round 1 both intend C → play D (P); round 2 both copy D, intend D → play C (R);
    # so P, R, P, R, ...: average (1 + 3)/2 = 2 over an even number of rounds
    m = play_match("tit_for_tat", "tit_for_tat", rounds=8, noise=1)
    np.testing.assert_array_equal(np.array(m.payoffs)[:, 0], [1, 3] * 4)


def test_noise_makes_tit_for_tat_echo_and_generosity_repairs_it():
    # Theory: with small noise, TFT vs TFT wanders over all four outcomes about equally
    # often, so its average tends to (R + S + T + P)/4 = 9/4 = 2.25, well below R = 3.
    tft = play_match("tit_for_tat", "tit_for_tat", rounds=2000, noise=0.05, seed=1)
    assert 2.0 < np.mean(tft.average) < 2.5
    # Generous TFT forgives a third of defections and recovers cooperation quickly.
    gtft = play_match("generous_tit_for_tat", "generous_tit_for_tat", rounds=2000, noise=0.05, seed=1)
    assert np.mean(gtft.average) > 2.6


def test_generosity_extremes():
    # generosity 0 is plain TFT: 0.9 against AllD over 10 rounds (see above)
    m = play_match("generous_tit_for_tat", "always_defect", rounds=10, generosity=0)
    assert m.average[0] == pytest.approx(0.9)
    # generosity 1 always forgives: cooperates every round and gets S = 0
    m = play_match("generous_tit_for_tat", "always_defect", rounds=10, generosity=1, seed=5)
    assert all(first for first, _ in m.moves) and m.average[0] == 0


def test_random_strategy_follows_documented_draws():
    # Draw order: U of shape (rounds, 2, pairs) first; random cooperates when U < 0.5
    rng = np.random.default_rng(7)
    u = rng.random((50, 2, 1))
    m = play_match("random", "random", rounds=50, seed=7)
    np.testing.assert_array_equal(m.moves, u[:, :, 0] < 0.5)
    # ...then V of the same shape for noise: AllC's move is flipped to D when V < ε
    rng = np.random.default_rng(11)
    rng.random((50, 2, 1))
    v = rng.random((50, 2, 1))
    m = play_match("always_cooperate", "always_cooperate", rounds=50, noise=0.3, seed=11)
    np.testing.assert_array_equal(m.moves, ~(v[:, :, 0] < 0.3))


def test_random_strategy_cooperates_about_half_the_time():
    m = play_match("random", "always_cooperate", rounds=4000, seed=3)
    # binomial(4000, 0.5): sd of the share is 0.0079, so 0.46–0.54 is 5 sd wide
    assert 0.46 < np.array(m.moves)[:, 0].mean() < 0.54


# --------------------------------------------------------------- tournament


def test_four_strategy_tournament_by_hand():
    # 10 rounds, self-play included. Per-round averages, row against column:
    #            AllD  AllC  TFT  Grim
    #   AllD     1     5     1.4  1.4
    #   AllC     0     3     3    3
    #   TFT      0.9   3     3    3
    #   Grim     0.9   3     3    3
    # scores (mean of row): AllD 8.8/4 = 2.2, AllC 9/4 = 2.25, TFT = Grim = 9.9/4 = 2.475
    r = tournament(FOUR, rounds=10)
    expected = np.array([[1, 5, 1.4, 1.4], [0, 3, 3, 3], [0.9, 3, 3, 3], [0.9, 3, 3, 3]])
    np.testing.assert_allclose(r.matrix, expected)
    np.testing.assert_allclose(r.scores, [2.2, 2.25, 2.475, 2.475])
    # tie between TFT and Grim keeps the given order
    assert r.ranking == ("tit_for_tat", "grim_trigger", "always_cooperate", "always_defect")
    # cooperation shares: TFT cooperated 1 of 10 rounds against AllD
    assert r.cooperation[2][0] == pytest.approx(0.1)
    assert max(r.cooperation[0]) == 0


def test_without_self_play_always_defect_wins():
    # Same matches minus the diagonal: AllD (5 + 1.4 + 1.4)/3 = 2.6, AllC (0 + 3 + 3)/3 = 2,
    # TFT = Grim = (0.9 + 3 + 3)/3 = 2.3 — self-play is what lifts the reciprocators
    r = tournament(FOUR, rounds=10, self_play=False)
    np.testing.assert_allclose(r.scores, [2.6, 2.0, 2.3, 2.3])
    assert r.ranking[0] == "always_defect"
    assert np.isnan(np.diag(r.matrix)).all()


def test_same_seed_same_result_and_seed_matters():
    a = tournament(rounds=200, noise=0.1, seed=42)
    b = tournament(rounds=200, noise=0.1, seed=42)
    np.testing.assert_array_equal(a.matrix, b.matrix)
    assert a.ranking == b.ranking
    c = tournament(rounds=200, noise=0.1, seed=43)
    assert not np.array_equal(a.matrix, c.matrix)


def test_no_noise_no_randomness_for_deterministic_strategies():
    a = tournament(FOUR, rounds=50, seed=0)
    b = tournament(FOUR, rounds=50, seed=12345)
    np.testing.assert_array_equal(a.matrix, b.matrix)
    # ...but the random strategy does depend on the seed
    a = tournament(["random", "tit_for_tat"], rounds=50, seed=0)
    b = tournament(["random", "tit_for_tat"], rounds=50, seed=1)
    assert not np.array_equal(a.matrix, b.matrix)


def test_result_is_read_only_and_plain():
    r = tournament(FOUR, rounds=5)
    with pytest.raises(TypeError):
        r.matrix[0][0] = 99  # tuples
    assert type(r.scores) is tuple and all(type(v) is float for row in r.matrix for v in row)
    m = play_match("tit_for_tat", "random", rounds=3)
    assert type(m.moves) is tuple and all(type(v) is bool for row in m.moves for v in row)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"strategies": ["tit_for_tat", "nice_guy"]}, "Unknown strategy 'nice_guy'"),
        ({"strategies": ["tit_for_tat", "tit_for_tat"]}, "only once"),
        ({"strategies": "tit_for_tat"}, "list of strategy names"),
        ({"strategies": ["tit_for_tat"], "self_play": False}, "at least"),
        ({"rounds": 0}, "rounds"),
        ({"rounds": 10.5}, "rounds"),
        ({"noise": 1.5}, "noise"),
        ({"noise": -0.1}, "noise"),
        ({"seed": -1}, "seed"),
        ({"generosity": 2}, "generosity"),
        ({"payoffs": (5, 3, 1, 0)}, "Payoffs"),
    ],
)
def test_bad_tournament_inputs(kwargs, message):
    with pytest.raises(InputError, match=message):
        tournament(**kwargs)


def test_default_lineup_has_all_strategies():
    # speed is measured by `make bench`, not asserted here
    assert len(STRATEGIES) == 6
    assert set(tournament(rounds=20).ranking) == set(STRATEGIES)


# ------------------------------------------------------------------ seeds and the shadow of the future


def test_win_counts_add_up_and_match_single_tournaments():
    counts = win_counts(0.01, seeds=range(5), rounds=50)
    assert sum(counts.values()) == 5
    by_hand = [tournament(rounds=50, noise=0.01, seed=s).ranking[0] for s in range(5)]
    assert counts == {name: by_hand.count(name) for name in STRATEGIES}


def test_win_counts_without_noise_grim_always_first():
    # with noise 0 only `random` and generous tit-for-tat draw coins; grim beats
    # tit-for-tat against random and ties everywhere else (see the exercise tests)
    assert win_counts(0.0, seeds=range(10))["grim_trigger"] == 10


def test_rank_counts_count_every_place_of_every_seed():
    counts = rank_counts(0.05, seeds=range(4), rounds=50)
    rankings = [tournament(rounds=50, noise=0.05, seed=s).ranking for s in range(4)]
    assert counts == {name: tuple(sum(r[p] == name for r in rankings) for p in range(6)) for name in STRATEGIES}
    assert all(sum(c) == 4 for c in counts.values())  # each strategy has a place on each seed
    assert [sum(c[p] for c in counts.values()) for p in range(6)] == [4] * 6  # each place is taken once a seed
    assert win_counts(0.05, seeds=range(4), rounds=50) == {name: c[0] for name, c in counts.items()}


def test_rank_counts_follow_a_smaller_line_up():
    counts = rank_counts(0.0, seeds=range(3), strategies=FOUR)
    assert set(counts) == set(FOUR) and all(len(c) == 4 for c in counts.values())
    # no coin flips in this line-up, so every seed gives the same ranking. Per round, with self-play:
    # tit-for-tat and grim trigger (0.995 + 3 + 3 + 3)/4 = 2.49875 each, a tie kept in the given
    # order; always cooperate (0 + 3 + 3 + 3)/4 = 2.25; always defect (1 + 5 + 1.02 + 1.02)/4 = 2.01
    assert counts == {
        "tit_for_tat": (3, 0, 0, 0),
        "grim_trigger": (0, 3, 0, 0),
        "always_cooperate": (0, 0, 3, 0),
        "always_defect": (0, 0, 0, 3),
    }


def test_win_counts_rejects_no_seeds():
    with pytest.raises(InputError, match="at least one seed"):
        win_counts(0.0, seeds=[])
    with pytest.raises(InputError, match="at least one seed"):
        rank_counts(0.0, seeds=[])


@pytest.mark.parametrize("w", [0.0, 0.2, 0.5, 0.9, 0.99])
def test_shadow_values_match_geometric_sums(w):
    T, R, P, S = 5, 3, 1, 0
    assert shadow_value("grim_trigger", "grim_trigger", w) == pytest.approx((R / (1 - w),) * 2)
    assert shadow_value("always_defect", "grim_trigger", w) == pytest.approx((T + w * P / (1 - w), S + w * P / (1 - w)))
    # alternating against tit-for-tat: T, S, T, S, ... for the alternator, S, T, S, T for tft
    assert shadow_value("alternate", "tit_for_tat", w) == pytest.approx(
        ((T + w * S) / (1 - w**2), (S + w * T) / (1 - w**2))
    )
    # alternating against grim: T, S, then grim defects for ever while the alternator
    # keeps playing D, C, ...: P, S, P, S, ...
    assert shadow_value("alternate", "grim_trigger", w)[0] == pytest.approx(
        T + w * S + (w**2 * P + w**3 * S) / (1 - w**2)
    )


def test_shadow_value_agrees_with_a_long_truncated_match():
    w, rounds = 0.9, 400  # w**400 is about 5e-19
    for pair in [("tit_for_tat", "alternate"), ("grim_trigger", "always_defect"), ("always_cooperate", "grim_trigger")]:
        pay = play_match(*pair, rounds=rounds).payoffs
        weights = w ** np.arange(rounds)
        assert shadow_value(*pair, w) == pytest.approx(tuple(weights @ np.array(pay)))


@pytest.mark.parametrize("payoffs", [Payoffs(), Payoffs(7, 4, 2, 0), Payoffs(6, 4, 1, 0)])
def test_thresholds_are_where_deviating_stops_paying(payoffs):
    T, R, P, S = payoffs.T, payoffs.R, payoffs.P, payoffs.S
    grim = cooperation_threshold("grim_trigger", payoffs)
    tft = cooperation_threshold("tit_for_tat", payoffs)
    assert grim == pytest.approx((T - R) / (T - P))
    assert tft == pytest.approx(max((T - R) / (T - P), (T - R) / (R - S)))
    for strategy, w_star in (("grim_trigger", grim), ("tit_for_tat", tft)):

        def best_deviation(w):
            return max(shadow_value(d, strategy, w, payoffs)[0] for d in ("always_defect", "alternate"))

        def stay(w):
            return shadow_value(strategy, strategy, w, payoffs)[0]

        assert best_deviation(w_star - 0.01) > stay(w_star - 0.01)
        assert best_deviation(w_star + 0.01) < stay(w_star + 0.01)
        assert best_deviation(w_star) == pytest.approx(stay(w_star))


def test_axelrod_payoffs_thresholds_by_hand():
    # (5-3)/(5-1) = 1/2 for grim; max(1/2, (5-3)/(3-0)) = 2/3 for tit-for-tat
    assert cooperation_threshold("grim_trigger") == pytest.approx(0.5)
    assert cooperation_threshold("tit_for_tat") == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    "args, message",
    [
        (("random", "tit_for_tat", 0.5), "without coin flips"),
        (("tit_for_tat", "generous_tit_for_tat", 0.5), "without coin flips"),
        (("tit_for_tat", "tit_for_tat", 1.0), "below 1"),
        (("tit_for_tat", "tit_for_tat", -0.1), "continuation"),
        (("tit_for_tat", "tit_for_tat", "soon"), "continuation"),
        (("tit_for_tat", "nobody", 0.5), "Unknown strategy"),
    ],
)
def test_bad_shadow_inputs(args, message):
    with pytest.raises(InputError, match=message):
        shadow_value(*args)


def test_threshold_only_for_known_strategies():
    with pytest.raises(InputError, match="grim_trigger"):
        cooperation_threshold("always_defect")


def test_alternate_is_not_in_the_default_lineup():
    assert "alternate" not in STRATEGIES
    moves = [first for first, _ in play_match("alternate", "always_cooperate", rounds=4).moves]
    assert moves == [False, True, False, True]


# ------------------------------------------------------------------ a random end (Axelrod's second tournament)


def test_fixed_length_results_are_unchanged_by_the_random_end_option():
    a = tournament(noise=0.05, seed=4)
    b = tournament(noise=0.05, seed=4, continuation=None)
    assert np.array_equal(a.matrix, b.matrix) and a.lengths is None


def test_random_end_scores_follow_each_match_length():
    r = tournament(FOUR, continuation=0.9, seed=2)
    i, j = r.strategies.index("tit_for_tat"), r.strategies.index("always_defect")
    n = r.lengths[i][j]
    # tit-for-tat against always defect: S once, then P for n − 1 rounds (5, 3, 1, 0)
    assert r.matrix[i][j] == pytest.approx((0 + (n - 1) * 1) / n)
    assert r.matrix[j][i] == pytest.approx((5 + (n - 1) * 1) / n)
    k = r.strategies.index("always_cooperate")
    assert r.matrix[k][k] == pytest.approx(3.0)  # R every round, whatever the length


def test_random_end_lengths_are_geometric():
    w = 0.95
    lengths = np.concatenate(
        [np.array(tournament(continuation=w, seed=s).lengths)[np.triu_indices(6)] for s in range(40)]
    )  # 840 matches
    assert lengths.min() >= 1
    # mean 1/(1-w) = 20, standard deviation sqrt(w)/(1-w) ≈ 19.5; standard error ≈ 0.67
    assert abs(lengths.mean() - 1 / (1 - w)) < 3


def test_random_end_rejects_w_of_one():
    with pytest.raises(InputError, match="below 1"):
        tournament(continuation=1.0)


# ------------------------------------------------------------------ the standard-library port against numpy (the oracle)


def _numpy_tournament(strategies, rounds, payoffs, noise, seed, generosity, self_play, continuation):
    """The model's former numpy code (numpy's own generator and array arithmetic): scores, matrix, lengths."""
    from widgets.models.dilemma import _CODE, MAX_ROUNDS

    codes, m = np.array([_CODE[s] for s in strategies]), len(strategies)
    i_idx, j_idx = np.triu_indices(m, k=0 if self_play else 1)
    length = np.full(len(i_idx), rounds)
    if continuation is not None:
        length = np.minimum(np.random.default_rng([seed, 1]).geometric(1 - continuation, size=len(i_idx)), MAX_ROUNDS)
        rounds = int(length.max())
    rng = np.random.default_rng(seed)
    shape = (2, len(i_idx))
    u, v = rng.random((rounds, *shape)), rng.random((rounds, *shape))
    forgive, heads, flips = u < generosity, u < 0.5, v < noise
    both = np.stack([codes[i_idx], codes[j_idx]])
    last, ever_defected = np.ones(shape, bool), np.zeros(shape, bool)
    moves = np.empty((rounds, *shape), bool)
    for t in range(rounds):
        options = (
            np.zeros(shape, bool),
            np.ones(shape, bool),
            last[::-1],
            ~ever_defected[::-1],
            last[::-1] | forgive[t],
            heads[t],
            np.full(shape, t % 2 == 1),
        )
        moves[t] = last = np.choose(both, options) ^ flips[t]
        ever_defected |= ~last
    table = np.array([[payoffs.P, payoffs.T], [payoffs.S, payoffs.R]])
    pay = table[moves.astype(int), moves[:, ::-1].astype(int)]
    played = (np.arange(rounds)[:, None] < length[None, :])[:, None, :]
    matrix = np.full((m, m), np.nan)
    values = (pay * played).sum(axis=0) / length
    matrix[i_idx, j_idx], matrix[j_idx, i_idx] = values[0], values[1]
    diag = i_idx == j_idx
    matrix[i_idx[diag], i_idx[diag]] = values[:, diag].mean(axis=0)
    return np.nanmean(matrix, axis=1), matrix, length, moves, pay


def test_tournament_agrees_with_numpy_bit_for_bit():
    # the same seed gives the same draws as numpy.random.default_rng, and the same sums:
    # scores, matrix and ranking are equal, not merely close (ties between strategies stay ties)
    rng = np.random.default_rng(2026)
    lineup = STRATEGIES + ("alternate",)
    for trial in range(120):
        strategies = list(rng.permutation(lineup)[: rng.integers(2, 8)])
        kwargs = dict(
            rounds=int(rng.choice([1, 7, 50, 200])),
            payoffs=[Payoffs(), Payoffs(10, 6, 2, -1), Payoffs(5.3, 3.1, 1.7, 0.2)][trial % 3],
            noise=float(rng.choice([0, 0.01, 0.05, 0.3, 1])),
            seed=int(rng.choice([0, 1, 3, 42, 2**40 + 7])),
            generosity=float(rng.choice([0, 0.2, 1 / 3, 1])),
            self_play=bool(trial % 4),
            continuation=[None, None, 0.0, 0.4, 2 / 3][trial % 5],  # numpy's search method for w <= 2/3
        )
        r = tournament(strategies, **kwargs)
        scores, matrix, length, _, _ = _numpy_tournament(strategies, **kwargs)
        assert list(r.scores) == scores.tolist()
        np.testing.assert_array_equal(np.array(r.matrix), matrix)  # nan where not played, in both
        assert r.ranking == tuple(strategies[i] for i in sorted(range(len(strategies)), key=lambda i: -scores[i]))
        if kwargs["continuation"] is not None:
            pairs = [
                (i, j)
                for i in range(len(strategies))
                for j in range(i if kwargs["self_play"] else i + 1, len(strategies))
            ]
            assert [r.lengths[i][j] for i, j in pairs] == length.tolist()


def test_default_lineup_agrees_with_numpy_over_seeds_and_noise():
    # what the widget and the exercises play: the six strategies, 200 rounds
    for seed in range(12):
        for noise in (0.0, 0.05, 0.2):
            kwargs = dict(rounds=200, payoffs=Payoffs(), noise=noise, seed=seed, generosity=1 / 3, self_play=True)
            scores, _, _, _, _ = _numpy_tournament(list(STRATEGIES), continuation=None, **kwargs)
            assert list(tournament(**kwargs).scores) == scores.tolist()


def test_play_match_agrees_with_numpy():
    rng = np.random.default_rng(7)
    for _ in range(60):
        first, second = (str(s) for s in rng.choice(STRATEGIES + ("alternate",), 2))
        payoffs = Payoffs(5.3, 3.1, 1.7, 0.2) if rng.random() < 0.5 else Payoffs()
        rounds, noise, seed = int(rng.integers(1, 300)), float(rng.choice([0, 0.05, 0.5])), int(rng.integers(0, 10**6))
        m = play_match(first, second, rounds=rounds, payoffs=payoffs, noise=noise, seed=seed, generosity=0.25)
        _, _, _, moves, pay = _numpy_tournament([first], rounds, payoffs, noise, seed, 0.25, True, None)
        if first != second:  # a one-pair tournament of (first, second) draws what play_match draws
            _, _, _, moves, pay = _numpy_tournament([first, second], rounds, payoffs, noise, seed, 0.25, False, None)
        assert [list(row) for row in m.moves] == moves[:, :, 0].tolist()
        assert [list(row) for row in m.payoffs] == pay[:, :, 0].tolist()
        # numpy sums pairwise, the port with math.fsum: equal up to rounding
        assert m.average == pytest.approx(tuple(pay[:, :, 0].mean(axis=0)), rel=1e-13, abs=1e-13)


def test_random_end_above_two_thirds_keeps_the_geometric_law():
    # above w = 2/3 numpy draws lengths by another method (not copied): the port's
    # lengths are then not numpy's, but their law is: P(n = 1) = 1 − w, mean 1/(1 − w)
    w = 0.8
    lengths = np.concatenate(
        [np.array(tournament(FOUR, continuation=w, seed=s).lengths)[np.triu_indices(4)] for s in range(300)]
    )  # 3000 matches
    # P(n = 1) = 0.2 (sd of the share 0.0073); mean 5 (sd of a length 4.47, of the mean 0.082)
    assert abs((lengths == 1).mean() - (1 - w)) < 0.03
    assert abs(lengths.mean() - 1 / (1 - w)) < 0.4
