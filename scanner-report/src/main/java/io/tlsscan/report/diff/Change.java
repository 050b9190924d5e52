package io.tlsscan.report.diff;

import io.tlsscan.model.Severity;
import io.tlsscan.report.saved.ScanRecord;
import java.util.List;

/**
 * One thing that changed about a target between two scans. {@link #kind()} is the change's word in
 * the JSON output, e.g. {@code finding_new}.
 */
public sealed interface Change {

  /** The change's word in the JSON output. */
  String kind();

  /** Whether this change makes the target worse when findings of {@code failOn} or above count. */
  default boolean worse(Severity failOn) {
    return false;
  }

  /** The target was not in the old scan. */
  record Appeared() implements Change {
    public String kind() {
      return "appeared";
    }
  }

  /** The target is not in the new scan. Always worse: nobody looked at it. */
  record Vanished() implements Change {
    public String kind() {
      return "vanished";
    }

    @Override
    public boolean worse(Severity failOn) {
      return true;
    }
  }

  /** The target could be scanned before (or is new) and now cannot. Always worse. */
  record StartedFailing(ScanRecord.Error error) implements Change {
    public String kind() {
      return "started_failing";
    }

    @Override
    public boolean worse(Severity failOn) {
      return true;
    }
  }

  /** The target could not be scanned before and now can. */
  record Recovered(ScanRecord.Error was) implements Change {
    public String kind() {
      return "recovered";
    }
  }

  /** The target fails in both scans, for a different reason. */
  record ErrorChanged(ScanRecord.Error was, ScanRecord.Error now) implements Change {
    public String kind() {
      return "error_changed";
    }
  }

  /** The record of the target names another address than before. */
  record AddressChanged(String was, String now) implements Change {
    public String kind() {
      return "address_changed";
    }
  }

  /** A finding id the target did not have before; worse at {@code failOn} or above. */
  record FindingNew(ScanRecord.Finding finding) implements Change {
    public String kind() {
      return "finding_new";
    }

    @Override
    public boolean worse(Severity failOn) {
      return finding.severity().compareTo(failOn) >= 0;
    }
  }

  /** A finding id the target had before and has no more. */
  record FindingResolved(ScanRecord.Finding finding) implements Change {
    public String kind() {
      return "finding_resolved";
    }
  }

  /**
   * The leaf certificate is another one (fingerprint), or its issuer or expiry moved; {@code moved}
   * lists which of {@code sha256}, {@code issuer}, {@code not_after} differ.
   */
  record CertificateRotated(
      ScanRecord.Certificate was, ScanRecord.Certificate now, List<String> moved)
      implements Change {
    public String kind() {
      return "certificate_rotated";
    }
  }

  /** A protocol version now accepted that was not, e.g. {@code TLSv1.0}. */
  record ProtocolAdded(String version) implements Change {
    public String kind() {
      return "protocol_added";
    }
  }

  /** A protocol version no longer accepted. */
  record ProtocolRemoved(String version) implements Change {
    public String kind() {
      return "protocol_removed";
    }
  }

  /** A cipher suite now accepted for a version, e.g. {@code TLSv1.2} {@code TLS_RSA_WITH_...}. */
  record CipherAdded(String version, String suite) implements Change {
    public String kind() {
      return "cipher_added";
    }
  }

  /** A cipher suite no longer accepted for a version. */
  record CipherRemoved(String version, String suite) implements Change {
    public String kind() {
      return "cipher_removed";
    }
  }
}
