package io.tlsscan.samples.pki;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes certificates for test servers: a private CA, intermediates and leaves with exactly the
 * flaws a test needs (expired, weak key, SHA-1 signature, wrong name, no SAN, ...).
 *
 * <pre>{@code
 * Issued root = TestPki.certificate("CN=Test Root").ca().selfSigned();
 * Issued leaf = TestPki.certificate("CN=good.test").dns("good.test").issuedBy(root);
 * }</pre>
 *
 * <p>Defaults: EC P-256 key, SHA256withECDSA (SHA256withRSA for RSA issuers), valid from one day
 * ago for 90 days, not a CA, no SANs.
 */
public final class TestPki {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

  private TestPki() {}

  /** Starts a certificate with the given subject DN, e.g. {@code CN=good.test}. */
  public static Builder certificate(String subject) {
    return new Builder(subject);
  }

  /**
   * A certificate with its private key.
   *
   * @param certificate the certificate
   * @param key its private key
   */
  public record Issued(X509Certificate certificate, PrivateKey key) {
    public Issued {
      requireNonNull(certificate, "certificate");
      requireNonNull(key, "key");
    }

    /** The DER encoding of the certificate, as a server sends it. */
    public byte[] der() {
      try {
        return certificate.getEncoded();
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(
            "cannot encode " + certificate.getSubjectX500Principal(), e);
      }
    }
  }

  /** The certificates as PEM text, one {@code CERTIFICATE} block each (RFC 7468). */
  public static String pem(Issued... certificates) {
    return pem(Arrays.stream(certificates).map(Issued::der).toArray(byte[][]::new));
  }

  /** The certificates as PEM text, one {@code CERTIFICATE} block each (RFC 7468). */
  public static String pem(X509Certificate... certificates) {
    byte[][] ders = new byte[certificates.length][];
    for (int i = 0; i < certificates.length; i++) {
      try {
        ders[i] = certificates[i].getEncoded();
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(
            "cannot encode " + certificates[i].getSubjectX500Principal(), e);
      }
    }
    return pem(ders);
  }

  /**
   * DER-encoded certificates (well-formed or not) as PEM text, one {@code CERTIFICATE} block each
   * (RFC 7468).
   */
  public static String pem(byte[]... ders) {
    StringBuilder pem = new StringBuilder();
    Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    for (byte[] der : ders) {
      pem.append("-----BEGIN CERTIFICATE-----\n")
          .append(base64.encodeToString(der))
          .append("\n-----END CERTIFICATE-----\n");
    }
    return pem.toString();
  }

  /** Kinds of key a test certificate can carry. */
  public enum KeyType {
    EC_P256("EC", 256),
    EC_P384("EC", 384),
    EC_P192("EC", 192),
    RSA_1024("RSA", 1024),
    RSA_2048("RSA", 2048),
    /** For DHE-DSS suites, which need a DSA server certificate (leaf only: it cannot sign). */
    DSA_2048("DSA", 2048);

    private final String algorithm;
    private final int bits;

    KeyType(String algorithm, int bits) {
      this.algorithm = algorithm;
      this.bits = bits;
    }

    KeyPair generate() {
      try {
        if (algorithm.equals("EC")) {
          KeyPairGenerator generator =
              KeyPairGenerator.getInstance("EC", BouncyCastleHolder.PROVIDER);
          generator.initialize(new ECGenParameterSpec("secp" + bits + "r1"), RANDOM);
          return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits, RANDOM);
        return generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot generate " + this + " key", e);
      }
    }
  }

  /** Fluent description of one certificate; {@link #selfSigned()} or {@link #issuedBy} makes it. */
  public static final class Builder {
    private final String subject;
    private KeyType keyType = KeyType.EC_P256;
    private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
    private Instant notAfter = Instant.now().plus(Duration.ofDays(90));
    private boolean ca;
    private int pathLength = -1;
    private String signatureHash = "SHA256";
    private final List<GeneralName> sans = new ArrayList<>();
    private final List<Extension> extra = new ArrayList<>();

    private Builder(String subject) {
      this.subject = requireNonNull(subject, "subject");
    }

    /** Marks it as a CA (basicConstraints CA=true, keyCertSign). */
    public Builder ca() {
      this.ca = true;
      return this;
    }

    /**
     * Marks it as a CA valid from one day ago for ten years, like the roots and intermediates a
     * test fleet makes at start, so that no scan of the fleet ever sees them expire.
     */
    public Builder longLivedCa() {
      Instant from = Instant.now().minus(Duration.ofDays(1));
      return ca().validity(from, from.plus(Duration.ofDays(3650)));
    }

