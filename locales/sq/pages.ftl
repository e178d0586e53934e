# Faqet e Lookout në shqip, të përkthyera nga burimi anglisht (locales/en/pages.ftl).
# Placeables ({ $name }) must keep their names in every language.

## Every page
site-name = Lookout
skip-to-content = Kalo te përmbajtja kryesore
nav-label = Menuja kryesore
nav-languages = Gjuha
nav-home = Rreth Lookout
nav-report = Raporto një incident
nav-follow-up = Ndiq një raport
nav-check = Kontrollo një klient
nav-subscribe = Merr paralajmërime sigurie
footer-privacy = Lookout nuk mban asnjë të dhënë për adresën tënde IP, pajisjen apo shfletuesin, nuk vendos cookies dhe nuk ekzekuton skripte. Ajo që shkruan enkriptohet.
choose = Zgjidh…
form-has-errors = Disa përgjigje duhen ndryshuar

## About (/)
home-title = Raporto në siguri. Paralajmëro të tjerët. Ti vendos çfarë sheh policia.
home-intro = Lookout është një skemë Ugly Mugs: punonjësit e seksit, dhe organizatat në terren të cilave u besojnë, raportojnë në mënyrë anonime dhunën dhe krime të tjera. Raportet bëhen paralajmërime sigurie për punonjës të tjerë të seksit, dhe ti mund të kontrollosh nëse numri i një klienti gjendet në to.
home-who-title = Kush e drejton
home-who = Lookout drejtohet nga organizata në terren (outreach) që mbështesin punonjësit e seksit, jo nga policia apo qeveria. Kodi i tij është me burim të hapur, kështu që kushdo mund të kontrollojë çfarë bën.
home-protect-title = Si mbrohet raporti yt
home-protect-anonymous = Nuk të duhet llogari dhe as emër. Në vend të tyre merr një kod raporti: është e vetmja mënyrë për t'u kthyer te raporti yt.
home-protect-encrypted = Ajo që shkruan enkriptohet sapo mbërrin. Të dhënat e tua të kontaktit, nëse jep të tilla, enkriptohen veçmas.
home-protect-firewall = Një mur mbrojtës për imigracionin, i ndërtuar në kod: çdo gjë për imigracionin, shtetësinë, vizat ose dokumentet e identitetit hiqet nga gjithçka që del nga Lookout, dhe asgjë nuk u dërgohet kurrë autoriteteve të imigracionit, Ministrisë së Brendshme britanike (Home Office) ose Forcës Kufitare (Border Force).
home-protect-receipt = Me kodin e raportit mund të lexosh përgjigjet, të ndryshosh mendje për policinë ose ta tërheqësh raportin, gjë që shkatërron çelësin e tij, që askush të mos e lexojë më.
home-protect-no-tracking = Lookout nuk mban adresë IP, të dhëna për pajisjen apo shfletuesin dhe nuk vendos cookies. Faqet funksionojnë edhe me JavaScript të çaktivizuar, edhe në Tor Browser.
home-police-title = Çfarë mund dhe çfarë nuk mund të marrë policia
home-police-can = Vetëm nëse e zgjedh ti: personi i kontaktit në polici, i caktuar me emër (SPOC), që zgjedh ti, merr raportin tënd, nga i cili është hequr çdo gjë që mund të identifikonte ty, persona të tjerë ose vende, dhe – vetëm nëse e zgjedh edhe këtë – një mënyrë për të të kontaktuar.
home-police-cannot = Policia nuk e merr kurrë raportin tënd pa pëlqimin tënd, nuk ka kurrë qasje në Lookout dhe nuk merr kurrë asgjë për imigracionin apo shtetësinë. Asgjë nuk shkon te ndonjë pjesë tjetër e policisë apo te dikush tjetër.
consent-title = Deklarata e pëlqimit
consent-read-statement = Lexo deklaratën e pëlqimit
consent-statement-intro = Lookout nuk e ndan kurrë raportin tënd me policinë, përveç nëse e zgjedh ti, dhe në asnjë rrethanë nuk e ndan me autoritetet e imigracionit, Ministrinë e Brendshme britanike (Home Office) ose Forcën Kufitare (Border Force). Ti zgjedh një nga tri nivelet, dhe mund ta ndryshosh ose ta tërheqësh zgjedhjen tënde në çdo kohë me kodin e raportit.
consent-statement-none = Asgjë (parazgjedhja): asgjë nga raporti yt nuk i dërgohet policisë. Punonjësit e rastit mund ta përdorin gjithsesi, pa asgjë që mund të të identifikojë, për të paralajmëruar punonjës të tjerë të seksit.
consent-statement-anonymous = Anonim: personi i kontaktit në polici, i caktuar me emër (SPOC), që zgjedh ti, merr raportin tënd pa të dhënat e tua të kontaktit, pa asgjë për imigracionin apo shtetësinë dhe pa detaje të tjera që mund të të identifikojnë. Nuk i jepet asnjë mënyrë për të të kontaktuar.
consent-statement-full = I plotë: SPOC-u i caktuar me emër që zgjedh ti merr të njëjtin raport, plus mënyrën e kontaktit që zgjodhe: drejtpërdrejt ty, ose organizatën në terren që e përcolli raportin tënd. Nëse ky SPOC zëvendësohet, asgjë nuk dërgohet derisa të japësh sërish pëlqimin për personin e ri.
consent-statement-limits = Kufizimet: pasi diçka i është dërguar një SPOC-u, Lookout nuk mund ta marrë mbrapsht; ajo që bën policia me të atëherë i nënshtrohet rregullave të saj, jo tonave. Para se të japësh pëlqimin, mund të shohësh saktësisht çfarë do të dërgohej. Lookout e mban raportin tënd të enkriptuar dhe nuk ruan adresë IP, të dhëna për pajisjen apo shfletuesin; tërheqja e raportit shkatërron çelësin e tij, që askush, as ne, të mos e lexojë më.
home-limits-title = Kufijtë e konfidencialitetit
home-limits = Lookout mbron atë që mban, por nuk mund të mbrojë atë që ka dalë tashmë prej tij: një paralajmërim që lexojnë punonjës të tjerë të seksit, ose një raport që pranove t'i dërgohet policisë. Një gjykatë mund t'u urdhërojë organizatave që drejtojnë Lookout të dorëzojnë atë që mbajnë; ajo është e enkriptuar, dhe një raport i tërhequr nuk mund të lexohet nga askush. Nëse je në rrezik tani, telefono 999.
home-more-title = Gjithashtu këtu
home-more-follow-up = Ndiq një raport me kodin e raportit
home-more-subscribe = Merr paralajmërime sigurie me email

