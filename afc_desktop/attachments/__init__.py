"""Attachments (照片/附件): pictures kept with a record.

- :mod:`.images`: turn a camera's or scanner's picture into what is stored (orientation applied,
  downscaled, re-encoded as JPEG, every metadata block dropped — GPS first of all);
- :mod:`.blobs`: the content-addressed store in the data directory (``attachments/ab/abcd….jpg``),
  sealed under the database key when the database is encrypted.

The rows describing attachments, and the rules for who may attach what, are
``afc_desktop/services/attachments.py``. Sizes and the reasons for them: docs/attachments.md.
"""
