"""Rules over spaCy's parse: who makes a claim, what type of claim it is, and
the reasons a checker reads. Each function takes a sentence `Span`.
"""

from __future__ import annotations

import re
from typing import Iterable

from annotator.core.model import Attribution, AttributionKind, Entity

SPEECH_VERBS = {
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "claim", "claims",
    "claimed", "add", "adds", "added", "insist", "insists", "insisted", "reveal", "reveals",
    "revealed", "state", "states", "stated", "explain", "explains", "explained", "warn", "warns",
    "warned", "admit", "admits", "admitted", "allege", "alleges", "alleged", "announce",
    "announces", "announced", "confirm", "confirms", "confirmed", "deny", "denies", "denied",
    "suggest", "suggests", "suggested", "believe", "believes", "believed", "report", "reports",
    "reported", "argue", "argues", "argued", "write", "writes", "wrote", "accuse", "accused",
    "accuses", "disclose", "disclosed", "maintain", "maintained", "note", "noted", "tweeted",
    "posted", "stress", "stressed", "acknowledge", "acknowledged", "continued", "agreed",
}
ANONYMOUS_HEADS = {
    "source", "sources", "insider", "insiders", "friend", "friends", "aide", "aides", "ally",
    "allies", "confidant", "confidante", "courtier", "courtiers", "official", "officials",
    "someone", "somebody", "person", "people", "figure", "figures", "spokesman", "spokeswoman",
    "spokesperson", "observer", "observers", "staffer", "staffers", "member", "members",
    "whistleblower", "pal", "pals", "relative", "relatives", "associate", "associates",
    "colleague", "colleagues", "expert", "experts", "onlooker", "onlookers", "witness",
    "witnesses", "employee", "employees", "worker", "workers", "diplomat", "diplomats",
}
PRONOUNS = {"he", "she", "they", "we", "i", "him", "her", "them"}
HEDGE_PATTERNS = [
    (re.compile(r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?"
                r"(understood|expected|thought|believed|said|reported|claimed|rumoured|rumored|"
                r"alleged|suggested|feared|known)\b", re.I), "it is {0}"),
    (re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:also\s+|widely\s+)?"
                r"(said|thought|understood|believed|reported|rumoured|rumored|alleged|expected|"
                r"claimed|tipped)\s+to\b", re.I), "is {0} to"),
    (re.compile(r"\bthere\s+(?:is|was|are|were)\s+(?:said|thought|believed|understood|reported)"
                r"\s+to\s+be\b", re.I), "there is said to be"),
    (re.compile(r"\b(reportedly|allegedly|supposedly|apparently|rumoured|purportedly)\b", re.I),
     "{0}"),
    (re.compile(r"\b(?:is|are)\s+(expected)\s+(?:in|at|on|to)\b", re.I), "is {0}"),
    (re.compile(r"\baccording\s+to\s+(reports|sources|rumours|speculation)\b", re.I),
     "according to {0}"),
]
OUTLET_WORDS = {"mirror", "sun", "times", "mail", "telegraph", "guardian", "express", "post",
                "bbc", "cnn", "sky", "news", "independent", "journal", "herald", "star",
                "observer", "standard", "tribune", "magazine", "people", "page", "tmz", "reuters",
                "press", "radio", "tv", "television", "newspaper", "outlet", "gazette", "daily"}

ENTITY_REASON_LABELS = {
    "PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
    "NORP": "group", "DATE": "date", "TIME": "time", "CARDINAL": "number", "PERCENT": "percentage",
    "MONEY": "money", "QUANTITY": "quantity", "ORDINAL": "ordinal", "EVENT": "event",
    "LAW": "law", "PRODUCT": "product", "WORK_OF_ART": "title", "LANGUAGE": "language",
}
QUANTITY_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}

_PREDICTION = re.compile(
    r"\b(will|shall|going to|is set to|are set to|set to|is due to|are due to|forecasts?|"
    r"predicts?|predicted|expects?|expected to|projected|on course to|on track to|likely to|"
    r"next (?:year|month|week)|by 20\d\d)\b", re.I)
