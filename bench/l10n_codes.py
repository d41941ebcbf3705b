"""Software-string checks on real gettext catalogs: tqcheck AC011-AC014 against pofilter.

Catalogs: the human de and fr translations shipped with Django (``conf/locale/<lang>`` and
``contrib/*/locale/<lang>``, ``LC_MESSAGES/django.po``), read in place.

1. Clean run: a unit is one msgstr line (each msgstr[n] on its own) with a translation, not
   fuzzy, not the header; findings per rule and per 1000 units, with samples to judge.
2. Corruption run: per kind and language, a copy of the catalogs (temp dir, same path shape)
   in which chosen entries get one corruption each in one msgstr: a printf placeholder dropped
   or renamed, a brace placeholder or a closing tag dropped, trailing white space stripped
   (real entries, topped up with synthesised ones where fewer than 20 exist), an & or _
   accelerator lost, an ICU plural broken (synthesised). Recall = corrupted entries with a
   finding of the expected rule on the corrupted msgstr line; synthesised clean versions are
   scanned for false alarms. bench/data/l10n/README.md has the details.
3. pofilter (translate-toolkit) on the same files, failures matched by msgctxt+msgid; wall
   time of both tools on the clean catalogs.

Deterministic (random.Random(20261206)) but for the timings. Prints the report and writes
bench/data/l10n/RESULTS.md and README.md.

    .venv/bin/python bench/l10n_codes.py
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "l10n"
BIN = Path(sys.executable).parent
SEED = 20261206
LANGS = ("de", "fr")  # the rules were tuned on these catalogs' false alarms
HELDOUT = ("es", "it", "nl", "pl", "pt_BR", "ru")  # clean catalogs never looked at when tuning
RULES = ("AC011", "AC012", "AC013", "AC014", "AC015", "AC016")
TARGET = 50  # corrupted entries per kind and language, at most
MIN_NATURAL = 20  # fewer real candidates than this: fill up to TARGET with synthesised ones
EXPECTED = {  # kind -> tqcheck rule, pofilter tests that count as finding it
    "printf_drop": ("AC011", {"printf"}),
    "printf_rename": ("AC011", {"printf"}),
    "brace_drop": ("AC011", {"pythonbraceformat"}),
    "icu_break": ("AC011", {"pythonbraceformat"}),
    "tag_break": ("AC012", {"xmltags"}),
    "accel_amp": ("AC013", {"accelerators(&)"}),
    "accel_us": ("AC013", {"accelerators(_)"}),
    "trailing_space": ("AC014", {"endwhitespace", "newlines"}),
}
MAIN_TESTS = (
    "printf xmltags startwhitespace endwhitespace newlines escapes pythonbraceformat".split()
)
POFILTER_RUNS = {  # run -> options, tests; the checker sets the accelerator marker
    "main": ([], MAIN_TESTS),
    "accelerators(&)": (["--mozilla"], ["accelerators"]),
    "accelerators(_)": (["--gnome"], ["accelerators"]),
}
PRINTF_RE = re.compile(r"%%|%(?:\([\w.-]+\))?(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]")
NAMED_RE = re.compile(r"%\(([\w.-]+)\)")
BRACE_RE = re.compile(r"\{\w*\}")
TAG_RE = re.compile(r"<([A-Za-z][\w-]*)[^<>]*>")
WORD_RE = re.compile(r"[^\W\d_]{3,}")
FIELD_RE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"\s*$')
RENAMED = {"de": "wert", "fr": "nom"}  # a translator "translating" a placeholder name
ICU = "{{count, plural, one {{# {0}}} other {{# {0}}}}}"


# --- gettext PO: just enough to find, change and locate msgstr lines ------------------------
@dataclass
class Field:
    key: str  # msgctxt, msgid, msgid_plural, msgstr, msgstr[n]
    text: str
    first: int  # 1-based line of the keyword
    last: int  # its last continuation line


@dataclass
class Entry:
    fields: dict[str, Field] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    notes: dict[str, str] = field(default_factory=dict)  # pofilter's comments: test -> message

    def text(self, key: str) -> str:
        return self.fields[key].text if key in self.fields else ""

    @property
    def key(self) -> tuple[str, str]:
        return self.text("msgctxt"), self.text("msgid")

    def source(self, form: str) -> str:
        return self.text("msgid" if form in ("msgstr", "msgstr[0]") else "msgid_plural")

    def units(self) -> list[tuple[str, str, str]]:
        """(msgstr key, its source, its translation) of each translated form."""
        if not self.text("msgid") or "fuzzy" in self.flags:
            return []
        return [
            (k, self.source(k), f.text)
            for k, f in self.fields.items()
            if k.startswith("msgstr") and f.text
        ]


def unescape(s: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), s)


def escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def parse_po(text: str) -> list[Entry]:
    entries: list[Entry] = []
    cur: Entry | None = None
    last: Field | None = None
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s:
            cur = last = None
        elif s.startswith("#~"):
            continue
        elif s.startswith("#"):
            if cur is None or cur.fields:
                cur = Entry()
                entries.append(cur)
            if s.startswith("#,"):
                cur.flags |= {f.strip() for f in s[2:].split(",")}
            elif m := re.match(r"# \(pofilter\) (\w+): (.*)", s):
                cur.notes[m[1]] = m[2]
        elif m := FIELD_RE.match(s):
            if cur is None or (m[1] in ("msgctxt", "msgid") and "msgid" in cur.fields):
                cur = Entry()
                entries.append(cur)
            last = cur.fields[m[1]] = Field(m[1], unescape(m[2]), n, n)
        elif s.startswith('"') and last is not None:
            last.text += unescape(s[1:-1])
            last.last = n
    return [e for e in entries if "msgid" in e.fields]


def rewrite(text: str, entries: list[Entry], edits: dict[tuple[int, str], str]) -> str:
    """The file with fields replaced, each on one line: {(entry index, key): new text}."""
    lines, out, n = text.splitlines(), [], 1
    spans = {}
    for (i, key), new in edits.items():
        f = entries[i].fields[key]
        spans[f.first] = (f.last, f'{key} "{escape(new)}"')
    while n <= len(lines):
        last, new = spans.get(n, (n, lines[n - 1]))
        out.append(new)
        n = last + 1
    return "\n".join(out) + "\n"


@dataclass
class Catalog:
    rel: str  # below the django package: contrib/admin/locale/de/LC_MESSAGES/django.po
    text: str
    entries: list[Entry]


@dataclass
class Change:
    kind: str
    rel: str
    index: int  # of the entry in its catalog
    form: str  # the msgstr key corrupted
    origin: str  # natural or synth
    clean: dict[str, str]  # field edits making the clean version (none for a real entry)
    corrupt: dict[str, str]  # field edits on top of it: the corruption
    found: dict[str, bool] = field(default_factory=dict)  # tool -> expected finding there
    false_alarm: dict[str, list[str]] = field(default_factory=dict)  # tool -> on clean synth
    shown: str = ""


def catalogs(base: Path, lang: str) -> list[Catalog]:
    paths = [base / "conf/locale" / lang / "LC_MESSAGES/django.po"]
    paths += sorted(base.glob(f"contrib/*/locale/{lang}/LC_MESSAGES/django.po"))
    texts = [(str(p.relative_to(base)), p.read_text(encoding="utf-8")) for p in paths]
    return [Catalog(rel, text, parse_po(text)) for rel, text in texts]


def scan(scanner, rel: str, text: str) -> list[tuple[str, int, str]]:
    return [(f.rule, f.line, f.message) for f in scanner.scan_bytes(text.encode(), rel).findings]


def on_form(findings, entry: Entry, form: str) -> list[tuple[str, int, str]]:
    f = entry.fields[form]
    return [x for x in findings if f.first <= x[1] <= f.last]


def run_pofilter(indir: Path, outdir: Path, runs) -> tuple[dict, dict]:
    """{rel: {(msgctxt, msgid): {test: message}}} and the wall seconds of each run."""
    flags: dict[str, dict] = defaultdict(lambda: defaultdict(dict))
    seconds = {}
    outdir.mkdir(parents=True, exist_ok=True)
    for name in runs:
        options, tests = POFILTER_RUNS[name]
        cmd = [str(BIN / "pofilter"), "--nofuzzy", "--progress=none", *options]
        cmd += [a for t in tests for a in ("-t", t)] + [str(indir), str(outdir / name)]
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        seconds[name] = time.perf_counter() - t0
        for path in sorted((outdir / name).rglob("*.po")):
            for e in parse_po(path.read_text(encoding="utf-8")):
                notes = {name if t == "accelerators" else t: m for t, m in e.notes.items()}
                flags[str(path.relative_to(outdir / name))][e.key].update(notes)
    return flags, seconds


# --- corruptions ------------------------------------------------------------------------------
def drop(text: str, token: str, rng: random.Random, space: bool = True) -> str:
    """One occurrence of ``token`` removed (a placeholder: with one space next to it)."""
    i = rng.choice([m.start() for m in re.finditer(re.escape(token), text)])
    j = i + len(token)
    if space and text[j : j + 1] == " ":
        j += 1
    elif space and i and text[i - 1] == " ":
        i -= 1
    return text[:i] + text[j:]


def natural(kind: str, src: str, tgt: str, flags: set[str], lang, rng) -> str | None:
    """The corrupted translation of a real entry, or None if the kind does not apply."""
    if kind == "printf_drop" and "python-format" in flags:
        common = sorted(set(PRINTF_RE.findall(src)) & set(PRINTF_RE.findall(tgt)) - {"%%"})
        return drop(tgt, rng.choice(common), rng) if common else None
    if kind == "printf_rename" and "python-format" in flags:
        names = sorted(set(NAMED_RE.findall(src)) & set(NAMED_RE.findall(tgt)))
        if names:
            name = rng.choice(names)
            new = RENAMED[lang] if name != RENAMED[lang] else name + "2"
            return tgt.replace(f"%({name})", f"%({new})", 1)
    if kind == "brace_drop":
        common = sorted(set(BRACE_RE.findall(src)) & set(BRACE_RE.findall(tgt)))
        return drop(tgt, rng.choice(common), rng) if common else None
    if kind == "tag_break":
        pairs = sorted({t for t in TAG_RE.findall(src) if f"</{t}>" in src and f"</{t}>" in tgt})
        return drop(tgt, f"</{rng.choice(pairs)}>", rng, space=False) if pairs else None
    if kind == "trailing_space" and src[-1:].isspace() and tgt[-1:].isspace():
        return tgt.rstrip()
    return None


def simple(entry: Entry) -> bool:
    """A real short singular entry of plain text: material for synthesised entries."""
    src, tgt = entry.text("msgid"), entry.text("msgstr")
    plain = lambda s: s[:1].isalpha() and s == s.rstrip() and not re.search(r"[%{}<>&_#'\\\n]", s)  # noqa: E731
    words = len(src.split()) <= 4 and WORD_RE.search(src) and WORD_RE.search(tgt)
    return (
        bool(entry.units() and "msgid_plural" not in entry.fields and words)
        and plain(src)
        and plain(tgt)
    )


def synthesise(kind: str, src: str, tgt: str, rng) -> tuple[dict, str]:
    """Field edits of the clean version, and the corrupted msgstr."""
    if kind == "brace_drop":
        return {"msgid": src + " {count}", "msgstr": tgt + " {count}"}, tgt
    if kind == "tag_break":
        a, b = (rng.choice(list(WORD_RE.finditer(s))) for s in (src, tgt))
        wrap = lambda s, m: f"{s[: m.start()]}<b>{m[0]}</b>{s[m.end() :]}"  # noqa: E731
        return {"msgid": wrap(src, a), "msgstr": wrap(tgt, b)}, wrap(tgt, b).replace("</b>", "")
    if kind in ("accel_amp", "accel_us"):
        mark = "&" if kind == "accel_amp" else "_"
        return {"msgid": mark + src, "msgstr": mark + tgt}, tgt
    if kind == "trailing_space":
        return {"msgid": src + " ", "msgstr": tgt + " "}, tgt
    clean = ICU.format(tgt)  # icu_break: no 'other' branch, or one closing brace less
    if rng.random() < 0.5:
        return {"msgid": ICU.format(src), "msgstr": clean}, clean.replace(f" other {{# {tgt}}}", "")
    i = rng.choice([m.start() for m in re.finditer("}", clean)])
    return {"msgid": ICU.format(src), "msgstr": clean}, clean[:i] + clean[i + 1 :]


def choose(kind, cats, lang, rng, flagged) -> tuple[list[Change], int]:
    """Up to TARGET changes of one kind, and the number of real candidates."""
    cands = []
    for cat in cats:
        for i, entry in enumerate(cat.entries):
            for form, src, tgt in entry.units():
                if (cat.rel, i, form) in flagged or (cat.rel, entry.key) in flagged:
                    continue
                broken = natural(kind, src, tgt, entry.flags, lang, rng)
                if broken is not None and broken != tgt:
                    cands.append(Change(kind, cat.rel, i, form, "natural", {}, {form: broken}))
                    break  # one corruption per entry
    rng.shuffle(cands)
    changes = cands[:TARGET]
    if len(cands) < MIN_NATURAL:
        pool = [(c, i) for c in cats for i, e in enumerate(c.entries) if simple(e)]
        for cat, i in rng.sample(pool, TARGET - len(changes)):
            e = cat.entries[i]
            clean, broken = synthesise(kind, e.text("msgid"), e.text("msgstr"), rng)
            changes.append(Change(kind, cat.rel, i, "msgstr", "synth", clean, {"msgstr": broken}))
    return changes, len(cands)


# --- the runs -----------------------------------------------------------------------------------
def clean_run(lang, cats, base, scanner, tmp, rng) -> dict:
    res = {"tq": Counter(), "pf": Counter(), "tq_forms": defaultdict(set), "pf_keys": {}}
    res["units"] = sum(len(e.units()) for c in cats for e in c.entries)
    t0 = time.perf_counter()
    findings = {c.rel: scan(scanner, c.rel, c.text) for c in cats}
    res["api_s"] = time.perf_counter() - t0
    by_rule = defaultdict(list)
    for cat in cats:
        res["tq"].update(rule for rule, _, _ in findings[cat.rel])
        for i, e in enumerate(cat.entries):
            for form, src, tgt in e.units():
                for rule, line, msg in on_form(findings[cat.rel], e, form):
                    res["tq_forms"][cat.rel, i, form].add(rule)
                    by_rule[rule].append(
                        f"`{cat.rel}:{line}`: {rule} {msg}  \n  msgid `{src!r}` → {form} `{tgt!r}`"
                    )
    groups = [rng.sample(xs, len(xs)) for _, xs in sorted(by_rule.items())]  # rules in turn
    res["examples"] = [x for row in zip_longest(*groups) for x in row if x]
    options = "--model none --no-cache --isolated --format json --exit-zero --no-merge -j 1"
    cmd = [str(BIN / "tqcheck"), "scan", *(str(base / c.rel) for c in cats), "--select"]
    cmd += [",".join(RULES), *options.split()]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    res["cli_s"], res["cli_findings"] = time.perf_counter() - t0, out.count('"rule"')
    links = tmp / "clean" / lang  # pofilter reads one folder: symlinks to the catalogs
    for cat in cats:
        (links / cat.rel).parent.mkdir(parents=True, exist_ok=True)
        (links / cat.rel).symlink_to(base / cat.rel)
    flags, res["pf_s"] = run_pofilter(links, tmp / "pf-clean" / lang, POFILTER_RUNS)
    res["pf_examples"] = []
    for rel, by_key in sorted(flags.items()):
        for key, notes in by_key.items():
            res["pf"].update(list(notes))
            res["pf_keys"][rel, key] = set(notes)
            res["pf_examples"] += [
                f"`{rel}` msgid `{key[1]!r}`: {t}: {m}" for t, m in notes.items()
            ]
    return res


def corruption_run(kind, lang, cats, scanner, tmp, rng, clean) -> tuple[list[Change], int]:
    rule, tests = EXPECTED[kind]
    flagged = {k for k, rules in clean["tq_forms"].items() if rule in rules}
    flagged |= {k for k, found in clean["pf_keys"].items() if found & tests}
    changes, n_natural = choose(kind, cats, lang, rng, flagged)
    runs = sorted(tests) if kind.startswith("accel") else ["main"]
    by_rel, cat_of = defaultdict(list), {c.rel: c for c in cats}
    for c in changes:
        by_rel[c.rel].append(c)
    for variant in ("clean", "corrupt"):
        root, parsed = tmp / lang / kind / variant, {}
        for rel, chs in by_rel.items():
            edits = {(c.index, k): v for c in chs for k, v in c.clean.items()}
            if variant == "corrupt":
                edits |= {(c.index, k): v for c in chs for k, v in c.corrupt.items()}
            text = rewrite(cat_of[rel].text, cat_of[rel].entries, edits)
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
            parsed[rel] = parse_po(text), scan(scanner, rel, text)
            assert len(parsed[rel][0]) == len(cat_of[rel].entries), rel
        flags, _ = run_pofilter(root, tmp / "pf" / lang / kind / variant, runs)
        for c in changes:
            entries, findings = parsed[c.rel]
            e = entries[c.index]
            got_tq, got_pf = on_form(findings, e, c.form), flags[c.rel].get(e.key, {})
            tq, pf = [f"{r} {m}" for r, _, m in got_tq], [f"{t}: {m}" for t, m in got_pf.items()]
            if variant == "corrupt":
                c.found = {
                    "tqcheck": rule in {r for r, _, _ in got_tq},
                    "pofilter": bool(set(got_pf) & tests),
                }
                c.shown = (
                    f"`{c.rel}:{e.fields[c.form].first}` msgid `{e.source(c.form)!r}` → {c.form} "
                    f"`{e.text(c.form)!r}` (tqcheck: {'; '.join(tq) or '–'}; pofilter: {'; '.join(pf) or '–'})"
                )
            elif c.origin == "synth":
                c.false_alarm = {"tqcheck": tq, "pofilter": pf}
    return changes, n_natural


# --- report -------------------------------------------------------------------------------------
def pct(k: int, n: int) -> str:
    return f"{k}/{n} ({100 * k / n:.0f}%)" if n else "–"


def report(version: str, pf_version: str, cleans: dict, corrupt: dict) -> str:
    L = f"""# tqcheck AC011–AC014 vs pofilter on Django {version}'s gettext catalogs

