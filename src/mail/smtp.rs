//! A small pool of SMTP connections of our own, over lettre's protocol client
//! (`AsyncSmtpConnection`).
//!
//! Why not lettre's `AsyncSmtpTransport`: lettre 0.11 opens its sockets without `TCP_NODELAY` and
//! writes a message's closing `CRLF.CRLF` as a second small write, so every message waited for the
//! server's delayed ACK (about 40 ms): 87 messages a second on four connections. Its
//! `connect_with_transport` takes a stream we open ourselves, so here every socket has
//! `TCP_NODELAY`; STARTTLS runs on that same stream through lettre, and implicit TLS (`smtps://`)
//! through our own rustls stream, both verifying the server's certificate against the public web
//! PKI roots plus `mail.smtp_ca_file`.
//!
//! The pool holds at most `mail.senders` connections. A connection is reused while it works; one
//! idle for a while is checked with `NOOP` first, one idle for long is closed. Any failed command
//! closes its connection (lettre sends `QUIT` after a failed reply). A 4xx reply (the server
//! pushing back: "421 too many connections", "451 try later") also makes the sender that got it
//! pause before its slot is used again, longer after each consecutive refusal; the message itself
//! is retried later by the delivery worker.

use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{
    AsyncSmtpConnection, AsyncTokioStream, Certificate, TlsParameters,
};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::ClientId;
use lettre::transport::smtp::response::Response;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::Semaphore;
use tokio_rustls::TlsConnector;

/// Time allowed to connect: TCP, the greeting, EHLO, TLS and AUTH together.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// Time allowed for one message, from `MAIL FROM` to the reply after its end.
const SEND_TIMEOUT: Duration = Duration::from_secs(30);
/// A connection idle longer than this is checked with `NOOP` before use (the server may have
/// restarted or timed it out).
const CHECK_AFTER: Duration = Duration::from_secs(2);
/// A connection idle longer than this is closed rather than checked: servers drop idle clients
/// after a minute or a few.
const CLOSE_AFTER: Duration = Duration::from_secs(50);
/// How long a sender pauses after a first 4xx reply; doubled for each further refusal in a row
/// (on any connection), up to [`PUSHBACK_MAX`]. Any accepted message resets it.
const PUSHBACK_FIRST: Duration = Duration::from_millis(100);
const PUSHBACK_MAX: Duration = Duration::from_secs(5);

/// What went wrong with one message. The server's reply text is never kept: it can quote the
/// recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpFailure {
    /// The server answered 4xx: try again later.
    Transient,
    /// The server answered 5xx.
    Permanent,
    /// Connecting, TLS (a certificate that does not verify among others), the connection
    /// breaking, or a timeout.
    Connection,
}

/// How the connection is secured, from the URL.
enum Security {
    /// `smtp://` without `tls`: loopback or a network the operator vouches for (settings check).
    Plain,
    /// `smtp://…?tls=required` (must upgrade) or `?tls=opportunistic` (upgrades if offered).
    StartTls {
        required: bool,
        parameters: TlsParameters,
    },
    /// `smtps://`: TLS from the first byte.
    Implicit {
        connector: TlsConnector,
        name: ServerName<'static>,
    },
}

/// Where and how to connect, parsed once from `mail.smtp_url`.
struct Endpoint {
    host: String,
    port: u16,
    security: Security,
    credentials: Option<Credentials>,
    hello: ClientId,
}

struct Idle {
    connection: AsyncSmtpConnection,
    since: Instant,
}

pub struct SmtpPool {
    endpoint: Endpoint,
    idle: Mutex<Vec<Idle>>,
    /// One permit per connection in use (`mail.senders`).
    slots: Semaphore,
    /// 4xx replies in a row, for the pause after the next one.
    refusals: AtomicU32,
}

