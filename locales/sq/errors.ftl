# Çfarë shkruan faqja pranë një fushe që duhet ndryshuar, dhe faqet e gabimeve.

error-required = Kjo është e detyrueshme.
error-too-long = Kjo është shumë e gjatë: jo më shumë se { $max } karaktere.
error-too-many = Shumë: jo më shumë se { $max }.
error-control-characters = Kjo përmban karaktere që nuk mund të përdoren (karaktere kontrolli).
error-consent-level = Zgjidh një nga tri nivelet.
error-consent-spoc-absent = Personi i kontaktit në polici zgjidhet vetëm me „Anonim“ ose „I plotë“.
error-consent-spoc = Zgjidh një person kontakti në polici nga lista.
error-consent-spoc-required = Zgjidh cili person kontakti në polici mund ta marrë.
error-statement-version = Deklarata e pëlqimit ka ndryshuar. Lexoje përsëri dhe zgjidh përsëri.
error-email = Shkruaj një adresë emaili, si name@example.org.
error-phone = Shkruaj një numër telefoni.
error-category = Zgjidh llojin e incidentit.
error-region = Zgjidh zonën e policisë.
error-language = Zgjidh një gjuhë nga lista.
error-contact-for-full = Ndarja „I plotë“ i jep policisë një mënyrë për të të kontaktuar: plotëso të paktën një mënyrë më poshtë, ose zgjidh „Anonim“.
error-full-needs-contact = Ky raport nuk ka të dhëna kontakti, prandaj „I plotë“ nuk mund të zgjidhet: zgjidh „Anonim“.
error-date = Shkruaj datën si YYYY-MM-DD, për shembull 2026-11-18.
error-date-future = Data nuk mund të jetë në të ardhmen.
error-date-past = Data duhet të jetë pas vitit 1970.
error-check-one = Plotëso saktësisht një kuti.
error-regions = Zgjidh të paktën një zonë policie.
error-categories = Zgjidh llojet e incidenteve nga lista, ose mos shëno asnjë për të gjitha llojet.
error-share-children-later = Kjo mund të zgjidhet vetëm kur bëhet raporti.
error-firewall-field = Lookout nuk pranon të dhëna për imigracionin, shtetësinë apo dokumentet e identitetit.

error-rate-limited-title = Shumë kërkesa
error-rate-limited = Nga këtu erdhën shumë kërkesa në pak kohë. Prit një minutë dhe provo përsëri. Nuk u ruajt asgjë.
error-unavailable-title = Lookout është i zënë
error-unavailable = Lookout nuk mund ta bëjë këtë tani. Provo përsëri pas disa minutash.
error-not-found-title = Faqja nuk u gjet
error-not-found = Këtu nuk ka faqe. Përdor lidhjet më sipër.
error-bad-request-title = Diçka nuk shkoi me formularin
error-bad-request = Formulari nuk mund të lexohej. Kthehu mbrapa dhe provo përsëri.
error-internal-title = Diçka shkoi keq
error-internal = Diçka shkoi keq nga ana jonë. Provo përsëri më vonë.

## Kinds of content the firewall removes, shown in the preview
removed-immigration-reference = përmendje të imigracionit
removed-identity-document-number = numra dokumentesh identiteti
removed-nationality-or-country-of-origin = shtetësia ose vendi i origjinës
removed-home-workplace-or-premises = shtëpi, vende pune ose ambiente
removed-street-address = adresa rrugësh
removed-other-people-co-workers-family-helpers = persona të tjerë (kolegë, familjarë, ndihmës)
removed-children = fëmijë
removed-reporter-name = emri yt
removed-reporter-email-address = adresa jote e emailit
removed-reporter-phone-number = numri yt i telefonit
removed-email-address = adresa emaili
removed-phone-number = numra telefoni
removed-full-postcode = kode postare të plota
removed-exact-time = orare të sakta
removed-names-or-initials-of-other-people = emra ose iniciale të personave të tjerë
removed-removed-by-the-caseworker = pjesë të hequra nga punonjësi i rastit
