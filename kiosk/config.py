"""The one typed settings object: a TOML file plus KIOSK_* environment overrides.

Every option and its default is declared here, in the dataclasses below. A config file is outside
data: loading reports the file, the key and what to do, and never a traceback.
Environment overrides name a key by section and field: KIOSK_SHOP__NAME, KIOSK_PRINTER__URL,
KIOSK_LEDGER__PATH, and so on (two underscores between section and field).
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, get_type_hints
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.domain.business import is_valid_business_number
from kiosk.domain.business_day import OrderNumberMode

REPO_ROOT = Path(__file__).resolve().parent.parent
DEMO_CONFIG = REPO_ROOT / "assets" / "demo" / "kiosk.toml"


class ConfigError(ValueError):
    """An unusable configuration. `str()` says which file, which key and what to do."""

    def __init__(self, path: Path | str, key: str, message: str) -> None:
        self.path = str(path)
        self.key = key
        self.message = message
        super().__init__(f"{path}: [{key}] {message}" if key else f"{path}: {message}")


def default_data_dir() -> Path:
    """$XDG_DATA_HOME/kiosk (~/.local/share/kiosk), the platform convention on Linux."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kiosk"


@dataclass(frozen=True)
class ShopSettings:
    """[shop]: who the shop is (the receipt's header), its time zone and business day, its order numbers."""

    name: str = "데모 카페"
    business_number: str = "1208147521"
    owner: str = ""
    address: str = ""
    phone: str = ""
    timezone: str = "Asia/Seoul"
    business_day_start_hour: int = 5
    order_numbers: str = OrderNumberMode.SEQUENTIAL.value
    receipt_footer: str = "감사합니다. 또 오세요!"


@dataclass(frozen=True)
class LedgerSettings:
    """[ledger]: where the ledger file is and the device id its entries carry."""

    path: str = ""  # empty: <data_dir>/ledger.sqlite3
    device_id: str = "KIOSK-01"


@dataclass(frozen=True)
class PrinterSettings:
    """[printer]: the receipt printer's address and profile, and whether a kitchen ticket prints."""

    url: str = (
        "sim://"  # sim://, tcp://host:9100, serial:///dev/ttyUSB0?baudrate=115200, usb://04b8:0202, file:///dev/usb/lp0
    )
    profile: str = "korean-80mm"
    print_kitchen_ticket: bool = True


@dataclass(frozen=True)
class CardTerminalSettings:
    """[card_terminal]: the card terminal's address (card payments go through it only)."""

    url: str = "sim://"  # sim:// or a pyserial URL such as /dev/ttyUSB1 or socket://host:port
    baudrate: int = 9600
    timeout_seconds: float = 60.0


@dataclass(frozen=True)
class ScannerSettings:
    """[scanner]: the barcode scanner for payment codes."""

    url: str = "sim://"
    baudrate: int = 9600


@dataclass(frozen=True)
class NfcSettings:
    """[nfc]: the NFC reader (PC/SC) and the membership card list."""

    reader: str = "sim://"  # sim://, or "pcsc://" (every reader) / "pcsc://Reader Name"
    card_list: str = ""  # JSON file of registered membership card hashes (staff cards: the staff register)


@dataclass(frozen=True)
class StaffSettings:
    """[staff]: the staff sign-in (docs/STAFF.md)."""

    idle_timeout_seconds: int = 120  # a signed-in person is signed out after this long without a touch


@dataclass(frozen=True)
class SyncSettings:
    """[sync]: the programme backend the ledger syncs to (empty: not enrolled)."""

    backend_url: str = ""  # empty: not enrolled, sync off
    interval_seconds: float = 10.0
    batch_size: int = 500


@dataclass(frozen=True)
class PaymentSettings:
    """[payments]: the simulated payment provider (demo) and the QR code's expiry."""

    simulated: bool = True
    simulated_delay_seconds: float = 1.5
    qr_expiry_seconds: int = 180


