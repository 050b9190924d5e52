package io.tlsscan.cert;

import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * The path built from the leaf towards a root, and why building stopped.
 *
 * @param certificates leaf first; each next one issued the one before it
 * @param end how the path ends
 */
record CertificatePath(List<ParsedCertificate> certificates, End end) {
  CertificatePath {
    certificates = List.copyOf(certificates);
  }

  /** Why path building stopped. */
  sealed interface End {}

  /**
   * The last certificate is a trust anchor: the store's copy, or the leaf itself when the leaf is
   * trusted as it is.
   */
  record Anchored() implements End {}

  /** The last certificate is self-signed and not a trust anchor. */
  record UntrustedRoot() implements End {}

  /** Nobody sent or trusted issues the last certificate. */
  record MissingIssuer(X500Principal issuer) implements End {}

  /** The path cannot be completed: bad signature, loop or too long; the reason says which. */
  record Broken(String reason) implements End {}

  ParsedCertificate leaf() {
    return certificates.get(0);
  }

  ParsedCertificate last() {
    return certificates.get(certificates.size() - 1);
  }

  /** The index of the trust anchor in the path, or -1 when the path is not anchored. */
  int anchorIndex() {
    return end instanceof Anchored ? certificates.size() - 1 : -1;
  }
}
