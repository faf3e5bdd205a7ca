"""What was worked out for a state is found again for an equal state; the least recently used goes
first when there is no more room."""

from __future__ import annotations

from journeymapper.editor.recent import Recent


def test_an_equal_key_finds_the_value_worked_out_before_and_a_new_one_works_it_out():
    recent: Recent[tuple[int, ...], str] = Recent(2)
    worked: list[str] = []

    def work(value: str):
        return lambda: worked.append(value) or value

    assert recent.get((1, 2), work("a")) == "a"
    assert recent.get((1, 2), work("again")) == "a"
    assert recent.get((3,), work("b")) == "b"
    assert worked == ["a", "b"]


def test_the_least_recently_used_value_goes_first():
    recent: Recent[int, str] = Recent(2)
    recent.get(1, lambda: "one")
    recent.get(2, lambda: "two")
    recent.get(1, lambda: "not again")  # 1 is now the most recent
    recent.get(3, lambda: "three")  # no room: 2 goes
    assert recent.get(1, lambda: "anew") == "one"
    assert recent.get(2, lambda: "anew") == "anew"
