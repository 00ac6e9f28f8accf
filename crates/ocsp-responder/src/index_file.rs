//! An `index.txt` on disk that reloads itself when it changes (feature
//! `std`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use ocsp_types::Time;

use crate::index::Index;
use crate::status::{CertificateStatus, StatusQuery, StatusSource};
use crate::Error;

/// What identifies one version of the file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    /// The inode: `openssl ca` replaces the index by renaming a new file
    /// over it.
    #[cfg(unix)]
    inode: u64,
}

impl Stamp {
    fn of(path: &Path) -> std::io::Result<Stamp> {
        let meta = std::fs::metadata(path)?;
        Ok(Stamp {
            modified: meta.modified().ok(),
            len: meta.len(),
            #[cfg(unix)]
            inode: std::os::unix::fs::MetadataExt::ino(&meta),
        })
    }
}

struct State {
    index: Arc<Index>,
    stamp: Option<Stamp>,
    checked_at: Option<Time>,
    generation: u64,
}

/// A callback for reloads that failed.
type Reporter = Box<dyn Fn(&Error) + Send + Sync>;

/// OpenSSL's `index.txt` read from a file, and read again when the file
/// changes (its modification time, length or inode differ).
///
/// The check costs one `stat` and runs on lookups at most once every
/// [`IndexFile::recheck_every`] seconds of the caller's clock (the `now` of
/// the query; 1 second by default). A file that no longer parses is refused
/// whole, as [`Index::parse`] does: the previously loaded index stays in
/// service (fail closed: no line is dropped silently) and the error goes to
/// the [`IndexFile::on_reload_error`] callback. The same broken version is
/// not parsed again; the next change is.
///
/// A rewrite in place that keeps the length within the file system's
/// timestamp resolution would go unnoticed: replace the file by renaming a
/// new one over it (as `openssl ca` does), which changes the inode.
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub struct IndexFile {
    path: PathBuf,
    recheck_secs: i64,
    state: RwLock<State>,
    on_error: Option<Reporter>,
}

impl core::fmt::Debug for IndexFile {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("IndexFile")
            .field("path", &self.path)
            .field("recheck_secs", &self.recheck_secs)
            .finish_non_exhaustive()
    }
}

/// The longest index file read, in bytes (64 MiB: about half a million
/// certificates).
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub const MAX_INDEX_FILE_LEN: u64 = 64 * 1024 * 1024;

fn read(path: &Path) -> Result<(Index, Stamp), Error> {
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let stamp = Stamp::of(path).map_err(io)?;
    if stamp.len > MAX_INDEX_FILE_LEN {
        return Err(io(std::io::Error::other("index file larger than 64 MiB")));
    }
    let text = std::fs::read_to_string(path).map_err(io)?;
    Ok((Index::parse(&text)?, stamp))
}

impl IndexFile {
    /// Reads the index at `path`.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when it cannot be read, [`Error::InvalidIndex`] when it
    /// does not parse.
    pub fn open(path: impl Into<PathBuf>) -> Result<Self, Error> {
        let path = path.into();
        let (index, stamp) = read(&path)?;
        Ok(IndexFile {
            path,
            recheck_secs: 1,
            state: RwLock::new(State {
                index: Arc::new(index),
                stamp: Some(stamp),
                checked_at: None,
                generation: 0,
            }),
            on_error: None,
        })
    }

    /// Looks at the file at most once every `seconds` (0: on every lookup).
    pub fn recheck_every(mut self, seconds: u32) -> Self {
        self.recheck_secs = i64::from(seconds);
        self
    }

    /// Calls `report` with the error of each reload that failed.
    pub fn on_reload_error(mut self, report: impl Fn(&Error) + Send + Sync + 'static) -> Self {
        self.on_error = Some(Box::new(report));
        self
    }

    /// The index in service.
    pub fn current(&self) -> Arc<Index> {
        match self.state.read() {
            Ok(state) => Arc::clone(&state.index),
            Err(poisoned) => Arc::clone(&poisoned.into_inner().index),
        }
    }

    /// Reloads the file if it changed since it was last read, whatever the
    /// recheck interval. Returns whether a new index is in service.
    ///
    /// # Errors
    ///
    /// When the changed file cannot be read or parsed (the previous index
    /// stays in service).
    pub fn reload_if_changed(&self) -> Result<bool, Error> {
        let mut state = match self.state.write() {
            Ok(state) => state,
            Err(poisoned) => poisoned.into_inner(),
        };
        let stamp = Stamp::of(&self.path).ok();
        if stamp.is_some() && stamp == state.stamp {
            return Ok(false);
        }
        // Remember this version even if it fails, so that it is not parsed
        // on every lookup; the next change is.
        state.stamp = stamp;
        let (index, stamp) = read(&self.path)?;
        state.stamp = Some(stamp);
        state.index = Arc::new(index);
        state.generation = state.generation.wrapping_add(1);
        Ok(true)
    }

    /// [`IndexFile::reload_if_changed`] when the recheck interval has
    /// passed since the last look at `now`.
    fn refresh(&self, now: Time) {
        let due = match self.state.read() {
            Ok(state) => is_due(state.checked_at, now, self.recheck_secs),
            Err(poisoned) => is_due(poisoned.into_inner().checked_at, now, self.recheck_secs),
        };
        if !due {
            return;
        }
        if let Ok(mut state) = self.state.write() {
            // Another lookup may have just looked.
            if !is_due(state.checked_at, now, self.recheck_secs) {
                return;
            }
            state.checked_at = Some(now);
        }
        if let Err(e) = self.reload_if_changed() {
            if let Some(report) = &self.on_error {
                report(&e);
            }
        }
    }
}

fn is_due(checked_at: Option<Time>, now: Time, every: i64) -> bool {
    checked_at.is_none_or(|at| {
        now.unix_timestamp().saturating_sub(at.unix_timestamp()) >= every || now < at
    })
}

impl StatusSource for IndexFile {
    fn status(&self, query: &StatusQuery<'_>) -> Result<CertificateStatus, Error> {
        self.refresh(query.now);
        self.current().status(query)
    }

    fn generation(&self, now: Time) -> u64 {
        self.refresh(now);
        match self.state.read() {
            Ok(state) => state.generation,
            Err(poisoned) => poisoned.into_inner().generation,
        }
    }
}
