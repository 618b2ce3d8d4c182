"""The question bank: the 10 competencies and their reflection questions."""

from questions.bank import (
    BEFORE,
    DEFAULT_BANK_PATH,
    DURING,
    BankError,
    Competency,
    Question,
    QuestionBank,
    Scale,
    Wording,
    load_bank,
)

__all__ = [
    "BEFORE",
    "DURING",
    "DEFAULT_BANK_PATH",
    "BankError",
    "Competency",
    "Question",
    "QuestionBank",
    "Scale",
    "Wording",
    "load_bank",
]
