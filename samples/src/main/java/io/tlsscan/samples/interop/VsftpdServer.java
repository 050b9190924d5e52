package io.tlsscan.samples.interop;

import io.tlsscan.samples.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real vsftpd (Debian's, installed by {@code samples/starttls/install.sh}) offering AUTH TLS: a
 * configuration of its own in a temp directory, run in the foreground on a loopback address;
 * stopped and removed on close. Nobody can log in: no local user has a password the test knows, and
 * anonymous access is off.
 */
public final class VsftpdServer {
  private static final Path VSFTPD = Path.of("/usr/sbin/vsftpd");

  private VsftpdServer() {}

  /** Whether vsftpd is installed. */
  public static boolean installed() {
    return Files.isExecutable(VSFTPD);
  }

  /**
   * Starts an FTP server on a free port of {@code host} that serves {@code leaf} and {@code chain}
   * after AUTH TLS.
   *
   * @throws IllegalStateException if it does not come up
   */
  public static InteropServer start(String host, TestPki.Issued leaf, TestPki.Issued... chain) {
    try {
      ServerCredentials credentials = ServerProcess.inNewDirectory("vsftpd", leaf, chain);
      Path directory = credentials.chain().getParent();
      Path empty = Files.createDirectory(directory.resolve("empty"));
      Path config = directory.resolve("vsftpd.conf");
      return ServerProcess.start(
          directory,
          host,
          port -> {
            ServerProcess.writeLines(
                config,
                List.of(
                    "listen=YES",
                    "listen_ipv6=NO",
                    "listen_address=" + host,
                    "listen_port=" + port,
                    "background=NO",
                    "anonymous_enable=NO",
                    // vsftpd refuses to start with neither local nor anonymous access.
                    "local_enable=YES",
                    "ssl_enable=YES",
                    "rsa_cert_file=" + credentials.chain(),
                    "rsa_private_key_file=" + credentials.key(),
                    "secure_chroot_dir=" + empty,
                    "vsftpd_log_file=" + directory.resolve("vsftpd.log")));
            return List.of(VSFTPD.toString(), config.toString());
          },
          Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
