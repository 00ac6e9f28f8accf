//! OpenSSL's reading of an `OCSPResponse`, for the differential target.
//!
//! This is the only module of the fuzz crate with `unsafe` code, and it is
//! there for one reason: the differential target compares ocsp-types with
//! OpenSSL's libcrypto, the peer under test, which is reachable only through
//! C FFI. (The library crates themselves forbid `unsafe`; the rest of this
//! crate denies it.) Everything here turns raw OpenSSL objects into the
//! owned, safe values of `crate::differential::summary` and frees every
//! object it gets before returning; no pointer leaves the module.
//!
//! `openssl-sys` links libcrypto and declares most functions used here; the
//! OCSP accessors it lacks are declared below from OpenSSL 3.0's
//! `<openssl/ocsp.h>` and `<openssl/x509.h>`.
#![allow(unsafe_code)]

use std::ffi::{c_int, c_long};
use std::ptr;

use openssl_sys::{
    ASN1_GENERALIZEDTIME, ASN1_INTEGER, ASN1_OBJECT, ASN1_OCTET_STRING, ASN1_STRING,
    OCSP_BASICRESP, OCSP_CERTID, OCSP_RESPONSE, OPENSSL_STACK, X509, X509_ALGOR, X509_EXTENSION,
    X509_NAME,
};

use crate::differential::der;
use crate::differential::summary::{
    BasicSummary, CertIdSummary, ExtensionSummary, OidSummary, ResponderIdSummary, ResponseSummary,
    SingleSummary, StatusSummary,
};

/// `OCSP_SINGLERESP`, opaque (openssl-sys does not name it).
enum OcspSingleResp {}

/// `STACK_OF(X509)`, used only through `OPENSSL_sk_*`.
enum X509Stack {}

const V_OCSP_CERTSTATUS_GOOD: c_int = 0;
const V_OCSP_CERTSTATUS_REVOKED: c_int = 1;
const V_OCSP_CERTSTATUS_UNKNOWN: c_int = 2;

extern "C" {
    fn OCSP_resp_count(bs: *mut OCSP_BASICRESP) -> c_int;
    fn OCSP_resp_get0(bs: *mut OCSP_BASICRESP, idx: c_int) -> *mut OcspSingleResp;
    fn OCSP_resp_get0_produced_at(bs: *const OCSP_BASICRESP) -> *const ASN1_GENERALIZEDTIME;
    fn OCSP_resp_get0_certs(bs: *const OCSP_BASICRESP) -> *const X509Stack;
    fn OCSP_resp_get0_id(
        bs: *const OCSP_BASICRESP,
        pid: *mut *const ASN1_OCTET_STRING,
        pname: *mut *const X509_NAME,
    ) -> c_int;
    fn OCSP_resp_get0_signature(bs: *const OCSP_BASICRESP) -> *const ASN1_OCTET_STRING;
    fn OCSP_resp_get0_tbs_sigalg(bs: *const OCSP_BASICRESP) -> *const X509_ALGOR;
    fn OCSP_BASICRESP_get_ext_count(bs: *mut OCSP_BASICRESP) -> c_int;
    fn OCSP_BASICRESP_get_ext(bs: *mut OCSP_BASICRESP, loc: c_int) -> *mut X509_EXTENSION;
    fn OCSP_SINGLERESP_get0_id(single: *const OcspSingleResp) -> *const OCSP_CERTID;
    fn OCSP_SINGLERESP_get_ext_count(single: *mut OcspSingleResp) -> c_int;
    fn OCSP_SINGLERESP_get_ext(single: *mut OcspSingleResp, loc: c_int) -> *mut X509_EXTENSION;
    fn OCSP_single_get0_status(
        single: *mut OcspSingleResp,
        reason: *mut c_int,
        revtime: *mut *mut ASN1_GENERALIZEDTIME,
        thisupd: *mut *mut ASN1_GENERALIZEDTIME,
        nextupd: *mut *mut ASN1_GENERALIZEDTIME,
    ) -> c_int;
    fn OCSP_id_get0_info(
        name_hash: *mut *mut ASN1_OCTET_STRING,
        md: *mut *mut ASN1_OBJECT,
        key_hash: *mut *mut ASN1_OCTET_STRING,
        serial: *mut *mut ASN1_INTEGER,
        cid: *mut OCSP_CERTID,
    ) -> c_int;
    fn i2d_OCSP_BASICRESP(a: *const OCSP_BASICRESP, out: *mut *mut u8) -> c_int;
    fn i2d_OCSP_CERTID(a: *const OCSP_CERTID, out: *mut *mut u8) -> c_int;
    fn i2d_ASN1_INTEGER(a: *const ASN1_INTEGER, out: *mut *mut u8) -> c_int;
    fn d2i_X509_ALGOR(a: *mut *mut X509_ALGOR, pp: *mut *const u8, len: c_long) -> *mut X509_ALGOR;
    fn i2d_X509_ALGOR(a: *const X509_ALGOR, out: *mut *mut u8) -> c_int;
}

