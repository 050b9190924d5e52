package io.tlsscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.Severity;
import io.tlsscan.policy.FindingCatalog;
import io.tlsscan.policy.Policy;
import io.tlsscan.report.policy.PolicyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The README's findings table and the sample policy file agree with the code. */
class PolicyDocumentationTest {
  private static final Path ROOT = Path.of("..");
  private static final String BEGIN = "<!-- findings table: begin -->\n";
  private static final String END = "<!-- findings table: end -->";

  @Test
  void readmeFindingsTableIsTheCatalogue() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin).as("README has the findings table markers").isNotNegative();
    assertThat(end).isGreaterThan(begin);

    assertThat(readme.substring(begin + BEGIN.length(), end))
        .as("README's findings table; regenerate it with: ./tlsscan policies --findings")
        .isEqualTo(PoliciesCommand.findingsTable());
  }

  @Test
  void samplePolicyFileLoadsWithItsExemption() throws Exception {
    Policy corp = PolicyFiles.load(ROOT.resolve("samples/policies/corp-policy.yaml"));

    assertThat(corp.name()).isEqualTo("corp-2027");
    assertThat(corp.allowedProtocols()).containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
    assertThat(corp.forbiddenCiphers()).contains("TLS_RSA_WITH_AES_128_CBC_SHA");
    assertThat(corp.certificate().minDaysLeft()).isEqualTo(21);
    assertThat(corp.requireOcspStapling()).isTrue();
    assertThat(corp.severities()).containsEntry("group.not_allowed", Severity.INFO);
    assertThat(corp.exemptions())
        .singleElement()
        .satisfies(
            exemption -> {
              assertThat(exemption.host()).isEqualTo("legacy-vpn.example.com");
              assertThat(exemption.until()).isEqualTo(LocalDate.of(2027, 3, 31));
              assertThat(exemption.findings())
                  .allSatisfy(id -> assertThat(FindingCatalog.byId(id)).isPresent());
            });
  }
}
