"""One parameter contract: a params file's keys are the report notebook's parameters, so `ita-report
build p.yaml`, `papermill -f p.yaml` and Quarto's `--execute-params p.yaml` take the same file; its
relative paths are from its folder; UTF-8, UTF-16 and Windows Thai (cp874) files are read; files in
the old layout (nested thresholds:) still are."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ita_lib.errors import ParamsError, UsageError
from ita_lib.report.params import ReportParams, load_params
from ita_lib.report.params_files import params_yaml
from ita_lib.report.render import NOTEBOOK, build_parameters

NON_SAAT = "องค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"
NON_SAAT_ID = "อบต.:นครราชสีมา:เมืองนครราชสีมา:โนนสะอาดพัฒนา"
THAI_FILE = f"""\
# ผู้รายงาน: นักวิเคราะห์นโยบายและแผน
agency: "{NON_SAAT}"
agency_id: "{NON_SAAT_ID}"
years: [2567, 2568]
passing: 80
signoff:
  approver:
    name: "นายบุญเลิศ ศรีสวัสดิ์"
    position: "นายกองค์การบริหารส่วนตำบลโนนสะอาดพัฒนา"
"""


def notebook_parameter_names() -> list[str]:
    import papermill

    return list(papermill.inspect_notebook(str(NOTEBOOK)))


def init_files(example_store: Path, project: Path) -> list[Path]:
    """`ita-report params init` run in `project`: the store's agencies into params/agencies/."""
    from ita_lib.cli.params_init import write_params_files
    from ita_lib.store.db import Store

    with Store(example_store, read_only=True) as store:
        agencies = store.agencies()
    return write_params_files(agencies, example_store, project / "params" / "agencies")


# ---------------------------------------------------------------- the keys are the notebook's parameters

def test_a_written_params_file_holds_exactly_the_notebooks_parameters():
    written = yaml.safe_load(params_yaml(ReportParams(agency=NON_SAAT)))
    assert list(written) == notebook_parameter_names() == [
        "agency", "agency_id", "province", "years", "db", "documents", "digits", "audience", "formats", "signoff",
        "strength", "passing", "urgent", "trend_threshold", "across_eras", "measures_per_indicator",
        "output_dir", "final"]
    assert set(ReportParams.model_fields) == set(written)


def test_papermill_warns_of_no_unknown_parameter_for_a_file_params_init_wrote(example_store, tmp_path, caplog):
    import papermill
    from papermill.iorw import read_yaml_file

    path = init_files(example_store, tmp_path)[0]
    with caplog.at_level(logging.WARNING, logger="papermill"):
        papermill.execute_notebook(str(NOTEBOOK), str(tmp_path / "out.ipynb"), parameters=read_yaml_file(str(path)),
                                   prepare_only=True, progress_bar=False)
    assert [r.getMessage() for r in caplog.records if "unknown parameter" in r.getMessage()] == []


def test_papermill_run_from_the_files_folder_is_given_what_the_build_gives_the_notebook(example_store, tmp_path,
                                                                                       monkeypatch):
    """papermill -f p.yaml --cwd <its folder>: every value the same as the build's (db, a path, as the
    kernel resolves it from that folder); output_dir is the build's alone (it pops it: the notebook
    writes no file)."""
    from papermill.iorw import read_yaml_file

    monkeypatch.chdir(tmp_path)  # params init's ./outputs
    for path in init_files(example_store, tmp_path):
        given = read_yaml_file(str(path))  # what papermill -f reads: YAML 1.1, the file's quotes kept
        params = load_params(path)
        built = build_parameters(params, name=params.agency, agency_id=params.agency_id,
                                 db=Path(params.db).resolve(), formats=tuple(params.formats))
        assert (path.parent / given.pop("db")).resolve() == Path(built.pop("db")) == example_store.resolve()
        assert (path.parent / given.pop("output_dir")).resolve() == tmp_path.resolve() / "outputs"
        assert given == built
        assert given["documents"] is None and given["agency_id"] == params.agency_id


