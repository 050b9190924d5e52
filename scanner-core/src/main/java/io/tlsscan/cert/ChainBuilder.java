package io.tlsscan.cert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the certification path from the leaf: at each step the issuer is looked for among the
 * certificates the server sent (in any order, extra ones ignored), then among the trust anchors,
 * matching by name and accepting only a candidate whose key verifies the signature.
 *
 * <p>Stops at a trust anchor (a certificate with an anchor's subject and key counts as that anchor,
 * whoever signed it), at a self-signed certificate, at a missing issuer, or when the path loops or
 * grows beyond {@value #MAX_PATH_LENGTH} certificates. Thread-safe.
 */
final class ChainBuilder {
  /** Most certificates a path takes from the server; a trust anchor from the store comes on top. */
  static final int MAX_PATH_LENGTH = 10;

  private final TrustAnchors anchors;
  private final SignatureVerifier verifier;

  ChainBuilder(TrustAnchors anchors, SignatureVerifier verifier) {
    this.anchors = anchors;
    this.verifier = verifier;
  }

  CertificatePath build(ParsedCertificate leaf, List<ParsedCertificate> sent) {
    List<ParsedCertificate> path = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    ParsedCertificate current = leaf;
    while (true) {
      path.add(current);
      visited.add(current.sha256());
      if (anchors.anchorFor(current).isPresent()) {
        return new CertificatePath(path, new CertificatePath.Anchored(false));
      }
      if (verifier.selfSigned(current)) {
        return new CertificatePath(path, new CertificatePath.UntrustedRoot());
      }
      if (path.size() == MAX_PATH_LENGTH) {
        return new CertificatePath(
            path,
            new CertificatePath.Broken(
                "chain is longer than " + MAX_PATH_LENGTH + " certificates"));
      }
      Optional<ParsedCertificate> sentIssuer = sentIssuer(current, sent, visited);
      if (sentIssuer.isPresent()) {
        current = sentIssuer.get();
        continue;
      }
      Optional<ParsedCertificate> anchor = anchorIssuer(current);
      if (anchor.isPresent()) {
        path.add(anchor.get());
        return new CertificatePath(path, new CertificatePath.Anchored(true));
      }
      return new CertificatePath(path, dead(current, sent, visited));
    }
  }

  private Optional<ParsedCertificate> sentIssuer(
      ParsedCertificate child, List<ParsedCertificate> sent, Set<String> visited) {
    return sent.stream()
        .filter(candidate -> !visited.contains(candidate.sha256()))
        .filter(candidate -> candidate.subject().equals(child.issuer()))
        .sorted(
            Comparator.comparing((ParsedCertificate c) -> anchors.anchorFor(c).isEmpty())
                .thenComparing(c -> !child.authorityKeyIdMatches(c)))
        .filter(candidate -> verifier.verifies(child, candidate))
        .findFirst();
  }

  private Optional<ParsedCertificate> anchorIssuer(ParsedCertificate child) {
    return anchors.possibleIssuersOf(child).stream()
        .filter(anchor -> verifier.verifies(child, anchor))
        .findFirst();
  }

  /** Why no issuer was found: a loop, a signature that no candidate's key verifies, or none. */
  private CertificatePath.End dead(
      ParsedCertificate child, List<ParsedCertificate> sent, Set<String> visited) {
    List<ParsedCertificate> named =
        sent.stream().filter(c -> c.subject().equals(child.issuer())).toList();
    if (named.stream().anyMatch(c -> visited.contains(c.sha256()) && c != child)) {
      return new CertificatePath.Broken(
          "chain loops: "
              + Names.shorten(child.subjectName())
              + " is issued by a certificate"
              + " already in the path");
    }
    if (child.selfIssued()) {
      return new CertificatePath.Broken(
          "signature of "
              + Names.shorten(child.subjectName())
              + " does not verify with its own key although it names itself as issuer");
    }
    if (!named.isEmpty() || !anchors.possibleIssuersOf(child).isEmpty()) {
      return new CertificatePath.Broken(
          "signature of "
              + Names.shorten(child.subjectName())
              + " does not verify with the key of"
              + " its issuer "
              + Names.shorten(child.issuerName()));
    }
    return new CertificatePath.MissingIssuer(child.issuer());
  }
}
