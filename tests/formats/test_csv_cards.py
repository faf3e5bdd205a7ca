"""Cards as a spreadsheet table: what is written, the round trip, maps made from tables, bad rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings

from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.formats.csv_cards import dumps_csv, load_csv, loads_csv, title_from_name, update_from_text
from journeymapper.model import JourneyDocument, Metric, Persona

from strategies import journey_maps
from support import SAMPLES, build_small_map

HEADER = "id,stage,lane,index,title,description,channel,emotion,personas,pain points,opportunities,metrics,tags"


def text_of(document: JourneyDocument, delimiter: str = ",") -> str:
    return dumps_csv(document, delimiter).decode("utf-8-sig")


def card_views(document: JourneyDocument) -> list[dict]:
    """Every card as a table shows it: stage, lane and personas by name, every other field
    but links (which a table has no column for), in document order."""
    return [
        {
            **card.model_dump(exclude={"stage", "lane", "personas", "links"}),
            "stage": document.stages[card.stage].name,
            "lane": document.lanes[card.lane].name,
            "personas": [document.personas[persona].name for persona in card.personas],
        }
        for card in document.touchpoints()
    ]


def names(items) -> list[str]:
    return [item.name for item in items.values()]


def read_error(text: str) -> str:
    with pytest.raises(JourneyMapError) as caught:
        loads_csv(text, "cards.csv")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("cards.csv: ")
    return message.removeprefix("cards.csv: ")


# -- writing ------------------------------------------------------------------------------------


def test_a_map_is_written_as_a_header_and_a_row_per_card_in_map_order():
    lines = text_of(build_small_map()).split("\r\n")
    assert lines == [
        HEADER,
        "compare,Browse,Web team,0,Compare sizes,,,0,Bea,,,,",
        "search,Browse,Web team,1,Search for shoes,,,1,Bea,,,,",
        "checkout,Purchase,Web team,0,Checkout,,,-1,Bea,,,,",
        "charge,Purchase,Payments,0,Charge card,,,,,,,,",
        "",
    ]


def test_the_file_is_utf8_with_a_byte_order_mark_for_excel():
    data = dumps_csv(json_format.load(SAMPLES[0]))
    assert data.startswith(b"\xef\xbb\xbfid,stage,")
    data.decode("utf-8")


def test_lists_are_joined_with_semicolons_and_metrics_written_as_name_value_unit():
    document = build_small_map()
    document.update_touchpoint(
        "charge",
        pain_points=("3-D Secure; again", "Slow"),
        metrics={"Authorisation rate": Metric(value=94.1, unit="%"), "Retries": Metric(value=2)},
        tags=("payments",),
    )
    row = text_of(document).split("\r\n")[4]
    pain_points, opportunities, metrics, tags = row.split(",")[9:]
    assert pain_points == "3-D Secure\\; again; Slow" and opportunities == ""
    assert metrics == "Authorisation rate=94.1 %; Retries=2" and tags == "payments"


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_guarded_but_numbers_are_not():
    document = build_small_map()
    document.update_touchpoint("checkout", title='=HYPERLINK("http://x")', description="+1 more", tags=("@home",))
    row = text_of(document).split("\r\n")[3]
    assert row.startswith('checkout,Purchase,Web team,0,"\'=HYPERLINK(""http://x"")",\'+1 more,,-1,')
    assert row.endswith(",'@home")


@pytest.mark.parametrize(("delimiter", "expected"), [(";", "compare;Browse;Web team;0;"), ("\t", "compare\tBrowse\t")])
def test_another_delimiter_can_be_chosen(delimiter, expected):
    assert text_of(build_small_map(), delimiter).split("\r\n")[1].startswith(expected)


# -- the round trip -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_each_sample_comes_back_with_the_same_cards_stages_and_lanes(path, tmp_path):
    sample = json_format.load(path)
    table = tmp_path / "cards.csv"
    table.write_bytes(dumps_csv(sample))
    back = load_csv(table, sample.kind)
    assert card_views(back) == card_views(sample)  # ids, cells, order and every field
    assert names(back.stages) == names(sample.stages)
    assert names(back.lanes) == names(sample.lanes)
    assert dumps_csv(back) == dumps_csv(sample)


@pytest.mark.parametrize("path", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_applying_a_samples_table_to_the_sample_changes_nothing(path):
    sample = json_format.load(path)
    assert update_from_text(sample, text_of(sample)) == sample


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_line_breaks_quotes_delimiters_separators_and_formulas_come_back(delimiter):
    document = build_small_map()
    document.add_persona(Persona(id="odd", name="O'Neil; Jr."))
    document.update_touchpoint(
        "search",
        title='-"Quoted",\ttabbed; and =formula',
        description="two\nlines\r\nand a\rreturn, with ; and \\ and '",
        channel="'apostrophe",
        personas=("buyer", "odd"),
        pain_points=(" leading space", "a\\;b", "=SUM(A1)"),
        opportunities=("@mention",),
        metrics={"a=b; c": Metric(value=1.5e-7, unit=" odd unit "), "+ Whole": Metric(value=-48000)},
        tags=("t1", "t;2"),
    )
    back = loads_csv(text_of(document, delimiter), "cards.csv")
    assert card_views(back) == card_views(document)


# -- maps made from tables ----------------------------------------------------------------------


def test_only_stage_lane_and_title_are_needed_and_ids_are_readable():
    document = loads_csv("Title,Stage,Lane\nSees the ad,Discover,Marketing\nPays,Buy,Web shop\n", "cards.csv")
    assert names(document.stages) == ["Discover", "Buy"]
    assert list(document.stages) == ["stage-discover", "stage-buy"]
    assert list(document.lanes) == ["lane-marketing", "lane-web-shop"]
    assert [card.id for card in document.touchpoints()] == ["tp-sees-the-ad", "tp-pays"]


def test_stages_and_lanes_come_in_order_of_first_appearance_refined_by_each_stages_rows():
    text = "stage,lane,title\nKickoff,Sales,a\nKickoff,Product,b\nOnboarding,Support,c\nOnboarding,Product,d\n"
    document = loads_csv(text, "cards.csv")
    assert names(document.stages) == ["Kickoff", "Onboarding"]
    assert names(document.lanes) == ["Sales", "Support", "Product"]


def test_names_are_matched_whatever_their_case_and_spacing_and_kept_as_first_written():
    text = "stage,lane,title,personas\nOn boarding,Sales,a,Priya Nair\n on  BOARDING ,sales,b,priya  nair; Tom\n"
    document = loads_csv(text, "cards.csv")
    assert names(document.stages) == ["On boarding"] and names(document.lanes) == ["Sales"]
    assert names(document.personas) == ["Priya Nair", "Tom"]
    assert [card.personas for card in document.touchpoints()] == [
        ("persona-priya-nair",),
        ("persona-priya-nair", "persona-tom"),
    ]


def test_the_index_orders_the_cards_of_a_cell_whatever_the_row_order():
    text = "id,stage,lane,index,title\nc,S,L,2,third\na,S,L,0,first\nb,S,L,1,second\n"
    assert [card.title for card in loads_csv(text, "cards.csv").touchpoints()] == ["first", "second", "third"]


def test_the_kind_and_title_are_given_or_the_title_comes_from_the_file_name(tmp_path):
    table = tmp_path / "year-one_cards.csv"
    table.write_text("stage,lane,title\nS,L,a\n", encoding="utf-8")
    document = load_csv(table)
    assert (document.kind.value, document.title) == ("customer", "Year one cards")
    assert document.id.startswith("year-one-cards-")
    assert load_csv(table, "user", "Checkout").title == "Checkout"
    assert title_from_name(Path("__.csv")) == "Untitled journey"


def test_an_excel_file_with_a_byte_order_mark_semicolons_and_crlf_is_read(tmp_path):
    table = tmp_path / "excel.csv"
    excel = (
        'ID;Stage;Lane;Title;Pain Points;Metrics;Emotion\r\n;Kickoff;Sales;Call;"Late; again";NPS=42;-1\r\n;;;;;;\r\n'
    )
    table.write_bytes(b"\xef\xbb\xbf" + excel.encode("utf-8"))
    card = next(load_csv(table).touchpoints())
    assert (card.title, card.pain_points, card.metrics["NPS"].value, card.emotion) == (
        "Call",
        ("Late", "again"),
        42,
        -1,
    )


def test_a_libreoffice_tab_separated_file_without_a_byte_order_mark_is_read(tmp_path):
    table = tmp_path / "calc.tsv"
    table.write_text('stage\tlane\ttitle\tdescription\nS\tL\tCafé\t"two\nlines"\n', encoding="utf-8")
    card = next(load_csv(table).touchpoints())
    assert (card.title, card.description) == ("Café", "two\nlines")


# -- what is refused ----------------------------------------------------------------------------


def one_card(cells: dict[str, str]) -> str:
    """A table of one card in stage S, lane L, titled T, with ``cells`` added or replaced."""
    row = {"stage": "S", "lane": "L", "title": "T", **cells}
    quoted = (f'"{cell}"' for cell in row.values())
    return ",".join(row) + "\n" + ",".join(quoted) + "\n"


BAD_CELLS = [
    ({"emotion": "very sad"}, "row 2, column \"emotion\": must be a whole number from -2 to 2, found 'very sad'"),
    ({"Emotion": "3"}, "row 2, column \"Emotion\": must be a whole number from -2 to 2, found '3'"),
    ({"index": "first"}, "row 2, column \"index\": must be a whole number of 0 or more, found 'first'"),
    ({"metrics": "NPS 42"}, "row 2, column \"metrics\": 'NPS 42' has no '=': write each metric as name=value unit"),
    ({"metrics": "Rate=6,5 %"}, "row 2, column \"metrics\": the value of 'Rate' must be a number such as 21 or 6.5"),
    ({"metrics": "x=1e999"}, "row 2, column \"metrics\": 'x': must be a finite number"),
    ({"personas": "Bea; bea"}, "row 2, column \"personas\": names the persona 'bea' twice"),
    (
        {"id": "a b"},
        'row 2, column "id": must be letters, digits and _ . : - (at most 128, the first a letter or digit)',
    ),
    ({"title": "x" * 501}, 'row 2, column "title": String should have at most 500 characters'),
    ({"tags": "ok; " + "t" * 81}, 'row 2, column "tags": item 2: String should have at most 80 characters'),
    ({"stage": ""}, 'row 2, column "stage": a new card needs a stage'),
    ({"lane": " "}, 'row 2, column "lane": a new card needs a lane'),
    ({"stage": "S" * 501}, 'row 2, column "stage": String should have at most 500 characters'),
]


@pytest.mark.parametrize(("cells", "message"), BAD_CELLS, ids=[message[13:40] for _, message in BAD_CELLS])
def test_a_bad_cell_is_refused_with_its_row_and_column(cells, message):
    assert read_error(one_card(cells)).startswith(message)


def test_an_id_on_two_rows_is_refused_naming_both():
    assert read_error("id,stage,lane,title\nx,S,L,a\n,S,L,b\nx,S,L,c\n") == (
        "row 4, column \"id\": 'x' is the id of the card on row 2 too"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("stage,title\nS,a\n", 'the table needs the columns stage, lane and title; it has no "lane" column'),
        ("stage,lane,title\n", "the table has a header but no cards"),
        ("stage,lane,title\n,,\n", "the table has a header but no cards"),
    ],
)
def test_a_table_that_makes_no_map_is_refused(text, message):
    assert read_error(text) == message


def test_a_file_in_another_encoding_is_refused_with_a_line_saying_how_to_save_it(tmp_path):
    utf16 = tmp_path / "unicode.txt"
    utf16.write_bytes("stage\tlane\ttitle\n".encode("utf-16"))
    with pytest.raises(
        JourneyMapError,
        match=r"unicode.txt: file is encoded as UTF-16; tables must be UTF-8: in Excel, save as 'CSV UTF-8'$",
    ):
        load_csv(utf16)
    ansi = tmp_path / "ansi.csv"
    ansi.write_bytes("stage,lane,title\nS,L,Caf\xe9\n".encode("cp1252"))
    with pytest.raises(
        JourneyMapError, match=r"ansi.csv: line 2, column 8: invalid UTF-8 byte 0xe9; tables must be UTF-8"
    ):
        load_csv(ansi)


# -- any map ------------------------------------------------------------------------------------


def as_the_editor_keeps_it(document: JourneyDocument) -> JourneyDocument:
    """The map with no blank titles, list items or persona names, which the inspector never makes:
    a table trims list items and drops blank ones, and a new card from a table needs a title."""
    file = document.to_file()
    cards = tuple(
        card.model_copy(
            update={
                "title": card.title if card.title.strip() else card.id,
                "pain_points": tuple(item.strip() for item in card.pain_points if item.strip()),
            }
        )
        for card in file.touchpoints
    )
    personas = tuple(
        persona if persona.name.strip() else persona.model_copy(update={"name": persona.id})
        for persona in file.personas
    )
    return JourneyDocument.from_file(file.model_copy(update={"touchpoints": cards, "personas": personas}))


def with_distinct_names(document: JourneyDocument) -> JourneyDocument:
    """The map with names no two stages (lanes, personas) share: a new map from a table knows them
    by name alone."""
    file = document.to_file()
    renamed = {
        field: tuple(
            item.model_copy(update={"name": f"{item.name.strip()} #{n}".strip()}) for n, item in enumerate(items)
        )
        for field, items in (("stages", file.stages), ("lanes", file.lanes), ("personas", file.personas))
    }
    return JourneyDocument.from_file(file.model_copy(update=renamed))


@settings(max_examples=150, deadline=None)
@given(journey_maps())
def test_a_maps_table_applied_to_the_map_changes_nothing(document):
    document = as_the_editor_keeps_it(document)  # names may repeat: each card keeps its own
    assert update_from_text(document, dumps_csv(document).decode("utf-8-sig")) == document


@settings(max_examples=150, deadline=None)
@given(journey_maps())
def test_a_maps_table_read_as_a_new_map_has_the_same_cards(document):
    document = with_distinct_names(as_the_editor_keeps_it(document))
    assume(document.touchpoint_count() > 0)  # a table with no cards makes no map
    back = loads_csv(dumps_csv(document).decode("utf-8-sig"), "cards.csv", document.kind)
    assert sorted(card_views(back), key=lambda card: card["id"]) == sorted(
        card_views(document), key=lambda card: card["id"]
    )
    used = {card.stage for card in document.touchpoints()}
    assert [stage.name for stage in back.stages.values()] == [
        document.stages[s].name for s in document.stages if s in used
    ]
