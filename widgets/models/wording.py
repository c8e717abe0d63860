"""How the course's sentences list names: 'A', 'A and B', 'A, B and C'."""

from __future__ import annotations

from typing import Sequence


def join_names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C' (no serial comma, as the chapters write)."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
