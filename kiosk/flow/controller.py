"""Drives the pure flow machine: keeps the current state, turns timer effects into deadlines read from a
Clock port, and hands every other effect to the outside (the UI's view-model, or a headless runner).

`tick()` is called often (the UI calls it from a timer); it sends `IdleWarningDue`, `IdleExpired` and
`ResultTimeout` when the clock passes their deadlines, so tests move a FakeClock instead of waiting.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.flow.machine import (
    ArmTimer,
    AttractTimeout,
    DisarmTimer,
    Effect,
    Event,
    FlowState,
    IdleExpired,
    IdleWarningDue,
    ResultTimeout,
    Timer,
    transition,
)
from kiosk.ports import Clock


class FlowController:
    def __init__(
        self,
        state: FlowState,
        clock: Clock,
        *,
        idle_timeout_seconds: float,
        idle_warning_seconds: float,
        result_seconds: float,
        on_effect: Callable[[Effect], None],
        on_change: Callable[[FlowState, FlowState], None] | None = None,
        easy_idle_factor: float = 1.0,
    ) -> None:
        if idle_warning_seconds >= idle_timeout_seconds:
            raise ValueError("the idle warning must come before the idle timeout")
        if easy_idle_factor < 1.0:
            raise ValueError("easy mode never gives less time")
        self.state = state
        self.clock = clock
        self._idle_timeout = idle_timeout_seconds
        self._idle_warning = idle_warning_seconds
        self.easy_idle_factor = easy_idle_factor
        self.result_seconds = result_seconds
        self._on_effect = on_effect
        self._on_change = on_change
        self._deadlines: dict[Timer, float] = {}

    @property
    def idle_timeout(self) -> float:
        """Seconds of no touch before a reset; longer in easy mode."""
        return self._idle_timeout * (self.easy_idle_factor if self.state.easy else 1.0)

    @property
    def idle_warning(self) -> float:
        """Seconds before the reset that the warning shows; longer in easy mode too."""
        return self._idle_warning * (self.easy_idle_factor if self.state.easy else 1.0)

    def send(self, event: Event) -> FlowState:
        old = self.state
        new, effects = transition(old, event)
        self.state = new
        for effect in effects:
            if isinstance(effect, ArmTimer):
                self._deadlines[effect.timer] = self.clock.monotonic() + self._seconds(effect.timer)
            elif isinstance(effect, DisarmTimer):
                self._deadlines.pop(effect.timer, None)
        if self._on_change is not None and new is not old:
            self._on_change(old, new)
        for effect in effects:
            if not isinstance(effect, ArmTimer | DisarmTimer):
                self._on_effect(effect)
        return new

    def _seconds(self, timer: Timer) -> float:
        if timer is Timer.IDLE:
            return self.idle_timeout
        if timer is Timer.RESULT:
            # Easy mode: the order number stays until touched, up to the (easy mode's) idle limit.
            return max(self.result_seconds, self.idle_timeout) if self.state.easy else self.result_seconds
        return self._idle_timeout  # Timer.ATTRACT: a choice left on the attract screen

    def seconds_left(self, timer: Timer) -> float | None:
        deadline = self._deadlines.get(timer)
        return None if deadline is None else max(0.0, deadline - self.clock.monotonic())

    def tick(self) -> None:
        now = self.clock.monotonic()
        idle = self._deadlines.get(Timer.IDLE)
        if idle is not None:
            if now >= idle:
                self._deadlines.pop(Timer.IDLE, None)
                self.send(IdleExpired())
            elif now >= idle - self.idle_warning and not self.state.idle_warning:
                self.send(IdleWarningDue())
        for timer, event in ((Timer.RESULT, ResultTimeout), (Timer.ATTRACT, AttractTimeout)):
            deadline = self._deadlines.get(timer)
            if deadline is not None and now >= deadline:
                self._deadlines.pop(timer, None)
                self.send(event())
