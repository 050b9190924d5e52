package io.tlsscan.probe.raw;

import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ClientHelloBuilder;
import io.tlsscan.tls.KeyExchange;
import io.tlsscan.tls.ProtocolVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every cipher suite a version allows, split into hellos of at most {@link
 * ClientHelloBuilder#MAX_CIPHER_SUITES}: some servers reject longer hellos. The suites servers
 * actually deploy (ECDHE, then DHE, then static RSA) come first, so the first hello usually finds
 * them all and later ones only look for rarities (anonymous, NULL, export, PSK, GOST...).
 */
public final class SuiteOffers {
  private static final Map<ProtocolVersion, List<List<CipherSuite>>> CHUNKS =
      new EnumMap<>(ProtocolVersion.class);

  static {
    for (ProtocolVersion version : ProtocolVersion.values()) {
      if (version != ProtocolVersion.SSLv2) {
        CHUNKS.put(version, split(ordered(version)));
      }
    }
  }

  private SuiteOffers() {}

  /** The hellos' worth of suites for {@code version} (SSLv3 to TLS 1.3), in offer order. */
  public static List<List<CipherSuite>> chunks(ProtocolVersion version) {
    return CHUNKS.get(version);
  }

  private static List<CipherSuite> ordered(ProtocolVersion version) {
    List<CipherSuite> suites = new ArrayList<>(CipherSuite.forVersion(version));
    suites.sort(Comparator.comparingInt(SuiteOffers::rank));
    return suites;
  }

  private static int rank(CipherSuite suite) {
    KeyExchange kx = suite.keyExchange();
    if (kx == KeyExchange.ECDHE || kx == KeyExchange.ANY) {
      return 0;
    }
    if (kx == KeyExchange.DHE) {
      return 1;
    }
    if (kx == KeyExchange.RSA) {
      return 2;
    }
    return 3;
  }

  private static List<List<CipherSuite>> split(List<CipherSuite> suites) {
    List<List<CipherSuite>> chunks = new ArrayList<>();
    int size = ClientHelloBuilder.MAX_CIPHER_SUITES;
    for (int start = 0; start < suites.size(); start += size) {
      chunks.add(List.copyOf(suites.subList(start, Math.min(suites.size(), start + size))));
    }
    return List.copyOf(chunks);
  }
}
