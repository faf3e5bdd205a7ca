"""A card table as text: what is written, and the forms of CSV that spreadsheets save."""

from __future__ import annotations

import pytest

from journeymapper.errors import JourneyMapError
from journeymapper.formats.csv_table import COLUMNS, read_table, write_table


def table_error(text: str) -> str:
    with pytest.raises(JourneyMapError) as caught:
        read_table(text, "cards.csv")
    message = str(caught.value)
    assert "\n" not in message
    return message.removeprefix("cards.csv: ")


def test_writing_gives_utf8_with_a_byte_order_mark_crlf_and_quotes_where_needed():
    data = write_table([["a", 'say "hi"', "two\nlines", "x,y"]])
    assert data.startswith(b"\xef\xbb\xbfid,stage,lane,index,title,")
    assert data.endswith(b'a,"say ""hi""","two\nlines","x,y"\r\n')


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_what_is_written_reads_back_with_any_delimiter(delimiter):
    cells = ["tp-1", "A; B", "x,y", "0", 'say "hi"', "two\r\nlines", "", "-1", "", "", "", "", ""]
    text = write_table([cells], delimiter).decode("utf-8-sig")
    table = read_table(text, "cards.csv")
    assert list(table.headers) == list(COLUMNS)
    assert [row.cells for row in table.rows] == [dict(zip(COLUMNS, cells))]


@pytest.mark.parametrize(
    "text",
    ["title;stage;lane\nA,B;S;L\n", "title\tstage\tlane\nA,B\tS\tL\n", 'title,stage,lane\n"A,B",S,L\n'],
    ids=["semicolon", "tab", "comma"],
)
def test_the_delimiter_is_the_one_that_splits_the_header_into_most_cells(text):
    assert read_table(text, "cards.csv").rows[0].cells == {"title": "A,B", "stage": "S", "lane": "L"}


def test_an_excel_sep_line_names_the_delimiter_and_is_not_counted_as_a_row():
    table = read_table("sep=;\r\ntitle;stage;lane\r\nA,B;S;L\r\n", "cards.csv")
    assert table.rows[0].cells["title"] == "A,B"
    assert table.rows[0].number == 2


def test_header_names_are_read_in_any_case_with_spaces_underscores_or_hyphens():
    table = read_table("ID,Pain  Points,OPPORTUNITIES,Metrics\n", "cards.csv")
    assert list(table.headers) == ["id", "pain points", "opportunities", "metrics"]
    assert table.headers["pain points"] == "Pain  Points"  # errors name the column as the table does
    for header in ("pain_points", "Pain-Points", " pain points "):
        assert list(read_table(f"{header}\n", "cards.csv").headers) == ["pain points"]


def test_rows_are_numbered_as_a_spreadsheet_shows_them_and_blank_rows_skipped():
    table = read_table('title,stage,lane\nA,S,L\n,,\n"two\nlines",S,L\n', "cards.csv")
    assert [(row.number, row.cells["title"]) for row in table.rows] == [(2, "A"), (4, "two\nlines")]


def test_a_short_row_reads_as_if_it_had_its_empty_trailing_cells():
    assert read_table("title,stage,lane\nA,S\n", "cards.csv").rows[0].cells == {"title": "A", "stage": "S", "lane": ""}


def test_every_cell_loses_the_apostrophe_that_guards_it():
    assert read_table("title,stage\n'=1+1,''Tis\n", "c").rows[0].cells == {"title": "=1+1", "stage": "'Tis"}


def test_an_empty_column_with_no_header_is_allowed():
    table = read_table("title,,stage\nA,,S\n", "cards.csv")
    assert table.rows[0].cells == {"title": "A", "stage": "S"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "title,Owner\n",
            'row 1, column "Owner": no card field has this name; the columns are id, stage, lane, index, title, '
            "description, channel, emotion, personas, pain points, opportunities, metrics, tags",
        ),
        ("title,Title\n", 'row 1, column "Title": the table has a title column already'),
        ("title,,stage\nA,x,S\n", "row 2, column 2: a value in a column with no header"),
        (
            "title;stage\nA;S;extra\n",
            "row 2, column 3: the header has 2 columns; is a cell with a delimiter not quoted?",
        ),
        ('title,stage\nA,S\n"open,S\n', "row 3: the quotes around a cell do not match (unexpected end of data)"),
        ('title,stage\n"A"x,S\n', "row 2: the quotes around a cell do not match"),
    ],
)
def test_a_table_that_cannot_be_read_is_refused_naming_the_row_and_column(text, message):
    assert table_error(text).startswith(message)
