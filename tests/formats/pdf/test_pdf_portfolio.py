"""The portfolio overview PDF: every map of a folder with its kind, title, owners (its team lanes),
its links and its roll-up numbers; each customer-journey stage with nothing behind it marked as a
gap. It runs onto more pages when it must, saying "continued", and never cuts text; the same
folder gives the same bytes, and the file is sound."""

from __future__ import annotations

from journeymapper.formats import json_format
from journeymapper.formats.pdf.portfolio_entries import GAP_MARK
from journeymapper.formats.pdf.portfolio_pdf import render_portfolio_pdf
from journeymapper.model.links import cached_loader
from journeymapper.model.rollups import headline
from journeymapper.portfolio import scan_portfolio
from journeymapper.rollup_text import conversion_line

from pdfcheck import page_texts, qpdf_check, squeezed
from support import SAMPLES, copy_samples

SAMPLE_FOLDER = SAMPLES[0].parent


def _overview(folder) -> bytes:
    load = cached_loader(json_format.load)
    return render_portfolio_pdf(scan_portfolio(folder, load), load)


def test_the_samples_fit_on_one_page_with_every_map_its_owners_and_numbers():
    (page,) = page_texts(_overview(SAMPLE_FOLDER))
    for sample in SAMPLES:
        document = json_format.load(sample)
        found = headline(document, sample)
        assert squeezed(document.title) in page
        assert squeezed(sample.name) in page
        assert squeezed(conversion_line(found.conversion)) in page
        assert squeezed(f"{found.cards} cards") in page
        team = next(lane.name for lane in document.lanes.values() if lane.kind == "team")
        assert squeezed(team) in page


def test_the_customer_journeys_four_gaps_are_marked():
    (page,) = page_texts(_overview(SAMPLE_FOLDER))
    assert page.count(squeezed(GAP_MARK)) == 4
    for stage in ("Kickoff", "Success plan", "First business review", "Renewal"):
        assert squeezed(f"{stage}: {GAP_MARK}") in page
    assert squeezed("4 of 6 customer-journey stages with nothing behind") in page


def test_a_broken_link_is_marked(tmp_path):
    folder = copy_samples(tmp_path / "maps")
    (folder / "first-report-user-journey.json").unlink()
    (page,) = page_texts(_overview(folder))
    assert squeezed("Broken: stage Onboarding → first-report-user-journey.json (missing file)") in page
    assert squeezed("3 links, 2 broken") in page  # the Onboarding stage's and the touchpoint's


def test_many_maps_run_on_to_more_pages_and_nothing_is_lost(tmp_path):
    folder = tmp_path / "many"
    for number in range(12):
        copy_samples(folder / f"team-{number:02}")
    texts = page_texts(_overview(folder))
    assert len(texts) > 1 and squeezed("Portfolio (continued)") in texts[1]
    whole = "".join(texts)
    assert whole.count("CUSTOMERJOURNEY") == 12
    assert whole.count(squeezed(GAP_MARK)) == 48


def test_the_same_folder_gives_the_same_bytes_and_a_sound_file(tmp_path):
    data = _overview(SAMPLE_FOLDER)
    assert data == _overview(SAMPLE_FOLDER)
    path = tmp_path / "portfolio.pdf"
    path.write_bytes(data)
    qpdf_check(path)


def test_files_that_do_not_load_and_shared_ids_are_listed_to_fix(tmp_path):
    folder = copy_samples(tmp_path / "maps")
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    copy_samples(folder / "copy")
    page = "".join(page_texts(_overview(folder)))
    assert squeezed("Files that do not load") in page and squeezed("notes.json:") in page
    assert squeezed("Map ids held by more than one file") in page
