# A Lookout oldalai magyarul, az angol forrás (locales/en/pages.ftl) alapján.
# Placeables ({ $name }) must keep their names in every language.

## Every page
site-name = Lookout
skip-to-content = Ugrás a fő tartalomhoz
nav-label = Fő menü
nav-languages = Nyelv
nav-home = A Lookoutról
nav-report = Eset bejelentése
nav-follow-up = Bejelentés követése
nav-check = Ügyfél ellenőrzése
nav-subscribe = Biztonsági figyelmeztetések kérése
footer-privacy = A Lookout nem tárolja az IP-címedet, sem az eszközöd vagy a böngésződ adatait, nem használ sütiket, és nem futtat szkripteket. Amit írsz, azt titkosítjuk.
choose = Válassz…
form-has-errors = Néhány válaszon változtatni kell

## About (/)
home-title = Jelents biztonságosan. Figyelmeztesd a többieket. Te döntöd el, mit lát a rendőrség.
home-intro = A Lookout egy Ugly Mugs program: a szexmunkások és a segítő szervezetek, amelyekben megbíznak, névtelenül jelenthetik az erőszakot és más bűncselekményeket. A bejelentésekből biztonsági figyelmeztetések lesznek a többi szexmunkás számára, és egy ügyfél telefonszámát is ellenőrizheted, hogy szerepel-e bennük.
home-who-title = Ki működteti
home-who = A Lookoutot szexmunkásokat támogató segítő (outreach) szervezetek működtetik, nem a rendőrség és nem a kormány. A kódja nyílt forráskódú, így bárki ellenőrizheti, mit csinál.
home-protect-title = Hogyan védjük a bejelentésedet
home-protect-anonymous = Nem kell fiók, és nem kell nevet megadnod. Ehelyett egy bejelentési kódot kapsz: csak ezzel térhetsz vissza a bejelentésedhez.
home-protect-encrypted = Amit írsz, azonnal titkosítjuk, amint megérkezik. Az elérhetőségeidet, ha megadsz ilyet, külön titkosítjuk.
home-protect-firewall = Bevándorlási tűzfal a kódban: minden, ami bevándorlásról, állampolgárságról, vízumról vagy személyazonosító okmányokról szól, törlődik mindenből, ami elhagyja a Lookoutot, és soha semmi nem kerül a bevándorlási hatóságokhoz, a brit Belügyminisztériumhoz (Home Office) vagy a határőrséghez (Border Force).
home-protect-receipt = A bejelentési kódoddal elolvashatod a válaszokat, meggondolhatod magad a rendőrséggel kapcsolatban, vagy visszavonhatod a bejelentést, ami megsemmisíti a kulcsát, így senki sem olvashatja el újra.
home-protect-no-tracking = A Lookout nem tárol IP-címet, eszköz- vagy böngészőadatokat, és nem használ sütiket. Az oldalak kikapcsolt JavaScript mellett is működnek, a Tor Browserben is.
home-police-title = Mit kaphat meg a rendőrség, és mit nem
home-police-can = Csak ha te így döntesz: az általad kiválasztott, megnevezett rendőrségi kapcsolattartó (SPOC) megkapja a bejelentésedet úgy, hogy minden ki van belőle törölve, ami téged, más embereket vagy helyeket azonosíthatna, és – csak ha ezt is választod – egy módot arra, hogy kapcsolatba lépjen veled.
home-police-cannot = A rendőrség soha nem kapja meg a bejelentésedet a beleegyezésed nélkül, soha nem fér hozzá a Lookouthoz, és soha nem kap semmit a bevándorlásról vagy az állampolgárságról. Semmi nem kerül a rendőrség más részeihez vagy bárki máshoz.
consent-title = A beleegyezési nyilatkozat
consent-read-statement = Olvasd el a beleegyezési nyilatkozatot
consent-statement-intro = A Lookout soha nem osztja meg a bejelentésedet a rendőrséggel, hacsak te nem így döntesz, és semmilyen körülmények között nem osztja meg a bevándorlási hatóságokkal, a brit Belügyminisztériummal (Home Office) vagy a határőrséggel (Border Force). Három szint közül választhatsz egyet, és a bejelentési kódoddal bármikor megváltoztathatod vagy visszavonhatod a döntésedet.
consent-statement-none = Semmit (ez az alapbeállítás): a bejelentésedből semmi nem kerül a rendőrséghez. Az esetkezelők ettől még felhasználhatják – mindent kitörölve belőle, ami téged azonosíthatna – arra, hogy figyelmeztessék a többi szexmunkást.
consent-statement-anonymous = Névtelen: az általad kiválasztott, megnevezett rendőrségi kapcsolattartó (SPOC) úgy kapja meg a bejelentésedet, hogy ki van belőle törölve az elérhetőséged, minden, ami a bevándorlásról vagy az állampolgárságról szól, és minden más részlet, ami azonosíthatna téged. Semmilyen módot nem kap arra, hogy kapcsolatba lépjen veled.
consent-statement-full = Teljes: az általad kiválasztott, megnevezett SPOC ugyanezt a bejelentést kapja meg, és mellé az általad választott kapcsolattartási módot: téged közvetlenül, vagy azt a segítő szervezetet, amely továbbította a bejelentésedet. Ha ezt a SPOC-ot lecserélik, semmit nem küldünk el, amíg az új személyhez újra bele nem egyezel.
consent-statement-limits = Korlátok: ha valamit már elküldtünk egy SPOC-nak, a Lookout nem tudja visszavenni; hogy a rendőrség mit kezd vele, arra onnantól az ő szabályaik vonatkoznak, nem a mieink. Mielőtt beleegyezel, pontosan megnézheted, mi kerülne elküldésre. A Lookout titkosítva tárolja a bejelentésedet, és nem tárol IP-címet, eszköz- vagy böngészőadatokat; a bejelentés visszavonása megsemmisíti a kulcsát, így senki sem tudja újra elolvasni, még mi sem.
home-limits-title = A titoktartás határai
home-limits = A Lookout védi azt, amit tárol, de nem tudja megvédeni azt, ami már kikerült tőle: egy figyelmeztetést, amelyet más szexmunkások olvasnak, vagy egy bejelentést, amelynek a rendőrséghez küldésébe beleegyeztél. Egy bíróság elrendelheti, hogy a Lookoutot működtető szervezetek adják ki, amit tárolnak; ez titkosítva van, és egy visszavont bejelentést senki sem tud elolvasni. Ha most veszélyben vagy, hívd a 999-et.
home-more-title = Itt még ezt is megtalálod
home-more-follow-up = Bejelentés követése a bejelentési kódoddal
home-more-subscribe = Biztonsági figyelmeztetések kérése e-mailben

