"""Named points where a test can kill the process, to prove crash safety.

Set MAATWERK_FAILPOINT=<name> in a subprocess's environment and the process kills itself
with SIGKILL on reaching that point (tests/crash). Without the variable this does nothing.
"""

from __future__ import annotations

import os
import signal


def failpoint(name: str) -> None:
    if os.environ.get("MAATWERK_FAILPOINT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
