"""The repeated Prisoner's Dilemma and a round-robin tournament (after Axelrod 1984).

Why: the security dilemma is a Prisoner's Dilemma between states; repeating it
lets reciprocity (tit-for-tat) sustain cooperation that a single play cannot.

Rules and assumptions:
* Each round both players move at once: cooperate (C) or defect (D). Payoffs
  T > R > P > S with 2R > T + S (so taking turns exploiting each other does not
  beat steady cooperation).
* Execution noise: each intended move is flipped with probability `noise`
  (a mistaken launch, a misread order). Strategies react to what the other side
  actually did, not to what it meant to do.
* Round robin: every pair of strategies plays one match of `rounds` rounds.
  Self-play is included by default, as in Axelrod's tournaments; in a self-play
  match the strategy's score is the mean of its two copies.
* Horizon: by default every match lasts `rounds` rounds, and no strategy
  counts rounds, so none exploits a known last round. `tournament(continuation=w)`
  ends each match at random instead (Axelrod's second tournament), and
  `shadow_value` / `cooperation_threshold` give the exact expected payoffs and
  the thresholds of w at which grim trigger and tit-for-tat sustain cooperation.
* Randomness: one generator per call, seeded with `seed`: numpy's
  ``default_rng(seed)``, copied in the standard library (``widgets.models.pcg64``)
  so that the live site draws the same numbers. It draws, in this order, an
  array U of shape (rounds, 2, pairs) of the strategies' own coin flips (used
  by `random` and `generous_tit_for_tat`), then an array V of the same shape
  for execution noise. Pairs are ordered (0,0), (0,1), ..., (0,m−1), (1,1), ...
  over the given strategy order (without (i,i) when self-play is off). So the
  same call with the same seed gives identical results, while changing the
  line-up changes which draw each match gets.
* Results are plain Python values (tuples of floats and bools): row t of a
  match's `moves` is (first's move, second's move); `matrix[i][j]` is i's
  average payoff per round against j.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from widgets.models.inputs import InputError, count, number, probability
from widgets.models.pcg64 import Generator

#: Strategy names, in the order used for the internal codes.
STRATEGIES = (
    "always_defect",
    "always_cooperate",
    "tit_for_tat",
    "grim_trigger",
    "generous_tit_for_tat",
    "random",
)
#: Strategies outside the default line-up, used to test the shadow of the future.
EXTRA_STRATEGIES = ("alternate",)
#: Strategies whose play is fixed once the opponent is known (no coin flips).
DETERMINISTIC = ("always_defect", "always_cooperate", "tit_for_tat", "grim_trigger", "alternate")
DESCRIPTIONS = {
    "always_defect": "Always defects.",
    "always_cooperate": "Always cooperates.",
    "tit_for_tat": "Cooperates first, then copies the other side's last move.",
    "grim_trigger": "Cooperates until the other side defects once, then defects forever.",
    "generous_tit_for_tat": (
        "Like tit-for-tat, but answers a defection with cooperation with probability "
        "`generosity` (forgiveness breaks echoes of mistakes)."
    ),
    "random": "Cooperates with probability 0.5 each round.",
    "alternate": "Defects in round 1, then cooperates and defects in turn (D, C, D, C, ...).",
}
_CODE = {name: i for i, name in enumerate(STRATEGIES + EXTRA_STRATEGIES)}
MAX_ROUNDS = 5_000


@dataclass(frozen=True)
class Payoffs:
    """Per-round payoffs: Temptation, Reward, Punishment, Sucker (Axelrod's 5, 3, 1, 0)."""

    T: float = 5.0
    R: float = 3.0
    P: float = 1.0
    S: float = 0.0

    def __post_init__(self) -> None:
        for name in "TRPS":
            object.__setattr__(self, name, number(f"payoff {name}", getattr(self, name)))
        T, R, P, S = self.T, self.R, self.P, self.S
        if not T > R > P > S:
            raise InputError(
                "A Prisoner's Dilemma needs T > R > P > S (temptation > reward > "
                f"punishment > sucker's payoff); got T={T:g}, R={R:g}, P={P:g}, S={S:g}."
            )
        if not 2 * R > T + S:
            raise InputError(
                "A repeated Prisoner's Dilemma needs 2R > T + S, otherwise taking turns "
                f"exploiting each other beats cooperating; got 2R = {2 * R:g} and "
                f"T + S = {T + S:g}."
            )


def nowak_sigmund_generosity(payoffs: Payoffs) -> float:
    """Forgiveness probability min(1 − (T−R)/(R−S), (R−P)/(T−P)) of Nowak & Sigmund (1992).

    It is the largest generosity that still does not invite exploitation; 1/3 for
    Axelrod's payoffs 5, 3, 1, 0.
    """
    T, R, P, S = payoffs.T, payoffs.R, payoffs.P, payoffs.S
    return min(1 - (T - R) / (R - S), (R - P) / (T - P))


def _check_common(rounds, payoffs, noise, seed, generosity):
    rounds = count("rounds", rounds)
    if not 1 <= rounds <= MAX_ROUNDS:
        raise InputError(f"rounds must be between 1 and {MAX_ROUNDS}; got {rounds}.")
    if not isinstance(payoffs, Payoffs):
        raise InputError("payoffs must be Payoffs(T, R, P, S).")
    noise = probability("noise (chance a move is flipped)", noise)
    seed = count("seed", seed)
    if generosity is None:
        generosity = nowak_sigmund_generosity(payoffs)
    generosity = probability("generosity (chance to forgive a defection)", generosity)
    return rounds, noise, seed, generosity


def _code(name) -> int:
    if not isinstance(name, str) or name not in _CODE:
        names = ", ".join(STRATEGIES + EXTRA_STRATEGIES)
        raise InputError(f"Unknown strategy {name!r}; choose from {names}.")
    return _CODE[name]


def _running_sum(values) -> float:
    """Left-to-right float sum, the order numpy's reductions here use (built-in sum() compensates)."""
    total = 0.0
    for v in values:
        total += v
    return total


def _play(code_a, code_b, rounds, payoffs, noise, generosity, rng):
    """Play all matches side by side (pair p: code_a[p] against code_b[p]).

    Returns, per pair, the moves (True = C) and the payoffs, each a list of one
    (side 0, side 1) row per round.
    """
    pairs = len(code_a)
    size = rounds * 2 * pairs  # U and V have shape (rounds, 2, pairs), drawn in C order
    u, v = rng.randoms(size), rng.randoms(size)
    table = ((payoffs.P, payoffs.T), (payoffs.S, payoffs.R))  # [my move][their move]
    out = []
    for p in range(pairs):
        codes = (code_a[p], code_b[p])
        last = [True, True]  # each side's last move; "cooperated" before round 1
        ever_defected = [False, False]
        moves, pay = [], []
        for t in range(rounds):
            row = []
            for side in (0, 1):
                code, other, k = codes[side], 1 - side, (2 * t + side) * pairs + p
                if code == 0:  # always defect
                    move = False
                elif code == 1:  # always cooperate
                    move = True
                elif code == 2:  # tit-for-tat
                    move = last[other]
                elif code == 3:  # grim trigger
                    move = not ever_defected[other]
                elif code == 4:  # generous tit-for-tat
                    move = last[other] or u[k] < generosity
                elif code == 5:  # random
                    move = u[k] < 0.5
                else:  # alternate: D in round 1, then C, D, C, ...
                    move = t % 2 == 1
                row.append(move != (v[k] < noise))  # execution noise flips the move
            moves.append((row[0], row[1]))
            pay.append((table[row[0]][row[1]], table[row[1]][row[0]]))
            last = row
            ever_defected = [ever_defected[0] or not row[0], ever_defected[1] or not row[1]]
        out.append((moves, pay))
    return out


@dataclass(frozen=True)
class MatchResult:
    """One match: moves[t][i] is True when player i cooperated in round t."""

    strategies: tuple[str, str]
    moves: tuple[tuple[bool, bool], ...]  # one (first, second) row per round
    payoffs: tuple[tuple[float, float], ...]  # one (first, second) row per round
    average: tuple[float, float]  # average payoff per round


def play_match(
    first: str,
    second: str,
    rounds: int = 200,
    payoffs: Payoffs = Payoffs(),
    noise: float = 0.0,
    seed: int = 0,
    generosity: float | None = None,
) -> MatchResult:
    """Play one match, round by round, e.g. to show how an error echoes between two tit-for-tats.

    Uses the draw order of the module docstring with a single pair, so its random
    stream differs from that of the same pair inside a tournament.
    """
    rounds, noise, seed, generosity = _check_common(rounds, payoffs, noise, seed, generosity)
    codes = [_code(first)], [_code(second)]
    ((moves, pay),) = _play(*codes, rounds, payoffs, noise, generosity, Generator(seed))
    average = tuple(math.fsum(row[side] for row in pay) / rounds for side in (0, 1))  # the sum correctly rounded
    return MatchResult((first, second), tuple(moves), tuple(pay), average)


@dataclass(frozen=True)
class TournamentResult:
    """Outcome of a round robin; all rows and columns follow the order of `strategies`."""

    strategies: tuple[str, ...]
    scores: tuple[float, ...]  # average payoff per round over all matches played
    ranking: tuple[str, ...]  # best first; ties keep the given order
    matrix: tuple[tuple[float, ...], ...]  # matrix[i][j]: i's average payoff per round against j (nan if not played)
    cooperation: tuple[tuple[float, ...], ...]  # cooperation[i][j]: share of rounds i cooperated against j
    rounds: int
    noise: float
    seed: int
    generosity: float
    self_play: bool
    continuation: float | None = None  # w when each match ended at random, else None
    lengths: tuple[tuple[int | None, ...], ...] | None = None  # lengths[i][j]: rounds played by i against j


def tournament(
    strategies: Sequence[str] = STRATEGIES,
    rounds: int = 200,
    payoffs: Payoffs = Payoffs(),
    noise: float = 0.0,
    seed: int = 0,
    generosity: float | None = None,
    self_play: bool = True,
    continuation: float | None = None,
) -> TournamentResult:
    """Round-robin tournament; returns scores, ranking and the pairwise payoff matrix.

    A strategy's score is the mean, over its matches (each counted equally), of
    its average payoff per round. generosity=None uses Nowak & Sigmund's value.

    continuation=w ends each match at random, as in Axelrod's second tournament:
    after every round the match goes on with probability w, so a match lasts n
    rounds with probability w**(n−1)·(1−w) (mean 1/(1−w)), capped at MAX_ROUNDS;
    `rounds` is then ignored. The lengths are drawn from a second generator
    seeded with (seed, 1), so the moves' draws are those of a fixed-length
    tournament as long as the longest match. (For w <= 2/3 the lengths are
    numpy's ``default_rng([seed, 1]).geometric(1 − w)``; above, numpy switches
    to another method, which is not copied, so the lengths differ from numpy's.)
    """
    if isinstance(strategies, str) or not isinstance(strategies, Sequence):
        raise InputError("strategies must be a list of strategy names, e.g. ['tit_for_tat', 'always_defect'].")
    try:
        return _tournament(tuple(strategies), rounds, payoffs, noise, seed, generosity, self_play, continuation)
    except TypeError as exc:  # an unhashable argument (a list of rounds, say): the model's own checks explain it
        if "unhashable" not in str(exc):
            raise
        return _tournament.__wrapped__(
            tuple(strategies), rounds, payoffs, noise, seed, generosity, self_play, continuation
        )


@lru_cache(maxsize=256)
def _tournament(names, rounds, payoffs, noise, seed, generosity, self_play, continuation) -> TournamentResult:
    """The tournament itself, remembered: the chapter and its self-checks replay the same seeds
    (a frozen result of tuples, so a cached one cannot be changed by its caller)."""
    codes = [_code(s) for s in names]
    if len(set(names)) != len(names):
        raise InputError("Each strategy may enter the tournament only once.")
    m = len(names)
    if m < (1 if self_play else 2):
        raise InputError("A tournament needs at least one strategy (two without self-play).")
    rounds, noise, seed, generosity = _check_common(rounds, payoffs, noise, seed, generosity)

    pairs = [(i, j) for i in range(m) for j in range(i if self_play else i + 1, m)]  # numpy's triu_indices order
    length = [rounds] * len(pairs)
    if continuation is not None:
        continuation = _continuation(continuation)
        draw = Generator([seed, 1])
        length = [draw.geometric(1 - continuation, cap=MAX_ROUNDS) for _ in pairs]
        rounds = max(length)
    matches = _play(
        [codes[i] for i, _ in pairs], [codes[j] for _, j in pairs], rounds, payoffs, noise, generosity, Generator(seed)
    )

    nan = float("nan")
    matrix = [[nan] * m for _ in range(m)]
    cooperation = [[nan] * m for _ in range(m)]
    for (i, j), n, (moves, pay) in zip(pairs, length, matches):
        avg = [_running_sum(row[side] for row in pay[:n]) / n for side in (0, 1)]
        coop = [sum(row[side] for row in moves[:n]) / n for side in (0, 1)]  # sum() of bools: an exact count
        for grid, values in ((matrix, avg), (cooperation, coop)):
            if i == j:  # self-play: mean of the two copies
                grid[i][i] = (values[0] + values[1]) / 2
            else:
                grid[i][j], grid[j][i] = values
    scores = tuple(_running_sum(v for v in row if v == v) / sum(v == v for v in row) for row in matrix)  # nanmean
    order = sorted(range(m), key=lambda i: -scores[i])  # stable: ties keep input order
    lengths = None
    if continuation is not None:
        grid = [[None] * m for _ in range(m)]
        for (i, j), n in zip(pairs, length):
            grid[i][j] = grid[j][i] = n
        lengths = tuple(map(tuple, grid))
    return TournamentResult(
        strategies=names,
        scores=scores,
        ranking=tuple(names[i] for i in order),
        matrix=tuple(map(tuple, matrix)),
        cooperation=tuple(map(tuple, cooperation)),
        rounds=rounds,
        noise=noise,
        seed=seed,
        generosity=generosity,
        self_play=bool(self_play),
        continuation=continuation,
        lengths=lengths,
    )


def rank_counts(noise: float, seeds: Sequence[int] = range(30), **kwargs) -> dict[str, tuple[int, ...]]:
    """How often each strategy finishes in each place of the tournament over `seeds`.

    One tournament per seed (other arguments as in `tournament`). counts[name][r]
    is the number of seeds on which `name` finishes in place r (0 = first; ties
    are broken as in `tournament`), so each strategy's counts, and each place's
    counts across strategies, sum to len(seeds). What holds on every seed (a
    strategy that is always in the top two, say) can be read off it, unlike the
    ranking of any one seed.
    """
    seeds = [count("seed", s) for s in seeds]
    if not seeds:
        raise InputError("Give at least one seed, e.g. range(30).")
    names = tuple(kwargs.get("strategies", STRATEGIES))
    counts = {name: [0] * len(names) for name in names}
    for seed in seeds:
        for place, name in enumerate(tournament(noise=noise, seed=seed, **kwargs).ranking):
            counts[name][place] += 1
    return {name: tuple(c) for name, c in counts.items()}


def win_counts(noise: float, seeds: Sequence[int] = range(30), **kwargs) -> dict[str, int]:
    """How often each strategy of the default line-up wins the tournament over `seeds`.

    One tournament per seed (other arguments as in `tournament`); a strategy's
    count is the number of seeds on which it ranks first (ties go to the
    strategy listed first, as in `tournament`). Counts sum to len(seeds).
    """
    return {name: places[0] for name, places in rank_counts(noise, seeds, **kwargs).items()}


# --------------------------------------------------------------------------
# The shadow of the future: a game that goes on with probability w each round
# --------------------------------------------------------------------------


def _continuation(w) -> float:
    w = probability("continuation probability w", w)
    if w >= 1:
        raise InputError(
            "The continuation probability w must be below 1, or the game never ends "
            "and total payoffs are infinite; got w = 1."
        )
    return w


def shadow_value(first: str, second: str, w: float, payoffs: Payoffs = Payoffs()) -> tuple[float, float]:
    """Expected total payoffs when, after every round, the game goes on with probability w.

    Round t (t = 0, 1, 2, ...) is reached with probability w**t, so a player's
    expected total is the sum of w**t times its payoff in round t; w works like
    a discount factor. There is no last round that either side can foresee, so
    backward induction does not unravel cooperation. No noise; only the
    strategies in `DETERMINISTIC` (no coin flips). Computed exactly: play
    between these strategies repeats with period 2 from round 2 on, which the
    function checks before summing the geometric tail.
    """
    w = _continuation(w)
    if not isinstance(payoffs, Payoffs):
        raise InputError("payoffs must be Payoffs(T, R, P, S).")
    for name in (first, second):
        _code(name)
        if name not in DETERMINISTIC:
            raise InputError(
                f"shadow_value needs strategies without coin flips ({', '.join(DETERMINISTIC)}); got {name!r}."
            )
    ((moves, pay),) = _play([_code(first)], [_code(second)], 6, payoffs, 0.0, 0.0, Generator(0))
    defected, seen = [], (False, False)
    for row in moves:
        seen = (seen[0] or not row[0], seen[1] or not row[1])
        defected.append(seen)
    # the state entering round t is (last moves, who has ever defected, t mod 2)
    if not (moves[1] == moves[3] and defected[1] == defected[3]):
        raise RuntimeError(  # pragma: no cover
            f"play of {first} against {second} is not periodic from round 2"
        )
    head = [pay[0][s] + w * pay[1][s] for s in (0, 1)]
    tail = [(w**2 * pay[2][s] + w**3 * pay[3][s]) / (1 - w**2) for s in (0, 1)]
    return head[0] + tail[0], head[1] + tail[1]


def cooperation_threshold(strategy: str, payoffs: Payoffs = Payoffs()) -> float:
    """Smallest continuation probability w at which no deviation beats `strategy` against itself.

    * grim_trigger: the best deviation is to defect at once and for ever, worth
      T + wP/(1−w), against R/(1−w) for staying with grim; grim holds when
      w ≥ (T−R)/(T−P).
    * tit_for_tat: two deviations matter (Axelrod 1984): always defect,
      worth T + wP/(1−w), and alternating D, C, D, ..., worth (T + wS)/(1−w²).
      Tit-for-tat holds when w ≥ max((T−R)/(T−P), (T−R)/(R−S)).
    """
    if not isinstance(payoffs, Payoffs):
        raise InputError("payoffs must be Payoffs(T, R, P, S).")
    T, R, P, S = payoffs.T, payoffs.R, payoffs.P, payoffs.S
    if strategy == "grim_trigger":
        return (T - R) / (T - P)
    if strategy == "tit_for_tat":
        return max((T - R) / (T - P), (T - R) / (R - S))
    raise InputError(f"cooperation_threshold knows 'grim_trigger' and 'tit_for_tat'; got {strategy!r}.")