## Report form (/report)
report-title = Eset bejelentése
report-intro = Mondd el, mi történt. Csak az eset típusa, a terület és az, hogy mi történt, kötelező; minden más rajtad múlik. Mielőtt bármit elküldenénk, pontosan látni fogod, mi hagyná el a Lookoutot.
report-safety = Ne írd a leírásba a saját nevedet vagy elérhetőségedet: lent van erre egy külön, nem kötelező rész.
report-what-legend = Mi történt
report-category = Az eset típusa
report-region = Rendőrségi körzet, ahol történt
report-area = Terület (nem kötelező)
report-area-hint = Elég egy város vagy kerület. Ne adj meg pontos címet (utcát, házszámot).
report-date = Dátum (nem kötelező)
report-date-hint = YYYY-MM-DD formában, például 2026-11-18.
report-description = Mi történt
report-description-hint = A saját szavaiddal. Legfeljebb 20 000 karakter.
report-perpetrator-legend = Arról, aki tette (nem kötelező)
report-perpetrator-hint = Ezek a részletek segítenek a többi szexmunkásnak felismerni őt. A telefonszámokat, e-mail-címeket, járműveket és online neveket a többiek ellenőrizhetik, miután egy figyelmeztetés megjelent.
report-perpetrator-description = Személyleírás
report-phone-numbers = Telefonszám
report-emails = E-mail-cím
report-vehicles = Rendszám
report-handles = Online név vagy profil
report-more-boxes = Amit beírtam, maradjon meg, és kérek még mezőket
report-alert-legend = Biztonsági figyelmeztetés
report-alert-yes = Igen, az esetkezelők biztonsági figyelmeztetést készíthetnek ebből a bejelentésből a többi szexmunkás számára (minden olyan adat nélkül, ami azonosítana engem)
report-alert-no = Nem, ne használják fel figyelmeztetéshez
report-contact-legend = Hogyan érhetünk el (nem kötelező)
report-contact-hint = Ezt csak az esetkezelők látják. A rendőrség csak akkor látja, ha lent a „Teljes” szintet választod.
report-contact-name = Név vagy munkanév
report-contact-email = E-mail-cím
report-contact-phone = Telefonszám
report-contact-notes = Mikor és hogyan lehet veled kapcsolatba lépni
report-consent-legend = Megosztás a rendőrséggel
report-consent-level = Mit kaphat meg a rendőrség?
consent-level-none = Semmit (ez az alapbeállítás)
consent-level-anonymous = Névtelen: a bejelentés, minden olyan adat nélkül, ami azonosítana engem
consent-level-full = Teljes: a bejelentés, és az, hogyan érhetnek el engem
report-consent-spoc = Melyik megnevezett rendőrségi kapcsolattartó (SPOC)?
report-consent-spoc-hint = Csak a „Névtelen” vagy a „Teljes” szinthez kell. Annak a területnek a kapcsolattartóját válaszd, ahol történt.
report-consent-no-spocs = Jelenleg nincs regisztrált rendőrségi kapcsolattartó, ezért csak a „Semmit” lehetőség választható.
report-share-children = A rendőrség láthatja, ha a gyerekeimet említem (ezek soha nem kerülnek figyelmeztetésekbe)
report-language = A nyelv, amelyen írsz
report-preview-button = Nézd meg, mit küldenénk el

