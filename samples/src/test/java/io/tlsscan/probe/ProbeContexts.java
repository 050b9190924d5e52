package io.tlsscan.probe;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.net.Failure;
import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.raw.ProbeTarget;
import java.util.List;

/** Contexts for running one probe on its own, outside a scan. */
public final class ProbeContexts {
  /** Stands for the scan's full handshake: none was made, so a probe that reads it does without. */
  private static final HandshakeResult NOT_MADE =
      new HandshakeResult.Failed(
          new Failure(ErrorKind.HANDSHAKE_FAILED, "no full handshake: the probe runs alone"),
          "handshake",
          List.of(),
          false);

  private ProbeContexts() {}

  /** A context for a probe that reads only {@code target} and {@code results}. */
  public static ProbeContext alone(ProbeTarget target, ProbeResults results) {
    return new ProbeContext(target, NOT_MADE, results);
  }
}