@dataclass(frozen=True)
class UiSettings:
    """[ui]: the window, its scale, palette and language, the idle times, easy mode and the panel's mounting."""

    scale: float = 1.0
    palette: str = "normal"  # normal | high-contrast
    language: str = "ko"
    idle_timeout_seconds: int = 90
    idle_warning_seconds: int = 25
    result_seconds: int = 15
    # Easy mode (큰 글씨 쉬운 주문), chosen by a customer on the attract screen: everything this much
    # bigger (never beyond 2.0, never smaller than `scale`) and this many times longer before an idle reset.
    easy_scale: float = 1.5
    easy_idle_factor: float = 2.0
    width: int = 1080
    height: int = 1920
    # The on-screen keyboard (Korean and English) where staff and installers type text; off when the
    # terminal has a real keyboard attached for good.
    onscreen_keyboard: bool = True
    # The panel and how it is mounted (docs/ACCESSIBILITY.md): touch targets are at least 9 mm on this
    # panel, and low-position mode keeps every control a customer needs below `reach_max_mm` above the
    # floor (wheelchair users, children), given the screen's lower edge at `screen_bottom_mm`.
    panel_diagonal_inches: float = 21.5
    screen_bottom_mm: int = 900
    reach_max_mm: int = 1200

    def px_per_mm(self) -> float:
        """Pixels per millimetre on the configured panel (square pixels)."""
        return math.hypot(self.width, self.height) / (self.panel_diagonal_inches * 25.4)

    def reach_fraction(self) -> float:
        """The lower part of the screen, as a fraction of its height, that lies below `reach_max_mm`; at
        least 0.4 (a panel mounted so high that less is in reach cannot be helped by the software)."""
        height_mm = self.height / self.px_per_mm()
        return max(0.4, min(1.0, (self.reach_max_mm - self.screen_bottom_mm) / height_mm))


@dataclass(frozen=True)
class CounterSettings:
    """The counter POS and the business day (docs/COUNTER.md)."""

    order_number_first: int = 5001  # this terminal's counter order numbers: a kiosk in the shop keeps 1..
    order_number_last: int = 9999
    auto_open_day: bool = True  # a kiosk sale with no open day opens one (float 0)
    blind_count: bool = False  # the closing count hides the expected cash
    close_tolerance_won: int = 1000  # a bigger counted difference needs the owner's PIN
    discount_limit_percent: int = 10  # a bigger discount needs a manager or the owner
    voucher_change: str = "percent"  # 온누리상품권 change in cash: never | always | percent
    voucher_change_percent: int = 60
    cash_receipt_mandatory: bool = False  # 현금영수증 의무발행 업종
    cash_receipt_threshold_won: int = 100_000
    drawer_sensor: bool = True  # the drawer reports open / closed through the printer (DLE EOT)


@dataclass(frozen=True)
class SetupSettings:
    """[setup]: whether the installer's set-up is done and what the terminal runs by default."""

    # False: this terminal has not been set up; `kiosk run` starts in the installer's set-up wizard
    # (kiosk/installer/wizard.py). The demo shop and every config written before the wizard are set up.
    done: bool = True
    terminal_mode: str = "kiosk"  # kiosk | counter | both: what the terminal runs by default


@dataclass(frozen=True)
class VoiceSettings:
    """Voice guidance (음성 안내, docs/VOICE.md)."""

    enabled: bool = True
    espeak: str = "espeak-ng"  # the engine's binary
    espeak_data: str = ""  # the directory holding espeak-ng-data ("": espeak-ng's own, e.g. Debian's package)
    clips_dir: str = ""  # empty: <data_dir>/voice-clips (`kiosk voice render` fills it ahead)
    jack_device: str = ""  # empty: the evdev device with SW_HEADPHONE_INSERT; "none": no jack; or a path
    output: str = "device"  # device (the sound card) | buffer (decode to memory: tests, no sound card)
    # Render the menu's spoken names (kiosk.voice.names) on the voice worker, between phrases, once voice is
    # on, into the clip cache (`kiosk voice render` renders them ahead at install and after a catalog update).
    names_ahead: bool = True
    # Keys (Qt key names) of the keypad's voice keys; start toggles the voice on and off.
    start_key: str = "F2"
    repeat_key: str = "F3"
    slower_key: str = "F4"
    faster_key: str = "F5"
    softer_key: str = "F6"
    louder_key: str = "F7"


