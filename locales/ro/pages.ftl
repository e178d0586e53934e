# Lookout's pages, in Romanian, translated from the English source (locales/en/pages.ftl).
# Placeables ({ $name }) must keep their names in every language.

## Every page
site-name = Lookout
skip-to-content = Sari la conținutul principal
nav-label = Meniu principal
nav-languages = Limba
nav-home = Despre Lookout
nav-report = Raportează un incident
nav-follow-up = Revino la un raport
nav-check = Verifică un client
nav-subscribe = Primește alerte de siguranță
footer-privacy = Lookout nu păstrează nicio evidență a adresei, dispozitivului sau browserului tău, nu folosește cookie-uri și nu rulează scripturi. Ce scrii este criptat.
choose = Alege…
form-has-errors = Unele răspunsuri trebuie schimbate

## About (/)
home-title = Raportează în siguranță. Avertizează-i pe ceilalți. Tu decizi ce vede poliția.
home-intro = Lookout este un program Ugly Mugs: lucrătoarele și lucrătorii sexuali, precum și organizațiile de sprijin în care au încredere, raportează anonim violența și alte infracțiuni. Rapoartele devin alerte de siguranță pentru alți lucrători sexuali, iar tu poți verifica dacă numărul unui client apare în ele.
home-who-title = Cine se ocupă de Lookout
home-who = Lookout este administrat de organizații de sprijin pentru lucrătorii sexuali, nu de poliție și nici de guvern. Codul său este public (open source), așa că oricine poate verifica ce face.
home-protect-title = Cum este protejat raportul tău
home-protect-anonymous = Nu ai nevoie de cont și nici de nume. În schimb, primești un cod de confirmare: este singura cale de a reveni la raportul tău.
home-protect-encrypted = Ce scrii este criptat imediat ce ajunge la noi. Datele tale de contact, dacă ni le dai, sunt criptate separat.
home-protect-firewall = O barieră pentru imigrație, scrisă chiar în cod: orice informație despre imigrație, naționalitate, vize sau acte de identitate este eliminată din tot ce iese din Lookout și nimic nu este trimis vreodată autorităților de imigrație, Home Office (Ministerul de Interne britanic) sau Border Force (Poliția de Frontieră britanică).
home-protect-receipt = Cu codul de confirmare poți citi răspunsurile, te poți răzgândi în privința poliției sau poți retrage raportul; retragerea distruge cheia raportului, așa că nimeni nu îl mai poate citi.
home-protect-no-tracking = Lookout nu păstrează adresa IP și nici detalii despre dispozitivul sau browserul tău și nu folosește cookie-uri. Paginile funcționează și cu JavaScript dezactivat, inclusiv în Tor Browser.
home-police-title = Ce poate și ce nu poate primi poliția
home-police-can = Doar dacă alegi tu: persoana de contact din poliție (SPOC) pe care o alegi după nume primește raportul tău, din care s-a eliminat tot ce te-ar putea identifica pe tine, pe alte persoane sau locuri, și, doar dacă alegi și asta, o cale prin care să te contacteze.
home-police-cannot = Poliția nu primește niciodată raportul tău fără acordul tău, cu excepția singurului caz descris în politica de excepție de mai jos; nu are niciodată acces la Lookout și nu primește niciodată nimic despre imigrație sau naționalitate. Nimic nu ajunge la alte structuri ale poliției sau la altcineva.
consent-title = Declarația de consimțământ
consent-read-statement = Citește declarația de consimțământ
consent-statement-intro = Lookout nu transmite niciodată raportul tău poliției decât dacă alegi tu asta, în afară de singurul caz descris în politica de excepție publicată, și nu îl transmite niciodată, în nicio situație, autorităților de imigrație, Home Office (Ministerul de Interne britanic) sau Border Force (Poliția de Frontieră britanică). Alegi unul dintre cele trei niveluri și îți poți schimba sau retrage alegerea oricând, cu codul de confirmare.
consent-statement-none = Nimic (opțiunea implicită): nimic din raportul tău nu este trimis poliției. Consilierii de caz îl pot folosi totuși, fără nimic care te-ar putea identifica, ca să îi avertizeze pe alți lucrători sexuali.
consent-statement-anonymous = Anonim: persoana de contact din poliție (SPOC) pe care o alegi după nume primește raportul tău, din care s-au eliminat datele tale de contact, orice informație despre imigrație sau naționalitate și alte detalii care te-ar putea identifica. Nu primește nicio cale de a te contacta.
consent-statement-full = Complet: persoana SPOC pe care o alegi după nume primește același raport, plus calea de contact pe care ai ales-o: direct tu sau organizația de sprijin care a transmis raportul tău. Dacă acea persoană SPOC este înlocuită, nu se trimite nimic până nu îți dai din nou acordul pentru noua persoană.
consent-statement-limits = Limite: odată ce ceva a fost trimis unei persoane SPOC, Lookout nu mai poate lua acele informații înapoi; ce face poliția cu ele depinde de atunci de regulile ei, nu de ale noastre. Înainte să îți dai acordul, poți vedea exact ce ar fi trimis. Lookout păstrează raportul tău criptat și nu stochează nicio adresă și niciun detaliu despre dispozitiv sau browser; retragerea raportului distruge cheia acestuia, astfel încât nimeni, nici măcar noi, să nu îl mai poată citi.
home-limits-title = Limitele confidențialității
home-limits = Lookout protejează ce păstrează, dar nu poate proteja ce a ieșit deja din Lookout: o alertă citită de alți lucrători sexuali sau un raport pe care ai fost de acord să fie trimis poliției. O instanță ar putea obliga organizațiile care administrează Lookout să predea ce păstrează; aceste date sunt criptate, iar un raport retras nu poate fi citit de nimeni. Dacă ești în pericol acum, sună la 999.
home-more-title = Tot aici
home-more-follow-up = Revino la un raport cu codul de confirmare
home-more-subscribe = Primește alerte de siguranță pe e-mail

