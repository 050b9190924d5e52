package io.tlsscan.cli;

import io.netty.handler.ssl.OpenSsl;
import picocli.CommandLine.IVersionProvider;

/** {@code tlsscan --version}: our version, the JVM and the TLS library. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = TlsscanCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "tlsscan " + (version != null ? version : "development build"),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
      "TLS: " + (OpenSsl.isAvailable() ? OpenSsl.versionString() : "BoringSSL not available")
    };
  }
}
