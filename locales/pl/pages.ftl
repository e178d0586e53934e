# Lookout's pages, in Polish, translated from the English source (locales/en/pages.ftl).
# Placeables ({ $name }) must keep their names in every language.

## Every page
site-name = Lookout
skip-to-content = Przejdź do głównej treści
nav-label = Menu główne
nav-languages = Język
nav-home = O Lookout
nav-report = Zgłoś zdarzenie
nav-follow-up = Wróć do zgłoszenia
nav-check = Sprawdź klienta
nav-subscribe = Otrzymuj ostrzeżenia o zagrożeniach
footer-privacy = Lookout nie zapisuje Twojego adresu ani informacji o Twoim urządzeniu czy przeglądarce, nie używa plików cookie i nie uruchamia skryptów. To, co piszesz, jest szyfrowane.
choose = Wybierz…
form-has-errors = Niektóre odpowiedzi trzeba poprawić

## About (/)
home-title = Zgłaszaj bezpiecznie. Ostrzegaj innych. Ty decydujesz, co zobaczy policja.
home-intro = Lookout to program Ugly Mugs: osoby pracujące seksualnie i organizacje pomocowe, którym ufają, anonimowo zgłaszają przemoc i inne przestępstwa. Zgłoszenia stają się ostrzeżeniami o zagrożeniach dla innych osób pracujących seksualnie, a Ty możesz sprawdzić, czy pojawia się w nich numer klienta.
home-who-title = Kto prowadzi Lookout
home-who = Lookout prowadzą organizacje pomocowe wspierające osoby pracujące seksualnie, a nie policja ani rząd. Kod programu jest otwarty (open source), więc każdy może sprawdzić, co robi.
home-protect-title = Jak chronimy Twoje zgłoszenie
home-protect-anonymous = Nie potrzebujesz konta ani imienia. Zamiast tego dostajesz kod potwierdzenia: to jedyny sposób, by wrócić do swojego zgłoszenia.
home-protect-encrypted = To, co piszesz, jest szyfrowane od razu, gdy do nas dotrze. Twoje dane kontaktowe, jeśli je podasz, są szyfrowane osobno.
home-protect-firewall = Zapora imigracyjna wbudowana w kod: wszystko, co dotyczy imigracji, narodowości, wiz lub dokumentów tożsamości, jest usuwane ze wszystkiego, co opuszcza Lookout, i nic nigdy nie jest wysyłane do służb imigracyjnych, Home Office (brytyjskiego Ministerstwa Spraw Wewnętrznych) ani Border Force (brytyjskiej Straży Granicznej).
home-protect-receipt = Z kodem potwierdzenia możesz czytać odpowiedzi, zmienić decyzję w sprawie policji albo wycofać zgłoszenie, co niszczy jego klucz, więc nikt nie będzie mógł go już przeczytać.
home-protect-no-tracking = Lookout nie zapisuje adresu IP ani informacji o urządzeniu czy przeglądarce i nie używa plików cookie. Strony działają przy wyłączonym JavaScript, także w Tor Browser.
home-police-title = Co policja może, a czego nie może otrzymać
home-police-can = Tylko jeśli tak zdecydujesz: imiennie wskazana osoba kontaktowa w policji (SPOC), którą wybierzesz, otrzyma Twoje zgłoszenie po usunięciu wszystkiego, co mogłoby zidentyfikować Ciebie, inne osoby lub miejsca, oraz – tylko jeśli to również wybierzesz – sposób kontaktu z Tobą.
home-police-cannot = Policja nigdy nie otrzymuje Twojego zgłoszenia bez Twojej zgody, z wyjątkiem jednego przypadku opisanego poniżej w zasadach dotyczących wyjątku; nigdy nie ma dostępu do Lookout i nigdy nie otrzymuje niczego na temat imigracji ani narodowości. Nic nie trafia do innych części policji ani do nikogo innego.
consent-title = Oświadczenie o zgodzie
consent-read-statement = Przeczytaj oświadczenie o zgodzie
consent-statement-intro = Lookout nigdy nie przekazuje Twojego zgłoszenia policji, chyba że tak zdecydujesz, z wyjątkiem jednego przypadku opisanego w opublikowanych zasadach dotyczących wyjątku, i w żadnych okolicznościach nie przekazuje go służbom imigracyjnym, Home Office (brytyjskiemu Ministerstwu Spraw Wewnętrznych) ani Border Force (brytyjskiej Straży Granicznej). Wybierasz jeden z trzech poziomów i w każdej chwili możesz zmienić lub wycofać swój wybór za pomocą kodu potwierdzenia.
consent-statement-none = Nic (domyślnie): nic z Twojego zgłoszenia nie jest wysyłane policji. Osoby prowadzące sprawy mogą jednak wykorzystać je, po usunięciu wszystkiego, co mogłoby Cię zidentyfikować, by ostrzec inne osoby pracujące seksualnie.
consent-statement-anonymous = Anonimowe: imiennie wskazana osoba kontaktowa w policji (SPOC), którą wybierzesz, otrzymuje Twoje zgłoszenie bez Twoich danych kontaktowych, bez informacji o imigracji czy narodowości i bez innych szczegółów, które mogłyby Cię zidentyfikować. Nie dostaje żadnego sposobu, by się z Tobą skontaktować.
consent-statement-full = Pełne: imiennie wskazana osoba SPOC, którą wybierzesz, otrzymuje to samo zgłoszenie oraz wybrany przez Ciebie sposób kontaktu: bezpośrednio z Tobą albo przez organizację pomocową, która przekazała Twoje zgłoszenie. Jeśli ta osoba SPOC zostanie zastąpiona przez kogoś innego, nic nie zostanie wysłane, dopóki ponownie nie wyrazisz zgody dla nowej osoby.
consent-statement-limits = Ograniczenia: gdy coś zostanie już wysłane do osoby SPOC, Lookout nie może tego cofnąć; to, co policja z tym zrobi, podlega wtedy jej zasadom, a nie naszym. Zanim wyrazisz zgodę, możesz zobaczyć dokładnie, co zostałoby wysłane. Lookout przechowuje Twoje zgłoszenie w postaci zaszyfrowanej i nie zapisuje adresu ani informacji o urządzeniu czy przeglądarce; wycofanie zgłoszenia niszczy jego klucz, więc nikt, również my, nie może go już przeczytać.
home-limits-title = Granice poufności
home-limits = Lookout chroni to, co przechowuje, ale nie może chronić tego, co już je opuściło: ostrzeżenia przeczytanego przez inne osoby pracujące seksualnie albo zgłoszenia, które za Twoją zgodą wysłano policji. Sąd mógłby nakazać organizacjom prowadzącym Lookout wydanie tego, co przechowują; te dane są zaszyfrowane, a wycofanego zgłoszenia nie może przeczytać nikt. Jeśli teraz grozi Ci niebezpieczeństwo, zadzwoń pod numer 999.
home-more-title = Również tutaj
home-more-follow-up = Wróć do zgłoszenia za pomocą kodu potwierdzenia
home-more-subscribe = Otrzymuj ostrzeżenia o zagrożeniach e-mailem

