"""Tests for the Security Council voting rule (Article 27(3)) and passage probabilities."""

import math

import numpy as np
import pytest

from widgets.models.inputs import InputError
from widgets.models.security_council import (
    PERMANENT,
    VoteResult,
    decide,
    passage_probability,
    passage_probability_brute_force,
)

ELECTED = ("Albania", "Brazil", "Gabon", "Ghana", "India", "Ireland", "Kenya", "Mexico", "Norway", "UAE")


def council(elected_yes=10, rest="abstain", **changes):
    """All five permanent members yes; the first ``elected_yes`` elected yes, the others ``rest``.

    ``changes`` overrides single members, e.g. Russia="no" (use United_Kingdom for spaces).
    """
    votes = {p: "yes" for p in PERMANENT}
    votes.update({e: ("yes" if i < elected_yes else rest) for i, e in enumerate(ELECTED)})
    votes.update({k.replace("_", " "): v for k, v in changes.items()})
    return votes


# ------------------------------------------------------------------ decide


def test_nine_yes_passes():
    # 5 permanent + 4 elected = 9 affirmative votes
    result = decide(council(elected_yes=4))
    assert isinstance(result, VoteResult)
    assert result.passes and result.yes == 9 and result.abstain == 6
    assert result.reason == "Passes: 9 in favour, no permanent member against"


def test_eight_yes_fails():
    # 5 permanent + 3 elected = 8
    result = decide(council(elected_yes=3))
    assert not result.passes and result.yes == 8
    assert result.reason == "Fails: only 8 affirmative votes (9 needed)"
    assert result.vetoes == ()


def test_permanent_abstention_is_not_a_veto():
    # China abstains: 4 permanent + 5 elected = 9 yes -> passes
    result = decide(council(elected_yes=5, China="abstain"))
    assert result.passes and result.yes == 9 and result.vetoes == ()
    assert result.reason.startswith("Passes: 9 in favour, no permanent member against")
    assert "China" in result.reason and "not a veto" in result.reason
    # ... but with only 4 elected yes there are 8 votes, which fails for lack of votes
    assert not decide(council(elected_yes=4, China="abstain")).passes


def test_permanent_absence_is_not_a_veto():
    result = decide(council(elected_yes=6, Russia="absent", United_States="abstain"))
    assert result.passes and result.yes == 9 and result.absent == 1 and result.abstain == 5
    assert "Russia and United States" in result.reason


def test_permanent_no_vetoes_even_with_fourteen_yes():
    result = decide(council(elected_yes=10, Russia="no"))
    assert result.yes == 14 and result.no == 1
    assert not result.passes
    assert result.vetoes == ("Russia",)
    assert result.reason == "Fails: vetoed by Russia"


def test_two_and_three_vetoes_are_listed():
    assert decide(council(Russia="no", China="no")).reason == "Fails: vetoed by China and Russia"
    three = decide(council(Russia="no", China="no", United_States="no"))
    assert three.reason == "Fails: vetoed by China, Russia and United States"
    assert three.vetoes == ("China", "Russia", "United States")


def test_elected_no_is_not_a_veto():
    # 5 permanent + 4 elected yes = 9; six elected members vote no: still passes
    result = decide(council(elected_yes=4, rest="no"))
    assert result.passes and result.yes == 9 and result.no == 6
    # one elected no with everyone else in favour: 14 yes
    assert decide(council(elected_yes=9, rest="no")).passes


def test_veto_and_too_few_votes():
    result = decide(council(elected_yes=0, rest="no", Russia="no"))
    assert result.yes == 4 and not result.passes
    assert result.reason == "Fails: vetoed by Russia, and only 4 affirmative votes (9 needed)"


def test_all_absent():
    result = decide({m: "absent" for m in PERMANENT + ELECTED})
    assert not result.passes and result.yes == 0 and result.absent == 15
    assert result.reason == "Fails: only 0 affirmative votes (9 needed)"


