//! A real SMTP server for the tests: aiosmtpd, run by Debian's `/usr/bin/python3` (package
//! `python3-aiosmtpd`), listening on 127.0.0.1 and writing every message it accepts into a
//! Maildir in a temporary directory, with the envelope recipients beside it.
//!
//! Layout of the temporary directory:
//! - `Maildir/new/NNNNNNNNNN.PID.lookout-test`: one file per accepted message, exactly the bytes
//!   received after DATA (dot-unstuffed, CRLF line ends). `NNNNNNNNNN` is an arrival counter that
//!   goes on across restarts, so sorting the names gives the arrival order.
//! - `Maildir/envelope/<same name>.json`: `{"mail_from": ..., "rcpt_tos": [...], "tls": ...}`
//!   (`tls`: the TLS version the message came over, e.g. `"TLSv1.3"`, or `null` in plain text),
//!   renamed into place before the message itself, so every visible message has its envelope.
//! - `Maildir/refused/` and `Maildir/refused-envelope/`: the same for every message answered
//!   `451` (see [`Refusals`]), with their own arrival counter.
//! - `refuse`: the refusal rule in force (written by [`SmtpServer::refuse`], read at every DATA).
//! - `smtpd.log`: the server's stderr, over all its runs.
//!
//! Every file is written under `Maildir/tmp/` (or beside it) and renamed into place: a reader never
//! sees half a message. The server also exits by itself when its stdin (a pipe held by this
//! process) closes, so not even a test binary that is killed outright leaves a server behind.
//!
//! TLS ([`Tls`]): none; STARTTLS offered and required (before it, only EHLO, HELO, NOOP, RSET, QUIT
//! and STARTTLS are answered, anything else gets 530); or implicit TLS from the first byte (the
//! `smtps://` form). The certificate and key are PEM files, typically made by [`Certificates`]: a
//! test CA, a server certificate for `localhost` it signs, and two that must not verify.
//!
//! Limits: messages up to 1 MiB (`SIZE 1048576` in the EHLO reply, 552 beyond), lines up to
//! 1000 octets (RFC 5321; longer ones get 500), SMTPUTF8 and 8BITMIME on, no AUTH.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use mail_parser::{HeaderName, MessageParser, PartType};
use tempfile::TempDir;
use tokio::net::TcpStream;

/// Debian's interpreter: the one with `python3-aiosmtpd` (another `python3` may be first on PATH).
const PYTHON: &str = "/usr/bin/python3";
/// How long `start`/`restart` wait for the port, and `stop` for the port to close.
const PORT_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest message accepted (the DATA bytes as sent, dot-stuffing and CRLFs included); the
/// server advertises it as `SIZE` in its EHLO reply and answers 552 to anything larger.
const MAX_MESSAGE_BYTES: usize = 1024 * 1024;

/// The server, run as `python3 -I -c SERVER_PY ROOT PORT MAX_BYTES TLS [CERT KEY]` (PORT 0: any
/// free port; TLS `none`, `starttls` or `implicit`, the latter two with the certificate chain and
/// key as PEM files). Once it listens it writes the port it got to `ROOT/ready`.
const SERVER_PY: &str = r#"
import asyncio, errno, json, os, ssl, sys, time
from aiosmtpd.smtp import SMTP

root, port, max_bytes, tls = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
maildir = os.path.join(root, "Maildir")
dirs = {d: os.path.join(maildir, d)
        for d in ("tmp", "new", "cur", "envelope", "refused", "refused-envelope")}
for d in dirs.values():
    os.makedirs(d, exist_ok=True)


def last(directory):
    return max((int(n.split(".")[0]) for n in os.listdir(directory) if n.split(".")[0].isdigit()),
               default=0)


seq = {"new": last(dirs["new"]), "refused": last(dirs["refused"])}

context = None
if tls != "none":
    # A server context: no client certificate asked for, so aiosmtpd has nothing to warn about.
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(sys.argv[5], sys.argv[6])


def put(directory, name, data):
    tmp = os.path.join(dirs["tmp"], name)
    with open(tmp, "wb") as f:
        f.write(data)
    os.rename(tmp, os.path.join(directory, name))


# The rule in force (the text of ROOT/refuse, "EVERY UP_TO GENERATION", or "" for none) and what
# it has done since the test set it.
rule = {"text": None, "offered": 0, "refused": 0}


