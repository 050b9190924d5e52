package io.tlsscan.samples.interop;

import io.tlsscan.samples.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Postfix (Debian's, installed by {@code samples/starttls/install.sh}) whose SMTP server
 * offers STARTTLS: an instance of its own (configuration, queue and log in a temp directory) whose
 * master runs in the foreground with only what {@code smtpd} needs, on a loopback address; stopped
 * and removed on close. Its log is the file {@code maillog} in that directory.
 */
public final class PostfixServer {
  private static final Path POSTFIX = Path.of("/usr/sbin/postfix");
  private static final Path MASTER = Path.of("/usr/lib/postfix/sbin/master");

  private PostfixServer() {}

  /** Whether Postfix is installed. */
  public static boolean installed() {
    return Files.isExecutable(POSTFIX) && Files.isExecutable(MASTER);
  }

  /**
   * Starts an SMTP server on a free port of {@code host} that serves {@code leaf} and {@code chain}
   * after STARTTLS, as {@code hostname} in its greeting.
   *
   * @throws IllegalStateException if it does not come up
   */
  public static InteropServer start(
      String host, String hostname, TestPki.Issued leaf, TestPki.Issued... chain) {
    try {
      ServerCredentials credentials = ServerProcess.inNewDirectory("postfix", leaf, chain);
      Path directory = credentials.chain().getParent();
      Path config = Files.createDirectory(directory.resolve("config"));
      Path queue = Files.createDirectory(directory.resolve("queue"));
      Path data = Files.createDirectory(directory.resolve("data"));
      Files.setOwner(
          data,
          data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix"));
      ServerProcess.writeLines(
          config.resolve("main.cf"),
          List.of(
              "compatibility_level = 3.6",
              "queue_directory = " + queue,
              "data_directory = " + data,
              "myhostname = " + hostname,
              // Checked against the machine's interfaces; the listener's address is in master.cf.
              "inet_interfaces = loopback-only",
              "inet_protocols = ipv4",
              "smtpd_tls_cert_file = " + credentials.chain(),
              "smtpd_tls_key_file = " + credentials.key(),
              "smtpd_tls_security_level = may",
              "maillog_file_prefixes = " + directory,
              "maillog_file = " + directory.resolve("maillog")));
      Path services = config.resolve("master.cf");
      List<String> helpers =
          List.of(
              "tlsmgr unix - - n 1000? 1 tlsmgr",
              "anvil unix - - n - 1 anvil",
              "proxymap unix - - n - - proxymap",
              "rewrite unix - - n - - trivial-rewrite",
              "postlog unix-dgram n - n - 1 postlogd");
      ServerProcess.writeLines(services, helpers);
      // Creates the queue directories with their owners.
      ServerProcess.runToEnd(
          directory,
          "postfix-check",
          List.of(POSTFIX.toString(), "-c", config.toString(), "check"));
      return ServerProcess.start(
          directory,
          host,
          port -> {
            List<String> lines = new ArrayList<>(helpers);
            lines.add(host + ":" + port + " inet n - n - - smtpd");
            ServerProcess.writeLines(services, lines);
            return List.of(MASTER.toString(), "-c", config.toString(), "-d");
          },
          Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
