//! How mail reaches the mail server, against a real one (aiosmtpd, `crate::smtp`): over TLS as
//! the URL says (STARTTLS required, or implicit TLS), only to a server whose certificate verifies
//! for its name against the public roots or `mail.smtp_ca_file`, never falling back to plain text;
//! and through a server that answers 4xx for a while, with every message delivered exactly once.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use lookout::services::staff::Role;
use serde_json::{Value, json};

use crate::alerts::{publish_draft, submit, subscribe_all};
use crate::both_backends;
use crate::helpers::{Backend, TestApp, report, smtp_settings, spawn_app_with};
use crate::smtp::{Certificates, Mail, Refusals, ServerCert, SmtpOptions, SmtpServer, Tls};

const CONFIRM_SUBJECT: &str = "Confirm your Lookout safety alerts";
/// How long a test waits for mail to go out, retries included (here at least 1 s apart).
const PATIENCE: Duration = Duration::from_secs(30);

/// The two ways the service speaks TLS to its mail server.
#[derive(Debug, Clone, Copy)]
enum Mode {
    /// `smtp://host:port?tls=required`
    StartTls,
    /// `smtps://host:port`
    Implicit,
}

impl Mode {
    /// The server speaking this mode with `cert`.
    fn presenting(self, cert: &ServerCert) -> Tls {
        match self {
            Mode::StartTls => Tls::Starttls(cert.clone()),
            Mode::Implicit => Tls::Implicit(cert.clone()),
        }
    }

    /// The URL an operator writes for this mode (README, "Production", step 3).
    fn url(self, port: u16) -> String {
        match self {
            Mode::StartTls => format!("smtp://localhost:{port}?tls=required"),
            Mode::Implicit => format!("smtps://localhost:{port}"),
        }
    }
}

/// The service sending to `url`, trusting the test CA (`mail.smtp_ca_file`) beside the public
/// roots, with the fast retries of `smtp_settings`.
async fn app_trusting(backend: Backend, url: String, certs: &Certificates) -> TestApp {
    let ca = certs.ca.clone();
    spawn_app_with(backend, move |s| {
        smtp_settings(url)(s);
        s.mail.smtp_ca_file = ca;
    })
    .await
}

/// Subscribes `email`: the service owes it one confirmation message.
async fn subscribe(app: &TestApp, email: &str) {
    let res = app
        .post_json(
            "/api/v1/subscriptions",
            &json!({"email": email, "regions": ["gwent"]}),
        )
        .await;
    assert_eq!(res.status(), 202);
}

