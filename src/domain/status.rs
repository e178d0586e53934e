//! The states records move through. Stored as the same text as ever; a stored word this
//! release does not know is a fault, never silently read as another state.

text_enum! {
    /// Where a report stands, as staff and the reporter see it.
    ReportStatus {
        /// Submitted; no caseworker has opened it.
        Received => "received",
        /// A caseworker has opened it.
        Reviewed => "reviewed",
        /// An alert was published from it.
        AlertPublished => "alert_published",
        /// Sent to the consented SPOC (once, never twice).
        Forwarded => "forwarded",
        Closed => "closed",
        /// The reporter withdrew it: its keys are destroyed.
        Withdrawn => "withdrawn",
    }
}

text_enum! {
    /// What a queued email is.
    DeliveryKind {
        /// The confirmation of a subscription.
        Confirm => "confirm",
        /// A published alert.
        Alert => "alert",
    }
}

text_enum! {
    /// Where a queued email stands.
    DeliveryStatus {
        Pending => "pending",
        Sent => "sent",
        /// Refused permanently by the mail server.
        Failed => "failed",
        /// No longer wanted (the subscriber left, or the alert went).
        Dropped => "dropped",
    }
}

text_enum! {
    /// Whether a subscriber has confirmed their address.
    SubscriberStatus {
        Pending => "pending",
        Confirmed => "confirmed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_read_back_as_they_are_stored() {
        for s in ReportStatus::ALL {
            assert_eq!(s.as_str().parse::<ReportStatus>(), Ok(*s));
            assert_eq!(
                serde_json::to_string(s).ok(),
                Some(format!("\"{}\"", s.as_str()))
            );
        }
        for k in DeliveryKind::ALL {
            assert_eq!(k.as_str().parse::<DeliveryKind>(), Ok(*k));
        }
        assert!("expired".parse::<ReportStatus>().is_err());
    }
}
