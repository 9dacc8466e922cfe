"""Thai charts: every text in the Thai font (no "Glyph missing" boxes), the right contents, the font
search and its errors. Render tier: needs matplotlib, seaborn and a Thai font."""
from __future__ import annotations

import logging
import pickle
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

pytest.importorskip("seaborn")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from test_analysis import AGENCY, WORKED, facts_for  # noqa: E402

import ita_lib  # noqa: E402
from ita_lib.report import fonts
from ita_lib.report import plots  # noqa: E402
from ita_lib.report.colours import DELTA_COLOURS, LEVEL_COLOURS  # noqa: E402
from ita_lib.analysis import AnalysisConfig, build_analysis  # noqa: E402
from ita_lib.errors import ItaError, ThaiFontNotFoundError  # noqa: E402
from ita_lib.store.ingest import ingest  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_AGENCIES = ("ทม.ท่าช้างใหม่", "อบต.โนนสะอาดพัฒนา", "ทต.หนองบัวทอง")
CHARTS = (plots.indicator_bars, plots.trend_lines, plots.indicator_heatmap, plots.delta_bars)
DEJAVU = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def edge_cases() -> dict[str, object]:
    """Hand-made histories with the gaps real data has."""
    partial = (90.0, 91.0, None, None, 70.2, None, None, 88.0, None, 99.0)
    return {
        "one year": build_analysis(AGENCY, facts_for({2563: {"indicators": WORKED, "overall": 85.32}})),
        "overall only": build_analysis(AGENCY, facts_for({2565: {"overall": 82.15}, 2566: {"overall": 84.10}})),
        "missing indicators": build_analysis(AGENCY, facts_for({
            2565: {"indicators": WORKED, "overall": 85.32}, 2566: {"overall": 84.10}, 2567: {"indicators": partial}})),
        "no data": build_analysis(AGENCY, facts_for({})),
        "arabic digits": build_analysis(AGENCY, facts_for({2566: {"indicators": (90.0,) * 10},
                                                           2567: {"indicators": (88.0,) * 5 + (80.0,) * 5}}),
                                        config=AnalysisConfig(digits="arabic")),
    }


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> dict[str, object]:
    db = tmp_path_factory.mktemp("plots") / "ita.duckdb"
    assert not ingest([EXAMPLES], db=db, workers=1).failed
    return {name: ita_lib.load(name, db=db) for name in EXAMPLE_AGENCIES}


@pytest.fixture(scope="module")
def analyses(examples) -> dict[str, object]:
    return {**examples, **edge_cases()}


def draw_recording(chart, analysis, caplog) -> tuple[Figure, list[str]]:
    """Draw the chart (text laid out as in a PNG) and return it with every font complaint seen."""
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.DEBUG, logger="matplotlib"):
        warnings.simplefilter("always")
        fig = chart(analysis)
        fig.canvas.draw()
    complaints = [str(w.message) for w in caught if "glyph" in str(w.message).lower()
                  or "font" in str(w.message).lower()]
    complaints += [r.getMessage() for r in caplog.records
                   if "missing from font" in r.getMessage() or "not found" in r.getMessage()]
    return fig, complaints


def visible_texts(fig: Figure) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]


# --- every chart, every history: Thai font, no missing glyphs --------------------------------------

@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("case", [*EXAMPLE_AGENCIES, *edge_cases()])
def test_charts_draw_every_text_in_the_thai_font(analyses, case, chart, caplog):
    family = fonts.find_thai_font().family
    fig, complaints = draw_recording(chart, analyses[case], caplog)
    assert complaints == []
    assert isinstance(fig, Figure)
    texts = visible_texts(fig)
    assert any("\u0e00" <= ch <= "\u0e7f" for t in texts for ch in t.get_text())  # Thai is on the chart
    assert {t.get_fontname() for t in texts} == {family}
    assert fig._suptitle.get_fontname() == family


def test_charts_with_nothing_to_draw_say_so_in_thai(analyses):
    empty = analyses["no data"]
    for chart in CHARTS:
        text = " ".join(t.get_text() for t in visible_texts(chart(empty)))
        assert "ไม่มี" in text
    assert "ไม่มีปีก่อนหน้าที่เทียบได้" in " ".join(t.get_text() for t in visible_texts(
        plots.delta_bars(analyses["one year"])))
    bars = " ".join(t.get_text() for t in visible_texts(plots.indicator_bars(analyses["overall only"])))
    assert "มีเฉพาะคะแนนรวม" in bars


# --- contents ----------------------------------------------------------------------------------

