"""Every chapter's exercises, registered with :mod:`widgets.check` on import.

One module per chapter; each computes its expected answers from the datasets
and models, so that a corrected dataset corrects its exercises too.
"""

from widgets.exercises import orientation  # noqa: F401
from widgets.exercises import deterrence  # noqa: F401
from widgets.exercises import arms_races  # noqa: F401,E402
from widgets.exercises import alliances  # noqa: F401
from widgets.exercises import r2p  # noqa: F401,E402
from widgets.exercises import arms_control  # noqa: F401,E402
from widgets.exercises import burden_sharing  # noqa: F401,E402