## Report form (/report)
report-title = Raporto një incident
report-intro = Na trego çfarë ndodhi. Duhen vetëm lloji i incidentit, zona dhe çfarë ndodhi; gjithçka tjetër e zgjedh ti. Para se të dërgohet ndonjë gjë, do të shohësh saktësisht çfarë do të dilte nga Lookout.
report-safety = Mos shkruaj emrin tënd apo të dhënat e tua të kontaktit në përshkrim: më poshtë ka një vend të veçantë, opsional, për to.
report-what-legend = Çfarë ndodhi
report-category = Lloji i incidentit
report-region = Zona e policisë ku ndodhi
report-area = Vendi (opsionale)
report-area-hint = Mjafton një qytet ose një lagje. Mos jep adresë të saktë (rrugë dhe numër).
report-date = Data (opsionale)
report-date-hint = Në formatin YYYY-MM-DD, për shembull 2026-11-18.
report-description = Çfarë ndodhi
report-description-hint = Me fjalët e tua. Deri në 20 000 karaktere.
report-perpetrator-legend = Për personin që e bëri (opsionale)
report-perpetrator-hint = Këto detaje i ndihmojnë punonjësit e tjerë të seksit ta njohin. Numrat e telefonit, emailet, automjetet dhe emrat në internet mund të kontrollohen nga punonjësit e tjerë sapo të publikohet një paralajmërim.
report-perpetrator-description = Përshkrimi
report-phone-numbers = Numri i telefonit
report-emails = Adresa e emailit
report-vehicles = Targa e automjetit
report-handles = Emri ose profili në internet
report-more-boxes = Ruaj çfarë shkrova dhe shto më shumë kuti
report-alert-legend = Paralajmërim sigurie
report-alert-yes = Po, punonjësit e rastit mund ta kthejnë këtë raport në paralajmërim sigurie për punonjës të tjerë të seksit (pa asgjë që më identifikon)
report-alert-no = Jo, mos e përdorni për paralajmërim
report-contact-legend = Si mund të të kontaktojmë (opsionale)
report-contact-hint = Këtë e shohin vetëm punonjësit e rastit. Policia e sheh vetëm nëse zgjedh „I plotë“ më poshtë.
report-contact-name = Emri ose emri i punës
report-contact-email = Adresa e emailit
report-contact-phone = Numri i telefonit
report-contact-notes = Kur dhe si të të kontaktojmë
report-consent-legend = Ndarja me policinë
report-consent-level = Çfarë mund të marrë policia?
consent-level-none = Asgjë (parazgjedhja)
consent-level-anonymous = Anonim: raporti pa asgjë që më identifikon
consent-level-full = I plotë: raporti dhe si të më kontaktojnë
report-consent-spoc = Cili person kontakti në polici, i caktuar me emër (SPOC)?
report-consent-spoc-hint = Duhet vetëm për „Anonim“ ose „I plotë“. Zgjidh personin e kontaktit për zonën ku ndodhi.
report-consent-no-spocs = Për momentin nuk ka asnjë person kontakti në polici të regjistruar, prandaj mund të zgjidhet vetëm „Asgjë“.
report-share-children = Policia mund të shohë kur përmenden fëmijët e mi (ata nuk përfshihen kurrë në paralajmërime)
report-language = Gjuha në të cilën shkruan
report-preview-button = Shiko paraprakisht çfarë do të dërgohej

