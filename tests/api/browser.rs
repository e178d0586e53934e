//! Browser tests: pages in a real headless Chromium, driven over WebDriver by its own
//! chromedriver, with JavaScript OFF (the pages need none, and people reporting from a locked-down
//! phone or Tor Browser's safest level may have it off). Forms are filled and submitted as a person
//! would, the result is read as rendered text, axe-core checks accessibility and screenshots are
//! taken at phone and desktop width.
//!
//! Needs Debian's `chromium` and `chromium-driver` (paths from `CHROMIUM` and `CHROMEDRIVER`), and
//! axe-core in `tests/browser/node_modules` (`npm ci --prefix tests/browser`; `scripts/test` does
//! both checks). A page test:
//!
//! ```ignore
//! let app = spawn_app(Backend::Sqlite).await;
//! let browser = Browser::start(Viewport::Phone).await;
//! browser.goto(&app.url("/report")).await;
//! browser.fill("area", "Cardiff city centre").await;
//! browser.select("region", "south-wales").await;
//! browser.check("alert", "yes").await;
//! browser.press("Send report").await;
//! assert!(browser.text().await.contains("Thank you"));
//! browser.axe_check().await;
//! browser.screenshot("report-sent").await;
//! ```
//!
//! Every helper panics with what it looked for, the page's URL and an excerpt of its text.
//! Each `Browser` has its own chromedriver and Chromium (about 1 s to start), so tests stay
//! independent and run in parallel; both end when the `Browser` is dropped, also when a test
//! panics.

use std::fmt;
use std::future::Future;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde::Deserialize;
use serde_json::{Value, json};
use tempfile::TempDir;

pub const CHROMEDRIVER_ENV: &str = "CHROMEDRIVER";
pub const CHROMIUM_ENV: &str = "CHROMIUM";
/// Where `screenshot` writes its PNGs; unset, screenshots are taken and checked but not written.
pub const SCREENSHOTS_ENV: &str = "LOOKOUT_SCREENSHOTS";
const INSTALL: &str = "apt-get install chromium chromium-driver";
const AXE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/browser/node_modules/axe-core/axe.min.js"
);
/// chromedriver listening, Chromium started.
const START_TIMEOUT: Duration = Duration::from_secs(15);
/// A page load, a form submission, an axe run.
const PAGE_TIMEOUT: Duration = Duration::from_secs(15);
/// Any one WebDriver command: chromedriver can hang on one (it did on emulated touch taps with
/// JavaScript off), and a test must then fail, not hang.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(25);
/// Full-page screenshots stop here (Chromium cannot capture arbitrarily tall surfaces).
const MAX_SCREENSHOT_HEIGHT: u32 = 12_000;
/// The languages the browser asks for unless a test asks for others (Chromium sends them as
/// `en-GB,en;q=0.9`).
pub const DEFAULT_ACCEPT_LANGUAGE: &str = "en-GB,en";

/// The two widths every page is checked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewport {
    /// 360 × 780 CSS px at device pixel ratio 1, emulated as a mobile device (chromedriver
    /// `mobileEmulation`): the page's `<meta name="viewport">` is honoured as on a phone, so a page
    /// without `width=device-width` lays out 980 px wide and is shown zoomed out, as on a phone.
    /// The page sees a touch screen (`pointer: coarse`, `hover: none`); the clicks are mouse
    /// clicks (see `launch`).
    Phone,
    /// A 1280 × 900 window.
    Desktop,
}

impl Viewport {
    pub fn width(self) -> u32 {
        match self {
            Viewport::Phone => 360,
            Viewport::Desktop => 1280,
        }
    }