type D2i<T> = unsafe extern "C" fn(*mut *mut T, *mut *const u8, c_long) -> *mut T;
type I2d<T> = unsafe extern "C" fn(*const T, *mut *mut u8) -> c_int;
type Free<T> = unsafe extern "C" fn(*mut T);

/// An object this module owns, freed on drop (also when a check panics).
struct Owned<T> {
    ptr: *mut T,
    free: Free<T>,
}

impl<T> Drop for Owned<T> {
    fn drop(&mut self) {
        // SAFETY: `ptr` came non-null from the allocating call that `free`
        // pairs with, and nothing else frees it.
        unsafe { (self.free)(self.ptr) }
    }
}

/// Empties OpenSSL's thread-local error queue when dropped: a refused input
/// leaves errors there, and over millions of runs the queue would grow.
struct ClearErrors;

impl Drop for ClearErrors {
    fn drop(&mut self) {
        // SAFETY: no precondition.
        unsafe { openssl_sys::ERR_clear_error() }
    }
}

/// Decodes `der` with `d2i`, which must consume every byte: the d2i
/// functions stop at the end of the first element and ignore what follows.
/// (`d2i` and `free` are always a matching pair of OpenSSL functions.)
fn decode_all<T>(der: &[u8], d2i: D2i<T>, free: Free<T>) -> Option<Owned<T>> {
    let len = c_long::try_from(der.len()).ok()?;
    let mut p = der.as_ptr();
    // SAFETY: `p` points to `len` readable bytes; d2i reads at most those
    // and advances `p` past what it decoded.
    let obj = unsafe { d2i(ptr::null_mut(), &mut p, len) };
    if obj.is_null() {
        return None;
    }
    let owned = Owned { ptr: obj, free };
    let consumed = (p as usize).wrapping_sub(der.as_ptr() as usize);
    (consumed == der.len()).then_some(owned)
}

/// `i2d` into a buffer of the size it asks for (no OpenSSL allocation).
///
/// SAFETY: `obj` must be a valid object of the type `i2d` encodes.
unsafe fn encode<T>(obj: *const T, i2d: I2d<T>) -> Option<Vec<u8>> {
    // i2d answers 0 or -1 when it cannot encode.
    let len = usize::try_from(i2d(obj, ptr::null_mut()))
        .ok()
        .filter(|&n| n > 0)?;
    let mut out = vec![0u8; len];
    let mut p = out.as_mut_ptr();
    let written = usize::try_from(i2d(obj, &mut p)).ok()?;
    (written == len).then_some(out)
}

/// The content octets of any ASN1_STRING (OCTET STRING, BIT STRING without
/// its unused-bits octet, GeneralizedTime text); empty for NULL.
///
/// SAFETY: `s` must be NULL or a valid ASN1_STRING.
unsafe fn string_bytes<S>(s: *const S) -> Vec<u8> {
    let s = s.cast::<ASN1_STRING>();
    if s.is_null() {
        return Vec::new();
    }
    let data = openssl_sys::ASN1_STRING_get0_data(s);
    match usize::try_from(openssl_sys::ASN1_STRING_length(s)) {
        Ok(len) if len > 0 && !data.is_null() => std::slice::from_raw_parts(data, len).to_vec(),
        _ => Vec::new(),
    }
}