def test_indicator_bars_are_the_latest_scores_with_the_pass_line(examples):
    a = examples["ทม.ท่าช้างใหม่"]
    ax = plots.indicator_bars(a).axes[0]
    latest = a.indicators[a.indicators["fiscal_year"] == a.latest_year].set_index("indicator")["score"]
    bars = {round(p.get_y() + p.get_height() / 2) + 1: p.get_width() for p in ax.patches}
    assert len(bars) == 10
    assert bars == pytest.approx(latest.to_dict())
    colours = {round(p.get_y() + p.get_height() / 2) + 1: matplotlib.colors.to_hex(p.get_facecolor())
               for p in ax.patches}
    levels = a.indicators[a.indicators["fiscal_year"] == a.latest_year].set_index("indicator")["level"]
    assert colours == {n: LEVEL_COLOURS[level].lower() for n, level in levels.items()}
    assert any(list(line.get_xdata()) == [85, 85] and line.get_linestyle() == "--" for line in ax.lines)
    assert any(t.get_text() == "เกณฑ์ ๘๕" for t in ax.texts)
    assert ax.get_xlim()[0] >= 0


def test_indicator_bars_of_a_chosen_year_and_missing_indicators(analyses):
    a = analyses["missing indicators"]
    ax = plots.indicator_bars(a, year=2567).axes[0]
    assert sorted(p.get_width() for p in ax.patches) == [70.2, 88.0, 90.0, 91.0, 99.0]
    assert sum(t.get_text() == "ไม่มีข้อมูล" for t in ax.texts) == 5


def test_trend_lines_never_join_across_the_era_break(examples):
    a = examples["ทม.ท่าช้างใหม่"]  # 2563–2568: the break lies between 2565 and 2566
    fig = plots.trend_lines(a)
    ax = fig.axes[0]
    series = [line for line in ax.lines if str(line.get_gid()).startswith("trend-")]
    joined = [tuple(line.get_xdata()) for line in series]
    assert all(not (x0 <= 2565 and x1 >= 2566) for xs in joined for x0, x1 in zip(xs, xs[1:]))
    overall = sorted(tuple(line.get_xdata()) for line in series if line.get_gid() == "trend-ITA")
    assert overall == [(2563, 2564, 2565), (2566, 2567, 2568)]
    assert list(ax.get_xticks()) == list(range(2563, 2569))  # whole fiscal years only
    assert any(t.get_text() == "เปลี่ยนเกณฑ์" for t in ax.texts)
    assert any(list(line.get_ydata()) == [85, 85] for line in ax.lines)


def test_heatmap_is_indicators_by_years_with_blank_missing_cells(examples):
    a = examples["ทม.ท่าช้างใหม่"]
    ax = plots.indicator_heatmap(a).axes[0]
    cells = ax.collections[0].get_array()
    assert cells.shape == (10, len(a.years))
    assert cells.mask[:, :4].all() and not cells.mask[:, 4:].any()  # 2563–2566: overall score only
    labels = {t.get_text() for t in ax.texts}
    assert "๙๗.๒๐" in labels and "๘๓.๕๐" in labels


def test_delta_bars_follow_the_analysis_deltas(examples):
    a = examples["ทต.หนองบัวทอง"]  # 2568 against 2566: some indicators up, some down
    ax = plots.delta_bars(a).axes[0]
    expected = a.yoy[(a.yoy["fiscal_year"] == 2568) & (a.yoy["scope"] == "indicator")].set_index("indicator")["delta"]
    bars = {round(p.get_y() + p.get_height() / 2) + 1: p for p in ax.patches}
    assert {n: p.get_width() for n, p in bars.items()} == pytest.approx(expected.astype(float).to_dict())
    for n, bar in bars.items():
        colour = DELTA_COLOURS["up" if expected[n] > 0 else "down"]
        assert matplotlib.colors.to_hex(bar.get_facecolor()) == colour.lower()


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.__name__)
def test_png_of_one_drawing_pass_is_savefigs_tight_png(examples, chart):
    """png_bytes draws once and crops; the picture is savefig(bbox_inches="tight")'s: the same
    size, and the same pixels but for anti-aliasing at sub-pixel offsets."""
    import io

    from PIL import Image, ImageChops, ImageStat

    a = examples["ทม.ท่าช้างใหม่"]
    ours = Image.open(io.BytesIO(plots.png_bytes(chart(a)))).convert("RGB")
    reference = io.BytesIO()
    chart(a).savefig(reference, format="png", dpi=plots.DPI, bbox_inches="tight")
    theirs = Image.open(reference).convert("RGB")
    assert ours.size == theirs.size
    assert max(ImageStat.Stat(ImageChops.difference(ours, theirs)).mean) < 6  # of 255; a 1-pixel shift gives ~10+


