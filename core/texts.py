"""Every piece of UI text, in Danish, in one catalogue."""

from __future__ import annotations

from core import vocabulary as v


def counted(count: int, one: str, many: str) -> str:
    """A count with its noun in the right form: "1 runde", "3 runder" (Danish has one plural form,
    for every count but one; thousands with a dot)."""
    number = f"{count:,}".replace(",", ".")
    return f"{number} {one if count == 1 else many}"


def rounds_done(count: int) -> str:
    """The start form's line about the rounds a leader has completed."""
    return f"Du har gennemført {counted(count, 'runde', 'runder')}. Se dem under »Mine resultater«."


def sessions_count(count: int) -> str:
    """How many places a person is signed in, this browser included."""
    return f"Du er logget ind {counted(count, 'sted', 'steder')}, denne browser medregnet."


def import_done(rounds: int, goals: int, feedback: int, agreements: int = 0) -> str:
    """What an import brought along."""
    done = IMPORT_DONE.format(
        rounds=counted(rounds, "runde", "runder"),
        goals=counted(goals, "mål", "mål"),
        feedback=counted(feedback, "kommentar", "kommentarer"),
    )
    if agreements:
        done += " " + IMPORT_DONE_AGREEMENTS.format(
            agreements=counted(agreements, "samarbejdsaftale", "samarbejdsaftaler")
        )
    return done


APP_TITLE = "Netværksspejlet"
APP_TAGLINE = "Et spejl på din netværksledelse – før netværket og undervejs."

# Navigation
PAGE_REFLECTION = "Ny runde"
PAGE_RESULTS = "Mine resultater"
LOGOUT = "Log ud"
SIGNED_IN_AS = "Logget ind som {name}"

# Accounts
LOGIN_TAB = "Log ind"
SIGNUP_TAB = "Opret konto"
USERNAME = "Brugernavn"
PASSWORD = "Adgangskode"
LOGIN_SUBMIT = "Log ind"
SIGNUP_SUBMIT = "Opret konto"
SIGNUP_HELP = (
    "Det, du logger ind med: 3–40 tegn, bogstaver, tal, punktum, bindestreg eller understreg – uden mellemrum, "
    "fx »lise.hansen«. Dit fulde navn skriver du ovenfor."
)
PASSWORD_HELP = "Mindst {min} tegn, og ikke en af de kendte, almindelige adgangskoder. Brug gerne en hel sætning."
LOGIN_FAILED = "Forkert brugernavn eller adgangskode."
USERNAME_TAKEN = "Brugernavnet er allerede i brug. Vælg et andet."
USERNAME_LOOKALIKE = (
    "Brugernavnet ligner for meget et, der allerede er i brug (fx de samme bogstaver fra et andet alfabet), "
    "så andre ville kunne forveksle jer. Vælg et andet."
)
USERNAME_INVALID = (
    "Brugernavnet skal være 3–40 tegn og må kun indeholde bogstaver, tal, punktum, bindestreg og understreg "
    "– ingen mellemrum. Dit fulde navn skriver du under »Dit navn«."
)
PASSWORD_TOO_SHORT = "Adgangskoden skal være mindst {min} tegn."
PASSWORD_TOO_LONG = "Adgangskoden må højst være {max} tegn."
# Why a new password is refused, by core.auth.password_problem's reason ({min} and {max} filled in).
PASSWORD_REFUSED = {
    "short": PASSWORD_TOO_SHORT,
    "long": PASSWORD_TOO_LONG,
    "common": "Den adgangskode er for almindelig – den står på listen over kendte adgangskoder. Vælg en anden.",
    "username": "Adgangskoden må ikke være det samme som brugernavnet.",
}
LOGIN_LOCKED = (
    "For mange forsøg på at logge ind. Vent {minutes} minutter, og prøv igen. "
    "Har du glemt din adgangskode, så bed en administrator om en engangskode."
)
SESSION_ENDED = (
    "Du er logget ud – enten fordi du loggede ud et andet sted, eller fordi der er gået for lang tid. Log ind igen."
)
LOGGED_OUT = "Du er logget ud."
# Password reset with a one-time code from an administrator
RESET_TAB = "Har du fået en engangskode?"
RESET_INTRO = "Har du fået en engangskode af en administrator? Vælg en ny adgangskode her."
RESET_CODE = "Engangskode"
RESET_NEW_PASSWORD = "Ny adgangskode"
RESET_SUBMIT = "Gem ny adgangskode"
RESET_FAILED = "Brugernavnet eller engangskoden passer ikke, eller koden er brugt eller udløbet."
# Single sign-on
SSO_LOGIN = "Log ind med kommunens login"
SSO_OR = "Eller log ind med brugernavn og adgangskode:"
SSO_ONLY = "Log ind med det login, du bruger på arbejdet."
SSO_LINKED = "Din konto er nu forbundet med kommunens login."
SSO_LINK_TAKEN = "Det kommunale login hører allerede til en anden konto her. Intet er ændret."
SSO_FAILED = "Log ind med kommunens login lykkedes ikke. Prøv igen, eller kontakt en administrator."
# My account: password change
PAGE_ACCOUNT = "Min konto"
ACCOUNT_TITLE = "Min konto"
NAME_SECTION = "Dit navn"
NAME = "Dit navn"
NAME_HELP = "Sådan står du, hvor andre ser dig: hos din co-driver, på holdet og i rapporter. Fx »Lise Hansen«."
NAME_SAVE = "Gem navn"
NAME_CHANGED = "Dit navn er gemt: {name}."
NAME_INVALID = "Skriv dit eget navn med bogstaver, højst {max} tegn. Intet er ændret."
NAME_MISSING = "Skriv dit navn, fx »Lise Hansen«."
USERNAME_IS = "Du logger ind med brugernavnet {username}."
PASSWORD_SECTION = "Skift adgangskode"
PASSWORD_CURRENT = "Nuværende adgangskode"
PASSWORD_NEW = "Ny adgangskode"
PASSWORD_CHANGE = "Skift adgangskode"
PASSWORD_CHANGED = "Din adgangskode er skiftet. Du er logget ud alle andre steder."
PASSWORD_WRONG = "Den nuværende adgangskode er forkert. Intet er ændret."
PASSWORD_NONE = "Du logger ind med kommunens login, så du har ingen adgangskode her."
SSO_SECTION = "Kommunens login"
SSO_CONNECT = "Forbind med kommunens login"
SSO_CONNECTED = "Din konto er forbundet med kommunens login."
SESSIONS_SECTION = "Hvor du er logget ind"
SESSIONS_END_OTHERS = "Log ud alle andre steder"
SESSIONS_ENDED = "Du er logget ud alle andre steder."

