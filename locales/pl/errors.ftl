# What a page says beside a field that needs changing, and the error pages.

error-required = To pole jest wymagane.
error-too-long = Za długie: maksymalna liczba znaków to { $max }.
error-too-many = Za dużo: maksymalnie { $max }.
error-control-characters = Tekst zawiera znaki, których nie można użyć (znaki sterujące).
error-consent-level = Wybierz jeden z trzech poziomów.
error-consent-spoc-absent = Osobę kontaktową w policji wybiera się tylko przy opcji Anonimowe lub Pełne.
error-consent-spoc = Wybierz osobę kontaktową w policji z listy.
error-consent-spoc-required = Wybierz, która osoba kontaktowa w policji może otrzymać zgłoszenie.
error-statement-version = Oświadczenie o zgodzie się zmieniło. Przeczytaj je ponownie i wybierz jeszcze raz.
error-email = Wpisz adres e-mail, na przykład imie@example.org.
error-phone = Wpisz numer telefonu.
error-category = Wybierz rodzaj zdarzenia.
error-region = Wybierz obszar policji.
error-language = Wybierz język z listy.
error-contact-for-full = Przy opcji Pełne policja dostaje sposób kontaktu z Tobą: podaj poniżej co najmniej jeden sposób kontaktu albo wybierz Anonimowe.
error-full-needs-contact = To zgłoszenie nie ma danych kontaktowych, więc nie można wybrać opcji Pełne: wybierz Anonimowe.
error-date = Wpisz datę w formacie RRRR-MM-DD, na przykład 2026-11-18.
error-date-future = Data nie może być w przyszłości.
error-date-past = Data musi być późniejsza niż 1970 rok.
error-check-one = Wypełnij dokładnie jedno pole.
error-regions = Wybierz co najmniej jeden obszar policji.
error-categories = Wybierz rodzaje zdarzeń z listy albo nie zaznaczaj niczego, by otrzymywać wszystkie rodzaje.
error-share-children-later = Tę opcję można wybrać tylko przy składaniu zgłoszenia.
error-firewall-field = Lookout nie przyjmuje informacji o imigracji, narodowości ani dokumentach tożsamości.

error-rate-limited-title = Za dużo prób
error-rate-limited = Z tego miejsca przyszło zbyt wiele prób w krótkim czasie. Poczekaj minutę i spróbuj ponownie. Nic nie zostało zapisane.
error-unavailable-title = Lookout jest teraz zajęty
error-unavailable = Lookout nie może tego teraz zrobić. Spróbuj ponownie za kilka minut.
error-not-found-title = Nie znaleziono strony
error-not-found = Tutaj nie ma żadnej strony. Skorzystaj z linków powyżej.
error-bad-request-title = Coś było nie tak z formularzem
error-bad-request = Nie udało się odczytać formularza. Wróć i spróbuj ponownie.
error-internal-title = Coś poszło nie tak
error-internal = Coś poszło nie tak po naszej stronie. Spróbuj ponownie później.

## Kinds of content the firewall removes, shown in the preview
removed-immigration-reference = wzmianki o imigracji
removed-identity-document-number = numery dokumentów tożsamości
removed-nationality-or-country-of-origin = narodowość lub kraj pochodzenia
removed-home-workplace-or-premises = domy, miejsca pracy lub lokale
removed-street-address = adresy (ulica i numer)
removed-other-people-co-workers-family-helpers = inne osoby (współpracownicy, rodzina, osoby pomagające)
removed-children = dzieci
removed-reporter-name = Twoje imię
removed-reporter-email-address = Twój adres e-mail
removed-reporter-phone-number = Twój numer telefonu
removed-email-address = adresy e-mail
removed-phone-number = numery telefonów
removed-full-postcode = pełne kody pocztowe
removed-exact-time = dokładne godziny
removed-names-or-initials-of-other-people = imiona, nazwiska lub inicjały innych osób
removed-removed-by-the-caseworker = fragmenty usunięte przez osobę prowadzącą sprawę