    pub fn height(self) -> u32 {
        match self {
            Viewport::Phone => 780,
            Viewport::Desktop => 900,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Javascript {
    Off,
    /// For the harness's own tests (proving JavaScript is really off, and that axe finds the same
    /// problems with JavaScript off as in an ordinary browser), and the proof-of-work solver.
    On,
}

/// One axe-core rule that failed on the page.
#[derive(Debug, Clone, Deserialize)]
pub struct AxeViolation {
    /// The rule, e.g. `label`, `color-contrast`.
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: Option<String>,
    pub help: String,
    #[serde(rename = "helpUrl")]
    pub help_url: String,
    pub nodes: Vec<AxeNode>,
}

/// One element a rule failed on.
#[derive(Debug, Clone, Deserialize)]
pub struct AxeNode {
    /// CSS selectors to the element (a nested list for an element inside a shadow root).
    pub target: Vec<Value>,
    pub html: String,
    #[serde(rename = "failureSummary")]
    pub failure_summary: Option<String>,
}

impl AxeViolation {
    /// What fails a page: `serious` and `critical`.
    pub fn is_serious(&self) -> bool {
        matches!(self.impact.as_deref(), Some("serious" | "critical"))
    }
}

impl fmt::Display for AxeViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let impact = self.impact.as_deref().unwrap_or("unknown impact");
        writeln!(
            f,
            "{} ({impact}): {} <{}>",
            self.id, self.help, self.help_url
        )?;
        for node in &self.nodes {
            let target: Vec<String> = node
                .target
                .iter()
                .map(|t| match t {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            writeln!(
                f,
                "    at {}: {}",
                target.join(" "),
                excerpt(&node.html, 200)
            )?;
            if let Some(summary) = &node.failure_summary {
                writeln!(f, "       {}", excerpt(summary, 400))?;
            }
        }
        Ok(())
    }
}

/// A headless Chromium with JavaScript off, at one viewport.
pub struct Browser {
    client: Client,
    viewport: Viewport,
    javascript: Javascript,
    session: String,
    chromium_pid: Option<u64>,
    // Dropped after `Drop::drop` has ended the session: chromedriver, then Chromium's profile.
    driver: ChromeDriver,
    _profile: TempDir,
}

impl Browser {
    /// Starts chromedriver and Chromium with JavaScript off; Accept-Language is
    /// `DEFAULT_ACCEPT_LANGUAGE`.
    pub async fn start(viewport: Viewport) -> Browser {
        Browser::launch(viewport, Javascript::Off, DEFAULT_ACCEPT_LANGUAGE).await
    }

    /// `start` with JavaScript on: only for what exists for browsers that run it (the
    /// proof-of-work solver while the service is flooded); every form works without it.
    pub async fn start_with_javascript(viewport: Viewport) -> Browser {
        Browser::launch(viewport, Javascript::On, DEFAULT_ACCEPT_LANGUAGE).await
    }

    /// `start` with another Accept-Language, e.g. `"th,en;q=0.5"`.
    #[allow(dead_code)]
    pub async fn start_with_language(viewport: Viewport, accept_language: &str) -> Browser {
        Browser::launch(viewport, Javascript::Off, accept_language).await
    }

    async fn launch(viewport: Viewport, javascript: Javascript, accept_language: &str) -> Browser {
        let chromium = std::env::var(CHROMIUM_ENV).unwrap_or_else(|_| "/usr/bin/chromium".into());
        assert!(
            Path::new(&chromium).is_file(),
            "no Chromium at {chromium} (set {CHROMIUM_ENV} to another). The browser tests need \
             Chromium and its WebDriver: {INSTALL}"
        );
        let driver = ChromeDriver::start().await;
        let profile = tempfile::Builder::new()
            .prefix("lookout-chromium-")
            .tempdir()
            .unwrap();
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ]
        .map(String::from)
        .into();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let mut prefs = json!({ "intl.accept_languages": accept_language });
        if javascript == Javascript::Off {
            // Two locks on one door: the content setting (what a user or an administrator sets)
            // and Blink's own switch. Neither stops WebDriver's execute_script, which goes through
            // the DevTools protocol, but page timers never fire: see `axe_violations`.
            prefs["profile.managed_default_content_settings.javascript"] = json!(2);
            args.push("--blink-settings=scriptEnabled=false".into());
        }
        let mut options = json!({ "binary": chromium, "args": args, "prefs": prefs });
        match viewport {
            Viewport::Phone => {
                // Touch is switched on below instead: with chromedriver's own touch emulation its
                // clicks become taps, and a tap on a page with JavaScript off never returns.
                let metrics =
                    json!({ "width": 360, "height": 780, "pixelRatio": 1.0, "touch": false });
                options["mobileEmulation"] = json!({ "deviceMetrics": metrics });
            }
            Viewport::Desktop => {
                options["args"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!("--window-size=1280,900"));
            }
        }
        let page_ms = PAGE_TIMEOUT.as_millis() as u64;
        let capabilities = json!({
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "timeouts": { "pageLoad": page_ms, "script": page_ms, "implicit": 0 },
            "goog:chromeOptions": options,
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(capabilities);
        let client = match tokio::time::timeout(START_TIMEOUT, builder.connect(&driver.url())).await
        {
            Ok(Ok(client)) => client,
            Ok(Err(e)) => panic!(
                "chromedriver could not start {chromium}: {e}\n(`{chromium} --headless=new \
                 --no-sandbox --dump-dom about:blank` may say why)\nchromedriver log:\n{}",
                driver.log()
            ),
            Err(_) => panic!(
                "{chromium} did not start within {START_TIMEOUT:?}\nchromedriver log:\n{}",
                driver.log()
            ),
        };
        let created = client.session_creation_response().cloned();
        let session = created
            .as_ref()
            .map(|c| c.session_id().to_string())
            .expect("a new session's id");
        let chromium_pid = created
            .as_ref()
            .and_then(|c| c.capabilities())
            .and_then(|c| c.get("goog:processID"))
            .and_then(Value::as_u64);
        let browser = Browser {
            client,
            viewport,
            javascript,
            session,
            chromium_pid,
            driver,
            _profile: profile,
        };
        if viewport == Viewport::Phone {
            // A touch screen for the page (`pointer: coarse`, `hover: none`, maxTouchPoints) while
            // chromedriver goes on clicking with a mouse.
            browser
                .cdp(
                    "Emulation.setTouchEmulationEnabled",
                    json!({ "enabled": true, "maxTouchPoints": 5 }),
                )
                .await;
        }
        if viewport == Viewport::Desktop {
            // --window-size is the outer size, and headless Chromium keeps room for its (unseen)
            // toolbars: grow the window by the difference so the page gets 1280 × 900.
            let (inner_width, inner_height) = browser.inner_size().await;
            let (outer_width, outer_height) = browser.client.get_window_size().await.unwrap();
            browser
                .client
                .set_window_size(
                    (1280 + outer_width - inner_width) as u32,
                    (900 + outer_height - inner_height) as u32,
                )
                .await
                .unwrap();
            assert_eq!(
                browser.inner_size().await,
                (1280, 900),
                "the desktop window's inner size"
            );
        }
        browser
    }

    pub fn viewport(&self) -> Viewport {
        self.viewport
    }

    /// The WebDriver client, for anything the helpers do not cover.
    #[allow(dead_code)]
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Loads `url` and waits until it has loaded. HTTP errors do not panic: see `status`.
    pub async fn goto(&self, url: &str) {
        self.wd(format!("could not load {url}"), self.client.goto(url))
            .await
    }

    /// Types `value` into the input or textarea named `name`, after clearing it. Fails if the
    /// field ends up holding something else (e.g. cut short by its `maxlength`).
    pub async fn fill(&self, name: &str, value: &str) {
        let css = format!("input[name={n}], textarea[name={n}]", n = css_string(name));
        let field = self
            .one(&css, &format!("an input or textarea named {name:?}"))
            .await;
        let kind = self.prop(&field, "type").await;
        if matches!(
            kind.as_str(),
            "checkbox" | "radio" | "submit" | "button" | "reset" | "file" | "image" | "hidden"
        ) {
            self.fail(format!(
                "fill({name:?}): the field is an input of type {kind}; use check/press instead"
            ))
            .await
        }
        if kind != "textarea" && value.contains('\n') {
            self.fail(format!(
                "fill({name:?}): a newline in a one-line input would press Enter; use press() to \
                 submit"
            ))
            .await
        }
        self.wd(
            format!("fill({name:?}): cannot clear the field"),
            field.clear(),
        )
        .await;
        // Typed key by key like a person, so `maxlength` and the like apply. Set directly
        // instead (as pasting would; no page script listens anyway): what chromedriver cannot
        // type (characters outside the Basic Multilingual Plane; a tab or carriage return would
        // be a key press), and date/time/colour/range inputs, which take no free typing.
        let typed = value
            .chars()
            .all(|c| (c as u32) <= 0xFFFF && (c == '\n' || !c.is_control()))
            && !matches!(
                kind.as_str(),
                "date" | "time" | "datetime-local" | "month" | "week" | "color" | "range"
            );
        let what = format!("fill({name:?}): cannot type into the field");
        if typed {
            self.wd(what, field.send_keys(value)).await;
        } else {
            let set = "arguments[0].value = arguments[1];";
            self.wd(
                what,
                self.client.execute(set, vec![json!(field), json!(value)]),
            )
            .await;
        }
        let now = self.prop(&field, "value").await;
        if now != value.replace("\r\n", "\n") {
            self.fail(format!(
                "fill({name:?}, {value:?}): the field holds {now:?} (maxlength? a pattern?)"
            ))
            .await
        }
    }

    /// Chooses the option with value `value` in the `<select>` named `name`.
    pub async fn select(&self, name: &str, value: &str) {
        let css = format!("select[name={}]", css_string(name));
        let select = self.one(&css, &format!("a select named {name:?}")).await;
        let option = format!("option[value={}]", css_string(value));
        let found = self
            .wd(
                "cannot search the options",
                select.find_all(Locator::Css(&option)),
            )
            .await;
        if found.is_empty() {
            let mut values = Vec::new();
            let options = self
                .wd(
                    "cannot search the options",
                    select.find_all(Locator::Css("option")),
                )
                .await;
            for o in options {
                values.push(self.prop(&o, "value").await);
            }
            self.fail(format!(
                "select({name:?}): no option with value {value:?}; the options are {values:?}"
            ))
            .await
        }
        self.wd(
            format!("select({name:?}, {value:?}): cannot choose the option"),
            found[0].click(),
        )
        .await;
        let now = self.prop(&select, "value").await;
        if now != value {
            self.fail(format!(
                "select({name:?}, {value:?}): the select holds {now:?}"
            ))
            .await
        }
    }

    /// Ticks the checkbox, or chooses the radio button, named `name` with value `value`.
    pub async fn check(&self, name: &str, value: &str) {
        self.set_checked(name, value, true).await
    }

    /// Unticks the checkbox named `name` with value `value`.
    #[allow(dead_code)]
    pub async fn uncheck(&self, name: &str, value: &str) {
        self.set_checked(name, value, false).await
    }

    /// Whether the checkbox or radio button named `name` with value `value` is checked.
    #[allow(dead_code)]
    pub async fn is_checked(&self, name: &str, value: &str) -> bool {
        let input = self.choice(name, value).await;
        self.selected(&input).await
    }

    async fn set_checked(&self, name: &str, value: &str, checked: bool) {
        let input = self.choice(name, value).await;
        if self.selected(&input).await == checked {
            return;
        }
        let what = format!("the input named {name:?} with value {value:?}");
        match tokio::time::timeout(COMMAND_TIMEOUT, input.click()).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                // A visually hidden input with a styled label: click the label, as a person would.
                let id = self.wd(&what, input.attr("id")).await.unwrap_or_default();
                let labels = self.all(&format!("label[for={}]", css_string(&id))).await;
                match labels.first() {
                    Some(label) if !id.is_empty() => {
                        self.wd(
                            format!("cannot click {what} ({e}) nor its label"),
                            label.click(),
                        )
                        .await
                    }
                    _ => self.fail(format!("cannot click {what}: {e}")).await,
                }
            }
            Err(_) => {
                self.fail(format!(
                    "clicking {what}: chromedriver did not answer within {COMMAND_TIMEOUT:?}"
                ))
                .await
            }
        }
        if self.selected(&input).await != checked {
            self.fail(format!(
                "clicking the input named {name:?} with value {value:?} did not make it {}",
                if checked { "checked" } else { "unchecked" }
            ))
            .await
        }
    }

    async fn choice(&self, name: &str, value: &str) -> Element {
        let css = format!(
            "input[type=checkbox][name={n}][value={v}], input[type=radio][name={n}][value={v}]",
            n = css_string(name),
            v = css_string(value)
        );
        self.one(
            &css,
            &format!("a checkbox or radio button named {name:?} with value {value:?}"),
        )
        .await
    }

    async fn selected(&self, element: &Element) -> bool {
        self.wd("cannot read whether it is checked", element.is_selected())
            .await
    }

    /// Clicks the visible `<button>` whose text is `label` (whitespace collapsed), or the
    /// `<input type=submit>` with that value, and waits until the page it leads to has loaded.
    pub async fn press(&self, label: &str) {
        let literal = xpath_literal(label);
        let xpath = format!(
            "//button[normalize-space(.)={literal}] | \
             //input[(@type='submit' or @type='button' or @type='reset') and @value={literal}]"
        );
        let target = self
            .visible_one(
                Locator::XPath(&xpath),
                &format!("button labelled {label:?}"),
                "//button | //input[@type='submit' or @type='button' or @type='reset']",
            )
            .await;
        self.click_and_wait(&target, &format!("pressing {label:?}"))
            .await
    }

    /// Clicks the visible link whose text is `text` (whitespace collapsed) and waits until the page
    /// it leads to has loaded.
    #[allow(dead_code)]
    pub async fn follow(&self, text: &str) {
        let xpath = format!("//a[normalize-space(.)={}]", xpath_literal(text));
        let target = self
            .visible_one(
                Locator::XPath(&xpath),
                &format!("link reading {text:?}"),
                "//a",
            )
            .await;
        self.click_and_wait(&target, &format!("following {text:?}"))
            .await
    }

    /// With JavaScript off every click that does anything is a navigation: a new document. The old
    /// one is marked first, and done means: the mark is gone and the new document has loaded.
    async fn click_and_wait(&self, target: &Element, what: &str) {
        let mark = "document.lookoutBeforeClick = true;";
        self.wd(
            format!("{what}: cannot mark the page"),
            self.client.execute(mark, vec![]),
        )
        .await;
        self.wd(format!("{what}: the click failed"), target.click())
            .await;
        let deadline = Instant::now() + PAGE_TIMEOUT;
        loop {
            let poll = "return document.lookoutBeforeClick ? 'old' : document.readyState;";
            let state = tokio::time::timeout(COMMAND_TIMEOUT, self.client.execute(poll, vec![]))
                .await
                .map_err(|_| "no answer".to_string())
                .and_then(|r| r.map_err(|e| e.to_string()));
            // Errors are expected while the next document replaces this one.
            if let Ok(Value::String(state)) = &state
                && state == "complete"
            {
                return;
            }
            if Instant::now() >= deadline {
                let invalid = "return Array.from(document.querySelectorAll(':invalid'))\
                               .filter(function (e) { return e.name; })\
                               .map(function (e) { return e.name + ': ' + e.validationMessage; });";
                let invalid = tokio::time::timeout(
                    Duration::from_secs(5),
                    self.client.execute(invalid, vec![]),
                )
                .await
                .ok()
                .and_then(Result::ok)
                .unwrap_or_default();
                self.fail(format!(
                    "{what} did not lead to a new page within {PAGE_TIMEOUT:?} (last state: \
                     {state:?}). Fields the browser refuses to submit: {invalid}"
                ))
                .await
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The page's visible text.
    pub async fn text(&self) -> String {
        let body = self
            .wd(
                "cannot find the page's body",
                self.client.find(Locator::Css("body")),
            )
            .await;
        self.wd("cannot read the page's text", body.text()).await
    }

    /// The visible text of the first element matching `css`.
    #[allow(dead_code)]
    pub async fn text_of(&self, css: &str) -> String {
        let found = self.all(css).await;
        let Some(first) = found.first() else {
            return self.fail(format!("nothing matches {css:?}")).await;
        };
        self.wd(format!("cannot read the text of {css:?}"), first.text())
            .await
    }

    /// How many elements match `css`.
    #[allow(dead_code)]
    pub async fn count(&self, css: &str) -> usize {
        self.all(css).await.len()
    }

    /// The current value of the field named `name`: an input, textarea or select, or the checked
    /// one of a group of radio buttons ("" if none is).
    pub async fn value_of(&self, name: &str) -> String {
        let css = format!("[name={}]", css_string(name));
        let fields = self.all(&css).await;
        if fields.len() == 1 {
            return self.prop(&fields[0], "value").await;
        }
        let mut checked = Vec::new();
        for field in &fields {
            let kind = self.prop(field, "type").await;
            if kind != "radio" {
                self.fail(format!(
                    "value_of({name:?}): {} fields have that name; for checkboxes use is_checked",
                    fields.len()
                ))
                .await
            }
            if self.selected(field).await {
                checked.push(self.prop(field, "value").await);
            }
        }
        match checked.len() {
            0 if !fields.is_empty() => String::new(),
            1 => checked.remove(0),
            _ => {
                self.fail(format!(
                    "value_of({name:?}): no single field with that name ({} found)",
                    fields.len()
                ))
                .await
            }
        }
    }

    pub async fn current_url(&self) -> String {
        let url = self.wd("cannot read the URL", self.client.current_url());
        url.await.to_string()
    }

    pub async fn title(&self) -> String {
        self.wd("cannot read the title", self.client.title()).await
    }

    /// The page's HTML as the browser holds it now.
    #[allow(dead_code)]
    pub async fn source(&self) -> String {
        self.wd("cannot read the page source", self.client.source())
            .await
    }

    /// The HTTP status the current page came with (0 if unknown, e.g. for a `data:` URL).
    pub async fn status(&self) -> u16 {
        let status = self
            .script(
                "var n = performance.getEntriesByType('navigation')[0];\
                 return n && n.responseStatus || 0;",
                vec![],
            )
            .await;
        status.as_u64().map(|s| s as u16).unwrap_or(0)
    }

    /// The layout viewport in CSS px (`innerWidth`, `innerHeight`). On a phone it is 360 wide only
    /// if the page says `<meta name="viewport" content="width=device-width">`.
    pub async fn inner_size(&self) -> (u64, u64) {
        let size = self
            .script("return [window.innerWidth, window.innerHeight];", vec![])
            .await;
        (size[0].as_u64().unwrap_or(0), size[1].as_u64().unwrap_or(0))
    }

    /// Runs a script through WebDriver (which works with page JavaScript off) and returns its
    /// result.
    pub async fn script(&self, script: &str, args: Vec<Value>) -> Value {
        let what = format!("the script failed ({})", excerpt(script, 200));
        self.wd(what, self.client.execute(script, args)).await
    }

    /// Runs axe-core on the current page and panics listing every serious or critical violation.
    pub async fn axe_check(&self) {
        let violations = self.axe_violations().await;
        let (serious, other): (Vec<_>, Vec<_>) = violations.iter().partition(|v| v.is_serious());
        if !serious.is_empty() {
            let list = |vs: &[&AxeViolation]| vs.iter().map(|v| v.to_string()).collect::<String>();
            self.fail(format!(
                "axe-core: {} serious or critical accessibility violation(s):\n{}\
                 (also, not failing the test: {})",
                serious.len(),
                list(&serious),
                if other.is_empty() {
                    "nothing".to_string()
                } else {
                    other
                        .iter()
                        .map(|v| v.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ))
            .await
        }
    }

    /// Every axe-core violation on the current page, whatever its impact.
    ///
    /// axe runs in this same session, on the page exactly as the test left it (after a POST, with
    /// its cookies), injected through WebDriver's execute_script: that goes through the DevTools
    /// protocol, which neither the page's Content-Security-Policy nor the JavaScript content
    /// setting stops. What JavaScript off does stop is every callback the page's event loop would
    /// run (setTimeout, queueMicrotask, requestAnimationFrame, MessageChannel: never; promise
    /// reactions do run), and axe waits on
    /// `setTimeout(…, 0)` between rules. So before the run, `setTimeout(f, 0)` and
    /// `queueMicrotask(f)` are made promise reactions, and longer timers, which axe uses only as
    /// time-outs (frames, asset preloading), never fire, as on a fast page. A second session with
    /// JavaScript on was the alternative, but it could only re-load a URL: not a page reached by a
    /// form POST, like a form shown again with its errors. The harness's tests check that axe finds
    /// the same violations here as in a browser with JavaScript on.
    pub async fn axe_violations(&self) -> Vec<AxeViolation> {
        let loaded = self.script("return typeof window.axe;", vec![]).await;
        if loaded != json!("object") {
            let inject = format!("{}\n;return typeof window.axe;", axe_source());
            let loaded = self.script(&inject, vec![]).await;
            if loaded != json!("object") {
                self.fail(format!("axe-core did not load into the page: {loaded}"))
                    .await
            }
        }
        let run = r#"
            var done = arguments[arguments.length - 1];
            if (arguments[0] && !window.lookoutAxeTimers) {
              window.lookoutAxeTimers = true;
              var later = function (f, args) {
                Promise.resolve().then(function () { f.apply(window, args); });
              };
              window.setTimeout = function (f, ms) {
                if (typeof f === 'function' && !ms) {
                  later(f, Array.prototype.slice.call(arguments, 2));
                }
                return 0;
              };
              window.clearTimeout = function () {};
              window.queueMicrotask = function (f) { later(f, []); };
            }
            axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
              done({ violations: r.violations.map(function (v) {
                return { id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(function (n) {
                    return { target: n.target, html: n.html, failureSummary: n.failureSummary };
                  }) };
              }) });
            }, function (e) { done({ error: String(e && e.stack || e) }); });
        "#;
        let shim = self.javascript == Javascript::Off;
        let result = self
            .wd(
                "axe-core did not finish",
                self.client.execute_async(run, vec![json!(shim)]),
            )
            .await;
        match serde_json::from_value::<Vec<AxeViolation>>(result["violations"].clone()) {
            Ok(violations) => violations,
            Err(_) => {
                self.fail(format!("axe-core failed: {}", result["error"]))
                    .await
            }
        }
    }

    /// Takes a screenshot of the whole page (up to 12 000 px tall) at this viewport's width and
    /// checks it is a PNG of that width. With `LOOKOUT_SCREENSHOTS` set, also writes it to
    /// `$LOOKOUT_SCREENSHOTS/<name>-<width>.png` (the folder is created). Returns the PNG.
    #[allow(dead_code)]
    pub async fn screenshot(&self, name: &str) -> Vec<u8> {
        let dir = std::env::var_os(SCREENSHOTS_ENV).map(PathBuf::from);
        self.screenshot_into(dir.as_deref(), name).await
    }

    async fn screenshot_into(&self, dir: Option<&Path>, name: &str) -> Vec<u8> {
        assert!(
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "screenshot name {name:?}: use letters, digits, - and _"
        );
        let png = self.full_page_png().await;
        let Some((width, _)) = png_size(&png) else {
            return self.fail("the screenshot is not a PNG").await;
        };
        if width != self.viewport.width() {
            self.fail(format!(
                "the screenshot is {width} px wide, not {}",
                self.viewport.width()
            ))
            .await
        }
        if let Some(dir) = dir {
            std::fs::create_dir_all(dir)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
            // Through a temporary file: a test running on both backends writes the same name twice
            // at once.
            let file = dir.join(format!("{name}-{width}.png"));
            let mut temporary = tempfile::NamedTempFile::new_in(dir).unwrap();
            temporary.write_all(&png).unwrap();
            let readable = std::fs::Permissions::from_mode(0o644); // not the temporary file's 0600
            temporary.as_file().set_permissions(readable).unwrap();
            temporary
                .persist(&file)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", file.display()));
        }
        png
    }

    /// The device screen made as tall as the page for one capture (DevTools'
    /// Emulation.setDeviceMetricsOverride, as Puppeteer's full-page screenshots do), then put back.
    async fn full_page_png(&self) -> Vec<u8> {
        let (width, height) = (self.viewport.width(), self.viewport.height());
        let mobile = self.viewport == Viewport::Phone;
        // Device pixels: CSS px times the zoom (below 1 on a phone for a page laid out wider).
        let page = self
            .script(
                "var e = document.documentElement, b = document.body;\
                 var h = Math.max(e.scrollHeight, b ? b.scrollHeight : 0);\
                 return Math.ceil(h * (window.visualViewport ? visualViewport.scale : 1));",
                vec![],
            )
            .await;
        let page = page.as_u64().unwrap_or(0) as u32;
        let full = page.clamp(height, MAX_SCREENSHOT_HEIGHT);
        let metrics = |height| device_metrics(width, height, mobile);
        self.cdp("Emulation.setDeviceMetricsOverride", metrics(full))
            .await;
        let shot = tokio::time::timeout(COMMAND_TIMEOUT, self.client.screenshot()).await;
        if mobile {
            // chromedriver's own mobile emulation, as it was.
            self.cdp("Emulation.setDeviceMetricsOverride", metrics(height))
                .await;
        } else {
            self.cdp("Emulation.clearDeviceMetricsOverride", json!({}))
                .await;
        }
        match shot {
            Ok(Ok(png)) => png,
            Ok(Err(e)) => self.fail(format!("the screenshot failed: {e}")).await,
            Err(_) => self.fail("the screenshot took too long").await,
        }
    }

    /// A Chrome DevTools Protocol command through chromedriver.
    async fn cdp(&self, cmd: &'static str, params: Value) -> Value {
        let what = format!("DevTools {cmd} failed");
        self.wd(what, self.client.issue_cmd(Cdp { cmd, params }))
            .await
    }

    async fn all(&self, css: &str) -> Vec<Element> {
        let what = format!("cannot search for {css:?}");
        self.wd(what, self.client.find_all(Locator::Css(css))).await
    }

    /// The one element matching `css`.
    async fn one(&self, css: &str, what: &str) -> Element {
        let mut found = self.all(css).await;
        match found.len() {
            1 => found.remove(0),
            0 => self.fail(format!("no {what} (CSS {css})")).await,
            n => {
                self.fail(format!("{n} elements match: {what} (CSS {css})"))
                    .await
            }
        }
    }

    /// The one displayed element matching `locator`; on failure lists the text of every
    /// element matching `others` (e.g. all buttons).
    async fn visible_one(&self, locator: Locator<'_>, what: &str, others: &str) -> Element {
        let found = self
            .wd(
                format!("cannot search for {what}"),
                self.client.find_all(locator),
            )
            .await;
        let mut visible = Vec::new();
        for element in found {
            if self
                .wd("cannot tell whether it is visible", element.is_displayed())
                .await
            {
                visible.push(element);
            }
        }
        if visible.len() == 1 {
            return visible.remove(0);
        }
        let mut labels = Vec::new();
        let all = self
            .wd(
                "cannot list the page's elements",
                self.client.find_all(Locator::XPath(others)),
            )
            .await;
        for other in all {
            let text = self.wd("cannot read a text", other.text()).await;
            let value = self.wd("cannot read a value", other.attr("value")).await;
            let value = value.unwrap_or_default();
            labels.push(if text.trim().is_empty() { value } else { text });
        }
        let found = if visible.is_empty() {
            format!("no visible {what}")
        } else {
            format!("{} visible elements are {what}", visible.len())
        };
        self.fail(format!("{found}; the page has {labels:?}")).await
    }

    async fn prop(&self, element: &Element, prop: &str) -> String {
        let what = format!("cannot read the {prop} of an element");
        self.wd(what, element.prop(prop)).await.unwrap_or_default()
    }

    /// A WebDriver command, bounded by `COMMAND_TIMEOUT`; an error or no answer panics with
    /// `what` (and the page: see `fail`).
    async fn wd<T>(
        &self,
        what: impl fmt::Display,
        command: impl Future<Output = Result<T, CmdError>>,
    ) -> T {
        match tokio::time::timeout(COMMAND_TIMEOUT, command).await {
            Ok(Ok(value)) => value,
            Ok(Err(e)) => self.fail(format!("{what}: {e}")).await,
            Err(_) => {
                self.fail(format!(
                    "{what}: chromedriver did not answer within {COMMAND_TIMEOUT:?}"
                ))
                .await
            }
        }
    }

    /// Panics with `what`, the page's URL and an excerpt of its text.
    async fn fail<T>(&self, what: impl fmt::Display) -> T {
        // Each at most 5 s: when chromedriver hangs, the message still comes.
        let within = Duration::from_secs(5);
        let url = match tokio::time::timeout(within, self.client.current_url()).await {
            Ok(Ok(url)) => url.to_string(),
            Ok(Err(e)) => format!("(unknown: {e})"),
            Err(_) => "(unknown: chromedriver does not answer)".into(),
        };
        let text = tokio::time::timeout(within, async {
            self.client.find(Locator::Css("body")).await?.text().await
        })
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
        panic!(
            "{what}\n  page ({} {}): {url}\n  text: {}",
            match self.viewport {
                Viewport::Phone => "phone",
                Viewport::Desktop => "desktop",
            },
            self.viewport.width(),
            excerpt(&text, 1500)
        )
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // The fantoccini client ends its session from a task on the test's runtime, which is
        // gone or going when a test panics; and Chromium outlives a killed chromedriver. So the
        // session is ended here, synchronously, and then Chromium waited for (chromedriver
        // answers before it has quit), or killed.
        let ended = self.driver.delete_session(&self.session);
        let Some(pid) = self.chromium_pid else { return };
        if !(ended && exited(pid, Duration::from_secs(5))) {
            let _ = Command::new("kill")
                .args(["-9", &pid.to_string()])
                .stderr(Stdio::null())
                .status();
            exited(pid, Duration::from_secs(3));
        }
        // Its helper processes go with it; give them a moment before the profile is removed.
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `Emulation.setDeviceMetricsOverride`'s parameters.
fn device_metrics(width: u32, height: u32, mobile: bool) -> Value {
    json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile })
}

/// Waits until process `pid` has ended (a zombie counts: its parent, chromedriver, reaps it).
fn exited(pid: u64, timeout: Duration) -> bool {
    let running = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|stat| !stat.rsplit(") ").next().is_some_and(|s| s.starts_with('Z')))
    };
    let deadline = Instant::now() + timeout;
    while running() {
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    true
}

/// `POST /session/{id}/goog/cdp/execute`: chromedriver passes a DevTools command to the page.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (reqwest::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (reqwest::Method::POST, Some(body.to_string()))
    }
}

/// chromedriver on a free loopback port (it picks one: `--port=0`), killed on drop.
struct ChromeDriver {
    child: Child,
    port: u16,
    dir: TempDir,
}

impl ChromeDriver {
    /// Starts chromedriver, again if it could not bind its port: with `--port=0` it picks a free
    /// IPv4 port and then binds the same number on IPv6, which another process can hold (seen in
    /// CI as "bind() failed: Address already in use" and exit status 1).
    async fn start() -> ChromeDriver {
        let mut failures = Vec::new();
        for _ in 0..5 {
            match ChromeDriver::try_start().await {
                Ok(driver) => return driver,
                Err(failure) => failures.push(failure),
            }
        }
        panic!(
            "chromedriver did not start in 5 tries:\n{}",
            failures.join("\n")
        )
    }

    async fn try_start() -> Result<ChromeDriver, String> {
        let path =
            std::env::var(CHROMEDRIVER_ENV).unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let dir = tempfile::Builder::new()
            .prefix("lookout-chromedriver-")
            .tempdir()
            .unwrap();
        let mut child = Command::new(&path)
            .arg("--port=0")
            .arg(format!(
                "--log-path={}",
                dir.path().join("chromedriver.log").display()
            ))
            .arg("--log-level=WARNING")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot run chromedriver at {path} ({e}; set {CHROMEDRIVER_ENV} to another). \
                     The browser tests need Chromium and its WebDriver: {INSTALL}"
                )
            });
        // It says "ChromeDriver was started successfully on port N." on stdout; the rest of its
        // stdout is read and dropped, so the pipe never fills.
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(port) = line
                    .split("started successfully on port ")
                    .nth(1)
                    .and_then(|rest| rest.trim().trim_end_matches('.').parse::<u16>().ok())
                {
                    let _ = tx.send(port);
                }
            }
        });
        let mut driver = ChromeDriver {
            child,
            port: 0,
            dir,
        };
        let deadline = Instant::now() + START_TIMEOUT;
        driver.port = loop {
            if let Ok(port) = rx.try_recv() {
                break port;
            }
            if let Some(status) = driver.child.try_wait().unwrap() {
                return Err(format!(
                    "chromedriver ({path}) exited during start-up ({status}); log:\n{}",
                    driver.log()
                ));
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver ({path}) did not say its port within {START_TIMEOUT:?}"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        };
        let status = format!("{}/status", driver.url());
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .unwrap();
        loop {
            let ready = match http.get(&status).send().await {
                Ok(res) => res
                    .json::<Value>()
                    .await
                    .is_ok_and(|v| v["value"]["ready"] == json!(true)),
                Err(_) => false,
            };
            if ready {
                return Ok(driver);
            }
            if let Some(status) = driver.child.try_wait().unwrap() {
                return Err(format!(
                    "chromedriver ({path}) exited before answering ({status}); log:\n{}",
                    driver.log()
                ));
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not answer {status} within {START_TIMEOUT:?}; log:\n{}",
                driver.log()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn log(&self) -> String {
        let log = std::fs::read(self.dir.path().join("chromedriver.log")).unwrap_or_default();
        let log = String::from_utf8_lossy(&log);
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(60)..].join("\n")
    }

    /// `DELETE /session/{id}` over a plain blocking socket (no runtime needed): chromedriver quits
    /// Chromium and answers when it has. True if it said so.
    fn delete_session(&self, session: &str) -> bool {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return false;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
        let request = format!(
            "DELETE /session/{session} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\
             Content-Length: 0\r\nConnection: close\r\n\r\n",
            self.port
        );
        if stream.write_all(request.as_bytes()).is_err() {
            return false;
        }
        // chromedriver answers once Chromium has quit; the status line is all that matters (it
        // may keep the connection open whatever we ask).
        let mut response = Vec::new();
        let mut buf = [0u8; 1024];
        while !response.windows(4).any(|w| w == b"\r\n\r\n") {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => response.extend_from_slice(&buf[..n]),
            }
        }
        response.starts_with(b"HTTP/1.1 200")
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// axe-core's source, read once per test binary.
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        std::fs::read_to_string(AXE_PATH).unwrap_or_else(|e| {
            panic!(
                "cannot read {AXE_PATH} ({e}). Install the browser tests' JavaScript \
                 dependencies: npm ci --prefix tests/browser (scripts/test does it; Debian: \
                 apt-get install npm)"
            )
        })
    })
}

