"""The first set-up wizard's core: a step machine whose state survives a power cut.

Steps, in order (each can be revisited): language, shop, enroll, devices, owner, mode, selftest. The state
(`<data_dir>/setup-state.json`: the current step, the steps done, what was entered — never the enrollment
code or a PIN) is written atomically after every step, and each step that changes settings writes the
settings file atomically first and journals what changed (`settings.changed`, private values only as
"changed"). A power cut at any point leaves the old or the new file; the wizard resumes at the first step
not done, with what was entered before.

Everything slow or outside the core is injected: enrollment (SyncService.enroll), the owner's first PIN
(StaffService.init_owner), device discovery (hardware/discovery.py) and the journal."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from kiosk.config import ConfigError, Settings
from kiosk.domain.business import is_valid_business_number, normalize_business_number
from kiosk.files import write_atomically
from kiosk.installer.settings_file import changes, save_settings

STEPS = ("language", "shop", "enroll", "devices", "owner", "mode", "selftest")
ROLES = ("printer", "card_terminal", "scanner", "nfc")
LANGUAGES = ("ko", "en")
MODES = ("kiosk", "counter", "both")
PROFILES = ("korean-80mm", "korean-58mm", "generic-80mm", "generic-58mm")
SETTINGS_CHANGED = "settings.changed"
SETUP_COMPLETED = "setup.completed"
STATE_FILE = "setup-state.json"
_PHONE = re.compile(r"^0\d{1,2}-?\d{3,4}-?\d{4}$")


class WizardError(ValueError):
    """A step's input was refused; str() is the line to show (Korean / English)."""


class Journal(Protocol):
    def record(self, kind: str, payload: dict[str, Any]) -> object: ...


@dataclass
class WizardState:
    step: str = "language"
    done: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"step": self.step, "done": list(self.done), "values": self.values}


