# Email-et që Lookout u dërgon personave të abonuar.

## Email-i i paralajmërimit
email-safety-alert = Paralajmërim sigurie
email-alert-subject = { email-safety-alert }: { $category } — { $regions }
email-field = { $label }: { $value }
email-published = Publikuar
email-phone-numbers = Numra telefoni
email-emails = Adresa email-i
email-vehicles = Automjete
email-handles = Profile online
email-why = E merr këtë mesazh sepse kjo adresë është abonuar te paralajmërimet e sigurisë të Lookout.
email-unsubscribe = Çregjistrohu

## Email-i i konfirmimit
email-confirm-subject = Konfirmo paralajmërimet e sigurisë të Lookout
email-confirm-ask = Dikush (shpresojmë që ti) kërkoi paralajmërime sigurie nga Lookout në këtë adresë. Për të filluar t'i marrësh, konfirmo këtu:
email-confirm-ignore = Nëse nuk ishe ti, mos i kushto rëndësi këtij email-i: nuk do të dërgohet asgjë më shumë.