def test_one_affirmative_vote_is_singular():
    votes = {m: "abstain" for m in PERMANENT + ELECTED}
    votes["Kenya"] = "yes"
    assert decide(votes).reason == "Fails: only 1 affirmative vote (9 needed)"


def test_vote_strings_are_forgiving_about_case_and_spaces():
    votes = council()
    votes["Brazil"] = " Yes "
    assert decide(votes).yes == 15


@pytest.mark.parametrize(
    "votes, message",
    [
        ({k: v for k, v in council().items() if k != "UAE"}, "has 15 members; got votes for 14"),
        ({**council(), "Japan": "yes"}, "got votes for 16"),
        ({**{k: v for k, v in council().items() if k != "United Kingdom"}, "UK": "yes"}, "missing: United Kingdom"),
        (council(Brazil="maybe"), "vote of Brazil must be one of yes, no, abstain, absent; got 'maybe'"),
        ([("China", "yes")], "dictionary"),
    ],
)
def test_invalid_votes_are_explained(votes, message):
    with pytest.raises(InputError, match=message):
        decide(votes)


def test_general_council_rule():
    # 2 permanent + 3 elected, 3 votes needed
    small = {"P1": "yes", "P2": "abstain", "E1": "yes", "E2": "yes", "E3": "no"}
    assert decide(small, permanent=("P1", "P2"), size=5, threshold=3).passes
    small["P2"] = "no"
    assert not decide(small, permanent=("P1", "P2"), size=5, threshold=3).passes
    with pytest.raises(InputError, match="between 1 and 5"):
        decide(small, permanent=("P1", "P2"), size=5, threshold=6)


# ------------------------------------------------------------------ probabilities


def test_tiny_council_by_hand():
    # 1 permanent P (yes .5, no .25, abstain .25) + 2 elected (yes .5, no .5), 2 votes needed.
    # P yes and at least one elected yes: .5 * (1 - .25) = .375
    # P abstains and both elected yes:  .25 * .25      = .0625   -> total .4375
    # no veto: 1 - .25 = .75; at least 2 yes: .375 + .5 * .25 = .5
    probs = {"P": (0.5, 0.25), "E1": (0.5, 0.5), "E2": (0.5, 0.5)}
    result = passage_probability(probs, permanent=("P",), size=3, threshold=2)
    assert result.probability == pytest.approx(0.4375, abs=1e-15)
    assert result.p_no_veto == pytest.approx(0.75, abs=1e-15)
    assert result.p_enough_votes == pytest.approx(0.5, abs=1e-15)
    # P(0 yes) = .5 * .25 = .125; P(1) = .5*.25 + .5*.5 = .375; P(2) = .375; P(3) = .5*.25 = .125
    assert result.yes_distribution == pytest.approx([0.125, 0.375, 0.375, 0.125])


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("n_perm, n_elected, threshold", [(3, 4, 4), (2, 3, 3), (3, 4, 7), (1, 5, 1), (4, 2, 5)])
def test_dp_equals_brute_force_on_small_councils(seed, n_perm, n_elected, threshold):
    rng = np.random.default_rng(seed)
    permanent = tuple(f"P{i}" for i in range(n_perm))
    members = permanent + tuple(f"E{i}" for i in range(n_elected))
    probs = {}
    for m in members:
        p_yes, p_no = rng.dirichlet([1, 1, 1])[:2]  # yes, no, abstain add to 1
        probs[m] = (p_yes, p_no)
    size = n_perm + n_elected
    dp = passage_probability(probs, permanent=permanent, size=size, threshold=threshold).probability
    brute = passage_probability_brute_force(probs, permanent=permanent, size=size, threshold=threshold)
    assert abs(dp - brute) <= 1e-12