## Report form (/report)
report-title = Raportează un incident
report-intro = Spune-ne ce s-a întâmplat. Sunt necesare doar tipul incidentului, regiunea și ce s-a întâmplat; restul este alegerea ta. Înainte să fie trimis ceva, vei vedea exact ce ar ieși din Lookout.
report-safety = Nu scrie numele tău sau datele tale de contact în descriere: mai jos există un loc separat, opțional, pentru ele.
report-what-legend = Ce s-a întâmplat
report-category = Tipul incidentului
report-region = Zona de poliție în care s-a întâmplat
report-area = Zona (opțional)
report-area-hint = Este suficient un oraș sau un cartier. Nu scrie adresa (strada și numărul).
report-date = Data (opțional)
report-date-hint = În formatul AAAA-LL-ZZ, de exemplu 2026-11-18.
report-description = Ce s-a întâmplat
report-description-hint = Cu cuvintele tale. Maximum 20.000 de caractere.
report-perpetrator-legend = Despre persoana care a făcut asta (opțional)
report-perpetrator-hint = Aceste detalii îi ajută pe alți lucrători sexuali să-l recunoască. După ce o alertă este publicată, alți lucrători sexuali pot verifica numerele de telefon, adresele de e-mail, vehiculele și numele online.
report-perpetrator-description = Descriere
report-phone-numbers = Număr de telefon
report-emails = Adresă de e-mail
report-vehicles = Număr de înmatriculare
report-handles = Nume sau profil online
report-more-boxes = Păstrează ce am scris și adaugă mai multe căsuțe
report-alert-legend = Alertă de siguranță
report-alert-yes = Da, consilierii de caz pot transforma acest raport într-o alertă de siguranță pentru alți lucrători sexuali (fără nimic care să mă identifice)
report-alert-no = Nu, nu îl folosiți pentru o alertă
report-contact-legend = Cum te putem contacta (opțional)
report-contact-hint = Doar consilierii de caz văd aceste date. Poliția le vede doar dacă alegi „Complet” mai jos.
report-contact-name = Nume sau nume de lucru
report-contact-email = Adresă de e-mail
report-contact-phone = Număr de telefon
report-contact-notes = Când și cum te putem contacta
report-consent-legend = Ce primește poliția
report-consent-level = Ce poate primi poliția?
consent-level-none = Nimic (opțiunea implicită)
consent-level-anonymous = Anonim: raportul, fără nimic care să mă identifice
consent-level-full = Complet: raportul și datele prin care mă pot contacta
report-consent-spoc = Care persoană de contact din poliție (SPOC)?
report-consent-spoc-hint = Necesar doar pentru Anonim sau Complet. Alege persoana de contact pentru zona în care s-a întâmplat.
report-consent-no-spocs = Momentan nu este înregistrată nicio persoană de contact din poliție, așa că poți alege doar „Nimic”.
report-share-children = Poliția poate vedea mențiunile despre copiii mei (acestea nu apar niciodată în alerte)
report-language = Limba în care scrii
report-preview-button = Vezi ce s-ar trimite

