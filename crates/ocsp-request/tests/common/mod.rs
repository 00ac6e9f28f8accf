//! Helpers shared by the integration tests.
#![allow(
    dead_code,
    unused_imports,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub use ocsp_testkit::support::{
    have_openssl, hex, openssl, pem_blocks, read_pem_cert, shared_vectors, skip, unhex, TempDir,
};

/// A small PKI made with the openssl CLI: root → intermediate → leaves.
/// Its directory is removed when it is dropped.
pub struct Pki {
    pub dir: TempDir,
}

/// `-newkey` arguments for a key type.
fn newkey(kind: &str) -> Vec<&'static str> {
    match kind {
        "rsa" => vec!["-newkey", "rsa:2048"],
        "ec" => vec!["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
        _ => panic!("key kind"),
    }
}

impl Pki {
    /// Creates `root.pem`, `int.pem` (issued by root), `leaf1.pem`,
    /// `leaf2.pem` (issued by int, with AIA; leaf2's serial has its top bit
    /// set) and `noaia.pem` (issued by int, without AIA), keys `*.key`, all
    /// with keys of `kind` (`rsa` or `ec`).
    pub fn new(kind: &str) -> Pki {
        let dir = TempDir::new(&format!("ocsp-request-pki-{kind}"));
        let d = dir.path();
        std::fs::write(
            d.join("ca.cnf"),
            "basicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\n\
             subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n\
             authorityInfoAccess = OCSP;URI:http://root-ocsp.example.com/\n",
        )
        .unwrap();
        std::fs::write(
            d.join("leaf.cnf"),
            "basicConstraints = CA:FALSE\nsubjectKeyIdentifier = hash\n\
             authorityInfoAccess = caIssuers;URI:http://ca.example.com/int.crt,\
             OCSP;URI:http://ocsp.example.com/,OCSP;URI:http://ocsp2.example.com/ocsp\n",
        )
        .unwrap();
        std::fs::write(d.join("noaia.cnf"), "basicConstraints = CA:FALSE\n").unwrap();

        let mut root = vec![
            "req", "-x509", "-nodes", "-keyout", "root.key", "-out", "root.pem",
        ];
        root.extend(newkey(kind));
        root.extend(["-subj", "/C=XX/O=ocsp-rs tests/CN=Test Root", "-days", "30"]);
        openssl(d, &root);

        let issue = |name: &str, subj: &str, ca: &str, ext: &str, serial: &str| {
            let key = format!("{name}.key");
            let csr = format!("{name}.csr");
            let pem = format!("{name}.pem");
            let mut req = vec!["req", "-new", "-nodes", "-keyout", &key, "-out", &csr];
            req.extend(newkey(kind));
            req.extend(["-subj", subj]);
            openssl(d, &req);
            let ca_pem = format!("{ca}.pem");
            let ca_key = format!("{ca}.key");
            openssl(
                d,
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
                    serial,
                    "-out",
                    &pem,
                    "-days",
                    "30",
                    "-extfile",
                    ext,
                ],
            );
        };
        issue(
            "int",
            "/C=XX/O=ocsp-rs tests/CN=Test Intermediate",
            "root",
            "ca.cnf",
            "4660",
        );
        issue(
            "leaf1",
            "/CN=leaf1.example",
            "int",
            "leaf.cnf",
            "0x0102030405060708090a",
        );
        issue(
            "leaf2",
            "/CN=leaf2.example",
            "int",
            "leaf.cnf",
            "0x8000000000000001",
        );
        issue("noaia", "/CN=noaia.example", "int", "noaia.cnf", "7");
        Pki { dir }
    }

    /// The DER of `name.pem`.
    pub fn der(&self, name: &str) -> Vec<u8> {
        read_pem_cert(&self.dir.join(format!("{name}.pem")))
    }

    /// Runs `openssl ocsp` with `args` and `-reqout out`, returning the DER.
    pub fn openssl_request(&self, args: &[&str], out: &str) -> Vec<u8> {
        let mut all = vec!["ocsp"];
        all.extend_from_slice(args);
        all.extend(["-reqout", out]);
        openssl(&self.dir, &all);
        std::fs::read(self.dir.join(out)).unwrap()
    }
}