impl SmtpPool {
    /// Parses `url` (lettre's forms: `smtp://host[:port]`, `smtp://host[:port]?tls=required`,
    /// `…?tls=opportunistic`, `smtps://host[:port]`; `user:password@` for AUTH; a path names the
    /// EHLO name) and reads the extra CA certificates. Errors say what is wrong, never the URL
    /// (it can hold a password).
    pub fn new(url: &str, ca_pem: Option<&[u8]>, size: usize) -> Result<Self, String> {
        let bad = || "mail.smtp_url is not a valid smtp:// or smtps:// URL".to_string();
        let url = url::Url::parse(url.trim()).map_err(|_| bad())?;
        let host = url.host_str().ok_or_else(bad)?.to_string();
        // An IPv6 literal comes bracketed; TCP and certificate names want it bare.
        let bare_host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let tls = url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let extra_roots = match ca_pem {
            Some(pem) => {
                let certs = CertificateDer::pem_slice_iter(pem)
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|_| "mail.smtp_ca_file is not a PEM certificate file".to_string())?;
                if certs.is_empty() {
                    return Err("mail.smtp_ca_file holds no PEM certificate".into());
                }
                Some((pem, certs))
            }
            None => None,
        };
        let starttls = |required: bool| -> Result<Security, String> {
            let mut builder = TlsParameters::builder(bare_host.clone());
            if let Some((pem, _)) = &extra_roots {
                let certificate = Certificate::from_pem(pem)
                    .map_err(|_| "mail.smtp_ca_file is not a PEM certificate file".to_string())?;
                builder = builder.add_root_certificate(certificate);
            }
            let parameters = builder
                .build_rustls()
                .map_err(|_| "the TLS settings for mail.smtp_url are not usable".to_string())?;
            Ok(Security::StartTls {
                required,
                parameters,
            })
        };
        let (security, default_port) = match (url.scheme(), tls.as_deref()) {
            ("smtp", None) => (Security::Plain, 25),
            ("smtp", Some("required")) => (starttls(true)?, 587),
            ("smtp", Some("opportunistic")) => (starttls(false)?, 587),
            ("smtps", _) => {
                let mut roots = rustls::RootCertStore::empty();
                roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
                for cert in extra_roots.map(|(_, certs)| certs).unwrap_or_default() {
                    roots
                        .add(cert)
                        .map_err(|_| "mail.smtp_ca_file holds a certificate rustls refuses")?;
                }
                let provider = Arc::new(rustls::crypto::ring::default_provider());
                let config = rustls::ClientConfig::builder_with_provider(provider)
                    .with_safe_default_protocol_versions()
                    .map_err(|_| "no TLS version available for mail.smtp_url".to_string())?
                    .with_root_certificates(roots)
                    .with_no_client_auth();
                let name = ServerName::try_from(bare_host.clone()).map_err(|_| bad())?;
                let connector = TlsConnector::from(Arc::new(config));
                (Security::Implicit { connector, name }, 465)
            }
            _ => return Err(bad()),
        };
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .map(|s| s.into_owned())
                .map_err(|_| bad())
        };
        let credentials = match url.password() {
            Some(password) => Some(Credentials::new(decode(url.username())?, decode(password)?)),
            None => None,
        };
        let hello = match url.path().trim_matches('/') {
            "" => ClientId::default(),
            name => ClientId::Domain(name.to_string()),
        };
        Ok(Self {
            endpoint: Endpoint {
                host: bare_host,
                port: url.port().unwrap_or(default_port),
                security,
                credentials,
                hello,
            },
            idle: Mutex::new(Vec::new()),
            slots: Semaphore::new(size.max(1)),
            refusals: AtomicU32::new(0),
        })
    }

    /// Sends one message on a pooled connection (opening one if none is idle). Waits while all
    /// `mail.senders` connections are busy.
    pub async fn send(&self, envelope: &Envelope, message: &[u8]) -> Result<(), SmtpFailure> {
        // The semaphore is never closed.
        let _slot = self
            .slots
            .acquire()
            .await
            .map_err(|_| SmtpFailure::Connection)?;
        let result = match self.connection().await {
            Ok(mut connection) => {
                match tokio::time::timeout(
                    SEND_TIMEOUT,
                    transact(&mut connection, envelope, message),
                )
                .await
                {
                    Ok(Ok(_)) => {
                        self.put_back(connection);
                        Ok(())
                    }
                    // lettre has already sent QUIT and closed it after a failed reply.
                    Ok(Err(e)) => Err(classify(&e)),
                    Err(_) => Err(SmtpFailure::Connection),
                }
            }
            Err(failure) => Err(failure),
        };
        match result {
            Ok(()) => self.refusals.store(0, Ordering::Relaxed),
            Err(SmtpFailure::Transient) => {
                // Still holding the slot: this sender waits, the others go on.
                let before = self.refusals.fetch_add(1, Ordering::Relaxed).min(16);
                let pause = PUSHBACK_FIRST.saturating_mul(1 << before).min(PUSHBACK_MAX);
                tokio::time::sleep(pause).await;
            }
            Err(_) => {}
        }
        result
    }

    /// An idle connection that still works, or a new one.
    async fn connection(&self) -> Result<AsyncSmtpConnection, SmtpFailure> {
        while let Some(idle) = self.take_idle() {
            let idle_for = idle.since.elapsed();
            let mut connection = idle.connection;
            if idle_for > CLOSE_AFTER || connection.has_broken() {
                continue;
            }
            if idle_for > CHECK_AFTER {
                let alive = tokio::time::timeout(CONNECT_TIMEOUT, connection.test_connected())
                    .await
                    .unwrap_or(false);
                if !alive {
                    continue;
                }
            }
            return Ok(connection);
        }
        match tokio::time::timeout(CONNECT_TIMEOUT, self.open()).await {
            Ok(result) => result,
            Err(_) => Err(SmtpFailure::Connection),
        }
    }

    fn take_idle(&self) -> Option<Idle> {
        self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop()
    }

    fn put_back(&self, connection: AsyncSmtpConnection) {
        if connection.has_broken() {
            return;
        }
        self.idle
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(Idle {
                connection,
                since: Instant::now(),
            });
    }

    /// Connects with `TCP_NODELAY`, secures the connection as the URL says and authenticates.
    async fn open(&self) -> Result<AsyncSmtpConnection, SmtpFailure> {
        let endpoint = &self.endpoint;
        let tcp = TcpStream::connect((endpoint.host.as_str(), endpoint.port))
            .await
            .map_err(|_| SmtpFailure::Connection)?;
        tcp.set_nodelay(true).map_err(|_| SmtpFailure::Connection)?;
        let stream: Box<dyn AsyncTokioStream> = match &endpoint.security {
            Security::Implicit { connector, name } => Box::new(TlsTcp(
                connector
                    .connect(name.clone(), tcp)
                    .await
                    .map_err(|_| SmtpFailure::Connection)?,
            )),
            Security::Plain | Security::StartTls { .. } => Box::new(tcp),
        };
        let mut connection = AsyncSmtpConnection::connect_with_transport(stream, &endpoint.hello)
            .await
            .map_err(|e| classify(&e))?;
        if let Security::StartTls {
            required,
            parameters,
        } = &endpoint.security
            && (*required || connection.can_starttls())
        {
            // Fails if the server offers no STARTTLS or its certificate does not verify.
            connection
                .starttls(parameters.clone(), &endpoint.hello)
                .await
                .map_err(|e| classify(&e))?;
        }
        if let Some(credentials) = &endpoint.credentials {
            connection
                .auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                .await
                .map_err(|e| classify(&e))?;
        }
        Ok(connection)
    }
}

