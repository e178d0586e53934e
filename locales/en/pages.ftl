# Lookout's pages, in English: the source every translation follows.
# Placeables ({ $name }) must keep their names in every language.

## Every page
site-name = Lookout
skip-to-content = Skip to the main content
nav-label = Main
nav-languages = Language
nav-home = About Lookout
nav-report = Report an incident
nav-follow-up = Follow up a report
nav-check = Check a client
nav-subscribe = Get safety alerts
footer-privacy = Lookout keeps no record of your IP address, device or browser, sets no cookies and runs no scripts. What you write is encrypted.
choose = Choose…
form-has-errors = Some answers need changing

## About (/)
home-title = Report safely. Warn others. You decide what police see.
home-intro = Lookout is an Ugly Mugs scheme: sex workers, and the outreach organisations they trust, report violence and other crimes anonymously. Reports become safety alerts for other workers, and you can check a client's number against them.
home-who-title = Who runs it
home-who = Lookout is run by outreach organisations that support sex workers, not by the police or the government. Its code is open source, so anyone can check what it does.
home-protect-title = How your report is protected
home-protect-anonymous = No account and no name needed. You get a receipt code instead: it is the only way back to your report.
home-protect-encrypted = What you write is encrypted as soon as it arrives. Your contact details, if you give any, are encrypted separately.
home-protect-firewall = An immigration firewall in the code: anything about immigration, nationality, visas or identity documents is removed from everything that leaves Lookout, and nothing is ever sent to immigration enforcement, the Home Office or Border Force.
home-protect-receipt = With your receipt you can read replies, change your mind about police, or withdraw the report, which destroys its key so nobody can read it again.
home-protect-no-tracking = Lookout keeps no IP address, device or browser details and sets no cookies. The pages work with JavaScript turned off, including in Tor Browser.
home-police-title = What police can and cannot receive
home-police-can = Only if you choose to: the named police contact (SPOC) you pick receives your report with anything that could identify you, other people or places removed, and, only if you also choose it, a way to contact you.
home-police-cannot = Police never receive your report without your consent, never get access to Lookout, and never receive anything about immigration or nationality. Nothing goes to any other part of the police, or to anyone else.
consent-title = The consent statement
consent-read-statement = Read the consent statement
consent-statement-intro = Lookout never shares your report with the police unless you choose to, and never with immigration enforcement, the Home Office or Border Force under any circumstances. You choose one of three levels, and you can change or withdraw your choice at any time with your receipt.
consent-statement-none = None (the default): nothing about your report is sent to the police. Caseworkers may still use it, with anything that could identify you removed, to warn other workers.
consent-statement-anonymous = Anonymous: the named police contact (SPOC) you pick receives your report with your contact details, anything about immigration or nationality, and other details that could identify you removed. They get no way to contact you.
consent-statement-full = Full: the named SPOC you pick receives the same report plus the contact route you chose: yourself, or the outreach organisation that relayed your report. If that SPOC is replaced, nothing is sent until you agree again for the new person.
consent-statement-limits = Limits: once something has been sent to a SPOC, Lookout cannot take it back; what the police do with it is then under their rules, not ours. Before you agree you can preview exactly what would be sent. Lookout keeps your report encrypted and stores no address, device or browser details; withdrawing your report destroys its key so that nobody, including us, can read it again.
home-limits-title = The limits of confidentiality
home-limits = Lookout protects what it holds, but cannot protect what has already left it: an alert other workers read, or a report you agreed to send to police. A court could order the organisations running Lookout to hand over what they hold; it is encrypted, and a withdrawn report cannot be read by anyone. If you are in danger now, call 999.
home-more-title = Also here
home-more-follow-up = Follow up a report with your receipt
home-more-subscribe = Get safety alerts by email

