"""The journal's hashing pinned by known answers: every ledger ever written, the backend's copies and the
benchmarks' cached year (bench/history.py `CHAIN`) depend on these exact bytes and digests."""

from __future__ import annotations

from kiosk.protocol import GENESIS_HASH, canonical_json, chain_hash, entry_canonical_bytes

SALE = {"order": {"id": "o-1", "lines": [{"name_ko": "아메리카노", "qty": 2}]}, "total": 9000}


def test_canonical_bytes_and_chain_are_unchanged() -> None:
    payload = canonical_json(SALE)
    assert payload == '{"order":{"id":"o-1","lines":[{"name_ko":"아메리카노","qty":2}]},"total":9000}'
    first = entry_canonical_bytes(
        "KIOSK-01",
        1,
        "0190f0e4-0000-7000-8000-000000000001",
        "2026-11-21T03:00:00.000000+00:00",
        "sale.completed",
        payload,
    )
    assert first.startswith(b'{"device_id":"KIOSK-01","id":"0190f0e4-0000-7000-8000-000000000001","kind":')
    h1 = chain_hash(GENESIS_HASH, first)
    assert h1 == "d4502ab6cdaee72e71ce9701e0a981c48fb178a735379c0809e97b0eec38f68f"
    second = entry_canonical_bytes(
        "KIOSK-01",
        2,
        "0190f0e4-0000-7000-8000-000000000002",
        "2026-11-21T03:00:01.000000+00:00",
        "receipt.printed",
        canonical_json({"order_id": "o-1"}),
    )
    assert chain_hash(h1, second) == "f3641d9ef0c02a6268aab30a2201f3aaff8a7cc4f848687008de49cafc76617c"


def test_canonical_bytes_are_canonical_json_of_the_fields_for_any_text() -> None:
    """`entry_canonical_bytes` writes the JSON out itself (the backend does it for every entry): byte for
    byte what `canonical_json` of the fields' dict gives, for any text and any sequence number."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    text = st.text(st.characters(codec="utf-8"), max_size=40)  # no lone surrogates: not UTF-8

    @settings(max_examples=400, deadline=None)
    @given(text, st.integers(min_value=-(2**63), max_value=2**63), text, text, text, text)
    def same(device: str, seq: int, entry_id: str, ts: str, kind: str, payload: str) -> None:
        doc = {"device_id": device, "seq": seq, "id": entry_id, "ts": ts, "kind": kind, "payload": payload}
        assert entry_canonical_bytes(device, seq, entry_id, ts, kind, payload) == canonical_json(doc).encode()

    same()
