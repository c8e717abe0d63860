"""Voting in the UN Security Council (Article 27(3) of the Charter).

Why: the veto is the hinge of the Responsibility to Protect debate. This module
applies the voting rule to a set of votes and computes how likely a resolution is
to pass when votes are uncertain.

Rule for a substantive decision: at least nine affirmative votes, including the
concurring votes of the five permanent members. By long practice a permanent
member that *abstains* does NOT veto; in its Namibia advisory opinion (1971)
the ICJ observed that the Council had "consistently and uniformly interpreted
the practice of voluntary abstention by a permanent member as not constituting
a bar" to adoption (quoted from Ruffer Lustigova, CYIL 14, 2023; the opinion's
own text was not read). The status of *absence* is less settled (the USSR was absent when the Council
adopted its Korea resolution of 7 July 1950, FRUS 1950 vol. VII doc. 238; Gross,
Yale Law Journal 60(2), 1951, takes up absence among the "unresolved questions" of
Article 27; and Article 28(1) expects members to be represented at all times); this model follows the practice and counts absence like abstention, so
only a "no" from a permanent member is a veto. A "no" from an
elected member is just a vote not cast in favour. (Procedural decisions,
Article 27(2), need nine votes and allow no veto; they are not modelled here.)

The functions take the council as parameters (permanent members, size, votes
needed) so that the probability calculation can be checked by brute force on
small imaginary councils; the defaults are the real council of 15.

Standard library only (the course's live site runs it in the browser); the
tests check the dynamic programme against a numpy version and a brute force.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from widgets.models.inputs import InputError, count, probability
from widgets.models.wording import join_names

PERMANENT = ("China", "France", "Russia", "United Kingdom", "United States")
SIZE = 15
THRESHOLD = 9


class Vote(StrEnum):
    """A member's vote; compares equal to its string ("yes" == Vote.YES)."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    ABSENT = "absent"


VOTES = tuple(v.value for v in Vote)  # the plain strings, in this order


def _council(members: Sequence[str], permanent: Sequence[str], size, threshold) -> tuple[int, int]:
    """Check the member list against the council's shape; return (size, threshold)."""
    if isinstance(permanent, str):
        raise InputError(f"permanent must be a list of names, like {list(PERMANENT)}; got {permanent!r}.")
    permanent = tuple(permanent)
    n = count("the council size", size)
    k = count("the number of votes needed", threshold)
    if not 1 <= k <= n:
        raise InputError(f"the number of votes needed must be between 1 and {n}; got {k}.")
    if len(set(permanent)) != len(permanent) or len(permanent) > n:
        raise InputError(f"the permanent members must be different names, at most {n}; got {list(permanent)}.")
    if len(members) != n:
        raise InputError(f"the council has {n} members; got votes for {len(members)}.")
    missing = [p for p in permanent if p not in members]
    if missing:
        raise InputError(
            f"every permanent member must be listed, named exactly {', '.join(permanent)}; "
            f"missing: {', '.join(missing)}."
        )
    return n, k


@dataclass(frozen=True)
class VoteResult:
    """Outcome of one vote, with the counts and a sentence saying why."""

    passes: bool
    yes: int
    no: int
    abstain: int
    absent: int
    vetoes: tuple[str, ...]
    reason: str


def decide(
    votes: Mapping[str, str],
    permanent: Sequence[str] = PERMANENT,
    size: int = SIZE,
    threshold: int = THRESHOLD,
) -> VoteResult:
    """Apply Article 27(3) to ``votes`` (member -> "yes" / "no" / "abstain" / "absent")."""
    if not isinstance(votes, Mapping):
        raise InputError("votes must be a dictionary from member name to its vote.")
    clean = {}
    for member, vote in votes.items():
        v = str(vote).strip().lower()
        if v not in VOTES:
            raise InputError(f"the vote of {member} must be one of {', '.join(VOTES)}; got {vote!r}.")
        clean[member] = v
    _, k = _council(list(clean), permanent, size, threshold)

    tally = {v: sum(1 for x in clean.values() if x == v) for v in VOTES}
    vetoes = tuple(p for p in permanent if clean[p] == Vote.NO)
    short = tally[Vote.YES] < k
    few = f"only {tally['yes']} affirmative vote{'s' if tally['yes'] != 1 else ''} ({k} needed)"
    if vetoes and short:
        reason = f"Fails: vetoed by {join_names(vetoes)}, and {few}"
    elif vetoes:
        reason = f"Fails: vetoed by {join_names(vetoes)}"
    elif short:
        reason = f"Fails: {few}"
    else:
        reason = f"Passes: {tally['yes']} in favour, no permanent member against"
        idle = [p for p in permanent if clean[p] in (Vote.ABSTAIN, Vote.ABSENT)]
        if idle:
            reason += f" (abstention or absence by {join_names(idle)} is not a veto)"
    return VoteResult(
        not vetoes and not short, tally["yes"], tally["no"], tally["abstain"], tally["absent"], vetoes, reason
    )