/// A reply's class, or a connection failure. Only 4xx replies count as the server pushing back.
fn classify(e: &lettre::transport::smtp::Error) -> SmtpFailure {
    if e.is_transient() {
        SmtpFailure::Transient
    } else if e.is_permanent() {
        SmtpFailure::Permanent
    } else {
        SmtpFailure::Connection
    }
}

/// One mail transaction: `MAIL FROM`, `RCPT TO`, `DATA`, then the message and its closing
/// `CRLF.CRLF` in a single write.
///
/// lettre's `send` writes the message and its end as two writes; on a `TCP_NODELAY` socket that is
/// two segments, and the server wakes twice per message (measured: the sink spent more CPU per
/// message on ours than on smtplib's, which sends both together). An all-ASCII message to ASCII
/// addresses (what our templates produce: lettre encodes non-ASCII text as quoted-printable or
/// base64) goes this way; anything else, which needs `SMTPUTF8` or `8BITMIME` negotiated, goes
/// through lettre's `send`. As in lettre, a failed command aborts the connection (`QUIT`).
async fn transact(
    connection: &mut AsyncSmtpConnection,
    envelope: &Envelope,
    message: &[u8],
) -> Result<Response, lettre::transport::smtp::Error> {
    let ascii = |a: &lettre::Address| AsRef::<str>::as_ref(a).is_ascii();
    let ascii_addresses = envelope.from().is_none_or(ascii) && envelope.to().iter().all(ascii);
    let Ok(text) = std::str::from_utf8(message) else {
        return connection.send(envelope, message).await;
    };
    if !ascii_addresses || !text.is_ascii() {
        return connection.send(envelope, message).await;
    }
    let result = async {
        connection
            .command(Mail::new(envelope.from().cloned(), vec![]))
            .await?;
        for to in envelope.to() {
            connection.command(Rcpt::new(to.clone(), vec![])).await?;
        }
        connection.command(Data).await?;
        connection.command(DataBody(text)).await
    }
    .await;
    if result.is_err() {
        connection.abort().await;
    }
    result
}