class WizardStore:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / STATE_FILE

    def load(self) -> WizardState:
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return WizardState()
        if not isinstance(doc, dict) or doc.get("step") not in STEPS:
            return WizardState()
        done = [s for s in doc.get("done", []) if s in STEPS]
        raw = doc.get("values")
        values: dict[str, Any] = raw if isinstance(raw, dict) else {}
        return WizardState(str(doc["step"]), done, values)

    def save(self, state: WizardState) -> None:
        write_atomically(self.path, (json.dumps(state.to_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


@dataclass(frozen=True)
class Detected:
    """A device found on this machine, and the role the wizard suggests for it ("" = unknown)."""

    kind: str  # "pcsc-reader", "serial-port", "usb-printer", "network-printer", "simulator"
    address: str  # the URL that goes into the settings
    detail: str
    role: str = ""  # suggested role; "" means unknown: shown, not hidden


class Wizard:
    def __init__(
        self,
        settings: Settings,
        settings_path: Path,
        *,
        journal: Journal | None = None,
        enroll: Callable[[str, str, str], str] | None = None,
        init_owner: Callable[[str, str], None] | None = None,
        owner_exists: Callable[[], bool] | None = None,
    ) -> None:
        self.settings = settings
        self.settings_path = settings_path
        self.store = WizardStore(settings.data_path)
        self.state = self.store.load()
        # A power cut during a write can leave a temporary file next to the real one: the real one is whole.
        for folder, name in ((settings.data_path, STATE_FILE), (settings_path.parent, settings_path.name)):
            for stale in folder.glob(f".{name}.*.tmp"):
                stale.unlink(missing_ok=True)
        self.journal = journal
        self._enroll = enroll
        self._init_owner = init_owner
        self._owner_exists = owner_exists

    # --- navigation -------------------------------------------------------------------------------

    @property
    def step(self) -> str:
        return self.state.step

    def go(self, step: str) -> None:
        """Revisit a step (or skip ahead to one whose steps before are done)."""
        if step not in STEPS:
            raise WizardError(f"unknown step {step!r}")
        self.state.step = step
        self.store.save(self.state)

    def _complete(self, step: str, values: dict[str, Any] | None = None) -> None:
        if values is not None:
            self.state.values[step] = values
        if step not in self.state.done:
            self.state.done.append(step)
        following = [s for s in STEPS if s not in self.state.done]
        self.state.step = following[0] if following else "selftest"
        self.store.save(self.state)

    def _apply(self, step: str, new: Settings) -> None:
        """Write the settings file (atomically) and journal what changed, without private values."""
        diff = changes(self.settings, new)
        if diff or not self.settings_path.exists():
            try:
                self.settings = save_settings(new, self.settings_path)
            except ConfigError as exc:
                raise WizardError(f"설정을 저장할 수 없습니다 / cannot save the settings: {exc.message}") from None
            if self.journal is not None and diff:
                self.journal.record(SETTINGS_CHANGED, {"by": "setup", "step": step, "changes": diff})

    # --- the steps --------------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise WizardError("언어를 고르세요 / choose a language")
        self._apply("language", replace(self.settings, ui=replace(self.settings.ui, language=language)))
        self._complete("language", {"language": language})

    def set_shop(self, name: str, business_number: str, owner: str = "", address: str = "", phone: str = "") -> None:
        name = " ".join(name.split())
        if not name:
            raise WizardError("상호를 넣으세요 / enter the shop's name")
        number = normalize_business_number(business_number)
        if not is_valid_business_number(number):
            raise WizardError(
                "사업자등록번호가 맞지 않습니다 (10자리, 마지막 자리는 검증 숫자): 등록증에서 그대로 옮겨 적으세요 / "
                "the business number is not valid: copy it from the registration certificate"
            )
        phone = phone.strip()
        if phone and not _PHONE.match(phone):
            raise WizardError("전화번호 형식이 맞지 않습니다 (예: 02-123-4567) / the phone number is not valid")
        shop = replace(
            self.settings.shop,
            name=name,
            business_number=number,
            owner=owner.strip(),
            address=address.strip(),
            phone=phone,
        )
        self._apply("shop", replace(self.settings, shop=shop))
        # The state file keeps only the name (the rest is in the settings file).
        self._complete("shop", {"name": name})

    def enroll(self, backend_url: str, code: str) -> str:
        if self._enroll is None:
            raise WizardError("등록 기능이 없습니다 / enrollment is not available here")
        backend_url = backend_url.strip().rstrip("/")
        code = code.strip()
        if not backend_url or not code:
            raise WizardError("서버 주소와 등록 코드를 넣으세요 / enter the server address and the enrollment code")
        try:
            terminal_id = self._enroll(backend_url, code, self.settings.shop.business_number)
        except Exception as exc:
            raise WizardError(f"등록 실패 / enrollment failed: {exc}") from None
        self._apply("enroll", replace(self.settings, sync=replace(self.settings.sync, backend_url=backend_url)))
        self._complete("enroll", {"terminal_id": terminal_id})
        return terminal_id

    def skip_enroll(self) -> None:
        """Enroll later (no network at the shop yet): the self-test will say 확인 필요."""
        self._complete("enroll", {"terminal_id": "", "skipped": True})

    def set_devices(self, assignment: dict[str, str], profile: str = "korean-80mm") -> None:
        unknown = set(assignment) - set(ROLES)
        if unknown:
            raise WizardError(f"알 수 없는 역할 / unknown role: {', '.join(sorted(unknown))}")
        if profile not in PROFILES:
            raise WizardError(f"프린터 프로필을 고르세요 ({', '.join(PROFILES)}) / choose a printer profile")
        used = [a for a in assignment.values() if a and not a.startswith("sim:")]
        if len(used) != len(set(used)):
            raise WizardError("한 장치를 두 역할에 쓸 수 없습니다 / one device cannot have two roles")
        s = self.settings
        new = replace(
            s,
            printer=replace(s.printer, url=assignment.get("printer", s.printer.url), profile=profile),
            card_terminal=replace(s.card_terminal, url=assignment.get("card_terminal", s.card_terminal.url)),
            scanner=replace(s.scanner, url=assignment.get("scanner", s.scanner.url)),
            nfc=replace(s.nfc, reader=assignment.get("nfc", s.nfc.reader)),
        )
        if not new.card_terminal.url.startswith("sim:"):
            new = replace(new, payments=replace(new.payments, simulated=False))
        self._apply("devices", new)
        self._complete("devices", {"roles": {k: v for k, v in assignment.items()}, "profile": profile})

    def owner_is_set(self) -> bool:
        return self._owner_exists() if self._owner_exists is not None else False

    def set_owner(self, name: str, pin: str, pin_again: str) -> None:
        """The owner types their own PIN (twice); it goes straight to the staff register, never to a file."""
        if self.owner_is_set():
            self._complete("owner", {"owner": "exists"})
            return
        if pin != pin_again:
            raise WizardError("두 PIN이 다릅니다. 다시 넣으세요 / the two PINs differ")
        if self._init_owner is None:
            raise WizardError("PIN을 저장할 수 없습니다 / no staff register here")
        try:
            self._init_owner(name, pin)
        except Exception as exc:
            raise WizardError(str(exc)) from None
        self._complete("owner", {"owner": "set"})

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise WizardError("키오스크 / 카운터 / 둘 다 중에서 고르세요 / choose kiosk, counter or both")
        self._apply("mode", replace(self.settings, setup=replace(self.settings.setup, terminal_mode=mode)))
        self._complete("mode", {"mode": mode})

    def finish(self, selftest_outcome: str) -> None:
        """After the self-test: the terminal is set up (`setup.done = true`); the next start sells."""
        missing = [s for s in STEPS[:-1] if s not in self.state.done]
        if missing:
            raise WizardError(f"끝나지 않은 단계가 있습니다 / steps not done: {', '.join(missing)}")
        self._apply("selftest", replace(self.settings, setup=replace(self.settings.setup, done=True)))
        self._complete("selftest", {"outcome": selftest_outcome})
        if self.journal is not None:
            self.journal.record(
                SETUP_COMPLETED, {"selftest": selftest_outcome, "mode": self.settings.setup.terminal_mode}
            )


def detect(
    *,
    pcsc: Callable[[], tuple[list[str], str | None]],
    serial: Callable[[], list[str]],
    usb_printers: Callable[[], list[tuple[str, str]]],
    network_printers: Callable[[], list[tuple[str, str]]] | None = None,
    configured: Settings | None = None,
) -> tuple[list[Detected], str]:
    """Everything found, each with a suggested role or "" (unknown), plus a problem line (pcscd down)."""
    found: list[Detected] = []
    readers, problem = pcsc()
    for r in readers:
        found.append(Detected("pcsc-reader", "pcsc://" + r, f"PC/SC 리더 {r}", "nfc"))
    for url, detail in usb_printers():
        found.append(Detected("usb-printer", url, detail, "printer"))
    if network_printers is not None:
        for url, detail in network_printers():
            found.append(Detected("network-printer", url, detail, "printer"))
    for port in serial():
        lowered = port.lower()
        role = "scanner" if any(w in lowered for w in ("scan", "barcode", "honeywell", "zebra", "datalogic")) else ""
        if not role and any(w in lowered for w in ("card", "kicc", "nice", "ksnet", "kis", "smartro")):
            role = "card_terminal"
        found.append(Detected("serial-port", port, f"직렬 포트 {port}" + ("" if role else " (알 수 없는 장치)"), role))
    return found, problem or ""
