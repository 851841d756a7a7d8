"""A small desk for real: checker processes marking the same claims at once,
and a window watching. Nothing acknowledged is lost or silently overwritten,
and the window ends showing what the library holds (benchmarks/desk_sim.py;
`make bench` runs the full-size desk)."""

from __future__ import annotations

from benchmarks.desk_sim import simulate


def test_a_small_desk_loses_nothing_and_the_window_catches_up():
    result = simulate(None, checkers=4, seconds=4, watchers=1, think_ms=50, log=lambda *_: None)
    assert result["acknowledged"] > 20
    assert result["lost"] == 0
    assert result["silent_overwrites"] == 0
    assert result["errors"] == 0, result["error_messages"]
    (window,) = result["windows"]
    assert window["shown"], window
    assert window["after_last_ack_s"] < 5
