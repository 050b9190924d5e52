package io.tlsscan.policy;

import io.tlsscan.model.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every finding id tlsscan emits, with its default severity, meaning and remedy. The README's
 * findings table is generated from this list ({@code tlsscan policies --findings}), and a test
 * checks that every finding a scan produces is listed here.
 */
public final class FindingCatalog {
  private static final Map<String, FindingKind> KINDS = new LinkedHashMap<>();

  static {
    Severity c = Severity.CRITICAL;
    Severity h = Severity.HIGH;
    Severity m = Severity.MEDIUM;
    Severity l = Severity.LOW;
    Severity i = Severity.INFO;
    add("cert.expired", c, "the certificate (or a CA or anchor of its path) has expired",
        "renew the certificate; replace expired intermediates the server sends");
    add("cert.not_yet_valid", c, "a certificate of the path is not valid yet",
        "check the server's and the CA's clocks; install a certificate valid now");
    add("cert.self_signed", h, "the leaf is self-signed and not a trusted root",
        "install a certificate issued by a trusted CA");
    add("cert.incomplete_chain", h, "an intermediate certificate is missing",
        "send the intermediate certificates after the leaf");
    add("cert.untrusted_root", h, "the chain ends at a root that is not trusted",
        "use a publicly trusted CA, or give tlsscan your private CA with --ca-file");
    add("cert.weak_key", h, "a key of the path is too small, or DSA",
        "use RSA of 2048 bits or more, or ECDSA P-256/P-384");
    add("cert.weak_signature", h, "a certificate is signed with MD5 or SHA-1",
        "reissue with a SHA-256 (or stronger) signature");
    add("cert.revoked", c, "the certificate is revoked", "replace the certificate");
    add("cert.invalid_chain", h,
        "the path breaks a validation rule (name constraints, key usage, extensions...)",
        "reissue the certificate; the finding's message names the rule");
    add("cert.expiring_soon", m, "a certificate of the path expires within 30 days",
        "renew it (automate renewal)");
    add("cert.no_san", h, "the certificate has no subjectAltName; the CN is not used",
        "reissue with the host names as subjectAltName entries");
    add("cert.hostname_mismatch", h, "the certificate does not name the host",
        "serve a certificate that lists the host, or fix SNI routing");
    add("cert.chain_too_long", m, "the server sent more than 16 certificates",
        "send only the leaf and its intermediates");
    add("cert.chain_misordered", l, "the chain is not sent leaf first, each followed by its issuer",
        "send the certificates in path order");
    add("cert.chain_extra", i, "the server sent certificates not part of the path",
        "drop the extra certificates from the chain file");
    add("cert.lint.cn_not_in_san", m, "the leaf's common name is not one of its SANs",
        "reissue with the common name among the SANs, or without a common name");
    add("cert.lint.serial_number", m, "a serial number is zero, negative or over 20 octets",
        "reissue; the CA breaks RFC 5280 section 4.1.2.2");
    add("cert.lint.missing_aki", l, "a certificate has no authority key identifier",
        "reissue; the CA breaks RFC 5280 section 4.2.1.1");
    add("cert.lint.missing_ski", l, "a CA has no subject key identifier",
        "reissue the CA certificate with a subject key identifier");
    add("cert.lint.underscore", l, "a DNS name has an underscore", "use a name without '_'");
    add("cert.lint.basic_constraints_not_critical", l,
        "a CA's basicConstraints is not critical", "reissue the CA certificate");
    add("cert.key_type_not_allowed", m, "the leaf's key type is not one the policy allows",
        "issue a certificate with an allowed key type");
    add("cert.key_too_small", h, "the leaf's RSA key is smaller than the policy's minimum",
        "issue a certificate with a larger key");
    add("cert.curve_not_allowed", m, "the leaf's EC curve is not one the policy allows",
        "issue a certificate on an allowed curve");
    add("cert.lifetime_too_long", m, "the leaf is valid for longer than the policy allows",
        "issue shorter-lived certificates and automate renewal");
    add("cert.days_left_below_minimum", h, "the leaf expires sooner than the policy's minimum",
        "renew the certificate now");
    add("protocol.deprecated", h, "the handshake negotiated a broken or deprecated version",
        "disable SSLv2, SSLv3, TLS 1.0 and TLS 1.1");
    add("protocol.sslv2", c, "SSLv2 is accepted", "disable SSLv2");
    add("protocol.sslv3", c, "SSLv3 is accepted", "disable SSLv3");
    add("protocol.tls10", h, "TLS 1.0 is accepted but the policy does not allow it",
        "disable TLS 1.0");
    add("protocol.tls11", h, "TLS 1.1 is accepted but the policy does not allow it",
        "disable TLS 1.1");
    add("protocol.tls12", m, "TLS 1.2 is accepted but the policy does not allow it",
        "disable TLS 1.2");
    add("protocol.tls13", m, "TLS 1.3 is accepted but the policy does not allow it",
        "disable TLS 1.3");
    add("cipher.insecure", h, "an insecure suite is accepted (NULL, anonymous, export, RC4, DES, 3DES, MD5)",
        "remove the suite from the server's cipher list");
    add("cipher.forbidden", h, "a suite the policy forbids is accepted",
        "remove the suite from the server's cipher list");
    add("cipher.not_allowed", m, "a suite outside the policy's list is accepted",
        "configure the server with the policy's cipher list");
    add("cipher.required_missing", m, "a suite the policy requires is not accepted",
        "add the suite to the server's cipher list");
    add("group.not_allowed", l, "a key-exchange group outside the policy's list is accepted",
        "configure the server's groups (curves) list");
    add("kx.dh_too_small", m, "a DHE suite uses a prime smaller than the policy's minimum",
        "use a 2048-bit or larger DH group, or drop DHE suites");
    add("handshake.ocsp_not_stapled", m, "the server does not staple an OCSP response",
        "enable OCSP stapling");
    add("ocsp.revoked", c, "the stapled OCSP response says the certificate is revoked",
        "replace the certificate");
    add("ocsp.invalid", h,
        "the stapled OCSP response is not usable: not successful, not about the leaf, or not "
            + "signed by its issuer or a delegated responder",
        "check the server's OCSP responder URL and the response file it staples");
    add("ocsp.stale", m, "the stapled OCSP response is past its next_update",
        "make the server fetch a fresh response before next_update");
    add("handshake.version_fallback", l,
        "the full handshake negotiated an older version than the server accepts",
        "check the server's version configuration for the stack in question");
    add("handshake.client_certificate_requested", i, "the server asks for a client certificate",
        "none needed if intended");
    add("policy.exemption_expired", m, "an exemption for this host has expired",
        "fix the findings it covered, or renew the exemption with a reason");
  }

  private FindingCatalog() {}

  private static void add(String id, Severity severity, String meaning, String remedy) {
    KINDS.put(id, new FindingKind(id, severity, meaning, remedy));
  }

  /** Every kind, in catalogue order (by area). */
  public static List<FindingKind> all() {
    return List.copyOf(KINDS.values());
  }

  /** The kind with {@code id}, if catalogued. */
  public static Optional<FindingKind> byId(String id) {
    return Optional.ofNullable(KINDS.get(id));
  }

  /** The kind with {@code id}; for ids this code emits, which are always catalogued. */
  static FindingKind of(String id) {
    FindingKind kind = KINDS.get(id);
    if (kind == null) {
      throw new IllegalArgumentException("finding " + id + " is not in the catalogue");
    }
    return kind;
  }
}
