"""What software needs a translation to keep: placeholders, markup, accelerators and the
white space around a string, compared unit by unit in bilingual files (PO, XLIFF, TMX,
TSV). These are the checks that stop a build or a crash, not a reader's annoyance.

Formats recognised (none is language data; each is a programming convention):

- printf: ``%s``, ``%d``, ``%1$s``, ``%(name)s``, ``%.2f`` (``%%`` is a literal percent);
  checked where the source holds one or the file flags the string ``*-format``;
- brace: ``{name}``, ``{0}``, ``{0:N2}``, ``{}`` (Python str.format, .NET, Java
  MessageFormat; ``{{`` is a literal brace);
- ICU MessageFormat (a source with ``{n, plural, …}``, ``select`` …): parsed with
  pyicumessageformat, so a broken target is a syntax error with its position, argument
  names are compared, and every plural/select in the target needs its ``other`` branch;
- markup: HTML/XML tags written in the text (names and nesting; attribute values may be
  translated) and the inline codes of XLIFF/TMX (``<g id="1">``, ``<x id="2"/>``,
  ``<bpt i="1">``: the same codes with the same ids);
- accelerators: ``&File`` / ``_File`` (one in the source, one in the translation);
- white space: leading and trailing white space and the number of line breaks, in files
  where they are part of the string (PO, TSV).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity, Unit
from tqcheck.registry import check

PRINTF_RE = re.compile(
    r"%%|%(?:\((?P<name>[\w.-]+)\))?(?:[1-9]\d*\$)?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsaAp@]"
)
BRACE_RE = re.compile(
    r"\{\{|\}\}|\{(?:[A-Za-z_]\w*|\d+)?(?:[.\[][^{}\s]*)?(?:![rsa])?(?::[^{}]*)?\}"
)
ICU_RE = re.compile(r"\{\s*[\w.]+\s*,\s*(?:plural|select|selectordinal)\s*,")
TAG_RE = re.compile(r"</?([A-Za-z][\w:.-]*)(?:\s[^<>]*?)?\s*/?>")
ID_RE = re.compile(r"""\b(?:id|i|rid|x)\s*=\s*["']([^"']*)["']""")
# In the source a marker opens a word ("&File", "_Quit"; not "H&M", "file_name"); in the
# translation it may stand anywhere in a word ("Dr&ucken", "Q_uitter").
_ENTITY = r"(?![A-Za-z]+;|#\d+;|#x[0-9a-fA-F]+;)"
AMP_ACCEL_RE = re.compile(r"(?<![&\w])&(?=[^\W_])" + _ENTITY)
US_ACCEL_RE = re.compile(r"(?<![\w])_(?=[^\W_])")
AMP_IN_TARGET_RE = re.compile(r"(?<!&)&(?=[^\W_])" + _ENTITY)
US_IN_TARGET_RE = re.compile(r"(?<!_)_(?=[^\W_])")
FORMAT_FLAG_RE = re.compile(r"^(?!no-)[\w-]+-format$")
PRINTF_FLAGS = ("c-", "python-format", "php-", "perl-", "sh-", "objc-")
ACCEL_MAX_WORDS = 8  # a label, not a sentence (where "_word_" is emphasis)


def _units(doc: Document) -> Iterator[Unit]:
    if doc.source is not None:
        yield from doc.units


def _at(doc: Document, unit: Unit, token: str) -> tuple[int, int]:
    """Where ``token`` stands in the unit's target, else the whole unit."""
    found = doc.text.find(token, unit.start, unit.end) if token else -1
    return (found, found + len(token)) if found >= 0 else (unit.start, unit.end)


def _diff(source: list[str], target: list[str]) -> tuple[list[str], list[str]]:
    """Tokens the target lacks and tokens it adds (multisets)."""
    src, tgt = Counter(source), Counter(target)
    return sorted((src - tgt).elements()), sorted((tgt - src).elements())


def _named(token: str) -> bool:
    """A named placeholder in running text (``%(name)s``, ``{name}``) may be used any
    number of times; a positional one (``%s``, ``{}``, ``{0}``) is consumed once per use,
    and one inside a tag (``@``) belongs to the markup: each use counts."""
    return token.startswith("%(") or bool(re.match(r"\{[A-Za-z_]", token))


