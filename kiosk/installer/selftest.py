"""The self-test: one check per device or area, each ending 정상 / 확인 필요 / 안 됨 with one line of
what to do, in Korean and English.

A `Check` is a name, a title and a function returning a `CheckResult`. `run_checks` runs them on worker
threads (one each: a slow network check never holds up the printer's answer) and hands every result to
`on_result` as soon as it is in, so a screen shows the first results at once. A check that raises or
overruns its time is reported as 안 됨 / 확인 필요, never as a traceback.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    OK = "ok"  # 정상
    CHECK = "check"  # 확인 필요: works, or could not be told, and a person should look
    FAIL = "fail"  # 안 됨

    @property
    def korean(self) -> str:
        return {"ok": "정상", "check": "확인 필요", "fail": "안 됨"}[self.value]

    @property
    def english(self) -> str:
        return {"ok": "OK", "check": "Check", "fail": "Not working"}[self.value]


_RANK = {Outcome.OK: 0, Outcome.CHECK: 1, Outcome.FAIL: 2}


def worst(outcomes: Iterable[Outcome]) -> Outcome:
    result = Outcome.OK
    for o in outcomes:
        if _RANK[o] > _RANK[result]:
            result = o
    return result


@dataclass(frozen=True)
class CheckResult:
    check: str  # the check's id: "printer", "network", ...
    outcome: Outcome
    found: str  # what was found, plain words (Korean)
    todo_ko: str  # one line: what to do ("" when nothing)
    todo_en: str
    details: tuple[str, ...] = ()  # further lines (addresses, figures); never a secret
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)  # machine-readable figures (JSON-safe)
    found_en: str = ""  # what was found, in English ("" for a result written before it existed: shows `found`)

    def to_json(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "outcome": self.outcome.value,
            "label": self.outcome.korean,
            "found": self.found,
            "found_en": self.found_en,
            "todo_ko": self.todo_ko,
            "todo_en": self.todo_en,
            "details": list(self.details),
            "seconds": round(self.seconds, 3),
            "extra": self.extra,
        }

    @staticmethod
    def from_json(doc: dict[str, Any]) -> CheckResult:
        return CheckResult(
            str(doc["check"]),
            Outcome(doc["outcome"]),
            str(doc.get("found", "")),
            str(doc.get("todo_ko", "")),
            str(doc.get("todo_en", "")),
            tuple(str(d) for d in doc.get("details", [])),
            float(doc.get("seconds", 0.0)),
            dict(doc.get("extra", {})),
            str(doc.get("found_en", "")),
        )


# What a check found: (Korean, English), like the "what to do" line; a lone string is a device's own words
# (a printer's status message), shown as it is in both languages.
Found = str | tuple[str, str]


def _found(found: Found) -> tuple[str, str]:
    return (found, found) if isinstance(found, str) else found


def ok(check: str, found: Found, *details: str, **extra: Any) -> CheckResult:
    ko, en = _found(found)
    return CheckResult(check, Outcome.OK, ko, "", "", tuple(details), extra=extra, found_en=en)


def needs_check(check: str, found: Found, todo_ko: str, todo_en: str, *details: str, **extra: Any) -> CheckResult:
    ko, en = _found(found)
    return CheckResult(check, Outcome.CHECK, ko, todo_ko, todo_en, tuple(details), extra=extra, found_en=en)


def fail(check: str, found: Found, todo_ko: str, todo_en: str, *details: str, **extra: Any) -> CheckResult:
    ko, en = _found(found)
    return CheckResult(check, Outcome.FAIL, ko, todo_ko, todo_en, tuple(details), extra=extra, found_en=en)


@dataclass(frozen=True)
class Check:
    id: str
    title_ko: str
    title_en: str
    run: Callable[[], CheckResult]
    timeout: float = 8.0
    needs_person: bool = False  # only on the screen (a tap, a scan, a look at the paper)


def run_one(check: Check) -> CheckResult:
    start = time.monotonic()
    try:
        result = check.run()
    except Exception as exc:  # a check is outside data's mercy: report it, never raise
        result = fail(
            check.id,
            (
                f"점검 중 오류: {type(exc).__name__}: {' '.join(str(exc).split())[:160]}",
                f"Error while checking: {type(exc).__name__}: {' '.join(str(exc).split())[:160]}",
            ),
            "장치 연결과 설정을 확인한 뒤 다시 점검하세요",
            "Check the device's connection and settings, then run the check again",
        )
    return CheckResult(
        result.check,
        result.outcome,
        result.found,
        result.todo_ko,
        result.todo_en,
        result.details,
        time.monotonic() - start,
        result.extra,
        result.found_en,
    )


def run_checks(
    checks: Sequence[Check],
    on_result: Callable[[CheckResult], None] | None = None,
    *,
    monotonic: Callable[[], float] = time.monotonic,
) -> list[CheckResult]:
    """Run every check, each on its own thread; results in the checks' order. A check that has not
    answered by its timeout is reported as 확인 필요 (no answer) and its thread is left to finish alone."""
    results: dict[str, CheckResult] = {}  # claimed: a check's result, or its "no answer in time"
    reported: set[str] = set()  # handed to on_result (so a caller sees every result before this returns)
    lock = threading.Lock()
    done = threading.Condition(lock)

    def report(result: CheckResult) -> None:
        if on_result is not None:
            on_result(result)
        with lock:
            reported.add(result.check)
            done.notify_all()

    def work(check: Check) -> None:
        result = run_one(check)
        with lock:
            if check.id in results:  # already reported as overdue
                return
            results[check.id] = result
        report(result)

    threads = [threading.Thread(target=work, args=(c,), name=f"selftest-{c.id}", daemon=True) for c in checks]
    for t in threads:
        t.start()
    deadline = {c.id: monotonic() + c.timeout for c in checks}
    with lock:
        while len(reported) < len(checks):
            now = monotonic()
            overdue = [c for c in checks if c.id not in results and deadline[c.id] <= now]
            for c in overdue:
                results[c.id] = needs_check(
                    c.id,
                    (f"{c.timeout:g}초 안에 응답이 없습니다", f"No answer within {c.timeout:g} s"),
                    "장치의 전원과 케이블을 확인하고 다시 점검하세요",
                    "No answer in time: check the device's power and cable, then run the check again",
                )
            if overdue:
                lock.release()
                try:
                    for c in overdue:
                        report(results[c.id])
                finally:
                    lock.acquire()
                continue
            waiting = [deadline[c.id] for c in checks if c.id not in results]
            done.wait(max(0.01, min(waiting) - monotonic()) if waiting else 1.0)
    return [results[c.id] for c in checks]


@dataclass(frozen=True)
class SelfTestRun:
    started_at: str  # ISO time
    results: tuple[CheckResult, ...]
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def outcome(self) -> Outcome:
        return worst(r.outcome for r in self.results)

    def counts(self) -> dict[str, int]:
        return {o.value: sum(1 for r in self.results if r.outcome is o) for o in Outcome}

    def to_json(self) -> dict[str, Any]:
        return {
            "started_at": self.started_at,
            "outcome": self.outcome.value,
            "label": self.outcome.korean,
            "counts": self.counts(),
            "versions": self.versions,
            "results": [r.to_json() for r in self.results],
        }

    @staticmethod
    def from_json(doc: dict[str, Any]) -> SelfTestRun:
        return SelfTestRun(
            str(doc.get("started_at", "")),
            tuple(CheckResult.from_json(r) for r in doc.get("results", [])),
            {str(k): str(v) for k, v in dict(doc.get("versions", {})).items()},
        )
