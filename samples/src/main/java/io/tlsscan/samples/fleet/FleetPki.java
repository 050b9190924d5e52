package io.tlsscan.samples.fleet;

import static java.util.Objects.requireNonNull;

import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.pki.TestPki.Issued;

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
  FleetPki {
    requireNonNull(root, "root");
    requireNonNull(intermediate, "intermediate");
    requireNonNull(foreignRoot, "foreignRoot");
  }

  static FleetPki create() {
    Issued root = TestPki.certificate("CN=tlsscan Demo Root CA").longLivedCa().selfSigned();
    Issued intermediate =
        TestPki.certificate("CN=tlsscan Demo Intermediate CA").longLivedCa().issuedBy(root);
    Issued foreignRoot = TestPki.certificate("CN=Foreign Root CA").longLivedCa().selfSigned();
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
