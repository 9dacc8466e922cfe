"""What each exit status of ita-report means: the same in every command (README, "Limits and
failure behaviour")."""
from __future__ import annotations

OK = 0  # everything asked for was done
WARNINGS = 1  # done, but records carry warnings and --strict was given
USAGE = 2  # a bad option or argument (argparse's own status too); nothing was done
PARTIAL = 3  # some inputs or targets failed, one line each on stderr; the others were done
STOPPED = 4  # the command could not go on: store, output folder, disk, scheduler, or the one thing asked for
INTERRUPTED = 130  # Ctrl-C; what finished before it is kept