## Preview
preview-title = Verifică înainte să trimiți
preview-intro = Exact asta ar ieși din Lookout dacă trimiți acest raport. Încă nu s-a trimis și nu s-a salvat nimic.
preview-police-title = Ce ar primi poliția
preview-police-to = Trimis doar către { $spoc }
preview-police-none = Nimic: ai ales să nu trimiți acest raport poliției.
preview-alert-title = Alerta de la care ar porni consilierii de caz
preview-alert-explain = Un consilier de caz poate publica o alertă de siguranță pornind de la această ciornă. Alerta nu include niciodată datele tale de contact.
preview-alert-none = Nicio alertă: ai ales ca acest raport să nu fie folosit pentru o alertă.
preview-removed-title = Ce s-a eliminat
preview-removed-explain = Lookout a eliminat aceste tipuri de detalii din ce ar ieși din Lookout:
preview-removed-nothing = Nu a fost nevoie să se elimine nimic.
preview-confirm-explain = Dacă totul este corect, trimite raportul. Poți și să te întorci ca să schimbi orice: tot ce ai scris se păstrează.
preview-send-button = Trimite raportul
preview-edit-button = Întoarce-te și modifică

## Receipt
receipt-title = Raportul tău a fost primit
receipt-thanks = Mulțumim. Raportul tău este în siguranță la noi.
receipt-your-receipt = Codul tău de confirmare
receipt-write-down = Notează acum acest cod sau păstrează-l într-un loc sigur. Este afișat o singură dată: Lookout nu îl poate afișa din nou și nici nu îl poate recupera, iar el este singura cale de a reveni la raportul tău.
receipt-use = Cu el poți citi răspunsurile consilierilor de caz, poți schimba ce poate vedea poliția sau îți poți retrage raportul.

