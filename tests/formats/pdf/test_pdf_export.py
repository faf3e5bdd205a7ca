"""PDF export end to end: every sample in every mode, checked by qpdf, pdftoppm and pypdf."""

from __future__ import annotations

import datetime
import io
import os
import subprocess
import sys
import textwrap

import pypdf
import pytest

from journeymapper import __version__
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.formats.pdf import ExportOptions, export_pdf, page_size, plan_pages, render_pdf
from journeymapper.formats.pdf import fonts as pdf_fonts
from journeymapper.model.kinds import KIND_LABELS

from pdfcheck import (
    ACCENTED,
    CYRILLIC,
    GREEK,
    INJECTION,
    busy_map,
    page_texts,
    qpdf_check,
    renders,
    squeezed,
    unicode_map,
)
from support import SAMPLES, build_small_map

MODES = {
    "fit": ExportOptions(),
    "fit-appendix": ExportOptions(appendix=True, date=datetime.date(2025, 3, 14)),
    "fit-a4-portrait": ExportOptions(page=page_size("A4"), orientation="portrait"),
    "tile": ExportOptions(mode="tile"),
    "tile-appendix-letter": ExportOptions(page=page_size("Letter"), mode="tile", scale=0.8, appendix=True),
    "tile-custom": ExportOptions(page=page_size("500x350mm"), mode="tile", scale=1.5),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_every_sample_exports_in_every_mode(sample, mode, tmp_path):
    document = json_format.load(sample)
    target = tmp_path / "map.pdf"
    result = export_pdf(document, target, MODES[mode])
    qpdf_check(target)
    images = renders(target, tmp_path)
    assert len(images) == result.pages == len(plan_pages(document, MODES[mode]).pages)
    texts = page_texts(target.read_bytes())
    assert squeezed(KIND_LABELS[document.kind].upper()) in texts[0] and squeezed(document.title) in texts[0]
    assert "CONNECTIONS" in texts[0] and "EMOTION" in texts[0]  # the legend
    for number, text in enumerate(texts, start=1):
        assert f"Page{number}of{len(texts)}" in text
    everything = "".join(texts)
    for touchpoint in document.touchpoints():
        assert squeezed(_drawn_title(document, touchpoint.id, MODES[mode])) in everything, touchpoint.title


def _drawn_title(document, touchpoint_id, options):
    """The title as the map draws it: wrapped and, past three lines, cut with an ellipsis."""
    return "".join(plan_pages(document, options).layout.cards[touchpoint_id].title_lines)


def test_titles_are_real_text_in_any_script_and_markup_stays_literal(tmp_path):
    data = render_pdf(unicode_map()).data
    (text,) = page_texts(data)
    for title in (ACCENTED, CYRILLIC, GREEK, INJECTION, "Ledger & <script>alert(1)</script>"):
        assert squeezed(title) in text
    assert squeezed("Küche & Café <Übersicht>") in text
    assert squeezed("<u>next</u> · 50%") in text
    assert b"/Subtype /Image" not in data  # nothing was fetched
    assert b"Helvetica-Bold" not in data  # nothing turned bold through markup


def test_the_appendix_lists_every_touchpoint_in_full(tmp_path):
    document = unicode_map()
    texts = page_texts(render_pdf(document, ExportOptions(appendix=True)).data)
    table, persona = "".join(texts[1:-1]), texts[-1]
    for touchpoint in document.touchpoints():
        assert squeezed(touchpoint.title) in table
    assert squeezed('<i>slow</i> & "odd"') in table
    assert squeezed("Ирина") in persona and squeezed("Быстро оплатить") in persona


def test_the_table_breaks_across_pages_and_repeats_its_header(tmp_path):
    document = busy_map(120)
    plan = plan_pages(document, ExportOptions(page=page_size("A4"), appendix=True))
    table_pages = [page for page in plan.pages if page.kind == "touchpoints"]
    assert len(table_pages) > 3
    texts = page_texts(render_pdf(document, ExportOptions(page=page_size("A4"), appendix=True)).data)
    first = 1
    for text in texts[first : first + len(table_pages)]:
        assert squeezed("Stage Lane Touchpoint Channel Emotion Pain points Opportunities Metrics") in text
    titles = "".join(texts[first : first + len(table_pages)])
    assert all(squeezed(tp.title) in titles for tp in document.touchpoints())


def test_metadata_names_the_map_its_kind_author_and_creator():
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(build_small_map()).data))
    assert reader.metadata.title == "Checkout"
    assert reader.metadata.subject == "Customer journey"
    assert reader.metadata.author == "Ana Lima"
    assert reader.metadata.creator == f"journeymapper {__version__}"
    assert [entry.title for entry in reader.outline] == ["Map"]


def test_two_exports_are_byte_identical(tmp_path):
    document = json_format.load(SAMPLES[0])
    options = ExportOptions(mode="tile", appendix=True, date=datetime.date(2024, 1, 2))
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_pdf(document, first, options)
    export_pdf(json_format.load(SAMPLES[0]), second, options)
    assert first.read_bytes() == second.read_bytes()


