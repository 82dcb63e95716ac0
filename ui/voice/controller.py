"""The voice guidance in the window: the policy (kiosk.voice.policy) told what happens on screen — the
customer flow's changes, focus moving (the focused item's Accessible name and state), keys and touches
(any action interrupts), the voice keys from the config, the earphone jack through a QSocketNotifier on
the jack port's descriptor — and a `QtSpeaker` to say it. QML sees it as `voice` (VoiceButton.qml)."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import Property, QEvent, QObject, QSocketNotifier, Signal, Slot
from PySide6.QtGui import QAccessible, QKeyEvent
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.voice.names import name_pieces
from kiosk.voice.policy import Focus, VoicePolicy
from kiosk.voice.ports import EarphoneJack
from ui.customer.viewmodel import KioskViewModel
from ui.voice.services import VoiceKeys, VoiceServices
from ui.voice.speaker import QtSpeaker

log = logging.getLogger(__name__)


def build_controller(services: VoiceServices, vm: KioskViewModel, parent: QObject) -> VoiceController:
    speaker = QtSpeaker(services.clips, buffer=services.buffer, parent=parent)
    policy = VoicePolicy(speaker, time.monotonic, language=vm.state.language, speaks=services.clips.speaks)
    return VoiceController(
        policy, vm, keys=services.keys, jack=services.jack, names_ahead=services.names_ahead, parent=parent
    )


_INTERRUPTING = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}


class VoiceController(QObject):
    changed = Signal()

    def __init__(
        self,
        policy: VoicePolicy,
        vm: KioskViewModel,
        *,
        keys: VoiceKeys | None = None,
        jack: EarphoneJack | None = None,
        names_ahead: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy = policy
        self._names_ahead = names_ahead
        self._names_done: set[tuple[int, str, int]] = set()  # (catalog, language, rate) asked for already
        self.vm = vm
        self.jack = jack
        self._keys = (keys or VoiceKeys()).codes()
        self._window: QQuickWindow | None = None
        self._notifier: QSocketNotifier | None = None
        self._key_moved_focus = False
        self._key_step = vm.state.step  # the screen a key was pressed on
        vm.changed.connect(self._flow_changed)
        self.changed.connect(self._render_names_ahead)
        policy.flow_changed(vm.state)

    def attach(self, window: QQuickWindow) -> None:
        """The window is loaded: keys, touches and focus go to the policy; the jack is watched."""
        self._window = window
        window.installEventFilter(self)
        window.activeFocusItemChanged.connect(self._focus_changed)
        if self.jack is not None:
            if self.jack.inserted_at_start():
                self.policy.earphones = True  # already in at start: private phrases may be said
            self._notifier = QSocketNotifier(self.jack.fileno(), QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._jack_readable)

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self._window is not None:
            self._window.removeEventFilter(self)
        if self.jack is not None:
            self.jack.close()
        speaker = self.policy.speaker
        close = getattr(speaker, "close", None)
        if close is not None:
            close()

    # --- what QML sees --------------------------------------------------------------------------------

    def _active(self) -> bool:
        return self.policy.active

    def _earphones(self) -> bool:
        return self.policy.earphones

    active = Property(bool, _active, notify=changed)
    earphones = Property(bool, _earphones, notify=changed)
    rate = Property(int, lambda self: self.policy.rate, notify=changed)
    volume = Property(int, lambda self: self.policy.volume, notify=changed)

    hasJack = Property(bool, lambda self: self.jack is not None, constant=True)
    # The on-screen note while Korean is spoken for want of a voice in the display language ("韩语语音").
    note = Property(str, lambda self: self.policy.note(), notify=changed)

    # The installer's sound check (ui/qml/installer/SoundCheck.qml): the test phrase and a tone at the chosen
    # volume step, voice guidance on or off.
    @Slot(str)
    def soundCheck(self, language: str) -> None:
        self.policy.sound_check(language)

    @Slot()
    def tone(self) -> None:
        tone = getattr(self.policy.speaker, "tone", None)
        if tone is not None:
            tone(self.policy.volume)

    @Slot(int, str)
    def setVolume(self, volume: int, language: str) -> None:
        self.policy.set_volume(volume, language)
        self.changed.emit()

    @Slot()
    def toggle(self) -> None:
        """The on-screen voice button."""
        self.policy.toggle("button")
        self.changed.emit()

    @Slot()
    def repeat(self) -> None:
        self.policy.repeat()

    @Slot()
    def faster(self) -> None:
        self.policy.faster()
        self.changed.emit()

    @Slot()
    def slower(self) -> None:
        self.policy.slower()
        self.changed.emit()

    @Slot()
    def louder(self) -> None:
        self.policy.louder()
        self.changed.emit()

    @Slot()
    def softer(self) -> None:
        self.policy.softer()
        self.changed.emit()

    # --- events -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _INTERRUPTING:
            return False
        if kind is QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self._keys.get(event.key())
            if action is not None:
                if not event.isAutoRepeat():
                    self._voice_key(action)
                return True  # a voice key is the voice's own, not the screen's
            self._key_moved_focus = True
            self._key_step = self.vm.state.step
        self.policy.action()  # any other action: stop talking at once
        return False

    def _voice_key(self, action: str) -> None:
        if action == "start":
            self.policy.toggle("key")
        elif action == "repeat":
            self.policy.repeat()
        else:
            getattr(self.policy, action)()
        self.changed.emit()

    def _flow_changed(self) -> None:
        p = self.policy
        was = (p.active, p.rate, p.volume, p.language, p.display_language)
        p.flow_changed(self.vm.state)
        if was != (p.active, p.rate, p.volume, p.language, p.display_language):
            self.changed.emit()

    def _render_names_ahead(self) -> None:
        """Voice is on: the menu's spoken names in this language at this rate go to the voice worker, to be
        rendered into the clip cache between phrases (once per catalog, language and rate; names already on
        disk cost a file check)."""
        policy = self.policy
        render = getattr(policy.speaker, "render_ahead", None)
        if not self._names_ahead or not policy.active or render is None:
            return
        catalog = self.vm.state.catalog
        key = (catalog.version, policy.language, policy.rate)
        if key in self._names_done:
            return
        self._names_done.add(key)
        render([(piece, policy.language, policy.rate) for piece in name_pieces(catalog, policy.language)])

    def _focus_changed(self) -> None:
        """Focus moved by a key: say the control's accessible name and state. (Focus that a new screen sets
        is not read over the screen's orientation phrase.)"""
        if not self._key_moved_focus or self._window is None:
            return
        self._key_moved_focus = False
        if self.vm.state.step is not self._key_step:
            return  # the key changed the screen: its orientation phrase is said, not the focus it sets
        item = self._window.activeFocusItem()
        if item is not None:
            self.policy.focus_changed(focus_of(item))

    def _jack_readable(self) -> None:
        assert self.jack is not None
        try:
            changes = self.jack.read_changes()
        except EOFError:
            log.warning("voice: the earphone jack device went away; voice still starts from its key")
            if self._notifier is not None:
                self._notifier.setEnabled(False)
            return
        for inserted in changes:
            self.policy.earphones_changed(inserted)
        if changes:
            self.changed.emit()


def focus_of(item: QQuickItem) -> Focus:
    """The item as assistive technology sees it: its Accessible name, role and state; `voicePrivate` on the
    item marks a control whose name holds personal data (said only with earphones in)."""
    iface = QAccessible.queryAccessibleInterface(item)
    if iface is None:
        return Focus(str(item.property("text") or ""))
    state = iface.state()
    role = iface.role()
    object_name = item.objectName()
    return Focus(
        item_id=object_name[len("item_") :] if object_name.startswith("item_") else "",
        name=iface.text(QAccessible.Text.Name),
        button=role == QAccessible.Role.Button,
        checkable=bool(state.checkable) or role in (QAccessible.Role.CheckBox, QAccessible.Role.RadioButton),
        checked=bool(state.checked),
        enabled=not bool(state.disabled),
        private=bool(item.property("voicePrivate")),
    )
