"""One module per chapter, each exporting its exercises as ``EXERCISES``.

Each computes its expected answers from the datasets and models, so that a
corrected dataset corrects its exercises too. :mod:`widgets.check` imports a
chapter's module when a notebook first checks one of its answers.
"""