`bench/l10n_codes.py`, seed {SEED}, {pf_version}. Units: msgstr lines (each msgstr[n] on its
own) with a translation, not fuzzy, not the header. tqcheck runs with `--no-merge` (each rule
counted on its own); pofilter counts one failure per entry and test. How the catalogs are
corrupted: README.md.

## Clean catalogs

| | {" | ".join(LANGS)} |
|---|{"---|" * len(LANGS)}""".splitlines()

    def row(name, f):
        L.append(f"| {name} | " + " | ".join(str(f(cleans[lang])) for lang in LANGS) + " |")

    per_k = lambda n, r: f"**{n}, {1000 * n / r['units']:.1f}**"  # noqa: E731
    row("units (msgstr lines)", lambda r: r["units"])
    for rule in RULES:
        row(f"tqcheck {rule}", lambda r, rule=rule: r["tq"][rule])
    row("units with a tqcheck finding", lambda r: len(r["tq_forms"]))
    row("**tqcheck findings, per 1000 units**", lambda r: per_k(sum(r["tq"].values()), r))
    for test in sorted({t for r in cleans.values() for t in r["pf"]} | set(MAIN_TESTS)):
        row(f"pofilter {test}", lambda r, test=test: r["pf"][test])
    row("entries with a pofilter failure", lambda r: len(r["pf_keys"]))
    row("**pofilter failures, per 1000 units**", lambda r: per_k(sum(r["pf"].values()), r))
    for lang in LANGS:
        r = cleans[lang]
        n_tq, n_pf = len(r["examples"]), len(r["pf_examples"])
        L += ["", f"### Clean {lang}: tqcheck findings ({min(10, n_tq)} of {n_tq}, rules in turn)"]
        L += ["", *([f"- {x}" for x in r["examples"][:10]] or ["- none"])]
        L += ["", f"pofilter failures ({min(10, n_pf)} of {n_pf}):", ""]
        L += [f"- {x}" for x in r["pf_examples"][:10]] or ["- none"]
    L += """
