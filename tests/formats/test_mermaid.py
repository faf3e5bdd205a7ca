"""Mermaid journey diagrams: reading them as maps, writing maps as them, and the round trip."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.formats.mermaid import dumps_mermaid, load_mermaid, loads_mermaid
from journeymapper.layout import compute_layout
from journeymapper.model import JourneyDocument, JourneyMapFile, Lane, LaneKind, Persona, Stage, Touchpoint

from support import SAMPLES, build_small_map

WORKING_DAY = """\
journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""


def read(text: str, **options) -> JourneyDocument:
    return loads_mermaid(textwrap.dedent(text), "draft.mmd", **options)


def stages(document: JourneyDocument) -> list[str]:
    return [stage.name for stage in document.stages.values()]


def cards(document: JourneyDocument) -> list[tuple[str, str, int | None, list[str]]]:
    """(stage, title, emotion, persona names) per touchpoint, in document order."""
    return [
        (
            document.stages[card.stage].name,
            card.title,
            card.emotion,
            [document.personas[persona].name for persona in card.personas],
        )
        for card in document.touchpoints()
    ]


def read_error(text: str) -> str:
    with pytest.raises(JourneyMapError) as caught:
        read(text)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("draft.mmd: ")
    return message.removeprefix("draft.mmd: ")


# -- reading --------------------------------------------------------------------------------------


def test_sections_become_stages_and_tasks_touchpoints_with_emotion_score_minus_three():
    document = read(WORKING_DAY)
    assert (document.title, document.kind) == ("My working day", "user")
    assert stages(document) == ["Go to work", "Go home"]
    assert cards(document) == [
        ("Go to work", "Make tea", 2, ["Me"]),
        ("Go to work", "Go upstairs", 0, ["Me"]),
        ("Go to work", "Do work", -2, ["Me", "Cat"]),
        ("Go home", "Go downstairs", 2, ["Me"]),
        ("Go home", "Sit down", 2, ["Me"]),
    ]


def test_tasks_sit_in_one_actions_lane_beside_an_emotions_lane_that_draws_the_curve():
    document = read(WORKING_DAY)
    assert [(lane.name, lane.kind) for lane in document.lanes.values()] == [
        ("Actions", LaneKind.ACTIONS),
        ("Emotions", LaneKind.EMOTIONS),
    ]
    assert {card.lane for card in document.touchpoints()} == {"lane-actions"}
    assert [point.value for point in compute_layout(document).emotion_curves[None]] == [0.0, 2.0]


def test_consecutive_tasks_are_joined_by_flow_connections_in_the_order_written():
    document = read(WORKING_DAY)
    steps = [(link.source, link.target, link.kind) for link in document.connections()]
    assert steps == [
        ("tp-make-tea", "tp-go-upstairs", "flow"),
        ("tp-go-upstairs", "tp-do-work", "flow"),
        ("tp-do-work", "tp-go-downstairs", "flow"),
        ("tp-go-downstairs", "tp-sit-down", "flow"),
    ]


def test_ids_are_readable_slugs_made_unique_and_the_map_id_comes_from_the_title():
    document = read("""
        journey
          title Café day
          section Go
            Make tea: 5: Me
            Make tea: 4: me
            茶: 3: Ana
            茶: 3
          section Go
    """)
    assert list(document.stages) == ["stage-go", "stage-go-2"]
    assert [card.id for card in document.touchpoints()] == ["tp-make-tea", "tp-make-tea-2", "tp", "tp-2"]
    assert list(document.personas) == ["persona-me", "persona-me-2", "persona-ana"]
    assert document.id.startswith("cafe-day-") and document.id != read("journey\n title Café day").id


def test_the_kind_is_user_unless_told():
    assert read(WORKING_DAY, kind="customer").kind == "customer"


def test_tasks_before_any_section_go_into_a_first_stage():
    document = read("""
        journey
          Wake up: 2: Me
          section Go to work
            Make tea: 5: Me
    """)
    assert cards(document)[:2] == [("Steps", "Wake up", -1, ["Me"]), ("Go to work", "Make tea", 2, ["Me"])]


def test_tasks_may_have_no_actors_and_actors_are_trimmed_and_deduplicated():
    document = read("""
        journey
          section S
            Alone: 3
            Empty list: 3:
            Crowd: 4:Me ,  Cat,,Me
    """)
    assert cards(document) == [("S", "Alone", 0, []), ("S", "Empty list", 0, []), ("S", "Crowd", 1, ["Me", "Cat"])]


