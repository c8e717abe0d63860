"""Derived tables the browser receives as plain values, computed once at build time.

A readout that runs on the live site cannot call pandas. The table functions it
needs are marked ``@shipped``: in the kernel they run as usual; when the site is
built, ``scripts/live.py`` calls each one through the validated loader, checks
that its value is plain (numbers, strings, dates, tuples, dicts) and writes it
into the site's live bundle, where a stand-in module returns the stored value.
So the readout's own code is the same in both places.
"""

from __future__ import annotations

from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable)

#: module name -> the names of its shipped functions (filled by the decorator on import)
REGISTRY: dict[str, list[str]] = {}


def shipped(fn: F) -> F:
    """Mark a zero-argument table function whose plain value the browser gets at build time."""
    REGISTRY.setdefault(fn.__module__, []).append(fn.__name__)
    return fn