# Starting a round
START_TITLE = "Ny runde"
START_INTRO = (
    "Gå de 10 kompetencer igennem, én ad gangen. Til hver er der to spørgsmål: "
    "giv dig selv en vurdering fra 1 til 5, og skriv et par ord om, hvad du tænker. "
    "Alt gemmes, mens du skriver, så du kan holde pause og fortsætte senere."
)
ROUND_CONTEXT = "Hvor er du i netværksforløbet?"
ROUND_NOTE = "Note til denne runde (valgfri)"
ROUND_NOTE_HELP = "Fx netværkets tema eller hvad der fylder lige nu."
ROUND_START = "Start runden"
START_DURATION = "Regn med **{low}–{high} minutter**. Du kan holde pause når som helst og fortsætte senere."
CONTEXTS = {
    v.CONTEXT_BEFORE: "Før netværket",
    **{v.after_meeting(n): f"Efter netværksmøde {n}" for n in range(1, v.MEETINGS_MAX + 1)},
    v.CONTEXT_AFTER_TEST: "Efter testfasen",
    v.CONTEXT_OTHER: "Andet",
}

# Walk-through
STEP_PROGRESS = "Kompetence {step} af {total}"
OVERVIEW_PROGRESS = "Overblik"
ROUND_CAPTION = "{context} · startet {date}"
RATING_END = "{value} – {label}"
REFLECTION_HELP = "Gemmes, mens du skriver. Højst {max} tegn."
# Under every text field: its limit, and whether (and when) it was stored.
# The count leads the line: the page itself moves it on as a person types (ui/browser.py).
FIELD_COUNT = "{count} / {max} tegn"
FIELD_UNSAVED = "{count} · Gemmes, mens du skriver."
FIELD_SAVED = "{count} · Gemt kl. {time}."
FIELD_OVER = "For lang – kort den ned, så gemmes den som dit svar"  # written by the page itself past the limit
TEXT_CHANGED_ELSEWHERE = (
    "Teksten er ændret i et andet vindue, siden du åbnede den her, så din tekst er ikke gemt. Der står nu: »{text}«"
)
TEXT_KEEP_MINE = "Gem min tekst i stedet"
ROUND_REPLACED = (
    "Den runde, du havde åben her, er afsluttet i et andet vindue. Du ser nu den nye, "
    "og intet herfra er skrevet ind i den."
)
STEP_TEXT_TOO_LONG = (
    "En tekst på denne side er for lang. Den er gemt som kladde, men kort den ned, før du går videre, "
    "så den tæller som dit svar."
)
LAST_TIME = "Sidste gang ({date})"
LAST_TIME_RATING = "Din vurdering: {rating}"
LAST_TIME_NO_RATING = "Ingen vurdering"
LAST_TIME_NO_TEXT = "Ingen refleksion skrevet."
STEP_BACK = "← Tilbage"
STEP_NEXT = "Næste →"
SAVED = "Gemt kl. {time}"
SAVED_IDLE = "Dine svar gemmes automatisk."
TEXT_TOO_LONG = (
    "Teksten er for lang ({length} tegn, højst {max}). Den er gemt som kladde her og er der også næste gang, "
    "men den tæller først som dit svar, når den er kortet ned."
)
RATING_INVALID = "Vurderingen skal være et tal fra 1 til 5."
ROUND_CLOSED = "Denne runde er allerede afsluttet og kan ikke ændres."
ROUND_OVERVIEW_TITLE = "Overblik over dine svar"
ROUND_OVERVIEW_INTRO = "Tjek dine svar. Når du afslutter, låses runden og kommer med i dine resultater."
OVERVIEW_MISSING = "Du mangler at give en vurdering på {count} spørgsmål:"
OVERVIEW_COL_COMPETENCY = "Kompetence"
OVERVIEW_COL_SCORE = "Score"
OVERVIEW_EDIT = "Ret"
OVERVIEW_EDIT_HELP = "Gå tilbage til »{name}« og ret dine svar"
OVERVIEW_SCORE = "Score: {score}"
ROUND_COMPLETE = "Afslut runden"
ROUND_COMPLETED = "Runden er afsluttet. Godt arbejde!"
SEE_RESULTS = "Se dine resultater"
ROUND_DONE_WHEN = "{context} · afsluttet {date}"
ROUND_DONE_GOALS = "Dine mål til næste gang"
ROUND_DONE_GOAL = "{name}: {step}"
ROUND_DONE_NEXT = "Hvad nu?"
ROUND_DONE_SHARE = "Del med en co-driver"
ROUND_DONE_SHARE_HELP = "En co-driver følger dit netværk og giver dig et blik udefra på dine runder."
ROUND_DONE_NEXT_MEETING = "Næste netværksmøde er {date}. Tag en ny runde efter mødet, mens det er frisk."
ROUND_DONE_NEW = "Start en ny runde"

# Results
RESULTS_TITLE = "Mine resultater"
RESULTS_EMPTY = "Du har ikke afsluttet en runde endnu. Start under »Ny runde«."
RESULTS_PICK_ROUNDS = "Vis disse runder på radaren"
RESULTS_WINDOW = "Hvilke runder vil du se?"
RESULTS_WINDOW_LABEL = "Runde {first}–{last} af {count}"
RESULTS_WINDOW_HELP = "Siden viser højst otte runder ad gangen – et helt netværksforløb. Vælg tidligere runder her."
SUMMARY_TITLE = "Siden sidst"
SUMMARY_COMPARED = "Din seneste runde ({latest}) sammenlignet med den før ({previous})."
SUMMARY_FIRST = "Din første runde ({latest}). Når du har gennemført den næste, ser du her, hvad der har ændret sig."
SUMMARY_ROSE = "Steg mest"
SUMMARY_FELL = "Faldt mest"
SUMMARY_NONE_ROSE = "Ingen kompetence steg."
SUMMARY_NONE_FELL = "Ingen kompetence faldt."
SUMMARY_STRONGEST = "Stærkest nu"
SUMMARY_WEAKEST = "Mest at arbejde med nu"
SUMMARY_MOVE = "{name}: {before} → {now} ({change})"
SUMMARY_STANDING = "{name}: {score}"
SUMMARY_GOALS = "Dine mål fra sidst"
SUMMARY_GOALS_COUNT = "{achieved} lykkedes, {partly} delvist, {not_yet} ikke endnu"
SUMMARY_GOAL = "{name}: {outcome}"
SUMMARY_NO_GOALS = "Du satte ingen mål i runden før."
SUMMARY_GOALS_NOW = "Dine mål nu"
SUMMARY_CODRIVER = "Hvor {name} ser dig anderledes"
SUMMARY_PDF = "Hent én side til samtalen (PDF)"
SUMMARY_PDF_HELP = (
    "Siden sidst, radaren og dine mål på én A4-side – til snakken med din co-driver eller personaleleder."
)
SUMMARY_FILE_NAME = "netvaerksspejlet-siden-sidst-{date}.pdf"
SUMMARY_PDF_TITLE = "Siden sidst – {name}"
SUMMARY_PDF_RADAR = "Din seneste runde og den før. Score pr. kompetence, 1–5."
FULL_REPORT_TITLE = "Hele rapporten"
RADAR_TITLE = "Dine styrker"
RADAR_CAPTION = "Score pr. kompetence (gennemsnit af dine to vurderinger, 1–5)."
TREND_TITLE = "Udvikling pr. kompetence"
TABLE_TITLE = "Tallene bag radaren"
RADAR_NUMBERS_BELOW = "Tallene for alle dine runder står i tabellen under »Udvikling pr. kompetence«."
CHART_NUMBERS = "Tallene bag figuren"
CHANGE_COLUMN = "Ændring"
REFLECTIONS_TITLE = "Dine refleksioner"
NO_REFLECTION = "(ingen refleksion skrevet)"
ROUND_LABEL = "{date} · {context}"
ROUND_NOTE_LABEL = "Note: {note}"

