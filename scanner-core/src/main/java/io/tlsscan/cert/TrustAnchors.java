package io.tlsscan.cert;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * An immutable set of trusted root certificates, indexed by subject name so that finding the issuer
 * of a certificate is a map look-up.
 *
 * <pre>{@code
 * TrustAnchors system = TrustAnchors.systemDefault();              // OS bundle, else JDK cacerts
 * TrustAnchors corporate = TrustAnchors.fromPemFile(Path.of("corp.pem"));  // --ca-file
 * }</pre>
 *
 * <p>A PEM file given by the user is parsed whole when loaded, so a bad certificate is reported at
 * once; the system's bundle is only indexed, and each anchor is parsed when a chain first names it.
 * Build one instance and share it; it is thread-safe.
 */
public final class TrustAnchors {
  /** Where Linux distributions keep their PEM bundle, in the order they are tried. */
  static final List<Path> SYSTEM_BUNDLES =
      List.of(
          Path.of("/etc/ssl/certs/ca-certificates.crt"),
          Path.of("/etc/pki/tls/certs/ca-bundle.crt"),
          Path.of("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem"),
          Path.of("/etc/ssl/ca-bundle.pem"),
          Path.of("/etc/pki/tls/cacert.pem"),
          Path.of("/etc/ssl/cert.pem"));

  /** Largest CA file read; distribution bundles are about 200 KiB. */
  static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private final String source;
  private final List<Anchor> anchors;
  private final Map<X500Principal, List<Anchor>> bySubject;
  private final List<String> warnings;

  private TrustAnchors(String source, Collection<Anchor> certificates) {
    this(source, certificates, List.of());
  }

  private TrustAnchors(String source, Collection<Anchor> certificates, List<String> warnings) {
    this.source = source;
    this.warnings = List.copyOf(warnings);
    Map<ByteBuffer, Anchor> unique = new LinkedHashMap<>();
    for (Anchor anchor : certificates) {
      unique.putIfAbsent(anchor.encoding(), anchor);
    }
    this.anchors = List.copyOf(unique.values());
    Map<X500Principal, List<Anchor>> index = new HashMap<>();
    for (Anchor anchor : anchors) {
      index.computeIfAbsent(anchor.subject(), subject -> new ArrayList<>()).add(anchor);
    }
    index.replaceAll((subject, list) -> List.copyOf(list));
    this.bySubject = Map.copyOf(index);
  }

  /**
   * The operating system's CA bundle (the first readable one of {@code
   * /etc/ssl/certs/ca-certificates.crt}, {@code /etc/pki/tls/certs/ca-bundle.crt}, ...), else the
   * JDK's default trust store ({@code cacerts}, or {@code javax.net.ssl.trustStore} when set).
   *
   * @throws TrustAnchorsException when neither yields a certificate
   */
  public static TrustAnchors systemDefault() throws TrustAnchorsException {
    return SystemDefault.load();
  }

  /**
   * The system's anchors, read once per process, so a command line can start reading them on a
   * background thread while it does other work.
   */
  private static final class SystemDefault {
    private static TrustAnchors anchors;
    private static TrustAnchorsException failure;

    static synchronized TrustAnchors load() throws TrustAnchorsException {
      if (anchors == null && failure == null) {
        try {
          anchors = systemDefault(SYSTEM_BUNDLES);
        } catch (TrustAnchorsException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw failure;
      }
      return anchors;
    }
  }

  static TrustAnchors systemDefault(List<Path> bundles) throws TrustAnchorsException {
    for (Path bundle : bundles) {
      if (Files.isRegularFile(bundle) && Files.isReadable(bundle)) {
        try {
          return new TrustAnchors(bundle.toString(), unparsed(bundle));
        } catch (TrustAnchorsException unusable) {
          // an unusable bundle is skipped like a missing one; the next candidate decides
        }
      }
    }
    List<Anchor> jdk = jdkDefault();
    if (jdk.isEmpty()) {
      throw new TrustAnchorsException(
          "no trust anchors found: no CA bundle in "
              + bundles
              + " and the JDK trust store is empty");
    }
    return new TrustAnchors("JDK trust store", jdk);
  }

  /**
   * The certificates of one PEM file (for {@code --ca-file}). A certificate that cannot serve as a
   * trust anchor (it cannot be parsed, its subject is empty, its EC key has explicit curve
   * parameters) is left out with a {@linkplain #warnings() warning} naming it; the rest are used.
   *
   * @throws TrustAnchorsException naming the file when it is missing, unreadable, larger than 16
   *     MiB, is not PEM, or has no usable certificate
   */
  public static TrustAnchors fromPemFile(Path file) throws TrustAnchorsException {
    List<byte[]> blocks = readPem(file);
    List<Anchor> certificates = new ArrayList<>(blocks.size());
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      String unusable;
      try {
        ParsedCertificate certificate = ParsedCertificate.parse(blocks.get(i));
        unusable = whyNotAnAnchor(certificate);
        if (unusable == null) {
          certificates.add(Anchor.of(certificate));
          continue;
        }
        String name = certificate.subjectName();
        unusable = (name.isEmpty() ? "it" : Names.shorten(name)) + " " + unusable;
      } catch (CertificateException e) {
        unusable = "cannot be parsed: " + Names.shorten(String.valueOf(e.getMessage()));
      }
      warnings.add(
          "CA file " + file + ": certificate " + (i + 1) + " is not used as a trust anchor: " + unusable);
    }
    if (certificates.isEmpty()) {
      throw new TrustAnchorsException(
          "no usable certificates in " + file + " (" + String.join("; ", warnings) + ")");
    }
    return new TrustAnchors(file.toString(), certificates, warnings);
  }

