"""Boilerplate removal: keeps a page's title and article paragraphs; drops menus, widgets, related news."""
from __future__ import annotations

import html
import re
from functools import lru_cache

import justext
import pycountry

from cityties.document import Document, normalize_text
from cityties.lexicon import DATA
from cityties.stages import language

BOILERPLATE = DATA / "boilerplate"
CUTOFF_FILE = "cutoff.txt"  # whole-line headings that end an article
STRIP_FILE = "strip.txt"  # pieces cut out of lines
TEASER_FILE = "teaser.txt"  # inline related-article links, dropped with the teaser line under them
# every other file (common.txt, <lang>.txt) holds lines to drop
JUSTEXT_KEEP = {"good", "neargood"}  # justext's context-free classes worth keeping
# A line is a sentence when it ends like one and is not a fragment: five words, or forty characters
# in scripts written without spaces. Chosen on the dev pages: shortest article sentences there have
# six words; widget lines ending in a period ("60 giây nữa.") have three.
MIN_SENTENCE_WORDS = 5
MIN_SENTENCE_CHARS = 40
SENTENCE_END = re.compile(r"[.!?…。！？:;][\"'”’»)\]」』]*$")
# A title is one line of 20-200 characters with three words or more: dev-page titles run 29-130
# characters; the section names and menu entries before them are shorter.
TITLE_MIN_CHARS = 20
TITLE_MAX_CHARS = 200
TITLE_MIN_WORDS = 3
# A cut-off heading ends the article only once two paragraphs, or one long one, came before it, so
# a "Related" menu entry or a cookie notice at the top of a page does not cut the article away.
# Dev articles have 2+ paragraphs, or 1 of 1,400+ characters; 200 is a short lead paragraph.
CUTOFF_MIN_PARAGRAPHS = 2
CUTOFF_MIN_BODY_CHARS = 200
# Hard-wrapped text (Markdown, e-mail): a line at least this long, not ending a sentence and
# followed by one starting in lower case, continues on the next line.
WRAP_MIN_CHARS = 50
DATELINE_ENDS = ("--", "—", " -", " –")  # "BARCELONA, Spain, November 17, 2017 /PRNewswire/ --"
EDGE_MARKS = " \t|•●▪◦·*"  # table borders and bullets around scraped lines
SITE_SUFFIX = re.compile(r"\s*[-|–—:<]\s*[^.!?]{1,60}")  # what a page's <title> adds after the headline
MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")


@lru_cache(maxsize=None)
def _patterns(kind: str) -> tuple[re.Pattern, ...]:
    """The patterns of one kind (drop, cutoff, strip, teaser) in data/boilerplate, all languages'."""
    special = {CUTOFF_FILE: "cutoff", STRIP_FILE: "strip", TEASER_FILE: "teaser"}
    patterns = []
    for path in sorted(BOILERPLATE.glob("*.txt")):
        if special.get(path.name, "drop") == kind:
            rows = [r.strip() for r in path.read_text(encoding="utf-8").splitlines()]
            patterns += [re.compile(r, re.IGNORECASE) for r in rows if r and not r.startswith("#")]
    return tuple(patterns)


@lru_cache(maxsize=None)
def _stoplist(lang: str | None) -> frozenset[str]:
    """justext's stop words for an ISO 639-1 code (empty when justext has none)."""
    record = pycountry.languages.get(alpha_2=lang) if lang else None
    name = record.name.replace(" ", "_") if record else ""
    return justext.get_stoplist(name) if name in justext.get_stoplists() else frozenset()


def _lines(raw: str) -> list[str]:
    """The non-empty lines of a text, normalized, without bullets, borders, credits or tags.

    Hard wraps and datelines are joined to the line they continue, and an inline related-article
    link to the teaser line under it in the same block, so that the two are dropped together.
    """
    lines: list[str] = []
    teaser = False
    for line in normalize_text(raw).split("\n"):
        line = MARKDOWN_HEADING.sub("", line.strip(EDGE_MARKS), count=1)
        for pattern in _patterns("strip"):
            line = pattern.sub("", line)
        line = line.strip(EDGE_MARKS)
        if not line:
            teaser = False  # a blank line ends the related-article box
            continue
        if lines and (teaser or _continues(lines[-1], line)):
            lines[-1] += " " + line
            teaser = False
        else:
            lines.append(line)
            teaser = _is_teaser(line)
    return lines


