"""Pure models behind the course's widgets.

Each module here is plain Python on numpy/scipy: no ipywidgets, no matplotlib,
so that it can be unit-tested against closed forms and reused by any widget.
Inputs are checked with :mod:`widgets.models.inputs`; a bad value raises
:class:`~widgets.models.inputs.InputError`, whose message a widget shows as is.
"""
