"""Numbers, amounts, percentages, dates and times as comparable values, per locale.

"1,000.5" (en) and "1.000,5" (de) are both 1000.5; "2 billion" and "2 Milliarden"
are both 2e9 (and "2 Billionen" is 2e12); "3. Dezember" and "December 3" both
give the day 3 and the month 12; "3 p.m." and "15 Uhr" are both 15 h; "zwanzig"
is 20. Everything language-specific is data in ``<lang>.accuracy.toml``
(``[numbers]``); this module only knows how numbers are written in general.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.numbers.words import WordNumbers
from tqcheck.text.langpack import load_pack

# Never numbers to compare: web addresses, e-mail, hashtags, handles, codes like "F-16", "A320";
# a word joining two figures is no code's letters ("a 3.5-by-2.1-metre door").
_MASK_RE = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|[#@]\w+"
    r"|(?<!\d-)\b[A-Za-z]+-?\d+[A-Za-z]*\b"
)
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d.,/])(?:(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y2>\d{4}|\d{2}))(?![\d,]|\.\d)"
)
_DIGIT_RE = re.compile(r"\d")
_CLOCK_RE = re.compile(r"(?<![\d.,:])(?P<h>\d{1,2}):(?P<m>\d{2})(?![\d:])")
_AMPM_RE = re.compile(
    r"(?<![\d.,:])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s?(?P<ap>[ap])\.?\s?m\b\.?", re.IGNORECASE
)
_CURRENCY = "$€£¥₴₽"


@dataclass(frozen=True)
class Quantity:
    """One value found in a text; offsets index the text that was analysed."""

    value: float
    start: int
    end: int
    text: str
    digits: bool  # written with digits or a month name: strong evidence
    alternates: tuple[float, ...] = ()  # other readings of ambiguous separators
    kind: str = "number"  # number | month | time
    # followed by a unit translators routinely convert ("15-foot", "40 Meter"): a different
    # value on the other side may be a conversion, not an error
    convertible: bool = False

    def readings(self) -> tuple[float, ...]:
        return (self.value, *self.alternates)

    def matches(self, other: Quantity) -> bool:
        return any(same_value(a, b) for a in self.readings() for b in other.readings())


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


@dataclass(frozen=True)
class Locale:
    lang: str
    decimal: str
    group: frozenset[str]
    ordinal_suffixes: tuple[str, ...]
    ordinal_words: frozenset[str]  # "fourth", "vierte": a rank
    scales: dict[str, float]
    currency_suffixes: dict[str, float]
    months: dict[str, int]
    hour_words: tuple[str, ...]
    words: WordNumbers
    not_numbers: re.Pattern[str] | None = None
    convertible_units: frozenset[str] = frozenset()
    weight_or_money: frozenset[str] = frozenset()  # "pounds": converted unless money
    range_words: re.Pattern[str] | None = None  # "375 and 400 pounds"


@lru_cache(maxsize=32)
def locale(lang: str) -> Locale:
    data = load_pack(lang).section("numbers")
    months = {
        name.lower(): i + 1 for i, names in enumerate(data.get("months", [])) for name in names
    }
    scales = {k.lower(): float(v) for k, v in data.get("scales", {}).items()}
    return Locale(
        lang=lang,
        decimal=data.get("decimal", "."),
        group=frozenset(data.get("group", [","])),
        ordinal_suffixes=tuple(data.get("ordinal_suffixes", ())),
        ordinal_words=frozenset(w.lower() for w in data.get("ordinal_words", {})),
        scales=scales,
        currency_suffixes={k: float(v) for k, v in data.get("currency_suffixes", {}).items()},
        months=months,
        hour_words=tuple(w.lower() for w in data.get("hour_words", ())),
        words=WordNumbers.from_data(data, scales),
        not_numbers=re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(p) for p in data["not_numbers"]) + r")(?!\w)",
            re.IGNORECASE,
        )
        if data.get("not_numbers")
        else None,
        convertible_units=frozenset(u.lower() for u in data.get("convertible_units", ())),
        weight_or_money=frozenset(u.lower() for u in data.get("weight_or_money", ())),
        range_words=re.compile(
            r"\s*(?:" + "|".join(re.escape(w) for w in data["range_words"]) + r")\s*\d[\d.,]*",
            re.IGNORECASE,
        )
        if data.get("range_words")
        else None,
    )


def is_ordinal(text: str, lang: str) -> bool:
    """A quantity's text that is a rank, not an amount: "fourth", "4th", "4e"."""
    loc = locale(lang)
    low = text.lower()
    if low in loc.ordinal_words:
        return True
    digits = low.rstrip("abcdefghijklmnopqrstuvwxyzèé")
    return digits != low and digits[-1:].isdigit() and low[len(digits) :] in loc.ordinal_suffixes


