//! Which proxy a request goes through, decided from the environment the
//! way curl decides it, as a pure function of an environment lookup.
//!
//! * `http_proxy`, lower-case only: the upper-case `HTTP_PROXY` is ignored,
//!   because a CGI-style server sets `HTTP_PROXY` from a client's `Proxy:`
//!   request header ("httpoxy", CVE-2016-5385); curl ignores it for the
//!   same reason.
//! * else `all_proxy`, then `ALL_PROXY` (as curl).
//! * `no_proxy`, else `NO_PROXY` (as curl): comma-separated host names;
//!   `*` alone matches every host; an entry matches the host itself and
//!   its subdomains (a leading `.` is ignored); IP addresses match
//!   exactly (no CIDR ranges).
//!
//! An empty variable counts as unset. `https_proxy` is never read: the
//! transport speaks plain `http://` only.

use crate::url;

/// The proxy settings read from an environment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ProxyEnv {
    /// The proxy URL, if one is set.
    proxy: Option<String>,
    /// The `no_proxy` entries, lower-case, without a leading `.`.
    no_proxy: Vec<String>,
}

impl ProxyEnv {
    /// The settings `lookup` (an environment variable's value by name)
    /// gives.
    pub(crate) fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let set = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let proxy = ["http_proxy", "all_proxy", "ALL_PROXY"]
            .into_iter()
            .find_map(set)
            .map(|value| value.trim().to_owned());
        let no_proxy = ["no_proxy", "NO_PROXY"]
            .into_iter()
            .find_map(set)
            .map(|value| {
                value
                    .split(',')
                    .map(|entry| entry.trim().trim_start_matches('.').to_ascii_lowercase())
                    .filter(|entry| !entry.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        ProxyEnv { proxy, no_proxy }
    }

    /// The settings of this process's environment when `read`, else none
    /// (direct connections).
    pub(crate) fn from_process_if(read: bool) -> Self {
        if read {
            Self::from_lookup(|name| std::env::var(name).ok())
        } else {
            Self::default()
        }
    }

    /// The proxy a request to `url` goes through, `None` for a direct
    /// connection.
    pub(crate) fn proxy_for(&self, url: &str) -> Option<&str> {
        let proxy = self.proxy.as_deref()?;
        let host = url::host(url).unwrap_or_default().to_ascii_lowercase();
        let bypass = self.no_proxy.iter().any(|entry| {
            entry == "*"
                || host == *entry
                || host
                    .strip_suffix(entry.as_str())
                    .is_some_and(|prefix| prefix.ends_with('.'))
        });
        (!bypass).then_some(proxy)
    }
}

/// A one-connection proxy on 127.0.0.1 for the transports' tests.
#[cfg(test)]
pub(crate) mod test_proxy {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use std::io::{Read, Write};
    use std::net::TcpListener;
    use std::time::Duration;

    /// The 404 the proxy gives the (possibly tunnelled) request.
    pub(crate) const NOT_FOUND: &[u8] =
        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    /// An environment naming the proxy at `proxy_url` in `http_proxy`
    /// (and a dead one in the ignored `HTTP_PROXY`), with `no_proxy`.
    pub(crate) fn env(proxy_url: &str, no_proxy: &str) -> super::ProxyEnv {
        super::ProxyEnv::from_lookup(|name| match name {
            "http_proxy" => Some(proxy_url.to_owned()),
            "HTTP_PROXY" => Some("http://127.0.0.1:1".to_owned()),
            "no_proxy" => Some(no_proxy.to_owned()),
            _ => None,
        })
    }

    /// Starts the proxy: after the n-th request head it reads, it writes
    /// `answers[n - 1]`, and stops after the last. Returns its URL and
    /// the thread, which returns all it read.
    pub(crate) fn start(
        answers: &'static [&'static [u8]],
    ) -> (String, std::thread::JoinHandle<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let thread = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(10)))
                .unwrap();
            let mut seen = Vec::new();
            let mut buf = [0u8; 1024];
            let mut answered = 0;
            while answered < answers.len() {
                let n = stream.read(&mut buf).unwrap_or(0);
                if n == 0 {
                    break;
                }
                seen.extend_from_slice(&buf[..n]);
                let heads = seen.windows(4).filter(|w| w == b"\r\n\r\n").count();
                while answered < heads.min(answers.len()) {
                    stream.write_all(answers[answered]).unwrap();
                    answered += 1;
                }
            }
            String::from_utf8_lossy(&seen).into_owned()
        });
        (url, thread)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> ProxyEnv {
        ProxyEnv::from_lookup(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn lower_case_http_proxy_is_used() {
        let e = env(&[("http_proxy", "http://proxy:3128")]);
        assert_eq!(
            e.proxy_for("http://ocsp.example/x"),
            Some("http://proxy:3128")
        );
    }

    #[test]
    fn upper_case_http_proxy_is_ignored() {
        let e = env(&[("HTTP_PROXY", "http://attacker:80")]);
        assert_eq!(e.proxy_for("http://ocsp.example/x"), None);
        let e = env(&[
            ("HTTP_PROXY", "http://attacker:80"),
            ("all_proxy", "http://all:1"),
        ]);
        assert_eq!(e.proxy_for("http://ocsp.example/x"), Some("http://all:1"));
    }

    #[test]
    fn precedence_and_empty_values() {
        let e = env(&[
            ("http_proxy", ""),
            ("all_proxy", "http://lower:1"),
            ("ALL_PROXY", "http://upper:1"),
        ]);
        assert_eq!(e.proxy_for("http://h/"), Some("http://lower:1"));
        let e = env(&[
            ("ALL_PROXY", "http://upper:1"),
            ("https_proxy", "http://s:1"),
        ]);
        assert_eq!(e.proxy_for("http://h/"), Some("http://upper:1"));
        assert_eq!(
            env(&[("https_proxy", "http://s:1")]).proxy_for("http://h/"),
            None
        );
        assert_eq!(env(&[]), ProxyEnv::default());
    }

    #[test]
    fn no_proxy_matches_hosts_and_subdomains() {
        let e = env(&[
            ("http_proxy", "http://proxy:3128"),
            ("no_proxy", " .Internal.example, 10.0.0.1 ,localhost"),
            ("NO_PROXY", "*"),
        ]);
        for direct in [
            "http://internal.example/",
            "http://ocsp.internal.example:8080/x",
            "http://10.0.0.1/",
            "http://user@LOCALHOST/",
        ] {
            assert_eq!(e.proxy_for(direct), None, "{direct}");
        }
        for proxied in [
            "http://notinternal.example/",
            "http://10.0.0.10/",
            "http://internal.example.evil/",
        ] {
            assert_eq!(e.proxy_for(proxied), Some("http://proxy:3128"), "{proxied}");
        }
        let all = env(&[("http_proxy", "http://p:1"), ("NO_PROXY", "*")]);
        assert_eq!(all.proxy_for("http://anything/"), None);
    }
}