def test_exports_in_separate_processes_are_byte_identical(tmp_path):
    """Hash randomisation changes set and dict orders between runs; the bytes must not change."""
    script = textwrap.dedent(f"""
        import sys
        from journeymapper.formats import json_format
        from journeymapper.formats.pdf import ExportOptions, render_pdf
        document = json_format.load({str(SAMPLES[-1])!r})
        sys.stdout.buffer.write(render_pdf(document, ExportOptions(appendix=True)).data)
    """)
    outputs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, check=True, timeout=120,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    ]  # fmt: skip
    assert outputs[0] == outputs[1]
    assert outputs[0].startswith(b"%PDF")


def test_progress_counts_every_page_and_can_cancel(tmp_path):
    document = json_format.load(SAMPLES[0])
    seen = []
    result = export_pdf(document, tmp_path / "map.pdf", ExportOptions(mode="tile"), progress=lambda *n: seen.append(n))
    assert seen == [(number, result.pages) for number in range(1, result.pages + 1)]

    class CancelledError(Exception):
        pass

    def cancel(done, total):
        raise CancelledError

    with pytest.raises(CancelledError):
        export_pdf(document, tmp_path / "cancelled.pdf", progress=cancel)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["map.pdf"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "map.pdf"
    target.write_bytes(b"old")

    def full_disk(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(JourneyMapError, match=r"map.pdf: cannot write: No space left on device"):
        export_pdf(build_small_map(), target)
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["map.pdf"]


def test_an_unwritable_target_raises_one_line_and_writes_nothing(tmp_path):
    (tmp_path / "folder.pdf").mkdir()
    for target in (tmp_path / "missing" / "map.pdf", tmp_path / "folder.pdf"):
        with pytest.raises(JourneyMapError, match=r"cannot write"):
            export_pdf(build_small_map(), target)
    assert [path.name for path in tmp_path.iterdir()] == ["folder.pdf"]
    assert not any((tmp_path / "folder.pdf").iterdir())


def test_missing_characters_are_named_once(monkeypatch):
    monkeypatch.setattr(pdf_fonts, "system_fonts", lambda: ())
    document = build_small_map()
    document.update_touchpoint("search", title="検索 shoes 検索")
    document.update_touchpoint("charge", title="カード")
    warnings = render_pdf(document).warnings
    missing = [warning for warning in warnings if "no font the PDF can embed" in warning]
    assert len(missing) == 1
    for char in "検索カード":
        assert f"{char} (U+{ord(char):04X})" in missing[0]


def test_an_installed_cjk_font_draws_cjk_text():
    if pdf_fonts.load_fonts(["検索"]).missing:
        pytest.skip("no TrueType CJK font installed (Debian: fonts-droid-fallback)")
    document = build_small_map()
    document.update_touchpoint("search", title="検索 shoes")
    rendered = render_pdf(document)
    assert not [warning for warning in rendered.warnings if "no font the PDF can embed" in warning]
    assert "検索" in page_texts(rendered.data)[0]


def test_a_fallback_font_draws_what_dejavu_lacks():
    fonts = pdf_fonts.load_fonts(["plain"])
    stand_in = pdf_fonts.Face(fonts.bold.name, fonts.bold.font, frozenset("検"))
    with_fallback = pdf_fonts.Fonts(fonts.regular, fonts.bold, (stand_in,), frozenset())
    runs = with_fallback.runs("a検b")
    assert [(face.name, text) for face, text in runs] == [
        (fonts.regular.name, "a"), (stand_in.name, "検"), (fonts.regular.name, "b")
    ]  # fmt: skip
    assert with_fallback.width("a検b", 10) == pytest.approx(sum(face.width(text, 10) for face, text in runs))


def test_fit_warns_when_text_gets_too_small_and_suggests_a_page():
    document = json_format.load(SAMPLES[0])
    warnings = plan_pages(document, ExportOptions(page=page_size("A4"))).warnings
    assert len(warnings) == 1
    assert "under 6 pt" in warnings[0] and "choose page A" in warnings[0]
    assert plan_pages(document, ExportOptions(page=page_size("A1"))).warnings == ()


def test_a_scale_too_large_for_the_page_is_refused():
    with pytest.raises(JourneyMapError, match=r"headers alone fill"):
        plan_pages(build_small_map(), ExportOptions(page=page_size("A4"), mode="tile", scale=6))


def test_an_empty_map_exports(tmp_path):
    from journeymapper.model import JourneyDocument

    for document in (JourneyDocument("empty", "Nothing yet", "user"), build_small_map()):
        for options in (ExportOptions(appendix=True), ExportOptions(mode="tile", appendix=True)):
            target = tmp_path / "map.pdf"
            export_pdf(document, target, options)
            qpdf_check(target)