## Corrupted catalogs: recall

`synth`: synthesised entries (README.md); their clean versions are scanned too, false alarms =
clean synthesised entries with any finding (tqcheck / pofilter). Entries: corrupted (real
candidates of the kind, after leaving out those the clean run flags).

| lang | kind | origin | entries | rule | tqcheck recall | pofilter test | pofilter recall | false alarms |
|---|---|---|---|---|---|---|---|---|""".splitlines()
    misses, alarms = [], []
    for (lang, kind), (changes, n_nat) in corrupt.items():
        for origin in ("natural", "synth"):
            cs = [c for c in changes if c.origin == origin]
            if not cs:
                continue
            fa = {t: [c for c in cs if c.false_alarm.get(t)] for t in ("tqcheck", "pofilter")}
            fa_text = " / ".join(pct(len(fa[t]), len(cs)) for t in fa) if origin == "synth" else "–"
            L.append(
                f"| {lang} | {kind} | {origin} | {len(cs)} ({n_nat}) | {EXPECTED[kind][0]} "
                f"| {pct(sum(c.found['tqcheck'] for c in cs), len(cs))} "
                f"| {', '.join(sorted(EXPECTED[kind][1]))} "
                f"| {pct(sum(c.found['pofilter'] for c in cs), len(cs))} | {fa_text} |"
            )
            for tool in ("tqcheck", "pofilter"):
                missed = [c for c in cs if not c.found[tool]][:3]
                misses += [f"- {tool} missed, {lang} {kind} ({origin}): {c.shown}" for c in missed]
                alarms += [
                    f"- {lang} {kind}, {tool}: {'; '.join(c.false_alarm[tool])} on clean "
                    f"msgid `{c.clean['msgid']!r}` → msgstr `{c.clean['msgstr']!r}`"
                    for c in fa[tool][:3]
                ]
    L += ["", "### Corruptions missed (up to 3 per kind, origin and tool)", ""]
    L += misses or ["- none"]
    L += ["", "### False alarms on synthesised clean entries (up to 3 per kind and tool)", ""]
    L += alarms or ["- none"]
    L += """
