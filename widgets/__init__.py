"""Security in Numbers: the course's Python package.

- ``widgets.data``: the one door for datasets (validated on every load).
- ``widgets.check``: exercise self-checks that never reveal the answer.
- ``widgets.models``: pure, tested models (numpy/pandas only).
- ``widgets.<topic>``: interactive components built on the models.
"""

__all__ = ["data", "check", "models"]
