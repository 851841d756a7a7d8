"""Splitting an article into paragraphs and telling headlines, datelines and
captions from running text, before any NLP runs.

Pure Python: cheap, and the reason a sentence can never cross a paragraph
break (spaCy's parser would otherwise merge a caption into the next line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.model import UnitKind

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATELINE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z .'-]{{1,40}},\s*)?(?:{_WEEKDAYS},?\s+)?"
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:\s*[-–—:]\s*[A-Z][A-Za-z .'-]{{1,40}})?\s*$"
)
_CAPTION_START = re.compile(
    r"^\s*(?:Pictured|Picture|Photo|Photograph|Image|Above|Below|Left|Right|Inset|Top|Bottom|"
    r"Credit|Photo credit|Watch|Video|Audio|Graphic|Illustration|Source|File photo|"
    r"(?:Fig\.?|Figure|Chart|Table|Map)\s*\d+[a-z]?)\s*"
    r"(?:\([^)]*\))?\s*:", re.I)
# "... at the convention. Image: Nick Moreau." / "(Photo: AP)": a credit at the end of a line.
_CREDIT_END = re.compile(
    r"(?:^|[.!?)\]’”\"]\s+|\s)\(?(?:Image|Photo|Photograph|Picture|Video|Audio|Credit|Photo credit|"
    r"Illustration|Graphic|File photo)s?\s*:\s*[^.:]{1,80}\.?\)?\s*$")
# "Group B — Team A 2 – 1 Team B", "Arsenal 3-1 Chelsea": a results line, a subheading.
_RESULTS_LINE = re.compile(
    r"^[^.!?]{0,80}?[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,5}\s+\d{1,3}\s*[-–—:]\s*\d{1,3}\s+"
    r"[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,5}\s*(?:\([^)]*\))?\s*$")
# (past tense only in a line with no full stop: "Price was pictured leaving a nightclub at 3am."
# is tabloid body copy; "The pair were pictured at the launch in May" a caption)
# The same for a bare "(pictured)" after a name: "Vale (pictured) has sold 10 million records."
# is tabloid body copy; "(pictured: the head of communications ...)" describes the picture.
_PICTURED_PAST = re.compile(r"\b(?:was|were)\s+(?:\w+\s+)?pictured\b|\(pictured\)", re.I)
_PICTURED = re.compile(r"\b(?:is|are)\s+(?:\w+\s+)?pictured\b|\(pictured\b(?!\))|\bpictured\s*(?:above|below|left|right|here)\b|\(\s*(?:left|right|centre|center)\s*\)", re.I)
# "— Jo Mallory, leader of the council": the credit line under a pull quote. The name (one to
# five capitalised words, a title, initials or "of"/"de" inside it) ends at a comma or the end.
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|of|de|da|la|le|du|del|van|von|der|den|al|bin|ibn)"
_CREDIT_DASH = re.compile(rf"^\s*[—–-]+\s*({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})\s*(?:,|$|\.$)")
_QUOTE_THEN_CREDIT = re.compile(r"^([\"“][^\"“”]+[\"”])\s+([—–-]+\s*\S.*)$")
_CREDIT_DASH_ROLE = re.compile(r"^\s*[—–-]+\s*(?:[\w'’-]+\s+){1,4}?"
                               r"((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*)\s*(?:,|$|\.$)")
_CREDIT_PLAIN = re.compile(rf"^\s*([A-Z][\w.'’-]*(?:\s+{_NAME_WORD}){{1,4}})\s*,\s*\S")
CREDIT_MAX_WORDS = 15
# (closing marks may be spaced: a quotation inside a quotation ends "... clearly.' \"")
# (a closing quotation mark typed as an opening one, "... fouls.“", still closes)
_TERMINAL = re.compile(r"[.!?…](?:\s*['’”“\")\]])*\s*$")
# a paragraph that ends inside a sentence, on a quotation closed after a comma or an editor's
# bracketed full stop ('... a base for a terrorist leader,"', '... the facts[.]"'): running
# text the source cut off, not an unpunctuated caption
_CUT_QUOTATION = re.compile(r"(?:,|\[\.\])\s*[\"”’']\s*$")
# a full sentence ended inside the paragraph ("... were destroyed, as were eight homes. Another
# ten homes ..."): with the paragraph's length, running text whose last sentence lost its full
# stop (a picture's file name or a link the copy dropped), not a caption
_SENTENCE_END_INSIDE = re.compile(r"\w[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]")
RUNNING_TEXT_MIN_WORDS = 25


def _running_text(text: str) -> bool:
    return len(text.split()) >= RUNNING_TEXT_MIN_WORDS and bool(_SENTENCE_END_INSIDE.search(text))


# A wire dateline opening a paragraph: "MOSCOW - ", "WASHINGTON (Reuters) — ", "PARIS, Oct 3
# (AFP) - ", "ST. LOUIS, Mo. - ": the place in capitals (a word of three letters or more first),
# an optional date or state after a comma, an optional agency in brackets, then a spaced dash.
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]{2,}(?:(?:\s+|/)(?:[A-Z][A-Z.'’-]*|de|da|del|la|le|du))*"
    r"(?:,\s*[A-Za-z0-9][A-Za-z0-9 .]{0,29}?)?(?:\s*\([A-Za-z][A-Za-z .&-]{1,29}\))?\s+[-–—]+\s+"
    r"(?=[\"“‘A-Z0-9])")


# "Lincoln Pigman contributed reporting from Moscow.", "Ann Reed and Tom Hale contributed to
# this report.", "Associated Press writer Lisa Grant contributed to this report.", "Tom Hale
# reported from Kyiv.": the agencies' and papers' credit line for other reporters, not a claim
_NAMES = (r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*(?:(?:,\s*|\s+and\s+)(?:[A-Z][\w.'’-]*\s+){0,3}"
          r"[A-Z][\w.'’-]*)*")
_PLACE = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_CONTRIBUTOR_LINE = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*\s+){1,3}(?:staff\s+)?(?:writers?|reporters?|correspondents?|"
    r"journalists?|photographers?)\s+)?" + _NAMES +
    r"\s+(?:contributed\s+(?:reporting|research|to\s+(?:this|the)\s+(?:report|article|story))"
    r"\b[^.]{0,60}|reported\s+from\s+" + _PLACE + r"(?:,\s*" + _PLACE + r")?)\.?$")


# "(This story has not been edited by NDTV staff and is auto-generated from a syndicated
# feed.)", "This report by The Canadian Press was first published Feb. 22, 2025.": the
# publisher's note on where the text comes from, not a claim
_SYNDICATION_NOTE = re.compile(
    r"^\(?\s*This\s+(?:story|article|report|piece)\b(?:\s+by\s+[A-Z][\w.&' -]{1,40}?)?\s+"
    r"(?:has\s+not\s+been\s+edited|was\s+(?:first\s+|originally\s+)?published|"
    r"is\s+auto-generated|first\s+appeared|originally\s+appeared|has\s+been\s+(?:updated|"
    r"corrected))\b(?![^()]*\b(?:found|finds|showed|shows|said|says|revealed|concluded|"
    r"that)\b)[^()]{0,160}\.?\)?$")


def is_contributor_line(text: str) -> bool:
    return len(text) <= 200 and bool(_CONTRIBUTOR_LINE.match(text) or
                                     _SYNDICATION_NOTE.match(text))


def wire_dateline(text: str) -> int:
    """Length of the wire dateline that opens `text` (with the dash and the space after it), or 0
    when none does or too little text follows it to be a sentence."""
    match = _WIRE_DATELINE.match(text)
    if match is None or len(text[match.end():].split()) < 4:
        return 0
    return match.end()


@dataclass(frozen=True)
class Block:
    """A paragraph: text[start:end] is one line of the article, stripped."""

    start: int
    end: int
    text: str
    kind: UnitKind


def _is_headline(text: str) -> bool:
    words = text.split()
    if not 0 < len(words) <= 20 or text.endswith((",", ";", ":")):
        return False
    return not _TERMINAL.search(text) or _title_case_with_stop(words)


def _title_case_with_stop(words: list[str]) -> bool:
    """A title that some feeds and archives end with a full stop ("Bank Abruptly Drops Russian
    Network's Accounts."): every word of four letters or more capitalised (at least three such
    words), one full stop at the end and none inside. Running text has lowercase words."""
    if not words[-1].endswith(".") or words[-1].endswith("..") or \
            any(w.endswith((".", "!", "?")) for w in words[:-1]):
        return False
    bare = (w.strip("\"'‘’“”()[].,") for w in words)
    long_words = [w for w in bare if len(w) >= 4 and w[:1].isalpha()]
    return len(long_words) >= 3 and all(w[:1].isupper() for w in long_words)


# a wire dateline on a line of its own ("BEIRUT/JERUSALEM, June 13 (Reuters) -")
_WIRE_DATELINE_ALONE = re.compile(_WIRE_DATELINE.pattern.split(r"\s+[-–—]+\s+")[0] + r"\s+[-–—]+$")


def is_dateline(text: str) -> bool:
    return bool(_DATELINE.match(text)) or bool(_WIRE_DATELINE_ALONE.match(text))


def is_results_line(text: str) -> bool:
    """A line that reports a score between two sides and nothing else (a results subheading)."""
    return len(text) <= 160 and not _TERMINAL.search(text) and bool(_RESULTS_LINE.match(text))


def caption_cue(text: str) -> str | None:
    """Why a paragraph reads as an image caption, or None."""
    if _CAPTION_START.match(text):
        return "starts like a caption (\"Pictured:\")"
    if _CREDIT_END.search(text):
        return "ends with a picture credit (\"Image: ...\")"
    if _PICTURED.search(text) or (_PICTURED_PAST.search(text) and not _TERMINAL.search(text)):
        return "describes a picture (\"pictured\")"
    return None


def credit_name(text: str, after_quotation: bool = False) -> str | None:
    """The name a pull quote's credit line gives ("— Jo Mallory, leader of the council" ->
    "Jo Mallory"), or None. Without a dash, a line is a credit only right after a paragraph
    that is a whole quotation, and unpunctuated ("Jo Mallory, the council's leader")."""
    if len(text.split()) > CREDIT_MAX_WORDS or not text.strip():
        return None
    match = _CREDIT_DASH.match(text)
    if match is None and after_quotation:
        # "- Labour health spokesperson Daniel Okafor, speaking on BBC Question Time": a role
        # before the name
        match = _CREDIT_DASH_ROLE.match(text)
    if match is None and after_quotation and not _TERMINAL.search(text) and \
            not _QUOTE_MARKS.search(text):
        match = _CREDIT_PLAIN.match(text)  # (unpunctuated: "Mr Hale, however, left." is prose)
    if match is None or not match.group(1)[:1].isupper():
        return None
    return match.group(1).strip()


_QUOTE_MARKS = re.compile(r"[\"“”]")


def is_whole_quotation(text: str) -> bool:
    """A paragraph that is one quotation from its opening mark to its closing one."""
    text = text.strip()
    return len(text) > 2 and text[0] in "\"“‘" and text[-1] in "\"”’" and \
        text[-2] in ".!?…,\"'’”"


# The verb that ends a short line introducing the paragraph below it ("Limbaugh added:",
# "She wrote:"): a sentence, not a cross-heading such as "Key points:".
_LEAD_VERBS = frozenset({
    "said", "says", "added", "adds", "continued", "continues", "wrote", "writes", "explained",
    "explains", "told", "tweeted", "posted", "replied", "responded", "recalled", "concluded",
    "declared", "stated", "noted", "warned", "argued", "insisted", "answered"})


# a picture credit and nothing else ("Photograph: Jo Lee/Getty Images", "Photo: PA")
_CREDIT_ONLY = re.compile(r"^\(?(?:Image|Photo|Photograph|Picture|Credit|Photo credit)s?\s*:\s*"
                          r"[A-Z][\w.'’&-]*(?:(?:\s+|\s*/\s*)(?:[A-Z][\w.'’&-]*|via|for|and|of))"
                          r"{0,6}\.?\)?$")
_QUOTE_CHARS = "\"“”‘’"
# the words an explainer's question heading opens with ("What happened?", "Is it safe?")
_QUESTION_OPENERS = frozenset({
    "what", "who", "why", "how", "when", "where", "which", "is", "are", "was", "were", "can",
    "will", "does", "do", "did", "should", "could", "has", "have"})


def _caption_above_credit(block: Block) -> bool:
    """One short sentence with no quotation and no cue over a lone credit line: a caption."""
    text = block.text
    return block.kind is UnitKind.SENTENCE and len(text.split()) <= 30 and \
        not any(mark in text for mark in _QUOTE_CHARS) and \
        not re.search(r"[.!?]\s+\S", text) and \
        not re.search(r"\b(?:said|says|told|according to)\b", text)


def _question_heading(line: str) -> bool:
    """A short question on a line of its own, no quotation marks: a cross-heading."""
    words = line.split()
    return line.endswith("?") and 1 <= len(words) <= 8 and \
        words[0].lower().strip(",") in _QUESTION_OPENERS and \
        not any(mark in line for mark in _QUOTE_CHARS) and line.count("?") == 1


def _question_headline(line: str, blank_after: bool) -> bool:
    """The first line, a question set apart ("Fact check: Did the NHS lose 20,000 nurses?")."""
    words = line.split()
    return blank_after and line.endswith("?") and len(words) <= 16 and line.count("?") == 1 and \
        not any(mark in line for mark in _QUOTE_CHARS)


def _short_lead(line: str) -> bool:
    words = line[:-1].split()
    return 2 <= len(words) <= 3 and words[-1].lower() in _LEAD_VERBS


def split_blocks(text: str) -> list[Block]:
    """Paragraphs of `text` with their kinds; offsets slice `text` exactly."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    blocks: list[Block] = []
    first_seen = False
    for index, (line_start, line_end) in enumerate(lines):
        raw = text[line_start:line_end]
        stripped = raw.strip()
        if not stripped:
            continue
        start = line_start + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        cut = wire_dateline(stripped)
        if cut:
            # "MOSCOW - Russia's network said ...": the dateline is a unit of its own, or its
            # capitals join the sentence's first noun phrase (the speaker "MOSCOW - Russia's")
            prefix = stripped[:cut].rstrip()
            blocks.append(Block(start, start + len(prefix), prefix, UnitKind.DATELINE))
            start += cut
            stripped = stripped[cut:]
        blank_before = index == 0 or not text[lines[index - 1][0]:lines[index - 1][1]].strip()
        blank_after = (index == len(lines) - 1
                       or not text[lines[index + 1][0]:lines[index + 1][1]].strip())
        if not first_seen:
            first_seen = True
            if is_dateline(stripped):
                kind = UnitKind.DATELINE
            elif (_is_headline(stripped) or _question_headline(stripped, blank_after)) and \
                    not caption_cue(stripped):
                kind = UnitKind.HEADLINE
            else:
                kind = UnitKind.CAPTION if caption_cue(stripped) else UnitKind.SENTENCE
        elif is_dateline(stripped):
            kind = UnitKind.DATELINE
        elif caption_cue(stripped):
            kind = UnitKind.CAPTION
            if _CREDIT_ONLY.match(stripped) and blocks and _caption_above_credit(blocks[-1]):
                # "Firefighters tackle the blaze on Monday." over "Photograph: PA": the
                # credit's own caption, set as a paragraph of its own
                blocks[-1] = Block(blocks[-1].start, blocks[-1].end, blocks[-1].text,
                                   UnitKind.CAPTION)
        elif is_contributor_line(stripped):
            kind = UnitKind.CAPTION  # a credit line for other reporters, not a sentence
        elif is_results_line(stripped):
            kind = UnitKind.HEADLINE  # a results subheading, not a picture's caption
        elif credit_name(stripped, after_quotation=bool(blocks) and
                         is_whole_quotation(blocks[-1].text)):
            kind = UnitKind.CAPTION  # a pull quote's credit line: not a sentence
        elif blank_before and blank_after and _question_heading(stripped):
            kind = UnitKind.HEADLINE  # "What happened?": an explainer's cross-heading
        elif stripped.endswith(":") and (len(stripped.split()) >= 4 or _short_lead(stripped)):
            kind = UnitKind.SENTENCE  # a sentence that introduces the quotation below it
        elif (not _TERMINAL.search(stripped) and (blank_before or blank_after)
              and len(stripped.split()) <= 60 and not _CUT_QUOTATION.search(stripped)
              and not _running_text(stripped)):
            # A short unpunctuated line set apart by a blank line: a caption or a
            # cross-heading, not running text.
            kind = UnitKind.CAPTION
        else:
            kind = UnitKind.SENTENCE
        credited = _QUOTE_THEN_CREDIT.match(stripped) if kind is UnitKind.SENTENCE else None
        if credited and credit_name(credited.group(2), after_quotation=True):
            # '"The NHS lost 20,000 nurses ..." - Labour health spokesperson Daniel Okafor,
            # speaking on ...': a pull quote with its credit on the same line
            quote_end = start + credited.end(1)
            blocks.append(Block(start, quote_end, credited.group(1), kind))
            blocks.append(Block(start + credited.start(2), end, credited.group(2),
                                UnitKind.CAPTION))
            continue
        blocks.append(Block(start, end, stripped, kind))
    return blocks
