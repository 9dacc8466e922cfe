"""Only what pyproject.toml cannot say: the wheel carries notebooks/*.ipynb and the example documents
inside the package (ita_lib/report/notebooks, ita_lib/report/examples), so an installed ita-report
builds reports, runs its notebooks' defaults and gives them out (`ita-report notebooks DIR`) without
this source tree. An editable install reads them from notebooks/ and examples/ instead
(ita_lib.report.render.NOTEBOOKS, EXAMPLES)."""
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
        examples = Path(self.build_lib) / "ita_lib" / "report" / "examples"
        shutil.copytree(Path(__file__).resolve().parent / "examples", examples, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithNotebooks})