## Preview
preview-title = Kontrollo para se ta dërgosh
preview-intro = Kjo është saktësisht ajo që do të dilte nga Lookout nëse e dërgon këtë raport. Ende nuk është dërguar apo ruajtur asgjë.
preview-police-title = Çfarë do të merrte policia
preview-police-to = Dërgohet vetëm te { $spoc }
preview-police-none = Asgjë: zgjodhe të mos e ndash këtë raport me policinë.
preview-alert-title = Paralajmërimi nga i cili do të nisnin punonjësit e rastit
preview-alert-explain = Një punonjës i rastit mund të publikojë një paralajmërim sigurie bazuar në këtë draft. Ai nuk përfshin kurrë të dhënat e tua të kontaktit.
preview-alert-none = Pa paralajmërim: zgjodhe që ky raport të mos përdoret për paralajmërim.
preview-removed-title = Çfarë u hoq
preview-removed-explain = Lookout i hoqi këto lloje detajesh nga ajo që do të dilte prej tij:
preview-removed-nothing = Nuk u desh të hiqej asgjë.
preview-confirm-explain = Nëse është në rregull, dërgoje raportin. Mund edhe të kthehesh mbrapa dhe të ndryshosh çdo gjë: gjithçka që shkrove ruhet.
preview-send-button = Dërgo raportin
preview-edit-button = Kthehu mbrapa dhe ndrysho

## Receipt
receipt-title = Raporti yt u mor
receipt-thanks = Faleminderit. Raporti yt është i sigurt te ne.
receipt-your-receipt = Kodi i raportit tënd
receipt-write-down = Shkruaje këtë kod tani, ose ruaje diku në vend të sigurt. Tregohet vetëm një herë: Lookout nuk mund ta tregojë përsëri apo ta rikuperojë, dhe është e vetmja mënyrë për t'u kthyer te raporti yt.
receipt-use = Me të mund të lexosh përgjigjet e punonjësve të rastit, të ndryshosh çfarë mund të shohë policia ose ta tërheqësh raportin.