def test_png_of_a_figure_drawn_past_its_edge_takes_the_overflow_in():
    """A label placed past the figure's edge is in the picture, as savefig's tight crop has it."""
    import io

    from PIL import Image

    def figure():
        fig = Figure(figsize=(2, 1), dpi=plots.DPI)
        FigureCanvasAgg(fig)
        fig.text(0.1, 0.5, "คะแนน", color="black")
        fig.text(0.8, 0.5, "เกณฑ์ ๘๕", color="black")  # runs past the right edge
        return fig

    ours = Image.open(io.BytesIO(plots.png_bytes(figure()))).convert("L")
    reference = io.BytesIO()
    figure().savefig(reference, format="png", dpi=plots.DPI, bbox_inches="tight")
    assert ours.size == Image.open(reference).size and ours.width > 2 * plots.DPI
    right_part = ours.crop((2 * plots.DPI, 0, ours.width, ours.height))
    assert right_part.getextrema()[0] < 100  # dark pixels of the label past the figure's edge


def test_chart_functions_leave_pyplot_alone(examples):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    plots.trend_lines(examples["ทต.หนองบัวทอง"])
    assert plt.get_fignums() == before


def test_theme_is_idempotent_and_comes_back_after_a_reset():
    import seaborn as sns

    font = plots.use_thai_theme()
    assert plots.use_thai_theme() == font
    assert matplotlib.rcParams["font.family"] == [font.family]
    sns.set_theme()
    plots.use_thai_theme()
    assert matplotlib.rcParams["font.family"] == [font.family]
    assert matplotlib.rcParams["axes.unicode_minus"] is False


# --- font search -------------------------------------------------------------------------------

@pytest.fixture
def fresh_font_cache():
    fonts.find_thai_font.cache_clear()
    yield
    fonts.find_thai_font.cache_clear()


def test_found_font_has_thai_and_css_embeds_it(fresh_font_cache):
    font = fonts.find_thai_font()
    assert fonts.has_thai_glyphs(font.regular)
    css = fonts.font_face_css(font)
    assert css.count("@font-face") == (2 if font.bold else 1)
    assert "data:font/ttf;base64," in css or "data:font/otf;base64," in css
    assert "http" not in css
    assert '"ITA Thai"' in css and font.family in css


def test_css_of_this_machine_has_regular_and_bold(fresh_font_cache):
    font = fonts.find_thai_font()
    if font.bold is None:
        pytest.skip("the installed Thai font has no bold file")
    css = fonts.font_face_css(font)
    assert css.count("@font-face") == 2 and "font-weight: 700" in css


def test_env_var_names_the_font(fresh_font_cache, monkeypatch):
    installed = fonts.find_thai_font()
    fonts.find_thai_font.cache_clear()
    monkeypatch.setenv("ITA_THAI_FONT", str(installed.regular))
    chosen = fonts.find_thai_font()
    assert chosen.regular == installed.regular and chosen.family == installed.family
    assert chosen.bold is None or chosen.bold.parent == installed.regular.parent


@pytest.mark.parametrize("target", [DEJAVU, Path("/nonexistent/Sarabun-Regular.ttf")], ids=["no-thai", "missing"])
def test_env_var_with_a_bad_font_is_an_error_not_a_fallback(fresh_font_cache, monkeypatch, target):
    monkeypatch.setenv("ITA_THAI_FONT", str(target))
    with pytest.raises(ThaiFontNotFoundError) as caught:
        fonts.find_thai_font()
    message = str(caught.value)
    assert "ITA_THAI_FONT" in message and "fonts-thai-tlwg-ttf" in message and str(target) in message
    assert isinstance(caught.value, ItaError)


def test_no_font_on_the_machine_takes_the_sarabun_ita_report_carries(fresh_font_cache, monkeypatch, tmp_path):
    """Windows without Thai fonts, a container without root: the bundled Sarabun (OFL), bold included."""
    monkeypatch.delenv("ITA_THAI_FONT", raising=False)
    monkeypatch.setattr(fonts, "search_directories", lambda: [tmp_path])
    monkeypatch.setattr(fonts, "system_fonts", lambda: [])
    font = fonts.find_thai_font()
    assert (font.family, font.regular.name, font.bold.name) == ("Sarabun", "Sarabun-Regular.ttf", "Sarabun-Bold.ttf")
    assert font.regular.parent == fonts.BUNDLED and fonts.has_thai_glyphs(font.bold)
    assert "SIL Open Font License" in (fonts.BUNDLED / "OFL.txt").read_text(encoding="utf-8")


