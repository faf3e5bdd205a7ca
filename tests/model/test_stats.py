"""Map statistics count cards where they sit and average emotions per stage."""

from journeymapper.model.stats import StageFigures, map_stats


def test_counts_per_stage_lane_and_channel_and_mean_emotion(small_map):
    small_map.update_touchpoint("search", channel="web")
    small_map.update_touchpoint("checkout", channel="web")
    small_map.update_touchpoint("compare", channel="web")
    figures = map_stats(small_map)
    assert (figures.touchpoints, figures.connections) == (4, 3)
    assert figures.stages == (StageFigures("Browse", 2, 0.5), StageFigures("Purchase", 2, -1.0))
    assert figures.lanes == (("Web team", 3), ("Payments", 1), ("Emotions", 0))
    assert figures.channels == (("web", 3), ("(none)", 1))


def test_a_stage_without_emotions_has_no_mean(small_map):
    small_map.update_touchpoint("checkout", emotion=None)
    assert map_stats(small_map).stages[1].mean_emotion is None
