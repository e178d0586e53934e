# E-mailurile pe care Lookout le trimite abonaților.

## E-mailul de alertă
email-safety-alert = Alertă de siguranță
email-alert-subject = { email-safety-alert }: { $category } — { $regions }
email-field = { $label }: { $value }
email-published = Publicat
email-phone-numbers = Numere de telefon
email-emails = Adrese de e-mail
email-vehicles = Vehicule
email-handles = Conturi online
email-why = Primești acest mesaj pentru că această adresă s-a abonat la alertele de siguranță Lookout.
email-unsubscribe = Dezabonare

## E-mailul de confirmare
email-confirm-subject = Confirmă alertele de siguranță Lookout
email-confirm-ask = Cineva (sperăm că tu) a cerut alerte de siguranță Lookout la această adresă. Ca să începi să le primești, confirmă aici:
email-confirm-ignore = Dacă nu ai fost tu, ignoră acest e-mail: nu se va mai trimite nimic.
