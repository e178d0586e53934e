# What a page says beside a field that needs changing, and the error pages.

error-required = Това е задължително.
error-too-long = Твърде дълго е: най-много { $max } знака.
error-too-many = Твърде много са: най-много { $max }.
error-control-characters = Съдържа знаци, които не могат да се използват (контролни знаци).
error-consent-level = Избери едно от трите нива.
error-consent-spoc-absent = Лице за контакт в полицията се избира само при „Анонимно“ или „Пълно“.
error-consent-spoc = Избери лице за контакт в полицията от списъка.
error-consent-spoc-required = Избери кое лице за контакт в полицията може да го получи.
error-statement-version = Декларацията за съгласие е променена. Прочети я отново и избери отново.
error-email = Въведи имейл адрес, например name@example.org.
error-phone = Въведи телефонен номер.
error-category = Избери вида на инцидента.
error-region = Избери полицейския район.
error-language = Избери език от списъка.
error-contact-for-full = При „Пълно“ споделяне полицията получава начин да се свърже с теб: попълни поне един начин за връзка по-долу или избери „Анонимно“.
error-full-needs-contact = В този сигнал няма данни за контакт, затова не може да се избере „Пълно“: избери „Анонимно“.
error-date = Въведи датата във формат YYYY-MM-DD (година-месец-ден), например 2026-11-18.
error-date-future = Датата не може да е в бъдещето.
error-date-past = Датата трябва да е след 1970 г.
error-check-one = Попълни точно едно поле.
error-regions = Избери поне един полицейски район.
error-categories = Избери видове инциденти от списъка или не отмятай нищо, за да получаваш всички видове.
error-share-children-later = Това може да се избере само когато се подава сигналът.
error-firewall-field = Lookout не приема данни за имиграция, националност или документи за самоличност.

error-rate-limited-title = Твърде много заявки
error-rate-limited = От тук дойдоха твърде много заявки за кратко време. Изчакай минута и опитай отново. Нищо не е запазено.
error-unavailable-title = Lookout е претоварен
error-unavailable = Lookout не може да направи това в момента. Опитай отново след няколко минути.
error-not-found-title = Страницата не е намерена
error-not-found = Тук няма страница. Използвай връзките по-горе.
error-bad-request-title = Нещо не беше наред с формуляра
error-bad-request = Формулярът не можа да бъде прочетен. Върни се и опитай отново.
error-internal-title = Нещо се обърка
error-internal = Нещо се обърка от наша страна. Опитай отново по-късно.

## Kinds of content the firewall removes, shown in the preview
removed-immigration-reference = споменавания на имиграция
removed-identity-document-number = номера на документи за самоличност
removed-nationality-or-country-of-origin = националност или страна на произход
removed-home-workplace-or-premises = домове, работни места или помещения
removed-street-address = адреси (улица и номер)
removed-other-people-co-workers-family-helpers = други хора (колеги, семейство, хора, които помагат)
removed-children = деца
removed-reporter-name = твоето име
removed-reporter-email-address = твоят имейл адрес
removed-reporter-phone-number = твоят телефонен номер
removed-email-address = имейл адреси
removed-phone-number = телефонни номера
removed-full-postcode = пълни пощенски кодове
removed-exact-time = точни часове
removed-names-or-initials-of-other-people = имена или инициали на други хора
removed-removed-by-the-caseworker = части, премахнати от консултанта