def test_no_font_anywhere_names_the_places_and_the_fix(fresh_font_cache, monkeypatch, tmp_path):
    monkeypatch.delenv("ITA_THAI_FONT", raising=False)
    monkeypatch.setattr(fonts, "search_directories", lambda: [tmp_path])
    monkeypatch.setattr(fonts, "system_fonts", lambda: [])
    monkeypatch.setattr(fonts, "BUNDLED", tmp_path / "gone")  # an install that lost its own font
    with pytest.raises(ThaiFontNotFoundError) as caught:
        fonts.find_thai_font()
    message = str(caught.value)
    assert str(tmp_path) in message
    assert "apt-get install fonts-thai-tlwg-ttf" in message and "ITA_THAI_FONT=" in message
    restored = pickle.loads(pickle.dumps(caught.value))
    assert type(restored) is ThaiFontNotFoundError and restored.reason == caught.value.reason


def test_a_font_named_like_a_thai_font_but_without_thai_is_skipped(fresh_font_cache, monkeypatch, tmp_path):
    (tmp_path / "Laksaman.ttf").write_bytes(DEJAVU.read_bytes())
    (tmp_path / "Sarabun-Regular.ttf").write_bytes(b"not a font")
    monkeypatch.delenv("ITA_THAI_FONT", raising=False)
    monkeypatch.setattr(fonts, "search_directories", lambda: [tmp_path])
    monkeypatch.setattr(fonts, "system_fonts", lambda: [])
    monkeypatch.setattr(fonts, "BUNDLED", tmp_path / "gone")
    with pytest.raises(ThaiFontNotFoundError):
        fonts.find_thai_font()


def test_ttf_is_preferred_to_otf_and_the_bold_comes_from_the_same_folder(fresh_font_cache, monkeypatch, tmp_path):
    installed = fonts.find_thai_font()
    for folder in ("otf", "ttf"):
        (tmp_path / folder).mkdir()
    (tmp_path / "otf" / "Laksaman.otf").write_bytes(installed.regular.read_bytes())
    (tmp_path / "ttf" / "Laksaman.ttf").write_bytes(installed.regular.read_bytes())
    (tmp_path / "ttf" / "Laksaman-Bold.ttf").write_bytes(installed.regular.read_bytes())
    monkeypatch.delenv("ITA_THAI_FONT", raising=False)
    monkeypatch.setattr(fonts, "search_directories", lambda: [tmp_path])
    monkeypatch.setattr(fonts, "system_fonts", lambda: [])
    fonts.find_thai_font.cache_clear()
    chosen = fonts.find_thai_font()
    assert chosen.regular == tmp_path / "ttf" / "Laksaman.ttf"
    assert chosen.bold == tmp_path / "ttf" / "Laksaman-Bold.ttf"


def test_th_sarabun_new_in_the_windows_fonts_folder_is_found(fresh_font_cache, monkeypatch, tmp_path):
    """Thai government Windows machines have TH Sarabun New in %WINDIR%\\Fonts (and per-user fonts in
    %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts); it comes before the TLWG fonts."""
    installed = fonts.find_thai_font()
    (tmp_path / "Windows" / "Fonts").mkdir(parents=True)
    (tmp_path / "Windows" / "Fonts" / "THSarabunNew.ttf").write_bytes(installed.regular.read_bytes())
    (tmp_path / "Windows" / "Fonts" / "THSarabunNew Bold.ttf").write_bytes(installed.regular.read_bytes())
    monkeypatch.delenv("ITA_THAI_FONT", raising=False)
    monkeypatch.delenv("CONDA_PREFIX", raising=False)
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    searched = fonts.search_directories()
    assert tmp_path / "Windows" / "Fonts" in searched
    assert tmp_path / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts" in searched
    # Found there (only there, so a Sarabun elsewhere on the test machine cannot come first).
    monkeypatch.setattr(fonts, "search_directories", lambda: [p for p in searched if str(p).startswith(str(tmp_path))])
    monkeypatch.setattr(fonts, "system_fonts", lambda: [])
    fonts.find_thai_font.cache_clear()
    chosen = fonts.find_thai_font()
    assert chosen.regular == tmp_path / "Windows" / "Fonts" / "THSarabunNew.ttf"
    assert chosen.bold == tmp_path / "Windows" / "Fonts" / "THSarabunNew Bold.ttf"


def test_a_font_only_the_font_manager_knows_is_found(fresh_font_cache, monkeypatch, tmp_path):
    installed = fonts.find_thai_font()
    elsewhere = tmp_path / "fontconfig-only" / "Loma.ttf"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(installed.regular.read_bytes())
    monkeypatch.delenv("ITA_THAI_FONT", raising=False)
    monkeypatch.setattr(fonts, "search_directories", lambda: [tmp_path / "empty"])
    monkeypatch.setattr(fonts, "system_fonts", lambda: [elsewhere])
    fonts.find_thai_font.cache_clear()
    assert fonts.find_thai_font().regular == elsewhere
