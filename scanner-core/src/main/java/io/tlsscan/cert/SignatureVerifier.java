package io.tlsscan.cert;

import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks certificate signatures, remembering the answer for recently seen (certificate, issuer)
 * pairs: a fleet shares a few intermediates and roots, so most checks above the leaf repeat.
 *
 * <p>Thread-safe. The cache is a small LRU map keyed by both SHA-256 fingerprints; verification
 * itself runs outside its lock.
 */
final class SignatureVerifier {
  /** Default number of remembered (certificate, issuer) pairs. */
  static final int DEFAULT_CAPACITY = 4096;

  private record Pair(String subjectSha256, String issuerSha256) {}

  private final Map<Pair, Boolean> cache;

  SignatureVerifier(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Pair, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Whether {@code issuer}'s public key verifies {@code subject}'s signature. */
  boolean verifies(ParsedCertificate subject, ParsedCertificate issuer) {
    Pair pair = new Pair(subject.sha256(), issuer.sha256());
    Boolean known;
    synchronized (cache) {
      known = cache.get(pair);
    }
    if (known != null) {
      return known;
    }
    boolean verified = verify(subject, issuer);
    synchronized (cache) {
      cache.put(pair, verified);
    }
    return verified;
  }

  /** Subject equals issuer and the certificate's own key verifies its signature. */
  boolean selfSigned(ParsedCertificate certificate) {
    return certificate.selfIssued() && verifies(certificate, certificate);
  }

  /** Number of remembered pairs. */
  int size() {
    synchronized (cache) {
      return cache.size();
    }
  }

  private static boolean verify(ParsedCertificate subject, ParsedCertificate issuer) {
    try {
      subject.certificate().verify(issuer.certificate().getPublicKey(), BouncyCastle.PROVIDER);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
