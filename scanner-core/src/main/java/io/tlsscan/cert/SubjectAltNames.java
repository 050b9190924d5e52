package io.tlsscan.cert;

import io.netty.util.NetUtil;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * The dNSName and iPAddress entries of a certificate's subjectAltName extension.
 *
 * @param present whether the certificate has a subjectAltName extension at all
 * @param dnsNames dNSName entries as written in the certificate
 * @param ipAddresses iPAddress entries, 4 or 16 bytes each
 * @param displayed both kinds in certificate order, IP addresses in text form (RFC 5952 for IPv6)
 * @param all every entry of every kind, for name constraints
 */
record SubjectAltNames(
    boolean present,
    List<String> dnsNames,
    List<byte[]> ipAddresses,
    List<String> displayed,
    List<GeneralName> all) {
  static final SubjectAltNames ABSENT =
      new SubjectAltNames(false, List.of(), List.of(), List.of(), List.of());

  private static final SubjectAltNames MALFORMED =
      new SubjectAltNames(true, List.of(), List.of(), List.of(), List.of());

  SubjectAltNames {
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
    displayed = List.copyOf(displayed);
    all = List.copyOf(all);
  }

  /**
   * Reads the names; a malformed extension counts as present with no usable names, so it neither
   * matches a host nor is reported as missing.
   */
  static SubjectAltNames of(X509Certificate certificate) {
    ASN1Primitive value;
    try {
      value = Asn1.extension(certificate, Extension.subjectAlternativeName.getId());
    } catch (IllegalArgumentException e) {
      return MALFORMED;
    }
    if (value == null) {
      return ABSENT;
    }
    List<String> dns = new ArrayList<>();
    List<byte[]> ips = new ArrayList<>();
    List<String> displayed = new ArrayList<>();
    GeneralName[] all;
    try {
      all = GeneralNames.getInstance(value).getNames();
      for (GeneralName name : all) {
        if (name.getTagNo() == GeneralName.dNSName) {
          String dnsName = ASN1IA5String.getInstance(name.getName()).getString();
          dns.add(dnsName);
          displayed.add(dnsName);
        } else if (name.getTagNo() == GeneralName.iPAddress) {
          byte[] address = ASN1OctetString.getInstance(name.getName()).getOctets();
          if (address.length == 4 || address.length == 16) {
            ips.add(address);
            displayed.add(NetUtil.bytesToIpAddress(address));
          }
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      return MALFORMED;
    }
    return new SubjectAltNames(true, dns, ips, displayed, List.of(all));
  }
}
