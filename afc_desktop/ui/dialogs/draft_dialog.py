"""What every form kept as a draft until it is recorded shares (草稿): 保存草稿, photos that
need a record to belong to, and closing with unsaved content offering to keep it.

The person visit and household visit dialogs derive from :class:`DraftDialog`; each supplies
what the form holds (``data``), the service call that keeps it (``store_draft``) and its own
wording (``draft_texts``, translated in the subclass's context).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from ...services.context import ServiceError
from ..service_messages import message_of


@dataclass(frozen=True)
class DraftTexts:
    """A draft form's wording: its title, the question on closing unsaved, the saved title."""

    title: str
    unsaved_question: str
    saved_title: str


class DraftDialog(QDialog):
    """A form that can be kept as a draft (see the module docstring). Subclasses set
    ``self.error`` (a QLabel) and call :meth:`mark_saved` once the form is filled.
    Emits ``sig_saved(view)`` whenever the draft is kept or the record made."""

    sig_saved = Signal(object)

    def __init__(self, parent: QWidget | None = None, draft_id: str | None = None) -> None:
        super().__init__(parent)
        self.draft_id = draft_id
        self.error = QLabel()
        self._saved_state: Any = None

    # --- what a subclass supplies ------------------------------------------------------------

    def data(self) -> Any:
        """What the form holds (a service input dataclass, compared for unsaved changes)."""
        raise NotImplementedError

    def store_draft(self, data: Any, draft_id: str | None) -> Any:
        """Keep ``data`` as the draft ``draft_id`` (a new one when None); the service's view."""
        raise NotImplementedError

    def draft_texts(self) -> DraftTexts:
        """The form's wording."""
        raise NotImplementedError

    # --- shared ------------------------------------------------------------------------------

    def mark_saved(self) -> None:
        """What the form holds now counts as saved (opened, or kept as a draft)."""
        self._saved_state = self.data()

    def has_unsaved_changes(self) -> bool:
        """True when the form differs from what was opened or last saved as a draft."""
        return bool(self.data() != self._saved_state)

    def reject(self) -> None:
        """Closing with unsaved content offers to keep it as a draft (保存草稿)."""
        if self.has_unsaved_changes():
            texts = self.draft_texts()
            answer = QMessageBox.question(
                self,
                texts.title,
                texts.unsaved_question,
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and self.save_draft() is None:
                return  # the error is shown; stay open
        super().reject()

    def _owner_for_photos(self) -> str | None:
        """A new form is kept as a draft first, so its photos have a record to belong to."""
        if self.draft_id is None and self.save_draft() is None:
            return None
        return self.draft_id

    def save_draft(self) -> Any:
        """保存草稿: keep what is there; the dialog stays open for more. None on a refusal
        (shown beside the buttons)."""
        try:
            view = self.store_draft(self.data(), self.draft_id)
        except ServiceError as exc:
            self.error.setText(message_of(exc))
            return None
        self.draft_id = view.id
        self.mark_saved()
        self.error.setText("")
        self.setWindowTitle(self.draft_texts().saved_title)
        self.sig_saved.emit(view)
        return view
