"""A linked map's headline in words: one short line, or a few lines that say it all.

The editor (under a stage header, in a link's tooltip, in the Insights dock) and the ``insights``
report word a roll-up the same way, so they sit here, beside the model and below both. Nothing
here imports the insights themselves: the editor loads those only once a link needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeymapper.counting import counted
from journeymapper.report_text import percent

if TYPE_CHECKING:
    from journeymapper.model.rollups import Headline, HeadlineConversion, RolledLink

KINDS = {
    "customer": "customer journey",
    "user": "user journey",
    "business": "business journey",
    "service_blueprint": "service blueprint",
}


def summary(headline: Headline, kind: bool = True, cards: bool = True) -> str:
    """One line, "User journey · 31 cards · converts 2.28% · 1 dead end"; without the kind where a
    badge beside it already names it, and without the cards where even that is too long (a
    printed header)."""
    parts = [
        _short_conversion(headline.conversion),
        counted(len(headline.dead_ends), "dead end") if headline.dead_ends else "no dead ends",
    ]
    if cards:
        parts.insert(0, counted(headline.cards, "card"))
    if kind:
        parts.insert(0, KINDS[headline.kind].capitalize())
    return " · ".join(parts)


def _short_conversion(conversion: HeadlineConversion | None) -> str:
    return f"converts {rate(conversion)}" if conversion is not None else "conversion not measured"


def rate(conversion: HeadlineConversion | None) -> str:
    """The expected conversion as a figure, "2.28%"; "≤18.3%" when only some steps are measured:
    what they let through is the most the whole path converts. Empty when nothing is measured."""
    if conversion is None:
        return ""
    at_most = "" if conversion.rated_steps == conversion.steps else "≤"
    return f"{at_most}{percent(conversion.rate)}"


def details(headline: Headline, arrow: str = "→") -> list[str]:
    """The whole headline, a line per finding: title, kind and size, conversion with its weakest
    step, lowest moment, dead ends and pain points."""
    kind = KINDS[headline.kind].capitalize()
    lines = [headline.title, f"{kind}, {counted(headline.cards, 'card')}, changed {headline.changed}"]
    lines.append(conversion_line(headline.conversion, arrow))
    moment = headline.lowest_moment
    if moment is None:
        lines.append("Lowest moment: none below neutral")
    else:
        lines.append(f"Lowest moment: {moment.card.title} ({moment.emotion:+d}), in {moment.card.stage}")
    dead_ends = counted(len(headline.dead_ends), "dead end") if headline.dead_ends else "No dead ends"
    lines.append(f"{dead_ends}, {counted(headline.pain_points, 'pain point')}")
    return lines


def conversion_line(conversion: HeadlineConversion | None, arrow: str = "→") -> str:
    if conversion is None:
        return "Conversion: not measured"
    if conversion.rated_steps == conversion.steps:
        figure = f"Converts {percent(conversion.rate)} end to end"
    else:
        figure = (
            f"Converts at most {percent(conversion.rate)}: "
            f"{conversion.rated_steps} of {conversion.steps} steps measured"
        )
    step = conversion.weakest
    return f"{figure}; weakest step: {step.source.title} {arrow} {step.target.title}, {percent(step.rate)}"


def trouble(link: RolledLink) -> str:
    """Why a link has no headline: it is broken, or it leads back to a map on the way here. Empty
    when it has one."""
    if link.cycle:
        return "Cycle: leads back to a map on the way here, not followed again"
    if link.headline is None:
        return f"Broken link ({link.status}): {link.detail}"
    return ""
