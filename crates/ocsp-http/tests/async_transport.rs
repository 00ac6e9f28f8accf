//! The async transport trait, driven without a runtime.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use common::{client, clock, good, ok, pki};
use ocsp_http::{
    AsyncHttpTransport, BoxFuture, Error, HttpRequest, HttpResponse, Method, TransportError,
};

struct Ready(Result<HttpResponse, TransportError>);

impl AsyncHttpTransport for Ready {
    fn send<'a>(
        &'a self,
        request: &'a HttpRequest<'a>,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        assert_eq!(request.method, Method::Get);
        assert_eq!(
            request.max_response_len,
            ocsp_http::DEFAULT_MAX_RESPONSE_LEN
        );
        let reply = self.0.clone();
        Box::pin(async move { reply })
    }
}

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut cx) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the test transport is always ready"),
    }
}

#[test]
fn check_async_verifies() {
    let pki = pki();
    let clock = clock();
    let client = client(Ready(Ok(ok(&good(&pki), None))), &clock);
    let checked = block_on(client.check_async(&pki.leaf, &pki.ca.cert)).unwrap();
    assert!(checked.is_good());
    let client = common::client(Arc::new(Ready(Err(TransportError::Timeout))), &clock);
    let err = block_on(client.check_async(&pki.leaf, &pki.ca.cert)).unwrap_err();
    assert!(matches!(err, Error::Transport(TransportError::Timeout)));
}
