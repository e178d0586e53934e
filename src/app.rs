//! Builds the service: keys, database, and the actix application. `main` and the tests both
//! start it through `Application::build`, the tests on port 0.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServerHandle, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{ConnectionType, StatusCode};
use actix_web::middleware::{DefaultHeaders, ErrorHandlers, Next, from_fn};
use actix_web::{App, HttpMessage, HttpServer, web};
use anyhow::Context;

use tokio::sync::watch;

use crate::crypto::KeyRing;
use crate::crypto::keys::{self, KeyFileError};
use crate::db;
use crate::http::{self, problem};
use crate::limits::{Challenge, RetryAfter};
use crate::mail::Sender;
use crate::services::deliveries::{self, Drained};
use crate::services::{audit_head, retention, statistics};
use crate::settings::Settings;
use crate::state::AppState;
use crate::telemetry::RequestCounts;
use crate::web as pages;

pub struct Application {
    port: u16,
    server: Server,
    worker_stop: watch::Sender<bool>,
    drainer: Drainer,
}

/// Stops the HTTP server and the delivery worker.
#[derive(Clone)]
pub struct Stopper {
    server: ServerHandle,
    worker_stop: watch::Sender<bool>,
    state: Arc<AppState>,
}

impl Stopper {
    /// Stops serving and the workers; when it returns, counts kept in memory are written.
    pub async fn stop(&self) {
        let _ = self.worker_stop.send(true);
        self.server.stop(true).await;
        flush_counts(&self.state).await;
    }
}

/// Runs the delivery worker's claim-and-send path inline until nothing due is left (see
/// [`deliveries::drain`]), beside the running worker. For tests: after a drain, the mail server
/// holds every message that was due, so "nobody else got mail" is asserted, not waited for.
#[derive(Clone)]
pub struct Drainer {
    state: Arc<AppState>,
    sender: Arc<Sender>,
}

impl Drainer {
    pub async fn drain(&self) -> anyhow::Result<Drained> {
        deliveries::drain(&self.state, &self.sender)
            .await
            .map_err(|e| {
                anyhow::anyhow!(
                    "draining the delivery outbox failed ({:?}): {}",
                    e.kind(),
                    e.cause().or(e.detail()).unwrap_or("no detail")
                )
            })
    }
}

impl Application {
    /// Checks the settings, loads (or in dev, creates) the master key, opens and migrates the
    /// database, and binds the listener. Every refusal names what to fix.
    pub fn build(settings: Settings) -> anyhow::Result<Self> {
        let problems = settings.production_problems();
        if !problems.is_empty() {
            anyhow::bail!(
                "the production profile refuses to start:\n  - {}",
                problems.join("\n  - ")
            );
        }
        let keys = Arc::new(load_or_create_keys(&settings)?);
        let db = db::open(
            settings.database.url.expose(),
            settings.database.pool_size,
            Duration::from_secs(settings.database.connect_timeout_seconds),
            keys.master_id(),
        )?;
        tracing::info!(backend = db.backend().name(), "database ready");
        let sealed = db
            .blocking(|conn| crate::services::reports::seal_unsealed_consents(conn, &keys))
            .map_err(|e| {
                anyhow::anyhow!("sealing older consent records failed ({:?})", e.kind())
            })?;
        if sealed > 0 {
            tracing::warn!(
                sealed,
                "consent records written before consents carried a MAC were sealed as found"
            );
        }

        let listener = TcpListener::bind(&settings.server.bind)
            .with_context(|| format!("cannot listen on {}", settings.server.bind))?;
        let port = listener.local_addr()?.port();
        let workers = match settings.server.workers {
            0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
            n => n,
        };
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let blocking_threads = blocking_threads_per_worker(settings.database.pool_size, workers);
        let sender = Arc::new(Sender::from_settings(&settings.mail)?);
        let state = web::Data::new(AppState::new(settings, db, keys, sender.clone(), cores)?);
        let (worker_stop, stop_rx) = watch::channel(false);
        let request_counts = Arc::new(RequestCounts::default());
        tokio::spawn(request_counts.clone().log_daily(stop_rx.clone()));
        let request_counts = web::Data::from(request_counts);
        tokio::spawn(retention::run(state.clone().into_inner(), stop_rx.clone()));
        tokio::spawn(statistics::run(state.clone().into_inner(), stop_rx.clone()));
        tokio::spawn(deliveries::run(
            state.clone().into_inner(),
            sender.clone(),
            state.deliveries_wake.clone(),
            stop_rx,
        ));
        let drainer = Drainer {
            state: state.clone().into_inner(),
            sender,
        };
        tokio::spawn(audit_head::keep(
            state.clone().into_inner(),
            worker_stop.subscribe(),
        ));
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(request_counts.clone())
                .configure(http::routes)
                .configure(pages::routes)
                .default_service(web::to(not_found))
                .wrap(ErrorHandlers::new().default_handler(render_framework_errors))
                .wrap(from_fn(retry_after))
                .wrap(from_fn(log_request))
                .wrap(from_fn(onion_location))
                .wrap(security_headers(&state.settings))
        })
        .workers(workers)
        .worker_max_blocking_threads(blocking_threads)
        .listen(listener)?
        .run();
        Ok(Self {
            port,
            server,
            worker_stop,
            drainer,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn stopper(&self) -> Stopper {
        Stopper {
            server: self.server.handle(),
            worker_stop: self.worker_stop.clone(),
            state: self.drainer.state.clone(),
        }
    }

    /// A handle that drains the delivery outbox; it outlives `run_until_stopped`.
    pub fn drainer(&self) -> Drainer {
        self.drainer.clone()
    }

    /// Serves until the server stops (a signal, or a `Stopper`), then stops the delivery worker,
    /// which finishes the message it is sending first.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        let _ = self.worker_stop.send(true);
        // Counts kept in memory are written before the process goes.
        flush_counts(&self.drainer.state).await;
        result
    }
}

