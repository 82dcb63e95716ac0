"""The installer's core (DESIGN §14, issue 16): the self-test (selftest.py, checks.py), its report and
heartbeat line (report.py), the support bundle and its secret scan (bundle.py, secrets.py), and the
first set-up wizard (wizard.py, settings_file.py). No Qt, no hardware: device probes are injected by
the composition root (app/builders/selftest.py)."""
