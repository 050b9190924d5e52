package io.tlsscan.report.diff;

import io.tlsscan.report.saved.ScanRecord;
import java.util.Comparator;

/**
 * Which target a record is about, for matching the records of two scans: the host, port, STARTTLS
 * protocol and DTLS ({@code group}; a UDP port is not the TCP port of the same number), then the
 * address connected to ({@code ip}, empty when none). The host-list line number is left out, so
 * adding a line to the list does not make every target after it look new. A record of a line that
 * did not parse is known by its input text.
 */
record TargetKey(String group, String ip) implements Comparable<TargetKey> {
  private static final Comparator<TargetKey> ORDER =
      Comparator.comparing(TargetKey::group).thenComparing(TargetKey::ip);

  static TargetKey of(ScanRecord.Target target) {
    String group =
        target.host() == null
            ? "\u0000" + target.input()
            : target.host()
                + "\u0000"
                + target.port()
                + "\u0000"
                + nonNull(target.starttls())
                + (ScanRecord.Target.DTLS.equals(target.transport()) ? "\u0000dtls" : "");
    return new TargetKey(group, nonNull(target.ip()));
  }

  @Override
  public int compareTo(TargetKey other) {
    return ORDER.compare(this, other);
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
