"""Where the connector labels go, pinned: making ``place_labels`` faster must not move, shorten or
leave out any label.

Each digest is of one placement's every label (its text, its box rounded to a thousandth of a
point, which way it reads, its whole text if shortened) and of the labels left out, in map order.
The maps are the samples, the crowded maps of ``crowded_labels`` at two sizes, and seeded generated
maps from twenty cards to two thousand, with short and long labels, few and many stages, in the
screen's style and the print style and in three text measures (one of them monospaced, so that
many labels are exactly as long as others). A digest that changes means a label moved: that is a
change of the placement rule, to be made on purpose and the digest renewed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from journeymapper.connector_labels import place_labels
from journeymapper.formats import json_format
from journeymapper.formats.pdf.print_style import PRINT_STYLE
from journeymapper.layout import DEFAULT_STYLE, Measure, Style, approximate_measure, compute_layout
from journeymapper.model import JourneyDocument

from crowded_labels import fan, hub, short_lanes, stack
from golden import digest, generated_map

SAMPLES = Path(__file__).parents[1] / "samples"


def wider(text: str, size: float, bold: bool = False) -> float:
    """A font a quarter wider than ``approximate_measure``'s: more labels are shortened."""
    return approximate_measure(text, size, bold) * 1.25


def monospaced(text: str, size: float, bold: bool = False) -> float:
    return 0.6 * size * len(text)


MEASURES: dict[str, Measure] = {"approximate": approximate_measure, "wider": wider, "monospaced": monospaced}
STYLES = {"screen": DEFAULT_STYLE, "print": PRINT_STYLE}


def sample(name: str) -> Callable[[], JourneyDocument]:
    return lambda: json_format.load(SAMPLES / name)


def generated(cards: int, connections: int, seed: int, label_words: int, stages: int) -> Callable[[], JourneyDocument]:
    return lambda: generated_map(cards, connections, seed, label_words, stages)


