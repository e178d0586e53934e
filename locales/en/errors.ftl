# What a page says beside a field that needs changing, and the error pages.

error-required = This is required.
error-too-long = This is too long: at most { $max } characters.
error-too-many = Too many: at most { $max }.
error-control-characters = This contains characters that cannot be used (control characters).
error-consent-level = Choose one of the three levels.
error-consent-spoc-absent = A police contact is only chosen with Anonymous or Full.
error-consent-spoc = Choose a police contact from the list.
error-consent-spoc-required = Choose which police contact may receive it.
error-statement-version = The consent statement has changed. Read it again and choose again.
error-email = Enter an email address, like name@example.org.
error-phone = Enter a phone number.
error-category = Choose the kind of incident.
error-region = Choose the police area.
error-language = Choose a language from the list.
error-contact-for-full = Full sharing gives police a way to contact you: fill in at least one way below, or choose Anonymous.
error-full-needs-contact = This report has no contact details, so Full cannot be chosen: choose Anonymous.
error-date = Enter the date as YYYY-MM-DD, for example 2026-11-18.
error-date-future = The date cannot be in the future.
error-date-past = The date must be after 1970.
error-check-one = Fill in exactly one box.
error-regions = Choose at least one police area.
error-categories = Choose kinds of incident from the list, or leave all unticked for every kind.
error-share-children-later = This can only be chosen when the report is made.
error-firewall-field = Lookout does not accept immigration, nationality or identity-document details.

error-rate-limited-title = Too many requests
error-rate-limited = Too many requests came from here in a short time. Wait a minute and try again. Nothing was saved.
error-unavailable-title = Lookout is busy
error-unavailable = Lookout cannot do this right now. Try again in a few minutes.
error-not-found-title = Page not found
error-not-found = There is no page here. Use the links above.
error-bad-request-title = Something was wrong with the form
error-bad-request = The form could not be read. Go back and try again.
error-internal-title = Something went wrong
error-internal = Something went wrong on our side. Try again later.

## Kinds of content the firewall removes, shown in the preview
removed-immigration-reference = immigration references
removed-identity-document-number = identity document numbers
removed-nationality-or-country-of-origin = nationality or country of origin
removed-home-workplace-or-premises = homes, workplaces or premises
removed-street-address = street addresses
removed-other-people-co-workers-family-helpers = other people (co-workers, family, helpers)
removed-children = children
removed-reporter-name = your name
removed-reporter-email-address = your email address
removed-reporter-phone-number = your phone number
removed-email-address = email addresses
removed-phone-number = phone numbers
removed-full-postcode = full postcodes
removed-exact-time = exact times
removed-names-or-initials-of-other-people = names or initials of other people
removed-removed-by-the-caseworker = parts removed by the caseworker
