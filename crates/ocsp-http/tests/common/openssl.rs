//! A CA, leaves and a delegated responder made with the openssl CLI, and
//! `openssl ocsp` as a responder on loopback.

use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::{Duration, Instant};

/// Every wait on the responder is bounded by this.
pub const LIMIT: Duration = Duration::from_secs(10);

/// The revocation time written in the index: 2024-01-01T00:00:00Z.
pub const REVOKED_AT: i64 = 1_704_067_200;

use ocsp_testkit::support::openssl;
#[allow(unused_imports)]
pub use ocsp_testkit::support::{openssl_available as available, TempDir};

/// A free TCP port on loopback (bound, read, released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The PKI: DER certificates, files in `dir`.
pub struct OpensslPki {
    pub dir: TempDir,
    pub port: u16,
    pub ca: Vec<u8>,
    /// Serial 0x1001, in the index as valid.
    pub good: Vec<u8>,
    /// Serial 0x1002, in the index as revoked (keyCompromise).
    pub revoked: Vec<u8>,
    /// Serial 0x1003, not in the index.
    pub unknown: Vec<u8>,
}

impl OpensslPki {
    /// Makes the PKI; the leaves' AIA points at `http://127.0.0.1:{port}`.
    pub fn new(tag: &str) -> OpensslPki {
        let dir = TempDir::new(&format!("ocsp-http-{tag}"));
        let port = free_port();
        let d = dir.path();
        let ec = [
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
        ];
        let mut args = vec!["req", "-x509"];
        args.extend(ec);
        args.extend([
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-subj",
            "/CN=ocsp-http test CA",
            "-days",
            "3650",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign,digitalSignature",
        ]);
        openssl(d, &args);
        std::fs::write(
            d.join("leaf.ext"),
            format!(
                "basicConstraints=CA:FALSE\nauthorityInfoAccess=OCSP;URI:http://127.0.0.1:{port}\n"
            ),
        )
        .unwrap();
        std::fs::write(
            d.join("responder.ext"),
            "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=OCSPSigning\n",
        )
        .unwrap();
        let issue = |name: &str, serial: &str, ext: &str| {
            let key = format!("{name}.key");
            let csr = format!("{name}.csr");
            let pem = format!("{name}.pem");
            let der = format!("{name}.der");
            let subj = format!("/CN={name}");
            let mut args = vec!["req", "-new"];
            args.extend(ec);
            args.extend(["-keyout", &key, "-out", &csr, "-subj", &subj]);
            openssl(d, &args);
            openssl(
                d,
                &[
                    "x509",
                    "-req",
                    "-in",
                    &csr,
                    "-CA",
                    "ca.pem",
                    "-CAkey",
                    "ca.key",
                    "-set_serial",
                    serial,
                    "-days",
                    "365",
                    "-out",
                    &pem,
                    "-extfile",
                    ext,
                ],
            );
            openssl(d, &["x509", "-in", &pem, "-outform", "DER", "-out", &der]);
            std::fs::read(d.join(der)).unwrap()
        };
        let good = issue("leaf-good", "0x1001", "leaf.ext");
        let revoked = issue("leaf-revoked", "0x1002", "leaf.ext");
        let unknown = issue("leaf-unknown", "0x1003", "leaf.ext");
        issue("responder", "0x2001", "responder.ext");
        openssl(
            d,
            &["x509", "-in", "ca.pem", "-outform", "DER", "-out", "ca.der"],
        );
        let ca = std::fs::read(d.join("ca.der")).unwrap();
        std::fs::write(
            d.join("index.txt"),
            "V\t301231235959Z\t\t1001\tunknown\t/CN=leaf-good\n\
             R\t301231235959Z\t240101000000Z,keyCompromise\t1002\tunknown\t/CN=leaf-revoked\n\
             V\t301231235959Z\t\t2001\tunknown\t/CN=responder\n",
        )
        .unwrap();
        OpensslPki {
            dir,
            port,
            ca,
            good,
            revoked,
            unknown,
        }
    }

    /// `http://127.0.0.1:{port}`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

/// Who signs the responses.
#[derive(Debug, Clone, Copy)]
pub enum Signer {
    /// The CA's own key.
    Issuer,
    /// The delegated responder (id-kp-OCSPSigning).
    Delegated,
}

/// `openssl ocsp` serving the PKI's index; killed by its process id on drop.
pub struct Responder {
    child: Child,
    lines: Receiver<String>,
}

fn forward(stream: impl Read + Send + 'static, tx: Sender<String>) {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
}

impl Responder {
    /// Starts the responder and waits (at most 10 s) for its "waiting for
    /// OCSP client connections" line. Never probes the port with a bare
    /// connect: that makes OpenSSL 3.0's responder spin.
    pub fn start(pki: &OpensslPki, signer: Signer) -> Responder {
        let (rsigner, rkey) = match signer {
            Signer::Issuer => ("ca.pem", "ca.key"),
            Signer::Delegated => ("responder.pem", "responder.key"),
        };
        let port = pki.port.to_string();
        let mut child = Command::new("openssl")
            .args([
                "ocsp",
                "-index",
                "index.txt",
                "-port",
                &port,
                "-rsigner",
                rsigner,
                "-rkey",
                rkey,
                "-CA",
                "ca.pem",
                "-nmin",
                "5",
                "-ignore_err",
            ])
            .current_dir(pki.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = channel();
        forward(child.stdout.take().unwrap(), tx.clone());
        forward(child.stderr.take().unwrap(), tx);
        let mut responder = Responder { child, lines: rx };
        let ready = responder.wait_for("waiting for OCSP client connections");
        assert!(
            ready.is_some(),
            "the OpenSSL responder did not start in time"
        );
        responder
    }

    /// Waits (at most 10 s) for an output line containing `needle`.
    pub fn wait_for(&mut self, needle: &str) -> Option<String> {
        let deadline = Instant::now() + LIMIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return Some(line),
                Ok(_) => continue,
                Err(_) => return None,
            }
        }
    }
}

impl Drop for Responder {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
