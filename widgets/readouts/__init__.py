"""Readouts: each widget's pure function, from control values to what a student reads.

``widgets.readouts.<chapter>`` holds one function per widget. It takes the
control values as keywords (raw text from a text box included, so the models'
input checks word the message), calls the models and derived tables, and returns
a frozen dataclass ``…Readout`` of plain values: numbers, strings, lists, and
always ``sentence`` (HTML, numbers in ``<b>``) and ``alt`` (the figure's alt text).
No ipywidgets and no matplotlib here: the same function serves the kernel and,
later, the browser.
"""
