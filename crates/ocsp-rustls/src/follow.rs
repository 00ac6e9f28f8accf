//! [`StaplingResolver::follow`]: stapling what an `ocsp_http::Stapler`
//! fetches (feature `ocsp-http`).

use std::sync::Arc;

use ocsp_http::{Clock, Stapler};

use crate::stapling_resolver::StaplingResolver;

impl StaplingResolver {
    /// Makes `stapler` hand every new response it fetches to this resolver
    /// ([`StaplingResolver::set_staple`] with the stapler's certificate and
    /// issuer), and returns it: keep it fresh as usual, e.g. with
    /// `ocsp_http::spawn_refresh_task` (feature `tokio` of `ocsp-http`: one
    /// task for every certificate) or `Stapler::spawn_refresher`.
    ///
    /// ```no_run
    /// # use std::sync::Arc;
    /// # fn f<T: ocsp_http::AsyncHttpTransport + 'static>(
    /// #     resolver: Arc<ocsp_rustls::StaplingResolver>,
    /// #     cache: Arc<ocsp_http::Cache<T>>,
    /// #     certs: Vec<(Vec<u8>, Vec<u8>)>,
    /// # ) -> ocsp_http::RefreshTask {
    /// let staplers = certs
    ///     .into_iter()
    ///     .map(|(cert, issuer)| {
    ///         Arc::new(resolver.follow(ocsp_http::Stapler::new(Arc::clone(&cache), cert, issuer)))
    ///     })
    ///     .collect();
    /// ocsp_http::spawn_refresh_task(staplers, ocsp_http::RefreshSchedule::default())
    /// # }
    /// ```
    ///
    /// The stapler's verification is not trusted: each response is
    /// verified again by the resolver (its algorithms, policy and time
    /// source) before it is stapled, exactly like one given to
    /// [`StaplingResolver::set_staple`]. A refused response leaves the
    /// previous staple in place (and is logged with the feature `log`);
    /// with a [`crate::StapleStore`], the accepted one is written (and
    /// `fsync`ed) on the refreshing thread or task, once per new response.
    /// The stapler holds the resolver weakly: dropping the resolver ends
    /// the stapling, not the refreshes.
    #[cfg_attr(docsrs, doc(cfg(feature = "ocsp-http")))]
    pub fn follow<T, C: Clock>(self: &Arc<Self>, stapler: Stapler<T, C>) -> Stapler<T, C> {
        let resolver = Arc::downgrade(self);
        stapler.on_new_staple(move |certificate, issuer, response| {
            if let Some(resolver) = resolver.upgrade() {
                // A refusal keeps the previous staple; `set_staple` logs
                // it (feature `log`).
                let _ = resolver.set_staple(certificate, issuer, &response.der);
            }
        })
    }
}
