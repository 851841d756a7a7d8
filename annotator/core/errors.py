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


class NotFoundError(AnnotatorError):
    """An id (claim, article, evidence) that the library does not hold."""


class ExportError(AnnotatorError):
    """An export could not be written."""


class ModelError(AnnotatorError):
    """The NLP pipeline or a trained model could not be loaded."""
