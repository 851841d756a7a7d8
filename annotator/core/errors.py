"""Errors the user can act on. Each message is one clear line, shown as is."""


class AnnotatorError(Exception):
    """Base class: anything raised as this is reported without a traceback."""

    exit_code = 1


class InputError(AnnotatorError):
    """A file the user gave cannot be read as an article."""


class LibraryError(AnnotatorError):
    """The library database cannot be opened or used."""


class LibraryBusyError(LibraryError):
    """Another process holds a lock on the library for too long."""

    exit_code = 3


class LibraryConnectionLost(LibraryError):
    """A shared library's server cannot be reached: edits are refused until it is back."""


class NotFoundError(AnnotatorError):
    """An id (claim, article, evidence) that the library does not hold."""


class ExportError(AnnotatorError):
    """An export could not be written."""


class ModelError(AnnotatorError):
    """The NLP pipeline or a trained model could not be loaded."""


class StaleEditError(AnnotatorError):
    """An edit made on an out-of-date copy of a claim: someone else changed it first."""

    exit_code = 4

    def __init__(self, message: str, claim_id: int, by: str = "", at: str = ""):
        super().__init__(message)
        self.claim_id = claim_id
        self.by = by
        self.at = at


class NotAClaimError(AnnotatorError):
    """A headline, dateline or caption was asked to take a verdict."""


class NotAllowedError(AnnotatorError):
    """The checker's role does not allow this (approving, sending back, assigning and
    resolving are an editor's); like PermissionError, but one clear line."""

    exit_code = 5


class DeskError(AnnotatorError):
    """A desk step that does not fit the article's state (a blind check not started,
    already finished, a claim with no verdict to approve...)."""
