//! Response and single extensions: the known ones are checked (and accepted
//! even when critical); an unknown critical one fails the response
//! (RFC 5280 4.2, as RFC 6960 4.4 applies it).

use ocsp_types::{oid, ExtensionsRef};

use crate::error::Error;

/// Checks every extension of a list.
///
/// Known: nonce (RFC 8954), CRL references (4.4.2), archive cutoff (4.4.4),
/// extended revoke (4.4.8), the CT SCT list (RFC 6962 3.3). Their values must
/// decode (the nonce is compared later, by [`crate::nonce`]).
pub(crate) fn check(extensions: &ExtensionsRef<'_>) -> Result<(), Error> {
    for ext in extensions {
        let id = ext.oid();
        if id == oid::OCSP_NONCE {
            continue;
        } else if id == oid::OCSP_CRL {
            ext.crl_id()?;
        } else if id == oid::OCSP_ARCHIVE_CUTOFF {
            ext.archive_cutoff()?;
        } else if id == oid::OCSP_EXTENDED_REVOKE {
            ext.null_value()?;
        } else if id == oid::CT_SCT_LIST {
            ext.sct_list()?;
        } else if ext.is_critical() {
            return Err(Error::UnhandledCriticalExtension {
                oid: crate::error::oid_of(id),
            });
        }
    }
    Ok(())
}