_CAUSAL = re.compile(
    r"\b(because|caused|causes|cause of|due to|led to|leads to|lead to|result(?:ed)? in|as a result|"
    r"linked to|link between|associated with|responsible for|contributed to|blamed for|"
    r"thanks to|driven by|triggered|increases? the risk|reduces? the risk)\b", re.I)
_LAW = re.compile(
    r"\b(law|laws|legal|illegal|unlawful|legislation|bill|act|regulations?|rules?|ruling|"
    r"banned|ban|bans|required to|must by law|court|statute|constitution|licen[cs]e|"
    r"prohibited|permitted|entitled to|obliged to)\b", re.I)
_PERSONAL = re.compile(r"\b(I|my|me|we|our|us)\b")
_PERSONAL_VERBS = re.compile(r"\b(I|we)\s+(?:have\s+|had\s+|was\s+|were\s+)?(\w+ed|saw|felt|"
                             r"went|met|knew|heard|lived|grew|became|been|suffered|found)\b")


# The pipeline runs without its attribute_ruler (10% faster), so coarse POS
# (token.pos_) is not set: these read the tagger's fine-grained Penn tags.
def _is_proper(token) -> bool:
    return token.tag_ in ("NNP", "NNPS")


def _is_verb(token) -> bool:
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def _clean_speaker(tokens: Iterable) -> str:
    """The subject's words as they appear in the text (keeping "A US source")."""
    tokens = list(tokens)
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i:tokens[-1].i + 1].text


def _subject_phrase(head) -> list:
    """The subject noun phrase without trailing relative clauses."""
    tokens = [t for t in head.subtree if t.dep_ not in {"relcl", "acl", "punct", "appos"}
              or t.i <= head.i]
    left = min(t.i for t in tokens)
    right = head.i
    for t in head.rights:
        if t.dep_ in {"prep", "compound", "conj", "cc"} or (t.dep_ == "pobj"):
            right = max(right, max(s.i for s in t.subtree))
    tokens = [t for t in head.doc[left:right + 1] if not t.is_space]
    # "In May Harry had said": the parser may glue a date onto the name.
    while tokens and tokens[0].ent_type_ in {"DATE", "TIME"} and tokens[0] is not head:
        tokens.pop(0)
    return tokens


def find_outlet(verb) -> str | None:
    """'told The Mirror' -> 'The Mirror'."""
    for child in verb.children:
        if child.dep_ in {"dative", "dobj", "iobj"} and (
                _is_proper(child) or child.ent_type_ in {"ORG", "WORK_OF_ART"}
                or child.lower_ in OUTLET_WORDS):
            phrase = [t for t in child.subtree if t.dep_ not in {"relcl", "ccomp"}]
            tokens = list(child.doc[min(t.i for t in phrase):child.i + 1])
            # "told the Mirror Prince William felt...": cut after the outlet's name.
            cuts = [i for i, t in enumerate(tokens) if t.lower_ in OUTLET_WORDS]
            if cuts:
                tokens = tokens[:cuts[-1] + 1]
            return child.doc[tokens[0].i:tokens[-1].i + 1].text
        if child.dep_ == "prep" and child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj" and (_is_proper(obj) or obj.lower_ in OUTLET_WORDS):
                    return " ".join(t.text for t in child.doc[min(t.i for t in obj.subtree):obj.i + 1])
    return None


def classify_subject(tokens: list) -> AttributionKind:
    words = [t.lower_ for t in tokens]
    head = max(tokens, key=lambda t: (t.dep_ in {"nsubj", "nsubjpass"}, -abs(t.head.i - t.i))) \
        if tokens else None
    if not tokens:
        return AttributionKind.NONE
    determiners = {"a", "an", "one", "some", "several", "two", "three", "many", "another",
                   "separate", "other", "senior", "royal", "close"}
    head_word = head.lower_ if head is not None else ""
    nouns = [t for t in tokens if t.tag_.startswith(("NN", "PRP"))]
    last_noun = nouns[-1].lower_ if nouns else head_word
    if "close" in words and ("sources" in words or "friends" in words or "people" in words):
        return AttributionKind.ANONYMOUS
    anonymous_head = last_noun in ANONYMOUS_HEADS or head_word in ANONYMOUS_HEADS
    has_name = any(t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} and _is_proper(t)
                   for t in tokens if t.lower_ not in {"us", "uk"})
    if anonymous_head:
        # "A palace source", "sources close to the Duke": unnamed even when a
        # name appears inside the phrase. "The source" refers back to one.
        if words[0] in determiners or words[0] in {"the", "this", "that", "these", "those"} \
                or not has_name or last_noun in {"source", "sources", "insider", "insiders"}:
            return AttributionKind.ANONYMOUS
    return AttributionKind.NAMED


