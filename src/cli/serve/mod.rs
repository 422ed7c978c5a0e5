//! `newsidx serve`: the analyst's workbench in the browser, and a JSON API
//! that mirrors the command line.
//!
//! Owns the HTTP transport (axum on tokio): routes, limits, logging and
//! security headers. The pages ([`page`]) and the API ([`api`]) call the
//! same library functions as the commands and print the same JSON shapes
//! ([`super::wire`]); nothing here computes a result of its own. The
//! server only reads the index ([`state`]); a request never names a file.

mod api;
mod openapi;
mod page;
mod params;
mod state;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::Semaphore;

use super::{Exit, IndexArg};

/// Options of `newsidx serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    index: IndexArg,
    /// Address to listen on; port 0 picks a free port. Anything but a
    /// loopback address exposes the index to the network.
    #[arg(long, default_value = "127.0.0.1:7700", value_name = "ADDR")]
    bind: SocketAddr,
}

/// Longest a request may compute before it is answered with 503.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// Exports streaming at the same time; more get 429.
const MAX_EXPORTS: usize = 2;

/// What every handler shares.
pub struct App {
    /// The live index.
    pub shared: state::Shared,
    /// The index folder (for the reproduce panel).
    pub root: PathBuf,
    /// Permits for concurrent exports.
    pub exports: Arc<Semaphore>,
}

/// An error answered as JSON: 400 with the message and, for a query, the
/// column; 404; 429; 503.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// What went wrong, for people.
    pub message: String,
    /// Column in the query (1-based), for query errors.
    pub column: Option<usize>,
}

impl ApiError {
    /// A 400.
    pub fn bad(message: String, column: Option<usize>) -> ApiError {
        ApiError { status: StatusCode::BAD_REQUEST, message, column }
    }

    /// A 404.
    pub fn not_found(message: String) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, message, column: None }
    }

    /// A library error: a bad query is the client's (400 with its column),
    /// an unknown id a 404, anything else the index's (503, never 500).
    pub fn from_lib(error: newsidx::Error) -> ApiError {
        match error {
            newsidx::Error::Query(q) => ApiError::bad(q.message.clone(), Some(q.column)),
            newsidx::Error::NotFound { id } => {
                ApiError::not_found(format!("no story has the id {id:?}"))
            }
            other => ApiError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                message: format!("the index cannot answer: {other}"),
                column: None,
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message, "column": self.column });
        (self.status, axum::Json(body)).into_response()
    }
}

/// Index computations running at once: one per core. More would only share
/// the cores while each holds its working memory; the rest wait their turn
/// (within the request's time limit).
static COMPUTING: LazyLock<Arc<Semaphore>> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    Arc::new(Semaphore::new(cores))
});

/// Runs `work` on the blocking pool, at most one computation per core at a
/// time, within [`REQUEST_TIMEOUT`] (waiting included); a panic or a
/// timeout is a 503, never a crash of the server.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let unavailable = |message: &str| ApiError {
        status: StatusCode::SERVICE_UNAVAILABLE,
        message: message.to_string(),
        column: None,
    };
    let run = async {
        let permit = COMPUTING.clone().acquire_owned().await;
        tokio::task::spawn_blocking(move || {
            // Held until the work ends, even when the request timed out.
            let _permit = permit;
            work()
        })
        .await
    };
    match tokio::time::timeout(REQUEST_TIMEOUT, run).await {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => Err(unavailable("internal error while answering; see the server log")),
        Err(_) => Err(unavailable("the request took longer than 20 seconds; narrow the query")),
    }
}

/// The routes.
fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(page::home))
        .route("/story", get(page::story))
        .route("/assets/app.css", get(page::css))
        .route("/assets/app.js", get(page::js))
        .route("/api/health", get(api::health))
        .route("/api/search", get(api::search))
        .route("/api/facets", get(api::facets))
        .route("/api/timeline", get(api::timeline))
        .route("/api/kwic", get(api::kwic))
        .route("/api/cooccur", get(api::cooccur))
        .route("/api/terms", get(api::terms))
        .route("/api/story", get(api::story))
        .route("/api/export", get(api::export))
        .route("/api/analyze", get(api::analyze))
        .route("/api/openapi.json", get(openapi::document))
        .fallback(|| async { ApiError::not_found("no such page".into()) })
        .layer(axum::middleware::from_fn(log_and_secure))
        .with_state(app)
}

/// One log line per request, and the security headers on every answer.
async fn log_and_secure(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let (method, uri) = (request.method().clone(), request.uri().clone());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    eprintln!(
        "{method} {uri} {} {:.1} ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1e3
    );
    response
}

pub fn run(args: ServeArgs) -> anyhow::Result<Exit> {
    let shared = state::Shared::open(&args.index.index)?;
    let app = Arc::new(App {
        shared,
        root: args.index.index.clone(),
        exports: Arc::new(Semaphore::new(MAX_EXPORTS)),
    });
    if !args.bind.ip().is_loopback() {
        eprintln!(
            "newsidx: warning: listening on {}, which other machines can reach; the index and \
             its texts are readable by anyone who can connect",
            args.bind
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.bind).await?;
        let address = listener.local_addr()?;
        // The first line on standard output: tests and scripts read the port.
        println!("newsidx: serving {} at http://{address}/", args.index.index.display());
        use std::io::Write;
        std::io::stdout().flush()?;
        axum::serve(listener, router(app))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        anyhow::Ok(())
    })?;
    Ok(Exit::Success)
}