## Preview
preview-title = Ellenőrizd, mielőtt elküldöd
preview-intro = Pontosan ez hagyná el a Lookoutot, ha elküldöd ezt a bejelentést. Még semmit nem küldtünk el és nem mentettünk.
preview-police-title = Mit kapna meg a rendőrség
preview-police-to = Csak neki küldjük el: { $spoc }
preview-police-none = Semmit: úgy döntöttél, hogy ezt a bejelentést nem osztod meg a rendőrséggel.
preview-alert-title = A figyelmeztetés, amelyből az esetkezelők kiindulnának
preview-alert-explain = Egy esetkezelő e vázlat alapján biztonsági figyelmeztetést tehet közzé. Ez soha nem tartalmazza az elérhetőségedet.
preview-alert-none = Nincs figyelmeztetés: úgy döntöttél, hogy ezt a bejelentést nem lehet figyelmeztetéshez felhasználni.
preview-removed-title = Mit töröltünk
preview-removed-explain = A Lookout ezeket a fajta részleteket törölte abból, ami elhagyná:
preview-removed-nothing = Semmit nem kellett törölni.
preview-confirm-explain = Ha így jó, küldd el a bejelentést. Vissza is mehetsz, és bármit megváltoztathatsz: minden, amit beírtál, megmarad.
preview-send-button = Bejelentés elküldése
preview-edit-button = Vissza a szerkesztéshez

## Receipt
receipt-title = Megkaptuk a bejelentésedet
receipt-thanks = Köszönjük. A bejelentésed biztonságban van nálunk.
receipt-your-receipt = A bejelentési kódod
receipt-write-down = Írd fel ezt a kódot most, vagy tedd el biztonságos helyre. Csak egyszer jelenik meg: a Lookout nem tudja újra megmutatni vagy visszaállítani, és csak ezzel térhetsz vissza a bejelentésedhez.
receipt-use = Ezzel elolvashatod az esetkezelők válaszait, megváltoztathatod, mit láthat a rendőrség, vagy visszavonhatod a bejelentésedet.