## Report form (/report)
report-title = Zgłoś zdarzenie
report-intro = Opowiedz nam, co się stało. Potrzebne są tylko rodzaj zdarzenia, region i opis tego, co się stało; wszystko inne zależy od Ciebie. Zanim cokolwiek zostanie wysłane, zobaczysz dokładnie, co opuściłoby Lookout.
report-safety = Nie wpisuj w opisie swojego imienia ani danych kontaktowych: poniżej jest na nie osobne, nieobowiązkowe miejsce.
report-what-legend = Co się stało
report-category = Rodzaj zdarzenia
report-region = Obszar policji, na którym to się stało
report-area = Miejsce (nieobowiązkowo)
report-area-hint = Wystarczy miasto lub dzielnica. Nie podawaj adresu (ulicy i numeru).
report-date = Data (nieobowiązkowo)
report-date-hint = W formacie RRRR-MM-DD, na przykład 2026-11-18.
report-description = Co się stało
report-description-hint = Własnymi słowami. Maksymalnie 20 000 znaków.
report-perpetrator-legend = O osobie, która to zrobiła (nieobowiązkowo)
report-perpetrator-hint = Te informacje pomagają innym osobom pracującym seksualnie go rozpoznać. Po opublikowaniu ostrzeżenia inne osoby pracujące seksualnie mogą sprawdzać numery telefonów, adresy e-mail, pojazdy i nazwy w internecie.
report-perpetrator-description = Opis
report-phone-numbers = Numer telefonu
report-emails = Adres e-mail
report-vehicles = Numer rejestracyjny pojazdu
report-handles = Nazwa lub profil w internecie
report-more-boxes = Zachowaj wpisany tekst i dodaj więcej pól
report-alert-legend = Ostrzeżenie o zagrożeniu
report-alert-yes = Tak, osoby prowadzące sprawy mogą zrobić z tego zgłoszenia ostrzeżenie dla innych osób pracujących seksualnie (bez niczego, co mnie identyfikuje)
report-alert-no = Nie, nie wykorzystujcie go do ostrzeżenia
report-contact-legend = Jak możemy się z Tobą skontaktować (nieobowiązkowo)
report-contact-hint = Widzą to tylko osoby prowadzące sprawy. Policja zobaczy to tylko wtedy, gdy poniżej wybierzesz „Pełne”.
report-contact-name = Imię lub pseudonim, którego używasz w pracy
report-contact-email = Adres e-mail
report-contact-phone = Numer telefonu
report-contact-notes = Kiedy i jak się z Tobą kontaktować
report-consent-legend = Udostępnianie policji
report-consent-level = Co może otrzymać policja?
consent-level-none = Nic (domyślnie)
consent-level-anonymous = Anonimowe: zgłoszenie bez niczego, co mnie identyfikuje
consent-level-full = Pełne: zgłoszenie i sposób kontaktu ze mną
report-consent-spoc = Która imiennie wskazana osoba kontaktowa w policji (SPOC)?
report-consent-spoc-hint = Potrzebne tylko przy opcji Anonimowe lub Pełne. Wybierz osobę kontaktową dla obszaru, w którym to się stało.
report-consent-no-spocs = Obecnie nie jest zarejestrowana żadna osoba kontaktowa w policji, więc można wybrać tylko „Nic”.
report-share-children = Policja może zobaczyć wzmianki o moich dzieciach (nigdy nie pojawiają się one w ostrzeżeniach)
report-language = Język, w którym piszesz
report-preview-button = Zobacz, co zostałoby wysłane

