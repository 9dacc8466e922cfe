"""The one place a build writes its files: the report's folder, named once, each file written
under a temporary name and renamed (ita_lib.files.atomic_write), build.json last, so a folder with
build.json holds a whole report."""
from __future__ import annotations

from pathlib import Path

from ita_lib.files import atomic_write, own_folder
from ita_lib.folders import checked_slug

STAMP = "build.json"  # written last: its presence says the rest is complete


class ReportFolder:
    def __init__(self, output_dir: str | Path, slug: str):
        self.slug = checked_slug(slug)  # a batch's manifest may be edited: only a folder name is taken
        self.path = own_folder(Path(output_dir), slug)  # never a link out of the output folder

    def write(self, files: dict[str, bytes | str]) -> dict[str, Path]:
        """Write `files` (name -> content); the stamp, when among them, after every other."""
        written = {}
        for name in sorted(files, key=lambda name: name == STAMP):
            written[name] = atomic_write(self.path / name, files[name])
        return written

    def remove(self, name: str) -> None:
        """Take out a file an earlier build left that this one does not make (a draft's checklist)."""
        (self.path / name).unlink(missing_ok=True)