def _placeholder_diff(source: list[str], target: list[str]) -> tuple[list[str], list[str]]:
    """Named placeholders compared as sets, positional ones as multisets."""
    missing, added = _diff(
        [t for t in source if not _named(t)], [t for t in target if not _named(t)]
    )
    names_src = {t for t in source if _named(t)}
    names_tgt = {t for t in target if _named(t)}
    return sorted(missing + sorted(names_src - names_tgt)), sorted(
        added + sorted(names_tgt - names_src)
    )


def _tokens(pattern: re.Pattern[str], text: str, literal: tuple[str, ...]) -> list[str]:
    """The placeholders of ``text``; one written inside a tag (a link's URL:
    ``href="/docs/%(version)s/"``) is marked ``@``: it is counted, not just looked for."""
    tags = [m.span() for m in TAG_RE.finditer(text)] if "<" in text else []
    out = []
    for m in pattern.finditer(text):
        if m.group() in literal:
            continue
        inside = any(a <= m.start() < b for a, b in tags)
        out.append("@" + m.group() if inside else m.group())
    return out


def _icu(text: str) -> tuple[list[Any] | None, str]:
    """The parsed ICU message, or None and the parser's error."""
    from pyicumessageformat import Parser

    try:
        return Parser().parse(text), ""
    except SyntaxError as exc:
        return None, str(exc)