## Preview
preview-title = Sprawdź przed wysłaniem
preview-intro = Dokładnie to opuściłoby Lookout, jeśli wyślesz to zgłoszenie. Nic nie zostało jeszcze wysłane ani zapisane.
preview-police-title = Co otrzymałaby policja
preview-police-to = Wysłane tylko do: { $spoc }
preview-police-none = Nic: zgodnie z Twoim wyborem to zgłoszenie nie zostanie udostępnione policji.
preview-alert-title = Ostrzeżenie, od którego zaczęłyby osoby prowadzące sprawy
preview-alert-explain = Osoba prowadząca sprawę może opublikować ostrzeżenie na podstawie tej wersji roboczej. Ostrzeżenie nigdy nie zawiera Twoich danych kontaktowych.
preview-alert-none = Brak ostrzeżenia: zgodnie z Twoim wyborem to zgłoszenie nie zostanie do niego wykorzystane.
preview-removed-title = Co zostało usunięte
preview-removed-explain = Lookout usunął te rodzaje informacji z tego, co opuściłoby Lookout:
preview-removed-nothing = Nie trzeba było niczego usuwać.
preview-confirm-explain = Jeśli wszystko się zgadza, wyślij zgłoszenie. Możesz też wrócić i cokolwiek zmienić: cały wpisany tekst zostanie zachowany.
preview-send-button = Wyślij zgłoszenie
preview-edit-button = Wróć i popraw