@dataclass(frozen=True)
class Settings:
    """The whole configuration: the file's sections over the defaults, with KIOSK_* overrides (`load_settings`)."""

    source: str = "<defaults>"
    data_dir: str = ""
    catalog: str = str(REPO_ROOT / "assets" / "demo" / "catalog.json")
    shop: ShopSettings = field(default_factory=ShopSettings)
    ledger: LedgerSettings = field(default_factory=LedgerSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    card_terminal: CardTerminalSettings = field(default_factory=CardTerminalSettings)
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    nfc: NfcSettings = field(default_factory=NfcSettings)
    staff: StaffSettings = field(default_factory=StaffSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)
    payments: PaymentSettings = field(default_factory=PaymentSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    counter: CounterSettings = field(default_factory=CounterSettings)
    setup: SetupSettings = field(default_factory=SetupSettings)
    voice: VoiceSettings = field(default_factory=VoiceSettings)

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir) if self.data_dir else default_data_dir()

    @property
    def ledger_path(self) -> Path:
        return Path(self.ledger.path) if self.ledger.path else self.data_path / "ledger.sqlite3"

    @property
    def catalog_path(self) -> Path:
        return Path(self.catalog)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.shop.timezone)

    @property
    def order_number_mode(self) -> OrderNumberMode:
        return OrderNumberMode(self.shop.order_numbers)


_SCALARS = (str, int, float, bool)


def _coerce(value: Any, typ: type, path: str, key: str) -> Any:
    if typ is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if typ is bool and isinstance(value, str):
        low = value.strip().lower()
        if low in ("1", "true", "yes", "on"):
            return True
        if low in ("0", "false", "no", "off"):
            return False
    if typ in (int, float) and isinstance(value, str):
        try:
            return typ(value)
        except ValueError:
            pass
    if isinstance(value, typ) and not (typ is int and isinstance(value, bool)):
        return value
    raise ConfigError(path, key, f"must be {typ.__name__}, got {value!r}; fix the value in the file")


def _build(cls: type[Any], raw: Mapping[str, Any], path: str, section: str) -> Any:
    hints = get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    for k in raw:
        if k not in known:
            where = f"{section}.{k}" if section else k
            raise ConfigError(path, where, f"unknown key; valid keys here: {', '.join(sorted(known))}")
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in raw:
            continue
        key = f"{section}.{f.name}" if section else f.name
        typ = hints[f.name]
        if isinstance(typ, type) and typ not in _SCALARS:
            sub = raw[f.name]
            if not isinstance(sub, Mapping):
                raise ConfigError(path, key, "must be a table, e.g. [" + key + "]")
            values[f.name] = _build(typ, sub, path, key)
        else:
            values[f.name] = _coerce(raw[f.name], typ, path, key)
    return cls(**values)


def _env_overrides(env: Mapping[str, str]) -> dict[str, Any]:
    """KIOSK_<SECTION>__<KEY> and KIOSK_<KEY> for the settings' own names; other KIOSK_* variables
    (KIOSK_CONFIG, tools' own switches) are not settings and are left alone."""
    known = {f.name for f in fields(Settings)} - {"source"}
    out: dict[str, Any] = {}
    for name, value in env.items():
        if not name.startswith("KIOSK_"):
            continue
        parts = name[len("KIOSK_") :].lower().split("__")
        if parts[0] not in known:
            continue
        target = out
        for p in parts[:-1]:
            target = target.setdefault(p, {})
        target[parts[-1]] = value
    return out


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for k, v in over.items():
        if isinstance(v, Mapping) and isinstance(merged.get(k), Mapping):
            merged[k] = _merge(dict(merged[k]), v)
        else:
            merged[k] = v
    return merged


