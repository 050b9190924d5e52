package io.tlsscan.probe.vulns;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.tls.BulkCipher;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.KeyExchange;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The weaknesses that follow from the versions and suites a server accepts, without a connection:
 *
 * <table>
 *   <caption>verdicts from the protocols and ciphers sections</caption>
 *   <tr><th>check</th><th>true when</th></tr>
 *   <tr><td>poodle_ssl3</td><td>a CBC suite is accepted on SSLv3</td></tr>
 *   <tr><td>sweet32</td><td>a CBC suite with 64-bit blocks (3DES, IDEA, DES, RC2)</td></tr>
 *   <tr><td>freak</td><td>an RSA export suite</td></tr>
 *   <tr><td>logjam</td><td>a DHE export suite, or DHE with a prime of at most 1024 bits</td></tr>
 *   <tr><td>rc4</td><td>an RC4 suite</td></tr>
 *   <tr><td>beast</td><td>a CBC suite on SSLv3 or TLS 1.0</td></tr>
 *   <tr><td>drown</td><td>SSLv2 is accepted</td></tr>
 *   <tr><td>lucky13</td><td>a CBC suite on any version</td></tr>
 * </table>
 *
 * <p>A check is {@code true} as soon as one accepted suite shows it, {@code false} only when every
 * version that could carry such a suite is known (accepted with its suites listed, or refused);
 * otherwise it is undecided, naming the version that is not known.
 */
public final class SuiteWeaknesses {
  private static final List<String> BELOW_TLS13 = List.of("SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2");
  private static final List<String> CBC_BEFORE_TLS11 = List.of("SSLv3", "TLSv1.0");
  private static final int LOGJAM_PRIME_BITS = 1024;

  private SuiteWeaknesses() {}

  /**
   * The verdicts of the checks above for a server that accepts {@code protocols} and {@code
   * ciphers}.
   */
  public static Map<Weakness, WeaknessVerdict> of(
      ProtocolSupport protocols, CipherSupport ciphers) {
    Lookup lookup = new Lookup(protocols, ciphers);
    Map<Weakness, WeaknessVerdict> verdicts = new EnumMap<>(Weakness.class);
    verdicts.put(Weakness.POODLE_SSL3, lookup.any(List.of("SSLv3"), SuiteWeaknesses::cbc));
    verdicts.put(Weakness.SWEET32, lookup.any(BELOW_TLS13, SuiteWeaknesses::smallBlock));
    verdicts.put(Weakness.FREAK, lookup.any(BELOW_TLS13, SuiteWeaknesses::rsaExport));
    verdicts.put(Weakness.LOGJAM, lookup.any(BELOW_TLS13, SuiteWeaknesses::weakDhe));
    verdicts.put(Weakness.RC4, lookup.any(BELOW_TLS13, SuiteWeaknesses::rc4));
    verdicts.put(Weakness.BEAST, lookup.any(CBC_BEFORE_TLS11, SuiteWeaknesses::cbc));
    verdicts.put(Weakness.DROWN, lookup.accepted("SSLv2"));
    verdicts.put(Weakness.LUCKY13, lookup.any(BELOW_TLS13, SuiteWeaknesses::cbc));
    return verdicts;
  }

  private static Optional<CipherSuite> suite(CipherInfo info) {
    return CipherSuite.byName(info.name());
  }

  private static Optional<BulkCipher> cipher(CipherInfo info) {
    return suite(info).map(CipherSuite::cipher);
  }

  private static boolean cbc(CipherInfo info) {
    return cipher(info).map(c -> c.mode() == BulkCipher.Mode.CBC).orElse(false);
  }

  private static boolean rc4(CipherInfo info) {
    return cipher(info).map(c -> c == BulkCipher.RC4).orElse(false);
  }

  private static boolean smallBlock(CipherInfo info) {
    return cbc(info) && cipher(info).map(c -> c.blockBits() == 64).orElse(false);
  }

  private static boolean rsaExport(CipherInfo info) {
    return suite(info).map(s -> s.export() && s.keyExchange() == KeyExchange.RSA).orElse(false);
  }

  private static boolean weakDhe(CipherInfo info) {
    Optional<CipherSuite> suite = suite(info);
    if (suite.isEmpty() || suite.get().keyExchange() != KeyExchange.DHE) {
      return false;
    }
    Integer prime = info.keyExchangeBits();
    return suite.get().export() || (prime != null && prime <= LOGJAM_PRIME_BITS);
  }

  /** Reads the two sections for one server. */
  private record Lookup(ProtocolSupport protocols, CipherSupport ciphers) {

    WeaknessVerdict accepted(String version) {
      Boolean accepted = protocols.accepted().get(version);
      return accepted == null
          ? WeaknessVerdict.inconclusive("whether " + version + " is accepted is not known")
          : WeaknessVerdict.of(accepted);
    }

    WeaknessVerdict any(List<String> versions, Predicate<CipherInfo> weak) {
      String unknown = null;
      for (String version : versions) {
        Boolean accepted = protocols.accepted().get(version);
        List<CipherInfo> suites = ciphers.byVersion().get(version);
        if (Boolean.FALSE.equals(accepted)) {
          continue;
        }
        if (accepted == null || suites == null) {
          unknown = unknown == null ? version : unknown;
          continue;
        }
        Optional<CipherInfo> found = suites.stream().filter(weak).findFirst();
        if (found.isPresent()) {
          return WeaknessVerdict.of(true);
        }
      }
      return unknown == null
          ? WeaknessVerdict.of(false)
          : WeaknessVerdict.inconclusive("the suites of " + unknown + " are not known");
    }
  }
}
