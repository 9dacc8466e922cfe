"""Only what pyproject.toml cannot say: the wheel carries notebooks/*.ipynb inside the package
(ita_lib/report/notebooks), so an installed ita-report builds reports without this source tree.
An editable install reads them from notebooks/ instead (ita_lib.report.render.NOTEBOOK)."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithNotebooks(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "ita_lib" / "report" / "notebooks"
        target.mkdir(parents=True, exist_ok=True)
        for notebook in sorted(Path(__file__).resolve().parent.glob("notebooks/*.ipynb")):
            shutil.copy2(notebook, target / notebook.name)


setup(cmdclass={"build_py": BuildWithNotebooks})
