//! Mail transports: pooled SMTP (TLS as the URL says) or `.eml` files in the outbox folder.
//! Sends rendered messages and knows nothing of reports, alerts or subscribers.

pub mod smtp;
pub mod templates;

use std::sync::Arc;

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};

use self::smtp::{SmtpFailure, SmtpPool};

use crate::settings::{MailSettings, MailTransport};

/// A message ready to send.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// RFC 8058 one-click unsubscribe URL; adds `List-Unsubscribe` and `List-Unsubscribe-Post`.
    pub unsubscribe_url: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("mail settings are not usable: {0}")]
    Config(String),
    #[error("the message could not be built")]
    Build,
    #[error("the mail server did not accept the message")]
    Send,
}

impl From<SmtpFailure> for MailError {
    fn from(_: SmtpFailure) -> Self {
        MailError::Send
    }
}

#[derive(Clone)]
pub enum Mailer {
    Smtp(Arc<SmtpPool>),
    Outbox(AsyncFileTransport<Tokio1Executor>),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Mailer::Smtp(_) => "Mailer::Smtp",
            Mailer::Outbox(_) => "Mailer::Outbox",
        })
    }
}

pub struct Sender {
    mailer: Mailer,
    from: Mailbox,
}

impl Sender {
    pub fn from_settings(settings: &MailSettings) -> Result<Self, MailError> {
        let from: Mailbox = settings.from.parse().map_err(|_| {
            MailError::Config(
                "mail.from is not an address like `Lookout <alerts@example.org>`".into(),
            )
        })?;
        let mailer = match settings.transport {
            MailTransport::Smtp => {
                let ca = &settings.smtp_ca_file;
                let ca_pem = if ca.as_os_str().is_empty() {
                    None
                } else {
                    Some(std::fs::read(ca).map_err(|e| {
                        MailError::Config(format!(
                            "cannot read mail.smtp_ca_file {}: {e}",
                            ca.display()
                        ))
                    })?)
                };
                // The URL can hold credentials: the error says what is wrong, not what it was.
                let pool = SmtpPool::new(
                    settings.smtp_url.expose(),
                    ca_pem.as_deref(),
                    settings.senders,
                )
                .map_err(MailError::Config)?;
                Mailer::Smtp(Arc::new(pool))
            }
            MailTransport::Outbox => {
                std::fs::create_dir_all(&settings.outbox_dir).map_err(|e| {
                    MailError::Config(format!(
                        "cannot create mail.outbox_dir {}: {e}",
                        settings.outbox_dir.display()
                    ))
                })?;
                Mailer::Outbox(AsyncFileTransport::<Tokio1Executor>::new(
                    &settings.outbox_dir,
                ))
            }
        };
        Ok(Self { mailer, from })
    }

    pub fn build(&self, msg: &Outgoing) -> Result<Message, MailError> {
        // A bare address only: a display name or a second address in a stored value must not
        // change who receives the message.
        let to: lettre::Address = msg.to.parse().map_err(|_| MailError::Build)?;
        if AsRef::<str>::as_ref(&to) != msg.to {
            return Err(MailError::Build);
        }
        let to = Mailbox::new(None, to);
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(msg.subject.clone());
        if let Some(url) = &msg.unsubscribe_url {
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_string(),
                ));
        }
        builder
            .multipart(MultiPart::alternative_plain_html(
                msg.text.clone(),
                msg.html.clone(),
            ))
            .map_err(|_| MailError::Build)
    }

    pub async fn send(&self, msg: &Outgoing) -> Result<(), MailError> {
        let message = self.build(msg)?;
        let result = match &self.mailer {
            Mailer::Smtp(pool) => pool
                .send(message.envelope(), &message.formatted())
                .await
                .map_err(|failure| {
                    // The kind only: a server's reply can quote the recipient.
                    tracing::warn!(?failure, "SMTP send failed");
                }),
            Mailer::Outbox(t) => t.send(message).await.map(|_| ()).map_err(|_| {
                tracing::warn!("writing to the mail outbox failed");
            }),
        };
        result.map_err(|()| MailError::Send)
    }
}