# The map, the style and the measure of each case.
CASES: dict[str, tuple[Callable[[], JourneyDocument], str, str]] = {
    "first-report, screen": (sample("first-report-user-journey.json"), "screen", "approximate"),
    "first-report, print": (sample("first-report-user-journey.json"), "print", "approximate"),
    "shoe-order, screen": (sample("shoe-order-business-journey.json"), "screen", "approximate"),
    "shoe-order, print": (sample("shoe-order-business-journey.json"), "print", "approximate"),
    "year-one, screen": (sample("year-one-customer-journey.json"), "screen", "approximate"),
    "year-one, print, monospaced": (sample("year-one-customer-journey.json"), "print", "monospaced"),
    "fan of 8": (fan, "screen", "approximate"),
    "fan of 20": (lambda: fan(20), "screen", "wider"),
    "short lanes, 8 by 3": (short_lanes, "screen", "approximate"),
    "short lanes, 12 by 5": (lambda: short_lanes(12, 5), "print", "approximate"),
    "hub of 10": (hub, "screen", "approximate"),
    "hub of 28": (lambda: hub(28), "screen", "monospaced"),
    "stack of 6": (stack, "screen", "approximate"),
    "stack of 12": (lambda: stack(12), "print", "wider"),
    "20 cards, 30 lines": (generated(20, 30, 1, 4, 6), "screen", "approximate"),
    "40 cards, 120 lines, 2 stages": (generated(40, 120, 13, 6, 2), "screen", "approximate"),
    "60 cards, long labels": (generated(60, 90, 2, 8, 6), "screen", "approximate"),
    "60 cards, 200 lines, 3 stages": (generated(60, 200, 3, 2, 3), "screen", "monospaced"),
    "120 cards": (generated(120, 180, 4, 4, 6), "screen", "approximate"),
    "120 cards, print": (generated(120, 180, 4, 4, 6), "print", "approximate"),
    "120 cards, very long labels": (generated(120, 300, 5, 12, 6), "screen", "approximate"),
    "150 cards, 16-word labels": (generated(150, 150, 14, 16, 5), "screen", "wider"),
    "200 cards, 10 stages": (generated(200, 300, 6, 6, 10), "screen", "approximate"),
    "250 cards, 500 lines, 4 stages": (generated(250, 500, 7, 3, 4), "screen", "approximate"),
    "300 cards, 12 stages": (generated(300, 450, 8, 8, 12), "screen", "approximate"),
    "300 cards, 12 stages, wider": (generated(300, 450, 8, 8, 12), "screen", "wider"),
    "400 cards, 8 stages": (generated(400, 600, 9, 4, 8), "screen", "approximate"),
    "400 cards, print, wider": (generated(400, 600, 9, 4, 8), "print", "wider"),
    "500 cards, print": (generated(500, 700, 16, 5, 9), "print", "approximate"),
    "600 cards, the layout's golden map": (generated(600, 900, 15, 4, 6), "screen", "approximate"),
    "600 cards, 12 stages, long labels": (generated(600, 900, 10, 10, 12), "screen", "approximate"),
    "800 cards, 16 stages": (generated(800, 1200, 11, 2, 16), "screen", "monospaced"),
    "1,000 cards, 12 stages": (generated(1000, 1500, 12, 4, 12), "screen", "approximate"),
    "2,000 cards, 24 stages": (generated(2000, 3000, 17, 3, 24), "screen", "approximate"),
}
GOLDEN = {
    "first-report, screen": "b507df1b799de8ad068328b89f618085c6e799be97abfd3384654fcba5db708f",
    "first-report, print": "e8b3ee4aa6fab5ee3e7389c418991256620cd1823f9760b3dbd5bb286dda50e4",
    "shoe-order, screen": "e90b3eed170b11e55259d31c9d07de7ceb3cc285fa140a266a9cd9476a5064b8",
    "shoe-order, print": "9c4292833209074170b5033829d472b44f3580a6917d1eef9406d4e5215c5352",
    "year-one, screen": "87073da486b431c9fb2a7c64d92c69bb99ebc34b026d8bf04e21dee053dc7732",
    "year-one, print, monospaced": "b5aa9599ad0b25d4a57480fc3f2d996fceec87e1ece0a7ed726294085ae88d6a",
    "fan of 8": "9b42718dc3726f6216f3a091ffed5753bf70c50fe7d2a280446b5ccf6d7e04fa",
    "fan of 20": "b838a66a81bde3bbfbd6991b62a14151a1438cdd82029b90f511bace126af48f",
    "short lanes, 8 by 3": "5a340584ff41db7c853290f72b8b253957d98784df2b9fec4b0052f214724ee3",
    "short lanes, 12 by 5": "10044707dc6fc2024c7af0ba41812d653fe928280f5cc3924158ab3569447b21",
    "hub of 10": "82eda4123d80474451814fdef7196ec3b8c303cd36e17f26bc9a0e094d5ece94",
    "hub of 28": "de5fd5bfd208af686e0015911afc88df448b0596ecfede5bb75e94ead054329a",
    "stack of 6": "3c2be92fd8c31504ae098f53ceb53e9338579cf176141784307819c8b7c96aa5",
    "stack of 12": "76c933dbc08c846fbaf855b67a7259ab8c1f302c05f32ec8f7b0a4342e1e39ca",
    "20 cards, 30 lines": "041c500ddb330e4c2f825eff7c5b8dd182e496d78e69513bb4ea811af05ab3be",
    "40 cards, 120 lines, 2 stages": "07dd9e2317067ed778073553ae44e0a84d25d2a00e33727c8bd763260ef18411",
    "60 cards, long labels": "08e8fcd478956be1b20e9a001bad9d68fa3764efdc490091c96d224eae67a6c7",
    "60 cards, 200 lines, 3 stages": "c713b60590fca3ce8951acb78a7fc90842a7e4c17ac5f4f41bfe3b4d75abb5ff",
    "120 cards": "f8a340084e43e9a93cdd31d515efdf67af6f8e4db4d74cef8b1268a99a828c32",
    "120 cards, print": "55e14ca8c53774c0c09bacbfcf6b287eb9a12bdd144b6ac4ffc8bf21035501b7",
    "120 cards, very long labels": "62b9dbc001759a2e7fa05e3c5ad42e14c1f62aab8b060c7ed3150944ebed5fae",
    "150 cards, 16-word labels": "569f6a87b3e1542a4e5764ab53a1b9d664a1861e9e0b41c677e17903337c4d35",
    "200 cards, 10 stages": "ee7ccde90e8d3472eb9a667c30ac8e40bd527a09400ea2a4bb857021031618ab",
    "250 cards, 500 lines, 4 stages": "21ba3f68372bcf657ab3fb1e3524f9156962521e8b277212923ac277a1e12102",
    "300 cards, 12 stages": "686a76a7b52aa875e861ba5174cf1d179fd1288b13bff69f5abf789123b3c638",
    "300 cards, 12 stages, wider": "dff850a90caa8c5729d31f50b76380bbc0448bca332de31e63cb244b276590eb",
    "400 cards, 8 stages": "026b56504c4edde33e4ff56150835a17841d0a306276c85c5c819cb3343947b7",
    "400 cards, print, wider": "5bff6bf757eba07a104c319d2eab78f6d93ece2e4287241687d0318d10bb932c",
    "500 cards, print": "46437fca7d53da30e9adf72cbdff7eaf3b43dfe6162a0cfb957ba67038bb2abd",
    "600 cards, the layout's golden map": "f0077d2ebd88e3dfef4e7b95e84057b94f39931471ca093c155cac3a79c130f0",
    "600 cards, 12 stages, long labels": "6fa5f523fa869baf04a7df45f3d437dac58ab122f526dc1d3e1d24b754ac6ebe",
    "800 cards, 16 stages": "0312e942596dac75646642a2fd329d2b8cc83daf9016d126f0d0e91c5d5ad216",
    "1,000 cards, 12 stages": "510ceefd7447cc6df942417ace5e8f4951ef714c1765e39ba13a2a20d84f069f",
    "2,000 cards, 24 stages": "16e13178e5743b65e2578e35e93e9ed5c11168b942fd46d025eb85c11c607292",
}


def labels_digest(document: JourneyDocument, style: Style, measure: Measure) -> str:
    return digest(place_labels(document, compute_layout(document, style, measure), style, measure))


@pytest.mark.parametrize("case", CASES)
def test_labels_go_where_they_always_have(case):
    build, style, measure = CASES[case]
    assert labels_digest(build(), STYLES[style], MEASURES[measure]) == GOLDEN[case]