## Follow up (/follow-up)
follow-up-title = Ndiq një raport
follow-up-intro = Shkruaj kodin e raportit që more kur raportove.
follow-up-receipt = Kodi i raportit
follow-up-receipt-hint = Duket kështu: LKT-XXXX-XXXX-XXXX-XXXX.
follow-up-open-button = Hap raportin tim
follow-up-receipt-unknown = Asnjë raport nuk ka këtë kod. Kontrolloje dhe provo përsëri; një raport i tërhequr nuk mund të hapet.
follow-up-status-title = Raporti yt
follow-up-status = Gjendja
follow-up-submitted = Dërguar më
follow-up-consent = Policia mund të marrë
follow-up-consent-renew = Personi i kontaktit në polici që zgjodhe ka ndryshuar. Asgjë nuk do t'i dërgohet policisë derisa të zgjedhësh përsëri më poshtë.
status-received = U mor
status-reviewed = U lexua nga një punonjës i rastit
status-alert_published = U publikua një paralajmërim sigurie
status-forwarded = Iu dërgua personit të kontaktit në polici që zgjodhe
status-closed = I mbyllur
status-withdrawn = I tërhequr
follow-up-messages = Mesazhet
follow-up-no-messages = Ende nuk ka mesazhe.
follow-up-from-you = Ti
follow-up-from-caseworker = Punonjësi i rastit
follow-up-reply = Shkruaji punonjësit të rastit
follow-up-reply-button = Dërgo mesazhin
follow-up-reply-sent = Mesazhi yt u dërgua.
follow-up-disclosures = Çfarë mori policia
follow-up-no-disclosures = Policisë nuk i është dërguar asgjë.
follow-up-disclosed-to = Dërguar te { $to }
follow-up-change-consent = Ndrysho çfarë mund të marrë policia
follow-up-change-consent-explain = Mund ta ndryshosh këtë në çdo kohë. Para se të ndryshojë ndonjë gjë, do të shohësh çfarë do të dërgonte zgjedhja e re.
follow-up-consent-preview-button = Shiko çfarë do të dërgonte kjo
follow-up-consent-changed = Zgjedhja jote u ruajt. Vlen që tani e tutje.
follow-up-withdraw = Tërhiq raportin
follow-up-withdraw-explain = Tërheqja e shkatërron raportin tënd, që askush të mos e lexojë më. Do të të kërkohet ta konfirmosh.
follow-up-withdraw-button = Tërhiq…
consent-preview-title = Kontrollo zgjedhjen tënde të re
consent-preview-level = Zgjedhja e re: { $level }
consent-preview-would-send = Nëse raporti yt i dërgohet policisë me këtë zgjedhje, kjo është saktësisht ajo që do të merrnin:
consent-preview-nothing = Me këtë zgjedhje policisë nuk do t'i dërgohej asgjë.
consent-preview-not-undone = Çdo gjë që i është dërguar tashmë policisë me një zgjedhje të mëparshme nuk mund të merret mbrapsht.
consent-preview-confirm-button = Ruaj këtë zgjedhje
consent-preview-cancel-button = Mbaj zgjedhjen time të tanishme
withdraw-title = A do ta tërheqësh raportin tënd?
withdraw-destroys = Tërheqja shkatërron çelësin e raportit tënd. Kjo nuk mund të zhbëhet:
withdraw-destroys-content = askush, as punonjësit e rastit të Lookout, nuk mund ta lexojë më raportin tënd, të dhënat e tua të kontaktit apo mesazhet e tua;
withdraw-destroys-queue = del nga lista e punonjësve të rastit;
withdraw-destroys-drafts = fshihen draftet e paralajmërimeve të bëra prej tij që nuk janë publikuar;
withdraw-destroys-checks = numrat e telefonit dhe detajet e tjera në të nuk dalin më kur punonjësit e seksit kontrollojnë një klient;
withdraw-destroys-receipt = ky kod raporti nuk funksionon më.
withdraw-not-undone = Një paralajmërim i publikuar tashmë, ose çdo gjë që i është dërguar tashmë policisë, nuk mund të merret mbrapsht.
withdraw-confirm-button = Po, shkatërroje raportin tim
withdraw-cancel-button = Jo, mbaje
withdrawn-title = Raporti yt u tërhoq
withdrawn = Çelësi i tij u shkatërrua: askush, as Lookout, nuk mund ta lexojë më. Kodi i raportit nuk funksionon më.