# Errors
SETTINGS_BROKEN = "Netværksspejlet kan ikke starte, fordi en indstilling er forkert. {detail}"
BANK_BROKEN = "Netværksspejlet kan ikke starte, fordi spørgsmålsbanken er ugyldig. {detail}"
DATABASE_BROKEN = "Netværksspejlet kan ikke starte: {detail}"
UNEXPECTED = "Noget gik galt. Prøv igen – dine gemte svar er ikke tabt."
NOTE_TOO_LONG = (
    "Noten er for lang ({length} tegn, højst {max}). Den er gemt som kladde her; kort den ned, så kan du starte."
)
CONTEXT_MISSING = "Vælg, hvor du er i netværksforløbet."
GO_TO_COMPETENCY = "Gå til »{name}«"
TREND_CAPTION = "Hver lille graf viser én kompetence. Vandret akse: runde nr. 1, 2, 3 … (se tabellen for datoer)."

# Sharing with a co-driver (the leader's side)
PAGE_SHARING = "Del med co-driver"
SHARING_TITLE = "Del med din co-driver"
SHARING_INTRO = (
    "Din co-driver er din sparringspartner gennem hele netværket. Når du deler, kan din co-driver "
    "se dine afsluttede runder, give dig sit eget blik på dine kompetencer og skrive kommentarer. "
    "Du bestemmer selv, hvad der deles, og du kan altid trække adgangen tilbage."
)
INVITE_TITLE = "Inviter en co-driver"
INVITE_SCOPE = "Hvad må din co-driver se?"
SCOPE_LABELS = {
    v.SCOPE_SCORES: "Kun mine scorer",
    v.SCOPE_TEXTS: "Mine scorer og mine skrevne refleksioner",
}
INVITE_CREATE = "Lav en invitationskode"
INVITE_CODE_INTRO = (
    "Giv koden til din co-driver – på mail eller når I ses. Den kan bruges én gang og gælder til {date}. "
    "Koden vises kun her, så kopiér den nu."
)
INVITE_CREATED_SCOPE = "Koden giver adgang til: {scope}"
PENDING_TITLE = "Invitationer, der ikke er brugt endnu"
PENDING_ITEM = "Oprettet {created} · gælder til {expires} · {scope}"
INVITE_WITHDRAW = "Træk tilbage"
INVITE_WITHDRAWN = "Invitationen er trukket tilbage. Koden kan ikke længere bruges."
SHARES_TITLE = "Hvem kan se dine runder"
SHARES_EMPTY = "Ingen kan se dine runder lige nu."
SHARE_SINCE = "{name} · siden {date}"
SHARE_SCOPE = "Hvad må {name} se?"
SHARE_REVOKE = "Fjern adgang"
SHARE_REVOKED = "{name} kan ikke længere se dine runder."
SHARE_SCOPE_CHANGED = "{name} kan nu se: {scope}."
SHARE_GONE = "Den deling findes ikke længere."

# Redeeming an invitation (the co-driver's side)
REDEEM_TITLE = "Har du fået en invitationskode?"
REDEEM_INTRO = "Skriv koden, du har fået af en netværksleder, så kan du følge vedkommende som co-driver."
REDEEM_CODE = "Invitationskode"
REDEEM_CODE_HELP = "Fx 7KQ2-M9XD-4HBT. Store eller små bogstaver, med eller uden bindestreger."
REDEEM_SUBMIT = "Brug koden"
REDEEM_OK = "Nu kan du følge {leader} som co-driver. Find {leader} under »Co-driver« i menuen."
REDEEM_REFUSED = {
    "unknown": "Koden findes ikke. Tjek, at du har skrevet den rigtigt.",
    "used": "Koden er allerede brugt. Bed netværkslederen om en ny.",
    "expired": "Koden er udløbet. Bed netværkslederen om en ny.",
    "withdrawn": "Koden er trukket tilbage af netværkslederen. Bed om en ny, hvis det er en fejl.",
    "own": "Det er din egen kode. Giv den til din co-driver.",
}

# The co-driver's page
PAGE_CODRIVER = "Co-driver"
CODRIVER_TITLE = "Co-driver"
CODRIVER_INTRO = "Her følger du de netværksledere, der deler deres runder med dig. Du kan læse dem, men ikke ændre dem."
CODRIVER_EMPTY = "Ingen netværksledere deler med dig endnu. Har du fået en kode, så brug den under »Del med co-driver«."
CODRIVER_PICK_LEADER = "Netværksleder"
CODRIVER_NO_ACCESS = "Du har ikke adgang til den netværksleders runder."
CODRIVER_SCOPE = {
    v.SCOPE_SCORES: "{leader} deler sine scorer med dig, men ikke sine skrevne refleksioner.",
    v.SCOPE_TEXTS: "{leader} deler sine scorer og sine skrevne refleksioner med dig.",
}
CODRIVER_NO_ROUNDS = "{leader} har ikke afsluttet en runde endnu."
CODRIVER_RADAR_TITLE = "{leader_gen} styrker over tid"
CODRIVER_ROUNDS_TITLE = "Runder"
ROUNDS_COL_NUMBER = "Nr."
ROUNDS_COL_DATE = "Afsluttet"
ROUNDS_COL_CONTEXT = "Hvor i forløbet"
ROUNDS_COL_NOTE = "Note"
CODRIVER_PICK_ROUND = "Hvilken runde vil du give dit blik på?"
CODRIVER_VOICE_TITLE = "Dit blik som co-driver"
CODRIVER_VOICE_INTRO = (
    "Giv dit eget bud på {leader_gen} kompetencer, og skriv en kommentar, hvor du har noget at sige. "
    "{leader} kan læse det, men ikke ændre det. Alt gemmes, mens du skriver."
)
CODRIVER_LEADER_SCORE = "{leader_gen} egen score: {score}"
CODRIVER_LEADER_TEXT = "{leader_gen} refleksion: {prompt}"
CD_RATING = "Dit blik: I hvor høj grad lykkes {leader} med dette?"
CD_COMMENT = "Din kommentar"
CD_OVERALL = "Din samlede kommentar til {leader}"
CD_SAVED = "Gemt kl. {time}"
CD_SAVED_IDLE = "Dit blik gemmes, mens du skriver."
CD_OVERALL_TITLE = "Samlet kommentar"
CD_GIVEN = "Du har givet dit blik på {given} af {total} kompetencer i denne runde."
CD_NO_LONGER_SHARED = "{leader} deler ikke længere med dig. Det, du skrev, er ikke gemt."
CD_TEXT_TOO_LONG = (
    "Kommentaren er for lang ({length} tegn, højst {max}). Den er gemt som kladde her, men lederen ser den "
    "først, når den er kortet ned."
)
CD_LAST_SAVED = "Sidst gemt {date} kl. {time}"

