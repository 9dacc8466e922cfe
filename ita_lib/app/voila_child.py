"""Voilà as `ita-report app` starts it: the same as `python -m voila`, but on Linux it is sent SIGTERM
when the command that started it dies, even by SIGKILL, so it shuts its kernels down instead of
serving on alone. (Set here, in the child itself: a preexec_fn is unsafe in a process with threads.)"""
from __future__ import annotations

import contextlib
import os
import signal
import sys


def stop_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the line above: nobody to serve
        sys.exit(0)


if __name__ == "__main__":
    stop_with_parent(int(os.environ.pop("ITA_APP_PARENT", os.getppid())))
    from voila.app import main

    main()