/// A message's content as sent after `DATA`: every line that starts with `.` gets a second one
/// (RFC 5321 §4.5.2), and the content ends with `CRLF.CRLF`, exactly as lettre's own encoder does.
struct DataBody<'a>(&'a str);

impl fmt::Display for DataBody<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        // The start of the content is the start of a line.
        let mut line_start = true;
        while !rest.is_empty() {
            if line_start && rest.starts_with('.') {
                f.write_str(".")?;
            }
            match rest.find("\r\n") {
                Some(end) => {
                    f.write_str(&rest[..end + 2])?;
                    rest = &rest[end + 2..];
                    line_start = true;
                }
                None => {
                    f.write_str(rest)?;
                    rest = "";
                }
            }
        }
        f.write_str("\r\n.\r\n")
    }
}

/// A rustls client stream over TCP, for lettre's `connect_with_transport`.
struct TlsTcp(tokio_rustls::client::TlsStream<TcpStream>);

impl fmt::Debug for TlsTcp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TlsTcp")
    }
}

impl AsyncRead for TlsTcp {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl AsyncWrite for TlsTcp {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl AsyncTokioStream for TlsTcp {
    fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_read_as_lettre_reads_them() {
        let pool = SmtpPool::new("smtp://127.0.0.1:2525", None, 4).unwrap();
        assert!(matches!(pool.endpoint.security, Security::Plain));
        assert_eq!(pool.endpoint.port, 2525);
        let pool = SmtpPool::new("smtp://relay.example.org?tls=required", None, 4).unwrap();
        assert!(matches!(
            pool.endpoint.security,
            Security::StartTls { required: true, .. }
        ));
        assert_eq!(pool.endpoint.port, 587);
        let pool = SmtpPool::new(
            "smtps://a%40b:p%2Fw@relay.example.org/mx.example.org",
            None,
            4,
        )
        .unwrap();
        assert!(matches!(pool.endpoint.security, Security::Implicit { .. }));
        assert_eq!(pool.endpoint.port, 465);
        assert!(pool.endpoint.credentials.is_some());
        assert_eq!(
            pool.endpoint.hello,
            ClientId::Domain("mx.example.org".into())
        );
        for bad in [
            "",
            "http://relay.example.org",
            "smtp://relay?tls=sometimes",
            "smtp://",
        ] {
            let e = SmtpPool::new(bad, None, 4).err().unwrap();
            assert!(e.contains("not a valid"), "{bad}: {e}");
        }
    }

    #[test]
    fn message_content_is_dot_stuffed_and_ended_as_lettre_does() {
        for (content, sent) in [
            ("", "\r\n.\r\n"),
            ("a\r\nb", "a\r\nb\r\n.\r\n"),
            (".top\r\n", "..top\r\n\r\n.\r\n"),
            ("a\r\n.\r\nb\r\n", "a\r\n..\r\nb\r\n\r\n.\r\n"),
            ("a\r\n..two\r\n", "a\r\n...two\r\n\r\n.\r\n"),
            // Only a dot at the start of a line is doubled.
            ("a.b\r\n x.\r\n", "a.b\r\n x.\r\n\r\n.\r\n"),
            // A bare LF does not start a line for SMTP (nor for lettre's encoder).
            ("a\n.b", "a\n.b\r\n.\r\n"),
            ("a\r\n.", "a\r\n..\r\n.\r\n"),
        ] {
            assert_eq!(DataBody(content).to_string(), sent, "{content:?}");
        }
    }

    #[test]
    fn a_ca_file_without_certificates_is_refused_without_echoing_it() {
        let e = SmtpPool::new("smtps://relay.example.org", Some(b"secret words"), 4)
            .err()
            .unwrap();
        assert!(e.contains("no PEM certificate"), "{e}");
        assert!(!e.contains("secret"), "{e}");
    }
}