## Follow up (/follow-up)
follow-up-title = Revino la un raport
follow-up-intro = Scrie codul de confirmare pe care l-ai primit când ai raportat.
follow-up-receipt = Cod de confirmare
follow-up-receipt-hint = Arată așa: LKT-XXXX-XXXX-XXXX-XXXX.
follow-up-open-button = Deschide raportul meu
follow-up-receipt-unknown = Niciun raport nu are acest cod. Verifică-l și încearcă din nou; un raport retras nu poate fi deschis.
follow-up-status-title = Raportul tău
follow-up-status = Stare
follow-up-submitted = Trimis pe
follow-up-consent = Poliția poate primi
follow-up-consent-renew = Persoana de contact din poliție pe care ai ales-o s-a schimbat. Nu se va trimite nimic poliției până nu alegi din nou mai jos.
status-received = Primit
status-reviewed = Citit de un consilier de caz
status-alert_published = A fost publicată o alertă de siguranță
status-forwarded = Trimis persoanei de contact din poliție pe care ai ales-o
status-closed = Închis
status-withdrawn = Retras
follow-up-messages = Mesaje
follow-up-no-messages = Niciun mesaj încă.
follow-up-from-you = Tu
follow-up-from-caseworker = Consilier de caz
follow-up-reply = Scrie-i consilierului de caz
follow-up-reply-button = Trimite mesajul
follow-up-reply-sent = Mesajul tău a fost trimis.
follow-up-disclosures = Ce a primit poliția
follow-up-no-disclosures = Nu s-a trimis nimic poliției.
follow-up-disclosed-to = Trimis către { $to }
follow-up-change-consent = Schimbă ce poate primi poliția
follow-up-change-consent-explain = Poți schimba asta oricând. Înainte să se schimbe ceva, vei vedea ce s-ar trimite cu noua alegere.
follow-up-consent-preview-button = Vezi ce s-ar trimite
follow-up-consent-changed = Alegerea ta a fost salvată. Se aplică de acum înainte.
follow-up-withdraw = Retrage raportul
follow-up-withdraw-explain = Retragerea îți distruge raportul, astfel încât nimeni nu îl mai poate citi. Ți se va cere să confirmi.
follow-up-withdraw-button = Retrage…
consent-preview-title = Verifică noua alegere
consent-preview-level = Noua alegere: { $level }
consent-preview-would-send = Dacă raportul tău este trimis poliției cu această alegere, exact asta ar primi poliția:
consent-preview-nothing = Cu această alegere nu s-ar trimite nimic poliției.
consent-preview-not-undone = Ce a fost deja trimis poliției cu o alegere anterioară nu mai poate fi luat înapoi.
consent-preview-confirm-button = Salvează această alegere
consent-preview-cancel-button = Păstrează alegerea actuală
withdraw-title = Îți retragi raportul?
withdraw-destroys = Retragerea distruge cheia raportului tău. Asta nu poate fi anulată:
withdraw-destroys-content = nimeni, nici măcar consilierii de caz de la Lookout, nu va mai putea citi raportul tău, datele tale de contact sau mesajele tale;
withdraw-destroys-queue = raportul dispare din lista consilierilor de caz;
withdraw-destroys-drafts = ciornele de alertă făcute pe baza lui și nepublicate sunt șterse;
withdraw-destroys-checks = numerele de telefon și celelalte detalii din el nu mai apar când lucrătorii sexuali verifică un client;
withdraw-destroys-receipt = acest cod de confirmare nu mai funcționează.
withdraw-not-undone = O alertă deja publicată sau orice a fost deja trimis poliției nu mai poate fi luat înapoi.
withdraw-confirm-button = Da, distruge raportul meu
withdraw-cancel-button = Nu, păstrează-l
withdrawn-title = Raportul tău a fost retras
withdrawn = Cheia lui a fost distrusă: nimeni, nici măcar Lookout, nu îl mai poate citi. Codul de confirmare nu mai funcționează.

## Check (/check)
check-title = Verifică un client
check-intro = Vezi dacă un număr de telefon, o adresă de e-mail, un vehicul sau un nume online apare într-o alertă de siguranță publicată. Ce scrii nu este stocat.
check-one = Completează o singură căsuță.
check-phone = Număr de telefon
check-email = Adresă de e-mail
check-vehicle = Număr de înmatriculare
check-handle = Nume sau profil online
check-button = Verifică
check-result-title = Rezultat
check-no-match = Nicio alertă publicată nu menționează asta. Asta nu înseamnă că persoana este sigură: ai încredere în instinctul tău.
check-matches = { $count ->
    [one] O alertă publicată menționează asta:
    [few] { $count } alerte publicate menționează asta:
   *[other] { $count } de alerte publicate menționează asta:
}
check-published-on = publicată pe { $date }
check-caveat = Alertele provin din rapoartele lucrătorilor sexuali și nu sunt verificate de poliție sau de o instanță.

## Subscribe (/subscribe) and the emailed links
subscribe-title = Primește alerte de siguranță
subscribe-intro = Primește un e-mail când se publică o alertă de siguranță pentru zonele pe care le alegi. Mai întâi îți trimitem un e-mail de confirmare: nu trimitem nimic altceva până nu confirmi.
subscribe-email = Adresa ta de e-mail
subscribe-email-hint = Păstrată criptat. Folosită doar pentru alerte; fiecare alertă are un link prin care le poți opri.
subscribe-regions = Zone de poliție
subscribe-categories = Tipuri de incident
subscribe-categories-hint = Nu bifa nimic ca să primești toate tipurile.
subscribe-language = Limba alertelor
subscribe-button = Abonează-te
subscribe-sent-title = Verifică-ți e-mailul
subscribe-sent = Dacă această adresă poate primi alerte, un e-mail de confirmare este pe drum. Nu se trimite nimic până nu confirmi.
confirm-title = Confirmă alertele de siguranță
confirm-explain = Apasă butonul ca să începi să primești alertele de siguranță Lookout la această adresă.
confirm-button = Confirmă abonarea
confirmed-title = Abonare confirmată
confirmed = De acum, alertele de siguranță pentru zonele tale vor ajunge la această adresă.
unsubscribe-title = Oprește alertele de siguranță
unsubscribe-explain = Apasă butonul ca să oprești toate alertele de siguranță Lookout trimise la această adresă. Apoi adresa ta este ștearsă.
unsubscribe-button = Dezabonează-mă
unsubscribed-title = Te-ai dezabonat
unsubscribed = Această adresă nu va mai primi alerte și a fost ștearsă.
link-invalid-title = Acest link nu funcționează
link-invalid = Acest link nu mai este valabil: a expirat, a fost deja folosit sau abonarea s-a încheiat.
link-no-token = Acest link este incomplet. Deschide-l din nou din e-mail sau copiază linkul întreg.