def attribution_of(sent) -> tuple[Attribution, str | None]:
    """(attribution, reason) of a sentence."""
    best = None
    for token in sent:
        if token.lower_ not in SPEECH_VERBS or not _is_verb(token):
            continue
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects and token.dep_ in {"conj", "xcomp"}:
            subjects = [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            continue
        subject = subjects[0]
        if subject.lower_ in {"it", "there"} or subject.dep_ == "nsubjpass" or any(
                c.dep_ == "auxpass" for c in token.children):
            continue  # "it is said", "X is said to": a hedge, handled below
        phrase = _subject_phrase(subject)
        kind = classify_subject(phrase)
        speaker = _clean_speaker(phrase)
        via = find_outlet(token)
        candidate = (token.i, Attribution(kind, speaker or None, via))
        if best is None:
            best = candidate
        if kind is AttributionKind.ANONYMOUS:
            best = candidate
            break
    lowered = sent.text
    if best is None:
        match = re.search(r"\baccording to ((?:the |a |an )?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)",
                          lowered)
        if match and match.group(1).split()[-1].lower() not in {"reports", "sources"}:
            name = match.group(1)
            kind = (AttributionKind.ANONYMOUS if name.split()[-1].lower() in ANONYMOUS_HEADS
                    else AttributionKind.NAMED)
            best = (0, Attribution(kind, name, None))
    if best is not None:
        attribution = best[1]
        if attribution.kind is AttributionKind.ANONYMOUS:
            reason = f"attributed to an anonymous source ({attribution.speaker})"
        else:
            reason = f"attributed to {attribution.speaker}"
        if attribution.via:
            reason += f", via {attribution.via}"
        return attribution, reason
    for pattern, template in HEDGE_PATTERNS:
        match = pattern.search(lowered)
        if match:
            phrase = template.format(*(g.lower() for g in match.groups()))
            return (Attribution(AttributionKind.HEDGED, None, None),
                    f"hedged, with no source: \u201c{phrase}\u201d")
    return Attribution(), None


def entities_of(sent, offset: int) -> tuple[Entity, ...]:
    """Entities of a sentence, with offsets into the article (offset = paragraph start)."""
    return tuple(Entity(offset + e.start_char, offset + e.end_char, e.text, e.label_)
                 for e in sent.ents)


def claim_type_of(sent) -> tuple[str, str | None]:
    """Full Fact's claim types (Konstantinovskiy et al. 2021), first match wins."""
    text = sent.text
    labels = {e.label_ for e in sent.ents}
    numbers = labels & QUANTITY_LABELS or any(
        t.is_digit and t.ent_type_ not in {"DATE", "TIME", "ORDINAL"} for t in sent)
    if _LAW.search(text):
        return "law_rule", "claim type: law or rule"
    if _CAUSAL.search(text):
        return "correlation_causation", "claim type: correlation or causation"
    if numbers:
        return "quantity", "claim type: quantity"
    if _PREDICTION.search(text):
        return "prediction", "claim type: prediction"
    if _PERSONAL_VERBS.search(text) or (_PERSONAL.search(text) and "I" in text.split()):
        return "personal_experience", "claim type: personal experience"
    return "other", None


def entity_reasons(sent) -> list[str]:
    reasons: list[str] = []
    seen: set[tuple[str, str]] = set()
    for ent in sent.ents:
        label = ENTITY_REASON_LABELS.get(ent.label_)
        if label is None or (label, ent.text) in seen:
            continue
        seen.add((label, ent.text))
        reasons.append(f"{label}: {ent.text}")
    return reasons
