package io.tlsscan.samples.pki;

import io.tlsscan.samples.interop.InteropServer;
import io.tlsscan.samples.interop.InteropStack;
import io.tlsscan.samples.interop.ServerCredentials;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestPki.Issued;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;

/**
 * A three-certificate chain for a test server: a self-signed root, an intermediate it issues, and
 * an RSA 2048 leaf for one DNS name that the intermediate issues. Servers send {@code leaf} and
 * {@code intermediate}; scanners trust {@code root}.
 *
 * @param root the trust anchor
 * @param intermediate the leaf's issuer
 * @param leaf the server certificate
 */
public record TestChain(Issued root, Issued intermediate, Issued leaf) {

  /**
   * Issues a fresh chain: {@code CN=<label> Root}, {@code CN=<label> Intermediate}, and a leaf
   * {@code CN=<host>} with {@code host} as its one DNS name.
   *
   * @param label names the CAs, e.g. {@code Deep Test}
   * @param host the leaf's name, e.g. {@code deep.test}
   */
  public static TestChain rsa(String label, String host) {
    Issued root = TestPki.certificate("CN=" + label + " Root").ca().selfSigned();
    Issued intermediate = TestPki.certificate("CN=" + label + " Intermediate").ca().issuedBy(root);
    Issued leaf =
        TestPki.certificate("CN=" + host)
            .key(TestPki.KeyType.RSA_2048)
            .dns(host)
            .issuedBy(intermediate);
    return new TestChain(root, intermediate, leaf);
  }

  /**
   * A PKCS#12 key store holding the leaf's key under the alias {@code server}, with the leaf and
   * the intermediate as its chain: what a JSSE server (WireMock's, HttpsServer) is given.
   */
  public KeyStore keyStore(char[] password) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server",
        leaf.key(),
        password,
        new Certificate[] {leaf.certificate(), intermediate.certificate()});
    return store;
  }

  /**
   * A server of {@code stack} on {@code host} that sends {@link #leaf()} and {@link
   * #intermediate()}, with the stack's {@code settings} (see {@link InteropStack#start}).
   */
  public InteropServer interopServer(InteropStack stack, String host, String settings) {
    return stack.start(
        host, directory -> ServerCredentials.write(directory, leaf, intermediate), settings);
  }

  /** An {@code openssl s_server} that sends {@link #leaf()} and {@link #intermediate()}. */
  public OpenSslServer.Builder openSslServer() {
    return OpenSslServer.builder(leaf, intermediate);
  }
}
