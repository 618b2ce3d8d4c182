"""Every piece of UI text, in Danish, in one catalogue."""

from __future__ import annotations

APP_TITLE = "Netværksspejlet"
APP_TAGLINE = "Et spejl på din netværksledelse – før netværket og undervejs."

# Navigation
PAGE_REFLECTION = "Ny refleksion"
PAGE_RESULTS = "Mine resultater"
LOGOUT = "Log ud"
SIGNED_IN_AS = "Logget ind som {username}"

# Accounts
LOGIN_TAB = "Log ind"
SIGNUP_TAB = "Opret konto"
USERNAME = "Brugernavn"
PASSWORD = "Adgangskode"
LOGIN_SUBMIT = "Log ind"
SIGNUP_SUBMIT = "Opret konto"
SIGNUP_HELP = "Brugernavnet skal være 3–40 tegn: bogstaver, tal, punktum, bindestreg eller understreg."
PASSWORD_HELP = "Mindst {min} tegn."
LOGIN_FAILED = "Forkert brugernavn eller adgangskode."
USERNAME_TAKEN = "Brugernavnet er allerede i brug. Vælg et andet."
USERNAME_INVALID = (
    "Brugernavnet skal være 3–40 tegn og må kun indeholde bogstaver, tal, punktum, bindestreg og understreg."
)
PASSWORD_TOO_SHORT = "Adgangskoden skal være mindst {min} tegn."
PASSWORD_TOO_LONG = "Adgangskoden må højst være {max} tegn."

# Starting a round
START_TITLE = "Ny refleksion"
START_INTRO = (
    "Gå de 10 kompetencer igennem, én ad gangen. Til hver er der to spørgsmål: "
    "giv dig selv en vurdering fra 1 til 5, og skriv et par ord om, hvad du tænker. "
    "Alt gemmes, mens du skriver, så du kan holde pause og fortsætte senere."
)
ROUND_CONTEXT = "Hvor er du i netværksforløbet?"
ROUND_NOTE = "Note til denne refleksion (valgfri)"
ROUND_NOTE_HELP = "Fx netværkets tema eller hvad der fylder lige nu."
ROUND_START = "Start refleksionen"
CONTEXTS = {
    "foer-netvaerket": "Før netværket",
    "efter-moede-1": "Efter netværksmøde 1",
    "efter-moede-2": "Efter netværksmøde 2",
    "efter-moede-3": "Efter netværksmøde 3",
    "efter-moede-4": "Efter netværksmøde 4",
    "efter-moede-5": "Efter netværksmøde 5",
    "efter-moede-6": "Efter netværksmøde 6",
    "efter-testfasen": "Efter testfasen",
    "andet": "Andet",
}
ROUNDS_DONE = "Du har gennemført {count} refleksion(er). Se dem under »Mine resultater«."

# Walk-through
STEP_PROGRESS = "Kompetence {step} af {total}"
OVERVIEW_PROGRESS = "Overblik"
ROUND_CAPTION = "{context} · startet {date}"
RATING_END = "{value} – {label}"
REFLECTION_HELP = "Gemmes, når du forlader feltet. Højst {max} tegn."
LAST_TIME = "Sidste gang ({date})"
LAST_TIME_RATING = "Din vurdering: {rating}"
LAST_TIME_NO_RATING = "Ingen vurdering"
LAST_TIME_NO_TEXT = "Ingen refleksion skrevet."
STEP_BACK = "← Tilbage"
STEP_NEXT = "Næste →"
SAVED = "Gemt kl. {time}"
SAVED_IDLE = "Dine svar gemmes automatisk."
TEXT_TOO_LONG = (
    "Teksten er for lang ({length} tegn, højst {max}). Den er ikke gemt – "
    "kort den ned, så gemmes den. Det, der stod før, er bevaret."
)
RATING_INVALID = "Vurderingen skal være et tal fra 1 til 5."
ROUND_CLOSED = "Denne refleksion er allerede afsluttet og kan ikke ændres."
OVERVIEW_TITLE = "Overblik over dine svar"
OVERVIEW_INTRO = "Tjek dine svar. Når du afslutter, låses refleksionen og kommer med i dine resultater."
OVERVIEW_MISSING = "Du mangler at give en vurdering på {count} spørgsmål:"
OVERVIEW_COL_COMPETENCY = "Kompetence"
OVERVIEW_COL_SCORE = "Score"
OVERVIEW_COL_TEXTS = "Refleksioner skrevet"
ROUND_COMPLETE = "Afslut refleksionen"
ROUND_COMPLETED = "Refleksionen er afsluttet. Godt arbejde!"
SEE_RESULTS = "Se dine resultater"

# Results
RESULTS_TITLE = "Mine resultater"
RESULTS_EMPTY = "Du har ikke afsluttet en refleksion endnu. Start under »Ny refleksion«."
RESULTS_PICK_ROUNDS = "Vis disse refleksioner på radaren"
RADAR_TITLE = "Dine styrker"
RADAR_CAPTION = "Score pr. kompetence (gennemsnit af dine to vurderinger, 1–5)."
TREND_TITLE = "Udvikling pr. kompetence"
TABLE_TITLE = "Tallene bag radaren"
REFLECTIONS_TITLE = "Dine refleksioner"
NO_REFLECTION = "(ingen refleksion skrevet)"
ROUND_LABEL = "{date} · {context}"
ROUND_NOTE_LABEL = "Note: {note}"

# Errors
BANK_BROKEN = "Netværksspejlet kan ikke starte, fordi spørgsmålsbanken er ugyldig. {detail}"
DATABASE_BROKEN = "Netværksspejlet kan ikke starte: {detail}"
UNEXPECTED = "Noget gik galt. Prøv igen – dine gemte svar er ikke tabt."
NOTE_TOO_LONG = "Noten må højst være {max} tegn."
CONTEXT_MISSING = "Vælg, hvor du er i netværksforløbet."
GO_TO_COMPETENCY = "Gå til »{name}«"
TREND_CAPTION = "Hver lille graf viser én kompetence. Vandret akse: refleksion nr. 1, 2, 3 … (se tabellen for datoer)."
