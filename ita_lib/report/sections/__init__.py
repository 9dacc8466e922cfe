"""The sections of the per-agency report, each a part of the report document
(ita_lib.report.document) made from an AgencyAnalysis alone: no store, no file. The notebook shows
them through ita_lib.report.publish.Report, which keeps them for the writers."""
from ita_lib.report.sections.findings import own_analysis, priorities, recommendations, strengths_weaknesses
from ita_lib.report.sections.measures import appendix, follow_up, peers, plan, sign_off
from ita_lib.report.sections.results import (comparison, figure, headline, history_charts, indicator_table,
                                             instrument_scores, item_findings, title_block)

__all__ = ["appendix", "comparison", "figure", "follow_up", "headline", "history_charts", "indicator_table",
           "instrument_scores", "item_findings", "own_analysis", "peers", "plan", "priorities", "recommendations",
           "sign_off", "strengths_weaknesses", "title_block"]