# Every numeric setting and its range, checked at every load (so `kiosk config check` too). A setting
# added to the dataclasses above needs its range here (tests/cli/test_config_ranges.py checks that).
RANGES: dict[str, tuple[int | float, int | float]] = {
    "shop.business_day_start_hour": (0, 23),
    "card_terminal.baudrate": (1200, 921_600),
    "card_terminal.timeout_seconds": (5.0, 600.0),
    "scanner.baudrate": (1200, 921_600),
    "sync.interval_seconds": (1.0, 3600.0),
    "sync.batch_size": (1, 1000),  # the wire protocol's MAX_BATCH
    "payments.simulated_delay_seconds": (0.0, 60.0),
    "payments.qr_expiry_seconds": (30, 900),
    "ui.scale": (1.0, 2.0),
    "ui.idle_timeout_seconds": (30, 3600),
    "ui.idle_warning_seconds": (20, 600),
    "ui.result_seconds": (3, 300),
    "ui.easy_scale": (1.0, 2.0),
    "ui.easy_idle_factor": (1.0, 5.0),
    "ui.width": (320, 8000),
    "ui.height": (320, 8000),
    "ui.panel_diagonal_inches": (7.0, 100.0),
    "ui.screen_bottom_mm": (0, 2500),
    "ui.reach_max_mm": (400, 2500),
    "counter.order_number_first": (1, 9999),
    "counter.order_number_last": (1, 9999),
    "counter.close_tolerance_won": (0, 1_000_000),
    "counter.discount_limit_percent": (0, 100),
    "counter.voucher_change_percent": (0, 100),
    "counter.cash_receipt_threshold_won": (1, 100_000_000),
    "staff.idle_timeout_seconds": (30, 3600),  # the screens warn in the last 20 s
}
# Messages that say more than "must be between" for a few settings.
_RANGE_HINTS = {
    "shop.business_day_start_hour": "must be an hour from 0 to 23",
    "ui.idle_warning_seconds": "must be at least 20 so customers can react (and at most 600)",
}
MAX_TEXT_SETTING = 300  # characters in a text setting
MAX_PATH_SETTING = 4096  # characters in a file or device path or URL
_PATHS = {"data_dir", "catalog", "ledger.path", "nfc.card_list", "nfc.reader", "printer.url", "card_terminal.url"}
_PATHS |= {"scanner.url", "sync.backend_url", "voice.espeak", "voice.clips_dir", "voice.jack_device"}
_PATHS |= {"voice.espeak_data"}
MAX_CONFIG_BYTES = 1_000_000


def _numbers(settings: Settings) -> dict[str, int | float]:
    out: dict[str, int | float] = {}
    for section in fields(Settings):
        value = getattr(settings, section.name)
        if not hasattr(value, "__dataclass_fields__"):
            continue
        for f in fields(value):
            v = getattr(value, f.name)
            if isinstance(v, int | float) and not isinstance(v, bool):
                out[f"{section.name}.{f.name}"] = v
    return out


def _texts(settings: Settings) -> dict[str, str]:
    out: dict[str, str] = {k: getattr(settings, k) for k in ("data_dir", "catalog")}
    for section in fields(Settings):
        value = getattr(settings, section.name)
        if not hasattr(value, "__dataclass_fields__"):
            continue
        for f in fields(value):
            if isinstance(v := getattr(value, f.name), str):
                out[f"{section.name}.{f.name}"] = v
    return out


