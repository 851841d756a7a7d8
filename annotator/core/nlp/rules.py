"""Rules over spaCy's parse: who makes a claim (see :mod:`.attribution`), what type of claim
it is, and the reasons a checker reads. Each function takes a sentence `Span`.
"""

from __future__ import annotations

import re

from annotator.core.model import Attribution, Entity
from annotator.core.nlp import attribution as engine
from annotator.core.nlp.casefold import Folded, fold
from annotator.core.nlp.spantext import ents_of, text_of

QUANTITY_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}

_PREDICTION = Folded(re.compile(
    r"\b(will|shall|going to|is set to|are set to|set to|is due to|are due to|forecasts?|"
    r"predicts?|predicted|expects?|expected to|projected|on course to|on track to|likely to|"
    r"next (?:year|month|week)|by 20\d\d)\b", re.I))
_CAUSAL = Folded(re.compile(
    r"\b(because|caused|causes|cause of|due to(?! (?:be|begin|start|open|close|end|hold|visit|meet|"
    r"take|make|give|appear|resume|sign|launch|vote|travel|speak|announce|publish|report|"
    r"deliver|arrive|leave|return|host|play|retire|expire|run|finish|stand|come|go|face|"
    r"attend|decide|rule|sit|reopen|complete|release|receive)\b)|led to|leads to|lead to|result(?:ed)? in|as a result|"
    r"linked to|link between|associated with|responsible for|contributed to|blamed for|"
    r"thanks to|driven by|triggered|increases? the risk|reduces? the risk|can lead to|"
    r"may lead to|could lead to|can cause|may cause|prevents?|preventable)\b", re.I))
# "law" as law, not "law enforcement", "a law firm", "her mother-in-law"
LAW_WORD = (r"(?<!in-)laws?(?!\s+(?:enforcement|firms?|schools?|students?|professors?|"
            r"lecturers?|graduates?|degrees?)\b)")
# a bill or act as law, not "a criminal act", "the bill for repairs" or "pay his bills"; a court of law, not
# a basketball court nor the court as the room where evidence is heard ("told the court")
_BILL_OR_ACT = (r"acts? of (?:parliament|congress)|"
                r"(?<!energy )(?<!electricity )(?<!gas )(?<!phone )(?<!water )(?<!heating )"
                r"(?<!hospital )(?<!medical )(?<!grocery )(?<!food )(?<!restaurant )(?<!dollar )"
                r"(?<!pound )(?<!foot the )(?<!his )(?<!her )(?<!their )(?<!my )(?<!your )"
                r"(?<!our )bill(?!\s+(?:for|of|came|comes|totall?ed|ran|runs)\b)")
# "the Online Safety Act", "the Finance Bill" (case-sensitive; not "Bill Gates")
_NAMED_ACT = re.compile(r"\b[A-Z][\w'-]*\s+(?:Act|Acts|Bill)\b(?!\s+[A-Z])")
_BILL_AS_NAME = re.compile(r"\bBill(?=\s+[A-Z])")
_COURT = (r"(?<!basketball )(?<!tennis )(?<!food )(?<!squash )(?<!told the )(?<!tell the )"
          r"(?<!tells the )(?<!telling the )courts?(?!\s+(?:side|yard|heard|hears|was told|is told)\b)")
_LAW = Folded(re.compile(
    r"\b(" + LAW_WORD + r"|legal|illegal|unlawful|legislation|" + _BILL_OR_ACT +
    r"|regulations?|rules?|"
    r"ruling|banned|ban|bans|required to|must by law|" + _COURT + r"|statute|constitution|licen[cs]e|"
    r"prohibited|permitted|entitled to|obliged to|must be (?:\w+ed|paid|returned|made|sent|"
    r"filed|submitted|registered|renewed)|within \w+ (?:days|weeks|months)|deadline|"
    r"mandatory|compulsory|recommends?|recommendation)\b", re.I))