def test_comments_blank_lines_indentation_and_directives_are_skipped():
    document = read("""
        %%{init: {'theme': 'forest'}}%%
        %% a draft for the review
        journey

        \ttitle Ordering   # kept short
          %% the first section
          section Browse  # the shop
        Search: 4: Ana # what she does first
          %Mermaid's lexer takes this for a comment: 1: Ana
          x%% and this: 1: Ana
    """)
    assert (document.title, stages(document), cards(document)) == (
        "Ordering",
        ["Browse"],
        [("Browse", "Search", 1, ["Ana"])],
    )


def test_acc_title_gives_a_title_only_when_there_is_none_and_acc_descr_the_description():
    document = read("""
        journey
          accTitle: The accessible title
          accDescr: What this journey shows
    """)
    assert (document.title, document.info.description) == ("The accessible title", "What this journey shows")
    assert read("journey\n accTitle: Other\n title Shown").title == "Shown"


def test_a_multiline_acc_descr_keeps_its_lines_without_their_indentation():
    document = read("""
        journey
          accDescr {
            Two lines
              of text
          }
          section S
    """)
    assert (document.info.description, stages(document)) == ("Two lines\nof text", ["S"])
    assert read("journey\n accDescr { one line } \n section S").info.description == "one line"


def test_entity_codes_are_read_as_the_characters_they_stand_for():
    document = read("""
        journey
          title Q#59; A #35;1
          section Pay#58; card
            Alert posts at 11#58;40 #quot;late#quot;: 2: Ops#44; night shift, #9829;
    """)
    assert document.title == "Q; A #1"
    assert cards(document) == [("Pay: card", 'Alert posts at 11:40 "late"', -1, ["Ops, night shift", "♥"])]


def test_front_matter_is_skipped_and_gives_a_title():
    document = read("""
        ---
        title: "From front matter"
        config:
          theme: forest
        ---
        journey
          section S
    """)
    assert (document.title, stages(document)) == ("From front matter", ["S"])


def test_a_markdown_file_is_read_through_its_first_mermaid_journey_block(tmp_path):
    markdown = textwrap.dedent("""\
        # Checkout research

        ```python
        print("journey")
        ```

        ```mermaid
        flowchart LR
          A --> B
        ```

        ~~~mermaid
        journey
          title From the notes
          section Pay
            Enter card: 2: Bea
        ~~~

        ```mermaid
        journey
          title A second journey, not read
        ```
    """)
    (tmp_path / "notes.md").write_text(markdown, encoding="utf-8")
    document = load_mermaid(tmp_path / "notes.md")
    assert (document.title, cards(document)) == ("From the notes", [("Pay", "Enter card", -1, ["Bea"])])


def test_errors_in_a_markdown_block_name_the_line_of_the_file():
    markdown = "# Notes\n\n```mermaid\njourney\n  section S\n    Pay: 7: Bea\n```\n"
    assert read_error(markdown) == "line 6: a task's score must be a whole number from 1 to 5, found '7'"


# -- as Mermaid's own detector, lexer, preprocessing and journeyDb read a diagram -----------------


@pytest.mark.parametrize("header", ["Journey", "JOURNEY", "  Journey"])
def test_the_header_is_journey_in_lower_case_as_mermaid_s_detector_wants(header):
    # journeyDetector.ts: txt.match(/^\s*journey/), with no "i" flag; the lexer alone would not care.
    assert read_error(f"{header}\n  section S") == (
        f"line 1: {NOT_JOURNEY}, found {header.strip()!r} (Mermaid knows a journey only by 'journey' in lower case)"
    )


def test_a_markdown_block_headed_journey_in_capitals_is_no_journey():
    assert read_error("```mermaid\nJourney\n  section S\n```\n") == "none of its mermaid blocks is a journey diagram"


def test_a_statement_may_follow_journey_on_its_line_as_mermaid_s_lexer_allows():
    # journey.jison: "journey" is a token of its own, whitespace is skipped, and a line is a statement.
    assert read("journey title Adding journey diagram functionality to mermaid").title == (
        "Adding journey diagram functionality to mermaid"
    )
    assert cards(read("journey   Wake up: 2: Me\n  section Work")) == [("Steps", "Wake up", -1, ["Me"])]


@pytest.mark.parametrize("score", ["5", "05", "+5", "5.0", " 5 ", "5e0", "0x5", "50e-1"])
def test_a_score_is_read_as_javascript_s_number_reads_it(score):
    # journeyDb.addTask: score = Number(pieces[0]).
    assert cards(read(f"journey\n section S\n  Pay: {score}: Bea")) == [("S", "Pay", 2, ["Bea"])]


