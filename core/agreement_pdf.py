"""One A4 PDF of a collaboration agreement, for the meeting and the file (fpdf2, as the report)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from core import texts
from core.agreements import Value, changes_since_agreed, field_words
from core.formatting import danish_date
from core.report import _MUTED, _RULE, _Document, _heading, _paragraph, printable
from questions.tools import Tool


@dataclass(frozen=True)
class AgreementPrint:
    """What the PDF shows of one agreement: plain values, so this module never touches storage."""

    leader_name: str
    values: Mapping[str, Value]
    agreed_at: datetime | None = None
    agreed_by: str = ""
    agreed_values: Mapping[str, Value] | None = None
    comments: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (name, text)
    network_name: str = ""


def build_agreement(tool: Tool, data: AgreementPrint, printed_at: datetime) -> bytes:
    """The agreement as PDF bytes: who, what each field says, whether and when it was agreed,
    what changed since, and the comments."""
    template = tool.agreement
    pdf = _Document(texts.AGREEMENT_PDF_FOOTER.format(date=danish_date(printed_at)))
    pdf.set_title(texts.AGREEMENT_PDF_TITLE.format(person=texts.TALK_PERSON[tool.talk]))
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("DejaVu", "", 9)
    pdf.set_text_color(*_MUTED)
    pdf.cell(0, 5, texts.APP_TITLE.upper() + " · " + texts.AGREEMENT_PDF_KIND, new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, texts.AGREEMENT_PDF_TITLE.format(person=texts.TALK_PERSON[tool.talk]), size=16)
    who = texts.AGREEMENT_PDF_LEADER.format(name=data.leader_name)
    if data.network_name:
        who += " · " + texts.AGREEMENT_PDF_NETWORK.format(name=data.network_name)
    _paragraph(pdf, who, style="B")
    _paragraph(pdf, _status(data), size=10, color=_MUTED)
    _paragraph(pdf, template.intro, size=9.5, color=_MUTED)
    for one in template.fields:
        _heading(pdf, one.label, size=11.5)
        _paragraph(pdf, field_words(one, data.values) or texts.AGREEMENT_EMPTY_VALUE)
    if data.agreed_values is not None and data.agreed_at is not None:
        changes = changes_since_agreed(template, data.agreed_values, data.values)
        if changes:
            _heading(pdf, texts.AGREEMENT_CHANGES_TITLE.format(date=danish_date(data.agreed_at)), size=12)
            for change in changes:
                _paragraph(pdf, change.label, style="B", size=10)
                _paragraph(pdf, texts.AGREEMENT_CHANGE_THEN.format(text=change.then or texts.AGREEMENT_EMPTY_VALUE))
                _paragraph(pdf, texts.AGREEMENT_CHANGE_NOW.format(text=change.now or texts.AGREEMENT_EMPTY_VALUE))
                pdf.ln(1)
    said = [(name, text) for name, text in data.comments if text]
    if said:
        _heading(pdf, texts.AGREEMENT_COMMENTS, size=12)
        for name, text in said:
            _paragraph(pdf, name, style="B", size=10)
            _paragraph(pdf, text)
    _signatures(pdf)
    return bytes(pdf.output())


def _status(data: AgreementPrint) -> str:
    if data.agreed_at is None:
        return texts.AGREEMENT_PDF_DRAFT
    return texts.AGREEMENT_PDF_AGREED.format(date=danish_date(data.agreed_at), name=data.agreed_by)


def _signatures(pdf: _Document) -> None:
    """Two lines to sign on paper, for the file."""
    if pdf.get_y() > pdf.h - 50:
        pdf.add_page()
    pdf.ln(14)
    width = (pdf.epw - 10) / 2
    pdf.set_draw_color(*_RULE)
    y = pdf.get_y()
    pdf.line(pdf.l_margin, y, pdf.l_margin + width, y)
    pdf.line(pdf.l_margin + width + 10, y, pdf.l_margin + pdf.epw, y)
    pdf.set_font("DejaVu", "", 8.5)
    pdf.set_text_color(*_MUTED)
    pdf.cell(width + 10, 5, printable(texts.AGREEMENT_PDF_SIGN_LEADER))
    pdf.cell(width, 5, printable(texts.AGREEMENT_PDF_SIGN_OTHER), new_x="LMARGIN", new_y="NEXT")
