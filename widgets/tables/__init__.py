"""Derived tables: datasets joined, filtered or reshaped for the chapters.

This layer sits between the loader (``widgets.data``) and everything else.
Models, readouts, exercises and notebooks may import it; it imports neither
ipywidgets nor matplotlib. One module per chapter, ``widgets.tables.<chapter>``.
"""