def test_the_tasks_of_mermaid_s_journey_spec_read_as_its_journey_db_reads_them():
    # parser/journey.spec.ts, "should handle a task definition" (its E task and the rest: an empty actor
    # list, which Mermaid keeps as one empty name and a map as no persona).
    document = read(
        "journey\ntitle Adding journey diagram functionality to mermaid\nsection Documentation\n"
        "A task: 5: Alice, Bob, Charlie\nB task: 3:Bob, Charlie\nC task: 5\nD task: 5: Charlie, Alice\n"
        "E task: 5:\nsection Another section\nP task: 5:\nQ task: 5:\nR task: 5:"
    )
    assert cards(document) == [
        ("Documentation", "A task", 2, ["Alice", "Bob", "Charlie"]),
        ("Documentation", "B task", 0, ["Bob", "Charlie"]),
        ("Documentation", "C task", 2, []),
        ("Documentation", "D task", 2, ["Charlie", "Alice"]),
        ("Documentation", "E task", 2, []),
        ("Another section", "P task", 2, []),
        ("Another section", "Q task", 2, []),
        ("Another section", "R task", 2, []),
    ]


FRONT = "---\n{}\n---\njourney\n  section S"


@pytest.mark.parametrize(
    ("yaml_line", "title"),
    [
        ("title: 'It''s mine'", "It's mine"),
        ("title: Plan for Q3  # a draft", "Plan for Q3"),
        ('title: "Tab\\there, caf\\u00e9"', "Tab\there, café"),
        ("title: No", "No"),  # YAML 1.2, as js-yaml: "No" is text, not false
        ("title: 2024", "2024"),
        ("title: ''", ""),
        ("config:\n  theme: forest", ""),
    ],
)
def test_front_matter_is_read_as_yaml(yaml_line, title):
    # diagram-api/frontmatter.ts: js-yaml with its JSON schema; a title is kept when it is truthy.
    assert read(FRONT.format(yaml_line)).title == (title or "Untitled journey")


def test_front_matter_that_is_not_yaml_is_refused_with_its_line():
    assert read_error("---\ntitle: ok\nconfig: [unclosed\n---\njourney") == (
        "line 3: front matter is not valid YAML: expected ',' or ']', but got '<stream end>'"
    )


def test_a_directive_is_cut_out_wherever_it_stands_as_mermaid_s_preprocessing_does():
    # preprocess.ts removes directives from the whole text before the lexer sees a comment.
    document = read("""
        journey
          section Browse %%{init: {'theme': 'forest'}}%%and buy
          %%{init: {'theme': 'dark'}}%% Search: 4: Ana
    """)
    assert cards(document) == [("Browse and buy", "Search", 1, ["Ana"])]


def test_a_directive_across_lines_keeps_the_line_numbers_of_what_follows():
    text = "%%{init: {\n  'theme': 'forest'\n}}%%\njourney\n  section S\n    Pay: 9: Bea"
    assert read_error(text) == f"line 6: {SCORE}, found '9'"


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("#65;", "A"),
        ("#0065;", "A"),
        ("#amp;", "&"),
        ("#hearts;", "♥"),
        ("#nosuchname;", "&nosuchname;"),  # HTML keeps an unknown name as it stands
        ("#0;", "\ufffd"),
        ("#1114112;", "\ufffd"),
        ("#55296;", "\ufffd"),  # a surrogate
        ("#128;", "€"),  # HTML reads 128 to 159 as windows-1252
        ("#99999999999;", "\ufffd"),
    ],
)
def test_entity_codes_are_shown_as_html_shows_what_mermaid_makes_of_them(code, shown):
    # Mermaid turns #65; into &#65; and #name; into &name; and leaves them to the browser.
    assert read(f"journey\n  title x{code}y").title == f"x{shown}y"