_PERSONAL = re.compile(r"\b(I|my|me|we|our|us)\b")
_PERSONAL_VERBS = re.compile(r"\b(I|we)\s+(?:have\s+|had\s+|was\s+|were\s+)?(\w+ed|saw|felt|"
                             r"went|met|knew|heard|lived|grew|became|been|suffered|found)\b")


def attribution_of(sent, memory: "engine.Memory | None" = None) -> tuple[Attribution, str | None]:
    """(attribution, reason) of a sentence on its own (pronoun sources resolved from `memory`,
    when given, else left as the pronoun)."""
    found = engine.find(sent, memory)
    if found is not None and found.pronoun and memory is not None:
        found = engine.resolve_pronoun(found, memory)
    hedge = None if found is not None else engine.hedge_of(text_of(sent))
    return engine.to_attribution(found, hedge)


def entities_of(sent, offset: int) -> tuple[Entity, ...]:
    """Entities of a sentence, with offsets into the article (offset = paragraph start)."""
    return tuple(Entity(offset + e.start_char, offset + e.end_char, text_of(e), e.label_)
                 for e in ents_of(sent))


def claim_type_of(sent) -> tuple[str, str | None]:
    """Full Fact's claim types (Konstantinovskiy et al. 2021), first match wins."""
    text = text_of(sent)
    folded = fold(text)
    law_text, law_folded = text, folded
    if "Bill " in text:  # "Bill Hayes said": a given name, not a bill
        law_text = _BILL_AS_NAME.sub("", text)
        law_folded = fold(law_text)
    if _LAW.search(law_text, law_folded) or _NAMED_ACT.search(text):
        return "law_rule", "claim type: law or rule"
    if _CAUSAL.search(text, folded):
        return "correlation_causation", "claim type: correlation or causation"
    if _has_number(sent, text):
        return "quantity", "claim type: quantity"
    if _PREDICTION.search(text, folded):
        return "prediction", "claim type: prediction"
    if _PERSONAL_VERBS.search(text) or (_PERSONAL.search(text) and "I" in text.split()):
        return "personal_experience", "claim type: personal experience"
    return "other", None


_ASCII_DIGIT = re.compile(r"[0-9]")


def _has_number(sent, text: str) -> bool:
    """A quantity entity, or a token of digits that is not a date, time or ordinal."""
    if any(e.label_ in QUANTITY_LABELS for e in ents_of(sent)):
        return True
    if text.isascii() and not _ASCII_DIGIT.search(text):  # no token can be digits: skip them
        return False
    return any(t.is_digit and t.ent_type_ not in {"DATE", "TIME", "ORDINAL"} for t in sent)


_MONTH_WORDS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DATE_OK = re.compile(
    rf"\b(?:{_MONTH_WORDS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|1[5-9]\d\d|20\d\d|\d{{4}}s|"
    # a period counts only with a number or a deictic word: "three days", "last year", not
    # "a great day"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|few|several|many|last|next|this|that|past|previous|following|same|"
    r"coming|recent|per)(?:[\s-]+\w+)?[\s-]+(?:years?|months?|weeks?|days?|decades?|"
    r"centur(?:y|ies)|quarters?)|yesterday|today|tomorrow|tonight|"
    r"weekend|ago|spring|summer|autumn|winter|christmas|easter|\d{1,2}/\d{1,2})\b",
    re.I)
_TIME_OK = re.compile(r"\d{1,2}[:.]\d\d|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|"
                      r"\b(?:hours?|minutes?|seconds?|morning|afternoon|evening|night|midnight|noon)\b",
                      re.I)
_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                 r"forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|"
                 r"million|millions|billion|billions|trillion|dozens?|half|third|quarter|twice")
