# Wiadomości, które Lookout wysyła do osób zapisanych na alerty.

## Wiadomość z alertem
email-safety-alert = Alert bezpieczeństwa
email-alert-subject = { email-safety-alert }: { $category } — { $regions }
email-field = { $label }: { $value }
email-published = Opublikowano
email-phone-numbers = Numery telefonów
email-emails = Adresy e-mail
email-vehicles = Pojazdy
email-handles = Profile internetowe
email-why = Ta wiadomość przychodzi, bo ten adres zapisano na alerty bezpieczeństwa Lookout.
email-unsubscribe = Wypisz się

## Wiadomość z potwierdzeniem
email-confirm-subject = Potwierdź alerty bezpieczeństwa Lookout
email-confirm-ask = Ktoś (mamy nadzieję, że Ty) poprosił o alerty bezpieczeństwa Lookout na ten adres. Aby zacząć je otrzymywać, potwierdź tutaj:
email-confirm-ignore = Jeśli to nie Ty, zignoruj tę wiadomość: nic więcej nie zostanie wysłane.
