package io.tlsscan.model;

/**
 * A valid Strict-Transport-Security policy (RFC 6797 section 6.1), as the server sent it.
 *
 * @param maxAge seconds a browser keeps the policy ({@code max-age}); 0 tells it to forget the
 *     host; values above 2^31 are reported as 2147483648 (RFC 9111 section 1.2.2)
 * @param includeSubdomains the {@code includeSubDomains} directive
 * @param preload the {@code preload} directive (not in RFC 6797: the HSTS preload list's opt-in)
 */
public record Hsts(long maxAge, boolean includeSubdomains, boolean preload) {
  public Hsts {
    if (maxAge < 0) {
      throw new IllegalArgumentException("max-age must not be negative, got " + maxAge);
    }
  }
}
