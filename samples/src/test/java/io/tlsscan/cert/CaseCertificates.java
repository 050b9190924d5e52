package io.tlsscan.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes certificates for path-validation cases with every field under the test's control:
 * extensions in any combination and criticality (duplicates and undecodable values included),
 * serial numbers of any sign and length, empty names, X.509 v1, arbitrary validity, and keys of any
 * kind (EC on any curve, explicit-parameter EC, RSA of any size).
 *
 * <p>The TBSCertificate is assembled by hand so nothing is "corrected" on the way. Defaults follow
 * the usual shape of a public web PKI:
 *
 * <ul>
 *   <li>{@link #root}: self-signed, basicConstraints cA (critical), keyUsage keyCertSign+cRLSign,
 *       subjectKeyIdentifier, no authorityKeyIdentifier;
 *   <li>{@link #ca}: as a root but issued, with authorityKeyIdentifier;
 *   <li>{@link #leaf}: {@code CN=example.com}, subjectAltName dNSName example.com, keyUsage
 *       digitalSignature, extKeyUsage serverAuth, both key identifiers, no basicConstraints.
 * </ul>
 *
 * EC P-256 keys and SHA-256 signatures; valid from {@link #NOT_BEFORE} to {@link #NOT_AFTER}.
 */
final class CaseCertificates {
  static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("2040-01-01T00:00:00Z");

  static final String OID_UNKNOWN = "1.3.6.1.4.1.99999.1.1";
  static final String OID_PRECERTIFICATE_SIGNING = "1.3.6.1.4.1.11129.2.4.4";

  private static final Provider BC = new BouncyCastleProvider();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicLong NAMES = new AtomicLong();
  private static final Map<Integer, KeyPair> RSA_KEYS = new ConcurrentHashMap<>();

  private CaseCertificates() {}

  // ---------------------------------------------------------------- starting points

  /** A self-signed root CA named {@code dn}. */
  static Spec root(String dn) {
    return new Spec(name(dn)).ca(null);
  }

  /** A self-signed root CA with a fresh unique name. */
  static Spec root() {
    return root("CN=Case Root " + NAMES.incrementAndGet());
  }

  /** An intermediate CA named {@code dn}, without a path length constraint. */
  static Spec ca(String dn) {
    return new Spec(name(dn)).ca(null);
  }

  /** An intermediate CA with a fresh unique name. */
  static Spec ca() {
    return ca("CN=Case Intermediate " + NAMES.incrementAndGet());
  }

  /** A TLS server certificate for example.com. */
  static Spec leaf() {
    return new Spec(name("CN=example.com"))
        .keyUsage(KeyUsage.digitalSignature, false)
        .eku(false, KeyPurposeId.id_kp_serverAuth)
        .dns("example.com");
  }

  // ---------------------------------------------------------------- keys

  static KeyPair ec() {
    return ec("secp256r1");
  }

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      generator.initialize(new ECGenParameterSpec(curve), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An RSA key pair of exactly {@code bits} bits; one per size, shared by all cases. */
  static KeyPair rsa(int bits) {
    return RSA_KEYS.computeIfAbsent(
        bits,
        size -> {
          try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BC);
            generator.initialize(size, RANDOM);
            return generator.generateKeyPair();
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** The SubjectPublicKeyInfo of {@code keys}, with the P-256 curve spelled out explicitly. */
  static SubjectPublicKeyInfo explicitCurve(KeyPair p256Keys) {
    SubjectPublicKeyInfo named = SubjectPublicKeyInfo.getInstance(p256Keys.getPublic().getEncoded());
    X9ECParameters curve = ECNamedCurveTable.getByName("P-256");
    AlgorithmIdentifier algorithm =
        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, new X962Parameters(curve));
    return new SubjectPublicKeyInfo(algorithm, named.getPublicKeyData().getBytes());
  }

  /** An RSA SubjectPublicKeyInfo whose key is an empty BIT STRING. */
  static SubjectPublicKeyInfo brokenRsaKey() {
    return new SubjectPublicKeyInfo(
        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), new byte[0]);
  }

  // ---------------------------------------------------------------- names

  static X500Name name(String dn) {
    return dn.isEmpty() ? new X500Name(new RDN[0]) : new X500Name(dn);
  }

  static GeneralName dnsName(String name) {
    return new GeneralName(GeneralName.dNSName, name);
  }

  /** A dNSName whose IA5String content is the UTF-8 bytes of {@code name} (not valid IA5). */
  static ASN1Encodable rawDnsName(String name) {
    return new DERTaggedObject(
        false, GeneralName.dNSName, new DEROctetString(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  static GeneralName ipAddress(String literal) {
    return new GeneralName(GeneralName.iPAddress, new DEROctetString(address(literal)));
  }

  /** An iPAddress name with arbitrary octets, e.g. an address and mask where a SAN wants an address. */
  static GeneralName ipOctets(byte[] octets) {
    return new GeneralName(GeneralName.iPAddress, new DEROctetString(octets));
  }

  /** A name-constraint iPAddress: the address followed by the mask of {@code prefix} bits. */
  static GeneralName ipSubnet(String literal, int prefix) {
    byte[] address = address(literal);
    byte[] both = Arrays.copyOf(address, address.length * 2);
    for (int bit = 0; bit < prefix; bit++) {
      both[address.length + bit / 8] |= (byte) (0x80 >>> (bit % 8));
    }
    return ipOctets(both);
  }

  static GeneralName directoryName(String dn) {
    return new GeneralName(name(dn));
  }

  /** An otherName of type {@code oid} whose value is NULL. */
  static ASN1Encodable otherName(String oid) {
    return new DERTaggedObject(
        false,
        GeneralName.otherName,
        new DERSequence(
            new ASN1Encodable[] {
              new ASN1ObjectIdentifier(oid), new DERTaggedObject(true, 0, DERNull.INSTANCE)
            }));
  }

  static byte[] address(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /**
   * The DER value of a NameConstraints extension. {@code null} leaves a subtree list out; an empty
   * list encodes an empty (invalid) SEQUENCE.
   */
  static byte[] nameConstraints(List<ASN1Encodable> permitted, List<ASN1Encodable> excluded) {
    ASN1EncodableVector value = new ASN1EncodableVector();
    if (permitted != null) {
      value.add(new DERTaggedObject(false, 0, subtrees(permitted)));
    }
    if (excluded != null) {
      value.add(new DERTaggedObject(false, 1, subtrees(excluded)));
    }
    return der(new DERSequence(value));
  }

  private static DERSequence subtrees(List<ASN1Encodable> bases) {
    ASN1EncodableVector trees = new ASN1EncodableVector();
    for (ASN1Encodable base : bases) {
      trees.add(new DERSequence(base));
    }
    return new DERSequence(trees);
  }

  static byte[] der(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] keyIdentifier(SubjectPublicKeyInfo key) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(key.getPublicKeyData().getBytes());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- results

  /** A made certificate with the key pair it certifies. */
  record Issued(byte[] der, KeyPair keys, X500Name subject, byte[] subjectKeyId) {
    /** The certificate as the JDK parses it (as a trust anchor is given to the analyzer). */
    X509Certificate certificate() {
      try {
        return (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
      } catch (GeneralSecurityException jdkRefused) {
        try {
          return (X509Certificate)
              CertificateFactory.getInstance("X.509", BC)
                  .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
          e.addSuppressed(jdkRefused);
          throw new IllegalStateException("neither the JDK nor Bouncy Castle can parse " + subject, e);
        }
      }
    }

    /** The identifier children name in their authorityKeyIdentifier. */
    byte[] keyId() {
      return subjectKeyId != null
          ? subjectKeyId
          : keyIdentifier(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
    }
  }

  // ---------------------------------------------------------------- the builder

  /** One certificate being described; {@code signedBy}/{@code selfSigned} make it. */
  static final class Spec {
    private X500Name subject;
    private X500Name issuer;
    private BigInteger serial = new BigInteger(120, RANDOM).setBit(100);
    private Instant notBefore = NOT_BEFORE;
    private Instant notAfter = NOT_AFTER;
    private KeyPair keys;
    private SubjectPublicKeyInfo publicKeyInfo;
    private boolean version1;
    private Extension basicConstraints;
    private Extension keyUsage;
    private Extension extendedKeyUsage;
    private Extension subjectAltName;
    private Extension nameConstraints;
    private boolean authorityKeyId = true;
    private boolean authorityKeyIdCritical;
    private Extension authorityKeyIdOverride;
    private boolean subjectKeyId = true;
    private boolean subjectKeyIdCritical;
    private byte[] subjectKeyIdValue;
    private final List<Extension> extra = new ArrayList<>();

    private Spec(X500Name subject) {
      this.subject = subject;
    }

    Spec subject(String dn) {
      this.subject = name(dn);
      return this;
    }

    /** Overrides the issuer name (normally the signer's subject). */
    Spec issuer(String dn) {
      this.issuer = name(dn);
      return this;
    }

    Spec serial(BigInteger serial) {
      this.serial = serial;
      return this;
    }

    Spec validity(Instant notBefore, Instant notAfter) {
      this.notBefore = notBefore;
      this.notAfter = notAfter;
      return this;
    }

    Spec keys(KeyPair keys) {
      this.keys = keys;
      return this;
    }

    /** Publishes this SubjectPublicKeyInfo instead of the key pair's own encoding. */
    Spec publicKeyInfo(SubjectPublicKeyInfo info) {
      this.publicKeyInfo = info;
      return this;
    }

    /** An X.509 v1 certificate: no version field and no extensions. */
    Spec version1() {
      this.version1 = true;
      return this;
    }

    /** basicConstraints cA=TRUE (critical) with an optional pathLenConstraint, keyCertSign+cRLSign. */
    Spec ca(Integer pathLen) {
      basicConstraints(true, pathLen, true);
      return keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign, false);
    }

    Spec pathLen(int pathLen) {
      return basicConstraints(true, pathLen, true);
    }

    Spec basicConstraints(boolean ca, Integer pathLen, boolean critical) {
      BasicConstraints value =
          !ca ? new BasicConstraints(false) : pathLen == null ? new BasicConstraints(true) : new BasicConstraints(pathLen);
      basicConstraints = makeExtension(Extension.basicConstraints, critical, der(value));
      return this;
    }

    Spec noBasicConstraints() {
      basicConstraints = null;
      return this;
    }

    Spec keyUsage(int bits, boolean critical) {
      keyUsage = makeExtension(Extension.keyUsage, critical, der(new KeyUsage(bits)));
      return this;
    }

    Spec noKeyUsage() {
      keyUsage = null;
      return this;
    }

    Spec eku(boolean critical, KeyPurposeId... purposes) {
      extendedKeyUsage = makeExtension(Extension.extendedKeyUsage, critical, der(new DERSequence(purposes)));
      return this;
    }

    Spec ekuOids(boolean critical, String... oids) {
      ASN1EncodableVector purposes = new ASN1EncodableVector();
      for (String oid : oids) {
        purposes.add(new ASN1ObjectIdentifier(oid));
      }
      extendedKeyUsage = makeExtension(Extension.extendedKeyUsage, critical, der(new DERSequence(purposes)));
      return this;
    }

    Spec noEku() {
      extendedKeyUsage = null;
      return this;
    }

    /** A non-critical subjectAltName of dNSNames. */
    Spec dns(String... names) {
      ASN1Encodable[] general = new ASN1Encodable[names.length];
      for (int i = 0; i < names.length; i++) {
        general[i] = dnsName(names[i]);
      }
      return san(false, general);
    }

    /** A non-critical subjectAltName of iPAddresses. */
    Spec ips(String... literals) {
      ASN1Encodable[] general = new ASN1Encodable[literals.length];
      for (int i = 0; i < literals.length; i++) {
        general[i] = ipAddress(literals[i]);
      }
      return san(false, general);
    }

    Spec san(boolean critical, ASN1Encodable... names) {
      subjectAltName = makeExtension(Extension.subjectAlternativeName, critical, der(new DERSequence(names)));
      return this;
    }

    /** A subjectAltName whose extnValue is exactly {@code value} (need not be DER). */
    Spec rawSan(byte[] value, boolean critical) {
      subjectAltName = makeExtension(Extension.subjectAlternativeName, critical, value);
      return this;
    }

    Spec noSan() {
      subjectAltName = null;
      return this;
    }

    Spec nameConstraints(List<ASN1Encodable> permitted, List<ASN1Encodable> excluded, boolean critical) {
      return rawNameConstraints(CaseCertificates.nameConstraints(permitted, excluded), critical);
    }

    Spec permit(ASN1Encodable... bases) {
      return nameConstraints(List.of(bases), null, true);
    }

    Spec exclude(ASN1Encodable... bases) {
      return nameConstraints(null, List.of(bases), true);
    }

    Spec rawNameConstraints(byte[] value, boolean critical) {
      nameConstraints = makeExtension(Extension.nameConstraints, critical, value);
      return this;
    }

    Spec noAuthorityKeyId() {
      authorityKeyId = false;
      return this;
    }

    Spec authorityKeyIdCritical() {
      authorityKeyIdCritical = true;
      return this;
    }

    /** An authorityKeyIdentifier on a self-signed certificate naming its own key. */
    Spec selfAuthorityKeyId(boolean critical) {
      authorityKeyIdCritical = critical;
      authorityKeyIdOverride = null;
      authorityKeyId = true;
      selfAki = true;
      return this;
    }

    private boolean selfAki;

    Spec noSubjectKeyId() {
      subjectKeyId = false;
      return this;
    }

    Spec subjectKeyIdCritical() {
      subjectKeyIdCritical = true;
      return this;
    }

    /** Adds an extension after the standard ones; the same OID may be added twice. */
    Spec extension(String oid, boolean critical, byte[] extnValue) {
      extra.add(makeExtension(new ASN1ObjectIdentifier(oid), critical, extnValue));
      return this;
    }

    Spec extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
      extra.add(makeExtension(oid, critical, der(value)));
      return this;
    }

    /** An extension (1.3.6.1.4.1.99999.1.1) that nobody implements, with an empty value. */
    Spec unknownExtension(boolean critical) {
      return extension(OID_UNKNOWN, critical, new byte[0]);
    }

    Issued selfSigned() {
      KeyPair own = keys();
      return sign(own, subject, null);
    }

    Issued signedBy(Issued parent) {
      return sign(parent.keys(), parent.subject(), parent.keyId());
    }

    /** Signed with {@code issuerKeys} on behalf of {@code issuerDn} (for cycles and broken CAs). */
    Issued signedBy(KeyPair issuerKeys, String issuerDn) {
      return sign(
          issuerKeys,
          name(issuerDn),
          keyIdentifier(SubjectPublicKeyInfo.getInstance(issuerKeys.getPublic().getEncoded())));
    }

    private KeyPair keys() {
      if (keys == null) {
        keys = ec();
      }
      return keys;
    }

    private Issued sign(KeyPair issuerKeys, X500Name issuerName, byte[] issuerKeyId) {
      KeyPair own = keys();
      SubjectPublicKeyInfo spki =
          publicKeyInfo != null ? publicKeyInfo : SubjectPublicKeyInfo.getInstance(own.getPublic().getEncoded());
      ContentSigner signer = signer(issuerKeys.getPrivate());
      byte[] ownKeyId = subjectKeyIdValue != null ? subjectKeyIdValue : keyIdentifier(spki);

      List<Extension> extensions = new ArrayList<>();
      add(extensions, basicConstraints);
      add(extensions, keyUsage);
      add(extensions, extendedKeyUsage);
      add(extensions, subjectAltName);
      if (authorityKeyIdOverride != null) {
        extensions.add(authorityKeyIdOverride);
      } else if (authorityKeyId && (issuerKeyId != null || selfAki)) {
        byte[] id = selfAki ? ownKeyId : issuerKeyId;
        extensions.add(
            makeExtension(Extension.authorityKeyIdentifier, authorityKeyIdCritical, der(new AuthorityKeyIdentifier(id))));
      }
      if (subjectKeyId) {
        extensions.add(
            makeExtension(Extension.subjectKeyIdentifier, subjectKeyIdCritical, der(new SubjectKeyIdentifier(ownKeyId))));
      }
      add(extensions, nameConstraints);
      extensions.addAll(extra);

      ASN1EncodableVector tbs = new ASN1EncodableVector();
      if (!version1) {
        tbs.add(new DERTaggedObject(true, 0, new ASN1Integer(2)));
      }
      tbs.add(new ASN1Integer(serial));
      tbs.add(signer.getAlgorithmIdentifier());
      tbs.add(issuer != null ? issuer : issuerName);
      tbs.add(new DERSequence(new ASN1Encodable[] {time(notBefore), time(notAfter)}));
      tbs.add(subject);
      tbs.add(spki);
      if (!version1 && !extensions.isEmpty()) {
        tbs.add(new DERTaggedObject(true, 3, new DERSequence(extensions.toArray(new ASN1Encodable[0]))));
      }
      DERSequence tbsCertificate = new DERSequence(tbs);
      byte[] signature;
      try (OutputStream out = signer.getOutputStream()) {
        out.write(der(tbsCertificate));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      signature = signer.getSignature();
      byte[] certificate =
          der(
              new DERSequence(
                  new ASN1Encodable[] {
                    tbsCertificate, signer.getAlgorithmIdentifier(), new DERBitString(signature)
                  }));
      return new Issued(certificate, own, subject, subjectKeyId ? ownKeyId : null);
    }

    private static void add(List<Extension> extensions, Extension extension) {
      if (extension != null) {
        extensions.add(extension);
      }
    }
  }

  private static Extension makeExtension(ASN1ObjectIdentifier oid, boolean critical, byte[] value) {
    return new Extension(oid, critical, new DEROctetString(value));
  }

  private static Time time(Instant instant) {
    return new Time(Date.from(instant), java.util.Locale.ROOT);
  }

  private static ContentSigner signer(PrivateKey key) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "DSA" -> "SHA256withDSA";
          default -> "SHA256withECDSA";
        };
    try {
      return new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }
}
