/**
 * Certificate chain analysis: trust anchors ({@link io.tlsscan.cert.TrustAnchors}), path building
 * and validation ({@link io.tlsscan.cert.CertificateAnalyzer}) and the RFC 6125 name check ({@link
 * io.tlsscan.cert.HostnameMatcher}). Pure computation on DER bytes: no network access.
 */
package io.tlsscan.cert;
