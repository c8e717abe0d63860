"""numpy's default random stream, ``numpy.random.default_rng(seed).random()``, in the standard library.

Why: the tournament's results for a given seed are part of the course (the
chapter prints a seeded match, the exercises count winners over seeds 0-29),
and the live site recomputes them in a browser without numpy. So the model
draws its numbers from this exact copy of numpy's generator: the same seed
gives the same numbers, bit for bit, in the kernel and in the browser.

What is copied (numpy >= 1.17, whose stream numpy keeps stable):

* ``SeedSequence(entropy)``: the entropy (an int >= 0, or a list of them) is
  split into 32-bit words, hashed into a pool of four words, and the pool
  expanded into the generator's state (O'Neill's seed_seq, as numpy has it).
* ``PCG64``: a 128-bit linear congruential generator with the XSL-RR output
  function (O'Neill 2014), seeded as ``pcg_setseq_128_srandom_r``.
* ``Generator.random()``: the top 53 bits of a 64-bit output, times 2**-53.
* ``Generator.geometric(p)`` for p >= 1/3 (numpy's search method); for smaller
  p numpy uses its ziggurat exponential, which is not copied here (the search
  method then gives the same distribution, not the same draws).

``tests/test_models_pcg64.py`` compares every function with numpy itself.

Where numpy is installed (the kernel), :meth:`Generator.randoms` hands the state to
numpy's own PCG64 and takes it back: the same numbers, drawn in C, about a hundred
times faster (the arms-races chapter draws a million of them). The live site has no
numpy and draws them here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

MASK32 = 0xFFFFFFFF
MASK64 = 0xFFFFFFFFFFFFFFFF
MASK128 = (1 << 128) - 1
#: SeedSequence's hash constants (numpy/random/bit_generator.pyx)
INIT_A, MULT_A = 0x43B0D7E5, 0x931E8875
INIT_B, MULT_B = 0x8B51F9DD, 0x58F38DED
MIX_MULT_L, MIX_MULT_R = 0xCA01F9DD, 0x4973F715
POOL_SIZE = 4
#: PCG's default 128-bit multiplier
MULTIPLIER = 0x2360ED051FC65DA44385DF649FCCF645
TWO_TO_MINUS_53 = 1.0 / 9007199254740992.0


def _words(entropy) -> list[int]:
    """An int >= 0, or a sequence of them, as 32-bit words, least significant first."""
    if isinstance(entropy, bool) or not isinstance(entropy, (int, Sequence)):
        raise TypeError(f"entropy must be an int >= 0 or a list of them; got {entropy!r}")
    if isinstance(entropy, int):
        if entropy < 0:
            raise ValueError(f"entropy must be >= 0; got {entropy}")
        words = [0] if entropy == 0 else []
        while entropy > 0:
            words.append(entropy & MASK32)
            entropy >>= 32
        return words
    return [w for item in entropy for w in _words(item)]


def _pool(entropy) -> list[int]:
    """SeedSequence(entropy).pool: four 32-bit words."""
    words = _words(entropy)
    hash_const = INIT_A

    def hashmix(value: int) -> int:
        nonlocal hash_const
        value ^= hash_const
        hash_const = (hash_const * MULT_A) & MASK32
        value = (value * hash_const) & MASK32
        return value ^ (value >> 16)

    def mix(x: int, y: int) -> int:
        result = (MIX_MULT_L * x - MIX_MULT_R * y) & MASK32
        return result ^ (result >> 16)

    pool = [hashmix(words[i] if i < len(words) else 0) for i in range(POOL_SIZE)]
    for src in range(POOL_SIZE):
        for dst in range(POOL_SIZE):
            if src != dst:
                pool[dst] = mix(pool[dst], hashmix(pool[src]))
    for src in range(POOL_SIZE, len(words)):
        for dst in range(POOL_SIZE):
            pool[dst] = mix(pool[dst], hashmix(words[src]))
    return pool


def generate_state(entropy, n_words: int) -> list[int]:
    """SeedSequence(entropy).generate_state(n_words, numpy.uint64)."""
    pool = _pool(entropy)
    hash_const = INIT_B
    out32 = []
    for i in range(2 * n_words):
        value = pool[i % POOL_SIZE] ^ hash_const
        hash_const = (hash_const * MULT_B) & MASK32
        value = (value * hash_const) & MASK32
        out32.append(value ^ (value >> 16))
    return [out32[2 * i] | (out32[2 * i + 1] << 32) for i in range(n_words)]


@cache
def numpy_pcg64():
    """numpy's PCG64 bit generator class where numpy is installed, else None (the live site)."""
    try:
        from numpy.random import PCG64
    except ImportError:
        return None
    return PCG64


class Generator:
    """``numpy.random.default_rng(entropy)``: PCG64 with numpy's seeding; only the draws the course uses."""

    def __init__(self, entropy=0):
        s = generate_state(entropy, 4)
        initstate, initseq = (s[0] << 64) | s[1], (s[2] << 64) | s[3]
        self.inc = ((initseq << 1) | 1) & MASK128
        self.state = self.inc  # the first step from state 0: 0·M + inc
        self.state = (self.state + initstate) & MASK128
        self.state = (self.state * MULTIPLIER + self.inc) & MASK128

    def next_uint64(self) -> int:
        state = self.state = (self.state * MULTIPLIER + self.inc) & MASK128
        word = ((state >> 64) ^ state) & MASK64
        rot = state >> 122
        return ((word >> rot) | (word << ((64 - rot) & 63))) & MASK64

    def random(self) -> float:
        """One double in [0, 1), as ``Generator.random()``."""
        return (self.next_uint64() >> 11) * TWO_TO_MINUS_53

    def randoms(self, n: int) -> list[float]:
        """``n`` doubles in the order numpy fills ``Generator.random(shape)`` (C order)."""
        bits_class = numpy_pcg64()
        if bits_class is not None:
            return self._numpy_randoms(bits_class, n)
        inc, mult = self.inc, MULTIPLIER
        state, out = self.state, []
        append = out.append
        for _ in range(n):
            state = (state * mult + inc) & MASK128
            word = ((state >> 64) ^ state) & MASK64
            rot = state >> 122
            append(((((word >> rot) | (word << ((64 - rot) & 63))) & MASK64) >> 11) * TWO_TO_MINUS_53)
        self.state = state
        return out

    def _numpy_randoms(self, bits_class, n: int) -> list[float]:
        """:meth:`randoms` by numpy's PCG64 from this state, which then takes numpy's next state."""
        from numpy.random import Generator as NumpyGenerator

        bits = bits_class()
        bits.state = {
            "bit_generator": "PCG64",
            "state": {"state": self.state, "inc": self.inc},
            "has_uint32": 0,
            "uinteger": 0,
        }
        out = NumpyGenerator(bits).random(n).tolist()
        self.state = int(bits.state["state"]["state"])
        return out

    def geometric(self, p: float, cap: int | None = None) -> int:
        """One draw of the trials to the first success, by numpy's search method, at most ``cap``.

        For p >= 1/3 this is ``Generator.geometric(p)`` (then capped); below 1/3
        numpy uses its ziggurat exponential instead, so the draw has the same
        distribution but not numpy's value.
        """
        if not 0 < p <= 1:
            raise ValueError(f"p must be in (0, 1]; got {p}")
        x, total, prod, q = 1, p, p, 1.0 - p
        u = self.random()
        while u > total and (cap is None or x < cap):
            prod *= q
            total += prod
            x += 1
        return x