/// An OBJECT IDENTIFIER's content octets and dotted-decimal text.
///
/// SAFETY: `obj` must be NULL or a valid ASN1_OBJECT.
unsafe fn oid(obj: *const ASN1_OBJECT) -> OidSummary {
    OidSummary {
        bytes: oid_bytes(obj),
        dotted: oid_text(obj),
    }
}

/// `OBJ_obj2txt` in numeric form, into a buffer grown to the length it
/// reports (arcs can be bignums); `None` when OpenSSL declines.
///
/// SAFETY: `obj` must be NULL or a valid ASN1_OBJECT.
unsafe fn oid_text(obj: *const ASN1_OBJECT) -> Option<String> {
    if obj.is_null() {
        return None;
    }
    let mut buf = vec![0u8; 128];
    loop {
        let capacity = c_int::try_from(buf.len()).unwrap_or(c_int::MAX);
        let written = openssl_sys::OBJ_obj2txt(buf.as_mut_ptr().cast(), capacity, obj, 1);
        let len = usize::try_from(written).ok().filter(|&n| n > 0)?;
        if len < buf.len() {
            buf.truncate(len);
            return Some(String::from_utf8_lossy(&buf).into_owned());
        }
        buf.resize(len + 1, 0);
    }
}

/// The content octets of an OBJECT IDENTIFIER.
///
/// SAFETY: `obj` must be NULL or a valid ASN1_OBJECT.
unsafe fn oid_bytes(obj: *const ASN1_OBJECT) -> Vec<u8> {
    if obj.is_null() {
        return Vec::new();
    }
    let data = openssl_sys::OBJ_get0_data(obj);
    let len = openssl_sys::OBJ_length(obj);
    if data.is_null() || len == 0 {
        return Vec::new();
    }
    std::slice::from_raw_parts(data, len).to_vec()
}

/// OpenSSL's reading of a response it accepts.
#[derive(Debug)]
pub struct OpensslResponse {
    /// What OpenSSL's accessors return.
    pub summary: ResponseSummary,
    /// `i2d_OCSP_RESPONSE` of the decoded object.
    pub reencoded: Vec<u8>,
    /// `i2d_OCSP_BASICRESP` of the basic response, when decoded.
    pub basic_reencoded: Option<Vec<u8>>,
}

/// Parses `input` as OpenSSL would: `d2i_OCSP_RESPONSE` over all of it, and
/// for a successful response `OCSP_response_get1_basic`. `None` when OpenSSL
/// refuses.
pub fn parse(input: &[u8]) -> Option<OpensslResponse> {
    let _clear = ClearErrors;
    let resp = decode_all(
        input,
        openssl_sys::d2i_OCSP_RESPONSE,
        openssl_sys::OCSP_RESPONSE_free,
    )?;
    // SAFETY: `resp` is a valid OCSP_RESPONSE until dropped, and every
    // pointer taken from it is used before that.
    unsafe {
        let status = openssl_sys::OCSP_response_status(resp.ptr);
        let reencoded = must(
            encode(resp.ptr.cast_const(), i2d_response),
            "i2d_OCSP_RESPONSE",
        );
        if status != 0 {
            return Some(OpensslResponse {
                summary: ResponseSummary {
                    status: i64::from(status),
                    basic: None,
                },
                reencoded,
                basic_reencoded: None,
            });
        }
        let bs = openssl_sys::OCSP_response_get1_basic(resp.ptr);
        if bs.is_null() {
            return None;
        }
        let bs = Owned {
            ptr: bs,
            free: openssl_sys::OCSP_BASICRESP_free,
        };
        Some(OpensslResponse {
            summary: ResponseSummary {
                status: i64::from(status),
                basic: Some(basic(bs.ptr)),
            },
            reencoded,
            basic_reencoded: Some(must(
                encode(bs.ptr.cast_const(), i2d_OCSP_BASICRESP),
                "i2d_OCSP_BASICRESP",
            )),
        })
    }
}

