"""`kiosk qr-payload`, `kiosk refund`, `kiosk payments recover|list`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from hardware.card_terminal.simulator import Behaviour, TerminalSimulator
from kiosk import emv
from kiosk.domain.order import PaymentMethod
from kiosk.ledger import PaymentRecord
from kiosk.payments.intents import IntentState
from tests.helpers.payments import card_rig
from tests.ledger.helpers import make_order


@pytest.fixture
def sim(monkeypatch: pytest.MonkeyPatch) -> Iterator[TerminalSimulator]:
    simulator = TerminalSimulator()
    simulator.start()
    monkeypatch.setenv("KIOSK_CARD_TERMINAL__URL", simulator.port)
    monkeypatch.setenv("KIOSK_SYNC__BACKEND_URL", "")
    yield simulator
    simulator.stop()


def test_qr_payload_prints_a_valid_emv_payload(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["qr-payload", "--amount", "4500", "--order", "A0042"]) == 0
    payload = capsys.readouterr().out.strip()
    fields = emv.parse(payload)
    assert fields["54"] == "4500" and fields["62"] == {"05": "A0042"} and fields["01"] == "12"


def test_qr_payload_bad_amount_is_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["qr-payload", "--amount", "0", "--order", "A1"]) == 2
    assert "positive number of won" in capsys.readouterr().err


def test_refund_through_the_card_terminal(
    tmp_path: Path, sim: TerminalSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    with card_rig(tmp_path, sim) as rig:
        order = rig.order()
        rig.checkout(order, rig.pay(order, "cli-refund"))
    assert main(["refund", "--db", str(tmp_path / "ledger.sqlite3"), "--order", order.id, "--reason", "고객 요청"]) == 0
    out = capsys.readouterr().out
    assert "환불 완료" in out and f"{order.total:,}원" in out
    assert sim.open_approvals() == []
    assert main(["refund", "--db", str(tmp_path / "ledger.sqlite3"), "--order", order.id]) == 1
    assert "이미 환불" in capsys.readouterr().err


def test_refund_unknown_order_and_manual_refund(
    tmp_path: Path, sim: TerminalSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "ledger.sqlite3"
    with card_rig(tmp_path, sim) as rig:
        cash = make_order(rig.clock)
        rig.ledger.record_sale(cash, PaymentRecord(PaymentMethod.CASH, cash.total))
    assert main(["refund", "--db", str(db), "--order", "nope"]) == 2
    assert "no order nope" in capsys.readouterr().err
    assert main(["refund", "--db", str(db), "--order", cash.id]) == 1
    assert "--manual" in capsys.readouterr().err
    assert main(["refund", "--db", str(db), "--order", cash.id, "--manual"]) == 0
    assert "직접 돌려주세요" in capsys.readouterr().out


def test_payments_recover_and_list(tmp_path: Path, sim: TerminalSimulator, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "ledger.sqlite3"
    with card_rig(tmp_path, sim) as rig:
        sim.queue(Behaviour.APPROVE)
        rig.pay(rig.order(), "cli-open")  # approved, but the app "died" before the sale
    assert main(["payments", "list", "--db", str(db), "--pending"]) == 0
    assert "cli-open" in capsys.readouterr().out
    assert main(["payments", "recover", "--db", str(db)]) == 0
    assert "망취소 1건" in capsys.readouterr().out
    assert sim.open_approvals() == []
    assert main(["payments", "list", "--db", str(db), "--pending"]) == 0
    assert capsys.readouterr().out == ""
    with card_rig(tmp_path, sim) as rig:
        assert rig.service.store.get("cli-open").state is IntentState.NET_CANCELLED
