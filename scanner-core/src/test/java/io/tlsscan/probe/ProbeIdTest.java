package io.tlsscan.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ProbeIdTest {
  @Test
  void parsesListsAndAll() {
    assertThat(ProbeId.parseList("cert")).containsExactly(ProbeId.CERT);
    assertThat(ProbeId.parseList("cert, Protocols,ciphers"))
        .containsExactlyInAnyOrder(ProbeId.CERT, ProbeId.PROTOCOLS, ProbeId.CIPHERS);
    assertThat(ProbeId.parseList("all")).isEqualTo(EnumSet.allOf(ProbeId.class));
  }

  @Test
  void namesTheUnknownProbeAndTheKnownOnes() {
    assertThatThrownBy(() -> ProbeId.parseList("cert,heartbleed"))
        .hasMessageContaining("heartbleed")
        .hasMessageContaining("cert, protocols, ciphers, groups, session, all");
    assertThatThrownBy(() -> ProbeId.parseList("")).hasMessageContaining("unknown probe");
  }
}