# The outside view on the leader's results page
OUTSIDE_TITLE = "Co-driverens blik"
OUTSIDE_INTRO = "Sådan ser din co-driver dig – ved siden af dit eget blik på samme runde."
OUTSIDE_PICK_ROUND = "Runde"
OUTSIDE_OWN_TRACE = "Dit eget blik"
OUTSIDE_CD_TRACE = "Co-driverens blik ({name})"
GAPS_TITLE = "Hvor I ser forskelligt – {name}"
GAPS_CAPTION = (
    "Kompetencer, hvor I er mindst 1 point fra hinanden, største forskel først. "
    "Forskel = co-driverens blik minus din egen score. Et godt sted at starte jeres næste snak."
)
GAPS_NONE = "Du og {name} ser dig ens (mindre end 1 point fra hinanden) på alle kompetencer."
GAP_COL_COMPETENCY = "Kompetence"
GAP_COL_OWN = "Din score"
GAP_COL_OTHER = "Co-driverens blik"
GAP_COL_DIFFERENCE = "Forskel"
OUTSIDE_COMMENTS_TITLE = "Kommentarer fra {name}"
OUTSIDE_BYLINE = "{name} · {date} kl. {time}"
OUTSIDE_OVERALL = "Samlet kommentar"

# Courses (the leader's side)
PAGE_MY_COURSES = "Mine hold"
MY_COURSES_TITLE = "Mine hold"
MY_COURSES_INTRO = (
    "Er du på et lederuddannelseshold, kan du melde dig til holdet med den kode, du har fået af underviseren. "
    "At være på holdet deler ikke noget af dig selv: underviseren ser kun gruppens samlede billede, "
    "og kun når mindst {min} har svaret. Du bestemmer selv, om underviseren må se dine egne resultater."
)
JOIN_TITLE = "Meld dig til et hold"
JOIN_CODE = "Holdkode"
JOIN_CODE_HELP = "Fx 7KQ2-M9XD. Store eller små bogstaver, med eller uden bindestreg."
JOIN_SUBMIT = "Meld mig til"
JOIN_CONTEXT_PRESET = "Din runde i dag er valgt: {context}."
JOIN_LINK_GATE = "Log ind eller opret en konto – så kommer du med på holdet med det samme."
JOIN_OK = "Du er nu med på holdet »{course}«."
JOIN_REFUSED = {
    "unknown": "Der findes intet hold med den kode. Tjek, at du har skrevet den rigtigt.",
    "own": "Det er dit eget hold. Giv koden til deltagerne.",
}
MY_COURSES_EMPTY = "Du er ikke med på noget hold endnu."
MEMBERSHIP_CAPTION = "Underviser: {trainer} · {starts} – {ends}"
CONSENT_LABEL = "{trainer} må se mine egne resultater"
CONSENT_HELP = "Slået fra, ser underviseren kun gruppens samlede billede. Du kan ændre det når som helst."
CONSENT_ON = "{trainer} kan nu se dine egne resultater på »{course}«."
CONSENT_OFF = "{trainer} kan ikke længere se dine egne resultater på »{course}«."
COURSE_LEAVE = "Forlad holdet"
COURSE_LEFT = "Du har forladt »{course}«."

# Courses (the trainer's side)
PAGE_COURSES = "Hold"
COURSES_TITLE = "Hold"
COURSES_ONLY_TRAINERS = (
    "Denne side er for undervisere på lederuddannelsen. Spørg en administrator, hvis du skal have adgang."
)
COURSE_CREATE_TITLE = "Opret et hold"
COURSE_NAME = "Holdets navn"
COURSE_DESCRIPTION = "Beskrivelse (valgfri)"
COURSE_STARTS = "Start"
COURSE_ENDS = "Slut"
COURSE_CREATE = "Opret hold"
COURSE_CREATED = "Holdet »{course}« er oprettet. Giv deltagerne koden {code}."
COURSE_NAME_MISSING = "Giv holdet et navn."
COURSE_NAME_TOO_LONG = "Navnet må højst være {max} tegn."
COURSE_DESCRIPTION_TOO_LONG = "Beskrivelsen må højst være {max} tegn."
COURSE_DATES_INVALID = "Slutdatoen skal ligge efter startdatoen."
COURSES_EMPTY = "Du har ikke oprettet et hold endnu."
COURSE_PICK = "Hold"
COURSE_CODE = "Holdkode til deltagerne: {code}"
COURSE_JOIN_TITLE = "Sådan kommer deltagerne med"
COURSE_JOIN_INTRO = (
    "Vis QR-koden eller linket: deltagerne scanner med mobilen, logger ind eller opretter en konto "
    "og er så med på holdet og klar til at begynde."
)
COURSE_QR_ALT = "QR-kode til at komme med på holdet {course}"
COURSE_SESSION_CONTEXT = "Runde i dag"
COURSE_SESSION_CONTEXT_HELP = "Deltagere, der kommer med via linket, begynder med dette valgt."
COURSE_SESSION_NONE = "Ikke valgt"
PRESENT_OPEN = "Vis på storskærm"
PRESENT_OPEN_HELP = (
    "Åbner en side til projektoren: koden, QR-koden og gruppens billede, der vokser, "
    "efterhånden som deltagerne bliver færdige. Ingen navne."
)
PRESENT_JOIN = "Kom med: scan koden, eller gå til linket og skriv koden"
PRESENT_COUNT = "{done} af {members} er færdige"
PRESENT_ANY_ROUND = "Hver deltagers seneste runde"
PRESENT_WAITING = "Gruppens billede vises, når {missing} mere er færdige (mindst {min})."
PRESENT_PICTURE = "Gruppens billede – {people} deltagere"
PRESENT_BATCH = "Billedet opdateres først, når flere er færdige på én gang, så ingen kan se, hvem der lige blev færdig."
PRESENT_NO_COURSE = "Vælg et hold på siden Hold først."
COURSE_MIN_GROUP = "Mindste antal svar, før gruppens billede vises"
COURSE_MIN_GROUP_HELP = "Mindst 3, som udgangspunkt 5. Jo højere tal, jo bedre beskyttes den enkelte."
PARTICIPANTS_TITLE = "Deltagere ({count})"
PARTICIPANTS_EMPTY = "Ingen deltagere endnu. Giv dem holdkoden."
PARTICIPANT_COL_NAME = "Deltager"
PARTICIPANT_COL_CONSENT = "Deler egne resultater"
PARTICIPANT_COL_DONE = "Afsluttede runder"
STATUS_LABELS = {v.NOT_STARTED: "Ikke startet", v.IN_PROGRESS: "I gang", v.COMPLETED: "Afsluttet"}
YES, NO = "Ja", "Nej"
DASHBOARD_ROUND = "Hvilke runder vil du se?"
DASHBOARD_CHOICES = {v.LATEST: "Hver deltagers seneste", v.FIRST: "Hver deltagers første"}
DASHBOARD_RADAR_TITLE = "Gruppens billede"
DASHBOARD_RADAR_CAPTION = "Linjen er gruppens gennemsnit. {people} deltagere."
DASHBOARD_BAND_CAPTION = "Det skraverede bånd viser den midterste halvdel af vurderingerne: fra nedre til øvre kvartil."
DASHBOARD_NO_BAND = (
    "Båndet med den midterste halvdel af vurderingerne vises fra {band} deltagere; "
    "på færre kunne det afsløre enkeltes svar. Spredningen ses i fordelingen nedenfor."
)
PICTURE_EARLIER = (
    "Billedet er fra {when} og viser {people} deltagere. Det opdateres, når flere har afsluttet, "
    "så ingen kan regne ud, hvem der lige er kommet til."
)
MEAN_TRACE = "Gennemsnit"
BAND_LOW, BAND_HIGH = "Nedre kvartil", "Øvre kvartil"
HIDDEN_TOO_FEW = "Gruppens billede vises, når {missing} mere har afsluttet en runde (mindst {min} i alt)."
HIDDEN_DIFFERENCE = (
    "Skjult for at beskytte den enkelte: dette udvalg adskiller sig fra »{against}« med færre end {min} "
    "personer, så man ville kunne regne deres svar ud."
)
HIDDEN_EARLIER = (
    "Skjult for at beskytte den enkelte: sammen med et billede, du har set før, ville man kunne regne "
    "svarene ud for færre end {min} personer. Det vises, når flere har afsluttet."
)
HIDDEN_COMBINATION = (
    "Skjult for at beskytte den enkelte: sammen med det, du allerede kan se, ville man kunne regne "
    "svarene ud for færre end {min} personer."
)
HIDDEN_CONSENT = (
    "Skjult for at beskytte den enkelte: færre end {min} af deltagerne i udvalget deler ikke deres egne "
    "resultater, så gruppens tal minus dem, der deler, ville afsløre deres svar."
)
CHANGE_TITLE = "Udvikling fra første til seneste runde"
CHANGE_CAPTION = "Gennemsnit for de {people} deltagere, der har mindst to afsluttede runder."
CHANGE_FIRST, CHANGE_LATEST = "Første", "Seneste"
DISTRIBUTION_TITLE = "Fordeling af vurderinger pr. kompetence"
DISTRIBUTION_CAPTION = "Hvor mange gange hver vurdering fra 1 til 5 er givet (to spørgsmål pr. kompetence)."
INDIVIDUALS_TITLE = "Deltagere, der deler deres egne resultater"
INDIVIDUALS_EMPTY = "Ingen deltagere deler deres egne resultater med dig."
INDIVIDUALS_WITHHELD = (
    "{count} af dem, der deler deres egne resultater, vises ikke enkeltvis: runden indgik i et "
    "gruppebillede, du har set, sammen med så få andre, at de andres svar ellers kunne regnes ud."
)
EXPORT_CSV = "Hent som CSV"
EXPORT_XLSX = "Hent som Excel"
EXPORT_NOTHING = "Der er intet at hente endnu: gruppens tal må ikke vises, og ingen deler deres egne resultater."

