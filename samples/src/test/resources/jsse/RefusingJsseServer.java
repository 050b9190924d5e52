import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A JSSE server run as a single-file program, so that JVM-wide properties such as {@code
 * jdk.tls.rejectClientInitiatedRenegotiation} apply to it alone. Arguments: the PKCS#12 key store,
 * its password, the address and the port. Each connection is read until the client leaves.
 */
public class RefusingJsseServer {
  public static void main(String[] args) throws Exception {
    char[] password = args[1].toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(args[0])) {
      store.load(in, password);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(
                    Integer.parseInt(args[3]), 64, InetAddress.getByName(args[2]));
    System.out.println("listening");
    while (true) {
      Socket socket = server.accept();
      new Thread(() -> serve(socket)).start();
    }
  }

  private static void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {}
    } catch (Exception e) {
      System.out.println("connection ended: " + e);
    }
  }
}