## Time on the clean catalogs (wall seconds, one process each)

| lang | tqcheck CLI `-j 1` (findings) | tqcheck API, in process | pofilter main run | pofilter & and _ accelerator runs |
|---|---|---|---|---|""".splitlines()
    for lang in LANGS:
        r = cleans[lang]
        acc = sum(s for name, s in r["pf_s"].items() if name != "main")
        L.append(
            f"| {lang} | {r['cli_s']:.2f} ({r['cli_findings']}) | {r['api_s']:.2f} "
            f"| {r['pf_s']['main']:.2f} | {acc:.2f} |"
        )
    return "\n".join(L) + "\n"


README = """# Django gettext catalogs (`bench/l10n_codes.py`)

The German and French catalogs of Django {version} (BSD-3-Clause licence, Django Software
Foundation and contributors) are read in place from the installed package, not copied:
`django/{{conf,contrib/*}}/locale/{{de,fr}}/LC_MESSAGES/django.po`. Only the report is here.

Corrupted copies go to a temporary folder (same `<lang>/LC_MESSAGES/django.po` path shape), one
per kind and language, seed {seed}; one corruption per entry, in one msgstr (of a plural entry:
the first msgstr[n] it applies to). Real entries the clean run already flags for the expected
rule (tqcheck) or test (pofilter) are not chosen. At most {target} entries per kind:

