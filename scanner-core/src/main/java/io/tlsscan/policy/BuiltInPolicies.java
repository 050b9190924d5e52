package io.tlsscan.policy;

import io.tlsscan.policy.Policy.CertificateRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policies tlsscan knows by name: {@code mozilla-modern}, {@code mozilla-intermediate} (the
 * default), {@code mozilla-old} after Mozilla's Server Side TLS guidelines 5.7, and {@code
 * baseline} (the certificate checks and insecure suites only).
 */
public final class BuiltInPolicies {
  /** The policy a scan applies when none is named. */
  public static final String DEFAULT = "mozilla-intermediate";

  private static final Set<String> TLS13_SUITES =
      Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  private static final Set<String> INTERMEDIATE_SUITES =
      union(
          TLS13_SUITES,
          Set.of(
              "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
              "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
              "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
              "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
              "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
              "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
              "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
              "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
              "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));

  private static final Set<String> OLD_SUITES =
      union(
          INTERMEDIATE_SUITES,
          Set.of(
              "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
              "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
              "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
              "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
              "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
              "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
              "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
              "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
              "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
              "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
              "TLS_RSA_WITH_AES_128_GCM_SHA256",
              "TLS_RSA_WITH_AES_256_GCM_SHA384",
              "TLS_RSA_WITH_AES_128_CBC_SHA256",
              "TLS_RSA_WITH_AES_256_CBC_SHA256",
              "TLS_RSA_WITH_AES_128_CBC_SHA",
              "TLS_RSA_WITH_AES_256_CBC_SHA",
              "TLS_RSA_WITH_3DES_EDE_CBC_SHA"));

  private static final Set<String> GROUPS = Set.of("x25519", "secp256r1", "secp384r1");
  private static final Set<String> CURVES = Set.of("secp256r1", "secp384r1");
  private static final int MAX_LIFETIME_DAYS = 366;

  private static final List<Policy> ALL =
      List.of(
          policy(
              "mozilla-modern",
              "Mozilla modern: TLS 1.3 only, its three suites, ECDSA P-256/P-384 certificates",
              Set.of("TLSv1.3"),
              TLS13_SUITES,
              new CertificateRules(Set.of("EC"), 0, CURVES, MAX_LIFETIME_DAYS, 0),
              0),
          policy(
              "mozilla-intermediate",
              "Mozilla intermediate: TLS 1.2 and 1.3, AEAD suites with forward secrecy,"
                  + " RSA 2048+ or ECDSA P-256/P-384, DH 2048+",
              Set.of("TLSv1.2", "TLSv1.3"),
              INTERMEDIATE_SUITES,
              new CertificateRules(Set.of("RSA", "EC"), 2048, CURVES, MAX_LIFETIME_DAYS, 0),
              2048),
          policy(
              "mozilla-old",
              "Mozilla old: TLS 1.0 to 1.3 for legacy clients, CBC suites and 3DES allowed,"
                  + " RSA 2048+ certificates (legacy clients cannot verify ECDSA), DH 1024+",
              Set.of("TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"),
              OLD_SUITES,
              new CertificateRules(Set.of("RSA"), 2048, CURVES, MAX_LIFETIME_DAYS, 0),
              1024),
          new Policy(
              "baseline",
              "certificate checks, the negotiated version, SSLv2/SSLv3 and insecure suites only",
              Set.of(),
              Set.of(),
              Set.of(),
              Set.of(),
              Set.of(),
              CertificateRules.NONE,
              0,
              false,
              false,
              Map.of(),
              List.of()));

  private BuiltInPolicies() {}

  /** Every built-in policy, strictest first. */
  public static List<Policy> all() {
    return ALL;
  }

  /** The built-in policy called {@code name}. */
  public static Optional<Policy> named(String name) {
    return ALL.stream().filter(policy -> policy.name().equals(name)).findFirst();
  }

  /** The default policy, {@value #DEFAULT}. */
  public static Policy defaultPolicy() {
    return named(DEFAULT).orElseThrow();
  }

  private static Policy policy(
      String name,
      String description,
      Set<String> protocols,
      Set<String> suites,
      CertificateRules certificate,
      int minDhBits) {
    return new Policy(
        name,
        description,
        protocols,
        suites,
        Set.of(),
        Set.of(),
        GROUPS,
        certificate,
        minDhBits,
        false,
        false,
        Map.of(),
        List.of());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
