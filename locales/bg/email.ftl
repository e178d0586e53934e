# Имейлите, които Lookout изпраща на абонатите.

## Имейлът с предупреждение
email-safety-alert = Предупреждение за безопасност
email-alert-subject = { email-safety-alert }: { $category } — { $regions }
email-field = { $label }: { $value }
email-published = Публикувано
email-phone-numbers = Телефонни номера
email-emails = Имейл адреси
email-vehicles = Превозни средства
email-handles = Онлайн профили
email-why = Получаваш този имейл, защото този адрес е абониран за предупрежденията за безопасност на Lookout.
email-unsubscribe = Отписване

## Имейлът за потвърждение
email-confirm-subject = Потвърди абонамента си за предупрежденията за безопасност на Lookout
email-confirm-ask = Някой (надяваме се, че си ти) поиска предупреждения за безопасност от Lookout на този адрес. За да започнеш да ги получаваш, потвърди тук:
email-confirm-ignore = Ако това не си ти, не обръщай внимание на този имейл: нищо повече няма да бъде изпратено.