# Export headers (Danish, for Excel)
EXPORT_SECTION = "Afsnit"
EXPORT_SECTION_GROUP = "Gruppen"
EXPORT_SECTION_PERSON = "Deltager"
EXPORT_PARTICIPANT = "Deltager"
EXPORT_COMPETENCY = "Kompetence"
EXPORT_PEOPLE = "Antal deltagere"
EXPORT_SCORE = "Score (gennemsnit)"
EXPORT_LOW = "Nedre kvartil (vurderinger)"
EXPORT_HIGH = "Øvre kvartil (vurderinger)"
EXPORT_RATING_COUNT = "Antal vurderinger {value}"
EXPORT_CHANGE_FIRST = "Første (gennemsnit)"
EXPORT_CHANGE_LATEST = "Seneste (gennemsnit)"
EXPORT_CHANGE = "Ændring"
EXPORT_SHEET_GROUP = "Gruppen"
EXPORT_SHEET_PEOPLE = "Enkeltpersoner"

# Administration
PAGE_ADMIN = "Administration"
ADMIN_TITLE = "Administration"
ADMIN_ONLY = "Denne side er kun for administratorer."
ADMIN_INTRO = "Giv eller fjern underviserrollen. Undervisere kan oprette hold og se holdets samlede billede."
ADMIN_TRAINER = "{name} er underviser"
ADMIN_TRAINER_ON = "{name} er nu underviser."
ADMIN_TRAINER_OFF = "{name} er ikke længere underviser."
ADMIN_RESET = "Nulstil adgangskode for {name}"
ADMIN_RESET_HELP = (
    "Den gamle adgangskode holder op med at virke, og personen logges ud alle steder. "
    "Du får en engangskode, som personen bruger til at vælge en ny adgangskode."
)
ADMIN_RESET_DONE = (
    "Adgangskoden for {name} er nulstillet. Giv personen denne engangskode: {code} "
    "– den virker én gang, i {hours} timer. Koden vises kun denne ene gang."
)
CHANGE_HIDDEN_TOO_FEW = "Udviklingen vises, når {missing} mere har afsluttet mindst to runder (mindst {min} i alt)."

# Development goals (end of a round) and their follow-up (start of the next)
GOALS_TITLE = "Dine udviklingsmål"
GOALS_INTRO = (
    "Vælg 1–3 kompetencer, du vil arbejde med frem til næste gang. Skriv for hver et konkret næste skridt: "
    "hvad vil du prøve inden næste netværksmøde? Næste gang spørger vi, hvordan det gik."
)
GOAL_SLOT = "Mål {n}"
GOAL_SLOT_OPTIONAL = "Mål {n} (valgfrit)"
GOAL_COMPETENCY = "Kompetence, du vil udvikle (mål {n})"
GOAL_NONE = "Intet mål valgt"
GOAL_STEP = "Dit næste skridt (mål {n}): det vil jeg prøve inden næste netværksmøde"
GOAL_DUPLICATE = "»{name}« er allerede et af dine mål. Vælg en anden kompetence."
GOAL_STEP_TOO_LONG = (
    "Dit næste skridt er for langt ({length} tegn, højst {max}). Det er gemt som kladde her, men tæller først, "
    "når det er kortet ned."
)
GOALS_TOO_FEW = "Vælg mindst ét udviklingsmål, før du afslutter."
GOALS_WITHOUT_STEP = "Skriv et næste skridt til dit mål om »{name}«."
FOLLOWUP_TITLE = "Sådan gik det med dine mål fra sidst"
FOLLOWUP_INTRO = "Sidst satte du dig disse mål ({date}). Fortæl kort, hvordan det gik, før du går i gang."
FOLLOWUP_STEP = "Dit næste skridt var: {step}"
FOLLOWUP_OUTCOME = "Hvordan gik det med »{name}«?"
FOLLOWUP_TEXT = "Hvad skete der? (kort)"
FOLLOWUP_MISSING = "Du har ikke fortalt, hvordan det gik med {count} af dine mål fra sidst."
FOLLOWUP_GO_TO = "Gå til dine mål fra sidst"
OUTCOME_LABELS = {v.OUTCOME_ACHIEVED: "Lykkedes", v.OUTCOME_PARTLY: "Delvist", v.OUTCOME_NOT_YET: "Ikke endnu"}