def _icu_walk(nodes: list[Any]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        if isinstance(node, dict):
            yield node
            for branch in (node.get("options") or {}).values():
                yield from _icu_walk(branch)


@check(
    code="AC011",
    name="placeholder-mismatch",
    category=Category.ACCURACY,
    severity=Severity.MAJOR,
    needs=("source",),
)
def placeholder_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A placeholder of the source is missing or changed in the translation, or an ICU
    message is broken.

    What it finds:
    printf placeholders (``%s``, ``%1$d``, ``%(count)s``), brace placeholders
    (``{name}``, ``{0}``) and ICU MessageFormat arguments that the source has and the
    translation lacks, or that the translation adds; an ICU message that no longer
    parses, or whose plural/select lost its ``other`` branch. Only in bilingual files.

    Why it matters:
    At run time a missing or renamed placeholder raises an exception or shows the raw
    code to the user; a broken ICU message fails to format at all.

    Example:
    "Deleted %(count)s files" -> "%(anzahl)s Dateien gelöscht": keep "%(count)s"
    """
    for unit in _units(doc):
        source, target = unit.source, unit.target or doc.text[unit.start : unit.end]
        if ICU_RE.search(source):
            yield from _icu_findings(doc, ctx, unit, source, target)
            continue
        formats = {f for f in unit.flags if FORMAT_FLAG_RE.match(f)}
        if _printf_declared(formats) and (lone := _lone_percent(target)) is not None:
            yield ctx.finding(
                *_at(doc, unit, lone), "a lone % in a format string: write %% for a percent sign"
            )
        if "%" in source and (PRINTF_RE.search(source) and _printf_applies(source, formats)):
            yield from _compare(
                doc,
                ctx,
                unit,
                _tokens(PRINTF_RE, source, ("%%",)),
                _tokens(PRINTF_RE, target, ("%%",)),
            )
        if "{" in source or "{" in target:
            src = _tokens(BRACE_RE, source, ("{{", "}}"))
            if src or any(f.endswith("brace-format") for f in formats):
                yield from _compare(doc, ctx, unit, src, _tokens(BRACE_RE, target, ("{{", "}}")))


def _printf_declared(formats: set[str]) -> bool:
    return any(f.startswith(PRINTF_FLAGS) for f in formats)


def _lone_percent(text: str) -> str | None:
    """A ``%`` that is neither ``%%`` nor a conversion, in a string the file declares a
    printf format: Python raises, C prints garbage. The text around it, or None."""
    covered = {i for m in PRINTF_RE.finditer(text) for i in range(*m.span())}
    for i, ch in enumerate(text):
        if ch == "%" and i not in covered:
            return text[i : i + 2]
    return None


def _printf_applies(source: str, formats: set[str]) -> bool:
    """A percent sign in prose ("50 % of") is no placeholder: the source must hold a
    printf token other than ``%%``, or the file declares a printf-style format."""
    if _printf_declared(formats):
        return True
    return any(m.group() != "%%" for m in PRINTF_RE.finditer(source))


def _compare(
    doc: Document, ctx: Context, unit: Unit, source: list[str], target: list[str]
) -> Iterator[Finding]:
    missing, added = _placeholder_diff(source, target)
    if missing:
        shown = [t[1:] + " (in a tag)" if t.startswith("@") else t for t in missing]
        yield ctx.finding(unit.start, unit.end, _missing("placeholder", shown))
    for token in (t.lstrip("@") for t in added):
        start, end = _at(doc, unit, token)
        yield ctx.finding(start, end, f"placeholder {token} is not in the source")


def _missing(what: str, tokens: list[str]) -> str:
    """One message for everything a unit lost (one finding per unit and kind)."""
    if len(tokens) == 1:
        return f"{what} {tokens[0]} of the source is missing"
    return f"{what}s {', '.join(tokens)} of the source are missing"


def _icu_findings(
    doc: Document, ctx: Context, unit: Unit, source: str, target: str
) -> Iterator[Finding]:
    parsed_source, _ = _icu(source)
    parsed_target, error = _icu(target)
    if parsed_target is None:
        yield ctx.finding(unit.start, unit.end, f"ICU message does not parse: {error}")
        return
    if parsed_source is None:
        return
    names = lambda tree: [n["name"] for n in _icu_walk(tree) if "name" in n]  # noqa: E731
    missing, added = _diff(sorted(set(names(parsed_source))), sorted(set(names(parsed_target))))
    if missing:
        braced = [f"{{{name}}}" for name in missing]
        yield ctx.finding(unit.start, unit.end, _missing("ICU argument", braced))
    for name in added:
        start, end = _at(doc, unit, name)
        yield ctx.finding(start, end, f"ICU argument {{{name}}} is not in the source")
    for node in _icu_walk(parsed_target):
        if node.get("type") in ("plural", "select", "selectordinal"):
            if "other" not in (node.get("options") or {}):
                start, end = _at(doc, unit, node["name"])
                yield ctx.finding(
                    start, end, f"ICU {node['type']} of {{{node['name']}}} has no 'other' branch"
                )


@check(
    code="AC012",
    name="markup-mismatch",
    category=Category.ACCURACY,
    severity=Severity.MAJOR,
    needs=("source",),
)
def markup_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Tags or inline codes of the source are missing, added or wrongly nested.

    What it finds:
    HTML/XML tags written in a string (``<b>``, ``<a href=…>``, ``<br/>``: compared by
    name, since attribute values may be translated) that the translation lacks, adds or
    nests differently; XLIFF and TMX inline codes (``<g id="1">``, ``<x id="2"/>``,
    ``<bpt i="1">``) missing, added or with other ids.

    Why it matters:
    A lost closing tag breaks the page layout; a lost inline code loses a link, a
    variable or formatting when the file is merged back.

    Example:
    "Click <b>Save</b>" -> "Klicken Sie auf <b>Speichern": close the <b>
    """
    for unit in _units(doc):
        target = unit.target or doc.text[unit.start : unit.end]
        src = [_tag_key(m) for m in TAG_RE.finditer(unit.source)]
        tgt = [_tag_key(m) for m in TAG_RE.finditer(target)]
        if src or tgt:
            missing, added = _diff(src, tgt)
            if missing:
                shown = [_show(k) for k in missing]
                yield ctx.finding(unit.start, unit.end, _missing("tag", shown))
            added = _without_typographic_pairs(added)
            if added:
                start, end = _at(doc, unit, _show(added[0]).rstrip(">"))
                s = "s" if len(added) > 1 else ""
                names = ", ".join(_show(k) for k in added)
                yield ctx.finding(start, end, f"tag{s} {names} not in the source")
            if not missing and not added and _nested(src) and not _nested(tgt):
                yield ctx.finding(unit.start, unit.end, "tags are not nested as in the source")
        codes_src = [_code_key(c) for c in unit.source_codes]
        codes_tgt = [_code_key(c) for c in unit.target_codes]
        missing, added = _diff(codes_src, codes_tgt)
        problems = []
        if missing:
            problems.append(_missing("inline code", missing))
        if added:
            s = "s" if len(added) > 1 else ""
            problems.append(f"inline code{s} {', '.join(added)} not in the source")
        if problems:
            yield ctx.finding(unit.start, unit.end, "; ".join(problems))


def _tag_key(m: re.Match[str]) -> str:
    """``<b class=x>`` -> ``b``; ``</b>`` -> ``/b``; ``<br>`` and ``<br/>`` -> ``br/``."""
    text = m.group()
    name = m.group(1).lower()
    if text.startswith("</"):
        return "/" + name
    return name + ("/" if text.endswith("/>") or name in VOID_TAGS else "")


# Inline formatting a translator may add where the language's typography wants it (the
# French ordinal "1<sup>er</sup>"): added as a balanced pair, it is no defect.
TYPOGRAPHIC = frozenset({"sup", "sub", "em", "i", "b", "strong", "small", "abbr", "span"})


def _without_typographic_pairs(added: list[str]) -> list[str]:
    left = Counter(added)
    for name in TYPOGRAPHIC:
        pairs = min(left[name], left["/" + name])
        left[name] -= pairs
        left["/" + name] -= pairs
    return sorted(left.elements())


def _show(key: str) -> str:
    if key.startswith("/"):
        return f"</{key[1:]}>"
    return f"<{key[:-1]}/>" if key.endswith("/") else f"<{key}>"


def _nested(keys: list[str]) -> bool:
    """Opening and closing tags pair up like brackets (void and self-closed ones aside)."""
    stack: list[str] = []
    for key in keys:
        if key.endswith("/") or key in VOID_TAGS:
            continue
        if key.startswith("/"):
            if not stack or stack.pop() != key[1:]:
                return False
        else:
            stack.append(key)
    return not stack


VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area"})


@lru_cache(maxsize=4096)
def _code_key(raw: str) -> str:
    """``<g id="1" ctype="bold">`` -> ``<g id=1>``; ``</g>`` -> ``</g>``; ``<ph id="3">…``
    -> ``<ph id=3/>`` (the element with its content is one code)."""
    m = TAG_RE.match(raw)
    if m is None:
        return raw
    name = m.group(1)
    if m.group().startswith("</"):
        return f"</{name}>"
    ident = ID_RE.search(m.group())
    attr = f" id={ident.group(1)}" if ident else ""
    closed = m.group().endswith("/>") or len(raw) > len(m.group())
    return f"<{name}{attr}{'/' if closed else ''}>"


@check(
    code="AC013",
    name="accelerator-mismatch",
    category=Category.ACCURACY,
    severity=Severity.MINOR,
    needs=("source",),
)
def accelerator_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    """An interface label's keyboard accelerator (``&File``, ``_File``) is lost or doubled.

    What it finds:
    A short source label with exactly one accelerator marker (``&`` or ``_`` before a
    letter; not ``&&``, not an entity such as ``&amp;``) whose translation has none, or
    more than one, of that marker.

    Why it matters:
    Without the marker the menu entry has no keyboard shortcut; with two, the toolkit
    picks one at random or shows the marker.

    Example:
    "&Edit" -> "Bearbeiten": "&Bearbeiten"
    """
    for unit in _units(doc):
        if len(unit.source.split()) > ACCEL_MAX_WORDS:
            continue
        target = unit.target or doc.text[unit.start : unit.end]
        for marker, pattern, anywhere in (
            ("&", AMP_ACCEL_RE, AMP_IN_TARGET_RE),
            ("_", US_ACCEL_RE, US_IN_TARGET_RE),
        ):
            if len(pattern.findall(unit.source)) != 1 or len(anywhere.findall(unit.source)) != 1:
                continue
            found = len(anywhere.findall(target))
            if found == 1:
                continue
            what = "lost" if found == 0 else f"written {found} times"
            yield ctx.finding(unit.start, unit.end, f"accelerator {marker} of the source is {what}")


@check(
    code="AC014",
    name="whitespace-mismatch",
    category=Category.ACCURACY,
    severity=Severity.MINOR,
    needs=("source",),
)
def whitespace_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Leading or trailing white space, or the line breaks, differ from the source.

    What it finds:
    In files where white space belongs to the string (PO, TSV): a source that starts or
    ends with a space or a line break and a translation that does not (or the other way
    round), and a different number of line breaks.

    Why it matters:
    Programs join strings ("Saved " + name); a lost trailing space runs words together,
    a lost final line break breaks console output.

    Example:
    "Saved: " -> "Gespeichert:": "Gespeichert: "
    """
    for unit in _units(doc):
        if "exact-whitespace" not in unit.flags or not unit.target:
            continue
        source, target = unit.source, unit.target
        reported = False
        for where, a, b in (
            ("leading", _lead(source), _lead(target)),
            ("trailing", _lead(source[::-1]), _lead(target[::-1])),
        ):
            if bool(a) != bool(b) or a.count("\n") != b.count("\n"):
                reported = True
                yield ctx.finding(
                    unit.start,
                    unit.end,
                    f"{where} white space differs: {a!r} in the source, {b!r} in the translation",
                )
        if not reported and source.count("\n") != target.count("\n"):
            yield ctx.finding(
                unit.start,
                unit.end,
                f"{source.count(chr(10))} line breaks in the source, "
                f"{target.count(chr(10))} in the translation",
            )


def _lead(text: str) -> str:
    """Leading white space that a program joins on: spaces, tabs, line breaks (not the
    no-break spaces of French typography, "\u00a0:")."""
    return text[: len(text) - len(text.lstrip(" \t\r\n"))]


@check(
    code="AC015",
    name="plural-forms-count",
    category=Category.ACCURACY,
    severity=Severity.MAJOR,
    needs=("source",),
)
def plural_forms_count(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A plural entry has another number of forms than the catalog's Plural-Forms header.

    What it finds:
    A PO entry with ``msgid_plural`` whose ``msgstr[n]`` forms are fewer or more than
    ``nplurals`` in the header's ``Plural-Forms`` (French and German have two, Polish
    three, Arabic six).

    Why it matters:
    gettext picks the form by index: a missing form shows the English source (or
    nothing) for those numbers; msgfmt --check refuses the catalog.

    Example:
    "nplurals=2" with only msgstr[0] -> add msgstr[1]
    """
    for unit in _units(doc):
        for flag in unit.flags:
            if flag.startswith("plural-forms:"):
                have, want = flag.split(":", 1)[1].split("/")
                if have != want:
                    yield ctx.finding(
                        unit.start,
                        unit.end,
                        f"{have} plural forms; the catalog's Plural-Forms says nplurals={want}",
                    )


PRODUCT_RE = re.compile(r"\b(?:[a-z]+[A-Z][\w]*|[A-Z][a-z]+[A-Z][\w]*|[A-Z]+\d[\w]*)\b")


@check(
    code="AC016",
    name="product-token-changed",
    category=Category.ACCURACY,
    severity=Severity.MINOR,
    needs=("source",),
    preview=True,  # class names in prose ("LogEntry objects") are translated on purpose
)
def product_token_changed(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A product or code name of the source (CamelCase, iPhone-style, letters with digits)
    is missing from the translation.

    What it finds:
    Tokens such as ``GitHub``, ``macOS``, ``PowerPoint``, ``OAuth2``, ``MP3`` in a unit's
    source that its translation does not contain (a translation may inflect them:
    "PowerPoints" keeps "PowerPoint"). All-capital words without digits are left out:
    acronyms are often translated (NATO/OTAN, UN/ONU).

    Why it matters:
    Product, brand and API names are not translated; a changed or dropped one points
    users at something that does not exist.

    Example:
    "Sign in with GitHub" -> "Mit Github anmelden": "GitHub"
    """
    for unit in _units(doc):
        target = unit.target or doc.text[unit.start : unit.end]
        missing = sorted({t for t in PRODUCT_RE.findall(unit.source) if t not in target})
        if missing:
            yield ctx.finding(unit.start, unit.end, _missing("product name", missing))
