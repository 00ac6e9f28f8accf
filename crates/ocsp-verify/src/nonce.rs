//! The nonce rule (RFC 8954): a nonce the caller sent must come back
//! unchanged; a response without one falls back to the time checks unless
//! the policy requires it; a nonce the caller did not ask for is ignored.

use ocsp_types::ExtensionsRef;

use crate::error::Error;
use crate::policy::Policy;

/// Checks the response's nonce against the request's.
pub(crate) fn check(
    policy: &Policy,
    request_nonce: Option<&[u8]>,
    response_extensions: &ExtensionsRef<'_>,
) -> Result<(), Error> {
    match (request_nonce, response_extensions.nonce()) {
        (Some(sent), Some(received)) if sent == received => Ok(()),
        (Some(_), Some(_)) => Err(Error::NonceMismatch),
        (Some(_), None) | (None, _) if policy.require_nonce => Err(Error::NonceMissing),
        (Some(_), None) | (None, _) => Ok(()),
    }
}