def _numpy_passage(probs, permanent, size, threshold):
    """The oracle: the model's dynamic programme as it was written with numpy arrays (before the
    standard-library port), kept here so that the port is checked against it."""
    perm = set(permanent)
    all_votes = np.zeros(size + 1)
    all_votes[0] = 1.0
    no_veto = all_votes.copy()
    for member, (p_yes, p_no) in probs.items():
        rest = max(0.0, 1.0 - p_yes - p_no)
        all_votes[1:] = all_votes[1:] * (1.0 - p_yes) + all_votes[:-1] * p_yes
        all_votes[0] *= 1.0 - p_yes
        stay = rest if member in perm else 1.0 - p_yes
        no_veto[1:] = no_veto[1:] * stay + no_veto[:-1] * p_yes
        no_veto[0] *= stay
    return no_veto[threshold:].sum(), no_veto.sum(), all_votes[threshold:].sum(), all_votes


@pytest.mark.parametrize("seed", range(40))
def test_standard_library_dp_equals_the_numpy_oracle_on_the_real_council(seed):
    rng = np.random.default_rng(100 + seed)
    probs = {}
    for m in PERMANENT + ELECTED:
        p_yes, p_no = rng.dirichlet([1, 1, 1])[:2]
        if seed % 4 == 0:  # also grid values as the sliders give them, with certain votes
            p_yes, p_no = rng.integers(0, 21) / 20, 0.0
            p_no = rng.integers(0, int(round((1 - p_yes) * 20)) + 1) / 20
        probs[m] = (float(p_yes), float(p_no))
    got = passage_probability(probs)
    probability, p_no_veto, p_enough, dist = _numpy_passage(probs, PERMANENT, 15, 9)
    assert got.probability == pytest.approx(probability, abs=1e-14)
    assert got.p_no_veto == pytest.approx(p_no_veto, abs=1e-14)
    assert got.p_enough_votes == pytest.approx(p_enough, abs=1e-14)
    assert list(got.yes_distribution) == pytest.approx(list(dist), abs=1e-14)


@pytest.mark.parametrize("follow", [0.0, 0.3, 0.75, 1.0])
@pytest.mark.parametrize("seed", range(6))
def test_bloc_equals_the_numpy_oracle_mixture(seed, follow):
    """The bloc model is a mixture over the leader's vote of independent councils; recompute it with the oracle."""
    from widgets.models.security_council import passage_probability_bloc

    rng = np.random.default_rng(200 + seed)
    probs = {m: tuple(float(x) for x in rng.dirichlet([1, 1, 1])[:2]) for m in PERMANENT + ELECTED}
    got = passage_probability_bloc(probs, "Russia", "China", follow)
    (l_yes, l_no), (f_yes, f_no) = probs["Russia"], probs["China"]
    total, dist = np.zeros(3), np.zeros(16)
    for vote, weight, fixed in (
        ("yes", l_yes, (1.0, 0.0)),
        ("no", l_no, (0.0, 1.0)),
        ("abstain", 1 - l_yes - l_no, (0.0, 0.0)),
    ):
        copy = (follow * (vote == "yes") + (1 - follow) * f_yes, follow * (vote == "no") + (1 - follow) * f_no)
        *parts, part_dist = _numpy_passage(probs | {"Russia": fixed, "China": copy}, PERMANENT, 15, 9)
        total += weight * np.array(parts)
        dist += weight * part_dist
    assert (got.probability, got.p_no_veto, got.p_enough_votes) == pytest.approx(tuple(total), abs=1e-13)
    assert list(got.yes_distribution) == pytest.approx(list(dist), abs=1e-13)


def test_real_council_with_identical_members_matches_binomial_formula():
    # Every member: yes p, no q, abstain 1-p-q. Pass needs no permanent "no" and >= 9 yes.
    # P = sum_j sum_m [j+m >= 9] C(5,j) p^j (1-p-q)^(5-j) * C(10,m) p^m (1-p)^(10-m)
    p, q = 0.7, 0.05
    expected = sum(
        math.comb(5, j) * p**j * (1 - p - q) ** (5 - j) * math.comb(10, m) * p**m * (1 - p) ** (10 - m)
        for j in range(6)
        for m in range(11)
        if j + m >= 9
    )
    probs = {member: (p, q) for member in PERMANENT + ELECTED}
    result = passage_probability(probs)
    assert result.probability == pytest.approx(expected, abs=1e-13)
    assert result.p_no_veto == pytest.approx((1 - q) ** 5)