/// Writes the counts kept in memory (`services::statistics`) when the service stops.
async fn flush_counts(state: &AppState) {
    if let Err(e) = statistics::flush(state).await {
        tracing::warn!(kind = ?e.kind(), "writing the check counts at stop failed");
    }
}

/// The most threads each HTTP worker's blocking pool may hold. The work sent there is database
/// calls (`Db::run`, each holding one pooled connection) and bounded text scrubbing, so a share
/// of the connection pool and two spare are all it can use at once; anything more waits in the
/// runtime's queue instead of in `pool.get()`. actix's default (512 ÷ cores) let receipt
/// lookups and checks grow the process to 100–150 threads, each keeping its allocator cache and
/// stack, and one benchmark run to 67 MiB resident; with this bound it keeps about 36 threads and
/// peaked at 45–46 MiB (docs/performance.md).
fn blocking_threads_per_worker(pool_size: u32, workers: usize) -> usize {
    (pool_size as usize).div_ceil(workers.max(1)) + 2
}

pub fn load_or_create_keys(settings: &Settings) -> anyhow::Result<KeyRing> {
    let path = &settings.keys.master_key_file;
    let master = match keys::load_master_key(path) {
        Ok(k) => k,
        Err(KeyFileError::Missing { .. }) if !settings.is_production() => {
            let k = keys::generate_master_key(path, false)?;
            tracing::warn!(
                path = %path.display(),
                "generated a development master key. Back it up: without it no report can be read. \
                 Production never generates a key"
            );
            k
        }
        Err(e) => return Err(e.into()),
    };
    Ok(KeyRing::from_master(&master))
}

fn security_headers(settings: &Settings) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'none'; frame-ancestors 'none'",
        ))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Cache-Control", "no-store"));
    if settings.server.public_url.starts_with("https://") {
        headers.add((
            "Strict-Transport-Security",
            "max-age=63072000; includeSubDomains",
        ))
    } else {
        headers
    }
}

/// Framework errors (405, payload and extractor errors) as a problem under `/api/`, as a page
/// everywhere else. A 405 keeps the framework's `Allow` header (RFC 9110 requires it): the methods
/// the resource answers, never anything from the request.
fn render_framework_errors<B>(
    res: actix_web::dev::ServiceResponse<B>,
) -> actix_web::Result<actix_web::middleware::ErrorHandlerResponse<B>> {
    use actix_web::http::header::ALLOW;
    use actix_web::middleware::ErrorHandlerResponse;
    let allow = res.headers().get(ALLOW).cloned();
    let rendered = if res.request().path().starts_with("/api/") {
        problem::render_framework_errors(res)?
    } else {
        pages::render_framework_errors(res)?
    };
    Ok(match (rendered, allow) {
        (ErrorHandlerResponse::Response(mut res), Some(allow)) => {
            res.headers_mut().insert(ALLOW, allow);
            ErrorHandlerResponse::Response(res)
        }
        (rendered, _) => rendered,
    })
}

