//! Test PKIs made with the openssl CLI (a real peer), and `openssl ocsp`
//! as a responder on loopback.
//!
//! One minter ([`Minter`]) makes every certificate; two layouts are built
//! with it: [`OpensslPki`] (a CA, three leaves and a delegated responder,
//! with an `index.txt` for a responder) and [`OpensslChain`] (root →
//! intermediate → leaves, RSA or EC). Callers check
//! [`openssl_available`](crate::support::openssl_available) first: it
//! prints the loud SKIPPED notice when the CLI is absent.

use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::{Duration, Instant};

use crate::support::{openssl, read_pem_cert, TempDir};

pub use crate::support::openssl_available as available;

/// Every wait on the responder is bounded by this.
pub const LIMIT: Duration = Duration::from_secs(10);

/// The revocation time [`OpensslPki`] writes in its index:
/// 2024-01-01T00:00:00Z.
pub const REVOKED_AT: i64 = 1_704_067_200;

/// A free TCP port on loopback (bound, read, released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The key type of every certificate a [`Minter`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// RSA, 2048 bits.
    Rsa,
    /// ECDSA on P-256.
    P256,
}

impl KeyKind {
    /// `openssl req` arguments for a fresh unencrypted key of this kind.
    fn newkey(self) -> &'static [&'static str] {
        match self {
            KeyKind::Rsa => &["-newkey", "rsa:2048", "-nodes"],
            KeyKind::P256 => &[
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
            ],
        }
    }
}

/// One certificate for [`Minter::issue`]: files `{name}.key`,
/// `{name}.csr` and `{name}.pem`, signed by `{ca}.pem`/`{ca}.key`.
#[derive(Debug, Clone, Copy)]
pub struct Issue<'a> {
    /// The base name of the files.
    pub name: &'a str,
    /// The subject, in openssl's `/CN=...` form.
    pub subject: &'a str,
    /// The base name of the issuer's files.
    pub ca: &'a str,
    /// An extensions file in the directory (`-extfile`).
    pub extfile: &'a str,
    /// The serial, as openssl's `-set_serial` takes it.
    pub serial: &'a str,
    /// The validity in days.
    pub days: &'a str,
}

/// Makes certificates with the openssl CLI in one directory.
#[derive(Debug, Clone, Copy)]
pub struct Minter<'a> {
    /// Where the files go.
    pub dir: &'a Path,
    /// The key type of every certificate.
    pub key: KeyKind,
}

impl Minter<'_> {
    /// Writes `text` to `name` in the directory (an extensions file).
    pub fn write(&self, name: &str, text: &str) {
        std::fs::write(self.dir.join(name), text).unwrap();
    }

    /// A self-signed CA `{name}.pem` with key `{name}.key`; `extra` goes
    /// to `openssl req` as is (`-addext` lines); its DER.
    pub fn self_signed(&self, name: &str, subject: &str, days: &str, extra: &[&str]) -> Vec<u8> {
        let key = format!("{name}.key");
        let pem = format!("{name}.pem");
        let mut args = vec!["req", "-x509"];
        args.extend(self.key.newkey());
        args.extend([
            "-keyout", &key, "-out", &pem, "-subj", subject, "-days", days,
        ]);
        args.extend(extra);
        openssl(self.dir, &args);
        self.der(name)
    }

    /// A key, a request and a certificate for `cert`; its DER.
    pub fn issue(&self, cert: Issue<'_>) -> Vec<u8> {
        let key = format!("{}.key", cert.name);
        let csr = format!("{}.csr", cert.name);
        let pem = format!("{}.pem", cert.name);
        let mut args = vec!["req", "-new"];
        args.extend(self.key.newkey());
        args.extend(["-keyout", &key, "-out", &csr, "-subj", cert.subject]);
        openssl(self.dir, &args);
        let ca_pem = format!("{}.pem", cert.ca);
        let ca_key = format!("{}.key", cert.ca);
        openssl(
            self.dir,
            &[
                "x509",
                "-req",
                "-in",
                &csr,
                "-CA",
                &ca_pem,
                "-CAkey",
                &ca_key,
                "-set_serial",
                cert.serial,
                "-days",
                cert.days,
                "-out",
                &pem,
                "-extfile",
                cert.extfile,
            ],
        );
        self.der(cert.name)
    }

    /// The DER of `{name}.pem`.
    pub fn der(&self, name: &str) -> Vec<u8> {
        read_pem_cert(&self.dir.join(format!("{name}.pem")))
    }

    /// Writes `der` to `{name}.der` in the directory.
    pub fn write_der(&self, name: &str, der: &[u8]) {
        std::fs::write(self.dir.join(format!("{name}.der")), der).unwrap();
    }
}

