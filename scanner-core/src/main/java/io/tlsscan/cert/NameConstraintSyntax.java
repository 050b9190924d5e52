package io.tlsscan.cert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * What makes a nameConstraints extension malformed (RFC 5280 section 4.2.1.10): no subtree at all, a
 * minimum other than 0 or a maximum, a dNSName that is not a host name (a leading period or a
 * wildcard: both are ways to write a pattern, which dNSName constraints do not have), an iPAddress
 * that is not an address and a contiguous mask (8 or 32 octets).
 */
final class NameConstraintSyntax {
  private NameConstraintSyntax() {}

  static List<String> flaws(NameConstraints constraints) {
    List<String> flaws = new ArrayList<>();
    GeneralSubtree[] permitted = constraints.getPermittedSubtrees();
    GeneralSubtree[] excluded = constraints.getExcludedSubtrees();
    if (length(permitted) == 0 && length(excluded) == 0) {
      flaws.add("nameConstraints has neither permitted nor excluded subtrees");
    }
    for (GeneralSubtree[] subtrees : new GeneralSubtree[][] {permitted, excluded}) {
      for (int i = 0; i < length(subtrees); i++) {
        subtreeFlaw(subtrees[i]).ifPresent(flaws::add);
      }
    }
    return flaws;
  }

  private static int length(GeneralSubtree[] subtrees) {
    return subtrees == null ? 0 : subtrees.length;
  }

  private static Optional<String> subtreeFlaw(GeneralSubtree subtree) {
    if (subtree.getMinimum().signum() != 0 || subtree.getMaximum() != null) {
      return Optional.of(
          "a name constraint has a minimum or maximum, which RFC 5280 section 4.2.1.10 forbids");
    }
    GeneralName base = subtree.getBase();
    if (base.getTagNo() == GeneralName.dNSName) {
      String name = ASN1IA5String.getInstance(base.getName()).getString();
      if (name.startsWith(".") || name.contains("*") || name.contains("..")) {
        return Optional.of(
            "dNSName constraint " + Names.shorten(name) + " is not a host name");
      }
    } else if (base.getTagNo() == GeneralName.iPAddress) {
      byte[] octets = ASN1OctetString.getInstance(base.getName()).getOctets();
      if ((octets.length != 8 && octets.length != 32) || !contiguousMask(octets)) {
        return Optional.of(
            "iPAddress constraint is not an address with a contiguous mask (8 or 32 octets)");
      }
    }
    return Optional.empty();
  }

  /** The second half of the octets is a run of one bits followed only by zero bits. */
  private static boolean contiguousMask(byte[] addressAndMask) {
    boolean zeroSeen = false;
    for (int i = addressAndMask.length / 2; i < addressAndMask.length; i++) {
      for (int bit = 7; bit >= 0; bit--) {
        boolean one = (addressAndMask[i] >> bit & 1) == 1;
        if (one && zeroSeen) {
          return false;
        }
        zeroSeen |= !one;
      }
    }
    return true;
  }
}
