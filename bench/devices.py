"""Device benchmarks.

1. Tap-to-event latency through pcscd: a virtual card connects to vpcd (the moment of the "tap") until
   the NFC reader service delivers its `CardTapped` (payment probe, UID, Type 4 NDEF read, classify)
   to the listener. Median and p95. Baseline in the same run: a bare pyscard loop
   (SCardGetStatusChange, SCardConnect, one GET UID) on the same pcscd, the least any reader code
   can take; vpcd's own polling of its socket dominates both.
2. Scanner code-to-event latency over a pty: `PtyScanner.scan()` until the `CodeScanned` reaches the
   listener. Baseline: a bare pyserial `read_until(b"\\r")` on the same kind of pty.

Run: `.venv/bin/python -m bench.devices [--quick]` (needs pcscd and vsmartcard-vpcd; runs its own
private pcscd, like the tests).
"""

from __future__ import annotations

import os
import queue
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import ndef

from hardware.nfc import build_nfc_reader
from hardware.scanner import PtyScanner, build_scanner
from hardware.vcard import CardProfile, VirtualCard
from hardware.worker import Backoff
from kiosk.devices.nfc import CardList, CardRemoved, CardTapped
from kiosk.devices.scanner import CodeScanned
from tests.devices.pcsc import PcscService

READER = "Virtual PCD 00 00"


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _profile() -> CardProfile:
    message = b"".join(
        ndef.message_encoder([ndef.TextRecord("한결 스탬프 7/10", "ko"), ndef.UriRecord("http://nfcpy.org")])
    )
    return CardProfile(uid=bytes.fromhex("04A1B2C3D4E580"), ndef=message)


def _taps_service(pcscd: PcscService, n: int) -> list[float]:
    got: queue.SimpleQueue[tuple[float, object]] = queue.SimpleQueue()
    service = build_nfc_reader(
        "pcsc://" + READER,
        key=b"bench-key-0123456789abcdef012345",
        cards=CardList(),
        listener=lambda e: got.put((time.monotonic(), e)),
        backoff=Backoff(initial=0.05, maximum=0.5, rng=random.Random(1)),
    )
    service.start()
    samples = []
    try:
        for _ in range(n):
            card = VirtualCard(_profile(), port=pcscd.port)
            card.insert()
            while True:
                at, event = got.get(timeout=10)
                if isinstance(event, CardTapped):
                    samples.append(at - card.inserted_at)
                    break
            card.remove()
            while not isinstance(got.get(timeout=10)[1], CardRemoved):
                pass
    finally:
        service.stop()
    return samples


def _taps_bare(pcscd: PcscService, n: int) -> list[float]:
    from smartcard import scard

    hr, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    assert hr == scard.SCARD_S_SUCCESS
    samples = []
    try:
        hr, states = scard.SCardGetStatusChange(ctx, 1000, [(READER, scard.SCARD_STATE_UNAWARE)])
        state = states[0][1] & ~scard.SCARD_STATE_CHANGED
        for _ in range(n):
            card = VirtualCard(_profile(), port=pcscd.port)
            card.insert()
            while True:
                hr, states = scard.SCardGetStatusChange(ctx, 10000, [(READER, state)])
                state = states[0][1] & ~scard.SCARD_STATE_CHANGED
                if state & scard.SCARD_STATE_PRESENT:
                    break
            hr, handle, proto = scard.SCardConnect(ctx, READER, scard.SCARD_SHARE_SHARED, 3)
            scard.SCardTransmit(handle, proto, [0xFF, 0xCA, 0, 0, 0])
            samples.append(time.monotonic() - card.inserted_at)
            scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)
            card.remove()
            while state & scard.SCARD_STATE_PRESENT:
                hr, states = scard.SCardGetStatusChange(ctx, 10000, [(READER, state)])
                state = states[0][1] & ~scard.SCARD_STATE_CHANGED
    finally:
        scard.SCardReleaseContext(ctx)
    return samples


def bench_nfc(n: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        pcscd = PcscService(Path(tmp))
        os.environ.update(pcscd.environ())  # before the first PC/SC call of this process
        pcscd.start()
        try:
            bare = _taps_bare(pcscd, n)
            ours = _taps_service(pcscd, n)
        finally:
            pcscd.stop()
    (bm, bp), (om, op) = _stats(bare), _stats(ours)
    return [
        f"nfc tap-to-event through pcscd ({n} taps): median {om:.0f} ms, p95 {op:.0f} ms "
        f"(bare pyscard GET UID: median {bm:.0f} ms, p95 {bp:.0f} ms; ratio {om / bm:.2f})"
    ]


def _scan_service(n: int, tmp: Path) -> list[float]:
    got: queue.SimpleQueue[tuple[float, object]] = queue.SimpleQueue()
    service = build_scanner("sim://", listener=lambda e: got.put((time.monotonic(), e)), simulator_dir=str(tmp / "s"))
    assert service.simulator is not None
    service.start()
    samples = []
    try:
        while got.get(timeout=5)[1].__class__.__name__ != "HealthEvent":
            pass
        for i in range(n):
            t0 = time.monotonic()
            service.simulator.scan(f"2810060123456789{i:02d}")
            while True:
                at, event = got.get(timeout=5)
                if isinstance(event, CodeScanned):
                    samples.append(at - t0)
                    break
    finally:
        service.stop()
    return samples


def _scan_bare(n: int, tmp: Path) -> list[float]:
    import serial

    sim = PtyScanner(tmp / "b")
    sim.open()
    port = serial.serial_for_url(str(sim.path), baudrate=9600, timeout=5)
    samples = []
    try:
        for i in range(n):
            t0 = time.monotonic()
            sim.scan(f"2810060123456789{i:02d}", b"\r")
            port.read_until(b"\r")
            samples.append(time.monotonic() - t0)
    finally:
        port.close()
        sim.close()
    return samples


def bench_scanner(n: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        bare = _scan_bare(n, Path(tmp))
        ours = _scan_service(n, Path(tmp))
    (bm, bp), (om, op) = _stats(bare), _stats(ours)
    return [
        f"scanner code-to-event over a pty ({n} codes): median {om:.2f} ms, p95 {op:.2f} ms "
        f"(bare pyserial read_until: median {bm:.2f} ms, p95 {bp:.2f} ms; ratio {om / bm:.1f})"
    ]


def main(quick: bool = False) -> list[str]:
    lines = bench_nfc(10 if quick else 40) + bench_scanner(50 if quick else 300)
    for line in lines:
        print(line, flush=True)
    return lines


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