## Receipt
receipt-title = Otrzymaliśmy Twoje zgłoszenie
receipt-thanks = Dziękujemy. Twoje zgłoszenie jest u nas bezpieczne.
receipt-your-receipt = Twój kod potwierdzenia
receipt-write-down = Zapisz ten kod teraz albo przechowuj go w bezpiecznym miejscu. Jest pokazywany tylko raz: Lookout nie może pokazać go ponownie ani go odzyskać, a to jedyny sposób, by wrócić do Twojego zgłoszenia.
receipt-use = Dzięki niemu możesz czytać odpowiedzi od osób prowadzących sprawy, zmienić to, co może zobaczyć policja, albo wycofać zgłoszenie.

## Follow up (/follow-up)
follow-up-title = Wróć do zgłoszenia
follow-up-intro = Wpisz kod potwierdzenia otrzymany przy zgłoszeniu.
follow-up-receipt = Kod potwierdzenia
follow-up-receipt-hint = Wygląda tak: LKT-XXXX-XXXX-XXXX-XXXX.
follow-up-open-button = Otwórz moje zgłoszenie
follow-up-receipt-unknown = Żadne zgłoszenie nie ma tego kodu. Sprawdź go i spróbuj ponownie; wycofanego zgłoszenia nie można otworzyć.
follow-up-status-title = Twoje zgłoszenie
follow-up-status = Status
follow-up-submitted = Data wysłania
follow-up-consent = Policja może otrzymać
follow-up-consent-renew = Wybrana przez Ciebie osoba kontaktowa w policji się zmieniła. Nic nie zostanie wysłane policji, dopóki ponownie nie wybierzesz poniżej.
status-received = Otrzymane
status-reviewed = Przeczytane przez osobę prowadzącą sprawę
status-alert_published = Opublikowano ostrzeżenie
status-forwarded = Wysłane do wybranej przez Ciebie osoby kontaktowej w policji
status-closed = Zamknięte
status-withdrawn = Wycofane
follow-up-messages = Wiadomości
follow-up-no-messages = Nie ma jeszcze wiadomości.
follow-up-from-you = Ty
follow-up-from-caseworker = Osoba prowadząca sprawę
follow-up-reply = Napisz do osoby prowadzącej sprawę
follow-up-reply-button = Wyślij wiadomość
follow-up-reply-sent = Twoja wiadomość została wysłana.
follow-up-disclosures = Co otrzymała policja
follow-up-no-disclosures = Nic nie zostało wysłane policji.
follow-up-disclosed-to = Wysłano do: { $to }
follow-up-change-consent = Zmień, co może otrzymać policja
follow-up-change-consent-explain = Możesz to zmienić w każdej chwili. Zanim cokolwiek się zmieni, zobaczysz, co zostałoby wysłane przy nowym wyborze.
follow-up-consent-preview-button = Zobacz, co zostałoby wysłane
follow-up-consent-changed = Twój wybór został zapisany. Obowiązuje od teraz.
follow-up-withdraw = Wycofaj zgłoszenie
follow-up-withdraw-explain = Wycofanie niszczy Twoje zgłoszenie, więc nikt nie będzie mógł go już przeczytać. Poprosimy Cię o potwierdzenie.
follow-up-withdraw-button = Wycofaj…
consent-preview-title = Sprawdź swój nowy wybór
consent-preview-level = Nowy wybór: { $level }
consent-preview-would-send = Jeśli Twoje zgłoszenie zostanie wysłane policji przy tym wyborze, policja otrzyma dokładnie to:
consent-preview-nothing = Przy tym wyborze nic nie zostałoby wysłane policji.
consent-preview-not-undone = Tego, co już zostało wysłane policji przy wcześniejszym wyborze, nie można cofnąć.
consent-preview-confirm-button = Zapisz ten wybór
consent-preview-cancel-button = Zostaw obecny wybór
withdraw-title = Wycofać zgłoszenie?
withdraw-destroys = Wycofanie niszczy klucz Twojego zgłoszenia. Tego nie można cofnąć:
withdraw-destroys-content = nikt, również osoby prowadzące sprawy w Lookout, nie będzie mógł już przeczytać Twojego zgłoszenia, Twoich danych kontaktowych ani Twoich wiadomości;
withdraw-destroys-queue = zgłoszenie znika z listy osób prowadzących sprawy;
withdraw-destroys-drafts = nieopublikowane wersje robocze ostrzeżeń utworzone na jego podstawie zostają usunięte;
withdraw-destroys-checks = numery telefonów i inne dane z tego zgłoszenia przestają być wykrywane, gdy osoby pracujące seksualnie sprawdzają klienta;
withdraw-destroys-receipt = ten kod potwierdzenia przestaje działać.
withdraw-not-undone = Ostrzeżenia, które już opublikowano, ani niczego, co już wysłano policji, nie można cofnąć.
withdraw-confirm-button = Tak, zniszcz moje zgłoszenie
withdraw-cancel-button = Nie, zachowaj je
withdrawn-title = Twoje zgłoszenie zostało wycofane
withdrawn = Jego klucz został zniszczony: nikt, również Lookout, nie może go już przeczytać. Kod potwierdzenia już nie działa.

