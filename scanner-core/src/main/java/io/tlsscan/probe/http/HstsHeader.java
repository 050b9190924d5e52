package io.tlsscan.probe.http;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Hsts;

/**
 * A Strict-Transport-Security header value read as RFC 6797 section 6.1 has it: directives
 * separated by {@code ;}, names case-insensitive, values a token or a quoted string, each directive
 * at most once, {@code max-age} required and a number of seconds, {@code includeSubDomains} without
 * a value. A header that breaks a rule is {@link Invalid} (a browser ignores all of it, section
 * 8.1); unknown directives are skipped. {@code preload} counts only without a value.
 */
public sealed interface HstsHeader {

  /** The header gives a policy. */
  record Valid(Hsts policy) implements HstsHeader {
    public Valid {
      requireNonNull(policy, "policy");
    }
  }

  /** The header is ignored; {@code reason} says why, quoting the server safely. */
  record Invalid(String reason) implements HstsHeader {
    public Invalid {
      requireNonNull(reason, "reason");
    }
  }

  /** {@code delta-seconds} above this are read as this (RFC 9111 section 1.2.2). */
  long MAX_AGE_CAP = 2_147_483_648L;

  /** Reads one header value. */
  static HstsHeader parse(String value) {
    return new HstsReader(value).read();
  }
}