SCORE = "a task's score must be a whole number from 1 to 5"
TASK = "expected a task 'name: score' or 'name: score: actors'"
NOT_JOURNEY = "not a Mermaid journey: expected 'journey' first"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("journey\n section S\n  Pay: 0: Bea", f"line 3: {SCORE}, found '0'"),
        ("journey\n section S\n  Pay: 6", f"line 3: {SCORE}, found '6'"),
        ("journey\n section S\n  Pay: 5.5: Bea", f"line 3: {SCORE}, found '5.5'"),
        ("journey\n section S\n  Pay: five: Bea", f"line 3: {SCORE}, found 'five'"),
        ("journey\n section S\n  Pay: 0x6", f"line 3: {SCORE}, found '0x6'"),
        ("journey\n section S\n  Pay: : Bea", f"line 3: {SCORE}, found ''"),
        ("journey\n section S\n  Pay 5 Bea", f"line 3: {TASK}, found 'Pay 5 Bea'"),
        (
            "journey\n  Issue #12: 3",
            f"line 2: {TASK}, found 'Issue' (the text after '#' is a comment: write #35; for a '#')",
        ),
        ("journey\n  : 3: Bea", "line 2: a task needs a name before ':'"),
        (
            "journey\n  Pay: 3: Bea: Cat",
            "line 2: too many ':' in a task 'name: score: actors' (write #58; for a colon)",
        ),
        ("journey\n  section Pay: now", "line 2: a section name cannot contain ':' (write #58; for a colon)"),
        ("journey\n  section", "line 2: 'section' needs text after it"),
        ("journey\n  title", "line 2: 'title' needs text after it"),
        ("journey\n  accTitle:", "line 2: 'accTitle:' needs text after it"),
        ("journey\n  Pay; then leave: 3", "line 2: ';' is not allowed in a journey (write #59; for a semicolon)"),
        (
            "journey\n  Journey planning: 3",
            (
                "line 2: a statement cannot start with 'Journey': Mermaid reads it as "
                "the diagram's keyword (write #74; for the 'J')"
            ),
        ),
        ("journey\n  accDescr {\n  never closed", "line 2: 'accDescr {' is not closed by '}'"),
        ("Our journey\njourney\n  section S", f"line 1: {NOT_JOURNEY}, found 'Our journey'"),
        ("\n%% just a comment\nflowchart LR", f"line 3: {NOT_JOURNEY}, found 'flowchart LR'"),
        ("%% nothing but a comment", "not a Mermaid journey: no 'journey' line"),
        ("", "empty: expected a Mermaid journey diagram"),
        (" \n\t\n", "empty: expected a Mermaid journey diagram"),
        ("Text\n```mermaid\nflowchart LR\n```\n", "none of its mermaid blocks is a journey diagram"),
        (f"journey\n section S\n  {'x' * 501}: 3", "line 3: title: String should have at most 500 characters"),
    ],
)
def test_what_is_not_a_valid_journey_is_refused_with_its_line(text, message):
    assert read_error(text) == message


def test_a_file_that_is_not_utf8_is_refused_with_its_place(tmp_path):
    (tmp_path / "bad.mmd").write_bytes(b"journey\n  section Caf\xe9\n")
    with pytest.raises(JourneyMapError, match=r"bad.mmd: line 2, column 14: invalid UTF-8 byte 0xe9"):
        load_mermaid(tmp_path / "bad.mmd")


# -- writing --------------------------------------------------------------------------------------


def test_a_small_map_is_written_stage_by_stage_and_lane_by_lane():
    assert dumps_mermaid(build_small_map()) == textwrap.dedent("""\
        journey
            title Checkout
            section Browse
              Compare sizes: 3: Bea
              Search for shoes: 4: Bea
            section Purchase
              Checkout: 2: Bea
              Charge card: 3: Payments
    """)


Step = tuple[int, str, int | None, tuple[str, ...]]  # stage position, title, emotion, persona names


def map_of(
    title: str = "Map",
    description: str = "",
    steps: tuple[Step, ...] = (),
    stage_names: tuple[str, ...] = ("Stage",),
    lane_name: str = "Team",
) -> JourneyDocument:
    """A map with the given stages, one lane, and a card per step."""
    names = list(dict.fromkeys(name for *_, personas in steps for name in personas))
    return JourneyDocument.from_file(
        JourneyMapFile(
            id="m",
            title=title,
            kind="user",
            description=description,
            personas=[Persona(id=f"p{number}", name=name) for number, name in enumerate(names)],
            stages=[Stage(id=f"s{number}", name=name) for number, name in enumerate(stage_names)],
            lanes=[Lane(id="lane", name=lane_name)],
            touchpoints=[
                Touchpoint(
                    id=f"t{number}",
                    stage=f"s{stage}",
                    lane="lane",
                    index=number,
                    title=card_title,
                    emotion=emotion,
                    personas=[f"p{names.index(name)}" for name in personas],
                )
                for number, (stage, card_title, emotion, personas) in enumerate(steps)
            ],
        )
    )


def test_separators_and_keywords_are_written_as_entity_codes_and_lines_joined():
    document = map_of(
        title="Q3: pay; #1",
        description="Line one\nline two; 100%% sure",
        stage_names=("Pay: card #2",),
        steps=(
            (0, "Alert: 11:40\nthen #3; <br>", 1, ("Ops, night: shift",)),
            (0, "Title deed signed", None, ()),
            (0, "%% done", -2, ("   ",)),
        ),
    )
    assert dumps_mermaid(document).splitlines() == [
        "journey",
        "    title Q3: pay#59; #35;1",
        "    accDescr: Line one line two#59; 100%#37; sure",
        "    section Pay#58; card #35;2",
        "      Alert#58; 11#58;40 then #35;3#59; #60;br>: 4: Ops#44; night#58; shift",
        "      #84;itle deed signed: 3: Team",
        "      #37;#37; done: 1: Untitled",
    ]