# My data: export, import, delete
PAGE_MY_DATA = "Mine data"
MY_DATA_TITLE = "Mine data"
MY_DATA_INTRO = (
    "Dine runder og refleksioner er dine. Her kan du hente alt, hvad du har skrevet, tage det med til "
    "Netværksspejlet et andet sted (fx i en anden kommune), slette en runde eller hele din konto."
)
EXPORT_TITLE = "Hent dine data"
EXPORT_INTRO = (
    "CSV og Excel indeholder dine runder med vurderinger, refleksioner og mål – til dit eget overblik i et "
    "regneark. Flyttefilen indeholder alt, hvad du ejer: runder, svar, mål, delinger, hold og kommentarer "
    "fra co-drivere. Den kan lægges ind i Netværksspejlet et andet sted, så du har din historik med."
)
EXPORT_JSON = "Hent flyttefil med alt"
IMPORT_TITLE = "Tag dine data med fra et andet Netværksspejl"
IMPORT_INTRO = (
    "Vælg den flyttefil, som du har hentet under »Mine data« i Netværksspejlet et andet sted. Dine runder, "
    "mål og co-driveres kommentarer kommer med. Delinger og hold kommer ikke med: de hører til personer "
    "dér. Du kan kun lægge data ind på en konto, der ikke har runder endnu."
)
IMPORT_FILE = "Flyttefil fra Netværksspejlet (højst {max} MB)"
IMPORT_SUBMIT = "Læg data ind"
IMPORT_NO_FILE = "Vælg først en fil."
IMPORT_DONE = "Dine data er lagt ind: {rounds}, {goals} og {feedback} fra co-drivere."
IMPORT_DONE_AGREEMENTS = "Med kom også {agreements}."
IMPORT_NOT_EMPTY = (
    "Der er allerede runder, et netværk eller samtaler på denne konto, så intet er lagt ind. "
    "Opret en ny konto til dine gamle data."
)
IMPORT_TOO_BIG = "Filen er for stor. Den må højst fylde {max} MB. Intet er lagt ind."
IMPORT_NOT_JSON = (
    "Filen er ikke en flyttefil. Vælg den fil, du hentede med »Hent flyttefil med alt«. Intet er lagt ind."
)
IMPORT_NOT_OURS = "Filen er ikke en eksport fra Netværksspejlet. Intet er lagt ind."
IMPORT_TOO_MANY_ROUNDS = (
    "Filen har {count} runder. Der kan højst lægges {max} runder ind – det er syv hele netværksforløb, "
    "hvert med en runde før netværket og efter hvert møde. Intet er lagt ind."
)
IMPORT_WRONG_VERSION = (
    "Filen er fra en version af Netværksspejlet, som dette sted ikke kan læse (format {found}, her læses {expected}). "
    "Intet er lagt ind."
)
IMPORT_INVALID = "Filen kan ikke læses: feltet {field} er forkert ({problem}). Intet er lagt ind."
IMPORT_IN_ROUND = "runde {ref}"
IMPORT_DUPLICATE_REF = "To runder i filen har samme nummer (ref). Intet er lagt ind."
IMPORT_TWO_OPEN = "Filen har mere end én runde i gang. Intet er lagt ind."
IMPORT_UNKNOWN_CONTEXT = "I {where} er »{context}« ikke et sted i netværksforløbet, som vi kender. Intet er lagt ind."
IMPORT_COMPLETED_AT = "I {where} passer status og afslutningstidspunkt ikke sammen. Intet er lagt ind."
IMPORT_COMPLETED_BEFORE_START = "I {where} er afslutningen før starten. Intet er lagt ind."
IMPORT_UNKNOWN_QUESTION = "I {where} er der svar på spørgsmålet »{id}«, som ikke findes her. Intet er lagt ind."
IMPORT_DUPLICATE_ANSWER = "I {where} er der to svar på samme spørgsmål. Intet er lagt ind."
IMPORT_UNKNOWN_COMPETENCY = "I {where} nævnes kompetencen »{id}«, som ikke findes her. Intet er lagt ind."
IMPORT_DUPLICATE_GOAL = "I {where} er der to mål på samme plads eller om samme kompetence. Intet er lagt ind."
IMPORT_BAD_FOLLOWUP = "I {where} peger en opfølgning på runde {ref}, som ikke passer. Intet er lagt ind."
IMPORT_UNKNOWN_TOOL_QUESTION = "Filen har svar på redskabsspørgsmålet »{id}«, som ikke findes her. Intet er lagt ind."
IMPORT_DUPLICATE_TOOL_ANSWER = "Filen har to svar på samme spørgsmål i et redskab. Intet er lagt ind."
IMPORT_DUPLICATE_AGREEMENT = "Filen har to samarbejdsaftaler af samme slags. Intet er lagt ind."
IMPORT_BAD_AGREEMENT = "I samarbejdsaftalen »{kind}« passer feltet »{field}« ikke. Intet er lagt ind."
IMPORT_DUPLICATE_FEEDBACK = "I {where} har en co-driver to vurderinger af samme kompetence. Intet er lagt ind."
IMPORT_FEEDBACK_ON_OPEN = (
    "I {where} er der co-driver-kommentarer på en runde, der ikke er afsluttet. Intet er lagt ind."
)
IMPORT_PROBLEMS = {
    "missing": "feltet mangler",
    "extra_forbidden": "feltet kendes ikke",
    "less_than_equal": "tallet er for stort",
    "greater_than_equal": "tallet er for lille",
    "string_too_long": "teksten er for lang",
    "string_too_short": "teksten er tom",
    "string_pattern_mismatch": "ugyldigt id",
    "string_type": "skal være en tekst",
    "int_type": "skal være et helt tal",
    "bool_type": "skal være sand eller falsk",
    "list_type": "skal være en liste",
    "too_long": "listen er for lang",
    "literal_error": "ukendt værdi",
    "datetime_from_date_parsing": "ikke et gyldigt tidspunkt",
    "datetime_parsing": "ikke et gyldigt tidspunkt",
    "datetime_type": "ikke et gyldigt tidspunkt",
    "timezone_aware": "tidspunktet mangler tidszone",
}
IMPORT_PROBLEM_OTHER = "ugyldig værdi"

