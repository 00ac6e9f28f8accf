//! OCSP responses (RFC 6960 4.2): the borrowed view and the owned form.

mod owned;
mod view;

pub use owned::{BasicOcspResponse, OcspResponse, ResponseData, SingleResponse};
pub(crate) use view::{message_deviations, read_version};
pub use view::{
    BasicResponseRef, OcspResponseRef, ResponseDataRef, SingleResponseRef, SingleResponsesIter,
    SingleResponsesRef,
};