/// Width and height from a PNG's header (the IHDR chunk), if it is one.
pub fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.len() < 24 || !png.starts_with(b"\x89PNG\r\n\x1a\n") || &png[12..16] != b"IHDR" {
        return None;
    }
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    Some((be(&png[16..20]), be(&png[20..24])))
}

/// A CSS string literal.
fn css_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// An XPath 1.0 string literal (which has no escapes).
fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// Whitespace collapsed, at most `max` characters.
fn excerpt(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    }
}

// ---------------------------------------------------------------------------------------------
// The harness's own tests, on pages of their own: nothing here depends on the service's pages.

/// A tiny site served from the test, with the service's Content-Security-Policy on every response:
/// a form page and its stylesheet, the page a POST leads to (after 300 ms, so `press` has to wait),
/// a tall page, and a 404.
struct Site {
    address: String,
    task: tokio::task::JoinHandle<()>,
}

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                   frame-ancestors 'none'; base-uri 'none'";

const FORM_PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Report</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<main>
<h1>Report</h1>
<p id="language">Accept-Language: {accept_language}</p>
<form method="post" action="/submit">
<p><label for="area">Area</label> <input id="area" name="area" value="old area"></p>
<p><label for="description">What happened</label>
<textarea id="description" name="description"></textarea></p>
<p><label for="region">Region</label>
<select id="region" name="region">
<option value="">Choose</option>
<option value="south-wales">South Wales</option>
<option value="london">London</option>
</select></p>
<fieldset><legend>Alert others?</legend>
<input type="radio" id="alert-yes" name="alert" value="yes"> <label for="alert-yes">Yes</label>
<input type="radio" id="alert-no" name="alert" value="no" checked> <label for="alert-no">No</label>
</fieldset>
<p><input type="checkbox" id="consent" name="consent" value="police">
<label for="consent">Share with the police</label></p>
<p><button type="submit" name="action" value="send">  Send
  report </button> <input type="submit" name="action" value="Save draft"></p>
