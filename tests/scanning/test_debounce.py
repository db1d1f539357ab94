from __future__ import annotations

from labdesk.scanning.debounce import Debouncer


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_same_text_once_while_in_view_and_again_after_a_gap() -> None:
    clock = FakeClock()
    debouncer = Debouncer(3.0, clock=clock)
    assert debouncer.accept("LD1:I:YQ-1")
    for _ in range(100):  # held in view for 10 s: still one scan
        clock.now += 0.1
        assert not debouncer.accept("LD1:I:YQ-1")
    assert debouncer.accept("LD1:S:YP-2")  # another code is not held back
    clock.now += 3.0  # out of view for the whole window
    assert debouncer.accept("LD1:I:YQ-1")
    debouncer.reset()
    assert debouncer.accept("LD1:I:YQ-1")


def test_within_the_window_is_ignored_and_memory_stays_flat() -> None:
    clock = FakeClock()
    debouncer = Debouncer(1.0, clock=clock)
    for i in range(1000):
        clock.now += 2.0
        assert debouncer.accept(f"code {i}")
    assert len(debouncer._last_seen) == 1
    clock.now += 0.99
    assert not debouncer.accept("code 999")
