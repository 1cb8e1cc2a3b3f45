"""Reports made from the community's figures: the pilot progress report (试点报告) as PDF and Excel.

``pilot_report`` builds the report as data; ``pdf`` and ``xlsx`` render it. :func:`write_report`
picks the renderer from the file's suffix.
"""

from __future__ import annotations

from pathlib import Path

from ..services.context import ServiceError
from .pilot_report import PilotReport


def write_report(report: PilotReport, out: Path | str) -> Path:
    """Write ``report`` as PDF (``.pdf``) or Excel (``.xlsx``), chosen by the file name."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ServiceError(f"报告文件“{path.name}”的扩展名应为 .pdf 或 .xlsx", field="out")
    try:
        if suffix == ".pdf":
            from .pdf import write_pdf

            return write_pdf(report, path)
        from .xlsx import write_xlsx

        return write_xlsx(report, path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ServiceError(f"无法写入报告文件 {path}：{reason}", field="out") from exc
