"""Drawings: each widget's figure, reused by the chapters' static figures.

``widgets.figures.<chapter>`` holds ``draw_<thing>(fig, readout)`` functions.
Each draws the whole figure for one readout and returns a chart object with
``dynamic`` (the artists that move) and ``update(readout)`` (move them), so a
widget redraws only what changed. matplotlib's object API only, never pyplot;
no ipywidgets. Build a static figure with ``widgets.ui.figure(draw, readout)``.
"""
