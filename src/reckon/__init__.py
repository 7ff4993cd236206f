"""reckon: from conflicting casualty reports to an honest count.

The library is the product; the `reckon` command and the web UI are thin layers over it.
"""

from reckon.case import Case
from reckon.errors import (
    CaseError,
    EstimationError,
    InputError,
    ReckonError,
    StatisticalWarning,
)

__version__ = "0.1.0"

__all__ = [
    "Case",
    "CaseError",
    "EstimationError",
    "InputError",
    "ReckonError",
    "StatisticalWarning",
    "__version__",
]
