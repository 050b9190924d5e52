package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.Fingerprints;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The text view's fingerprint lines. */
class TextViewTest {
  private final TextView view = new TextView(false);

  @Test
  void fingerprintsShowJarmThenJa4sWithJa3s() {
    String text =
        view.render(
            SampleReports.withSection(
                SampleReports.trusted(),
                HostReport.FINGERPRINTS,
                ProbeOutcome.completed(SampleReports.fingerprints())));
    assertThat(text)
        .contains("jarm      29d29d0002ad00000041d42d00041d108f7344cbfe24eab30d174e6403c42b\n")
        .contains("ja4s      t130200_1301_234ea6891581 (ja3s 475c9302dc42b2751db9edcac3b74891)\n");
  }

  @Test
  void noServerHelloShowsOnlyTheJarm() {
    Fingerprints none =
        new Fingerprints("0".repeat(62), Collections.nCopies(10, "|||"), null, null, null);
    String text =
        view.render(
            SampleReports.withSection(
                SampleReports.trusted(), HostReport.FINGERPRINTS, ProbeOutcome.completed(none)));
    assertThat(text).contains("jarm      " + "0".repeat(62) + "\n").doesNotContain("ja4s");
  }

  @Test
  void noFingerprintsProbeNoLines() {
    assertThat(view.render(SampleReports.trusted())).doesNotContain("jarm").doesNotContain("ja4s");
  }
}