</form>
<script>document.title = 'script ran'; document.body.className = 'script-ran';</script>
</main>
</body>
</html>
"#;

const STYLE: &str = "body { font-family: sans-serif; color: #1a1a1a; background: #fff; }\n\
                     main { margin: 1rem; }\n\
                     .tall { height: 3000px; border-left: 4px solid #0b5; }\n\
                     .script-ran { background: #f00; }\n";

impl Site {
    async fn start() -> Site {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream));
            }
        });
        Site { address, task }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(mut stream: tokio::net::TcpStream) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
    let header = |name: &str| {
        head.lines()
            .find_map(|l| {
                let (n, v) = l.split_once(':')?;
                n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
            })
            .unwrap_or_default()
    };
    let length: usize = header("content-length").parse().unwrap_or(0);
    while data.len() < head_end + length {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    }
    let body = &data[head_end..head_end + length];
    let mut request_line = head.lines().next().unwrap_or_default().split(' ');
    let method = request_line.next().unwrap_or_default();
    let path = request_line.next().unwrap_or_default();
    let page = |title: &str, body: &str| {
        format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title}</title><link rel=\"stylesheet\" href=\"/style.css\"></head>\
             <body><main><h1>{title}</h1>{body}</main></body></html>\n"
        )
    };
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let (status, content_type, content) = match (method, path) {
        ("GET", "/") => (
            "200 OK",
            "text/html; charset=utf-8",
            FORM_PAGE.replace("{accept_language}", &escape(&header("accept-language"))),
        ),
        ("GET", "/style.css") => ("200 OK", "text/css", STYLE.to_string()),
        ("GET", "/tall") => (
            "200 OK",
            "text/html; charset=utf-8",
            page("Tall", "<div class=\"tall\"></div><p>The end.</p>"),
        ),
        ("POST", "/submit") => {
            tokio::time::sleep(Duration::from_millis(300)).await;
            let items: String = url::form_urlencoded::parse(body)
                .map(|(k, v)| {
                    format!(
                        "<li>{}={}</li>",
                        escape(&k),
                        escape(&v.replace("\r\n", "⏎").replace('\t', "⇥"))
                    )
                })
                .collect();
            (
                "200 OK",
                "text/html; charset=utf-8",
                page("Received", &format!("<ul>{items}</ul>")),
            )
        }
        _ => (
            "404 Not Found",
            "text/html; charset=utf-8",
            page("Not found", "<p>Nothing here.</p>"),
        ),
    };
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Content-Security-Policy: {CSP}\r\nConnection: close\r\n\r\n{content}",
        content.len()
    );
    let _ = stream.write_all(response.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// A page whose script would change its title.
const SCRIPT_PAGE: &str = "data:text/html,<!doctype html><title></title><p>static</p>\
                           <script>document.title='ran'</script>";

/// Two serious problems axe must find: an input without a label (critical) and grey text on white
/// (serious).
const BAD_PAGE: &str = "data:text/html;charset=utf-8,<!doctype html><html lang=\"en\"><head>\
     <title>Bad</title></head><body><main><h1>Bad</h1>\
     <p style=\"color:%23cccccc;background:%23ffffff\">Barely readable</p>\
     <form><input type=\"text\" name=\"nameless\"></form></main></body></html>";

#[tokio::test]
async fn javascript_is_off() {
    let browser = Browser::start(Viewport::Phone).await;
    browser.goto(SCRIPT_PAGE).await;
    assert_eq!(browser.text().await, "static");
    assert_eq!(browser.title().await, "", "the page's script ran");
    // Not a vacuous proof: the same page's script does run in a browser with JavaScript on.
    let control = Browser::launch(Viewport::Phone, Javascript::On, DEFAULT_ACCEPT_LANGUAGE).await;
    control.goto(SCRIPT_PAGE).await;
    assert_eq!(control.title().await, "ran");
}

#[tokio::test]
async fn forms_work_without_javascript_under_the_services_csp_on_a_phone() {
    fill_and_submit(Viewport::Phone).await
}

#[tokio::test]
async fn forms_work_without_javascript_under_the_services_csp_on_a_desktop() {
    fill_and_submit(Viewport::Desktop).await
}

async fn fill_and_submit(viewport: Viewport) {
    let site = Site::start().await;
    let browser = Browser::start(viewport).await;
    browser.goto(&site.url("/")).await;
    assert_eq!(browser.status().await, 200);
    assert_eq!(browser.title().await, "Report", "the inline script ran");
    assert_eq!(browser.count(".script-ran").await, 0);
    // Chromium adds the q-values.
    assert_eq!(
        browser.text_of("#language").await,
        "Accept-Language: en-GB,en;q=0.9"
    );
    let touch = browser
        .script("return matchMedia('(pointer: coarse)').matches;", vec![])
        .await;
    assert_eq!(touch, json!(viewport == Viewport::Phone), "a touch screen");
    // The page as served (JavaScript off, the service's CSP) passes axe.
    browser.axe_check().await;

    assert_eq!(browser.value_of("area").await, "old area");
    browser.fill("area", "Cardiff 🚐").await; // not typable through chromedriver
    assert_eq!(browser.value_of("area").await, "Cardiff 🚐");
    browser.fill("area", "Cardiff city centre").await;
    browser
        .fill("description", "He took the money back.\n第二行 — บรรทัดที่สอง")
        .await;
    browser.select("region", "south-wales").await;
    assert_eq!(browser.value_of("alert").await, "no");
    browser.check("alert", "yes").await;
    assert_eq!(browser.value_of("alert").await, "yes");
    browser.check("consent", "police").await;
    assert!(browser.is_checked("consent", "police").await);
    browser.uncheck("consent", "police").await;
    assert!(!browser.is_checked("consent", "police").await);
    browser.check("consent", "police").await;
    assert_eq!(browser.value_of("area").await, "Cardiff city centre");
    assert_eq!(browser.value_of("region").await, "south-wales");

    browser.press("Send report").await;
    assert_eq!(browser.current_url().await, site.url("/submit"));
    assert_eq!(browser.status().await, 200);
    assert_eq!(browser.text_of("h1").await, "Received");
    let text = browser.text().await;
    for line in [
        "area=Cardiff city centre",
        "description=He took the money back.⏎第二行 — บรรทัดที่สอง",
        "region=south-wales",
        "alert=yes",
        "consent=police",
        "action=send",
    ] {
        assert!(
            text.contains(line),
            "{line:?} not in the posted form:\n{text}"
        );
    }

    browser.goto(&site.url("/")).await;
    browser
        .fill("description", "\ttabs, \r\n and spaces  ")
        .await;
    browser.press("Save draft").await;
    let text = browser.text().await;
    assert!(text.contains("action=Save draft"), "{text}");
    assert!(text.contains("description=⇥tabs, ⏎ and spaces"), "{text}");

    browser.goto(&site.url("/nowhere")).await;
    assert_eq!(browser.status().await, 404);
}

#[tokio::test]
async fn helpers_fail_with_the_page_in_the_message() {
    use futures_util::FutureExt;
    let site = Site::start().await;
    let browser = Browser::start(Viewport::Phone).await;
    browser.goto(&site.url("/")).await;
    let message = |panic: Box<dyn std::any::Any + Send>| {
        panic.downcast_ref::<String>().cloned().unwrap_or_default()
    };
    let err = std::panic::AssertUnwindSafe(browser.press("Delete everything"))
        .catch_unwind()
        .await
        .unwrap_err();
    let err = message(err);
    assert!(
        err.contains("no visible button labelled \"Delete everything\""),
        "{err}"
    );
    assert!(
        err.contains("Send report") && err.contains("Save draft"),
        "{err}"
    );
    assert!(
        err.contains(&site.url("/")) && err.contains("Alert others?"),
        "{err}"
    );
    let err = std::panic::AssertUnwindSafe(browser.select("region", "mars"))
        .catch_unwind()
        .await
        .unwrap_err();
    assert!(message(err).contains("the options are [\"\", \"south-wales\", \"london\"]"));
}

#[tokio::test]
async fn axe_finds_violations_as_a_browser_with_javascript_would() {
    use futures_util::FutureExt;
    let browser = Browser::start(Viewport::Desktop).await;
    browser.goto(BAD_PAGE).await;
    let violations = browser.axe_violations().await;
    let found = |id: &str, impact: &str| {
        violations
            .iter()
            .any(|v| v.id == id && v.impact.as_deref() == Some(impact) && !v.nodes.is_empty())
    };
    assert!(found("label", "critical"), "{violations:#?}");
    assert!(found("color-contrast", "serious"), "{violations:#?}");

    // The checking function fails, naming the rules and the elements.
    let err = std::panic::AssertUnwindSafe(browser.axe_check())
        .catch_unwind()
        .await
        .unwrap_err();
    let err = err.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(err.contains("label (critical)"), "{err}");
    assert!(err.contains("color-contrast (serious)"), "{err}");
    assert!(
        err.contains("input[name=\"nameless\"]") || err.contains("input"),
        "{err}"
    );

    // Same findings as axe in a browser with JavaScript on (where no timer is replaced).
    let control = Browser::launch(Viewport::Desktop, Javascript::On, DEFAULT_ACCEPT_LANGUAGE).await;
    control.goto(BAD_PAGE).await;
    let ids = |vs: &[AxeViolation]| {
        let mut ids: Vec<String> = vs
            .iter()
            .map(|v| format!("{}:{}", v.id, v.nodes.len()))
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&violations), ids(&control.axe_violations().await));
    let site = Site::start().await;
    browser.goto(&site.url("/")).await;
    control.goto(&site.url("/")).await;
    assert_eq!(
        ids(&browser.axe_violations().await),
        ids(&control.axe_violations().await)
    );
}