def _probabilities(probabilities: Mapping[str, Sequence[float]]) -> dict[str, tuple[float, float]]:
    """member -> (P(yes), P(no)), both probabilities with P(yes) + P(no) ≤ 1."""
    if not isinstance(probabilities, Mapping):
        raise InputError("probabilities must be a dictionary from member name to (P(yes), P(no)).")
    out = {}
    for member, pair in probabilities.items():
        try:
            p_yes, p_no = pair
        except (TypeError, ValueError):
            raise InputError(f"{member} needs two probabilities (P(yes), P(no)); got {pair!r}.") from None
        p_yes = probability(f"P(yes) for {member}", p_yes)
        p_no = probability(f"P(no) for {member}", p_no)
        if p_yes + p_no > 1.0 + 1e-12:
            raise InputError(
                f"for {member}, P(yes) + P(no) = {p_yes + p_no:g} is more than 1; "
                "the rest is the chance of abstaining, so the two must add up to at most 1."
            )
        out[member] = (p_yes, p_no)
    return out


@dataclass(frozen=True)
class PassageResult:
    """Chance a resolution passes when each member votes at random, independently.

    ``yes_distribution[j]`` is P(exactly j yes votes); ``p_no_veto`` is P(no
    permanent member votes no); ``probability`` is P(passes) = P(no veto and at
    least ``threshold`` yes) — not the product of the two, which are dependent.
    """

    probability: float
    p_no_veto: float
    p_enough_votes: float
    yes_distribution: tuple[float, ...]  # P(exactly j yes votes), j = 0 .. size


def passage_probability(
    probabilities: Mapping[str, Sequence[float]],
    permanent: Sequence[str] = PERMANENT,
    size: int = SIZE,
    threshold: int = THRESHOLD,
) -> PassageResult:
    """Exact P(passes) by dynamic programming over members.

    ``probabilities`` maps each member to (P(yes), P(no)); it abstains (or is
    absent, which counts the same) with the rest. Votes are independent.
    The DP carries the distribution of the number of yes votes, once over all
    outcomes and once over outcomes in which no permanent member has voted no.
    """
    probs = _probabilities(probabilities)
    n, k = _council(list(probs), permanent, size, threshold)
    perm = set(permanent)
    all_votes = [1.0] + [0.0] * n  # all_votes[j]: P(j yes votes so far)
    no_veto = list(all_votes)  # ... and no permanent member has voted no
    for member, (p_yes, p_no) in probs.items():
        rest = max(0.0, 1.0 - p_yes - p_no)
        stay = rest if member in perm else 1.0 - p_yes  # a permanent "no" leaves this branch
        all_votes = [all_votes[0] * (1.0 - p_yes)] + [
            all_votes[j] * (1.0 - p_yes) + all_votes[j - 1] * p_yes for j in range(1, n + 1)
        ]
        no_veto = [no_veto[0] * stay] + [no_veto[j] * stay + no_veto[j - 1] * p_yes for j in range(1, n + 1)]
    return PassageResult(
        probability=float(sum(no_veto[k:])),
        p_no_veto=float(sum(no_veto)),
        p_enough_votes=float(sum(all_votes[k:])),
        yes_distribution=tuple(all_votes),
    )