def extract(text: str, lang: str) -> list[Quantity]:
    """Every quantity in ``text``, in order; each character belongs to one quantity at most."""
    loc = locale(lang)
    masked = _MASK_RE.sub(lambda m: " " * len(m.group()), text)
    if loc.not_numbers is not None:
        masked = loc.not_numbers.sub(lambda m: " " * len(m.group()), masked)
    found: list[Quantity] = []
    taken = [False] * len(text)

    def add(q: Quantity) -> None:
        found.append(q)
        for i in range(q.start, q.end):
            taken[i] = True

    if _DIGIT_RE.search(masked):  # times, dates and figures are written with digits
        for q in _times(masked, text, loc):
            add(q)
        for q in _numeric_dates(masked, text):
            if not any(taken[q.start : q.end]):
                add(q)
        for q in _digit_numbers(masked, text, loc, taken):
            add(q)
    for q in _months(masked, text, loc, taken):
        add(q)
    # a number word after an elided article or preposition: "d’un million", "l'une"
    unelided = _ELISION_RE.sub(lambda m: " " * len(m.group()), masked)
    for q in loc.words.find(unelided, text, taken):
        add(q)
    if loc.convertible_units:
        found = [_mark_unit(q, masked, loc) for q in found]
    found.sort(key=lambda q: (q.start, q.end))
    found = _season_years(found, masked)
    if loc.range_words is not None and len(found) > 1:
        found = _range_scales(found, masked, loc)
    return found


_ELISION_RE = re.compile(r"(?<![^\W\d_])(?:[dlcjmnst]|qu)['’](?=[^\W\d_])", re.IGNORECASE)
_SEASON_RE = re.compile(r"[-–/]")


def _season_years(found: list[Quantity], masked: str) -> list[Quantity]:
    """A year's second half written short after a year: "2027-28", "2027/28" is 2028 as
    well as 28, so it matches "2027-2028"."""
    out = list(found)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if (
            a.kind == b.kind == "number"
            and re.fullmatch(r"(1[89]|20)\d\d", a.text)
            and re.fullmatch(r"\d\d", b.text)
            and _SEASON_RE.fullmatch(masked[a.end : b.start])
        ):
            year = int(a.value) // 100 * 100 + int(b.value)
            out[k] = dataclasses.replace(b, alternates=(*b.alternates, float(year)))
    return out


_LEAD_DIGITS_RE = re.compile(r"\d[\d.,]*")
_BARE_FIGURE_RE = re.compile(r"\d+(?:[.,]\d+)?")  # "14", "2,8": no scale, no unit


def _range_scales(found: list[Quantity], masked: str, loc: Locale) -> list[Quantity]:
    """A bare figure before a range word and a scaled one takes its scale: "14 bis 16
    Millionen" is 14 and 16 million, like "£14m and £16m"; "zwischen 2,8 und 3,5
    Millionen" is 2.8 and 3.5 million."""
    assert loc.range_words is not None
    out = list(found)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.kind != "number" or b.kind != "number" or not _BARE_FIGURE_RE.fullmatch(a.text):
            continue
        lead = _LEAD_DIGITS_RE.match(b.text)
        if lead is None:
            continue
        readings = parse_digits(lead.group(), loc)
        if not readings or not readings[0] or b.value == readings[0]:
            continue  # no scale on the second
        gap = masked[a.end : b.start]
        bound = loc.range_words.match(gap + lead.group())
        if bound is not None and bound.end() == len(gap) + lead.end():
            out[k] = dataclasses.replace(a, value=a.value * b.value / readings[0], alternates=())
    return out


_UNIT_RE = re.compile(r"[\s\u00a0\u202f-]*(°?[^\W\d_]+)")


def _mark_unit(q: Quantity, masked: str, loc: Locale) -> Quantity:
    """Mark a number whose unit translators convert: "15 feet", "375 and 400 pounds" (the
    unit after a range counts for both ends), but not "£400 pounds"-style money."""
    if q.kind != "number":
        return q
    end = q.end
    if loc.range_words is not None:
        more = loc.range_words.match(masked, end)
        if more:
            end = more.end()
    m = _UNIT_RE.match(masked, end)
    unit = m.group(1).lower().rstrip(".") if m else ""
    money = _currency_before(masked, q.start)
    if unit in loc.convertible_units or (unit in loc.weight_or_money and not money):
        return dataclasses.replace(q, convertible=True)
    return q


