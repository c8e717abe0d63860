"""numpy's default generator copied in the standard library, checked against numpy itself."""

import numpy as np
import pytest

from widgets.models import pcg64
from widgets.models.pcg64 import Generator, generate_state

ENTROPIES = [
    0,
    1,
    3,
    42,
    2**31,
    2**32 - 1,
    2**32,
    2**32 + 5,
    2**64 + 9,
    2**70 + 123,
    123456789,
    [0, 1],
    [5, 1],
    [2**40, 1],
    [7, 2**33, 0],
]


@pytest.mark.parametrize("entropy", ENTROPIES)
def test_seed_sequence_state_is_numpys(entropy):
    expected = np.random.SeedSequence(entropy).generate_state(4, np.uint64)
    assert generate_state(entropy, 4) == [int(v) for v in expected]


@pytest.fixture(params=["standard library", "numpy"])
def draws_by(request, monkeypatch):
    """Both ways of drawing: this module's own arithmetic (the live site's) and numpy's PCG64 (the kernel's)."""
    if request.param == "standard library":
        monkeypatch.setattr(pcg64, "numpy_pcg64", lambda: None)
    return request.param


@pytest.mark.parametrize("entropy", ENTROPIES)
def test_random_doubles_are_numpys_bit_for_bit(entropy, draws_by):
    ours, theirs = Generator(entropy), np.random.default_rng(entropy)
    assert ours.randoms(2000) == theirs.random(2000).tolist()  # an array in C order: one stream
    assert [ours.random() for _ in range(5)] == [theirs.random() for _ in range(5)]
    assert ours.next_uint64() == int(theirs.integers(0, 2**64, dtype=np.uint64, endpoint=False))


@pytest.mark.parametrize("p", [1.0, 0.9, 0.5, 0.4, 1 / 3])
def test_geometric_is_numpys_from_one_third_up(p):
    ours, theirs = Generator(11), np.random.default_rng(11)
    for _ in range(300):
        assert ours.geometric(p) == int(theirs.geometric(p))
    assert ours.random() == theirs.random()  # and it used as many draws


def test_geometric_below_one_third_has_the_geometric_law_and_a_cap():
    draws = [Generator(s).geometric(0.1) for s in range(4000)]
    # mean 1/p = 10, sd sqrt(1 − p)/p = 9.5, standard error 0.15
    assert abs(sum(draws) / len(draws) - 10) < 0.6
    assert abs(draws.count(1) / len(draws) - 0.1) < 0.02  # P(1) = p, sd 0.0047
    assert max(Generator(s).geometric(1e-6, cap=50) for s in range(20)) == 50


def test_bad_entropy_refused():
    with pytest.raises(ValueError):
        Generator(-1)
    with pytest.raises(TypeError):
        Generator(1.5)
    with pytest.raises(ValueError):
        Generator(0).geometric(0)


def test_the_two_ways_of_drawing_hand_on_the_same_state(monkeypatch):
    """Draws split between numpy and the standard library, in any order, are one stream."""
    whole = np.random.default_rng(7).random(3000).tolist()
    mixed, got = Generator(7), []
    for size, numpy_side in ((1000, True), (500, False), (1, True), (1499, False)):
        monkeypatch.setattr(pcg64, "numpy_pcg64", pcg64.numpy_pcg64 if numpy_side else (lambda: None))
        got += mixed.randoms(size)
        monkeypatch.undo()
    assert got == whole
