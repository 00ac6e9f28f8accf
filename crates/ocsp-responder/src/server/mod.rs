//! The HTTP responder (feature `server`): HTTP/1.1 on hyper 1 and tokio.
//!
//! * POST and GET (RFC 5019) through [`Responder::answer`]; responses to
//!   nonce-less requests for one CertID (the RFC 5019 shape) are signed once
//!   per CertID and reused until half
//!   their validity has passed (or the status source changes), with the RFC
//!   5019 6.2 caching headers; a request with a nonce gets a fresh signature
//!   under [`crate::NoncePolicy::Echo`].
//! * Bounded: the request body ([`ServerConfig::max_request_len`]), the
//!   header buffer (16 KiB), the time to read the headers and the body, each
//!   connection's lifetime, the number of open connections, and the number
//!   of pre-signed responses held. A slow or silent client is dropped at its
//!   deadline; garbage gets an HTTP 400 from hyper or an OCSP
//!   malformedRequest, never a dead server.
//! * [`serve`] stops accepting when its `shutdown` future completes, lets
//!   open connections finish their request (at most
//!   [`ServerConfig::shutdown_grace`]) and returns.

mod answer;
mod http_date;

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;

pub use answer::{
    system_clock, Clock, HttpAnswer, Responder, REQUEST_CONTENT_TYPE, RESPONSE_CONTENT_TYPE,
};

use crate::signer::ResponseSigner;
use crate::status::StatusSource;

/// The limits of the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ServerConfig {
    /// The largest request body read, in bytes (larger: HTTP 413). OCSP
    /// requests are a few hundred bytes; signed ones with certificates a
    /// few kilobytes.
    pub max_request_len: usize,
    /// The time a client has to send the request headers, and then the
    /// body.
    pub read_timeout: Duration,
    /// The longest a connection stays open, keep-alive included.
    pub connection_timeout: Duration,
    /// The most connections served at once; more are closed on accept.
    pub max_connections: usize,
    /// The most pre-signed responses held (the cache starts over when
    /// full).
    pub max_cached_responses: usize,
    /// How long open connections may take to finish at shutdown.
    pub shutdown_grace: Duration,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            max_request_len: 64 * 1024,
            read_timeout: Duration::from_secs(10),
            connection_timeout: Duration::from_secs(60),
            max_connections: 1024,
            max_cached_responses: 100_000,
            shutdown_grace: Duration::from_secs(5),
        }
    }
}

/// The header buffer of each connection (hyper's minimum is 8 KiB).
const MAX_HEADER_BUF: usize = 16 * 1024;

/// Serves `responder` on `listener` until `shutdown` completes.
///
/// # Errors
///
/// None today; the signature leaves room for fatal listener errors (accept
/// errors such as running out of file descriptors are waited out).
pub async fn serve<S, Src>(
    listener: TcpListener,
    responder: Arc<Responder<S, Src>>,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()>
where
    S: ResponseSigner + Send + Sync + 'static,
    Src: StatusSource + Send + Sync + 'static,
{
    let config = *responder.config();
    let slots = Arc::new(Semaphore::new(config.max_connections));
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => accepted,
        };
        while connections.try_join_next().is_some() {}
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(_) => {
                // EMFILE and the like: wait a little rather than spin.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let Ok(permit) = Arc::clone(&slots).try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let responder = Arc::clone(&responder);
        let mut stop = stop_rx.clone();
        connections.spawn(async move {
            let _permit = permit;
            let service = service_fn(move |request| {
                let responder = Arc::clone(&responder);
                async move { Ok::<_, Infallible>(handle(&responder, request).await) }
            });
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(config.read_timeout)
                .max_buf_size(MAX_HEADER_BUF)
                .serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            let deadline = tokio::time::sleep(config.connection_timeout);
            tokio::pin!(deadline);
            tokio::select! {
                _ = connection.as_mut() => {}
                () = &mut deadline => {}
                _ = stop.changed() => {
                    connection.as_mut().graceful_shutdown();
                    let _ = tokio::time::timeout(config.shutdown_grace, connection).await;
                }
            }
        });
    }
    drop(listener);
    let _ = stop_tx.send(true);
    let _ = tokio::time::timeout(config.shutdown_grace, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    Ok(())
}

/// Reads the body (bounded in size and time) and answers.
async fn handle<S: ResponseSigner, Src: StatusSource>(
    responder: &Responder<S, Src>,
    request: Request<Incoming>,
) -> Response<Full<Bytes>> {
    let config = responder.config();
    let (parts, body) = request.into_parts();
    let content_type = parts
        .headers
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = match tokio::time::timeout(
        config.read_timeout,
        Limited::new(body, config.max_request_len).collect(),
    )
    .await
    {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(_)) => return plain(413, "request too large or broken\n"),
        Err(_) => return plain(408, "request body too slow\n"),
    };
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let answer = responder.answer(parts.method.as_str(), path, content_type.as_deref(), &body);
    let mut response = Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() = hyper::StatusCode::from_u16(answer.status)
        .unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    for (name, value) in answer.headers {
        if let Ok(value) = hyper::header::HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

fn plain(status: u16, text: &'static str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *response.status_mut() =
        hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::BAD_REQUEST);
    response
}