  /** Why a parsed certificate cannot be a trust anchor, or {@code null} when it can. */
  private static String whyNotAnAnchor(ParsedCertificate certificate) {
    if (certificate.subject().getEncoded().length <= 2) {
      return "has an empty subject";
    }
    if (certificate.key().type().equals("EC") && certificate.key().curve() == null) {
      return "has an EC key with explicit curve parameters";
    }
    return null;
  }

  /**
   * The certificates of a system bundle, indexed but not parsed: a scan parses only the few that
   * chains name as issuers (see {@link Anchor}). A block that is not a certificate is left out, as
   * one that cannot be parsed later is; a bundle with no certificate at all is unusable.
   */
  private static List<Anchor> unparsed(Path bundle) throws TrustAnchorsException {
    List<Anchor> certificates = new ArrayList<>();
    for (byte[] block : readPem(bundle)) {
      try {
        certificates.add(Anchor.unparsed(block));
      } catch (IllegalArgumentException notACertificate) {
        // left out, like an anchor that cannot be parsed when a chain names it
      }
    }
    if (certificates.isEmpty()) {
      throw new TrustAnchorsException("no readable certificates in " + bundle);
    }
    return certificates;
  }

  private static List<byte[]> readPem(Path file) throws TrustAnchorsException {
    requireNonNull(file, "file");
    String text = readText(file);
    List<byte[]> blocks;
    try {
      blocks = PemCertificates.decode(text);
    } catch (IllegalArgumentException e) {
      throw new TrustAnchorsException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (blocks.isEmpty()) {
      throw new TrustAnchorsException("no certificates found in " + file);
    }
    return blocks;
  }

  /**
   * Exactly the given certificates.
   *
   * @throws IllegalArgumentException when one of them cannot be encoded
   */
  public static TrustAnchors of(Collection<X509Certificate> certificates) {
    List<Anchor> parsed = new ArrayList<>(certificates.size());
    for (X509Certificate certificate : certificates) {
      try {
        parsed.add(Anchor.of(ParsedCertificate.of(requireNonNull(certificate, "certificate"))));
      } catch (CertificateException e) {
        throw new IllegalArgumentException(
            "cannot use " + certificate.getSubjectX500Principal() + " as a trust anchor", e);
      }
    }
    return new TrustAnchors("given certificates", parsed);
  }

  /**
   * Number of distinct certificates loaded, counting any of the system bundle that turn out
   * unusable when first parsed.
   */
  public int size() {
    return anchors.size();
  }

  /**
   * Where the anchors came from: a file path, {@code JDK trust store} or {@code given
   * certificates}.
   */
  public String source() {
    return source;
  }

  /** The anchors, in load order (parses those not parsed yet; leaves out any that cannot be). */
  public List<X509Certificate> certificates() {
    return anchors.stream()
        .flatMap(anchor -> anchor.certificate().stream())
        .map(ParsedCertificate::certificate)
        .toList();
  }

  /**
   * What was left out when loading, one message per certificate, naming the file, the
   * certificate's position and why; empty when everything was used.
   */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return "TrustAnchors[" + anchors.size() + " from " + source + "]";
  }

  /** Anchors whose subject is {@code subject}, those whose key id {@code child} names first. */
  List<ParsedCertificate> possibleIssuersOf(ParsedCertificate child) {
    List<ParsedCertificate> named = parsedWithSubject(child.issuer());
    if (named.size() < 2) {
      return named;
    }
    List<ParsedCertificate> ordered = new ArrayList<>(named);
    ordered.sort(Comparator.comparing(anchor -> !child.authorityKeyIdMatches(anchor)));
    return ordered;
  }

  /** The anchor that is the same CA (subject and key) as {@code certificate}, if any. */
  Optional<ParsedCertificate> anchorFor(ParsedCertificate certificate) {
    for (ParsedCertificate anchor : parsedWithSubject(certificate.subject())) {
      if (anchor.sameCaAs(certificate)) {
        return Optional.of(anchor);
      }
    }
    return Optional.empty();
  }

  private List<ParsedCertificate> parsedWithSubject(X500Principal subject) {
    List<Anchor> named = bySubject.getOrDefault(subject, List.of());
    List<ParsedCertificate> parsed = new ArrayList<>(named.size());
    for (Anchor anchor : named) {
      anchor.certificate().ifPresent(parsed::add);
    }
    return parsed;
  }

  private static String readText(Path file) throws TrustAnchorsException {
    try {
      if (Files.isDirectory(file)) {
        throw new TrustAnchorsException("CA file " + file + " is a directory");
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new TrustAnchorsException(
            "CA file " + file + " is too large (" + size + " bytes, limit " + MAX_FILE_BYTES + ")");
      }
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw new TrustAnchorsException("CA file " + file + " does not exist", e);
    } catch (AccessDeniedException e) {
      throw new TrustAnchorsException("cannot read CA file " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new TrustAnchorsException("cannot read CA file " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Anchor> jdkDefault() throws TrustAnchorsException {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      List<Anchor> anchors = new ArrayList<>();
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          for (X509Certificate certificate : x509.getAcceptedIssuers()) {
            anchors.add(Anchor.of(ParsedCertificate.of(certificate)));
          }
        }
      }
      return anchors;
    } catch (GeneralSecurityException e) {
      throw new TrustAnchorsException("cannot load the JDK trust store: " + e.getMessage(), e);
    }
  }
}