_NUMBER_OK = re.compile(rf"\d|\b(?:{_NUMBER_WORDS})\b", re.I)
_PERCENT_OK = re.compile(r"%|\bper\s?cent|\bpercent(?:age)?\b", re.I)
_MONEY_OK = re.compile(r"[$£€¥₹]|\b(?:dollars?|pounds?|euros?|yen|yuan|rupees?|cents?|pence|"
                       r"francs?|usd|gbp|eur|nz\$|us\$|a\$)\b", re.I)
_QUANTITY_OK = re.compile(r"\d|\b(?:" + _NUMBER_WORDS + r")\b", re.I)
_ORG_OK = re.compile(r"\b(?:ministry|department|council|church|agency|authority|court|government|"
                     r"police|party|university|foundation|institute|company|association|union|"
                     r"commission|committee|board|office|service|bank|organi[sz]ation|society|"
                     r"museum|school|college|hospital|army|navy|parliament|congress|senate|"
                     r"assembly|embassy|federation|league|club|fund|trust|news|times|herald|"
                     r"press|post|journal|gazette|inc|corp|ltd|plc|group)\b", re.I)
_COMPARISON = Folded(re.compile(
    r"\b(more|less|fewer|higher|lower|larger|smaller|bigger|greater)\s+than\b|"
    r"\b(the\s+(?:highest|lowest|largest|biggest|smallest|greatest|most|least|first|worst|best|"
    r"youngest|oldest)(?:\s+\w+)?)\b|"
    r"\b(record(?:-breaking)?|doubled|tripled|halved|(?:rose|fell|increased|decreased|dropped|"
    r"declined|grew|climbed|slipped|jumped|surged|plunged)\s+(?:by|to|from)(?=\s+(?:[$£€¥]?\d|"
    # a change by, to or from a figure ("fell to 12%"), not "declined to comment"
    r"(?:about|around|nearly|almost|just|some|over|under|roughly|about|an?|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|half|a\s+third|a\s+quarter|its|their|the)\b))|"
    r"up\s+from|down\s+from|compared\s+with|compared\s+to)\b", re.I))


# Words after which the tagger's "person" is something else: a work, a team, a place.
_NOT_A_PERSON_AFTER = frozenset({
    "album", "albums", "single", "song", "film", "movie", "book", "novel", "series", "sitcom",
    "show", "play", "musical", "documentary", "programme", "program", "podcast", "track",
    "champions", "side", "club", "team", "rivals", "outfit", "hosts", "visitors",
    "towards", "toward", "near", "into", "outside", "across", "via"})


# titles a name never ends with ("Coroner Dr" is a title cut from "Dr Helen Marsh"; but "Carole
# King" and "John Major" end with title words)
_SHORT_TITLES = frozenset({"dr", "mr", "mrs", "ms", "prof", "sir", "dame", "rev", "hon", "cllr",
                           "sgt", "det", "insp", "supt", "cr"})
# a member for a constituency ("the MP for Hollin Vale")
_MEMBERS_FOR = frozenset({"mp", "mep", "msp", "mla", "mpp", "td", "member", "congressman",
                          "congresswoman", "representative", "senator"})


_STAFF_OF = frozenset({"analysts", "analyst", "economists", "economist", "strategists",
                       "strategist", "researchers", "researcher", "scientists", "scientist",
                       "staff", "traders", "officials", "executives", "lawyers", "bankers"})
_PLACE_NOUNS = frozenset({
    "province", "provinces", "region", "regions", "district", "districts", "state", "states",
    "county", "counties", "city", "cities", "town", "towns", "village", "villages", "island",
    "islands", "suburb", "suburbs", "municipality", "governorate", "oblast", "prefecture"})