## Follow up (/follow-up)
follow-up-title = Bejelentés követése
follow-up-intro = Add meg a bejelentési kódot, amelyet a bejelentéskor kaptál.
follow-up-receipt = Bejelentési kód
follow-up-receipt-hint = Így néz ki: LKT-XXXX-XXXX-XXXX-XXXX.
follow-up-open-button = Bejelentésem megnyitása
follow-up-receipt-unknown = Ehhez a kódhoz nem tartozik bejelentés. Ellenőrizd, és próbáld újra; egy visszavont bejelentést nem lehet megnyitni.
follow-up-status-title = A bejelentésed
follow-up-status = Állapot
follow-up-submitted = Elküldve
follow-up-consent = A rendőrség ezt kaphatja meg
follow-up-consent-renew = Az általad választott rendőrségi kapcsolattartó megváltozott. Semmit nem küldünk a rendőrségnek, amíg lent újra nem választasz.
status-received = Beérkezett
status-reviewed = Egy esetkezelő elolvasta
status-alert_published = Biztonsági figyelmeztetés jelent meg
status-forwarded = Elküldve az általad választott rendőrségi kapcsolattartónak
status-closed = Lezárva
status-withdrawn = Visszavonva
follow-up-messages = Üzenetek
follow-up-no-messages = Még nincsenek üzenetek.
follow-up-from-you = Te
follow-up-from-caseworker = Esetkezelő
follow-up-reply = Írj az esetkezelőnek
follow-up-reply-button = Üzenet küldése
follow-up-reply-sent = Az üzenetedet elküldtük.
follow-up-disclosures = Mit kapott meg a rendőrség
follow-up-no-disclosures = Semmit nem küldtünk a rendőrségnek.
follow-up-disclosed-to = Címzett: { $to }
follow-up-change-consent = Változtass azon, mit kaphat meg a rendőrség
follow-up-change-consent-explain = Ezt bármikor megváltoztathatod. Mielőtt bármi megváltozna, látni fogod, mit küldene el az új választásod.
follow-up-consent-preview-button = Nézd meg, mit küldene el ez a választás
follow-up-consent-changed = A választásodat elmentettük. Mostantól érvényes.
follow-up-withdraw = A bejelentés visszavonása
follow-up-withdraw-explain = A visszavonás megsemmisíti a bejelentésedet, így senki sem olvashatja el újra. Meg kell majd erősítened.
follow-up-withdraw-button = Visszavonás…
consent-preview-title = Ellenőrizd az új választásodat
consent-preview-level = Új választás: { $level }
consent-preview-would-send = Ha a bejelentésedet ezzel a választással elküldjük a rendőrségnek, pontosan ezt kapják meg:
consent-preview-nothing = Ezzel a választással semmi nem kerülne a rendőrséghez.
consent-preview-not-undone = Amit egy korábbi választás alapján már elküldtünk a rendőrségnek, azt nem lehet visszavenni.
consent-preview-confirm-button = Választás mentése
consent-preview-cancel-button = Maradjon a mostani választásom
withdraw-title = Visszavonod a bejelentésedet?
withdraw-destroys = A visszavonás megsemmisíti a bejelentésed kulcsát. Ezt nem lehet visszacsinálni:
withdraw-destroys-content = senki, a Lookout esetkezelőit is beleértve, nem olvashatja el többé a bejelentésedet, az elérhetőségeidet vagy az üzeneteidet;
withdraw-destroys-queue = lekerül az esetkezelők listájáról;
withdraw-destroys-drafts = törlődnek a belőle készült, közzé nem tett figyelmeztetés-vázlatok;
withdraw-destroys-checks = a benne lévő telefonszámok és más részletek többé nem adnak találatot, amikor szexmunkások ellenőriznek egy ügyfelet;
withdraw-destroys-receipt = ez a bejelentési kód többé nem működik.
withdraw-not-undone = Egy már közzétett figyelmeztetést, vagy bármit, amit már elküldtünk a rendőrségnek, nem lehet visszavenni.
withdraw-confirm-button = Igen, megsemmisítem a bejelentésemet
withdraw-cancel-button = Nem, maradjon meg
withdrawn-title = Visszavontad a bejelentésedet
withdrawn = A kulcsát megsemmisítettük: senki, a Lookoutot is beleértve, nem olvashatja el újra. A bejelentési kód többé nem működik.

