package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One Signed Certificate Timestamp (RFC 6962 section 3.2): a Certificate Transparency log's promise
 * to publish the leaf.
 *
 * @param source where it came from: {@code certificate} (X.509 extension
 *     1.3.6.1.4.1.11129.2.4.2) or {@code ocsp} (the stapled response's extension
 *     1.3.6.1.4.1.11129.2.4.5)
 * @param version the SCT version, 0 for v1
 * @param logId the log's id (SHA-256 of its key), base64
 * @param timestamp when the log saw the certificate
 */
public record SignedTimestamp(String source, int version, String logId, Instant timestamp) {
  public static final String FROM_CERTIFICATE = "certificate";
  public static final String FROM_OCSP = "ocsp";

  public SignedTimestamp {
    requireNonNull(source, "source");
    requireNonNull(logId, "logId");
    requireNonNull(timestamp, "timestamp");
  }
}
