//! The HTTP responder.