/// `i2d_OCSP_RESPONSE` with the `I2d` signature (openssl-sys declares its
/// argument `*const` for OpenSSL 3 only).
unsafe extern "C" fn i2d_response(a: *const OCSP_RESPONSE, out: *mut *mut u8) -> c_int {
    openssl_sys::i2d_OCSP_RESPONSE(a, out)
}

/// The value of an accessor that cannot fail on an object OpenSSL decoded;
/// if it does, the harness is wrong, and it says so rather than count the
/// input as refused.
fn must<T>(value: Option<T>, what: &str) -> T {
    match value {
        Some(v) => v,
        None => panic!("harness: OpenSSL's {what} failed on an object it decoded"),
    }
}

/// SAFETY: `bs` must be a valid OCSP_BASICRESP.
unsafe fn basic(bs: *mut OCSP_BASICRESP) -> BasicSummary {
    let responses = (0..OCSP_resp_count(bs))
        .map(|i| single(OCSP_resp_get0(bs, i)))
        .collect();
    let extensions = (0..OCSP_BASICRESP_get_ext_count(bs))
        .map(|i| extension(OCSP_BASICRESP_get_ext(bs, i)))
        .collect();
    BasicSummary {
        responder_id: responder_id(bs),
        produced_at: string_bytes(OCSP_resp_get0_produced_at(bs)),
        responses,
        extensions,
        signature_algorithm: must(
            encode(OCSP_resp_get0_tbs_sigalg(bs), i2d_X509_ALGOR),
            "i2d_X509_ALGOR",
        ),
        signature: string_bytes(OCSP_resp_get0_signature(bs)),
        certs: certificates(OCSP_resp_get0_certs(bs)),
    }
}

/// SAFETY: `bs` must be a valid OCSP_BASICRESP.
unsafe fn responder_id(bs: *const OCSP_BASICRESP) -> ResponderIdSummary {
    let mut key: *const ASN1_OCTET_STRING = ptr::null();
    let mut name: *const X509_NAME = ptr::null();
    must(
        (OCSP_resp_get0_id(bs, &mut key, &mut name) == 1).then_some(()),
        "OCSP_resp_get0_id",
    );
    if name.is_null() {
        ResponderIdSummary::ByKey(string_bytes(key))
    } else {
        ResponderIdSummary::ByName(must(encode(name, i2d_name), "i2d_X509_NAME"))
    }
}

unsafe extern "C" fn i2d_name(a: *const X509_NAME, out: *mut *mut u8) -> c_int {
    openssl_sys::i2d_X509_NAME(a, out)
}

unsafe extern "C" fn i2d_cert(a: *const X509, out: *mut *mut u8) -> c_int {
    openssl_sys::i2d_X509(a, out)
}

/// The certificates' DER; `None` when the field is absent.
///
/// SAFETY: `stack` must be NULL or a valid STACK_OF(X509).
unsafe fn certificates(stack: *const X509Stack) -> Option<Vec<Vec<u8>>> {
    if stack.is_null() {
        return None;
    }
    let stack = stack.cast::<OPENSSL_STACK>();
    let certs = (0..openssl_sys::OPENSSL_sk_num(stack))
        .map(|i| {
            let cert = openssl_sys::OPENSSL_sk_value(stack, i).cast::<X509>();
            must(encode(cert.cast_const(), i2d_cert), "i2d_X509")
        })
        .collect();
    Some(certs)
}

/// SAFETY: `s` must be a valid OCSP_SINGLERESP.
unsafe fn single(s: *mut OcspSingleResp) -> SingleSummary {
    let mut reason: c_int = -1;
    let mut revoked_at: *mut ASN1_GENERALIZEDTIME = ptr::null_mut();
    let mut this_update: *mut ASN1_GENERALIZEDTIME = ptr::null_mut();
    let mut next_update: *mut ASN1_GENERALIZEDTIME = ptr::null_mut();
    let status = OCSP_single_get0_status(
        s,
        &mut reason,
        &mut revoked_at,
        &mut this_update,
        &mut next_update,
    );
    let status = match status {
        V_OCSP_CERTSTATUS_GOOD => StatusSummary::Good,
        V_OCSP_CERTSTATUS_REVOKED => StatusSummary::Revoked {
            time: string_bytes(revoked_at),
            // -1 is OpenSSL's "no reason" (and also what it answers for a
            // value that does not fit a long; ocsp-types refuses those).
            reason: (reason != -1).then_some(i64::from(reason)),
        },
        V_OCSP_CERTSTATUS_UNKNOWN => StatusSummary::Unknown,
        other => panic!("harness: OCSP_single_get0_status answered {other}"),
    };
    let extensions = (0..OCSP_SINGLERESP_get_ext_count(s))
        .map(|i| extension(OCSP_SINGLERESP_get_ext(s, i)))
        .collect();
    SingleSummary {
        cert_id: cert_id(OCSP_SINGLERESP_get0_id(s).cast_mut()),
        status,
        this_update: string_bytes(this_update),
        next_update: (!next_update.is_null()).then(|| string_bytes(next_update)),
        extensions,
    }
}