def _has_control(text: str) -> bool:
    return any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0 or 0xD800 <= ord(c) < 0xE000 for c in text)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    import ipaddress  # only for a host that is not "localhost"

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate(settings: Settings) -> None:
    path = settings.source
    shop = settings.shop
    for key, text in _texts(settings).items():
        limit = MAX_PATH_SETTING if key in _PATHS else MAX_TEXT_SETTING
        if len(text) > limit:
            raise ConfigError(path, key, f"is {len(text)} characters long; at most {limit}")
        if _has_control(text):
            raise ConfigError(path, key, "contains a control character; remove it")
    for key, value in _numbers(settings).items():
        lo, hi = RANGES[key]
        if not lo <= value <= hi:  # also refuses nan
            raise ConfigError(path, key, _RANGE_HINTS.get(key, f"must be between {lo} and {hi}, got {value}"))
    if not shop.name.strip():
        raise ConfigError(path, "shop.name", "is empty; write the shop name (상호) as on the registration")
    if not is_valid_business_number(shop.business_number):
        raise ConfigError(
            path,
            "shop.business_number",
            f"{shop.business_number!r} is not a valid 사업자등록번호 (10 digits, last one a check digit); "
            "copy it exactly from the business registration certificate",
        )
    try:
        ZoneInfo(shop.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(path, "shop.timezone", f"{shop.timezone!r} is not a time zone; use Asia/Seoul") from None
    if shop.order_numbers not in {m.value for m in OrderNumberMode}:
        raise ConfigError(path, "shop.order_numbers", "must be 'sequential' or 'random'")
    if settings.ui.palette not in ("normal", "high-contrast"):
        raise ConfigError(path, "ui.palette", "must be 'normal' or 'high-contrast'")
    if settings.ui.idle_warning_seconds >= settings.ui.idle_timeout_seconds:
        raise ConfigError(
            path, "ui.idle_warning_seconds", "must be less than ui.idle_timeout_seconds (the warning comes first)"
        )
    if not settings.ledger.device_id.strip() or len(settings.ledger.device_id) > 32:
        raise ConfigError(path, "ledger.device_id", "must be 1 to 32 characters, e.g. KIOSK-01")
    if settings.card_terminal.url.startswith("sim://") and not settings.payments.simulated:
        raise ConfigError(path, "card_terminal.url", "is sim:// but payments.simulated is false; set the real terminal")
    backend = urlsplit(settings.sync.backend_url)
    try:
        backend.port  # noqa: B018  (raises ValueError for a port out of range)
    except ValueError:
        raise ConfigError(path, "sync.backend_url", "has a port out of range; write https://HOST[:PORT]") from None
    if settings.sync.backend_url and (backend.scheme not in ("http", "https") or not backend.hostname):
        raise ConfigError(path, "sync.backend_url", "must be empty or https://HOST (the programme backend's address)")
    if backend.scheme == "http" and not _loopback(backend.hostname or ""):
        # The same rule as the sync client's: signed requests never cross a network in clear.
        raise ConfigError(path, "sync.backend_url", "plain http:// only on this machine; use the https:// address")
    counter = settings.counter
    if counter.order_number_first > counter.order_number_last:
        raise ConfigError(path, "counter.order_number_first", "must not be above counter.order_number_last")
    if counter.voucher_change not in ("never", "always", "percent"):
        raise ConfigError(path, "counter.voucher_change", "must be 'never', 'always' or 'percent'")
    if settings.setup.terminal_mode not in ("kiosk", "counter", "both"):
        raise ConfigError(path, "setup.terminal_mode", "must be 'kiosk', 'counter' or 'both'")
    if settings.voice.output not in ("device", "buffer"):
        raise ConfigError(path, "voice.output", "must be 'device' (the sound card) or 'buffer'")
    if settings.ui.language not in ("ko", "en", "zh", "ja"):
        raise ConfigError(path, "ui.language", "must be one of ko, en, zh, ja")


def check_data_dir(settings: Settings) -> None:
    """The data directory (ledger, keys, applied catalog, printer pages) must be a directory this user can
    write, or one that can be made. `kiosk config check` runs this, so a config it passes can start."""
    path = settings.data_path
    if path.exists():
        if not path.is_dir():
            raise ConfigError(settings.source, "data_dir", f"{path} is not a directory; give a directory")
        if not os.access(path, os.W_OK | os.X_OK):
            raise ConfigError(settings.source, "data_dir", f"{path} is not writable; fix its owner or permissions")
        return
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise ConfigError(
            settings.source, "data_dir", f"{path} does not exist and cannot be made: {parent} is not writable"
        )


def load_settings(path: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Load and validate. `path` None means $KIOSK_CONFIG, else the demo shop's config."""
    env = os.environ if env is None else env
    if path is None:
        path = Path(env["KIOSK_CONFIG"]) if env.get("KIOSK_CONFIG") else DEMO_CONFIG
    try:
        with path.open("rb") as f:
            raw_text = f.read(MAX_CONFIG_BYTES + 1)
        if len(raw_text) > MAX_CONFIG_BYTES:
            raise ConfigError(path, "", f"is larger than {MAX_CONFIG_BYTES:,} bytes; it is not a kiosk config")
    except FileNotFoundError:
        raise ConfigError(path, "", "the config file does not exist; check the path or copy the demo config") from None
    except OSError as exc:
        raise ConfigError(path, "", f"cannot read the config file ({exc.strerror})") from None
    try:
        raw = tomllib.loads(raw_text.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(path, "", "is not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "", f"is not valid TOML ({exc}); fix that line") from None
    except RecursionError:
        raise ConfigError(path, "", "is nested far too deep to be a kiosk config") from None
    merged = _merge(raw, _env_overrides(env))
    settings: Settings = _build(Settings, merged, str(path), "")
    base = path.parent
    catalog = Path(settings.catalog)
    if not catalog.is_absolute():
        catalog = (base / catalog).resolve()
    data_dir = settings.data_dir
    if data_dir and not Path(data_dir).is_absolute():
        data_dir = str((base / data_dir).resolve())
    settings = replace(settings, source=str(path), catalog=str(catalog), data_dir=data_dir)
    validate(settings)
    return settings