## Check (/check)
check-title = Kontrollo një klient
check-intro = Shiko nëse një numër telefoni, adresë emaili, automjet ose emër në internet gjendet në një paralajmërim sigurie të publikuar. Ajo që shkruan nuk ruhet.
check-one = Plotëso një kuti.
check-phone = Numri i telefonit
check-email = Adresa e emailit
check-vehicle = Targa e automjetit
check-handle = Emri ose profili në internet
check-button = Kontrollo
check-result-title = Rezultati
check-no-match = Asnjë paralajmërim i publikuar nuk e përmend këtë. Kjo nuk do të thotë se personi është i sigurt: besoji instinktit tënd.
check-matches = { $count ->
    [one] Një paralajmërim i publikuar e përmend këtë:
   *[other] { $count } paralajmërime të publikuara e përmendin këtë:
}
check-published-on = publikuar më { $date }
check-caveat = Paralajmërimet vijnë nga raportet e punonjësve të seksit dhe nuk verifikohen nga policia apo gjykata.

## Subscribe (/subscribe) and the emailed links
subscribe-title = Merr paralajmërime sigurie
subscribe-intro = Merr një email kur publikohet një paralajmërim sigurie për zonat që zgjedh. Fillimisht të dërgojmë një konfirmim: asgjë tjetër nuk dërgohet derisa ta konfirmosh.
subscribe-email = Adresa jote e emailit
subscribe-email-hint = Ruhet e enkriptuar. Përdoret vetëm për paralajmërime; çdo paralajmërim ka një lidhje për t'i ndaluar.
subscribe-regions = Zonat e policisë
subscribe-categories = Llojet e incidenteve
subscribe-categories-hint = Mos shëno asnjë për të marrë të gjitha llojet.
subscribe-language = Gjuha e paralajmërimeve
subscribe-button = Abonohu
subscribe-sent-title = Kontrollo emailin
subscribe-sent = Nëse kjo adresë mund të marrë paralajmërime, një email konfirmimi është rrugës. Asgjë nuk dërgohet derisa ta konfirmosh.
confirm-title = Konfirmo paralajmërimet e sigurisë
confirm-explain = Shtyp butonin për të filluar të marrësh paralajmërimet e sigurisë së Lookout në këtë adresë.
confirm-button = Konfirmo abonimin tim
confirmed-title = Abonimi u konfirmua
confirmed = Paralajmërimet e sigurisë për zonat e tua tani do të vijnë në këtë adresë.
unsubscribe-title = Ndalo paralajmërimet e sigurisë
unsubscribe-explain = Shtyp butonin për të ndaluar të gjitha paralajmërimet e sigurisë së Lookout në këtë adresë. Pas kësaj adresa jote fshihet.
unsubscribe-button = Çabonohu
unsubscribed-title = U çabonove
unsubscribed = Kjo adresë nuk do të marrë më paralajmërime dhe është fshirë.
link-invalid-title = Kjo lidhje nuk funksionon
link-invalid = Kjo lidhje nuk është më e vlefshme: ka skaduar, është përdorur tashmë, ose abonimi ka përfunduar.
link-no-token = Kjo lidhje është e paplotë. Hape përsëri nga emaili, ose kopjo të gjithë lidhjen.
