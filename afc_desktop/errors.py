"""Errors meant for the person at the keyboard (给用户看的错误).

A :class:`PlainError` carries one plain-Chinese sentence saying what is wrong and where, with no
SQL, no traceback and no personal data (ID numbers, names). The command line prints it as one
line on standard error; the window shows it in a message box. Anything else that escapes is a
bug: it is logged in full (masked) and the person is told where the log is
(``afc_desktop/applog.py``).

Subclasses: ``services.context.ServiceError`` (a service refuses), ``store.db.DatabaseError``
(the database cannot be used, e.g. another program is writing), ``paths.DataDirError``,
``outfiles.OutputFileError`` and ``cli.CliError``.
"""

from __future__ import annotations


class PlainError(Exception):
    """A refusal whose ``message`` is shown to the user as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