/// A path nothing answers: a JSON problem under `/api/`, a page everywhere else.
async fn not_found(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
) -> actix_web::HttpResponse {
    if req.path().starts_with("/api/") {
        match http::not_found().await {
            Ok(res) => res,
            Err(e) => actix_web::ResponseError::error_response(&e),
        }
    } else {
        pages::not_found(req, state).await
    }
}

/// `Onion-Location` on every response when `server.onion_url` is set: the onion service's address
/// with this request's path (never its query string, which can hold a token), so Tor Browser
/// offers the same page over the onion service.
/// Every 429 carries `Retry-After`: the wait the limiter computed for this client and group (put
/// in the request's extensions by the face that refused it), or a minute for any other 429. A 428
/// (proof of work required) carries the challenge to solve in `Lookout-Challenge`.
async fn retry_after(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut res = next.call(req).await?;
    if matches!(
        res.status(),
        StatusCode::TOO_MANY_REQUESTS | StatusCode::PRECONDITION_REQUIRED
    ) {
        // Refused before its body was read: actix then closes the connection, so say so
        // (`Connection: close`) rather than let the client send its next request into it.
        res.response_mut()
            .head_mut()
            .set_connection_type(ConnectionType::Close);
    }
    if res.status() == StatusCode::TOO_MANY_REQUESTS
        && !res.headers().contains_key(header::RETRY_AFTER)
    {
        let seconds = res
            .request()
            .extensions()
            .get::<RetryAfter>()
            .map_or(60, |wait| wait.0);
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    if res.status() == StatusCode::PRECONDITION_REQUIRED {
        let challenge = res.request().extensions().get::<Challenge>().map(|c| {
            format!(
                "{}; difficulty={}; expires_at={}",
                c.challenge, c.difficulty, c.expires_at
            )
        });
        if let Some(value) = challenge.and_then(|v| HeaderValue::from_str(&v).ok()) {
            res.headers_mut()
                .insert(HeaderName::from_static("lookout-challenge"), value);
        }
    }
    Ok(res)
}

async fn onion_location(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let target = req
        .app_data::<web::Data<AppState>>()
        .and_then(|state| {
            state
                .settings
                .onion_base()
                .map(|base| format!("{base}{}", req.path()))
        })
        .and_then(|t| HeaderValue::from_str(&t).ok());
    let mut res = next.call(req).await?;
    if let Some(value) = target {
        res.headers_mut()
            .insert(HeaderName::from_static("onion-location"), value);
    }
    Ok(res)
}

/// One line per staff request and per server error: method, the matched route *pattern*,
/// status and latency. Never the path itself (it can hold ids), the query string (it can hold
/// tokens), headers, addresses or bodies. Other requests (the public ones: reporters, checks,
/// subscribers) are only counted, per day ([`RequestCounts`]): a timed line per request could time
/// a reporter.
async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().clone();
    let route = req.match_pattern();
    let route = route.as_deref().unwrap_or("(no route)").to_string();
    let staff = is_staff_request(&req, &route);
    let counts = req.app_data::<web::Data<RequestCounts>>().cloned();
    let result = next.call(req).await;
    let status = match &result {
        Ok(res) => res.status().as_u16(),
        Err(e) => e.as_response_error().status_code().as_u16(),
    };
    match counts {
        Some(counts) if !staff && status < 500 => counts.count(&route, status),
        _ => tracing::info!(
            target: "lookout::http",
            method = %method,
            route,
            status,
            latency_ms = started.elapsed().as_secs_f64() * 1000.0,
            "request"
        ),
    }
    result
}

/// Whether a request is staff work, whose log lines keep their time: the console, sign-in and
/// account routes, and anything carrying credentials, except an organisation relaying a report
/// (that is a reporter's report).
fn is_staff_request(req: &ServiceRequest, route: &str) -> bool {
    if route == "/api/v1/relay/reports" {
        return false;
    }
    route.starts_with("/staff")
        || route.starts_with("/api/v1/auth/")
        || req
            .headers()
            .contains_key(actix_web::http::header::AUTHORIZATION)
}