- printf_drop: a printf placeholder (`%s`, `%(name)s`, …) of msgid and msgstr deleted from msgstr
  (entries flagged `python-format`); printf_rename: a named one renamed (`%(name)s` → `%(nom)s`);
- brace_drop: a `{{name}}`, `{{0}}` or `{{}}` of msgid and msgstr deleted from msgstr;
- tag_break: the closing tag `</x>` of a tag pair in msgid deleted from msgstr;
- trailing_space: msgid and msgstr both end in white space (space, `\\n`): msgstr stripped.

Where a kind has fewer than {min_natural} real candidates, synthesised entries fill up to
{target} (`origin` in the report): a real short entry (at most 4 words, plain text, msgid and msgstr starting
with a letter) gets, in msgid and msgstr, ` {{count}}` appended (brace_drop), one word wrapped in
`<b>…</b>` (tag_break) or a trailing space (trailing_space): the clean version; the corruption
takes it out of msgstr again. Always synthesised from such entries: accel_amp / accel_us (`&` or
`_` before the first letter; corrupted: removed from msgstr) and icu_break
(`{{count, plural, one {{# <text>}} other {{# <text>}}}}`; corrupted: the `other` branch or one
closing brace removed, half each). Synthesised clean versions are checked for false alarms.
"""


def heldout_report(runs: dict) -> str:
    """False alarms on catalogs of languages the rules were not tuned on: counts only (their
    findings are not listed, so they cannot be tuned on)."""
    lines = [
        "",
        "## Held-out clean catalogs (languages not used when tuning; counts only)",
        "",
        "| lang | units | tqcheck findings | per 1000 units | pofilter failures | per 1000 units |",
        "|---|---|---|---|---|---|",
    ]
    total = [0, 0, 0]
    for lang, res in runs.items():
        tq, pf = sum(res["tq"].values()), sum(res["pf"].values())
        total = [total[0] + res["units"], total[1] + tq, total[2] + pf]
        lines.append(
            f"| {lang} | {res['units']} | {tq} ({', '.join(f'{r} {n}' for r, n in sorted(res['tq'].items()))}) "
            f"| {1000 * tq / max(res['units'], 1):.1f} | {pf} | {1000 * pf / max(res['units'], 1):.1f} |"
        )
    units, tq, pf = total
    lines.append(
        f"| all | {units} | {tq} | {1000 * tq / max(units, 1):.1f} | {pf} | "
        f"{1000 * pf / max(units, 1):.1f} |"
    )
    return "\n".join(lines) + "\n"


def main() -> int:
    try:
        import django

        from tqcheck.scanner import Scanner
    except ImportError as exc:
        print(f"{exc.name} is missing: pip install django (and tqcheck itself: pip install -e .)")
        return 2
    if not (BIN / "pofilter").exists():
        print("pofilter is missing: pip install translate-toolkit")
        return 2
    base = Path(django.__file__).parent
    pf_version = subprocess.run([BIN / "pofilter", "--version"], capture_output=True, text=True)
    rng = random.Random(SEED)
    scanner = Scanner(select=list(RULES), model="none", merge_defects=False)
    scanner.cache = False
    cleans, corrupt = {}, {}
    with tempfile.TemporaryDirectory(prefix="l10n_codes_") as name:
        tmp = Path(name)
        for lang in LANGS:
            cats = catalogs(base, lang)
            cleans[lang] = clean_run(lang, cats, base, scanner, tmp, rng)
            for kind in EXPECTED:
                corrupt[lang, kind] = corruption_run(
                    kind, lang, cats, scanner, tmp, rng, cleans[lang]
                )
        heldout = {}
        for lang in HELDOUT:
            cats = catalogs(base, lang)
            if cats:
                heldout[lang] = clean_run(lang, cats, base, scanner, tmp, rng)
    text = report(django.__version__, pf_version.stdout.strip(), cleans, corrupt)
    text += heldout_report(heldout)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "RESULTS.md").write_text(text, encoding="utf-8")
    readme = dict(version=django.__version__, seed=SEED, min_natural=MIN_NATURAL, target=TARGET)
    (OUT / "README.md").write_text(README.format(**readme), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