# The personal report (PDF)
REPORT_TITLE = "Mit spejl som netværksleder"
REPORT_KIND = "Personlig rapport"
REPORT_NAME = "Navn"
REPORT_DATE = "Dato"
REPORT_CONTEXT = "Hvor i forløbet"
REPORT_NOTE = "Note"
REPORT_THIS_ROUND = "Denne runde"
REPORT_PREVIOUS_ROUND = "Forrige runde ({date})"
REPORT_RADAR_CAPTION = (
    "Score pr. kompetence (gennemsnit af dine to vurderinger, 1–5). Linjerne adskilles også af streg og "
    "markør. Tallene står i tabellen på næste side."
)
REPORT_COL_COMPETENCY = "Kompetence"
REPORT_GOALS_INTRO = "Det vil du arbejde med frem til næste netværksmøde."
REPORT_NO_GOALS = "Der blev ikke sat udviklingsmål i denne runde."
REPORT_GOAL_STEP = "Næste skridt: {step}"
REPORT_GOAL_OUTCOME = "Sådan gik det: {outcome}"
REPORT_NO_OUTCOME = "ikke besvaret"
REPORT_RATING = "Din vurdering: {rating}"
REPORT_NO_RATING = "ingen"
REPORT_CD_COMMENT = "Kommentar fra {name}"
REPORT_CD_OVERALL = "Samlet kommentar fra {name}"
REPORT_FOOTER = "Netværksspejlet · udskrevet {date} · Fortroligt: dine egne refleksioner"
REPORT_PAGE = "Side {page} af {pages}"
EXPORT_ROUND = "Runde nr."
EXPORT_ROUND_COLUMN = "Runde {n}"
EXPORT_STATUS = "Status"
EXPORT_STATUS_LABELS = {v.ROUND_OPEN: "I gang", v.ROUND_COMPLETED: "Afsluttet"}
EXPORT_STARTED = "Startet"
EXPORT_COMPLETED = "Afsluttet"
EXPORT_CONTEXT = "Hvor i forløbet"
EXPORT_QUESTION = "Spørgsmål"
EXPORT_RATING = "Vurdering"
EXPORT_TEXT = "Din refleksion"
EXPORT_GOAL_STEP = "Næste skridt"
EXPORT_GOAL_OUTCOME = "Sådan gik det"
EXPORT_GOAL_FOLLOWUP = "Hvad skete der"
EXPORT_SHEET_ANSWERS = "Svar"
EXPORT_SHEET_SCORES = "Scorer"
EXPORT_SHEET_GOALS = "Mål"
RESULTS_NO_GOALS = "Du har ikke sat udviklingsmål endnu. Det gør du, når du afslutter en runde."
RESULTS_GOALS_ALL = "Alle dine mål ({goals}) og hvordan de gik"
RESULTS_GOALS_CAPTION = "Nyeste først. Ved hvert mål står kompetencens score i dine runder, ældste først."
RESULTS_GOAL_SET = "Fra runden {round} · score over tid: {trend}"
RESULTS_GOAL_NOT_FOLLOWED = "Du fortæller, hvordan det gik, når du starter din næste runde."
RESULTS_GOAL_NOT_TOLD = "Du fortalte ikke, hvordan det gik."
REPORT_SECTION_CAPTION = (
    "En rapport over én runde til samtalen med din co-driver, din personaleleder eller din referenceleder: "
    "radar, tal, mål og dine refleksioner."
)
REPORT_PICK_ROUND = "Hvilken runde skal rapporten handle om?"
REPORT_DOWNLOAD = "Hent rapporten som PDF"
REPORT_FILE_NAME = "netvaerksspejlet-rapport-{date}.pdf"
EXPORT_FILE_NAME = "netvaerksspejlet-mine-data-{date}.{extension}"
MY_ROUNDS_TITLE = "Dine runder"
MY_ROUNDS_EMPTY = "Du har ingen runder endnu."
MY_ROUND_LABEL = "{date} · {context} · {status}"
ROUND_DELETE = "Slet"
ROUND_DELETE_ASK = (
    "Vil du slette runden »{round}«? Dine svar, dine mål og din co-drivers kommentarer til den "
    "slettes for altid, og den forsvinder også for din co-driver og fra holdets tal."
)
ROUND_DELETE_YES = "Ja, slet runden"
ROUND_DELETE_NO = "Nej, behold den"
ROUND_DELETED = "Runden »{round}« er slettet."
ROUND_GONE = "Runden findes ikke længere."
ACCOUNT_DELETE_TITLE = "Slet din konto"
ACCOUNT_DELETE_INTRO = (
    "Sletter du din konto, slettes alt: dine runder, svar og refleksioner, dine mål, "
    "dine delinger med co-drivere (begge "
    "veje), de kommentarer, du har fået og givet, dine holdmedlemskaber og de hold, du selv har oprettet, "
    "dit netværk, dine forberedelser og samarbejdsaftaler og de aftaler, du er inviteret til at læse. "
    "Det kan ikke fortrydes. Hent dine data først, hvis du vil gemme dem."
)
ACCOUNT_DELETE_CONFIRM = "Skriv dit brugernavn ({username}) for at bekræfte"
ACCOUNT_DELETE = "Slet min konto for altid"
ACCOUNT_DELETE_MISMATCH = "Det skrevne brugernavn passer ikke. Intet er slettet."
ACCOUNT_DELETED = "Din konto og alle dine data er slettet."