def _currency_before(masked: str, start: int) -> bool:
    """A currency sign right before a number, a space allowed: "£44m", "£ 44m"."""
    before = masked[max(start - 2, 0) : start].rstrip()
    return bool(before) and before[-1] in _CURRENCY


def _times(masked: str, text: str, loc: Locale) -> list[Quantity]:
    out = []
    seen: set[int] = set()
    if any(w for w in loc.hour_words):
        for m in _hour_pattern(loc.hour_words).finditer(masked):
            minutes = m.group("m") or m.group("m2")
            value = int(m.group("h")) + (int(minutes) / 60 if minutes else 0.0)
            if value < 24:
                out.append(
                    Quantity(
                        value, m.start(), m.end(), text[m.start() : m.end()], True, kind="time"
                    )
                )
                seen.update(range(m.start(), m.end()))
    for m in _AMPM_RE.finditer(masked):
        if m.start() in seen:
            continue
        hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
        value = hour + (int(m.group("m")) / 60 if m.group("m") else 0.0)
        out.append(
            Quantity(value, m.start(), m.end(), text[m.start() : m.end()], True, kind="time")
        )
        seen.update(range(m.start(), m.end()))
    for m in _CLOCK_RE.finditer(masked):
        if m.start() in seen or int(m.group("h")) > 24 or int(m.group("m")) > 59:
            continue
        value = int(m.group("h")) + int(m.group("m")) / 60
        out.append(Quantity(value, m.start(), m.end(), m.group(), True, kind="time"))
    return out


def _numeric_dates(masked: str, text: str) -> list[Quantity]:
    """3.12.2024, 12/3/2024, 2024-12-03: day, month and year as separate numbers."""
    out = []
    for m in _NUMERIC_DATE_RE.finditer(masked):
        parts = ("y1", "m1", "d1") if m.group("y1") else ("a", "b", "y2")
        if not m.group("y1") and (int(m.group("a")) > 31 or int(m.group("b")) > 31):
            continue
        for name in parts:
            s, e = m.span(name)
            out.append(Quantity(float(int(m.group(name))), s, e, text[s:e], True))
    return out


@lru_cache(maxsize=64)
def _hour_pattern(hour_words: tuple[str, ...]) -> re.Pattern[str]:
    """ "14 Uhr 30", "9h30": built once per language, not per segment."""
    words = "|".join(re.escape(w) for w in sorted(hour_words, key=len, reverse=True))
    return re.compile(
        rf"(?<![\d.,:])(?P<h>\d{{1,2}})(?:\s?[:.h]\s?(?P<m>\d{{2}}))?\s?(?:{words})\b"
        rf"(?:\s?(?P<m2>\d{{2}})\b)?",
        re.IGNORECASE,
    )


def _digit_pattern(loc: Locale) -> re.Pattern[str]:
    return _digit_pattern_for(frozenset(loc.group))


@lru_cache(maxsize=64)
def _digit_pattern_for(group: frozenset[str]) -> re.Pattern[str]:
    groups = "".join(re.escape(g) for g in sorted(group | {",", "."}))
    return re.compile(
        rf"(?<![\w.,])(?P<num>\d{{1,3}}(?:[{groups}]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
        rf"(?P<suffix>[^\W\d_]+)?(?![\d])"
    )


_SCALE_AFTER_RE = re.compile(r"[ \u00a0\u202f-]?([^\W\d_]+)\.?")


def _digit_numbers(masked: str, text: str, loc: Locale, taken: list[bool]) -> list[Quantity]:
    out = []
    for m in _digit_pattern(loc).finditer(masked):
        if any(taken[m.start() : m.end()]):
            continue
        readings = parse_digits(m.group("num"), loc)
        if not readings:
            continue
        end = m.end("num")
        scale = 1.0
        suffix = (m.group("suffix") or "").lower()
        if re.fullmatch(r"[A-Z]", m.group("suffix") or ""):
            continue  # a code: "3D", "4K", "5G"
        if suffix:  # glued to the number: "£5m", "£5million", "3rd"; "5km", "1990s" keep 5, 1990
            currency = _currency_before(masked, m.start())
            if currency and suffix in loc.currency_suffixes:
                scale, end = loc.currency_suffixes[suffix], m.end()
            elif suffix in loc.scales:
                scale, end = loc.scales[suffix], m.end()
            elif suffix in loc.ordinal_suffixes:
                end = m.end()
        after = _SCALE_AFTER_RE.match(masked, end)  # "44-Millionen" (a slice copied the rest)
        if after and after.group(1).lower() in loc.scales and scale == 1.0:
            scale = loc.scales[after.group(1).lower()]
            end = after.end()
        value, *alts = (r * scale for r in readings)
        out.append(Quantity(value, m.start(), end, text[m.start() : end], True, tuple(alts)))
    return out


