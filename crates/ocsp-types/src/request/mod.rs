//! OCSP requests (RFC 6960 4.1): the borrowed view and the owned form.

mod owned;
mod view;

pub use owned::{OcspRequest, Request, Signature, TbsRequest};
pub use view::{
    OcspRequestRef, RequestRef, RequestsIter, RequestsRef, SignatureRef, TbsRequestRef,
};
