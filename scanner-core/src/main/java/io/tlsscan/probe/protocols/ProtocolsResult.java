package io.tlsscan.probe.protocols;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.target.Transport;
import io.tlsscan.tls.NamedGroup;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers to the protocols probe, one per version, kept whole so that later probes can reuse
 * the ServerHellos instead of asking again.
 */
public record ProtocolsResult(Map<ProtocolVersion, VersionAnswer> answers, Transport transport) {
  public ProtocolsResult {
    answers = Collections.unmodifiableMap(new EnumMap<>(answers));
    requireNonNull(transport, "transport");
  }

  /** The answers of a TLS server over TCP. */
  public ProtocolsResult(Map<ProtocolVersion, VersionAnswer> answers) {
    this(answers, Transport.TCP);
  }

  /**
   * The report's section: each version the transport has accepted, refused, or {@code null} when it
   * is unknown, by its report name ({@code TLSv1.2}; {@code DTLSv1.2} over DTLS).
   */
  public ProtocolSupport support() {
    Map<String, Boolean> accepted = new LinkedHashMap<>();
    for (ProtocolVersion version : transport.versions()) {
      VersionAnswer answer = answers.get(version);
      accepted.put(
          transport.versionName(version),
          answer instanceof VersionAnswer.Accepted
              ? Boolean.TRUE
              : answer instanceof VersionAnswer.Refused ? Boolean.FALSE : null);
    }
    return new ProtocolSupport(accepted);
  }

  /** The accepted versions, oldest first. */
  public List<ProtocolVersion> acceptedVersions() {
    return answers.entrySet().stream()
        .filter(e -> e.getValue() instanceof VersionAnswer.Accepted)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The answer for {@code version}, if it was accepted. */
  public VersionAnswer.Accepted accepted(ProtocolVersion version) {
    return answers.get(version) instanceof VersionAnswer.Accepted accepted ? accepted : null;
  }

  /**
   * The group the server named in a HelloRetryRequest to the TLS 1.3 hello without key share
   * ({@code Hellos.retrying}): the one it prefers of every TLS 1.3 group, which is the groups
   * probe's first answer.
   */
  public Optional<NamedGroup> preferredTls13Group() {
    return tls13Retry().flatMap(ServerResponse.HelloRetryRequest::group);
  }

  /** The HelloRetryRequest to the TLS 1.3 hello without key share ({@code Hellos.retrying}). */
  public Optional<ServerResponse.HelloRetryRequest> tls13Retry() {
    VersionAnswer.Accepted tls13 = accepted(ProtocolVersion.TLSv1_3);
    return tls13 != null
            && tls13.withoutKeyShare()
            && tls13.response() instanceof ServerResponse.HelloRetryRequest retry
        ? Optional.of(retry)
        : Optional.empty();
  }

  /**
   * The ServerHello that accepted {@code version}, if one did (not a HelloRetryRequest or an SSLv2
   * SERVER-HELLO): what the server showed to a hello offering every extension tlsscan sends.
   */
  public Optional<ServerResponse.ServerHello> serverHello(ProtocolVersion version) {
    return accepted(version) != null
            && accepted(version).response() instanceof ServerResponse.ServerHello hello
            && hello.version() == version
        ? Optional.of(hello)
        : Optional.empty();
  }
}
