//! A real SMTP server for the tests: aiosmtpd, run by Debian's `/usr/bin/python3` (package
//! `python3-aiosmtpd`), listening on 127.0.0.1 and writing every message it accepts into a
//! Maildir in a temporary directory, with the envelope recipients beside it.
//!
//! Layout of the temporary directory:
//! - `Maildir/new/NNNNNNNNNN.PID.lookout-test`: one file per accepted message, exactly the bytes
//!   received after DATA (dot-unstuffed, CRLF line ends). `NNNNNNNNNN` is an arrival counter that
//!   goes on across restarts, so sorting the names gives the arrival order.
//! - `Maildir/envelope/<same name>.json`: `{"mail_from": ..., "rcpt_tos": [...]}`, renamed into
//!   place before the message itself, so every visible message has its envelope.
//! - `smtpd.log`: the server's stderr, over all its runs.
//!
//! Both files are written under `Maildir/tmp/` and renamed into place: a reader never sees half a
//! message. The server also exits by itself when its stdin (a pipe held by this process) closes,
//! so not even a test binary that is killed outright leaves a server behind.
//!
//! Limits: messages up to 1 MiB (`SIZE 1048576` in the EHLO reply, 552 beyond), lines up to
//! 1000 octets (RFC 5321; longer ones get 500), SMTPUTF8 and 8BITMIME on, no TLS, no AUTH.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
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

/// The server, run as `python3 -I -c SERVER_PY ROOT PORT MAX_BYTES` (PORT 0: any free port).
/// Once it listens it writes the port it got to `ROOT/ready`.
const SERVER_PY: &str = r#"
import asyncio, errno, json, os, sys, time
from aiosmtpd.smtp import SMTP

root, port, max_bytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
maildir = os.path.join(root, "Maildir")
dirs = {d: os.path.join(maildir, d) for d in ("tmp", "new", "cur", "envelope")}
for d in dirs.values():
    os.makedirs(d, exist_ok=True)
seq = max((int(n.split(".")[0]) for n in os.listdir(dirs["new"]) if n.split(".")[0].isdigit()), default=0)


def put(directory, name, data):
    tmp = os.path.join(dirs["tmp"], name)
    with open(tmp, "wb") as f:
        f.write(data)
    os.rename(tmp, os.path.join(directory, name))


class Handler:
    async def handle_DATA(self, server, session, envelope):
        global seq
        seq += 1
        name = "%010d.%d.lookout-test" % (seq, os.getpid())
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos)}
        put(dirs["envelope"], name + ".json", json.dumps(meta).encode())
        put(dirs["new"], name, bytes(envelope.original_content))
        return "250 2.0.0 Ok: queued as " + name


def on_stdin():
    # EOF: the test process is gone. "k": stop() asks for the outage. Either way, die at once: no
    # SMTP goodbye, open connections just drop. Running as an event-loop callback, this can never
    # fall between storing a message and writing its 250 (no await lies between the two).
    data = os.read(0, 4096)
    if not data or b"k" in data:
        os._exit(1)


def factory():
    return SMTP(Handler(), hostname="lookout-test-smtp", ident="lookout test smtpd",
                data_size_limit=max_bytes, enable_SMTPUTF8=True, decode_data=False)


async def main():
    loop = asyncio.get_running_loop()
    loop.add_reader(0, on_stdin)
    deadline = time.monotonic() + 5
    while True:
        try:
            server = await loop.create_server(factory, host="127.0.0.1", port=port,
                                              reuse_address=True, backlog=1024)
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

/// A real SMTP server (aiosmtpd, run by /usr/bin/python3) on 127.0.0.1, writing each message it
/// accepts as a file in a Maildir. It can be stopped and started again on the same port.
pub struct SmtpServer {
    port: u16,
    /// Holds `Maildir/`, `ready` and `smtpd.log`; removed on drop.
    dir: TempDir,
    /// `None` while stopped.
    child: Option<Child>,
}

impl SmtpServer {
    /// Starts on a free loopback port; returns once the port accepts connections (timeout 10 s, then panic with the server's stderr).
    pub async fn start() -> SmtpServer {
        let dir = tempfile::Builder::new()
            .prefix("lookout-smtp-")
            .tempdir()
            .unwrap();
        let mut server = SmtpServer {
            port: 0,
            dir,
            child: None,
        };
        server.spawn(0).await;
        server
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `smtp://127.0.0.1:PORT` (lettre URL form, plain SMTP on loopback).
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
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

    /// Every message received so far, parsed. Order: by arrival.
    pub fn messages(&self) -> Vec<Mail> {
        let maildir = self.maildir();
        self.message_names()
            .iter()
            .map(|name| {
                let raw = fs::read(maildir.join("new").join(name)).unwrap();
                let envelope = fs::read(maildir.join("envelope").join(format!("{name}.json")))
                    .unwrap_or_else(|e| panic!("no envelope for message {name}: {e}"));
                let envelope: serde_json::Value = serde_json::from_slice(&envelope).unwrap();
                let to = envelope["rcpt_tos"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|rcpt| rcpt.as_str().unwrap().to_lowercase())
                    .collect();
                Mail::parse(to, &raw)
            })
            .collect()
    }

    /// Waits until at least `n` messages have arrived (polling every 50 ms), or panics after `timeout` with the count.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Mail> {
        let deadline = Instant::now() + timeout;
        loop {
            let count = self.message_names().len();
            if count >= n {
                return self.messages();
            }
            if Instant::now() >= deadline {
                panic!(
                    "waited {timeout:?} for {n} messages on the SMTP server, got {count}; server stderr:\n{}",
                    self.stderr()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn maildir(&self) -> PathBuf {
        self.dir.path().join("Maildir")
    }

    /// The accepted messages' file names, in arrival order.
    fn message_names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.maildir().join("new"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn stderr(&self) -> String {
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
        let mut child = Command::new(PYTHON)
            .args(["-I", "-c", SERVER_PY])
            .arg(self.dir.path())
            .arg(port.to_string())
            .arg(MAX_MESSAGE_BYTES.to_string())
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
                    self.stderr()
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
}

impl Mail {
    /// First header with that name (case-insensitive), decoded.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn parse(to: Vec<String>, raw: &[u8]) -> Mail {
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
}