def test_certain_votes_reproduce_decide():
    certain = {"yes": (1.0, 0.0), "no": (0.0, 1.0), "abstain": (0.0, 0.0)}
    for votes in (
        council(elected_yes=4),
        council(elected_yes=3),
        council(China="no"),
        council(elected_yes=5, China="abstain"),
    ):
        probs = {m: certain[v] for m, v in votes.items()}
        assert passage_probability(probs).probability == float(decide(votes).passes)


def test_yes_distribution_is_a_distribution():
    rng = np.random.default_rng(4)
    probs = {m: tuple(rng.dirichlet([2, 1, 1])[:2]) for m in PERMANENT + ELECTED}
    result = passage_probability(probs)
    assert isinstance(result.yes_distribution, tuple) and len(result.yes_distribution) == 16
    assert all(isinstance(p, float) for p in result.yes_distribution)  # plain floats: the live site's readout
    assert sum(result.yes_distribution) == pytest.approx(1.0)
    mean = np.arange(16) @ np.array(result.yes_distribution)
    assert mean == pytest.approx(sum(p for p, _ in probs.values()))
    assert result.probability <= min(result.p_no_veto, result.p_enough_votes) + 1e-15


@pytest.mark.parametrize(
    "change, message",
    [
        ({"Brazil": (1.2, 0.0)}, r"P\(yes\) for Brazil must be a probability between 0 and 1"),
        ({"Brazil": (0.5, -0.1)}, r"P\(no\) for Brazil"),
        ({"Russia": (0.6, 0.5)}, r"for Russia, P\(yes\) \+ P\(no\) = 1.1 is more than 1"),
        ({"Brazil": 0.5}, "needs two probabilities"),
    ],
)
def test_invalid_probabilities_are_explained(change, message):
    probs = {m: (0.5, 0.2) for m in PERMANENT + ELECTED}
    probs.update(change)
    with pytest.raises(InputError, match=message):
        passage_probability(probs)
    with pytest.raises(InputError, match=message):
        passage_probability_brute_force(probs)


def test_probabilities_need_the_whole_council():
    probs = {m: (0.5, 0.2) for m in PERMANENT + ELECTED[:9]}
    with pytest.raises(InputError, match="got votes for 14"):
        passage_probability(probs)
    probs = {m: (0.5, 0.2) for m in ("China", "France", "Russia", "UK", "US") + ELECTED}
    with pytest.raises(InputError, match="missing: United Kingdom, United States"):
        passage_probability(probs)


# --- Bloc voting (review R2P-M1) and voting power (R2P-M3) ---------------------------------


def _real_council(china=(0.5, 0.2), russia=(0.4, 0.4)):
    probs = {
        "China": china,
        "France": (0.9, 0.0),
        "Russia": russia,
        "United Kingdom": (0.9, 0.0),
        "United States": (0.9, 0.0),
    }
    return probs | {f"Elected {i}": (0.7, 0.1) for i in range(1, 11)}


def test_bloc_with_no_following_is_the_independent_model():
    from widgets.models.security_council import passage_probability, passage_probability_bloc

    probs = _real_council()
    a, b = passage_probability(probs), passage_probability_bloc(probs, follow=0.0)
    assert b.probability == pytest.approx(a.probability, abs=1e-12)
    assert list(b.yes_distribution) == pytest.approx(list(a.yes_distribution), abs=1e-12)


