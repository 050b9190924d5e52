package io.tlsscan.model;

/** Whether the certificate names the host that was asked for (RFC 6125). */
public enum HostnameMatch {
  MATCH,
  MISMATCH,
  /** No name to check against, e.g. no leaf certificate; reported as {@code null}. */
  UNKNOWN
}