#[tokio::test]
async fn screenshots_are_whole_pages_at_the_viewport_width() {
    let site = Site::start().await;
    let dir = tempfile::tempdir().unwrap();
    for viewport in [Viewport::Phone, Viewport::Desktop] {
        let browser = Browser::start(viewport).await;
        assert_eq!(browser.viewport(), viewport);
        let width = viewport.width();
        browser.goto(&site.url("/tall")).await;
        assert_eq!(
            browser.inner_size().await,
            (u64::from(width), u64::from(viewport.height()))
        );
        let png = browser.screenshot_into(Some(dir.path()), "tall").await;
        let (w, h) = png_size(&png).unwrap();
        assert_eq!(w, width);
        assert!(h > 3000, "a {w}×{h} screenshot of a page over 3000 px tall");
        let written = std::fs::read(dir.path().join(format!("tall-{width}.png"))).unwrap();
        assert_eq!(written, png);
        // The viewport is as it was after the full-page capture.
        assert_eq!(
            browser.inner_size().await,
            (u64::from(width), u64::from(viewport.height()))
        );

        browser.goto(&site.url("/")).await;
        // (`screenshot` is this with $LOOKOUT_SCREENSHOTS; the harness's pages are not written.)
        let png = browser.screenshot_into(None, "form").await;
        let (w, h) = png_size(&png).unwrap();
        assert_eq!(
            (w, h),
            (width, viewport.height()),
            "a short page: the screen"
        );
    }
}
