# Amit az oldal egy javítandó mező mellett kiír, és a hibaoldalak.

error-required = Ezt ki kell tölteni.
error-too-long = Ez túl hosszú: legfeljebb { $max } karakter lehet.
error-too-many = Túl sok: legfeljebb { $max } lehet.
error-control-characters = Ebben olyan karakterek vannak, amelyeket nem lehet használni (vezérlőkarakterek).
error-consent-level = Válassz egyet a három szint közül.
error-consent-spoc-absent = Rendőrségi kapcsolattartót csak a „Névtelen” vagy a „Teljes” szintnél lehet választani.
error-consent-spoc = Válassz rendőrségi kapcsolattartót a listából.
error-consent-spoc-required = Válaszd ki, melyik rendőrségi kapcsolattartó kaphatja meg.
error-statement-version = A beleegyezési nyilatkozat megváltozott. Olvasd el újra, és válassz újra.
error-email = Adj meg egy e-mail-címet, például name@example.org.
error-phone = Adj meg egy telefonszámot.
error-category = Válaszd ki az eset típusát.
error-region = Válaszd ki a rendőrségi körzetet.
error-language = Válassz nyelvet a listából.
error-contact-for-full = A „Teljes” megosztással a rendőrség kapcsolatba léphet veled: lent adj meg legalább egy elérhetőséget, vagy válaszd a „Névtelen” szintet.
error-full-needs-contact = Ebben a bejelentésben nincs elérhetőség, ezért a „Teljes” nem választható: válaszd a „Névtelen” szintet.
error-date = A dátumot YYYY-MM-DD formában add meg, például 2026-11-18.
error-date-future = A dátum nem lehet a jövőben.
error-date-past = A dátumnak 1970 utáninak kell lennie.
error-check-one = Pontosan egy mezőt tölts ki.
error-regions = Válassz legalább egy rendőrségi körzetet.
error-categories = Válassz esettípusokat a listából, vagy ne jelölj be egyet sem, és minden típust megkapsz.
error-share-children-later = Ezt csak a bejelentés megtételekor lehet kiválasztani.
error-firewall-field = A Lookout nem fogad el bevándorlással, állampolgársággal vagy személyazonosító okmányokkal kapcsolatos adatokat.

error-rate-limited-title = Túl sok kérés
error-rate-limited = Innen rövid idő alatt túl sok kérés érkezett. Várj egy percet, és próbáld újra. Semmit nem mentettünk.
error-unavailable-title = A Lookout most túlterhelt
error-unavailable = A Lookout ezt most nem tudja elvégezni. Próbáld újra néhány perc múlva.
error-not-found-title = Az oldal nem található
error-not-found = Itt nincs oldal. Használd a fenti linkeket.
error-bad-request-title = Valami nem stimmelt az űrlappal
error-bad-request = Az űrlapot nem sikerült beolvasni. Menj vissza, és próbáld újra.
error-internal-title = Valami hiba történt
error-internal = Valami hiba történt nálunk. Próbáld újra később.

## Kinds of content the firewall removes, shown in the preview
removed-immigration-reference = bevándorlásra utaló részek
removed-identity-document-number = személyazonosító okmányok számai
removed-nationality-or-country-of-origin = állampolgárság vagy származási ország
removed-home-workplace-or-premises = otthonok, munkahelyek vagy helyiségek
removed-street-address = utcai címek
removed-other-people-co-workers-family-helpers = más emberek (munkatársak, család, segítők)
removed-children = gyerekek
removed-reporter-name = a neved
removed-reporter-email-address = az e-mail-címed
removed-reporter-phone-number = a telefonszámod
removed-email-address = e-mail-címek
removed-phone-number = telefonszámok
removed-full-postcode = teljes irányítószámok
removed-exact-time = pontos időpontok
removed-names-or-initials-of-other-people = más emberek nevei vagy monogramjai
removed-removed-by-the-caseworker = az esetkezelő által törölt részek