    /** Marks it as a CA allowing at most {@code pathLength} intermediates below it. */
    public Builder ca(int pathLength) {
      if (pathLength < 0) {
        throw new IllegalArgumentException("pathLength must not be negative: " + pathLength);
      }
      this.ca = true;
      this.pathLength = pathLength;
      return this;
    }

    public Builder key(KeyType type) {
      this.keyType = requireNonNull(type, "type");
      return this;
    }

    public Builder validity(Instant from, Instant to) {
      this.notBefore = requireNonNull(from, "from");
      this.notAfter = requireNonNull(to, "to");
      return this;
    }

    /** Expired {@code daysAgo} days ago. */
    public Builder expiredDaysAgo(int daysAgo) {
      Instant end = Instant.now().minus(Duration.ofDays(daysAgo));
      return validity(end.minus(Duration.ofDays(90)), end);
    }

    /** Hash of the issuer's signature: {@code SHA256} (default), {@code SHA1}, {@code MD5}. */
    public Builder signatureHash(String hash) {
      this.signatureHash = requireNonNull(hash, "hash");
      return this;
    }

    /** Adds a dNSName SAN. */
    public Builder dns(String... names) {
      for (String name : names) {
        sans.add(new GeneralName(GeneralName.dNSName, name));
      }
      return this;
    }

    /** Marks it as a delegated OCSP responder (extKeyUsage id-kp-OCSPSigning, RFC 6960 4.2.2.2). */
    public Builder ocspSigning() {
      return extension(
          Extension.extendedKeyUsage, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
    }

    /** Adds a non-critical extension with {@code value} as its content, e.g. an SCT list. */
    public Builder extension(ASN1ObjectIdentifier oid, ASN1Encodable value) {
      try {
        extra.add(new Extension(oid, false, value.toASN1Primitive().getEncoded()));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot encode extension " + oid, e);
      }
      return this;
    }

    /** Adds an iPAddress SAN. */
    public Builder ip(String... addresses) {
      for (String address : addresses) {
        sans.add(new GeneralName(GeneralName.iPAddress, address));
      }
      return this;
    }

    /** Signs the certificate with its own key. */
    public Issued selfSigned() {
      KeyPair pair = keyType.generate();
      return build(pair, new X500Name(subject), pair.getPublic(), pair.getPrivate());
    }

    /** Signs the certificate with the issuer's key, naming the issuer's subject. */
    public Issued issuedBy(Issued issuer) {
      requireNonNull(issuer, "issuer");
      return build(
          keyType.generate(),
          X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
          issuer.certificate().getPublicKey(),
          issuer.key());
    }

    private Issued build(
        KeyPair pair, X500Name issuerName, PublicKey issuerKey, PrivateKey signingKey) {
      try {
        X509v3CertificateBuilder builder =
            new JcaX509v3CertificateBuilder(
                issuerName,
                BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(notBefore),
                Date.from(notAfter),
                new X500Name(subject),
                pair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(
            Extension.subjectKeyIdentifier,
            false,
            extensions.createSubjectKeyIdentifier(pair.getPublic()));
        builder.addExtension(
            Extension.authorityKeyIdentifier,
            false,
            extensions.createAuthorityKeyIdentifier(issuerKey));
        builder.addExtension(
            Extension.basicConstraints,
            true,
            pathLength >= 0 ? new BasicConstraints(pathLength) : new BasicConstraints(ca));
        builder.addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(
                ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        if (!sans.isEmpty()) {
          builder.addExtension(
              Extension.subjectAlternativeName,
              false,
              new GeneralNames(sans.toArray(GeneralName[]::new)));
        }
        for (Extension extension : extra) {
          builder.addExtension(extension);
        }
        String keyAlgorithm = signingKey.getAlgorithm().equals("RSA") ? "RSA" : "ECDSA";
        var signer =
            new JcaContentSignerBuilder(signatureHash + "with" + keyAlgorithm)
                .setProvider(BouncyCastleHolder.PROVIDER)
                .build(signingKey);
        X509Certificate certificate =
            new JcaX509CertificateConverter()
                .setProvider(BouncyCastleHolder.PROVIDER)
                .getCertificate(builder.build(signer));
        return new Issued(certificate, pair.getPrivate());
      } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
        throw new IllegalStateException("cannot issue " + subject, e);
      }
    }
  }
}