/// A P-256 CA (`ca.pem`), leaves `leaf-good.pem` (serial 0x1001),
/// `leaf-revoked.pem` (0x1002) and `leaf-unknown.pem` (0x1003) whose AIA
/// points at `http://127.0.0.1:{port}`, a delegated responder
/// `responder.pem` (0x2001, id-kp-OCSPSigning) and an `index.txt` for
/// `openssl ocsp`; keys `*.key`, DER copies `*.der`, all in `dir`.
#[derive(Debug)]
pub struct OpensslPki {
    /// The files.
    pub dir: TempDir,
    /// The loopback port the leaves' AIA names.
    pub port: u16,
    /// The CA certificate.
    pub ca: Vec<u8>,
    /// Serial 0x1001, in the index as valid.
    pub good: Vec<u8>,
    /// Serial 0x1002, in the index as revoked (keyCompromise).
    pub revoked: Vec<u8>,
    /// Serial 0x1003, not in the index.
    pub unknown: Vec<u8>,
}

impl OpensslPki {
    /// Makes the PKI in a fresh directory tagged `ocsp-http-{tag}`, on a
    /// free port.
    pub fn new(tag: &str) -> OpensslPki {
        let dir = TempDir::new(&format!("ocsp-http-{tag}"));
        let port = free_port();
        let mint = Minter {
            dir: dir.path(),
            key: KeyKind::P256,
        };
        let ca = mint.self_signed(
            "ca",
            "/CN=ocsp-http test CA",
            "3650",
            &[
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign,digitalSignature",
            ],
        );
        mint.write(
            "leaf.ext",
            &format!(
                "basicConstraints=CA:FALSE\nauthorityInfoAccess=OCSP;URI:http://127.0.0.1:{port}\n"
            ),
        );
        mint.write(
            "responder.ext",
            "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=OCSPSigning\n",
        );
        let issue = |name: &str, serial: &str, extfile: &str| {
            let subject = format!("/CN={name}");
            let der = mint.issue(Issue {
                name,
                subject: &subject,
                ca: "ca",
                extfile,
                serial,
                days: "365",
            });
            mint.write_der(name, &der);
            der
        };
        let good = issue("leaf-good", "0x1001", "leaf.ext");
        let revoked = issue("leaf-revoked", "0x1002", "leaf.ext");
        let unknown = issue("leaf-unknown", "0x1003", "leaf.ext");
        issue("responder", "0x2001", "responder.ext");
        mint.write_der("ca", &ca);
        mint.write(
            "index.txt",
            "V\t301231235959Z\t\t1001\tunknown\t/CN=leaf-good\n\
             R\t301231235959Z\t240101000000Z,keyCompromise\t1002\tunknown\t/CN=leaf-revoked\n\
             V\t301231235959Z\t\t2001\tunknown\t/CN=responder\n",
        );
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

/// Root → intermediate → leaves, with keys of one kind: `root.pem`,
/// `int.pem` (serial 4660, AIA OCSP `http://root-ocsp.example.com/`),
/// `leaf1.pem` (serial 0x0102030405060708090a) and `leaf2.pem` (serial
/// 0x8000000000000001, top bit set), both with AIA caIssuers
/// `http://ca.example.com/int.crt` and OCSP `http://ocsp.example.com/`,
/// `http://ocsp2.example.com/ocsp`, and `noaia.pem` (serial 7, no AIA);
/// keys `*.key`. The directory is removed on drop.
#[derive(Debug)]
pub struct OpensslChain {
    /// The files.
    pub dir: TempDir,
}

impl OpensslChain {
    /// Makes the chain with keys of `key`.
    pub fn new(key: KeyKind) -> OpensslChain {
        let tag = match key {
            KeyKind::Rsa => "rsa",
            KeyKind::P256 => "ec",
        };
        let dir = TempDir::new(&format!("ocsp-request-pki-{tag}"));
        let mint = Minter {
            dir: dir.path(),
            key,
        };
        mint.write(
            "ca.cnf",
            "basicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\n\
             subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n\
             authorityInfoAccess = OCSP;URI:http://root-ocsp.example.com/\n",
        );
        mint.write(
            "leaf.cnf",
            "basicConstraints = CA:FALSE\nsubjectKeyIdentifier = hash\n\
             authorityInfoAccess = caIssuers;URI:http://ca.example.com/int.crt,\
             OCSP;URI:http://ocsp.example.com/,OCSP;URI:http://ocsp2.example.com/ocsp\n",
        );
        mint.write("noaia.cnf", "basicConstraints = CA:FALSE\n");
        mint.self_signed("root", "/C=XX/O=ocsp-rs tests/CN=Test Root", "30", &[]);
        let certs = [
            (
                "int",
                "/C=XX/O=ocsp-rs tests/CN=Test Intermediate",
                "root",
                "ca.cnf",
                "4660",
            ),
            (
                "leaf1",
                "/CN=leaf1.example",
                "int",
                "leaf.cnf",
                "0x0102030405060708090a",
            ),
            (
                "leaf2",
                "/CN=leaf2.example",
                "int",
                "leaf.cnf",
                "0x8000000000000001",
            ),
            ("noaia", "/CN=noaia.example", "int", "noaia.cnf", "7"),
        ];
        for (name, subject, ca, extfile, serial) in certs {
            mint.issue(Issue {
                name,
                subject,
                ca,
                extfile,
                serial,
                days: "30",
            });
        }
        OpensslChain { dir }
    }

    /// The DER of `{name}.pem`.
    pub fn der(&self, name: &str) -> Vec<u8> {
        read_pem_cert(&self.dir.join(format!("{name}.pem")))
    }

    /// Runs `openssl ocsp ARGS -reqout OUT` in the directory; the request's
    /// DER.
    pub fn openssl_request(&self, args: &[&str], out: &str) -> Vec<u8> {
        let mut all = vec!["ocsp"];
        all.extend_from_slice(args);
        all.extend(["-reqout", out]);
        openssl(&self.dir, &all);
        std::fs::read(self.dir.join(out)).unwrap()
    }
}

/// Who signs an [`OpensslPki`] responder's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signer {
    /// The CA's own key.
    Issuer,
    /// The delegated responder (id-kp-OCSPSigning).
    Delegated,
}

impl Signer {
    /// The certificate and key files of this signer in an [`OpensslPki`].
    pub fn files(self) -> (&'static str, &'static str) {
        match self {
            Signer::Issuer => ("ca.pem", "ca.key"),
            Signer::Delegated => ("responder.pem", "responder.key"),
        }
    }
}

/// `openssl ocsp` serving an [`OpensslPki`]'s index; killed by its process
/// id on drop.
#[derive(Debug)]
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
    /// For the test `test`: makes an [`OpensslPki`] tagged `tag` and starts
    /// its responder signing as `signer`; `None`, after a loud SKIPPED
    /// notice, when the openssl CLI is absent.
    pub fn for_test(test: &str, tag: &str, signer: Signer) -> Option<(OpensslPki, Responder)> {
        if !available(test) {
            return None;
        }
        let pki = OpensslPki::new(tag);
        let responder = Responder::start(&pki, signer);
        Some((pki, responder))
    }

    /// Starts the responder and waits (at most [`LIMIT`]) for its "waiting
    /// for OCSP client connections" line. Never probes the port with a bare
    /// connect: that makes OpenSSL 3.0's responder spin.
    pub fn start(pki: &OpensslPki, signer: Signer) -> Responder {
        let (rsigner, rkey) = signer.files();
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

    /// Waits (at most [`LIMIT`]) for an output line containing `needle`.
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
