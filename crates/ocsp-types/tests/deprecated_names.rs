//! The old names still compile, as deprecated aliases of the new ones.
#![allow(deprecated)]

#[test]
fn old_names_are_aliases() {
    let certs: ocsp_types::CertificatesRef<'_> = ocsp_types::EmbeddedCertificatesRef::default();
    let iter: ocsp_types::CertificatesIter<'_> = certs.iter();
    assert_eq!(iter.count(), 0);
    assert_eq!(
        ocsp_types::known::MAX_NONCE_LEN,
        ocsp_types::ocsp_extensions::MAX_NONCE_LEN
    );
}
