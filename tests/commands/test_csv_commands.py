"""``journeymapper csv`` and ``journeymapper from-csv``: tables out, maps in, one-line errors."""

from __future__ import annotations

import subprocess
import sys

from journeymapper.cli import main
from journeymapper.formats import json_format
from journeymapper.formats.csv_cards import dumps_csv

from support import SAMPLES

SAMPLE = SAMPLES[-1]  # the year-one customer journey


def run(*arguments: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "journeymapper", *arguments], capture_output=True, timeout=120)


def test_csv_prints_the_table_without_an_output():
    result = run("csv", str(SAMPLE))
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout == dumps_csv(json_format.load(SAMPLE))


def test_csv_writes_the_output_file_with_the_delimiter_asked_for(tmp_path, capsys):
    target = tmp_path / "tables" / "cards.csv"
    assert main(["csv", str(SAMPLE), "-o", str(target), "--delimiter", "semicolon"]) == 0
    assert target.read_bytes() == dumps_csv(json_format.load(SAMPLE), ";")
    assert capsys.readouterr().out == ""


def test_csv_never_writes_over_the_map_it_reads_without_force(tmp_path, capsys):
    source = tmp_path / "map.json"
    source.write_bytes(SAMPLE.read_bytes())
    assert main(["csv", str(source), "-o", str(source)]) == 1
    assert "is the file this command reads" in capsys.readouterr().err
    assert source.read_bytes() == SAMPLE.read_bytes()


def test_from_csv_makes_a_map_and_says_what_it_made(tmp_path, capsys):
    table = tmp_path / "cards.csv"
    table.write_text("Stage;Lane;Title;Personas\nDiscover;Marketing;Sees the ad;Bea\nBuy;Web;Pays;Bea\n")
    assert main(["from-csv", str(table), "-o", str(tmp_path / "map.json"), "--kind", "user", "--title", "Shop"]) == 0
    assert (
        capsys.readouterr().out
        == f"{tmp_path / 'map.json'}: user map with 2 stages, 2 lanes, 2 touchpoints and 1 persona\n"
    )
    document = json_format.load(tmp_path / "map.json")
    assert (document.title, document.kind.value) == ("Shop", "user")


def test_from_csv_writes_the_map_to_standard_output_for_a_dash(tmp_path, capsys):
    (tmp_path / "cards.csv").write_text("stage,lane,title\nS,L,a\n")
    assert main(["from-csv", str(tmp_path / "cards.csv"), "-o", "-"]) == 0
    assert json_format.loads(capsys.readouterr().out).title == "Cards"


def test_from_csv_does_not_overwrite_a_file_without_force(tmp_path, capsys):
    (tmp_path / "cards.csv").write_text("stage,lane,title\nS,L,a\n")
    (tmp_path / "map.json").write_text("mine")
    assert main(["from-csv", str(tmp_path / "cards.csv"), "-o", str(tmp_path / "map.json")]) == 1
    assert "map.json: already exists (use --force to overwrite)" in capsys.readouterr().err
    assert (tmp_path / "map.json").read_text() == "mine"


def test_from_csv_update_writes_the_map_with_the_rows_applied(tmp_path, capsys):
    (tmp_path / "numbers.csv").write_text("id,metrics\ntp-kickoff-call,Signature to kickoff=7 days\n")
    output = tmp_path / "updated.json"
    assert main(["from-csv", str(tmp_path / "numbers.csv"), "--update", str(SAMPLE), "-o", str(output)]) == 0
    assert capsys.readouterr().out == f"{output}: 1 touchpoint changed, 0 added\n"
    assert json_format.load(output).touchpoint("tp-kickoff-call").metrics["Signature to kickoff"].value == 7


def test_from_csv_update_replaces_the_map_itself_only_with_force(tmp_path, capsys):
    source = tmp_path / "map.json"
    source.write_bytes(SAMPLE.read_bytes())
    (tmp_path / "numbers.csv").write_text("id,emotion\ntp-kickoff-call,-1\n")
    arguments = ["from-csv", str(tmp_path / "numbers.csv"), "--update", str(source), "-o", str(source)]
    assert main(arguments) == 1
    assert "is the file this command reads" in capsys.readouterr().err
    assert source.read_bytes() == SAMPLE.read_bytes()
    assert main([*arguments, "--force"]) == 0
    assert json_format.load(source).touchpoint("tp-kickoff-call").emotion == -1


def test_the_table_of_a_map_applied_to_it_changes_nothing(tmp_path):
    assert main(["csv", str(SAMPLE), "-o", str(tmp_path / "cards.csv")]) == 0
    assert (
        main(["from-csv", str(tmp_path / "cards.csv"), "--update", str(SAMPLE), "-o", str(tmp_path / "map.json")]) == 0
    )
    assert json_format.load(tmp_path / "map.json") == json_format.load(SAMPLE)


def test_kind_and_title_are_refused_with_update(tmp_path, capsys):
    (tmp_path / "cards.csv").write_text("id,emotion\ntp-kickoff-call,2\n")
    arguments = ["from-csv", str(tmp_path / "cards.csv"), "--update", str(SAMPLE), "-o", "-", "--kind", "user"]
    assert main(arguments) == 1
    assert (
        capsys.readouterr().err == "journeymapper: --kind and --title are for a new map; --update keeps the map's own\n"
    )


def test_a_bad_row_is_one_line_and_nothing_is_written(tmp_path):
    source = tmp_path / "map.json"
    source.write_bytes(SAMPLE.read_bytes())
    (tmp_path / "cards.csv").write_text("id,emotion\ntp-kickoff-call,1\ntp-welcome-email,very sad\n")
    result = run("from-csv", str(tmp_path / "cards.csv"), "--update", str(source), "-o", str(source), "--force")
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f'journeymapper: {tmp_path / "cards.csv"}: row 3, column "emotion": must be a whole number from -2 to 2, '
        "found 'very sad'\n"
    )
    assert source.read_bytes() == SAMPLE.read_bytes()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cards.csv", "map.json"]
