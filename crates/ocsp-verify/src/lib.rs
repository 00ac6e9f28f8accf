//! ocsp-verify (skeleton: filled by its own issue).
#![cfg_attr(not(feature = "std"), no_std)]