## Report form (/report)
report-title = Report an incident
report-intro = Tell us what happened. Only the kind of incident, the region and what happened are needed; everything else is your choice. You will see exactly what would leave Lookout before anything is sent.
report-safety = Do not put your own name or contact details in the description: there is a separate, optional place for them below.
report-what-legend = What happened
report-category = Kind of incident
report-region = Police area where it happened
report-area = Area (optional)
report-area-hint = A town or district is enough. Do not give a street address.
report-date = Date (optional)
report-date-hint = As YYYY-MM-DD, for example 2026-11-18.
report-description = What happened
report-description-hint = In your own words. Up to 20,000 characters.
report-perpetrator-legend = About the person who did it (optional)
report-perpetrator-hint = These details help other workers recognise him. Phone numbers, emails, vehicles and online names can be checked by other workers once an alert is published.
report-perpetrator-description = Description
report-phone-numbers = Phone number
report-emails = Email address
report-vehicles = Vehicle registration
report-handles = Online name or profile
report-more-boxes = Keep what I typed and add more boxes
report-alert-legend = Safety alert
report-alert-yes = Yes, caseworkers may turn this report into a safety alert for other workers (without anything that identifies me)
report-alert-no = No, do not use it for an alert
report-contact-legend = How we can reach you (optional)
report-contact-hint = Only caseworkers see this. Police see it only if you choose "Full" below.
report-contact-name = Name or working name
report-contact-email = Email address
report-contact-phone = Phone number
report-contact-notes = When and how to contact you
report-consent-legend = Sharing with police
report-consent-level = What may police receive?
consent-level-none = Nothing (the default)
consent-level-anonymous = Anonymous: the report without anything that identifies me
consent-level-full = Full: the report and how to contact me
report-consent-spoc = Which named police contact (SPOC)?
report-consent-spoc-hint = Only needed for Anonymous or Full. Choose the contact for the area where it happened.
report-consent-no-spocs = No police contact is registered at the moment, so only "Nothing" can be chosen.
report-share-children = Police may see mentions of my children (they are never in alerts)
report-language = Language you write in
report-preview-button = Preview what would be sent

## Preview
preview-title = Check before you send
preview-intro = This is exactly what would leave Lookout if you send this report. Nothing has been sent or saved yet.
preview-police-title = What police would receive
preview-police-to = Sent only to { $spoc }
preview-police-none = Nothing: you chose not to share this report with police.
preview-alert-title = The alert caseworkers would start from
preview-alert-explain = A caseworker may publish a safety alert based on this draft. It never includes your contact details.
preview-alert-none = No alert: you chose not to have this report used for one.
preview-removed-title = What was removed
preview-removed-explain = Lookout removed these kinds of details from what would leave it:
preview-removed-nothing = Nothing needed removing.
preview-confirm-explain = If this is right, send the report. You can also go back and change anything: everything you typed is kept.
preview-send-button = Send the report
preview-edit-button = Go back and edit

## Receipt
receipt-title = Your report was received
receipt-thanks = Thank you. Your report is safe with us.
receipt-your-receipt = Your receipt
receipt-write-down = Write this receipt down now, or keep it somewhere safe. It is shown only once: Lookout cannot show it again or recover it, and it is the only way back to your report.
receipt-use = With it you can read replies from caseworkers, change what police may see, or withdraw your report.

