"""Child processes that never outlive their parent.

Build workers, query workers and the processes writing a site's pages are
children of a ``kg`` command; when the command is killed (``kill -9``, a
closed terminal) they must end with it, not run on as orphans.
"""

from __future__ import annotations

import os
import signal
import threading
import time


def die_with_parent(parent: int) -> None:
    """In a child of process ``parent``: ask the kernel (Linux ``prctl``
    ``PR_SET_PDEATHSIG``) to SIGKILL this process when its parent dies;
    elsewhere a daemon thread watches the parent.  Exits at once with
    status 1 when the parent died before the request took effect."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl failed")
    except (OSError, AttributeError):

        def watch():
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


__all__ = ["die_with_parent"]
