# What a page says beside a field that needs changing, and the error pages.

error-required = Acest câmp este obligatoriu.
error-too-long = Textul este prea lung: numărul maxim de caractere este { $max }.
error-too-many = Prea multe: maximum { $max }.
error-control-characters = Textul conține caractere care nu pot fi folosite (caractere de control).
error-consent-level = Alege unul dintre cele trei niveluri.
error-consent-spoc-absent = O persoană de contact din poliție se alege doar cu Anonim sau Complet.
error-consent-spoc = Alege o persoană de contact din poliție din listă.
error-consent-spoc-required = Alege ce persoană de contact din poliție poate primi raportul.
error-statement-version = Declarația de consimțământ s-a schimbat. Citește-o din nou și alege din nou.
error-email = Scrie o adresă de e-mail, de exemplu nume@example.org.
error-phone = Scrie un număr de telefon.
error-category = Alege tipul incidentului.
error-region = Alege zona de poliție.
error-language = Alege o limbă din listă.
error-contact-for-full = Opțiunea Complet îi dă poliției o cale de a te contacta: completează mai jos cel puțin o modalitate de contact sau alege Anonim.
error-full-needs-contact = Acest raport nu are date de contact, așa că nu poți alege Complet: alege Anonim.
error-date = Scrie data în formatul AAAA-LL-ZZ, de exemplu 2026-11-18.
error-date-future = Data nu poate fi în viitor.
error-date-past = Data trebuie să fie după 1970.
error-check-one = Completează exact o căsuță.
error-regions = Alege cel puțin o zonă de poliție.
error-categories = Alege tipuri de incident din listă sau nu bifa nimic ca să le primești pe toate.
error-share-children-later = Această opțiune poate fi aleasă doar când faci raportul.
error-firewall-field = Lookout nu acceptă detalii despre imigrație, naționalitate sau acte de identitate.

error-rate-limited-title = Prea multe cereri
error-rate-limited = Au venit prea multe cereri de aici într-un timp scurt. Așteaptă un minut și încearcă din nou. Nu s-a salvat nimic.
error-unavailable-title = Lookout este ocupat
error-unavailable = Lookout nu poate face asta chiar acum. Încearcă din nou peste câteva minute.
error-not-found-title = Pagina nu a fost găsită
error-not-found = Aici nu există nicio pagină. Folosește linkurile de mai sus.
error-bad-request-title = Ceva nu a fost în regulă cu formularul
error-bad-request = Formularul nu a putut fi citit. Întoarce-te și încearcă din nou.
error-internal-title = Ceva nu a mers bine
error-internal = Ceva nu a mers bine la noi. Încearcă din nou mai târziu.

## Kinds of content the firewall removes, shown in the preview
removed-immigration-reference = referiri la imigrație
removed-identity-document-number = numere de acte de identitate
removed-nationality-or-country-of-origin = naționalitatea sau țara de origine
removed-home-workplace-or-premises = locuințe, locuri de muncă sau spații
removed-street-address = adrese (strada și numărul)
removed-other-people-co-workers-family-helpers = alte persoane (colegi, familie, persoane care ajută)
removed-children = copii
removed-reporter-name = numele tău
removed-reporter-email-address = adresa ta de e-mail
removed-reporter-phone-number = numărul tău de telefon
removed-email-address = adrese de e-mail
removed-phone-number = numere de telefon
removed-full-postcode = coduri poștale complete
removed-exact-time = ore exacte
removed-names-or-initials-of-other-people = numele sau inițialele altor persoane
removed-removed-by-the-caseworker = părți eliminate de consilierul de caz