## Published statistics (/statistics), the retention date on the follow-up page, and the exception policy.
home-more-statistics = Statistici publicate
statistics-title = Statistici
statistics-intro = Ce a gestionat Lookout, pe trimestre calendaristice. Un trimestru este publicat doar după ce s-a încheiat, ca nicio cifră să nu poată indica un raport recent.
statistics-suppression = Un număr de la 1 la 4 ar putea indica o singură persoană, așa că este afișat ca „mai puțin de 5”. În tabelele pe tipuri de incident și pe zone, zero este afișat la fel, iar unele numere mai mari nu sunt publicate, ca niciun număr mic să nu poată fi aflat prin scădere din totaluri.
statistics-none = De la pornirea Lookout nu s-a încheiat încă niciun trimestru, așa că deocamdată nu este nimic de publicat.
statistics-quarter = Trimestrul { $number } din { $year }
statistics-fewer-than-five = mai puțin de 5
statistics-withheld = nepublicat
statistics-by-category = Rapoarte pe tipuri de incident
statistics-by-region = Rapoarte pe zone de poliție
statistics-activity = Ce a făcut Lookout
statistics-kind = Tipul incidentului
statistics-area = Zona
statistics-reports = Rapoarte
statistics-what = Ce
statistics-number = Număr
statistics-relayed = Rapoarte transmise de organizațiile de sprijin
statistics-alerts-published = Alerte de siguranță publicate
statistics-checks-made = Verificări de clienți făcute
statistics-checks-matched = Verificări de clienți care au găsit o alertă publicată
statistics-forwards-anonymous = Rapoarte trimise unei persoane de contact din poliție, cu acord, fără o cale de a contacta persoana care a raportat
statistics-forwards-full = Rapoarte trimise unei persoane de contact din poliție, cu acord, cu o cale de a contacta persoana care a raportat
statistics-withdrawals = Rapoarte retrase de persoanele care le-au făcut
statistics-police-requests-refused = Cereri ale poliției sau ale altora de a primi mai mult decât permitea acordul dat (toate refuzate)
statistics-exception-disclosures = Transmiteri de informații în baza politicii de excepție
statistics-police-misconduct = Rapoarte despre abateri comise de polițiști
follow-up-expires = Dacă nu îl retragi înainte, acest raport și tot ce ține de el vor fi șterse pe { $date }. Lookout păstrează rapoartele { $days } de zile.
exception-title = Când am putea transmite informații fără acordul tău
exception-version = Politica de excepție, versiunea { $version }
exception-default = Există o singură excepție de la regula „nimic nu ajunge la poliție fără acordul tău”: dacă dintr-un raport reiese că un copil este în pericol imediat de a suferi un rău grav, organizațiile care administrează Lookout pot transmite unei persoane de contact din poliție, desemnate nominal (SPOC), ce este necesar pentru a proteja acel copil. Asta nu se întâmplă niciodată automat: un consilier de caz trebuie să propună transmiterea și să dea un motiv, iar un administrator, altul decât el, trebuie să o aprobe. Și în acest caz, din ce se transmite se elimină orice informație despre imigrație sau naționalitate și tot ce te-ar putea identifica; nu ajunge niciodată la autoritățile de imigrație; iar cu codul tău de confirmare vei vedea exact ce s-a trimis.
exception-read-first = Înainte să scrii, citește când am putea transmite informații fără acordul tău:
follow-up-disclosed-exception = Trimis fără acordul tău, conform politicii de excepție.