/// SAFETY: `id` must be a valid OCSP_CERTID (only read, despite the
/// non-const parameter of `OCSP_id_get0_info`).
unsafe fn cert_id(id: *mut OCSP_CERTID) -> CertIdSummary {
    let mut name_hash: *mut ASN1_OCTET_STRING = ptr::null_mut();
    let mut md: *mut ASN1_OBJECT = ptr::null_mut();
    let mut key_hash: *mut ASN1_OCTET_STRING = ptr::null_mut();
    let mut serial: *mut ASN1_INTEGER = ptr::null_mut();
    must(
        (OCSP_id_get0_info(&mut name_hash, &mut md, &mut key_hash, &mut serial, id) == 1)
            .then_some(()),
        "OCSP_id_get0_info",
    );
    let serial_der = must(
        encode(serial.cast_const(), i2d_ASN1_INTEGER),
        "i2d_ASN1_INTEGER",
    );
    CertIdSummary {
        hash_algorithm: oid(md),
        issuer_name_hash: string_bytes(name_hash),
        issuer_key_hash: string_bytes(key_hash),
        serial: must(der::single(&serial_der), "the INTEGER re-encoding")
            .value
            .to_vec(),
        der: must(encode(id.cast_const(), i2d_OCSP_CERTID), "i2d_OCSP_CERTID"),
    }
}

/// SAFETY: `ext` must be a valid X509_EXTENSION.
unsafe fn extension(ext: *mut X509_EXTENSION) -> ExtensionSummary {
    ExtensionSummary {
        oid: oid(openssl_sys::X509_EXTENSION_get_object(ext)),
        critical: openssl_sys::X509_EXTENSION_get_critical(ext) > 0,
        value: string_bytes(openssl_sys::X509_EXTENSION_get_data(ext)),
    }
}

/// Decodes `der` whole and re-encodes it: `None` when OpenSSL refuses it.
fn reencode<T>(der: &[u8], d2i: D2i<T>, i2d: I2d<T>, free: Free<T>) -> Option<Vec<u8>> {
    let _clear = ClearErrors;
    let obj = decode_all(der, d2i, free)?;
    // SAFETY: `obj` is a valid object of the type `i2d` encodes.
    unsafe { encode(obj.ptr.cast_const(), i2d) }
}

/// OpenSSL's `d2i_X509` then `i2d_X509` of a certificate.
pub fn reencode_certificate(der: &[u8]) -> Option<Vec<u8>> {
    reencode(der, openssl_sys::d2i_X509, i2d_cert, openssl_sys::X509_free)
}

/// OpenSSL's `d2i_X509_NAME` then `i2d_X509_NAME` of a Name.
pub fn reencode_name(der: &[u8]) -> Option<Vec<u8>> {
    reencode(
        der,
        openssl_sys::d2i_X509_NAME,
        i2d_name,
        openssl_sys::X509_NAME_free,
    )
}

/// OpenSSL's `d2i_X509_ALGOR` then `i2d_X509_ALGOR` of an AlgorithmIdentifier.
pub fn reencode_algorithm(der: &[u8]) -> Option<Vec<u8>> {
    reencode(
        der,
        d2i_X509_ALGOR,
        i2d_X509_ALGOR,
        openssl_sys::X509_ALGOR_free,
    )
}
