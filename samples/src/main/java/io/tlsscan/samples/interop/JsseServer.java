package io.tlsscan.samples.interop;

import io.tlsscan.samples.process.ChildServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A JSSE (SunJSSE) TLS server in this JVM: it completes each handshake, answers nothing and closes.
 * The JDK's default protocols and suites, or the protocols named in the settings; the JDK's
 * security properties apply, so what {@code jdk.tls.disabledAlgorithms} forbids stays off.
 */
final class JsseServer implements InteropServer {
  private final SSLServerSocket socket;
  private final ExecutorService connections = Executors.newCachedThreadPool();
  private final Path directory;
  private final StringBuffer log = new StringBuffer();

  private JsseServer(SSLServerSocket socket, Path directory) {
    this.socket = socket;
    this.directory = directory;
  }

  /**
   * Listens on a free port of {@code host} with the chain and key in {@code files}.
   *
   * @param protocols comma-separated protocol names (e.g. {@code TLSv1.2,TLSv1.3}), empty for the
   *     JDK's defaults
   */
  static JsseServer start(Path directory, String host, ServerCredentials files, String protocols) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(files), null, null);
      SSLServerSocket socket =
          (SSLServerSocket)
              context
                  .getServerSocketFactory()
                  .createServerSocket(0, 64, InetAddress.getByName(host));
      if (!protocols.isEmpty()) {
        socket.setEnabledProtocols(protocols.split(","));
      }
      JsseServer server = new JsseServer(socket, directory);
      Thread acceptor = new Thread(server::acceptLoop, "jsse-server-" + socket.getLocalPort());
      acceptor.setDaemon(true);
      acceptor.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up the JSSE server", e);
    }
  }

  private static KeyManager[] keyManagers(ServerCredentials files)
      throws IOException, GeneralSecurityException {
    Certificate[] chain;
    try (var in = Files.newInputStream(files.chain())) {
      chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(in)
              .toArray(Certificate[]::new);
    }
    String pem = Files.readString(files.key(), StandardCharsets.US_ASCII);
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip());
    String algorithm = chain[0].getPublicKey().getAlgorithm();
    PrivateKey key =
        KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", key, new char[0], chain);
    KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
    factory.init(store, new char[0]);
    return factory.getKeyManagers();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        connections.execute(() -> handshake((SSLSocket) connection));
      } catch (IOException e) {
        if (!socket.isClosed()) {
          log.append("accept: ").append(e.getMessage()).append('\n');
        }
      }
    }
  }

  private void handshake(SSLSocket connection) {
    try (connection) {
      connection.setSoTimeout(5_000);
      connection.startHandshake();
    } catch (IOException e) {
      log.append(e.getMessage()).append('\n');
    }
  }

  @Override
  public InetSocketAddress address() {
    return new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
  }

  @Override
  public String log() {
    return log.toString();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    connections.shutdownNow();
    ChildServer.deleteRecursively(directory);
  }
}
