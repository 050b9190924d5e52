package io.tlsscan.samples.interop;

import io.tlsscan.samples.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real Dovecot (Debian's, installed by {@code samples/starttls/install.sh}) with IMAP and POP3,
 * both offering STARTTLS: run in the foreground with a configuration, state and sockets of its own
 * in a temp directory; stopped and removed on close. IMAP listens on a free port of one loopback
 * address, POP3 on the same port of another.
 *
 * @param server the running Dovecot; its {@link InteropServer#address() address} is IMAP's
 * @param pop3 where POP3 listens
 */
public record DovecotServer(InteropServer server, InetSocketAddress pop3) implements AutoCloseable {
  private static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
  private static final Path DH_PARAMETERS = Path.of("/usr/share/dovecot/dh.pem");

  /** Whether Dovecot with its IMAP and POP3 servers is installed. */
  public static boolean installed() {
    return Files.isExecutable(DOVECOT)
        && Files.isExecutable(Path.of("/usr/lib/dovecot/imap-login"))
        && Files.isExecutable(Path.of("/usr/lib/dovecot/pop3-login"));
  }

  /**
   * Starts IMAP on {@code imapHost} and POP3 on {@code pop3Host}, both serving {@code leaf} and
   * {@code chain} after STARTTLS.
   *
   * @throws IllegalStateException if it does not come up
   */
  public static DovecotServer start(
      String imapHost, String pop3Host, TestPki.Issued leaf, TestPki.Issued... chain) {
    return start(imapHost, pop3Host, true, leaf, chain);
  }

  /**
   * Starts Dovecot as {@link #start} does but without DH parameters: when it picks a DHE suite it
   * ends the handshake with no alert, while its ECDHE suites work.
   */
  public static DovecotServer startWithoutDhParameters(
      String imapHost, String pop3Host, TestPki.Issued leaf, TestPki.Issued... chain) {
    return start(imapHost, pop3Host, false, leaf, chain);
  }

  private static DovecotServer start(
      String imapHost,
      String pop3Host,
      boolean dhParameters,
      TestPki.Issued leaf,
      TestPki.Issued... chain) {
    try {
      ServerCredentials credentials = ServerProcess.inNewDirectory("dovecot", leaf, chain);
      Path directory = credentials.chain().getParent();
      Path config = directory.resolve("dovecot.conf");
      int[] pop3Port = new int[1];
      InteropServer server =
          ServerProcess.start(
              directory,
              imapHost,
              port -> {
                pop3Port[0] = port;
                List<String> lines =
                    new ArrayList<>(
                        List.of(
                            "base_dir = " + directory.resolve("run"),
                            "state_dir = " + directory.resolve("state"),
                            "log_path = /dev/stderr",
                            "protocols = imap pop3",
                            "ssl = yes",
                            "ssl_cert = <" + credentials.chain(),
                            "ssl_key = <" + credentials.key(),
                            "ssl_min_protocol = TLSv1",
                            "mail_location = mbox:" + directory.resolve("mail"),
                            "passdb {",
                            "  driver = static",
                            // Nobody logs in: the password is one nobody knows.
                            "  args = password=" + UUID.randomUUID(),
                            "}",
                            "service imap-login {",
                            "  inet_listener imap {",
                            "    address = " + imapHost,
                            "    port = " + port,
                            "  }",
                            "  inet_listener imaps {",
                            "    port = 0",
                            "  }",
                            "}",
                            "service pop3-login {",
                            "  inet_listener pop3 {",
                            "    address = " + pop3Host,
                            "    port = " + port,
                            "  }",
                            "  inet_listener pop3s {",
                            "    port = 0",
                            "  }",
                            "}"));
                if (dhParameters) {
                  // As Debian's own configuration has it.
                  lines.add("ssl_dh = <" + DH_PARAMETERS);
                }
                ServerProcess.writeLines(config, lines);
                return List.of(DOVECOT.toString(), "-F", "-c", config.toString());
              },
              Map.of());
      // Dovecot binds every listener before it accepts on any.
      return new DovecotServer(server, new InetSocketAddress(pop3Host, pop3Port[0]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
