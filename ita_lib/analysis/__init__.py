"""Analysis of one agency's ITA history: levels, change, priorities, checks, narrative, plan, peers.

`load(agency, db=...)` is the entry point for notebooks: it reads the store once and returns an
AgencyAnalysis whose attributes are pandas DataFrames (English column names, Thai values; use
`thai_columns(frame)` for Thai headings) plus the Thai narrative.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ita_lib.errors import NoResultsError
from ita_lib.store.db import Store
from ita_lib.store.official_names import record_spellings
from ita_lib.folders import DEFAULT_DB
from ita_lib.analysis.change import trends, year_over_year
from ita_lib.analysis.config import AnalysisConfig
from ita_lib.analysis.consistency import consistency
from ita_lib.analysis.doubts import values_in_doubt
from ita_lib.analysis.items import item_table, limitations_table
from ita_lib.analysis.history import choose_values, history, without_nan
from ita_lib.analysis.labels import thai_columns
from ita_lib.analysis.levels import score_table
from ita_lib.analysis.causes import weakness_causes
from ita_lib.analysis.confirmed import confirmed_texts, with_confirmed_identity
from ita_lib.analysis.corrections import ACTION_TEXTS, corrected, corrections_of
from ita_lib.analysis.narrative import Narrative, write_narrative
from ita_lib.analysis.open_items import open_items
from ita_lib.analysis.peers import peer_ids, peer_table
from ita_lib.analysis.plan import plan_draft, write_plan_csv
from ita_lib.analysis.priorities import priorities

__all__ = ["AgencyAnalysis", "AnalysisConfig", "analyse", "build_analysis", "load", "thai_columns",
           "write_plan_csv"]


@dataclass
class AgencyAnalysis:
    agency: dict  # agency_id, name, agency_type, district, province
    years: pd.DataFrame  # one row per fiscal year: overall, grade/result, passed
    scores: pd.DataFrame  # long: year × field (overall, instruments and parts, indicators) with level, rank, gaps
    yoy: pd.DataFrame
    trends: pd.DataFrame
    priorities: pd.DataFrame  # for the latest year
    consistency: pd.DataFrame
    plan: pd.DataFrame
    peers: pd.DataFrame
    narrative: Narrative
    recommendations: pd.DataFrame
    actions: pd.DataFrame
    sources: pd.DataFrame
    config: AnalysisConfig = field(default_factory=AnalysisConfig)
    doubts: pd.DataFrame = field(default_factory=pd.DataFrame)  # scores printed with more than one value
    items: pd.DataFrame = field(default_factory=pd.DataFrame)  # item scores (O13, e3), weakest first
    limitations: pd.DataFrame = field(default_factory=pd.DataFrame)  # the agency's own account, per year
    names: pd.DataFrame = field(default_factory=pd.DataFrame)  # spelling, mentions: the agency's names as printed
    confirmed: dict = field(default_factory=dict)  # what the agency confirmed as text (name, sign-off, ...)
    open_items: pd.DataFrame = field(default_factory=pd.DataFrame)  # what it must still settle to publish

    def _repr_html_(self) -> str:
        """In Jupyter: the agency, its latest result, the indicators of that year and the Thai
        summary, in Thai (the report's sections are in ita_lib.report.sections)."""
        from html import escape

        from ita_lib.analysis.numbers import fmt

        name = escape(str(self.agency.get("name") or ""))
        place = " ".join(escape(f"{label}{value}") for label, value in (("อำเภอ", self.agency.get("district")),
                                                                         ("จังหวัด", self.agency.get("province")))
                         if value)
        year = self.latest_year
        if year is None:
            return f"<h3>{name}</h3><p>{place}</p><p>ไม่มีผลการประเมินในฐานข้อมูล</p>"
        config = self.config  # one digit system, as in the report
        latest = self.indicators[self.indicators["fiscal_year"] == year]
        table = pd.DataFrame({
            "ตัวชี้วัด": [f"{fmt(int(n), config, None)}. {label}" for n, label in zip(latest["indicator"], latest["name"])],
            "แบบวัด": latest["instrument"], "คะแนน": [fmt(v, config) for v in latest["score"]],
            "ระดับ": latest["level_th"]}).to_html(index=False, escape=True)
        summary = "".join(f"<p>{escape(sentence)}</p>" for sentence in self.narrative.sections.get("summary", []))
        years = ", ".join(fmt(int(y), config, None) for y in self.years["fiscal_year"])
        return f"<h3>{name}</h3><p>{place}</p><p>ปีงบประมาณที่มีผล: {years}</p>{summary}{table}"

    @property
    def latest_year(self) -> int | None:
        return None if self.years.empty else int(self.years["fiscal_year"].max())

    @property
    def indicators(self) -> pd.DataFrame:
        return self.scores[self.scores["scope"] == "indicator"].reset_index(drop=True)

    @property
    def instruments(self) -> pd.DataFrame:
        return self.scores[self.scores["scope"] == "instrument"].reset_index(drop=True)


def build_analysis(agency: dict, facts: pd.DataFrame, *, warnings: pd.DataFrame | None = None,
                   actions: pd.DataFrame | None = None, recommendations: pd.DataFrame | None = None,
                   sources: pd.DataFrame | None = None, peer_facts: pd.DataFrame | None = None,
                   names: pd.DataFrame | None = None, config: AnalysisConfig | None = None) -> AgencyAnalysis:
    """The whole analysis from tables (no store needed): `facts` as Store.facts gives them; the
    optional tables as `analyse` reads them (each row with fiscal_year and path); `names`: the
    agency's spellings in its documents (spelling, mentions)."""
    config = config or AnalysisConfig()
    chosen = choose_values(facts)
    confirmed = confirmed_texts(chosen)
    agency = with_confirmed_identity(agency, confirmed)
    years, values = history(chosen)
    scores = score_table(values, config)
    yoy, trend = year_over_year(scores, config), trends(scores, config)
    latest = None if years.empty else int(years["fiscal_year"].max())
    ranked = priorities(scores, latest or 0, config)
    warnings = _or_empty(warnings, ["code", "message", "line", "fiscal_year", "path"])
    actions = _or_empty(actions, ["indicator", "topic", "measure", "analysis", "steps", "period", "responsible",
                                  "score", "line", "fiscal_year", "path"])
    fixes = corrections_of(confirmed)  # the agency's own words, as it corrected them in review
    actions = corrected(actions, ACTION_TEXTS, fixes)
    limitations = corrected(limitations_table(chosen), ("text",), fixes)
    checks = consistency(years, facts, chosen, warnings)
    own_plan = actions[actions["fiscal_year"] == latest] if latest else actions.iloc[0:0]
    recommendations = _or_empty(recommendations, ["instrument", "indicator", "text", "line", "fiscal_year", "path"])
    plan = plan_draft(scores, trend, yoy, own_plan, latest or 0, config, recommendations)
    peers = peer_table(facts.iloc[0:0] if peer_facts is None else peer_facts, agency["agency_id"])
    narrative = write_narrative(agency, years, scores, trend, ranked, checks, peers, config)
    doubts = values_in_doubt(facts, chosen, config)
    names = _or_empty(names, ["spelling", "mentions"])
    return AgencyAnalysis(
        agency=agency, years=years, scores=scores, yoy=yoy, trends=trend, priorities=ranked,
        consistency=checks, plan=plan, peers=peers, narrative=narrative,
        recommendations=recommendations,
        actions=actions, sources=_or_empty(sources, ["path", "sha256", "kind", "fiscal_year"]), config=config,
        doubts=doubts, items=item_table(chosen, config), limitations=limitations,
        names=names, confirmed=confirmed,
        open_items=open_items(agency, years, scores, doubts, names, confirmed, config,
                              weakness_causes(scores, actions, recommendations, latest, config, confirmed)))


def _spellings(store: Store, record_ids: list[str], agency: dict) -> pd.DataFrame:
    spellings = record_spellings(store, record_ids, agency.get("agency_type"))
    return pd.DataFrame(spellings, columns=["spelling", "mentions"])


def _or_empty(frame: pd.DataFrame | None, columns: list[str]) -> pd.DataFrame:
    """A table given to the analysis, with None for each missing value (the store's NaN stops here)."""
    return pd.DataFrame(columns=columns) if frame is None else without_nan(frame.copy())


def check_years(store: Store, found, years: list[int] | None) -> None:
    """NoResultsError when none of `years` has a result of the agency: an analysis of nothing would
    fail deep in a table with a KeyError; this says which years the store does have."""
    if years is None or store.record_ids(found["agency_id"], years):
        return
    have = sorted({int(y) for y in store.facts([found["agency_id"]])["fiscal_year"].dropna()})
    asked = ", ".join(map(str, years))
    raise NoResultsError(f"{found['name']}: no result for the years asked ({asked}); the store has "
                         f"{', '.join(map(str, have)) or 'none'}", path=store.path)


def analyse(store: Store, agency: str, *, province: str | None = None,
            config: AnalysisConfig | None = None, years: list[int] | None = None) -> AgencyAnalysis:
    """The analysis of one agency in the store (any spelling of its name, or its id), over all its
    years or only `years`."""
    found = store.find_agency(agency, province=province)
    check_years(store, found, years)
    found = {k: (None if pd.isna(v) else v) for k, v in found.items()}  # the store's NaN stops here
    agency_id = found["agency_id"]
    record_ids = store.record_ids(agency_id, years)
    facts = store.facts([agency_id])
    peer_facts = store.facts(peer_ids(store.table("agencies"), found))
    if years is not None:
        facts = facts[facts["fiscal_year"].isin(years)]
        peer_facts = peer_facts[peer_facts["fiscal_year"].isin(years)]
    tables = {name: store.rows_of_records(name, record_ids) for name in ("warnings", "actions", "recommendations")}
    return build_analysis(found, facts, sources=store.sources_of(record_ids), peer_facts=peer_facts, config=config,
                          names=_spellings(store, record_ids, found), **tables)


def load(agency: str, db: str | Path = DEFAULT_DB, *, province: str | None = None,
         config: AnalysisConfig | dict | None = None, years: list[int] | None = None) -> AgencyAnalysis:
    """Everything about one agency from the store: history, analysis tables and Thai narrative.
    `agency` is any spelling seen (อบต.X or the full name) or an agency_id."""
    if isinstance(config, dict):
        config = AnalysisConfig(**config)
    with Store(db, read_only=True) as store:
        return analyse(store, agency, province=province, config=config, years=years)


BUNDLED_EXAMPLES = "examples"  # the notebook's default documents: the made-up examples ita-report carries


def _bundled(documents: str | Path | None) -> bool:
    """Does `documents` name the bundled examples (and not a folder of that name here)?"""
    return documents is not None and str(documents) == BUNDLED_EXAMPLES and not Path(documents).is_dir()


def documents_folder(documents: str | Path) -> Path:
    """The folder a notebook's `documents` names: "examples" is the bundled examples wherever
    ita-report is installed (so the defaults run from any working folder); any other path must be
    a folder (a missing one is an error, not an empty report)."""
    from ita_lib.errors import ParamsError

    if _bundled(documents):
        from ita_lib.report.render import EXAMPLES

        return EXAMPLES
    folder = Path(documents)
    if not folder.is_dir():
        raise ParamsError(f"documents: no such folder (working folder {Path.cwd()})", path=folder)
    return folder


def prepare_analysis(agency: str, *, db: str | Path | None, agency_id: str | None = None,
                     province: str | None = None, years: list[int] | str = "all",
                     documents: str | Path | None = None,
                     config: AnalysisConfig | dict | None = None) -> AgencyAnalysis:
    """The analysis the report notebook shows (`load` with the notebook's conveniences).
    `documents`: a folder to ingest first ("examples", the notebook's default: the bundled examples,
    so it runs top to bottom from any working folder, into the scratch store only; a missing folder is an
    error). `db` None: a scratch store of this user's, so trying the notebook never writes into a real
    store."""
    if db is not None and _bundled(documents):
        # Made-up agencies must never enter a real store: the notebook's default is for trying it out.
        import warnings

        warnings.warn("documents: the bundled made-up examples go only into the scratch store (db: null); "
                      f"nothing was ingested into {db}", stacklevel=2)
        documents = None
    if db is None:
        from ita_lib.files import scratch_dir

        import duckdb

        # One per DuckDB version: a store file written by a newer DuckDB cannot be opened by an older
        # one, and this scratch store outlives the environment that made it.
        db = scratch_dir("notebook") / f"ita-duckdb-{duckdb.__version__}.duckdb"
    if documents is not None:
        from ita_lib.store.ingest import ingest

        ingest([documents_folder(documents)], db=db, aliases=None)
    return load(agency_id or agency, db, province=province, config=config,
                years=None if years == "all" else list(years))