def _a_place_by_its_layout(ent) -> bool:
    """A name the tagger took for a person that the layout says is a place: an address in a
    court list ("Gill Hart, 61, of Mill Lane,"), a constituency ("the MP for Hollin Vale")."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ not in ("of", "for", "at"):
        return False
    before = doc[ent.start - 2]
    if doc[ent.start - 1].lower_ == "for":
        return before.lower_ in _MEMBERS_FOR
    if before.lower_ in _PLACE_NOUNS:
        return True  # "the provinces of Al Haouz and Taroudant"
    if doc[ent.start - 1].lower_ == "at" and before.lower_ in _STAFF_OF:
        return True  # "Analysts at Peel Hunt": a firm
    return before.text == "," and ent.start >= 3 and doc[ent.start - 3].like_num


def _plausible(ent) -> str | None:
    """The reason label of an entity when spaCy's label is believable, else None.

    Only signals a checker can rely on: dates, times, numbers, percentages, money and
    quantities that look like what they are labelled; people written as a full name; bodies
    whose name says they are one. Places, events, works and the like are not reasons."""
    label, text = ent.label_, text_of(ent)
    if label == "DATE":
        return "date" if _DATE_OK.search(text) else None
    if label == "TIME":
        return "time" if _TIME_OK.search(text) else None
    if label == "PERCENT":
        return "percentage" if _PERCENT_OK.search(text) and _NUMBER_OK.search(text) else None
    if label == "MONEY":
        if _PERCENT_OK.search(text):
            return "percentage" if _NUMBER_OK.search(text) else None
        return "money" if _MONEY_OK.search(text) and _NUMBER_OK.search(text) else None
    if label in ("CARDINAL", "QUANTITY"):
        if _PERCENT_OK.search(text):
            return "percentage"
        if _MONEY_OK.search(text):
            return "money"
        if not _QUANTITY_OK.search(text) or _DATE_OK.search(text) and label == "CARDINAL":
            return None
        return "quantity" if label == "QUANTITY" or len(ent) > 1 else "number"
    if label == "PERSON":
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if (before is not None and before.lower_ in _NOT_A_PERSON_AFTER) or \
                engine._person_entity_cut(ent[0]) or _a_place_by_its_layout(ent) or \
                ent[-1].lower_.rstrip(".") in _SHORT_TITLES or ent[0].lower_ in ("st", "st.", "saint") \
                or ent[-1].lower_ in engine._COMPANY_SUFFIXES:
            # "whose album Neon Hearts", "Spanish champions Real Sevilla", "running towards
            # Washwood Heath", "World [Weather Attribution]": a work, a team, a place, a body
            return None
        words = [t for t in ent if not t.is_punct]
        if len(words) >= 2 and all(t.text[:1].isupper() and t.tag_ in ("NNP", "NNPS")
                                   for t in words) and text.count(" ") < 5:
            return "person"
        return None
    if label == "ORG":
        words = [t for t in ent if not t.is_punct]
        if _code_after_a_name(ent):
            return None  # "Klaus Brenner (GER), Hamburg coach": a country's or a party's code
        if words and (_ORG_OK.search(text) or (len(words) == 1 and words[0].text.isupper()
                                               and len(words[0].text) >= 2)):
            return "organisation"
        return None
    return None


def _code_after_a_name(ent) -> bool:
    """A short capitalised code in brackets right after a person's name ("(GER)", "(R-AZ)")."""
    doc = ent.doc
    return ent.start >= 2 and ent.end < len(doc) and doc[ent.start - 1].text == "(" and \
        doc[ent.end].text == ")" and len(ent.text) <= 5 and ent.text.replace("-", "").isupper() \
        and doc[ent.start - 2].ent_type_ == "PERSON"


def entity_reasons(sent) -> list[str]:
    reasons: list[str] = []
    seen: set[tuple[str, str]] = set()
    for ent in ents_of(sent):
        label = _plausible(ent)
        text = text_of(ent).strip()
        if label is None or (label, text) in seen:
            continue
        seen.add((label, text))
        reasons.append(f"{label}: {text}")
    text = text_of(sent)
    match = _COMPARISON.search(text)
    if match:  # the words as written, lowercased (not the folded text's)
        reasons.append(f"comparison: {text[match.start():match.end()].lower()}")
    return reasons
