"""Every file of the public JSONTestSuite corpus ends in a clean, one-line error: none is a map."""

from __future__ import annotations

import pytest

from journeymapper.errors import JourneyMapError
from journeymapper.formats.json_format import load

from support import JSON_TEST_SUITE

CORPUS = sorted(JSON_TEST_SUITE.glob("*.json"))


def test_the_corpus_is_there_in_the_repository():
    assert len(CORPUS) >= 300
    assert (JSON_TEST_SUITE / "LICENSE").is_file()


@pytest.mark.parametrize("path", CORPUS, ids=[path.name for path in CORPUS])
def test_loader_refuses_with_one_line_naming_the_file(path):
    with pytest.raises(JourneyMapError) as caught:
        load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message and len(message) < 400
