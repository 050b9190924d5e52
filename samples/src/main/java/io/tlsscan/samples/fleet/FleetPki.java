package io.tlsscan.samples.fleet;

import static java.util.Objects.requireNonNull;

import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.pki.TestPki.Issued;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo fleet's certificate authorities, made fresh at every start: the demo root (the one put
 * in the CA file), an intermediate it issued (which signs the leaves), and a foreign root that is
 * in no CA file.
 *
 * @param root the demo root CA, trusted by scans of the demo
 * @param intermediate the demo intermediate CA, issued by {@code root}
 * @param foreignRoot a root CA the demo CA file does not contain
 */
record FleetPki(Issued root, Issued intermediate, Issued foreignRoot) {
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);

  FleetPki {
    requireNonNull(root, "root");
    requireNonNull(intermediate, "intermediate");
    requireNonNull(foreignRoot, "foreignRoot");
  }

  static FleetPki create() {
    Instant from = Instant.now().minus(Duration.ofDays(1));
    Instant to = from.plus(CA_VALIDITY);
    Issued root =
        TestPki.certificate("CN=tlsscan Demo Root CA").ca().validity(from, to).selfSigned();
    Issued intermediate =
        TestPki.certificate("CN=tlsscan Demo Intermediate CA")
            .ca()
            .validity(from, to)
            .issuedBy(root);
    Issued foreignRoot =
        TestPki.certificate("CN=Foreign Root CA").ca().validity(from, to).selfSigned();
    return new FleetPki(root, intermediate, foreignRoot);
  }

  /** A plain leaf for {@code host}: EC P-256, SAN dNSName, issued by the intermediate. */
  Issued leaf(String host) {
    return leafBuilder(host).issuedBy(intermediate);
  }

  /** The builder behind {@link #leaf}, to add one flaw before issuing. */
  static TestPki.Builder leafBuilder(String host) {
    return TestPki.certificate("CN=" + host).dns(host);
  }
}
