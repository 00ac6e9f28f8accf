//! A tiny HTTP server on 127.0.0.1 serving canned answers, one per
//! connection, for a bounded number of connections.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

/// How long the server waits on a client before giving up.
const LIMIT: Duration = Duration::from_secs(10);

/// What to do with one connection.
pub enum Answer {
    /// Write these bytes, then close.
    Raw(Vec<u8>),
    /// Read the request, then write nothing until the client goes away.
    Hang,
}

/// A responder's fault and the error a lookup through it must end with.
pub struct Fault {
    /// What the case is, for the failure message.
    pub name: &'static str,
    /// What the server sends.
    pub answer: Answer,
    /// Whether the lookup's error is the one expected.
    pub expect: fn(&ocsp_http::Error) -> bool,
}

fn too_large(e: &ocsp_http::Error) -> bool {
    use ocsp_http::{Error, TransportError};
    matches!(
        e,
        Error::Transport(TransportError::BodyTooLarge { limit: 4096 })
    )
}

/// The body faults every transport reports alike, with a
/// `max_response_len` of 4096: a body over the limit (declared by
/// Content-Length, and undeclared: the limit holds while reading until
/// close), and a truncated one (`good` cut short).
pub fn body_faults(good: &[u8]) -> Vec<Fault> {
    let big = vec![0x30; 5000];
    vec![
        Fault {
            name: "body over the limit, declared",
            answer: ocsp(&big),
            expect: too_large,
        },
        Fault {
            name: "body over the limit, read until close",
            answer: http(
                "200 OK",
                &[("Content-Type", "application/ocsp-response")],
                &big,
            ),
            expect: too_large,
        },
        Fault {
            name: "truncated body",
            answer: http(
                "200 OK",
                &[
                    ("Content-Type", "application/ocsp-response"),
                    ("Content-Length", "1000"),
                ],
                good.get(..100).unwrap_or(good),
            ),
            expect: |e| {
                matches!(
                    e,
                    ocsp_http::Error::Transport(ocsp_http::TransportError::Truncated)
                )
            },
        },
    ]
}

/// A raw HTTP/1.0 response with `Connection: close`.
pub fn http(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut out = format!("HTTP/1.0 {status}\r\nConnection: close\r\n");
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    Answer::Raw(out)
}

/// A 200 `application/ocsp-response` with `Content-Length`.
pub fn ocsp(body: &[u8]) -> Answer {
    let len = body.len().to_string();
    http(
        "200 OK",
        &[
            ("Content-Type", "application/ocsp-response"),
            ("Content-Length", &len),
        ],
        body,
    )
}

/// A 200 `application/ocsp-response` with `Content-Length` and
/// `Cache-Control: max-age`.
pub fn ocsp_max_age(body: &[u8], max_age: u64) -> Answer {
    let len = body.len().to_string();
    let cache_control = format!("max-age={max_age}");
    http(
        "200 OK",
        &[
            ("Content-Type", "application/ocsp-response"),
            ("Content-Length", &len),
            ("Cache-Control", &cache_control),
        ],
        body,
    )
}

/// A running server.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    requests: Receiver<Request>,
}

/// A request the server received.
#[derive(Debug, Clone)]
pub struct Request {
    /// The request line and headers.
    pub head: String,
    /// The body.
    pub body: Vec<u8>,
}

impl Server {
    /// Serves `answers`, one connection each, in order, then stops.
    pub fn start(answers: Vec<Answer>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            for answer in answers {
                let Ok((mut stream, _)) = listener.accept() else {
                    return;
                };
                stream.set_read_timeout(Some(LIMIT)).unwrap();
                stream.set_write_timeout(Some(LIMIT)).unwrap();
                let Some(request) = read_request(&mut stream) else {
                    return;
                };
                let _ = tx.send(request);
                match answer {
                    Answer::Raw(bytes) => {
                        let _ = stream.write_all(&bytes);
                        let _ = stream.flush();
                        let _ = stream.shutdown(Shutdown::Write);
                        // Let the client read everything before the socket goes.
                        let mut sink = [0u8; 256];
                        while matches!(stream.read(&mut sink), Ok(n) if n > 0) {}
                    }
                    Answer::Hang => {
                        let mut sink = [0u8; 256];
                        while matches!(stream.read(&mut sink), Ok(n) if n > 0) {}
                    }
                }
            }
        });
        Server { url, requests: rx }
    }

    /// The next request received (waits at most 10 s).
    pub fn request(&self) -> Request {
        self.requests
            .recv_timeout(LIMIT)
            .expect("the server received a request")
    }

    /// How many requests arrived so far, without waiting.
    pub fn received(&self) -> Vec<Request> {
        self.requests.try_iter().collect()
    }
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let mut data = Vec::new();
    let mut buf = [0u8; 1024];
    let head_end = loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 || data.len() > 64 * 1024 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
    let len = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    let mut body = data[head_end..].to_vec();
    while body.len() < len {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&buf[..n]);
    }
    Some(Request { head, body })
}
