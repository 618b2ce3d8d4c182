"""The question bank: the 10 competencies and their reflection questions."""

from questions.bank import (
    DEFAULT_BANK_PATH,
    BankError,
    Competency,
    Question,
    QuestionBank,
    Scale,
    load_bank,
)

__all__ = [
    "DEFAULT_BANK_PATH",
    "BankError",
    "Competency",
    "Question",
    "QuestionBank",
    "Scale",
    "load_bank",
]