## Check (/check)
check-title = Sprawdź klienta
check-intro = Sprawdź, czy numer telefonu, adres e-mail, pojazd lub nazwa w internecie pojawia się w opublikowanym ostrzeżeniu. To, co wpiszesz, nie jest zapisywane.
check-one = Wypełnij jedno pole.
check-phone = Numer telefonu
check-email = Adres e-mail
check-vehicle = Numer rejestracyjny pojazdu
check-handle = Nazwa lub profil w internecie
check-button = Sprawdź
check-result-title = Wynik
check-no-match = Żadne opublikowane ostrzeżenie o tym nie wspomina. Nie oznacza to, że ta osoba jest bezpieczna: ufaj swojemu instynktowi.
check-matches = { $count ->
    [one] Jedno opublikowane ostrzeżenie o tym wspomina:
    [few] { $count } opublikowane ostrzeżenia o tym wspominają:
    [many] { $count } opublikowanych ostrzeżeń o tym wspomina:
   *[other] { $count } opublikowanych ostrzeżeń o tym wspomina:
}
check-published-on = opublikowano { $date }
check-caveat = Ostrzeżenia pochodzą ze zgłoszeń osób pracujących seksualnie i nie są sprawdzane przez policję ani sąd.

## Subscribe (/subscribe) and the emailed links
subscribe-title = Otrzymuj ostrzeżenia o zagrożeniach
subscribe-intro = Dostaniesz e-mail, gdy zostanie opublikowane ostrzeżenie dla wybranych przez Ciebie obszarów. Najpierw wyślemy wiadomość z prośbą o potwierdzenie: nic więcej nie wyślemy, dopóki nie potwierdzisz.
subscribe-email = Twój adres e-mail
subscribe-email-hint = Przechowywany w postaci zaszyfrowanej. Używany tylko do ostrzeżeń; w każdym ostrzeżeniu jest link, by je wyłączyć.
subscribe-regions = Obszary policji
subscribe-categories = Rodzaje zdarzeń
subscribe-categories-hint = Nie zaznaczaj niczego, by otrzymywać wszystkie rodzaje.
subscribe-language = Język ostrzeżeń
subscribe-button = Zapisz się
subscribe-sent-title = Sprawdź swoją skrzynkę e-mail
subscribe-sent = Jeśli na ten adres można wysyłać ostrzeżenia, wiadomość z prośbą o potwierdzenie jest już w drodze. Nic nie zostanie wysłane, dopóki nie potwierdzisz.
confirm-title = Potwierdź ostrzeżenia o zagrożeniach
confirm-explain = Naciśnij przycisk, by zacząć otrzymywać ostrzeżenia Lookout na ten adres.
confirm-button = Potwierdź subskrypcję
confirmed-title = Subskrypcja potwierdzona
confirmed = Ostrzeżenia dla Twoich obszarów będą teraz przychodzić na ten adres.
unsubscribe-title = Wyłącz ostrzeżenia o zagrożeniach
unsubscribe-explain = Naciśnij przycisk, by wyłączyć wszystkie ostrzeżenia Lookout wysyłane na ten adres. Twój adres zostanie wtedy usunięty.
unsubscribe-button = Wypisz się
unsubscribed-title = Subskrypcja została anulowana
unsubscribed = Ten adres nie będzie już otrzymywać ostrzeżeń i został usunięty.
link-invalid-title = Ten link nie działa
link-invalid = Ten link jest już nieważny: wygasł, został już użyty albo subskrypcja się zakończyła.
link-no-token = Ten link jest niepełny. Otwórz go ponownie z e-maila albo skopiuj cały link.