## Follow up (/follow-up)
follow-up-title = Follow up a report
follow-up-intro = Enter the receipt you were given when you reported.
follow-up-receipt = Receipt
follow-up-receipt-hint = It looks like LKT-XXXX-XXXX-XXXX-XXXX.
follow-up-open-button = Open my report
follow-up-receipt-unknown = No report has this receipt. Check it and try again; a withdrawn report cannot be opened.
follow-up-status-title = Your report
follow-up-status = Status
follow-up-submitted = Sent on
follow-up-consent = Police may receive
follow-up-consent-renew = The police contact you chose has changed. Nothing will be sent to police until you choose again below.
status-received = Received
status-reviewed = Read by a caseworker
status-alert_published = A safety alert was published
status-forwarded = Sent to the police contact you chose
status-closed = Closed
status-withdrawn = Withdrawn
follow-up-messages = Messages
follow-up-no-messages = No messages yet.
follow-up-from-you = You
follow-up-from-caseworker = Caseworker
follow-up-reply = Write to the caseworker
follow-up-reply-button = Send message
follow-up-reply-sent = Your message was sent.
follow-up-disclosures = What police received
follow-up-no-disclosures = Nothing has been sent to police.
follow-up-disclosed-to = Sent to { $to }
follow-up-change-consent = Change what police may receive
follow-up-change-consent-explain = You can change this at any time. You will see what the new choice would send before anything changes.
follow-up-consent-preview-button = See what this would send
follow-up-consent-changed = Your choice was saved. It applies from now on.
follow-up-withdraw = Withdraw the report
follow-up-withdraw-explain = Withdrawing destroys your report so nobody can read it again. You will be asked to confirm.
follow-up-withdraw-button = Withdraw…
consent-preview-title = Check your new choice
consent-preview-level = New choice: { $level }
consent-preview-would-send = If your report is sent to police under this choice, this is exactly what they would receive:
consent-preview-nothing = With this choice nothing would be sent to police.
consent-preview-not-undone = Anything already sent to police under an earlier choice cannot be taken back.
consent-preview-confirm-button = Save this choice
consent-preview-cancel-button = Keep my current choice
withdraw-title = Withdraw your report?
withdraw-destroys = Withdrawing destroys the key of your report. This cannot be undone:
withdraw-destroys-content = nobody, including Lookout's caseworkers, can read your report, your contact details or your messages again;
withdraw-destroys-queue = it leaves the caseworkers' list;
withdraw-destroys-drafts = alert drafts made from it that were not published are deleted;
withdraw-destroys-checks = the phone numbers and other details in it no longer match when workers check a client;
withdraw-destroys-receipt = this receipt stops working.
withdraw-not-undone = An alert already published, or anything already sent to police, cannot be taken back.
withdraw-confirm-button = Yes, destroy my report
withdraw-cancel-button = No, keep it
withdrawn-title = Your report was withdrawn
withdrawn = Its key has been destroyed: nobody, including Lookout, can read it again. The receipt no longer works.

## Check (/check)
check-title = Check a client
check-intro = See whether a phone number, email address, vehicle or online name is in a published safety alert. What you type is not stored.
check-one = Fill in one box.
check-phone = Phone number
check-email = Email address
check-vehicle = Vehicle registration
check-handle = Online name or profile
check-button = Check
check-result-title = Result
check-no-match = No published alert mentions this. That does not mean the person is safe: trust your instincts.
check-matches = { $count ->
    [one] One published alert mentions this:
   *[other] { $count } published alerts mention this:
}
check-published-on = published { $date }
check-caveat = Alerts come from workers' reports and are not checked by police or a court.

## Subscribe (/subscribe) and the emailed links
subscribe-title = Get safety alerts
subscribe-intro = Get an email when a safety alert is published for the areas you choose. We send a confirmation first: nothing else is sent until you confirm.
subscribe-email = Your email address
subscribe-email-hint = Kept encrypted. Used only for alerts; every alert has a link to stop them.
subscribe-regions = Police areas
subscribe-categories = Kinds of incident
subscribe-categories-hint = Leave all unticked to get every kind.
subscribe-language = Language of the alerts
subscribe-button = Subscribe
subscribe-sent-title = Check your email
subscribe-sent = If this address can receive alerts, a confirmation email is on its way. Nothing is sent until you confirm.
confirm-title = Confirm your safety alerts
confirm-explain = Press the button to start receiving Lookout safety alerts at this address.
confirm-button = Confirm my subscription
confirmed-title = Subscription confirmed
confirmed = Safety alerts for your areas will now reach this address.
unsubscribe-title = Stop safety alerts
unsubscribe-explain = Press the button to stop all Lookout safety alerts to this address. Your address is then deleted.
unsubscribe-button = Unsubscribe
unsubscribed-title = You are unsubscribed
unsubscribed = This address will receive no more alerts, and has been deleted.
link-invalid-title = This link does not work
link-invalid = This link is not valid any more: it has expired, was already used, or the subscription has ended.
link-no-token = This link is incomplete. Open it again from the email, or copy the whole link.
