package io.tlsscan.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Map;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.params.DHParameters;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class Rfc7919GroupsTest {
  private static final Map<NamedGroup, DHParameters> RFC_7919 =
      Map.of(
          NamedGroup.FFDHE2048, DHStandardGroups.rfc7919_ffdhe2048,
          NamedGroup.FFDHE3072, DHStandardGroups.rfc7919_ffdhe3072,
          NamedGroup.FFDHE4096, DHStandardGroups.rfc7919_ffdhe4096,
          NamedGroup.FFDHE6144, DHStandardGroups.rfc7919_ffdhe6144,
          NamedGroup.FFDHE8192, DHStandardGroups.rfc7919_ffdhe8192);

  @Test
  void eachRfc7919PrimeWithGeneratorTwoIsItsGroup() {
    RFC_7919.forEach(
        (group, parameters) ->
            assertThat(Rfc7919Groups.of(bytes(parameters.getP()), bytes(parameters.getG())))
                .as("%s", group)
                .contains(group));
  }

  @Test
  void leadingZerosAsTheWireMayCarryThemChangeNothing() {
    byte[] prime = DHStandardGroups.rfc7919_ffdhe2048.getP().toByteArray();
    assertThat(prime[0]).as("a sign byte ahead of the magnitude").isZero();
    assertThat(Rfc7919Groups.of(prime, new byte[] {0, 2})).contains(NamedGroup.FFDHE2048);
  }

  @Test
  void otherPrimesAndGeneratorsAreNoNamedGroup() {
    DHParameters ffdhe2048 = DHStandardGroups.rfc7919_ffdhe2048;
    assertThat(Rfc7919Groups.of(bytes(ffdhe2048.getP()), bytes(BigInteger.valueOf(5)))).isEmpty();
    DHParameters modp2048 = DHStandardGroups.rfc3526_2048;
    assertThat(Rfc7919Groups.of(bytes(modp2048.getP()), bytes(modp2048.getG()))).isEmpty();
    assertThat(Rfc7919Groups.of(new byte[0], new byte[0])).isEmpty();
  }

  private static byte[] bytes(BigInteger value) {
    return BigIntegers.asUnsignedByteArray(value);
  }
}
