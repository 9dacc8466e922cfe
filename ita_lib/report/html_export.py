"""The executed notebook as the offline report page, through nbconvert's HTML exporter and the
ita_report template: code, prompts and parameter cells hidden, the published data left out, the
Thai font embedded, and the contents list put after the title block by a preprocessor."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode

from ita_lib import __version__
from ita_lib.report.document import DRAFT_MARK
from ita_lib.report.publish import CELL_TAG, TITLE_PART, Published

TEMPLATES = Path(__file__).resolve().parent / "templates"
REMOVED_TAGS = {"injected-parameters", "parameters", "remove_cell", CELL_TAG}


class ContentsPreprocessor(Preprocessor):
    """Adds the contents (the published document's numbered sections) to the title block's output,
    so the list follows the title on the page."""

    def preprocess(self, nb, resources):
        published: Published | None = resources.get("ita", {}).get("published")
        if published is None:
            return nb, resources
        from ita_lib.report.page import contents

        listing = contents(published.document.sections())
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                if output.get("metadata", {}) == TITLE_PART and listing:
                    output["data"]["text/html"] = "".join(output["data"]["text/html"]) + listing
                    return nb, resources
        return nb, resources


# Every page of a draft says so, in the top corner of the page box (the running head keeps the centre).
_DRAFT_CSS = (f'@page {{ @top-right {{ content: "{DRAFT_MARK}"; font-family: "ITA Thai", sans-serif; '
              'font-size: 16pt; font-weight: bold; color: #b2182b; } }\n'
              '.draft-banner { border: 2px solid #b2182b; color: #b2182b; padding: 0.4rem 0.8rem; '
              'font-weight: bold; margin: 0 0 1rem; }\n@media print { .draft-banner { display: none; } }\n')


def page_css(digits: str = "thai", draft: bool = False) -> str:
    from ita_lib.report.colours import LEVEL_COLOURS, text_on

    css = resources.files("ita_lib").joinpath("report/templates/ita_report/report.css").read_text(encoding="utf-8")
    levels = "\n".join(f"td.level-{level} {{ background: {colour}; color: {text_on(colour)}; }}"
                       for level, colour in LEVEL_COLOURS.items())
    css = css.replace("/*LEVEL_COLOURS*/", levels)
    if digits == "thai":  # page numbers and the contents' numbers in the report's own digits
        css = (css.replace("counter(page)", "counter(page, thai)").replace("counter(pages)", "counter(pages, thai)")
               .replace("target-counter(attr(href), page)", "target-counter(attr(href), page, thai)")
               + "\nnav.toc ol { list-style-type: thai; }\n")
    return css + (_DRAFT_CSS if draft else "")


def notebook_to_html(notebook, *, title: str, digits: str = "thai", published: Published | None = None,
                     word_breaks: bool = False) -> str:
    """The executed notebook (an nbformat node) as the report page; `word_breaks`: its Thai lines
    break between words only (ita_lib.report.line_breaks)."""
    from ita_lib.report.fonts import find_thai_font, font_face_css

    draft = published is not None and published.document.draft
    ita = {"title": title, "css": page_css(digits, draft), "font_css": font_face_css(find_thai_font()),
           "version": __version__, "published": published, "draft": draft,
           "draft_note": f"{DRAFT_MARK}: ยังมีรายการที่หน่วยงานต้องยืนยันก่อนเผยแพร่ (ดู checklist.html)"}
    # The published data stays out of the page; left out before the exporter copies the notebook
    # (its copy of that output alone took half the export's time).
    shown = NotebookNode(notebook)  # a shallow copy: the cells list is replaced, not changed
    shown.cells = [cell for cell in notebook.cells if CELL_TAG not in cell.get("metadata", {}).get("tags", [])]
    body, _ = html_exporter().from_notebook_node(shown, resources={"ita": ita})
    if word_breaks:
        from ita_lib.report.line_breaks import mark_words

        body = mark_words(body)
    return body


@lru_cache(maxsize=1)
def html_exporter():
    """One exporter per process: building it compiles the page's templates (~0.1 s a report)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.TemplateExporter.exclude_input = True
    config.TemplateExporter.exclude_input_prompt = True
    config.TemplateExporter.exclude_output_prompt = True
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = REMOVED_TAGS
    exporter = HTMLExporter(config=config, template_name="ita_report", extra_template_basedirs=[str(TEMPLATES)])
    exporter.register_preprocessor(ContentsPreprocessor(), enabled=True)
    return exporter
