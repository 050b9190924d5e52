package io.tlsscan.cli;

import io.netty.handler.ssl.OpenSsl;
import picocli.CommandLine.IVersionProvider;

/** {@code tlsscan --version}: our version, the JVM and the TLS library. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      tlsscanVersion(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
      "TLS: " + (OpenSsl.isAvailable() ? OpenSsl.versionString() : "BoringSSL not available")
    };
  }

  /** The first line: {@code tlsscan VERSION} from the jar's manifest. */
  static String tlsscanVersion() {
    String version = TlsscanCommand.class.getPackage().getImplementationVersion();
    return "tlsscan " + (version != null ? version : "development build");
  }
}
