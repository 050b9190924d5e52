package io.tlsscan.cli;

import io.netty.handler.ssl.OpenSsl;
import io.tlsscan.cert.CertificateAnalyzer;
import io.tlsscan.report.RecordJson;

/**
 * Loads the slow parts of a scan (BoringSSL, the signature provider, the JSON mapper) on a
 * background thread while the main thread parses the command line and reads the host list; on two
 * cores that hides most of their start-up cost. Whatever the main thread needs first it simply
 * waits for, as class initialisation is thread-safe.
 */
final class Preloader {
  private Preloader() {}

  static void start() {
    Thread thread =
        new Thread(
            () -> {
              OpenSsl.isAvailable();
              CertificateAnalyzer.preload();
              RecordJson.sectionNames();
            },
            "tlsscan-preload");
    thread.setDaemon(true);
    thread.start();
  }
}
