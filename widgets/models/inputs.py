"""Input checks shared by every model.

A model refuses a value that makes no sense by raising :class:`InputError` with a
sentence a student can act on ("credibility must be a probability between 0 and
1; got 1.4"). Widgets catch exactly this class and show the message, so the
wording matters more than the type.
"""

from __future__ import annotations

import math
from numbers import Real


class InputError(ValueError):
    """A model input outside what the model accepts; the message is for a student."""


def number(name: str, value) -> float:
    """Return ``value`` as a finite float, or explain what ``name`` accepts."""
    if isinstance(value, bool) or not isinstance(value, Real):
        try:
            value = float(str(value).strip())
        except ValueError:
            raise InputError(f"{name} must be a number; got {value!r}.") from None
    value = float(value)
    if not math.isfinite(value):
        raise InputError(f"{name} must be a finite number; got {value!r}.")
    return value


def probability(name: str, value) -> float:
    """Return ``value`` if it is a probability in [0, 1]."""
    value = number(name, value)
    if not 0.0 <= value <= 1.0:
        raise InputError(f"{name} must be a probability between 0 and 1; got {value:g}.")
    return value


def non_negative(name: str, value) -> float:
    """Return ``value`` if it is a number >= 0."""
    value = number(name, value)
    if value < 0:
        raise InputError(f"{name} cannot be negative; got {value:g}.")
    return value


def positive(name: str, value) -> float:
    """Return ``value`` if it is a number > 0."""
    value = number(name, value)
    if value <= 0:
        raise InputError(f"{name} must be greater than 0; got {value:g}.")
    return value


def count(name: str, value) -> int:
    """Return ``value`` as a non-negative whole number (e.g. warheads, launchers)."""
    value = non_negative(name, value)
    if value != int(value):
        raise InputError(f"{name} must be a whole number; got {value:g}.")
    return int(value)
