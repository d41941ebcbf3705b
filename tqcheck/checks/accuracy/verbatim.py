"""Web addresses, e-mail addresses, hashtags and @handles of the source kept verbatim."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from tqcheck.checks.accuracy.common import alignment, target_span
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check

_TOKEN_RE = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"'«»“”„)\]]+)"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?<![\w&/#])(?P<hashtag>#[^\W\d_]\w*)"
    r"|(?<![\w.@])(?P<handle>@\w{2,})"
)
_KINDS = {"url": "web address", "email": "e-mail address", "hashtag": "hashtag", "handle": "handle"}


def tokens(text: str, offset: int = 0) -> list[tuple[str, str, int, int]]:
    """(kind, token, start, end) for every URL, e-mail, hashtag and @handle."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "url"
        token = m.group().rstrip(".,;:!?")
        out.append((kind, token, m.start() + offset, m.start() + offset + len(token)))
    return out


@check(
    code="AC008",
    name="url-email-hashtag-not-kept",
    category=Category.ACCURACY,
    severity=Severity.MINOR,
    needs={"source"},
)
def url_email_hashtag_not_kept(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A web address, e-mail address, hashtag or @handle of the source is missing or changed.

    What it finds:
    Each URL, e-mail address, hashtag and @handle in the source must appear
    verbatim in the target (counted, so a duplicate dropped is found too). A
    missing one is reported on the aligned target sentence, or on the token
    that replaced it when that sentence has one of the same kind. Needs no
    model.

    Why it matters:
    Machine translation "translates" addresses and hashtags (#StandWithUkraine
    -> #StehtZurUkraine) or drops them; links then break and campaigns cannot
    be found.

    Example:
    "Details at www.lindenfeld.de/tram." -> "Details unter www.lindenfeld.de/strassenbahn."
    -> keep "www.lindenfeld.de/tram"
    """
    if doc.source is None:
        return
    source = doc.source
    in_target = Counter(tok for _, tok, _, _ in tokens(doc.text))
    wanted = [t for t in tokens(source.text) if not source.skipped(t[2], t[3])]
    if not wanted:
        return
    al = alignment(ctx)
    lost: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for kind, token, s_start, _s_end in wanted:
        if in_target[token] > 0:
            in_target[token] -= 1
            continue
        k = next(
            (
                k
                for k, link in enumerate(al.links)
                if any(al.source[i].start <= s_start < al.source[i].end for i in link.src)
            ),
            None,
        )
        lost.setdefault(target_span(al, k) if k is not None else (0, 0), []).append((kind, token))
    known = {w[1] for w in wanted}
    for (start, end), missing in lost.items():
        # a token of the same kind the source does not have: the source's, changed
        spare = [t for t in tokens(doc.text[start:end], start) if t[1] not in known]
        gone = []
        for kind, token in missing:
            new = next((t for t in spare if t[0] == kind), None)
            if new is None:
                gone.append(f"{_KINDS[kind]} {token!r}")
                continue
            spare.remove(new)
            yield ctx.finding(
                new[2], new[3], f"{_KINDS[kind]} changed: the source has {token!r}", token
            )
        if gone:
            yield ctx.finding(
                start, end, f"the source's {' and '.join(gone)} {_verb(gone)} missing here"
            )


def _verb(items: list[str]) -> str:
    return "is" if len(items) == 1 else "are"