## Check (/check)
check-title = Ügyfél ellenőrzése
check-intro = Nézd meg, szerepel-e egy telefonszám, e-mail-cím, jármű vagy online név valamelyik közzétett biztonsági figyelmeztetésben. Amit beírsz, azt nem tároljuk.
check-one = Egy mezőt tölts ki.
check-phone = Telefonszám
check-email = E-mail-cím
check-vehicle = Rendszám
check-handle = Online név vagy profil
check-button = Ellenőrzés
check-result-title = Eredmény
check-no-match = Egyetlen közzétett figyelmeztetés sem említi ezt. Ez nem jelenti azt, hogy az illető biztonságos: bízz a megérzéseidben.
check-matches = { $count ->
    [one] Egy közzétett figyelmeztetés említi ezt:
   *[other] { $count } közzétett figyelmeztetés említi ezt:
}
check-published-on = közzétéve: { $date }
check-caveat = A figyelmeztetések szexmunkások bejelentéseiből származnak, és sem a rendőrség, sem bíróság nem ellenőrizte őket.

## Subscribe (/subscribe) and the emailed links
subscribe-title = Biztonsági figyelmeztetések kérése
subscribe-intro = Kapj e-mailt, amikor biztonsági figyelmeztetés jelenik meg az általad választott területekre. Először egy megerősítő e-mailt küldünk: amíg nem erősíted meg, semmi mást nem küldünk.
subscribe-email = Az e-mail-címed
subscribe-email-hint = Titkosítva tároljuk. Csak figyelmeztetésekhez használjuk; minden figyelmeztetésben van egy link, amellyel leállíthatod őket.
subscribe-regions = Rendőrségi körzetek
subscribe-categories = Esettípusok
subscribe-categories-hint = Ha egyiket sem jelölöd be, minden típust megkapsz.
subscribe-language = A figyelmeztetések nyelve
subscribe-button = Feliratkozás
subscribe-sent-title = Nézd meg az e-mailjeidet
subscribe-sent = Ha erre a címre lehet figyelmeztetéseket küldeni, úton van egy megerősítő e-mail. Amíg nem erősíted meg, semmit nem küldünk.
confirm-title = Erősítsd meg a biztonsági figyelmeztetéseidet
confirm-explain = Nyomd meg a gombot, és erre a címre megkapod a Lookout biztonsági figyelmeztetéseit.
confirm-button = Feliratkozásom megerősítése
confirmed-title = Feliratkozás megerősítve
confirmed = A területeidre vonatkozó biztonsági figyelmeztetések mostantól erre a címre érkeznek.
unsubscribe-title = Biztonsági figyelmeztetések leállítása
unsubscribe-explain = Nyomd meg a gombot, és leállítjuk az összes Lookout biztonsági figyelmeztetést erre a címre. Ezután töröljük a címedet.
unsubscribe-button = Leiratkozás
unsubscribed-title = Leiratkoztál
unsubscribed = Erre a címre nem érkezik több figyelmeztetés, és a címet töröltük.
link-invalid-title = Ez a link nem működik
link-invalid = Ez a link már nem érvényes: lejárt, már felhasználták, vagy a feliratkozás megszűnt.
link-no-token = Ez a link hiányos. Nyisd meg újra az e-mailből, vagy másold ki a teljes linket.