def test_full_bloc_veto_chance_by_hand():
    # France, UK, US never vote no. Independent: P(no veto) = (1 - 0.4)(1 - 0.2) = 0.48.
    # China always copies Russia: China can only say no when Russia does, so P(no veto) = 1 - 0.4 = 0.6.
    from widgets.models.security_council import passage_probability_bloc

    probs = _real_council()
    assert passage_probability_bloc(probs, follow=0.0).p_no_veto == pytest.approx(0.48)
    assert passage_probability_bloc(probs, follow=1.0).p_no_veto == pytest.approx(0.6)
    half = passage_probability_bloc(probs, follow=0.5).p_no_veto  # 0.6 * (0.5 * 1 + 0.5 * 0.8) = 0.54
    assert half == pytest.approx(0.54)


def test_bloc_matches_brute_force_on_a_small_council():
    from widgets.models.security_council import passage_probability_bloc
    import itertools

    perm = ("A", "B")
    probs = {"A": (0.3, 0.5), "B": (0.6, 0.1), "x": (0.5, 0.2), "y": (0.7, 0.1), "z": (0.4, 0.3)}
    f = 0.7
    total = 0.0
    for pattern in itertools.product(("yes", "no", "abstain"), repeat=5):
        votes = dict(zip(probs, pattern))
        weight = 1.0
        for m, v in votes.items():
            py, pn = probs[m]
            if m == "B":  # B follows A with probability f, else votes on its own
                own = {"yes": py, "no": pn, "abstain": 1 - py - pn}[v]
                weight *= f * (v == votes["A"]) + (1 - f) * own
            else:
                weight *= {"yes": py, "no": pn, "abstain": 1 - py - pn}[v]
        if decide(votes, perm, 5, 3).passes:
            total += weight
    got = passage_probability_bloc(probs, "A", "B", f, perm, 5, 3).probability
    assert got == pytest.approx(total, abs=1e-12)


def test_bloc_bad_inputs_are_explained():
    from widgets.models.security_council import passage_probability_bloc

    with pytest.raises(InputError, match="not one of the members"):
        passage_probability_bloc(_real_council(), leader="USSR")
    with pytest.raises(InputError, match="must be different"):
        passage_probability_bloc(_real_council(), leader="China", follower="China")
    with pytest.raises(InputError):
        passage_probability_bloc(_real_council(), follow=1.5)


def test_shapley_shubik_of_the_security_council():
    # Shapley & Shubik (1954) and later textbook values for the 15-member council: about 0.1963 for each
    # permanent member and 0.00186 for each elected member; all indices add up to 1.
    from widgets.models.security_council import shapley_shubik

    p, e = shapley_shubik()
    assert p == pytest.approx(0.19627, abs=1e-5) and e == pytest.approx(0.0018648, abs=1e-6)
    assert 5 * p + 10 * e == pytest.approx(1.0)


def test_shapley_shubik_matches_enumeration_on_a_small_council():
    from widgets.models.security_council import shapley_shubik
    import itertools

    members = ["P1", "P2", "e1", "e2", "e3"]  # two permanent, three elected, three votes needed
    pivots = dict.fromkeys(members, 0)
    orders = list(itertools.permutations(members))
    for order in orders:
        for i, m in enumerate(order):
            coalition = set(order[: i + 1])
            if len(coalition) >= 3 and {"P1", "P2"} <= coalition:
                pivots[m] += 1
                break
    p, e = shapley_shubik(2, 5, 3)
    assert p == pytest.approx(pivots["P1"] / len(orders)) and e == pytest.approx(pivots["e1"] / len(orders))


def test_votes_are_a_str_enum_that_compares_with_the_plain_strings():
    from widgets.models.security_council import VOTES, Vote

    assert VOTES == ("yes", "no", "abstain", "absent")  # the order of the tally and of the menus
    assert Vote.NO == "no" and Vote("abstain") is Vote.ABSTAIN
    assert decide(council(rest="abstain") | {"Russia": Vote.NO}).vetoes == ("Russia",)