def parse_digits(token: str, loc: Locale) -> list[float]:
    """Readings of a digit string, the locale's first: "1,000" is 1000 in en, 1.0 in de."""
    seps = [ch for ch in token if not ch.isdigit()]
    if not seps:
        return [float(token)]
    groups = re.split(r"[^\d]", token)
    if len(seps) == 1:
        sep = seps[0]
        if len(groups[1]) != 3:
            return [float(groups[0] + "." + groups[1])] if sep in ".," else []
        as_group = float(groups[0] + groups[1])
        as_decimal = float(groups[0] + "." + groups[1])
        if sep not in ".,":
            return [as_group]
        return [as_decimal, as_group] if sep == loc.decimal else [as_group, as_decimal]
    last = seps[-1]
    if len(set(seps)) == 1:  # "1.000.000", "1 000 000"
        return [float("".join(groups))] if all(len(g) == 3 for g in groups[1:]) else []
    if last in ".," and all(s != last for s in seps[:-1]):  # "1.000,5", "1,000.5"
        return [float("".join(groups[:-1]) + "." + groups[-1])]
    return []


_LETTERS_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=64)
def _month_words(months: tuple[str, ...]) -> frozenset[str]:
    """The leading letters of each month name: every match of the month pattern holds
    one of them as a whole word ("16.Dezember", "Sept. 3", "March 2025")."""
    return frozenset(m.group().lower() for n in months if (m := _LETTERS_RE.match(n)))


@lru_cache(maxsize=64)
def _month_pattern(months: tuple[str, ...]) -> re.Pattern[str]:
    """The month names of a language, built once, not per segment (escaping them was a
    fifth of the number check's time on short bilingual units)."""
    names = "|".join(re.escape(n) for n in sorted(months, key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?P<name>{names})\.?(?=\s+\d|\s+(?:of\s+)?\d)|"
        rf"(?<=\d)(?:[^\W\d_]{{1,3}})?(?:\.\s*|\s+)(?:of\s+)?(?P<name2>{names})(?!\w)|"
        rf"(?<!\w)(?P<alone>{names})(?!\w)",
        re.IGNORECASE,
    )


def _months(masked: str, text: str, loc: Locale, taken: list[bool]) -> list[Quantity]:
    """Month names next to a day or year ("3. Dezember", "December 3", "16.Dezember",
    "March 2025"): strong. A full month name on its own ("last February") is weak: it
    matches the other side's month but is never reported by itself."""
    if not loc.months:
        return []
    months = tuple(loc.months)
    if _month_words(months).isdisjoint(_LETTERS_RE.findall(masked.lower())):
        return []  # no month's name is a word of the text (most segments)
    out = []
    for m in _month_pattern(months).finditer(masked):
        group = next(g for g in ("name", "name2", "alone") if m.group(g))
        s, e = m.span(group)
        word = m.group(group)
        if any(taken[s:e]) or (loc.lang != "fr" and not word[0].isupper()):
            continue
        strong = group != "alone"
        if not strong and len(word) < 4:  # "Mar", "Dec" alone are not months
            continue
        value = float(loc.months[word.lower()])
        out.append(Quantity(value, s, e, text[s:e], strong, kind="month"))
    return out


def format_number(value: float, lang: str) -> str:
    """A value written the way ``lang`` writes it ("8.000" in de, "8,000" in en)."""
    loc = locale(lang)
    group = "\u202f" if loc.lang == "fr" else ("." if loc.decimal == "," else ",")
    if float(value).is_integer():
        whole, frac = f"{int(value):,}", ""
    else:
        whole, _, frac = f"{value:,.6f}".rstrip("0").partition(".")
    if abs(value) < 10000 and loc.lang != "en":
        whole = whole.replace(",", "")
    whole = whole.replace(",", group)
    return whole + (loc.decimal + frac if frac else "")
