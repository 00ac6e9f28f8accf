//! ocsp-http (skeleton: filled by its own issue).

