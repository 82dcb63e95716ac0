"""Japanese text as espeak-ng's `ja` voice should read it (docs/VOICE.md).

espeak-ng 1.51 (Debian 12) reads kana only: a kanji comes out as "Chinese letter" in English, and numbers
are read wrongly (4500 → "shi sen go hyaku"; it is よんせんごひゃく). It also stumbles over some runs of
hiragana straight into katakana (ごひゃくウォン is spelt out letter by letter; ごひゃく ウォン is read). So:

- numbers are written out in kana, with the sound changes people make (さんびゃく, ろっぴゃく, はっせん,
  いってん, じゅってん), as a word of their own (spaces around);
- won amounts are "… ウォン", order numbers digit by digit (いち に さん ばん), phone numbers and long codes
  digit by digit;
- the kanji words the kiosk says — its phrases, its screens' Japanese names, common menu words — are
  replaced by their reading from `READINGS`. A shop's own menu names in kanji get a `spoken` name in the
  catalog (docs/CATALOG.md); `kiosk voice say --language ja` shows what would be said.

Pure functions, no engine, no Qt.
"""

from __future__ import annotations

import re
import unicodedata

from kiosk.voice.normalize import CARD_RE, LONG_DIGITS_RE, NUM, PHONE_RE, myriads, parse_number

