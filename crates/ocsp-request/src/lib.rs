//! ocsp-request (skeleton: filled by its own issue).
#![cfg_attr(not(feature = "std"), no_std)]