## Published statistics (/statistics), the retention date on the follow-up page, and the exception policy.
home-more-statistics = Opublikowane statystyki
statistics-title = Statystyki
statistics-intro = Czym zajmował się Lookout, w podziale na kwartały kalendarzowe. Kwartał jest publikowany dopiero po jego zakończeniu, aby żadna liczba nie mogła wskazać niedawnego zgłoszenia.
statistics-suppression = Liczba od 1 do 4 mogłaby wskazać jedną osobę, dlatego jest pokazywana jako „mniej niż 5”. W tabelach według rodzaju zdarzenia i według obszaru tak samo pokazywane jest zero, a niektórych większych liczb nie podajemy, aby żadnej małej liczby nie dało się wyliczyć, odejmując od sum.
statistics-none = Od uruchomienia Lookout nie zakończył się jeszcze żaden kwartał, więc na razie nie ma czego publikować.
statistics-quarter = Kwartał { $number } roku { $year }
statistics-fewer-than-five = mniej niż 5
statistics-withheld = nie podano
statistics-by-category = Zgłoszenia według rodzaju zdarzenia
statistics-by-region = Zgłoszenia według obszaru policji
statistics-activity = Co zrobił Lookout
statistics-kind = Rodzaj zdarzenia
statistics-area = Obszar
statistics-reports = Zgłoszenia
statistics-what = Co
statistics-number = Liczba
statistics-relayed = Zgłoszenia przekazane przez organizacje pomocowe
statistics-alerts-published = Opublikowane ostrzeżenia o zagrożeniach
statistics-checks-made = Wykonane sprawdzenia klientów
statistics-checks-matched = Sprawdzenia klientów, które pasowały do opublikowanego ostrzeżenia
statistics-forwards-anonymous = Zgłoszenia wysłane do osoby kontaktowej w policji, za zgodą, bez sposobu kontaktu z osobą zgłaszającą
statistics-forwards-full = Zgłoszenia wysłane do osoby kontaktowej w policji, za zgodą, ze sposobem kontaktu z osobą zgłaszającą
statistics-withdrawals = Zgłoszenia wycofane przez osoby, które je złożyły
statistics-police-requests-refused = Żądania policji lub innych podmiotów o więcej, niż obejmowała zgoda (wszystkie odrzucone)
statistics-exception-disclosures = Przekazania informacji na podstawie zasad dotyczących wyjątku
statistics-police-misconduct = Zgłoszenia niewłaściwego postępowania funkcjonariuszy policji
follow-up-expires = Jeśli wcześniej go nie wycofasz, to zgłoszenie i wszystko, co z nim związane, zostanie usunięte { $date }. Lookout przechowuje zgłoszenia przez { $days } dni.
exception-title = Kiedy moglibyśmy przekazać informacje bez Twojej zgody
exception-version = Zasady dotyczące wyjątku, wersja { $version }
exception-default = Od zasady „nic nie trafia do policji bez Twojej zgody” jest jeden wyjątek: jeśli ze zgłoszenia wynika, że dziecku grozi bezpośrednio poważna krzywda, organizacje prowadzące Lookout mogą przekazać imiennie wskazanej osobie kontaktowej w policji (SPOC) to, co jest potrzebne do ochrony tego dziecka. Nigdy nie dzieje się to automatycznie: osoba prowadząca sprawę musi to zaproponować i podać powód, a zatwierdzić to musi administrator, który jest inną osobą. Z tego, co zostaje przekazane, nadal usuwa się wszystko, co dotyczy imigracji lub narodowości, i wszystko, co mogłoby Cię zidentyfikować; nic z tego nigdy nie trafia do służb imigracyjnych; a za pomocą kodu potwierdzenia zobaczysz dokładnie, co zostało wysłane.
exception-read-first = Zanim zaczniesz pisać, przeczytaj, kiedy moglibyśmy przekazać informacje bez Twojej zgody:
follow-up-disclosed-exception = Wysłano bez Twojej zgody, na podstawie zasad dotyczących wyjątku.
