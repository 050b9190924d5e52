package io.tlsscan.scan;

import io.tlsscan.cert.CertificateAnalyzer;
import io.tlsscan.net.Connector;
import io.tlsscan.probe.Probe;
import io.tlsscan.probe.cert.CertProbe;
import io.tlsscan.probe.ciphers.CiphersProbe;
import io.tlsscan.probe.groups.GroupsProbe;
import io.tlsscan.probe.handshake.HandshakeProbe;
import io.tlsscan.probe.http.HttpProbe;
import io.tlsscan.probe.jarm.JarmProbe;
import io.tlsscan.probe.protocols.ProtocolsProbe;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.probe.session.SessionProbe;
import io.tlsscan.probe.vulns.VulnsProbe;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** Every probe a scan can run: registering a probe is one line here. */
final class Probes {
  private Probes() {}

  /**
   * One instance of each probe, for one scan.
   *
   * @param connector opens the connections of the probes that speak TLS through the TLS library
   * @param maxCertificateListBytes the largest certificate list the TLS library accepts
   * @param raw sends the raw probes' hellos
   * @param handshakes makes full handshakes for the probes that need them
   * @param analyzer judges certificate chains
   * @param clock the time certificates are judged at
   */
  static List<Probe<?>> all(
      Connector connector,
      int maxCertificateListBytes,
      RawHelloClient raw,
      HandshakeProbe handshakes,
      Supplier<CertificateAnalyzer> analyzer,
      Clock clock) {
    return List.of(
        new CertProbe(analyzer, clock),
        new ProtocolsProbe(raw),
        new CiphersProbe(raw),
        new GroupsProbe(raw),
        new HttpProbe(connector, maxCertificateListBytes),
        new JarmProbe(raw),
        new VulnsProbe(raw),
        new SessionProbe(handshakes, raw, clock));
  }
}