# The talks: reflection tools and collaboration agreements (page "Samtaler")
PAGE_TALKS = "Samtaler og aftaler"
PAGE_AGREEMENTS = "Aftaler"  # the menu's word for someone who is here only to read an agreement
READER_OWN_REFLECTION = "Vil du selv reflektere over dit lederskab i et netværk? Start din første runde"
TALKS_TITLE = "Samtaler og samarbejdsaftaler"
TALKS_INTRO = (
    "Dit mandat som netværksleder bliver til i tre samtaler: med din personaleleder, din referenceleder "
    "og din co-driver. Forbered hver samtale med et redskab, skriv aftalen ud fra dine svar, og inviter "
    "den anden til at læse den, kommentere og markere den som aftalt."
)
TALK_NAMES = {
    v.PERSONALELEDER: "Din personaleleder",
    v.REFERENCELEDER: "Din referenceleder",
    v.CO_DRIVER: "Din co-driver",
}
TALK_PERSON = {v.PERSONALELEDER: "personaleleder", v.REFERENCELEDER: "referenceleder", v.CO_DRIVER: "co-driver"}
TOOL_OPEN = "Forbered samtalen"
TOOL_PROGRESS = "Forberedt: {done} af {total} spørgsmål besvaret."
TOOL_NOT_STARTED = "Ikke forberedt endnu."
AGREEMENT_OPEN_NEW = "Skriv aftalen"
AGREEMENT_OPEN = "Se og ret aftalen"
AGREEMENT_NONE = "Ingen aftale endnu."
AGREEMENT_DRAFT = "Aftalen er et udkast, sidst rettet {date}."
AGREEMENT_AGREED = "Aftalt {date} med {name}."
AGREEMENT_DELETED_PERSON = "en person, der har slettet sin konto"
AGREEMENT_CHANGED = "Aftalt {date} med {name}, men ændret siden."
TALKS_BACK = "Tilbage til samtalerne"
TOOL_ROLE = "Læs om rollen"
TOOL_TO_AGREEMENT = "Skriv aftalen ud fra dine svar"
TOOL_SAVED = "Dine svar gemmes, mens du skriver."
AGREEMENT_FROM_TOOL = "Dine svar i redskabet"
AGREEMENT_FROM_TOOL_EMPTY = "Du har ikke skrevet noget her i redskabet endnu."
AGREEMENT_HOURS = "{phase} (timer om ugen)"
AGREEMENT_CHOICE_NONE = "Vælg"
AGREEMENT_CHANGES_TITLE = "Ændret siden aftalen blev indgået {date}"
AGREEMENT_CHANGE_THEN = "Da I aftalte: {text}"
AGREEMENT_CHANGE_NOW = "Nu: {text}"
AGREEMENT_EMPTY_VALUE = "(intet)"
AGREEMENT_COMMENTS = "Kommentarer"
AGREEMENT_COMMENT_BY = "{name}, {time}:"
AGREEMENT_NO_COMMENTS = "Ingen kommentarer endnu."
AGREEMENT_NO_OTHER_COMMENTS = "Ingen andre har kommenteret endnu. Din egen kommentar står nedenfor."
AGREEMENT_INVITE_TITLE = "Inviter din {person}"
AGREEMENT_INVITE_INTRO = (
    "Med en kode kan din {person} læse netop denne aftale, kommentere den og markere den som aftalt. "
    "Vedkommende ser ikke dine runder, dine mål eller dine andre aftaler."
)
AGREEMENT_INVITE = "Lav en kode til din {person}"
AGREEMENT_CODE_INTRO = (
    "Giv koden til din {person}. Den virker én gang, til og med {date}. Vedkommende opretter sig i "
    "Netværksspejlet og skriver koden under »Samtaler og aftaler«."
)
AGREEMENT_LINK_INTRO = "Eller send din {person} dette link. Det åbner aftalen efter login eller oprettelse:"
AGREEMENT_LINK_GATE = (
    "Du er inviteret til at læse en samarbejdsaftale. Log ind, eller opret en konto, så åbner den med det samme."
)
AGREEMENT_PENDING = "Kode lavet {created}, virker til og med {expires}."
AGREEMENT_WITHDRAW = "Træk tilbage"
AGREEMENT_WITHDRAWN = "Koden er trukket tilbage."
AGREEMENT_READERS = "Kan læse aftalen"
AGREEMENT_READER_REMOVE = "Fjern adgang"
AGREEMENT_READER_REMOVED = "{name} kan ikke længere læse aftalen."
AGREEMENT_PDF = "Hent aftalen som PDF"
AGREEMENT_GONE = "Aftalen findes ikke længere."
AGREEMENT_VALUE_INVALID = "Værdien kan ikke gemmes. Tjek feltet, og prøv igen."
AGREEMENT_SAVED = "Gemt kl. {time}."
INVITED_TITLE = "Aftaler, du er inviteret til"
INVITED_INTRO = "Har en netværksleder givet dig en kode til en samarbejdsaftale, så skriv den her."
INVITED_CODE = "Kode til en samarbejdsaftale"
INVITED_SUBMIT = "Åbn aftalen"
INVITED_OK = "Du kan nu læse {leader}s aftale med sin {person}."
INVITED_PICK = "Vælg aftale"
INVITED_ITEM = "{leader}: {title}"
INVITED_AGREEMENT_TITLE = "{leader}s samarbejdsaftale med sin {person}"
INVITED_ROLE = "Sådan beskriver håndbogen din rolle som {person}"
INVITED_FROM = "Skrevet af {leader}, sidst rettet {date}."
INVITED_COMMENT = "Din kommentar til {leader}"
INVITED_ACCEPT = "Markér som aftalt"
INVITED_ACCEPTED = "Du har markeret aftalen som aftalt {date}."
INVITED_CHANGED_SINCE = "Aftalen er ændret, siden du læste den. Læs den igen, før du markerer den som aftalt."
INVITED_GONE = "Du kan ikke længere læse denne aftale."
INVITED_REFUSED = {
    **REDEEM_REFUSED,
    "own": "Det er din egen kode. Giv den til den, du skal indgå aftalen med.",
}
REDEEM_AGREEMENT_OK = (
    "Koden hører til en samarbejdsaftale. Du kan nu læse {leader}s aftale under »Samtaler og aftaler«."
)

AGREEMENT_PDF_KIND = "Samarbejdsaftale"
AGREEMENT_PDF_TITLE = "Samarbejdsaftale mellem netværksleder og {person}"
AGREEMENT_PDF_FOOTER = "Netværksspejlet · samarbejdsaftale udskrevet {date} · fortrolig"
AGREEMENT_PDF_LEADER = "Netværksleder: {name}"
AGREEMENT_PDF_NETWORK = "Netværk: {name}"
AGREEMENT_PDF_DRAFT = "Udkast: endnu ikke markeret som aftalt."
AGREEMENT_PDF_AGREED = "Aftalt {date} med {name}."
AGREEMENT_PDF_SIGN_LEADER = "Dato og underskrift, netværksleder"
AGREEMENT_PDF_SIGN_OTHER = "Dato og underskrift"
TOOLS_BROKEN = "Redskaberne til samtalerne kan ikke indlæses. Bed en administrator se på det. ({detail})"

# The leader's own overview (page "Overblik")
PAGE_OVERVIEW = "Mit overblik"  # not "Overblik": the last step of a round is called that
MY_OVERVIEW_TITLE = "Dit overblik"
MY_OVERVIEW_INTRO = "Her kan du se, hvor du står: dit netværk, dine samtaler og aftaler, dine runder og dine mål."
NETWORK_TITLE = "Dit netværk"
NETWORK_NONE = "Skriv dit netværks navn, tema og mødedatoer, så kan du se forløbet her."
NETWORK_NAME = "Netværkets navn"
NETWORK_THEME = "Tema"
NETWORK_MEETING = "Møde {number}"
NETWORK_SAVE = "Gem netværket"
NETWORK_EDIT = "Ret netværket"
NETWORK_SAVED = "Netværket er gemt."
NETWORK_NAME_MISSING = "Skriv netværkets navn."
NETWORK_INVALID = "Netværket kan ikke gemmes. Tjek navn, tema og datoer."
NETWORK_MEETINGS_HELP = (
    "Et netværk mødes typisk 4–6 gange over cirka et halvt år. Lad et felt stå tomt, hvis datoen ikke er sat."
)
NETWORK_TEST_PHASE = "Testfasen ventes at begynde omkring {date}, cirka et halvt år efter første møde."
NETWORK_MEETING_ROUND = "Møde {number}: {date}"
NETWORK_ROUND_AFTER = "runde »{context}« gennemført {date}"
NETWORK_NO_ROUND = "ingen runde endnu"
OVERVIEW_TALKS = "Samtaler og aftaler"
OVERVIEW_ROUNDS = "Dine runder"
OVERVIEW_NO_ROUNDS = "Du har ikke gennemført en runde endnu."
OVERVIEW_ROUND_ITEM = "{context}: {date}"
OVERVIEW_OPEN_ROUND = "Du har en runde i gang: {context}."
OVERVIEW_GOALS = "Dine mål fra seneste runde"
OVERVIEW_NO_GOALS = "Ingen mål endnu."
OVERVIEW_GOAL_ITEM = "{competency}: {step}"
