"""What a public report or export may show: the declared policy, small-cell suppression that
cannot be undone, and the manifest of what was removed and why.

    from reckon.disclosure import PublicPolicy, suppress
"""

from reckon.disclosure.policy import Manifest, PublicPolicy
from reckon.disclosure.suppress import suppress

__all__ = ["Manifest", "PublicPolicy", "suppress"]
