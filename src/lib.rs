//! workspace host package