@pytest.mark.skipif(sys.platform == "win32", reason="papermill's CLI through the venv's python")
def test_a_real_papermill_run_gives_the_builds_analysis_and_writes_nothing_but_its_notebook(example_store, tmp_path):
    from ita_lib.analysis import load
    from ita_lib.analysis.export import analysis_json
    from ita_lib.report.publish import read_published

    import nbformat

    project = tmp_path / "project"
    store = project / "outputs" / "ita.duckdb"
    store.parent.mkdir(parents=True)
    store.write_bytes(example_store.read_bytes())
    path = init_files(store, project)[0]
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in project.rglob("*") if p.is_file()}
    done = subprocess.run([sys.executable, "-m", "papermill", "-f", str(path), "--cwd", str(path.parent),
                           str(NOTEBOOK), str(tmp_path / "out.ipynb")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600,
                          env={**os.environ, "TMPDIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert "unknown parameter" not in done.stderr
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in project.rglob("*") if p.is_file()}
    assert after == before  # the store unchanged (documents: null), no report file, no build.json
    published = read_published(nbformat.read(tmp_path / "out.ipynb", as_version=4))
    params = load_params(path)
    expected = analysis_json(load(params.agency_id, store, config=params.analysis_config()))
    assert json.loads(published.data_json) == json.loads(json.dumps(expected, ensure_ascii=False))


# ---------------------------------------------------------------- paths

def test_relative_paths_are_from_the_files_folder_not_the_working_folder(tmp_path, monkeypatch):
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    path = folder / "p.yaml"
    path.write_text('agency: "x"\ndb: "../store.duckdb"\noutput_dir: "reports"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    params = load_params(Path("a") / "b" / "p.yaml")
    assert params.db == str(tmp_path.resolve() / "a" / "store.duckdb")
    assert params.output_dir == str(tmp_path.resolve() / "a" / "b" / "reports")
    assert load_params(path).db == params.db
    path.write_text('agency: "x"\ndb: "/data/ita.duckdb"\n', encoding="utf-8")  # absolute: kept; left out: the build's
    assert (load_params(path).db, load_params(path).output_dir) == ("/data/ita.duckdb", "outputs")


def test_params_init_writes_paths_from_the_files_folder(example_store, tmp_path, monkeypatch):
    from ita_lib.cli.params_init import write_params_files
    from ita_lib.store.db import Store

    with Store(example_store, read_only=True) as store:
        agencies = store.agencies()
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "ita.duckdb").write_bytes(example_store.read_bytes())
    monkeypatch.chdir(tmp_path)
    path = tmp_path / write_params_files(agencies, "store/ita.duckdb", "params/agencies")[0]
    text = path.read_text(encoding="utf-8")
    assert 'db: "../../store/ita.duckdb"\ndocuments: null\n' in text
    assert 'output_dir: "../../outputs"\nfinal: false\n' in text
    assert "thresholds" not in text and "strength: 95.0\n" in text
    monkeypatch.chdir(tmp_path / "params")  # wherever it is read from
    params = load_params(path)
    assert params.db == str(tmp_path.resolve() / "store" / "ita.duckdb")


# ---------------------------------------------------------------- the old layout

def test_a_file_in_the_old_layout_is_read_as_it_always_was(tmp_path):
    path = tmp_path / "old.yaml"
    path.write_text('agency: "x"\ndb: "outputs/ita.duckdb"\noutput_dir: "outputs"\nthresholds:\n  strength: 97\n'
                    '  urgent: 70\n  across_eras: true\nformats: ["pdf"]\n', encoding="utf-8")
    params = load_params(path)
    assert (params.strength, params.passing, params.urgent, params.across_eras) == (97.0, 85.0, 70.0, True)
    assert (params.db, params.output_dir) == ("outputs/ita.duckdb", "outputs")  # from the working folder
    assert params.notebook_parameters()["strength"] == 97.0 and "thresholds" not in params.notebook_parameters()


def test_a_threshold_given_twice_is_an_error_at_its_line(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text('agency: "x"\nstrength: 97\nthresholds:\n  urgent: 70\n  strength: 96\n', encoding="utf-8")
    with pytest.raises(ParamsError) as caught:
        load_params(path)
    assert str(caught.value) == f"{path}:5: strength is given twice: at the top level and under thresholds"


def test_documents_to_ingest_are_refused_with_the_way_out(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text('agency: "x"\ndocuments: "/data/docs"\n', encoding="utf-8")
    with pytest.raises(ParamsError) as caught:
        load_params(path)
    assert str(caught.value) == (f"{path}:2: documents: '/data/docs': ita-report build ingests nothing, it reads "
                                 "db; ingest the folder first (ita-report ingest FOLDER --db DB) and write "
                                 "documents: null")


# ---------------------------------------------------------------- encodings

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "cp874"])
def test_params_files_in_utf16_or_windows_thai_are_read(tmp_path, encoding):
    data = ("\ufeff" + THAI_FILE).encode("utf-16-be") if encoding == "utf-16-be-bom" else THAI_FILE.encode(encoding)
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff") or encoding == "cp874"
    path = tmp_path / "p.yaml"
    path.write_bytes(data)
    params = load_params(path)
    assert (params.agency, params.agency_id, params.years, params.passing) == (NON_SAAT, NON_SAAT_ID, [2567, 2568], 80)
    assert params.signoff.approver.name == "นายบุญเลิศ ศรีสวัสดิ์"


def test_a_params_file_in_no_known_encoding_is_one_line(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    with pytest.raises(ParamsError) as caught:
        load_params(path)
    assert str(caught.value) == f"{path}: not a text file in UTF-8, UTF-16 or Windows Thai (cp874)"


def test_damaged_utf8_is_refused_not_read_with_a_byte_dropped(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(THAI_FILE.encode("utf-8").replace(b"agency_id", b"agency_id\xff", 1))
    with pytest.raises(ParamsError) as caught:
        load_params(path)
    assert str(caught.value) == (f"{path}: damaged UTF-8 (line 3: 1 undecodable byte dropped); save it again "
                                 "as UTF-8")


@pytest.mark.parametrize("encoding", ["utf-16", "cp874"])
def test_agency_lists_in_utf16_or_windows_thai_are_read(example_store, tmp_path, encoding):
    from ita_lib.batch.jobs import select_jobs

    listed = tmp_path / "agencies.txt"
    listed.write_bytes("# จังหวัดนครราชสีมา\r\nอบต.โนนสะอาดพัฒนา\r\nเทศบาลตำบลหนองบัวทอง  # ทต.\r\n".encode(encoding))
    jobs = select_jobs(example_store, agencies_file=listed)
    assert [(job.agency_id, job.problem) for job in jobs] == [
        (NON_SAAT_ID, None), ("ทต.:นครราชสีมา:โชคชัย:หนองบัวทอง", None)]


def test_an_agency_list_in_no_known_encoding_is_one_line(example_store, tmp_path):
    from ita_lib.batch.jobs import select_jobs

    listed = tmp_path / "agencies.txt"
    listed.write_bytes(b"\x00\x01\x02binary\xff\xfe\x00")
    with pytest.raises(UsageError) as caught:
        select_jobs(example_store, agencies_file=listed)
    assert str(caught.value) == f"{listed}: --agencies: not a text file in UTF-8, UTF-16 or Windows Thai (cp874)"
