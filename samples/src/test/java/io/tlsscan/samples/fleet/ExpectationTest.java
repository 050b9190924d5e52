package io.tlsscan.samples.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expectations only hold values from the report contract's closed sets. */
class ExpectationTest {

  @Test
  void okExpectationKeepsTrustErrorsAndNoErrorKind() {
    Expectation expired = Expectation.ok(Set.of("expired", "weak_key"), true);

    assertThat(expired.ok()).isTrue();
    assertThat(expired.trusted()).isFalse();
    assertThat(expired.errorKind()).isNull();
    assertThat(expired.trustErrors()).containsExactlyInAnyOrder("expired", "weak_key");
  }

  @Test
  void errorExpectationHasNoCertificateVerdict() {
    Expectation refused = Expectation.error("refused");

    assertThat(refused.status()).isEqualTo("error");
    assertThat(refused.trusted()).isFalse();
    assertThat(refused.trustErrors()).isEmpty();
  }

  @Test
  void valuesOutsideTheContractAreRejected() {
    assertThatThrownBy(() -> Expectation.error("teapot"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("teapot");
    assertThatThrownBy(() -> Expectation.ok(Set.of("EXPIRED"), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Expectation("ok", "timeout", Set.of(), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Expectation("maybe", null, Set.of(), false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
