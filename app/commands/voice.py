"""`kiosk voice render`: render every fixed phrase of the voice guidance ahead, at every rate, into the clip
cache (voice.clips_dir, by default <data_dir>/voice-clips), so the kiosk plays clips instead of running
espeak-ng for them; with --menu also every menu item's spoken name in every language. Run it at install
and after an update (the clip key includes the engine's version), with --menu after a catalog is applied.

`kiosk voice say TEXT`: what the kiosk would say for TEXT — the normalised text and espeak-ng's phonemes,
and with --wav the WAV file — for checking a menu name or a phrase by ear. docs/VOICE.md."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.context import add_config_option, settings_from
from kiosk.config import ConfigError

EXIT_FAILED = 1
EXIT_USAGE = 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("voice", help="voice guidance: render the clips ahead, try a phrase")
    vsub = p.add_subparsers(dest="voice_command", required=True, metavar="ACTION")
    r = vsub.add_parser("render", help="render every fixed phrase at every rate into the clip cache")
    add_config_option(r)
    r.add_argument("--dir", default="", help="clip directory (default: voice.clips_dir or <data_dir>/voice-clips)")
    r.add_argument(
        "--language", action="append", choices=("ko", "en", "zh", "ja"), help="only this language (repeatable)"
    )
    r.add_argument(
        "--menu",
        action="store_true",
        help="also every menu item's spoken name (the applied catalog, else the shipped one): after a catalog update",
    )
    r.set_defaults(handler=render)
    s = vsub.add_parser("say", help="print the normalised text and the phonemes the kiosk would say")
    add_config_option(s)
    s.add_argument("text")
    s.add_argument("--language", default="ko", choices=("ko", "en", "zh", "ja"))
    s.add_argument("--wav", default="", help="also write the speech to this WAV file")
    s.set_defaults(handler=say)


def render(args: argparse.Namespace) -> int:
    from app.voice import build_clips, fixed_phrases
    from hardware.audio.espeak import EspeakError

    try:
        settings = settings_from(args)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    clips = build_clips(settings)
    if args.dir:
        clips.directory = Path(args.dir)
    phrases = fixed_phrases(tuple(args.language or ()))
    if args.menu:
        from app.commands.run import load_menu
        from app.voice import menu_names
        from kiosk.domain.catalog import CatalogError

        try:
            phrases += menu_names(load_menu(settings), tuple(args.language or ()))
        except CatalogError as exc:
            print(f"voice: {exc}", file=sys.stderr)
            return EXIT_USAGE
    try:
        new = clips.render_ahead(phrases)
    except EspeakError as exc:
        print(f"voice: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"voice: cannot write clips to {clips.directory}: {exc.strerror}; check voice.clips_dir", file=sys.stderr)
        return EXIT_FAILED
    total = len(phrases) * len(clips.rates)
    print(f"voice: {new} clips rendered, {total - new} already there, in {clips.directory}")
    return 0


def say(args: argparse.Namespace) -> int:
    from hardware.audio.espeak import DICTIONARIES, Espeak, EspeakError
    from kiosk.voice.normalize import normalize

    try:
        settings = settings_from(args)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    engine = Espeak(settings.voice.espeak, settings.voice.espeak_data)
    spoken = normalize(args.text, args.language)
    if not engine.speaks(args.language):
        print(
            f"voice: espeak-ng has no {args.language} voice ({DICTIONARIES[args.language]}_dict is not in "
            f"{engine.data_dir()}); the kiosk speaks Korean on that language's screens instead: install espeak-ng-data",
            file=sys.stderr,
        )
        return EXIT_FAILED
    try:
        print(f"text:     {args.text}\nspoken:   {spoken}\nphonemes: {engine.phonemes(spoken, args.language)}")
        if args.wav:
            Path(args.wav).write_bytes(engine.render(spoken, args.language))
    except EspeakError as exc:
        print(f"voice: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"voice: cannot write {args.wav}: {exc.strerror}", file=sys.stderr)
        return EXIT_FAILED
    return 0