def test_control_characters_are_written_as_entity_codes_and_read_back():
    title = "Q3 \x1b]0;owned\x07 review\x9b"
    document = map_of(title=title, stage_names=("\x1b[2JPay",), steps=((0, "Charge\x7f", 0, ()),))
    text = dumps_mermaid(document)
    assert not any((char < " " and char != "\n") or "\x7f" <= char <= "\x9f" for char in text)
    assert "title Q3 #27;]0#59;owned#7; review\n" in text  # HTML would show #155; as "›": it is left out
    again = loads_mermaid(text)
    assert again.title == "Q3 \x1b]0;owned\x07 review"
    assert [stage.name for stage in again.stages.values()] == ["\x1b[2JPay"]


def test_empty_names_are_written_untitled_actors_included():
    document = map_of(title="", stage_names=("",), lane_name=" ", steps=((0, " \n", 0, ()),))
    assert dumps_mermaid(document) == "journey\n    section Untitled\n      Untitled: 3: Untitled\n"


def test_a_stage_with_no_cards_is_an_empty_section_that_reads_back():
    document = map_of(stage_names=("Empty", "Full", "Also empty"), steps=((1, "Step", 0, ()),))
    text = dumps_mermaid(document)
    assert text.splitlines()[2:] == [
        "    section Empty",
        "    section Full",
        "      Step: 3: Team",
        "    section Also empty",
    ]
    assert stages(loads_mermaid(text)) == ["Empty", "Full", "Also empty"]


# -- the round trip -------------------------------------------------------------------------------


def clean(name: str) -> str:
    return " ".join(name.translate(dict.fromkeys([0, *range(0x80, 0xA0)])).split())


def expected_cards(document: JourneyDocument) -> list[tuple[str, str, int, list[str]]]:
    """What reading the written diagram gives back: see ``journeymapper.formats.mermaid``."""
    expected = []
    for card in document.touchpoints():
        names = [document.personas[persona].name for persona in card.personas] or [document.lanes[card.lane].name]
        actors = list(dict.fromkeys(clean(name) or "Untitled" for name in names))
        stage = clean(document.stages[card.stage].name) or "Untitled"
        expected.append((stage, clean(card.title) or "Untitled", card.emotion or 0, actors))
    return expected


def assert_round_trip(document: JourneyDocument) -> None:
    again = loads_mermaid(dumps_mermaid(document))
    assert stages(again) == [clean(stage.name) or "Untitled" for stage in document.stages.values()]
    assert cards(again) == expected_cards(document)
    assert (again.title, again.info.description) == (
        clean(document.title) or "Untitled journey",
        clean(document.info.description),
    )


@pytest.mark.parametrize("path", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_the_samples_come_back_with_stages_titles_emotions_and_personas(path):
    document = json_format.load(path)
    assert_round_trip(document)
    again = loads_mermaid(dumps_mermaid(document))
    tagged = {document.personas[persona].name for card in document.touchpoints() for persona in card.personas}
    assert tagged <= {persona.name for persona in again.personas.values()}


# Text that Mermaid reads as structure, besides anything hypothesis thinks of.
PIECES = [
    ":",
    ";",
    ",",
    "#",
    "#35;",
    "#quot;",
    "%",
    "%%",
    "<br>",
    "{",
    "}",
    "\n",
    " ",
    "title ",
    "Section ",
    "journey",
    "accTitle",
    "accDescr {",
    "5",
    "é",
    "“",
]
names = st.text(max_size=12) | st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=6).map("".join)


@st.composite
def journey_maps(draw) -> JourneyDocument:
    stage_names = tuple(draw(st.lists(names, min_size=1, max_size=4)))
    people = draw(st.lists(names, max_size=3))
    steps = tuple(
        (
            draw(st.integers(0, len(stage_names) - 1)),
            draw(names),
            draw(st.none() | st.integers(-2, 2)),
            tuple(draw(st.lists(st.sampled_from(people), unique=True))) if people else (),
        )
        for _ in range(draw(st.integers(0, 8)))
    )
    return map_of(draw(names), draw(names), steps, stage_names, draw(names))


@settings(max_examples=200, deadline=None)
@given(journey_maps())
def test_any_map_comes_back_with_stages_titles_emotions_and_actors(document):
    assert_round_trip(document)