def refuse_this_one():
    try:
        with open(os.path.join(root, "refuse")) as f:
            text = f.read()
    except FileNotFoundError:
        text = ""
    if text != rule["text"]:
        rule.update(text=text, offered=0, refused=0)
    if not text:
        return False
    every, up_to = (int(n) for n in text.split()[:2])
    rule["offered"] += 1
    if rule["offered"] % every or rule["refused"] >= up_to:
        return False
    rule["refused"] += 1
    return True


def store(kind, meta, data):
    seq[kind] += 1
    name = "%010d.%d.lookout-test" % (seq[kind], os.getpid())
    envelopes = "envelope" if kind == "new" else "refused-envelope"
    put(dirs[envelopes], name + ".json", json.dumps(meta).encode())
    put(dirs[kind], name, data)
    return name


class Handler:
    async def handle_DATA(self, server, session, envelope):
        # After STARTTLS aiosmtpd's transport is the TLS one; with implicit TLS it always is.
        transport = server.transport
        tls_object = transport.get_extra_info("ssl_object") if transport else None
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos),
                "tls": tls_object.version() if tls_object else None}
        data = bytes(envelope.original_content)
        if refuse_this_one():
            store("refused", meta, data)
            return "451 4.3.0 Try again later"
        return "250 2.0.0 Ok: queued as " + store("new", meta, data)


def on_stdin():
    # EOF: the test process is gone. "k": stop() asks for the outage. Either way, die at once: no
    # SMTP goodbye, open connections just drop. Running as an event-loop callback, this can never
    # fall between storing a message and writing its 250 (no await lies between the two).
    data = os.read(0, 4096)
    if not data or b"k" in data:
        os._exit(1)


def factory():
    starttls = tls == "starttls"
    return SMTP(Handler(), hostname="lookout-test-smtp", ident="lookout test smtpd",
                data_size_limit=max_bytes, enable_SMTPUTF8=True, decode_data=False,
                tls_context=context if starttls else None, require_starttls=starttls)


async def main():
    loop = asyncio.get_running_loop()
    loop.add_reader(0, on_stdin)
    deadline = time.monotonic() + 5
    while True:
        try:
            server = await loop.create_server(factory, host="127.0.0.1", port=port,
                                              reuse_address=True, backlog=1024,
                                              ssl=context if tls == "implicit" else None)
            break
        except OSError as e:
            if e.errno != errno.EADDRINUSE or time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.1)
    with open(os.path.join(root, "ready.tmp"), "w") as f:
        f.write(str(server.sockets[0].getsockname()[1]))
    os.rename(os.path.join(root, "ready.tmp"), os.path.join(root, "ready"))
    await asyncio.Event().wait()


asyncio.run(main())
"#;

/// How the server speaks TLS.
#[derive(Debug, Clone, Default)]
pub enum Tls {
    /// Plain SMTP; STARTTLS is not offered.
    #[default]
    None,
    /// STARTTLS offered and required: before it, MAIL, RCPT and DATA get `530`.
    Starttls(ServerCert),
    /// TLS from the first byte, as on an `smtps://` port.
    Implicit(ServerCert),
}

/// A certificate chain (leaf first) and its private key, as PEM files.
#[derive(Debug, Clone)]
pub struct ServerCert {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// The server pushing back: every `every`-th message offered (counted from when the rule was
/// set, and again from 0 when the server restarts) is read to its end and answered
/// `451 4.3.0 Try again later`, until `up_to` have been; then everything is accepted again.
#[derive(Debug, Clone, Copy)]
pub struct Refusals {
    pub every: usize,
    pub up_to: usize,
}

/// How to run the server. `Default`: plain SMTP, accepting everything (what `start` runs).
#[derive(Debug, Clone, Default)]
pub struct SmtpOptions {
    pub tls: Tls,
    pub refusals: Option<Refusals>,
}

/// A real SMTP server (aiosmtpd, run by /usr/bin/python3) on 127.0.0.1, writing each message it
/// accepts as a file in a Maildir. It can be stopped and started again on the same port.
pub struct SmtpServer {
    port: u16,
    /// Holds `Maildir/`, `ready`, `refuse` and `smtpd.log`; removed on drop.
    dir: TempDir,
    /// `None` while stopped.
    child: Option<Child>,
    /// What the next (re)start speaks.
    tls: Tls,
    /// Bumped by every [`SmtpServer::refuse`], so setting the same rule again starts it afresh.
    rule_generation: u64,
}

impl SmtpServer {
    /// Starts plain SMTP on a free loopback port, accepting everything; returns once the port
    /// accepts connections (timeout 10 s, then panic with the server's stderr).
    pub async fn start() -> SmtpServer {
        SmtpServer::start_with(SmtpOptions::default()).await
    }

