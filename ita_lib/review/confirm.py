"""A returned review file into the store: one record of the kind `confirmed` for the agency and year,
its scores and result as facts like a document's, and the rest (name, district, province, who
confirmed and when, the sign-off, the report's date) as text facts with the line they are on. A new
confirmation of the same agency and year replaces the earlier one."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ita_lib import fields
from ita_lib.analysis.corrections import CORRECTION, correction_field
from ita_lib.errors import ReviewError
from ita_lib.model import Assessment, Source
from ita_lib.review.model import Review, load_review
from ita_lib.rubric import load as load_rubric
from ita_lib.store.db import Store
from ita_lib.store.rows import Rows, document_rows, record_id
from ita_lib.store.schema import CONFIRMED_KIND

FORMAT = "review"


@dataclass(frozen=True)
class Confirmed:
    agency: str
    fiscal_year: int
    values: int  # how many values the file confirmed
    replaced: int  # earlier confirmations of the same agency and year


def confirm(path: str | Path, *, db: str | Path, aliases=None) -> Confirmed:
    """Check the review file and store what it confirms; a ReviewError when it cannot be used."""
    from ita_lib.store.ingest import relink

    path = Path(path)
    review, lines = load_review(path)
    if not review.gives_anything():
        raise ReviewError("nothing is filled in: write the confirmed values after the colons, then run "
                          "confirm again", path=path)
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    with Store(db) as store:
        agency = _agency(store, review, path)
        rows = review_rows(review, lines, agency, sha256, str(path))
        earlier = _earlier(store, review)
        store.remove_sources(earlier)
        store.write(rows)
        relink(store, aliases)
        linked = store.query("SELECT agency_id FROM agency_links WHERE record_id = ?", [record_id(sha256, 0)])
        if linked.empty or linked["agency_id"].iloc[0] != review.agency_id:  # identity moved: undo
            store.remove_sources([sha256])
            relink(store, aliases)
            raise ReviewError(f"the confirmation does not join agency {review.agency_id}; run review again",
                              path=path)
    return Confirmed(agency["name"], review.fiscal_year, len(rows.tables["facts"]), len(earlier))


def review_rows(review: Review, lines: dict, agency: dict, sha256: str, path: str) -> Rows:
    """The store's rows of a confirmation (pure)."""
    rubric = load_rubric()
    grade = review.result if review.result in rubric.grades else None
    record = Assessment(
        agency=agency["name"], agency_type=agency["agency_type"], district=agency["district"],
        province=agency["province"], fiscal_year=review.fiscal_year,
        overall_score=review.scores.get(fields.OVERALL), grade=grade,
        result=None if grade else review.result,
        indicators={fields.code_of(key): score for key, score in review.scores.items() if key.startswith("indicator:")},
        instruments={fields.code_of(key): score for key, score in review.scores.items()
                     if key.startswith("instrument:")},
        source=Source(path=path, sha256=sha256, kind=CONFIRMED_KIND, format=FORMAT,
                      lines={fields.to_contract(key): lines[("scores", key)] for key in review.scores
                             if ("scores", key) in lines}))
    rows = document_rows(sha256, path, FORMAT, [record], None)
    rid = record_id(sha256, 0)
    texts = {"agency_name": review.name, "district": review.district, "province": review.province,
             "confirmed_by": review.confirmed_by,
             "confirmed_on": review.confirmed_on and review.confirmed_on.isoformat(),
             "report_date": review.report_date and review.report_date.isoformat()}
    texts.update({f"cause:{key}": text for key, text in review.causes.items()})
    texts.update({correction_field(written): text for written, text in review.corrections.items()})
    for role, person in review.sign_off.model_dump().items():
        texts.update({f"sign_off.{role}.{key}": value for key, value in person.items()})
    for field, text in texts.items():
        if text:
            line = (lines.get(tuple(field.split("."))) or lines.get((field,))
                    or lines.get(("causes", field.removeprefix("cause:")))
                    or lines.get(("corrections", field.removeprefix(CORRECTION))))
            rows.tables["facts"].append((rid, field, None, text, line, False))
    return rows


def _agency(store: Store, review: Review, path: Path) -> dict:
    found = store.query("SELECT name, agency_type, district, province FROM agencies WHERE agency_id = ?",
                        [review.agency_id])
    if found.empty:
        raise ReviewError(f"agency_id: no agency {review.agency_id!r} in {store.path}", path=path)
    return {key: (None if value != value else value) for key, value in found.iloc[0].items()}  # NaN → None


def _earlier(store: Store, review: Review) -> list[str]:
    return store.query(f"""SELECT DISTINCT r.sha256 FROM records r JOIN agency_links l USING (record_id)
                           WHERE r.kind = '{CONFIRMED_KIND}' AND l.agency_id = ? AND r.fiscal_year = ?""",
                       [review.agency_id, review.fiscal_year])["sha256"].tolist()