def passage_probability_brute_force(
    probabilities: Mapping[str, Sequence[float]],
    permanent: Sequence[str] = PERMANENT,
    size: int = SIZE,
    threshold: int = THRESHOLD,
) -> float:
    """P(passes) by listing all 3^n yes/no/abstain patterns and applying :func:`decide`.

    Why: an independent check of the DP. Slow (3^15 ≈ 14 million patterns for the
    real council), so use it on small councils.
    """
    probs = _probabilities(probabilities)
    _council(list(probs), permanent, size, threshold)
    members = list(probs)
    total = 0.0
    for pattern in itertools.product(("yes", "no", "abstain"), repeat=len(members)):
        weight = 1.0
        for member, vote in zip(members, pattern):
            p_yes, p_no = probs[member]
            weight *= {"yes": p_yes, "no": p_no, "abstain": max(0.0, 1.0 - p_yes - p_no)}[vote]
        if weight and decide(dict(zip(members, pattern)), permanent, size, threshold).passes:
            total += weight
    return total


def passage_probability_bloc(
    probabilities: Mapping[str, Sequence[float]],
    leader: str = "Russia",
    follower: str = "China",
    follow: float = 0.0,
    permanent: Sequence[str] = PERMANENT,
    size: int = SIZE,
    threshold: int = THRESHOLD,
) -> PassageResult:
    """Exact P(passes) when one member votes as a bloc with another.

    Why: independent votes are a strong assumption. In the chapter's dataset China
    never voted yes on a Syria draft that Russia vetoed: it joined the veto or
    abstained. This is the simplest correlated model: with probability ``follow``
    the ``follower`` copies the ``leader``'s vote; otherwise it votes by its own
    (P(yes), P(no)). All other members stay independent. ``follow = 0`` is the
    independent model; with ``follow = 1`` the follower's own probabilities do not
    matter. Note that the follower's overall chance of voting yes changes with
    ``follow`` (it moves towards the leader's).

    Exact by conditioning on the leader's vote: given it, every vote is
    independent, so :func:`passage_probability` applies, and the results are
    mixed with the leader's probabilities.
    """
    probs = _probabilities(probabilities)
    f = probability("the chance of following", follow)
    for name, role in ((leader, "leader"), (follower, "follower")):
        if name not in probs:
            raise InputError(f"the {role} {name!r} is not one of the members given.")
    if leader == follower:
        raise InputError("the leader and the follower must be different members.")
    l_yes, l_no = probs[leader]
    f_yes, f_no = probs[follower]
    n = len(probs)
    total = {"probability": 0.0, "p_no_veto": 0.0, "p_enough_votes": 0.0}
    dist = [0.0] * (n + 1)
    for vote, weight, fixed in (
        ("yes", l_yes, (1.0, 0.0)),
        ("no", l_no, (0.0, 1.0)),
        ("abstain", max(0.0, 1.0 - l_yes - l_no), (0.0, 0.0)),
    ):
        if weight == 0:
            continue
        copy = (f * (vote == "yes") + (1 - f) * f_yes, f * (vote == "no") + (1 - f) * f_no)
        part = passage_probability(probs | {leader: fixed, follower: copy}, permanent, size, threshold)
        total["probability"] += weight * part.probability
        total["p_no_veto"] += weight * part.p_no_veto
        total["p_enough_votes"] += weight * part.p_enough_votes
        dist = [d + weight * p for d, p in zip(dist, part.yes_distribution)]
    return PassageResult(yes_distribution=tuple(dist), **total)


def shapley_shubik(permanent_count: int = 5, size: int = SIZE, threshold: int = THRESHOLD) -> tuple[float, float]:
    """Shapley-Shubik power index of one permanent and one elected member (Shapley & Shubik 1954).

    A member is pivotal in an ordering of all members if the coalition of those
    before it cannot pass a draft and adding it can. Winning: at least
    ``threshold`` members including every permanent member (abstention is not
    modelled: everyone is in or out). Counts orderings exactly by the position at
    which the coalition first wins. Returns (each permanent member's index, each
    elected member's index); they add up to 1 over all members.
    """
    from math import comb, factorial

    n = count("the council size", size)
    k = count("the number of votes needed", threshold)
    p = count("the number of permanent members", permanent_count)
    if not (p <= k <= n):
        raise InputError(f"need permanent members ≤ votes needed ≤ council size; got {p}, {k}, {n}.")
    e = n - p
    # An elected member is pivotal when, before it, all p permanent members and exactly k - p - 1
    # elected members stand (so the coalition has k - 1 members and lacks only one vote).
    before = k - 1
    ways = comb(e - 1, k - p - 1) if k - p - 1 >= 0 else 0
    elected = ways * factorial(before) * factorial(n - before - 1) / factorial(n)
    permanent = (1 - e * elected) / p if p else 0.0
    return permanent, elected
