"""What the kiosk says and when (docs/VOICE.md): the voice guidance's rules, without Qt and without an engine.

`VoicePolicy` is told what happens — voice started (key, on-screen button, earphones), the flow moved to a
screen, focus moved to a control, the customer did something, repeat / rate / volume keys, earphones in or
out, the session ended — and hands `Utterance`s to a `Speaker` (ui/voice's player, or a test's list). Each
utterance replaces the one before it (stop-before-say); any action stops speech at once. Every utterance is
logged with its time so tests can assert what was said and when.

Privacy: a phrase that is private (marked by its author, or holding a phone number, card digits or a long
code, kiosk.voice.normalize.is_private) is spoken only while earphones are in; otherwise a neutral phrase
is said in its place. A decline's reason is private. A PIN is never put in a phrase at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from kiosk.domain.catalog import Item
from kiosk.flow.state import FlowState, Step
from kiosk.voice.names import spoken_name
from kiosk.voice.normalize import is_private, normalize
from kiosk.voice.phrases import phrase, table

FALLBACK_LANGUAGE = "ko"  # spoken on a screen whose language has no voice (and said so on screen)
RATE_COUNT = 4  # slow, normal, fast, very fast (hardware.audio.espeak.RATES_WPM)
DEFAULT_RATE = 1
VOLUME_STEPS = 5  # 1..5
DEFAULT_VOLUME = 3
_T = TypeVar("_T")
KEPT = 200  # `log` and `stops` keep at least this many of the latest entries (trimmed at twice that)


@dataclass(frozen=True)
class Utterance:
    text: str  # as a person would write it: the log, and what a caption would show
    spoken: str  # normalised for the engine
    language: str
    kind: str  # start | stop | screen | focus | message | setting | repeat | idle
    rate: int  # index into the rates, 0 = slowest
    volume: int  # 1..5
    private: bool = False  # said only because earphones are in
    fixed: bool = False  # a fixed phrase: its clip was rendered ahead
    # The normalised text in pieces, each its own clip, played one after the other: a menu item's spoken
    # name is a piece of its own, so its clip (rendered ahead, kiosk.voice.names) serves every phrase that
    # names the item. Empty: one piece, `spoken`.
    parts: tuple[str, ...] = ()

    def pieces(self) -> tuple[str, ...]:
        return self.parts or (self.spoken,)


class Speaker(Protocol):
    """Plays one utterance at a time: `say` stops whatever is playing first; `stop` silences it."""

    def say(self, utterance: Utterance) -> None: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class Focus:
    """The focused control as assistive technology sees it (its Accessible properties)."""

    name: str
    button: bool = False
    checkable: bool = False
    checked: bool = False
    enabled: bool = True
    private: bool = False
    item_id: str = ""  # a menu item's card (objectName "item_<id>"): its spoken name is said


@dataclass(frozen=True)
class Said:
    at: float  # monotonic seconds
    utterance: Utterance


@dataclass
class VoicePolicy:
    speaker: Speaker
    clock: Callable[[], float]
    language: str = "ko"  # the speech language: the display language, or Korean where it has no voice
    # Whether there is a voice for a language (kiosk.voice.ports.ClipSource.speaks).
    speaks: Callable[[str], bool] = field(default=lambda _language: True)
    display_language: str = "ko"
    active: bool = False
    earphones: bool = False
    rate: int = DEFAULT_RATE
    volume: int = DEFAULT_VOLUME
    log: list[Said] = field(default_factory=list)  # the latest phrases said (at least KEPT; a kiosk runs for months)
    stops: list[float] = field(default_factory=list)  # when speech was cut by an action (as bounded)
    last: Utterance | None = None
    _state: FlowState | None = None
    _previous: FlowState | None = None  # the state before the last change
    _name: str = ""  # the spoken item name in the phrase being made

    # --- starting and stopping ---------------------------------------------------------------------

    def start(self, reason: str = "key") -> None:
        """Voice on, from the physical key, the on-screen button or the earphones (`reason`), and say so,
        followed by where the customer is."""
        self.active = True
        opening = phrase(self.language, "start.earphones" if reason == "earphones" else "start")
        if self.fallback:
            opening = f"{opening} {phrase(self.language, 'start.fallback')}"
        where = self._orientation(self._state) if self._state is not None else ""
        self._say(f"{opening} {where}".strip(), "start", fixed=not where)

    def stop_voice(self) -> None:
        if not self.active:
            return
        self._say(phrase(self.language, "stop"), "stop", fixed=True)
        self.active = False

    def toggle(self, reason: str = "key") -> None:
        if self.active:
            self.stop_voice()
        else:
            self.start(reason)

    def earphones_changed(self, inserted: bool) -> None:
        """Plugging earphones in starts the voice and says so; pulling them out silences anything private
        that was playing (the rest of the guidance goes on from the speaker)."""
        was = self.earphones
        self.earphones = inserted
        if inserted and not was:
            if self.active:
                self._say(phrase(self.language, "start.earphones"), "start", fixed=True)
            else:
                self.start("earphones")
        elif was and not inserted and self.last is not None and self.last.private:
            self.speaker.stop()
            _append(self.stops, self.clock())

    def session_ended(self) -> None:
        """The customer's session is over (back to the attract screen): rate and volume go back to their
        defaults, and the voice goes off unless earphones are still in."""
        self.rate, self.volume = DEFAULT_RATE, DEFAULT_VOLUME
        if not self.earphones:
            self.active = False
            self.speaker.stop()
        self.last = None

    # --- the customer's actions ---------------------------------------------------------------------

    def action(self) -> None:
        """Any key or touch: whatever is being said stops at once (what the action changes is said next)."""
        if self.active:
            self.speaker.stop()
            _append(self.stops, self.clock())

    def repeat(self) -> None:
        """The last phrase again, at today's rate and volume (a private one only while earphones are in)."""
        last = self.last
        if not self.active or last is None:
            return
        if last.private and not self.earphones:
            self._say(phrase(self.language, "private"), "repeat", fixed=True)
            return
        self._emit(replace(last, kind="repeat", rate=self.rate, volume=self.volume))

    def faster(self) -> None:
        self._set_rate(self.rate + 1)

    def slower(self) -> None:
        self._set_rate(self.rate - 1)

    def louder(self) -> None:
        self._set_volume(self.volume + 1)

    def softer(self) -> None:
        self._set_volume(self.volume - 1)

    def help(self) -> None:
        if self.active:
            self._say(phrase(self.language, "help"), "message", fixed=True)

    def _set_rate(self, rate: int) -> None:
        if not self.active:
            return
        self.rate = max(0, min(RATE_COUNT - 1, rate))
        self._say(phrase(self.language, f"rate.{self.rate}"), "setting", fixed=True)

    def _set_volume(self, volume: int) -> None:
        if not self.active:
            return
        self.volume = max(1, min(VOLUME_STEPS, volume))
        self._say(phrase(self.language, f"volume.{self.volume}"), "setting", fixed=True)

    # --- what the screen shows ----------------------------------------------------------------------

    def flow_changed(self, state: FlowState) -> None:
        """The customer's flow moved: a new screen gets its orientation phrase, a new message (added to
        the cart, sold out ...) is said, the idle warning is read out. The display language is the speech
        language."""
        old, self._state = self._state, state
        self._previous = old
        self.display_language = state.language
        self.language = self._speech_language(state.language)
        if old is not None and old.step is not Step.ATTRACT and state.step is Step.ATTRACT:
            self.session_ended()
        if not self.active:
            return
        if old is None or old.step is not state.step or old.language != state.language:
            self._screen(state)
        elif state.message and (state.message != old.message or state.cart != old.cart):
            key = f"message.{state.message}"
            if key == "message.added":
                self._added(old, state)
            elif key in _MESSAGE_KEYS:
                self._say(phrase(self.language, key), "message", fixed=True)
        elif state.step is Step.PAYING and old.method is not state.method:
            self._screen(state)
        elif state.step is Step.PAYING and state.instruction and state.instruction != old.instruction:
            self._say(state.instruction, "message")  # the card terminal's own prompt ("카드를 넣어 주세요")
        if state.idle_warning and (old is None or not old.idle_warning):
            self._say(phrase(self.language, "idle_warning"), "idle", fixed=True)

    @property
    def fallback(self) -> bool:
        """The screen's language has no voice: Korean is spoken (the screen says so: `note`)."""
        return self.language != self.display_language

    def note(self) -> str:
        """What the screen shows next to the voice control while the voice speaks Korean for want of a voice
        in the display language ("韩语语音"); "" otherwise."""
        return phrase(self.display_language, "note.fallback") if self.active and self.fallback else ""

    def _speech_language(self, display: str) -> str:
        if self.speaks(display) or not self.speaks(FALLBACK_LANGUAGE):
            return display
        return FALLBACK_LANGUAGE

    def focus_changed(self, focus: Focus) -> None:
        """Moving focus speaks the focused control's accessible name and state."""
        if not self.active or not focus.name:
            return
        name: str = focus.name
        names: tuple[str, ...] = ()
        item = self._item(focus.item_id)
        if item is not None:
            # The card's accessible name starts with the display name ("아이스 아메리카노 (L), 4,500원"):
            # the spoken name is said in its place (in Korean where the screen's language has no voice).
            display, spoken = item.names.get(self.display_language), spoken_name(item, self.language)
            if name.startswith(display):
                name = spoken + name[len(display) :]
                names = (spoken,)
        words = [name]
        if focus.button and not focus.checkable:
            words.append(phrase(self.language, "state.button"))
        if focus.checkable:
            words.append(phrase(self.language, "state.checked" if focus.checked else "state.unchecked"))
        if not focus.enabled:
            words.append(phrase(self.language, "state.disabled"))
        self._say(", ".join(words), "focus", private=focus.private, names=names)

    def sound_check(self, language: str = "") -> None:
        """The installer's sound check (docs/INSTALLING.md): the test phrase at today's volume, said whether
        or not voice guidance is on."""
        lang = language or self.language
        self._say(phrase(lang, "soundcheck"), "soundcheck", fixed=True)

    def set_volume(self, volume: int, language: str = "") -> None:
        """A volume step (1..5) chosen on the installer's sound check, voice guidance on or off; says the
        step, as the volume keys do."""
        self.volume = max(1, min(VOLUME_STEPS, volume))
        self._say(phrase(language or self.language, f"volume.{self.volume}"), "setting", fixed=True)

    def announce(self, text: str, *, private: bool = False, public: str = "") -> None:
        """Anything else worth saying; `public` is said instead when `text` is private and no earphones."""
        if self.active:
            self._say(text, "message", private=private, public=public)

    # --- phrases ------------------------------------------------------------------------------------

    def _screen(self, state: FlowState) -> None:
        if state.step is Step.PAYMENT_FAILED:
            lang = self.language
            # A card company's reason comes in `private_reason` (never on screen); a kiosk-side failure's
            # words in `message`.
            reason = state.private_reason or (state.message if state.message not in ("", "declined") else "")
            public = phrase(lang, "screen.payment_failed")
            if reason:
                private = phrase(lang, "screen.payment_failed.private", reason=reason.rstrip("."))
                self._say(private, "screen", private=True, public=public)
            else:
                self._say(public, "screen", fixed=True)
            return
        text = self._orientation(state)
        names = (self._name,) if self._name and self._name in text else ()
        self._say(text, "screen", fixed=text == table(self.language).get(f"screen.{state.step.value}"), names=names)

    def _orientation(self, state: FlowState) -> str:
        lang = self.language
        step = state.step
        values = self._cart_values(state)
        self._name = ""
        if step is Step.OPTIONS and state.editing is not None:
            self._name = spoken_name(state.catalog.item(state.editing.item_id), lang)
            return phrase(lang, "screen.options", item=self._name, price=price(state.editing_price(), lang))
        if step is Step.MENU and state.message == "added":  # back from the options screen with the item
            return f"{self._added_text(self._previous, state)} {phrase(lang, 'screen.menu')}"
        if step is Step.MENU:
            cart = phrase(lang, "cart.summary", **values) if state.cart.count else phrase(lang, "cart.empty")
            return f"{phrase(lang, 'screen.menu')} {cart}"
        if step is Step.PAYING:
            method = state.method.value if state.method is not None else ""
            key = f"screen.paying.{method}"
            return phrase(lang, key if key in _PAYING_KEYS else "screen.paying", **values)
        if step is Step.RESULT:
            return phrase(lang, "screen.result", number=state.order_number)
        if step is Step.PAYMENT_FAILED:
            return phrase(lang, "screen.payment_failed")
        return phrase(lang, f"screen.{step.value}", **values)

    def _cart_values(self, state: FlowState) -> dict[str, object]:
        return {"count": state.cart.count, "total": price(state.total, self.language)}

    def _item(self, item_id: str) -> Item | None:
        if not item_id or self._state is None:
            return None
        try:
            return self._state.catalog.item(item_id)
        except KeyError:
            return None

    def _added(self, old: FlowState | None, state: FlowState) -> None:
        text = self._added_text(old, state)
        self._say(text, "message", names=(self._name,) if self._name else ())

    def _added_text(self, old: FlowState | None, state: FlowState) -> str:
        """ "아메리카노, 장바구니에 담았습니다. …": the item just added (from the options screen, or the cart line
        that grew), by its spoken name."""
        lang, values = self.language, self._cart_values(state)
        item_id = ""
        if old is not None and old.editing is not None:
            item_id = old.editing.item_id
        elif old is not None:
            before = {(line.item_id, line.selection): line.quantity for line in old.cart.lines}
            grown = [ln for ln in state.cart.lines if ln.quantity > before.get((ln.item_id, ln.selection), 0)]
            item_id = grown[0].item_id if grown else ""
        item = None
        if item_id:
            try:
                item = state.catalog.item(item_id)
            except KeyError:
                item = None
        if item is None:
            self._name = ""
            return phrase(lang, "message.added", **values)
        self._name = spoken_name(item, lang)
        return phrase(lang, "message.added.item", item=self._name, **values)

    def _say(
        self,
        text: str,
        kind: str,
        *,
        private: bool = False,
        public: str = "",
        fixed: bool = False,
        names: tuple[str, ...] = (),
    ) -> None:
        private = private or is_private(text)
        if private and not self.earphones:
            text, private, fixed, names = public or phrase(self.language, "private"), False, not public, ()
        utterance = Utterance(
            text=text,
            spoken=normalize(text, self.language),
            language=self.language,
            kind=kind,
            rate=self.rate,
            volume=self.volume,
            private=private,
            fixed=fixed,
            parts=pieces(text, names, self.language),
        )
        self.last = utterance
        self._emit(utterance)

    def _emit(self, utterance: Utterance) -> None:
        _append(self.log, Said(self.clock(), utterance))
        self.speaker.say(utterance)

    def spoken_texts(self) -> list[str]:
        return [s.utterance.text for s in self.log]


def _append(kept: list[_T], item: _T) -> None:
    kept.append(item)
    if len(kept) >= 2 * KEPT:
        del kept[:KEPT]


def pieces(text: str, names: tuple[str, ...], language: str) -> tuple[str, ...]:
    """The normalised text cut at each spoken name, so that a name is a clip of its own ("아메리카노" |
    "사천오백 원, 버튼"); () when the text names nothing."""
    names = tuple(n for n in names if n and n in text)
    if not names:
        return ()
    out: list[str] = []
    rest = text
    for name in names:
        before, _, rest = rest.partition(name)
        out += [before, name]
    out.append(rest)
    spoken = (normalize(piece.lstrip(" ,、，").strip(), language) for piece in out)
    return tuple(p for p in spoken if p)


def price(amount: int, language: str) -> str:
    """As the screen writes it (ui.customer.viewmodel.price_text); the normaliser reads it out."""
    return f"{amount:,}원" if language == "ko" else f"₩{amount:,}"


_MESSAGE_KEYS = {"message.sold_out", "message.required_missing", "message.max_choices", "message.cart_empty"}
_PAYING_KEYS = {"screen.paying.card", "screen.paying.qr", "screen.paying.barcode"}
