# The emails Lookout sends to subscribers, in English: the source every translation follows.
# Placeables ({ $name }) must keep their names in every language.

## The alert email
email-safety-alert = Safety alert
# The subject: { $category } is the kind of incident, { $regions } the police areas (comma-separated).
email-alert-subject = { email-safety-alert }: { $category } — { $regions }
# One labelled line, such as "Phone numbers: 07700 900123" (in Chinese, a full-width colon).
email-field = { $label }: { $value }
email-published = Published
email-phone-numbers = Phone numbers
email-emails = Email addresses
email-vehicles = Vehicles
email-handles = Online handles
email-why = You receive this because this address subscribed to Lookout safety alerts.
email-unsubscribe = Unsubscribe

## The confirmation email (double opt-in); the link follows email-confirm-ask
email-confirm-subject = Confirm your Lookout safety alerts
email-confirm-ask = Someone (we hope you) asked for Lookout safety alerts at this address. To start receiving them, confirm here:
email-confirm-ignore = If it was not you, ignore this email: nothing more will be sent.