def _continues(previous: str, line: str) -> bool:
    """Whether a line goes on from the previous one: a dateline, or a hard wrap inside a sentence."""
    if previous.endswith(DATELINE_ENDS):
        return True
    return len(previous) >= WRAP_MIN_CHARS and not SENTENCE_END.search(previous) and line[0].islower()


def _is_teaser(line: str) -> bool:
    return any(p.search(line) for p in _patterns("teaser"))


def _justext_good(lines: list[str], lang: str | None) -> list[bool]:
    """Per line, whether justext's context-free classification calls it article text."""
    stoplist = _stoplist(lang)
    good = [False] * len(lines)
    if not stoplist or not lines:
        return good
    page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>"
    for paragraph in justext.justext(page, stoplist):
        index = int(re.search(r"p\[(\d+)\]$", paragraph.xpath).group(1)) - 1
        good[index] = paragraph.cf_class in JUSTEXT_KEEP
    return good


def _is_sentence(line: str) -> bool:
    long_enough = len(line.split()) >= MIN_SENTENCE_WORDS or len(line) >= MIN_SENTENCE_CHARS
    return long_enough and bool(SENTENCE_END.search(line))


def _is_title(line: str) -> bool:
    return TITLE_MIN_CHARS <= len(line) <= TITLE_MAX_CHARS and len(line.split()) >= TITLE_MIN_WORDS


def _headline(paragraph: str) -> str:
    """The first sentence of a paragraph, cut to a title's length."""
    first = re.split(r"(?<=[.!?。])\s", paragraph, maxsplit=1)[0]
    return first[:TITLE_MAX_CHARS].rstrip()


def _echoes(line: str, title: str) -> bool:
    """Whether a line is the title followed by a site name: "<title> - <site>", "<title> | <site>"."""
    return line.startswith(title) and bool(SITE_SUFFIX.fullmatch(line[len(title):]))


def _title(headings: list[str]) -> str | None:
    """The headline among the heading lines above the article: one that a "<headline> - <site>" line
    (the page's <title>) begins with, else the first."""
    echoed = [h for h in headings if any(_echoes(o, h) for o in headings)]
    return (echoed or headings or [None])[0]


def split(raw: str, lang: str | None) -> tuple[list[str], list[str]]:
    """(article paragraphs, heading lines above them: the title and subtitles) of a scraped text.

    Above the first paragraph, a title-sized line that does not end like a sentence is a heading
    even when justext likes it.
    """
    drop, cutoff = _patterns("drop"), _patterns("cutoff")
    lines = _lines(raw)
    # justext's context-free class looks at each line alone: only lines the sentence rule does
    # not keep anyway need it (about half of a page), which halves the stage's time.
    unsure = [i for i, line in enumerate(lines) if not _is_sentence(line)]
    liked = [False] * len(lines)
    for i, verdict in zip(unsure, _justext_good([lines[i] for i in unsure], lang)):
        liked[i] = verdict
    body: list[str] = []
    headings: list[str] = []
    for line, good in zip(lines, liked):
        if any(p.fullmatch(line.rstrip(" :")) for p in cutoff):
            if len(body) >= CUTOFF_MIN_PARAGRAPHS or sum(map(len, body)) >= CUTOFF_MIN_BODY_CHARS:
                break
            continue
        if _is_teaser(line) or any(p.search(line) for p in drop):
            continue
        sentence = _is_sentence(line)
        if not body and not sentence and _is_title(line):
            headings.append(line)
        elif (good or sentence) and line not in body:
            body.append(line)
    return body, headings


def run(doc: Document) -> Document:
    """Set doc.text to the title and article paragraphs separated by blank lines, and doc.title if unset."""
    body, headings = split(doc.raw, doc.language or language.detect(doc.raw)[0])
    title = doc.title or _title(headings)
    if title:
        subtitles = headings[headings.index(title) + 1:] if title in headings else []
        body = [title] + [p for p in subtitles + body if p != title and not _echoes(p, title)]
    doc.title = title or (_headline(body[0]) if body else None)
    doc.text = "\n\n".join(body)
    return doc