_DIGITS = ("ゼロ", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう")
_HUNDREDS = (
    "",
    "ひゃく",
    "にひゃく",
    "さんびゃく",
    "よんひゃく",
    "ごひゃく",
    "ろっぴゃく",
    "ななひゃく",
    "はっぴゃく",
    "きゅうひゃく",
)
_THOUSANDS = ("", "せん", "にせん", "さんぜん", "よんせん", "ごせん", "ろくせん", "ななせん", "はっせん", "きゅうせん")
_LARGE = ("", "まん", "おく", "ちょう")


def _chunk(n: int) -> str:
    """0 < n < 10000 in kana."""
    th, rest = divmod(n, 1000)
    hu, rest = divmod(rest, 100)
    te, on = divmod(rest, 10)
    tens = ("" if te == 1 else _DIGITS[te]) + "じゅう" if te else ""
    return _THOUSANDS[th] + _HUNDREDS[hu] + tens + (_DIGITS[on] if on else "")


def japanese_number(n: int) -> str:
    """4500 → よんせんごひゃく; 12500 → いちまんにせんごひゃく; 300 → さんびゃく; 8000 → はっせん."""
    if n < 0:
        return "マイナス " + japanese_number(-n)
    if n == 0:
        return "ゼロ"
    groups = myriads(n)
    out = ""
    for unit in range(len(groups) - 1, -1, -1):
        chunk = groups[unit]
        if not chunk:
            continue
        text = _chunk(chunk)
        if unit and chunk == 1:
            text = "いち"  # いちまん, いちおく
        elif unit and chunk % 1000 == 0 and chunk // 1000 == 1:
            text = "いっせん"  # いっせんまん
        out += text + _LARGE[unit]
    return out


def spell_digits_ja(digits: str) -> str:
    return " ".join(_DIGITS[int(c)] for c in digits if c.isdigit())


# Counters and the sound changes of the number's last digit before them (1 / 3 / 4 / 6 / 8 / 10).
_COUNTERS: dict[str, tuple[str, dict[int, str]]] = {
    "点": ("てん", {1: "いってん", 8: "はってん", 10: "じゅってん"}),
    "個": ("こ", {1: "いっこ", 6: "ろっこ", 8: "はっこ", 10: "じゅっこ"}),
    "杯": ("はい", {1: "いっぱい", 3: "さんばい", 6: "ろっぱい", 8: "はっぱい", 10: "じゅっぱい"}),
    "分": ("ふん", {1: "いっぷん", 3: "さんぷん", 4: "よんぷん", 6: "ろっぷん", 8: "はっぷん", 10: "じゅっぷん"}),
    "枚": ("まい", {}),
    "番": ("ばん", {}),
    "秒": ("びょう", {}),
    "人": ("にん", {1: "ひとり", 2: "ふたり", 4: "よにん"}),
    "円": ("えん", {4: "よえん"}),
    # units in katakana: a word of their own (espeak-ng stumbles over kana numbers run into katakana)
    "g": (" グラム", {}),
    "kg": (" キログラム", {}),
    "ml": (" ミリリットル", {}),
    "L": (" リットル", {}),
}


def count_ja(n: int, counter: str) -> str:
    """21点 → にじゅういってん; 10個 → じゅっこ; 3杯 → さんばい; 1人 → ひとり."""
    base, special = _COUNTERS[counter]
    if 0 < n < 11 and n in special:
        return special[n]
    last = n % 10
    if last and last in special and n > 10 and not (counter == "人" and last in (1, 2)):
        return japanese_number(n - last) + special[last]
    if not last and n % 100 and 10 in special:
        tens = (n % 100) // 10
        hundreds = japanese_number(n - n % 100) if n >= 100 else ""
        return hundreds + ("" if tens == 1 else _DIGITS[tens]) + special[10]
    return japanese_number(n) + base


# Kanji words the kiosk says, with their readings; the longest match wins (音声案内 before 音声 before 音).
READINGS: dict[str, str] = {
    # the kiosk's phrases (kiosk/voice/phrases.py)
    "音声": "おんせい",
    "案内": "あんない",
    "開始": "かいし",
    "終了": "しゅうりょう",
    "接続": "せつぞく",
    "矢印": "やじるし",
    "移動": "いどう",
    "決定": "けってい",
    "選びます": "えらびます",
    "選んで": "えらんで",
    "選び": "えらび",
    "選べません": "えらべません",
    "選ぶ": "えらぶ",
    "一度": "いちど",
    "聞く": "きく",
    "聞き": "きき",
    "聞こえ": "きこえ",
    "速さ": "はやさ",
    "速い": "はやい",
    "音量": "おんりょう",
    "注文": "ちゅうもん",
    "始める": "はじめる",
    "始め": "はじめ",
    "押す": "おす",
    "押して": "おして",
    "画面": "がめん",
    "店内": "てんない",
    "召し上がり": "めしあがり",
    "持ち帰り": "もちかえり",
    "中身": "なかみ",
    "合計": "ごうけい",
    "支払い": "しはらい",
    "支払う": "しはらう",
    "方法": "ほうほう",
    "金額": "きんがく",
    "処理中": "しょりちゅう",
    "注文中": "ちゅうもんちゅう",
    "決済中": "けっさいちゅう",
    "少し": "すこし",
    "端末": "たんまつ",
    "差し込んで": "さしこんで",
    "差し込む": "さしこむ",
    "読み取って": "よみとって",
    "決済": "けっさい",
    "完了": "かんりょう",
    "試し": "ためし",
    "試す": "ためす",
    "別": "べつ",
    "番号": "ばんごう",
    "追加": "ついか",
    "売り切れ": "うりきれ",
    "必須": "ひっす",
    "最初": "さいしょ",
    "戻ります": "もどります",
    "戻る": "もどる",
    "続ける": "つづける",
    "個人情報": "こじんじょうほう",
    "選択済み": "せんたくずみ",
    "選択中": "せんたくちゅう",
    "未選択": "みせんたく",
    "選択": "せんたく",
    "使用": "しよう",
    "話す": "はなす",
    "普通": "ふつう",
    "確認": "かくにん",
    "音": "おと",
    "空": "から",
    "以上": "いじょう",
    "言語": "げんご",
    "韓国語": "かんこくご",
    # the customer screens' Japanese names (ui/i18n/kiosk_ja.ts), read when focus moves
    "準備中": "じゅんびちゅう",
    "少々": "しょうしょう",
    "お待ち": "おまち",
    "大きな": "おおきな",
    "文字": "もじ",
    "低い": "ひくい",
    "内容": "ないよう",
    "数量": "すうりょう",
    "減らす": "へらす",
    "増やす": "ふやす",
    "削除": "さくじょ",
    "利用": "りよう",
    "消費税": "しょうひぜい",
    "込み": "こみ",
    "後に": "ごに",
    "時間": "じかん",
    "呼び出し": "よびだし",
    "呼ばれたら": "よばれたら",
    "次": "つぎ",
    "前": "まえ",
    "項目": "こうもく",
    "一つ": "ひとつ",
    "開く": "ひらく",
    "閉じる": "とじる",
    "挿す": "さす",
    "食べます": "たべます",
    "右下": "みぎした",
    "下": "した",
    "残り": "のこり",
    "承認": "しょうにん",
    "請求": "せいきゅう",
    "取り消し": "とりけし",
    "受け取り": "うけとり",
    "印刷": "いんさつ",
    "必要": "ひつよう",
    "不要": "ふよう",
    "問題": "もんだい",
    "表示": "ひょうじ",
    "直し": "なおし",
    "点検": "てんけん",
    "越し": "こし",
    "任意": "にんい",
    "最大": "さいだい",
    "QR": "キューアール",
    "VAT": "ブイエーティー",
    "Samsung Pay": "サムスンペイ",
    # common menu words (the demo catalog's option names; items carry their own spoken names)
    "抹茶": "まっちゃ",
    "茶": "ちゃ",
    "生姜": "しょうが",
    "塩": "しお",
    "牛乳": "ぎゅうにゅう",
    "豆乳": "とうにゅう",
    "低脂肪乳": "ていしぼうにゅう",
    "豆": "まめ",
    "卵": "たまご",
    "軽食": "けいしょく",
    "甘さ控えめ": "あまさひかえめ",
    "甘め": "あまめ",
    "温めて": "あたためて",
    "激辛": "げきから",
    "温度": "おんど",
    "変更": "へんこう",
    "甘さ": "あまさ",
    "温め": "あたため",
    "辛さ": "からさ",
    "食事": "しょくじ",
}

_READING = re.compile("|".join(re.escape(w) for w in sorted(READINGS, key=len, reverse=True)))
_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WON = re.compile(rf"([+\-−]?)(?:₩\s*({NUM})|({NUM})\s*(?:ウォン|원|won\b|KRW\b))", re.IGNORECASE)
_ORDER_NO = re.compile(r"(注文番号|番号)(\s*(?:は|:)?\s*)(\d+)(\s*番)?")
_COUNT = re.compile(rf"({NUM})\s*({'|'.join(sorted(_COUNTERS, key=len, reverse=True))})(?![A-Za-z])")
_TIMES = re.compile(r"\s*×\s*(\d+)(?!\d)")
_PERCENT = re.compile(rf"({NUM})\s*%")
_PLAIN = re.compile(rf"(?<![\d.])({NUM})(?![\d.])")
_SYMBOLS = {"·": "、", "・": "、", "&": " アンド ", "/": "、", "~": "から", "✓": ""}


def _won(m: re.Match[str]) -> str:
    sign, amount = m.group(1), parse_number(m.group(2) or m.group(3))
    words = f" {japanese_number(amount)} ウォン "
    if sign == "+":
        return f" プラス{words}"
    if sign:
        return f" マイナス{words}"
    return words


def unread_kanji(text: str) -> str:
    """The kanji left in normalised text: what espeak-ng would read as "Chinese letter"."""
    return "".join(_KANJI.findall(text))


def normalize_ja(text: str) -> str:
    """Japanese text for espeak-ng's ja voice: kana numbers and readings (tests/voice/test_normalize_cjk.py)."""
    out = unicodedata.normalize("NFKC", text)  # ４５００ → 4500, full-width brackets and signs → ASCII
    out = CARD_RE.sub("カード番号", out)
    out = PHONE_RE.sub(lambda m: "、".join(spell_digits_ja(g) for g in m.groups()), out)
    out = _ORDER_NO.sub(lambda m: f"{m.group(1)}{m.group(2)} {spell_digits_ja(m.group(3))} ばん ", out)
    out = _WON.sub(_won, out)
    out = _COUNT.sub(lambda m: f" {count_ja(parse_number(m.group(1)), m.group(2))} ", out)
    out = _TIMES.sub(lambda m: f"、{count_ja(int(m.group(1)), '個')} ", out)
    out = _PERCENT.sub(lambda m: f" {japanese_number(parse_number(m.group(1)))} パーセント ", out)
    out = LONG_DIGITS_RE.sub(lambda m: f" {spell_digits_ja(m.group(0))} ", out)
    out = _PLAIN.sub(lambda m: f" {japanese_number(parse_number(m.group(1)))} ", out)
    out = _READING.sub(lambda m: READINGS[m.group(0)], out)
    for sym, words in _SYMBOLS.items():
        out = out.replace(sym, words)
    out = re.sub(r"[()]", " ", out)
    return re.sub(r"\s+([、。,.?？!！])", r"\1", re.sub(r"\s+", " ", out)).strip()
