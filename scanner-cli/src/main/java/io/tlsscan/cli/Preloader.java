package io.tlsscan.cli;

import io.netty.handler.ssl.OpenSsl;
import io.tlsscan.cert.TrustAnchors;
import io.tlsscan.cert.TrustAnchorsException;
import io.tlsscan.net.NetworkContext;
import io.tlsscan.report.RecordJson;
import java.util.List;

/**
 * Loads the slow parts of a scan (BoringSSL, the JSON mapper, the choice of network transport, the
 * system's CA bundle unless {@code --ca-file} replaces it) on background threads while the main
 * thread parses the command line; on two cores that hides most of their start-up cost. Whatever the
 * main thread needs first it simply waits for: class initialisation, the transport check and the CA
 * bundle's one-time read are thread-safe.
 */
final class Preloader {
  private Preloader() {}

  static void start(String... args) {
    daemon(
        "tlsscan-preload",
        () -> {
          OpenSsl.isAvailable();
          RecordJson.sectionNames();
        });
    List<String> arguments = List.of(args);
    if (arguments.contains("scan")) {
      boolean systemAnchors =
          arguments.stream().noneMatch(argument -> argument.startsWith("--ca-file"));
      daemon(
          "tlsscan-preload-network",
          () -> {
            NetworkContext.chooseTransport();
            if (systemAnchors) {
              systemAnchors();
            }
          });
    }
  }

  private static void systemAnchors() {
    try {
      TrustAnchors.systemDefault();
    } catch (TrustAnchorsException e) {
      // Reported by the scan itself, which asks again and gets the same answer.
    }
  }

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }
}
