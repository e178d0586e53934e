# A Lookout által a feliratkozóknak küldött e-mailek.

## A figyelmeztető e-mail
email-safety-alert = Biztonsági figyelmeztetés
email-alert-subject = { email-safety-alert }: { $category } — { $regions }
email-field = { $label }: { $value }
email-published = Közzétéve
email-phone-numbers = Telefonszámok
email-emails = E-mail-címek
email-vehicles = Járművek
email-handles = Online felhasználónevek
email-why = Azért kapod ezt az üzenetet, mert ez a cím feliratkozott a Lookout biztonsági figyelmeztetéseire.
email-unsubscribe = Leiratkozás

## A megerősítő e-mail
email-confirm-subject = Erősítsd meg a Lookout biztonsági figyelmeztetéseit
email-confirm-ask = Valaki (reméljük, te) Lookout biztonsági figyelmeztetéseket kért erre a címre. Ha szeretnéd megkapni őket, itt erősítsd meg:
email-confirm-ignore = Ha nem te voltál, ne foglalkozz ezzel az e-maillel: többet nem küldünk.
