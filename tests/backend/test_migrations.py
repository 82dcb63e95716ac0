"""A backend database from before the hardening (schema b0001) upgrades in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from backend.db import make_engine, migrate


def test_a_b0001_database_gains_owners_nonces_providers_and_revocation(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    # Make it look like b0001: no new tables, no new columns, version b0001.
    con = sqlite3.connect(path)
    for table in ("enroll_failures", "operators", "used_nonces", "providers", "provider_events"):
        con.execute(f"DROP TABLE {table}")
    con.execute("ALTER TABLE enrollment_codes DROP COLUMN expires_at")
    con.execute("ALTER TABLE terminals DROP COLUMN revoked_at")
    con.execute("UPDATE alembic_version SET version_num = 'b0001'")
    con.execute("INSERT INTO enrollment_codes (code, business_number, created_at) VALUES ('OLD', '1208147521', 'x')")
    con.commit()
    con.close()

    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    names = set(inspect(engine).get_table_names())
    assert {"enroll_failures", "operators", "used_nonces", "providers", "provider_events"} <= names
    assert "expires_at" in {c["name"] for c in inspect(engine).get_columns("enrollment_codes")}
    assert "revoked_at" in {c["name"] for c in inspect(engine).get_columns("terminals")}
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "b0004"
        assert conn.exec_driver_sql("SELECT code FROM enrollment_codes").scalar() == "OLD"  # kept
    engine.dispose()
