"""Widget figures as SVG, drawn by the standard library (``widgets.svg``).

One module per chapter: ``picture_<thing>(readout) -> str``. The kernel and the
live site call the same functions, so a figure cannot differ between the two.
"""