/// Drains until no message waits for a retry (polling while retries come due), then returns
/// everything the server accepted. Panics after [`PATIENCE`] with the last drain and the server's
/// log.
async fn deliver_everything(app: &TestApp, smtp: &SmtpServer) -> Vec<Mail> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let drained = app.drain().await;
        if drained.scheduled_later == 0 {
            return smtp.messages();
        }
        assert!(
            Instant::now() < deadline,
            "mail still waits for a retry after {PATIENCE:?}: {drained:?}; SMTP server log:\n{}",
            smtp.log()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Drains until a drain has itself tried the message and failed (the service's own worker may
/// try first; the message then comes due again within a second), asserting on the way that the
/// server (`what`) received nothing and the message still waits.
async fn until_an_attempt_fails(app: &TestApp, smtp: &SmtpServer, what: &str) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let drained = app.drain().await;
        let received = smtp.messages();
        assert!(
            drained.sent == 0 && received.is_empty(),
            "{what} received mail: {:?} ({drained:?})",
            summary(&received)
        );
        assert!(
            drained.scheduled_later >= 1,
            "the message is neither sent nor waiting for a retry: {drained:?}"
        );
        if drained.retried >= 1 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "no drain tried the message within {PATIENCE:?}: {drained:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Recipients, subject and TLS of each message: enough for a failure message.
fn summary(mails: &[Mail]) -> Vec<(String, String, Option<String>)> {
    mails
        .iter()
        .map(|m| (m.to.join(","), m.subject.clone(), m.tls.clone()))
        .collect()
}

/// Asserts that `mails` is exactly one confirmation to `email`, which came over TLS.
fn one_confirmation_over_tls(mails: &[Mail], email: &str) {
    assert_eq!(mails.len(), 1, "{:?}", summary(mails));
    let mail = &mails[0];
    assert_eq!(mail.to, [email]);
    assert_eq!(mail.subject, CONFIRM_SUBJECT);
    assert!(
        matches!(mail.tls.as_deref(), Some("TLSv1.2" | "TLSv1.3")),
        "the message came over {:?}",
        mail.tls
    );
    assert!(
        mail.text.contains("/subscriptions/confirm?token="),
        "{}",
        mail.text
    );
}

/// A subscriber's confirmation reaches a server speaking `mode` with a certificate from the CA
/// in `mail.smtp_ca_file`, over TLS, once.
async fn delivers_over_tls(backend: Backend, mode: Mode) {
    let dir = tempfile::tempdir().unwrap();
    let certs = Certificates::generate(dir.path());
    let smtp = SmtpServer::start_with(SmtpOptions {
        tls: mode.presenting(&certs.server),
        ..SmtpOptions::default()
    })
    .await;
    assert_eq!(smtp.url(), mode.url(smtp.port()));
    let app = app_trusting(backend, smtp.url(), &certs).await;
    subscribe(&app, "tls@sub.test").await;
    let drained = app.drain().await;
    assert_eq!(
        drained.scheduled_later,
        0,
        "the message waits for a retry: sending over {mode:?} failed ({drained:?}); SMTP server \
         log:\n{}",
        smtp.log()
    );
    one_confirmation_over_tls(&smtp.messages(), "tls@sub.test");
}

async fn starttls_delivers_to_a_server_the_ca_vouches_for(backend: Backend) {
    delivers_over_tls(backend, Mode::StartTls).await;
}

async fn smtps_delivers_to_a_server_the_ca_vouches_for(backend: Backend) {
    delivers_over_tls(backend, Mode::Implicit).await;
}

/// The service, sending in `mode`, meets a server speaking `wrong` (`what`): every attempt fails,
/// nothing reaches the server and the message waits. Then the server on that port speaks `mode`
/// with the CA's certificate for `localhost`: the same message goes out, once, over TLS. So the
/// refusal was the server's fault, and it lost nothing.
async fn refused_until_the_server_is_right(
    backend: Backend,
    certs: &Certificates,
    mode: Mode,
    (wrong, what): (Tls, &str),
    email: &str,
) {
    let mut smtp = SmtpServer::start_with(SmtpOptions {
        tls: wrong,
        ..SmtpOptions::default()
    })
    .await;
    let app = app_trusting(backend, mode.url(smtp.port()), certs).await;
    subscribe(&app, email).await;
    until_an_attempt_fails(&app, &smtp, what).await;

    smtp.restart_with(mode.presenting(&certs.server)).await;
    one_confirmation_over_tls(&deliver_everything(&app, &smtp).await, email);
}

/// A certificate that does not verify is refused in `mode`: a self-signed one for the right
/// name, and one from the trusted CA for another name.
async fn refuses_certificates_that_do_not_verify(backend: Backend, mode: Mode) {
    let dir = tempfile::tempdir().unwrap();
    let certs = Certificates::generate(dir.path());
    let self_signed = (mode.presenting(&certs.stranger), "a self-signed server");
    refused_until_the_server_is_right(backend, &certs, mode, self_signed, "self@sub.test").await;
    let misnamed = (
        mode.presenting(&certs.wrong_name),
        "a server named otherwise",
    );
    refused_until_the_server_is_right(backend, &certs, mode, misnamed, "name@sub.test").await;
}

async fn starttls_refuses_a_certificate_that_does_not_verify(backend: Backend) {
    refuses_certificates_that_do_not_verify(backend, Mode::StartTls).await;
}

async fn smtps_refuses_a_certificate_that_does_not_verify(backend: Backend) {
    refuses_certificates_that_do_not_verify(backend, Mode::Implicit).await;
}

/// `?tls=required` to a server that offers no STARTTLS sends nothing in plain text: the message
/// waits until the server offers TLS.
async fn required_starttls_never_falls_back_to_plain_text(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let certs = Certificates::generate(dir.path());
    let plain = (Tls::None, "a server without STARTTLS");
    refused_until_the_server_is_right(backend, &certs, Mode::StartTls, plain, "plain@sub.test")
        .await;
}

/// Alert messages received, by recipient.
fn alert_counts(mails: &[Mail]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for m in mails
        .iter()
        .filter(|m| m.subject.starts_with("Safety alert"))
    {
        *counts.entry(m.to[0].clone()).or_insert(0) += 1;
    }
    counts
}

/// A mail server that pushes back (451 to every third message, until it has refused 12, so some
/// are refused twice) still gets every subscriber's alert, exactly once.
async fn a_server_that_pushes_back_gets_every_alert_exactly_once(backend: Backend) {
    const SUBSCRIBERS: usize = 30;
    const REFUSALS: usize = 12;
    let mut smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    let subs: Vec<(String, Value)> = (0..SUBSCRIBERS)
        .map(|i| {
            (
                format!("sub{i:02}@pushback.test"),
                json!({"regions": ["south-wales"]}),
            )
        })
        .collect();
    subscribe_all(&app, &smtp, &subs).await;
    let confirmations = smtp.messages().len();

    smtp.refuse(Some(Refusals {
        every: 3,
        up_to: REFUSALS,
    }));
    let (_, case) = submit(&app, &report(json!({}))).await;
    let token = app.staff_token(Role::Caseworker).await;
    let res = publish_draft(&app, &token, &case, &["south-wales"]).await;
    assert_eq!(res.status(), 201);
    assert_eq!(
        res.json::<Value>().await.unwrap()["recipients"],
        SUBSCRIBERS
    );
    let mails = deliver_everything(&app, &smtp).await;

    // The 30 first offers bring 10 refusals, their 10 retries 2 more: the rule ran its course.
    let refused = smtp.refused();
    assert_eq!(refused.len(), REFUSALS, "{refused:#?}");
    let counts = alert_counts(&mails);
    for mail in &refused {
        assert!(mail.subject.starts_with("Safety alert"), "{}", mail.subject);
        assert_eq!(mail.to.len(), 1);
    }
    for (address, _) in &subs {
        let refusals = refused.iter().filter(|m| m.to[0] == *address).count();
        assert_eq!(
            counts.get(address),
            Some(&1),
            "{address} (refused {refusals} times)"
        );
    }
    assert_eq!(counts.len(), SUBSCRIBERS);
    assert_eq!(mails.len(), confirmations + SUBSCRIBERS);
}

both_backends!(
    starttls_delivers_to_a_server_the_ca_vouches_for,
    smtps_delivers_to_a_server_the_ca_vouches_for,
    starttls_refuses_a_certificate_that_does_not_verify,
    smtps_refuses_a_certificate_that_does_not_verify,
    required_starttls_never_falls_back_to_plain_text,
    a_server_that_pushes_back_gets_every_alert_exactly_once,
);