    /// Starts as `options` say, on a free loopback port (as [`SmtpServer::start`]).
    pub async fn start_with(options: SmtpOptions) -> SmtpServer {
        let dir = tempfile::Builder::new()
            .prefix("lookout-smtp-")
            .tempdir()
            .unwrap();
        let mut server = SmtpServer {
            port: 0,
            dir,
            child: None,
            tls: options.tls,
            rule_generation: 0,
        };
        server.refuse(options.refusals);
        server.spawn(0).await;
        server
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The lettre URL a client uses for this server: `smtp://127.0.0.1:PORT` for plain SMTP,
    /// `smtp://localhost:PORT?tls=required` for STARTTLS and `smtps://localhost:PORT` for implicit
    /// TLS (by name, which the certificates from [`Certificates`] are made out to).
    pub fn url(&self) -> String {
        match self.tls {
            Tls::None => format!("smtp://127.0.0.1:{}", self.port),
            Tls::Starttls(_) => format!("smtp://localhost:{}?tls=required", self.port),
            Tls::Implicit(_) => format!("smtps://localhost:{}", self.port),
        }
    }

    /// Sets the refusal rule (`None`: accept everything), in force for the next message offered,
    /// even on a running server; counting starts afresh.
    pub fn refuse(&mut self, refusals: Option<Refusals>) {
        self.rule_generation += 1;
        let rule = refusals.map_or_else(String::new, |r| {
            assert!(r.every > 0, "refuse every 0th message?");
            format!("{} {} {}", r.every, r.up_to, self.rule_generation)
        });
        let tmp = self.dir.path().join("refuse.tmp");
        fs::write(&tmp, rule).unwrap();
        fs::rename(&tmp, self.dir.path().join("refuse")).unwrap();
    }

    /// Kills the server process (hard, like an outage) and waits until the port refuses connections.
    ///
    /// The process ends itself at once on a request over its stdin (SIGKILL if it has not within
    /// 10 s): open connections drop with no SMTP reply, a message in the middle of DATA is lost
    /// (never acknowledged), and every message that was stored had its 250 sent. A bare SIGKILL
    /// could land between storing a message and acknowledging it, and the client would then
    /// rightly send it again: a real duplicate, and a flaky test.
    pub async fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            if let Some(stdin) = child.stdin.as_mut() {
                let _ = stdin.write_all(b"k").and_then(|()| stdin.flush());
            }
            let deadline = Instant::now() + Duration::from_secs(10);
            while child.try_wait().unwrap().is_none() {
                if Instant::now() >= deadline {
                    let _ = child.kill();
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
        let deadline = Instant::now() + PORT_TIMEOUT;
        while TcpStream::connect(("127.0.0.1", self.port)).await.is_ok() {
            assert!(
                Instant::now() < deadline,
                "port {} still accepts connections 10 s after the SMTP server was killed",
                self.port
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Starts it again on the same port, same Maildir (previously received messages are kept).
    pub async fn restart(&mut self) {
        if self.child.is_some() {
            self.stop().await;
        }
        let port = self.port;
        self.spawn(port).await;
    }

    /// Starts it again (as [`SmtpServer::restart`]) speaking `tls`: another certificate, or
    /// another way of speaking TLS, on the same port. [`SmtpServer::url`] follows.
    pub async fn restart_with(&mut self, tls: Tls) {
        self.tls = tls;
        self.restart().await;
    }

    /// Every message received (accepted) so far, parsed. Order: by arrival.
    pub fn messages(&self) -> Vec<Mail> {
        self.read("new", "envelope")
    }

    /// Every message answered `451` under a [`Refusals`] rule, parsed. Order: by arrival.
    pub fn refused(&self) -> Vec<Mail> {
        self.read("refused", "refused-envelope")
    }

    /// The messages in `Maildir/<dir>`, each with its envelope from `Maildir/<envelopes>`.
    fn read(&self, dir: &str, envelopes: &str) -> Vec<Mail> {
        let maildir = self.maildir();
        self.names(dir)
            .iter()
            .map(|name| {
                let raw = fs::read(maildir.join(dir).join(name)).unwrap();
                let envelope = fs::read(maildir.join(envelopes).join(format!("{name}.json")))
                    .unwrap_or_else(|e| panic!("no envelope for message {name}: {e}"));
                let envelope: serde_json::Value = serde_json::from_slice(&envelope).unwrap();
                let to = envelope["rcpt_tos"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|rcpt| rcpt.as_str().unwrap().to_lowercase())
                    .collect();
                let tls = envelope["tls"].as_str().map(str::to_owned);
                Mail::parse(to, tls, &raw)
            })
            .collect()
    }

    /// Waits until at least `n` messages have arrived (polling every 50 ms), or panics after `timeout` with the count.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Mail> {
        let deadline = Instant::now() + timeout;
        loop {
            let count = self.names("new").len();
            if count >= n {
                return self.messages();
            }
            if Instant::now() >= deadline {
                panic!(
                    "waited {timeout:?} for {n} messages on the SMTP server, got {count}; server stderr:\n{}",
                    self.log()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn maildir(&self) -> PathBuf {
        self.dir.path().join("Maildir")
    }

    /// The file names of the messages in `Maildir/<dir>` (`new`: accepted), in arrival order.
    fn names(&self, dir: &str) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.maildir().join(dir))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// The server's stderr over all its runs (aiosmtpd's log, Python tracebacks): for a test's
    /// failure message.
    pub fn log(&self) -> String {
        let log = fs::read(self.dir.path().join("smtpd.log")).unwrap_or_default();
        String::from_utf8_lossy(&log).into_owned()
    }

    /// Runs the server on `port` (0: any free one) and waits until it listens.
    async fn spawn(&mut self, port: u16) {
        let ready = self.dir.path().join("ready");
        let _ = fs::remove_file(&ready);
        let log = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join("smtpd.log"))
            .unwrap();
        let mut command = Command::new(PYTHON);
        command
            .args(["-I", "-c", SERVER_PY])
            .arg(self.dir.path())
            .arg(port.to_string())
            .arg(MAX_MESSAGE_BYTES.to_string());
        match &self.tls {
            Tls::None => command.arg("none"),
            Tls::Starttls(c) => command.arg("starttls").arg(&c.cert).arg(&c.key),
            Tls::Implicit(c) => command.arg("implicit").arg(&c.cert).arg(&c.key),
        };
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot run {PYTHON} (Debian's python3 with python3-aiosmtpd): {e}")
            });
        let deadline = Instant::now() + PORT_TIMEOUT;
        loop {
            if let Ok(bound) = fs::read_to_string(&ready) {
                self.port = bound.trim().parse().unwrap();
                self.child = Some(child);
                return;
            }
            let exited = child.try_wait().unwrap();
            if exited.is_some() || Instant::now() >= deadline {
                let why = match exited {
                    Some(status) => format!("exited during start-up ({status})"),
                    None => format!("did not listen within {PORT_TIMEOUT:?}"),
                };
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "SMTP server ({PYTHON}, 127.0.0.1:{port}) {why}; stderr:\n{}",
                    self.log()
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

#[derive(Debug, Clone)]
pub struct Mail {
    /// Envelope recipients as the server saw them (RCPT TO), lower-cased.
    pub to: Vec<String>,
    pub subject: String,
    /// Every header as (name lower-cased, decoded value), in order.
    pub headers: Vec<(String, String)>,
    /// The text/plain part, decoded (quoted-printable/base64 undone, UTF-8).
    pub text: String,
    /// The text/html part, decoded, or empty.
    pub html: String,
    /// The whole raw message as received.
    pub raw: String,
    /// The TLS version of the session the message came over (`TLSv1.3`), `None` in plain text.
    pub tls: Option<String>,
}

impl Mail {
    /// First header with that name (case-insensitive), decoded.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn parse(to: Vec<String>, tls: Option<String>, raw: &[u8]) -> Mail {
        let unparseable = || panic!("unparseable message:\n{}", String::from_utf8_lossy(raw));
        let message = MessageParser::default()
            .parse(raw)
            .unwrap_or_else(unparseable);
        // A second pass over the top-level headers alone, every one read as unstructured text:
        // unfolded, RFC 2047 encoded words decoded.
        let top = MessageParser::new()
            .header_text(HeaderName::Subject)
            .default_header_text()
            .parse_headers(raw)
            .unwrap_or_else(unparseable);
        let headers = top
            .headers()
            .iter()
            .map(|h| {
                let value = h.value().as_text().unwrap_or_default();
                (h.name().to_ascii_lowercase(), value.to_owned())
            })
            .collect();
        let part = |ids: &[u32], html: bool| {
            ids.iter()
                .find_map(|&id| match (&message.parts[id as usize].body, html) {
                    (PartType::Text(text), false) | (PartType::Html(text), true) => {
                        Some(text.to_string())
                    }
                    _ => None,
                })
                .unwrap_or_default()
        };
        Mail {
            to,
            subject: message.subject().unwrap_or_default().to_owned(),
            headers,
            text: part(&message.text_body, false),
            html: part(&message.html_body, true),
            raw: String::from_utf8_lossy(raw).into_owned(),
            tls,
        }
    }
}

/// Certificates for the TLS tests, made fresh and written as PEM files into a folder.
pub struct Certificates {
    /// `ca.pem`: the test CA's certificate, the one a client is told to trust
    /// (`mail.smtp_ca_file`).
    pub ca: PathBuf,
    /// For `localhost` and 127.0.0.1, signed by the CA: verifies.
    pub server: ServerCert,
    /// For `localhost` and 127.0.0.1 too, but self-signed: no CA the client trusts vouches for it.
    pub stranger: ServerCert,
    /// Signed by the CA, but for `mail.example.org` only: the wrong name for `localhost`.
    pub wrong_name: ServerCert,
}

impl Certificates {
    pub fn generate(dir: &Path) -> Certificates {
        use rcgen::{
            BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose,
            IsCa, KeyPair, KeyUsagePurpose,
        };

        let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca.distinguished_name
            .push(DnType::CommonName, "Lookout test CA");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca = CertifiedIssuer::self_signed(ca, KeyPair::generate().unwrap()).unwrap();
        let ca_path = dir.join("ca.pem");
        fs::write(&ca_path, ca.pem()).unwrap();

        // A server certificate as a public CA would issue it; only its names and issuer vary.
        let leaf = |names: &[&str]| {
            let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
            let mut params = CertificateParams::new(names.clone()).unwrap();
            params
                .distinguished_name
                .push(DnType::CommonName, names[0].as_str());
            params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
            params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
            params.use_authority_key_identifier_extension = true;
            params
        };
        let write = |name: &str, cert: String, key: &KeyPair| {
            let pair = ServerCert {
                cert: dir.join(format!("{name}.pem")),
                key: dir.join(format!("{name}.key")),
            };
            fs::write(&pair.cert, cert).unwrap();
            fs::write(&pair.key, key.serialize_pem()).unwrap();
            pair
        };

        let key = KeyPair::generate().unwrap();
        let cert = leaf(&["localhost", "127.0.0.1"])
            .signed_by(&key, &*ca)
            .unwrap();
        let server = write("server", cert.pem(), &key);

        let key = KeyPair::generate().unwrap();
        let mut params = leaf(&["localhost", "127.0.0.1"]);
        params.use_authority_key_identifier_extension = false;
        let cert = params.self_signed(&key).unwrap();
        let stranger = write("stranger", cert.pem(), &key);

        let key = KeyPair::generate().unwrap();
        let cert = leaf(&["mail.example.org"]).signed_by(&key, &*ca).unwrap();
        let wrong_name = write("wrong-name", cert.pem(), &key);

        Certificates {
            ca: ca_path,
            server,
            stranger,
            wrong_name,
        }
    }
}

/// Sends one message over a raw SMTP conversation, checking every reply code.
async fn send_raw(port: u16, from: &str, rcpts: &[&str], message: &str) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

    let stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    let mut exchange = async |line: Option<String>, code: &str| {
        if let Some(line) = &line {
            writer.write_all(line.as_bytes()).await.unwrap();
        }
        let mut reply = String::new();
        loop {
            let mut text = String::new();
            assert!(
                reader.read_line(&mut text).await.unwrap() > 0,
                "SMTP connection closed"
            );
            reply.push_str(&text);
            if text.as_bytes().get(3) != Some(&b'-') {
                break;
            }
        }
        assert!(
            reply.starts_with(code),
            "sent {line:?}, expected {code}, got {reply:?}"
        );
        reply
    };
    exchange(None, "220").await;
    let ehlo = exchange(Some("EHLO client.lookout.test\r\n".into()), "250").await;
    assert!(ehlo.contains("SIZE 1048576"), "{ehlo}");
    exchange(Some(format!("MAIL FROM:<{from}>\r\n")), "250").await;
    for rcpt in rcpts {
        exchange(Some(format!("RCPT TO:<{rcpt}>\r\n")), "250").await;
    }
    exchange(Some("DATA\r\n".into()), "354").await;
    // Dot-stuffing (RFC 5321 4.5.2), then the lone dot.
    let mut data: String = message
        .split_inclusive("\r\n")
        .map(|line| {
            if line.starts_with('.') {
                format!(".{line}")
            } else {
                line.to_owned()
            }
        })
        .collect();
    data.push_str(".\r\n");
    exchange(Some(data), "250").await;
    exchange(Some("QUIT\r\n".into()), "221").await;
}

#[tokio::test]
async fn smtp_fixture_receives_stops_and_restarts() {
    let first = [
        "From: Lookout <alerts@lookout.test>",
        "To: undisclosed-recipients:;",
        "Subject: =?UTF-8?Q?Safety_alert_=E2=80=94_Cardiff?=",
        "Date: Tue, 18 Nov 2025 10:00:00 +0000",
        "Message-ID: <fixture-1@lookout.test>",
        "MIME-Version: 1.0",
        "List-Unsubscribe: <https://lookout.test/unsubscribe/abc123>,",
        " <mailto:unsubscribe@lookout.test?subject=abc123>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
        "Content-Type: multipart/alternative; boundary=\"b1\"",
        "",
        "--b1",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        "A white van near the caf=C3=A9 on Queen Street. This line is long enough t=",
        "o need a soft line break.",
        ".A line that starts with a dot.",
        "--b1",
        "Content-Type: text/html; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        "<p>A white van near the caf=C3=A9 on Queen Street.</p>",
        "--b1--",
        "",
    ]
    .join("\r\n");
    let second = [
        "From: Lookout <alerts@lookout.test>",
        "To: carol@example.com",
        "Subject: second",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "After the outage.",
        "",
    ]
    .join("\r\n");

    let mut server = SmtpServer::start().await;
    let port = server.port();
    assert_eq!(server.url(), format!("smtp://127.0.0.1:{port}"));
    assert!(server.messages().is_empty());

    let rcpts = ["Alice@Example.org", "bob@example.net"];
    send_raw(port, "alerts@lookout.test", &rcpts, &first).await;
    let mails = server.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.to, ["alice@example.org", "bob@example.net"]);
    assert_eq!(mail.subject, "Safety alert — Cardiff");
    let names: Vec<&str> = mail.headers.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "from",
            "to",
            "subject",
            "date",
            "message-id",
            "mime-version",
            "list-unsubscribe",
            "list-unsubscribe-post",
            "content-type"
        ]
    );
    assert_eq!(mail.header("Subject"), Some("Safety alert — Cardiff"));
    assert_eq!(
        mail.header("LIST-UNSUBSCRIBE"),
        Some(
            "<https://lookout.test/unsubscribe/abc123>, <mailto:unsubscribe@lookout.test?subject=abc123>"
        )
    );
    assert_eq!(
        mail.header("list-unsubscribe-post"),
        Some("List-Unsubscribe=One-Click")
    );
    assert_eq!(mail.header("x-missing"), None);
    assert_eq!(
        mail.text.replace("\r\n", "\n").trim_end(),
        "A white van near the café on Queen Street. This line is long enough to need a soft line break.\n.A line that starts with a dot."
    );
    assert_eq!(
        mail.html.trim_end(),
        "<p>A white van near the café on Queen Street.</p>"
    );
    assert_eq!(
        mail.raw, first,
        "raw is the message as sent, dots unstuffed"
    );

    server.stop().await;
    assert!(TcpStream::connect(("127.0.0.1", port)).await.is_err());
    assert_eq!(
        server.messages().len(),
        1,
        "the Maildir outlives the process"
    );

    server.restart().await;
    assert_eq!(server.port(), port);
    send_raw(port, "alerts@lookout.test", &["carol@example.com"], &second).await;
    let mails = server.wait_for(2, Duration::from_secs(5)).await;
    assert_eq!(mails.len(), 2);
    assert_eq!(mails[0].subject, "Safety alert — Cardiff");
    assert_eq!(mails[0].to, ["alice@example.org", "bob@example.net"]);
    assert_eq!(mails[1].subject, "second");
    assert_eq!(mails[1].to, ["carol@example.com"]);
    assert_eq!(mails[1].text.trim_end(), "After the outage.");
    assert_eq!(mails[1].html, "");
    assert_eq!(mails[1].tls, None, "plain SMTP");
    assert!(server.refused().is_empty());
}

/// A client for the fixture's own tests: lettre, as independent of the service's sender as this
/// file can get, speaking `tls` to `localhost:port`.
fn client(
    port: u16,
    tls: lettre::transport::smtp::client::Tls,
) -> lettre::AsyncSmtpTransport<lettre::Tokio1Executor> {
    lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::builder_dangerous("localhost")
        .port(port)
        .tls(tls)
        .timeout(Some(Duration::from_secs(10)))
        .build()
}

/// TLS parameters for `localhost` trusting the certificates in `ca` (and the public roots).
fn trusting(ca: &Path) -> lettre::transport::smtp::client::TlsParameters {
    let ca =
        lettre::transport::smtp::client::Certificate::from_pem(&fs::read(ca).unwrap()).unwrap();
    lettre::transport::smtp::client::TlsParameters::builder("localhost".into())
        .add_root_certificate(ca)
        .build_rustls()
        .unwrap()
}

/// Sends a one-line message to `to`; the error, if the server or the TLS handshake refused.
async fn send_to(
    client: &lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    to: &str,
    subject: &str,
) -> Result<(), lettre::transport::smtp::Error> {
    use lettre::AsyncTransport;
    let envelope = lettre::address::Envelope::new(
        Some("alerts@lookout.test".parse().unwrap()),
        vec![to.parse().unwrap()],
    )
    .unwrap();
    let message =
        format!("From: alerts@lookout.test\r\nTo: {to}\r\nSubject: {subject}\r\n\r\nHello.\r\n");
    client
        .send_raw(&envelope, message.as_bytes())
        .await
        .map(|_| ())
}

fn reply_code(result: &Result<(), lettre::transport::smtp::Error>) -> Option<u16> {
    result
        .as_ref()
        .err()
        .and_then(|e| e.status())
        .map(u16::from)
}

/// STARTTLS (required) and implicit TLS with the CA's certificate work for a client that trusts
/// the CA, and record the TLS version; a client that will not upgrade cannot send; the stranger's
/// and the wrong name's certificates fail a verifying client; refusals come as the rule says.
#[tokio::test]
async fn smtp_fixture_speaks_tls_and_pushes_back_on_request() {
    use lettre::transport::smtp::client::Tls as ClientTls;

    let dir = tempfile::tempdir().unwrap();
    let certs = Certificates::generate(dir.path());
    let is_tls = |mail: &Mail| matches!(mail.tls.as_deref(), Some("TLSv1.2" | "TLSv1.3"));

    // STARTTLS, required.
    let mut server = SmtpServer::start_with(SmtpOptions {
        tls: Tls::Starttls(certs.server.clone()),
        ..SmtpOptions::default()
    })
    .await;
    let port = server.port();
    assert_eq!(
        server.url(),
        format!("smtp://localhost:{port}?tls=required")
    );
    let plain = send_to(&client(port, ClientTls::None), "a@example.org", "plain").await;
    assert_eq!(reply_code(&plain), Some(530), "{plain:?}");
    let public_roots_only =
        lettre::transport::smtp::client::TlsParameters::builder("localhost".into())
            .build_rustls()
            .unwrap();
    let untrusted = send_to(
        &client(port, ClientTls::Required(public_roots_only)),
        "a@example.org",
        "untrusted",
    )
    .await;
    assert!(untrusted.is_err(), "the test CA is no public root");
    let trusted = client(port, ClientTls::Required(trusting(&certs.ca)));
    send_to(&trusted, "a@example.org", "starttls")
        .await
        .unwrap();
    let mails = server.messages();
    assert_eq!(mails.len(), 1, "only the upgraded session sent: {mails:?}");
    assert_eq!(mails[0].subject, "starttls");
    assert_eq!(mails[0].to, ["a@example.org"]);
    assert!(is_tls(&mails[0]), "{:?}", mails[0].tls);
    for bad in [&certs.stranger, &certs.wrong_name] {
        server.restart_with(Tls::Starttls(bad.clone())).await;
        let client = client(port, ClientTls::Required(trusting(&certs.ca)));
        let sent = send_to(&client, "a@example.org", "bad certificate").await;
        assert!(sent.is_err(), "{} verified", bad.cert.display());
    }
    assert_eq!(server.messages().len(), 1);
    drop(server);

    // Implicit TLS.
    let mut server = SmtpServer::start_with(SmtpOptions {
        tls: Tls::Implicit(certs.server.clone()),
        ..SmtpOptions::default()
    })
    .await;
    let port = server.port();
    assert_eq!(server.url(), format!("smtps://localhost:{port}"));
    let trusted = client(port, ClientTls::Wrapper(trusting(&certs.ca)));
    send_to(&trusted, "b@example.org", "smtps").await.unwrap();
    let mails = server.messages();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, ["b@example.org"]);
    assert!(is_tls(&mails[0]), "{:?}", mails[0].tls);
    for bad in [&certs.stranger, &certs.wrong_name] {
        server.restart_with(Tls::Implicit(bad.clone())).await;
        let client = client(port, ClientTls::Wrapper(trusting(&certs.ca)));
        let sent = send_to(&client, "b@example.org", "bad certificate").await;
        assert!(sent.is_err(), "{} verified", bad.cert.display());
    }
    assert_eq!(server.messages().len(), 1);
    drop(server);

    // Refusals: every 2nd message offered, until 2 have been; set on a running server.
    let mut server = SmtpServer::start().await;
    let port = server.port();
    server.refuse(Some(Refusals { every: 2, up_to: 2 }));
    let mut codes = Vec::new();
    for i in 1..=5 {
        let client = client(port, ClientTls::None);
        let to = format!("c{i}@example.org");
        codes.push(reply_code(&send_to(&client, &to, &format!("m{i}")).await));
    }
    assert_eq!(codes, [None, Some(451), None, Some(451), None]);
    let refused = server.refused();
    let refused: Vec<(&str, &str)> = refused
        .iter()
        .map(|m| (m.to[0].as_str(), m.subject.as_str()))
        .collect();
    assert_eq!(
        refused,
        [("c2@example.org", "m2"), ("c4@example.org", "m4")]
    );
    let accepted: Vec<String> = server
        .messages()
        .iter()
        .map(|m| m.subject.clone())
        .collect();
    assert_eq!(accepted, ["m1", "m3", "m5"]);
    // The same rule set again counts afresh (it would accept everything now if it went on from
    // its 2 refusals); `None` accepts everything.
    server.refuse(Some(Refusals { every: 2, up_to: 2 }));
    let mut codes = Vec::new();
    for i in 6..=7 {
        let client = client(port, ClientTls::None);
        codes.push(reply_code(
            &send_to(&client, "d@example.org", &format!("m{i}")).await,
        ));
    }
    assert_eq!(codes, [None, Some(451)]);
    server.refuse(None);
    for i in 8..=10 {
        send_to(
            &client(port, ClientTls::None),
            "d@example.org",
            &format!("m{i}"),
        )
        .await
        .unwrap();
    }
    let refused: Vec<String> = server.refused().iter().map(|m| m.subject.clone()).collect();
    assert_eq!(refused, ["m2", "m4", "m7"]);
    let accepted: Vec<String> = server
        .messages()
        .iter()
        .map(|m| m.subject.clone())
        .collect();
    assert_eq!(accepted, ["m1", "m3", "m5", "m6", "m8", "m9", "m10"]);
}
