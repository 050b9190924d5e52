package io.tlsscan.samples.interop;

import io.tlsscan.samples.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A server's certificate chain and private key as PEM files, the way most servers read them.
 *
 * @param chain the leaf first, then the certificates sent after it
 * @param key the leaf's private key, unencrypted PKCS #8 ({@code PRIVATE KEY})
 */
public record ServerCredentials(Path chain, Path key) {

  /** Writes {@code leaf}, {@code chain} and the leaf's key into {@code directory}. */
  public static ServerCredentials write(
      Path directory, TestPki.Issued leaf, TestPki.Issued... chain) {
    TestPki.Issued[] certificates = new TestPki.Issued[chain.length + 1];
    certificates[0] = leaf;
    System.arraycopy(chain, 0, certificates, 1, chain.length);
    Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    String key =
        "-----BEGIN PRIVATE KEY-----\n"
            + base64.encodeToString(leaf.key().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    try {
      Path chainFile = Files.writeString(directory.resolve("chain.pem"), TestPki.pem(certificates));
      Path keyFile = Files.writeString(directory.resolve("key.pem"), key);
      return new ServerCredentials(chainFile, keyFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
