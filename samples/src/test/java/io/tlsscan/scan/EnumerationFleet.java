package io.tlsscan.scan;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.HostReport;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.target.Target;
import io.tlsscan.target.TargetParser;
import io.tlsscan.tls.ProtocolVersion;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;

/**
 * The servers protocol and cipher enumeration must get exactly right, as {@code openssl s_server}
 * instances on one loopback /24 each: TLS 1.0-only, 1.1-only, 1.2-only, 1.3-only, legacy (TLS
 * 1.0-1.2, everything with a certificate, server order), NULL-only, anonymous-only, static
 * RSA-only, DHE with a 1024-bit prime, CBC-only. All present the same RSA certificate for {@code
 * fleet.test}, issued by an intermediate of {@link #root()}.
 */
final class EnumerationFleet implements AutoCloseable {
  /**
   * The second Oakley group (RFC 2409 §6.2): a well-known 1024-bit safe prime, generator 2, as
   * servers configured long ago still use.
   */
  static final BigInteger OAKLEY_GROUP_2 =
      new BigInteger(
          "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
              + "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
              + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
              + "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
              + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381"
              + "FFFFFFFFFFFFFFFF",
          16);

  /** The fleet, in the order of the issue. */
  static final List<ServerSpec> SPECS =
      List.of(
          new ServerSpec("tls10-only", versions(ProtocolVersion.TLSv1_0))
              .withCipher("DEFAULT")
              .withSecurityLevel(0),
          new ServerSpec("tls11-only", versions(ProtocolVersion.TLSv1_1))
              .withCipher("HIGH:!aNULL")
              .withSecurityLevel(0),
          new ServerSpec("tls12-only", versions(ProtocolVersion.TLSv1_2)),
          new ServerSpec("tls13-only", versions(ProtocolVersion.TLSv1_3))
              .withCiphersuites(
                  "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"
                      + ":TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256")
              .withGroups("P-384:X25519:P-256:ffdhe2048"),
          new ServerSpec(
                  "legacy",
                  versions(
                      ProtocolVersion.TLSv1_0, ProtocolVersion.TLSv1_1, ProtocolVersion.TLSv1_2))
              .withCipher("ALL:!aNULL")
              .withSecurityLevel(0)
              .withServerPreference(),
          new ServerSpec(
                  "null-only",
                  versions(
                      ProtocolVersion.TLSv1_0, ProtocolVersion.TLSv1_1, ProtocolVersion.TLSv1_2))
              .withCipher("eNULL:!aNULL")
              .withSecurityLevel(0),
          new ServerSpec(
                  "anonymous-only",
                  versions(
                      ProtocolVersion.TLSv1_0, ProtocolVersion.TLSv1_1, ProtocolVersion.TLSv1_2))
              .withCipher("aNULL:!eNULL")
              .withSecurityLevel(0),
          new ServerSpec("static-rsa", versions(ProtocolVersion.TLSv1_2, ProtocolVersion.TLSv1_3))
              .withCipher("kRSA:!eNULL"),
          new ServerSpec(
                  "dhe-1024",
                  versions(
                      ProtocolVersion.TLSv1_0, ProtocolVersion.TLSv1_1, ProtocolVersion.TLSv1_2))
              .withCipher("DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-SHA256:DHE-RSA-AES128-SHA")
              .withSecurityLevel(0)
              .withDhe1024(),
          new ServerSpec(
                  "cbc-only",
                  versions(
                      ProtocolVersion.TLSv1_0, ProtocolVersion.TLSv1_1, ProtocolVersion.TLSv1_2))
              .withCipher(
                  "ECDHE-RSA-AES256-SHA384:ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA"
                      + ":ECDHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA256:AES256-SHA256:AES128-SHA"
                      + ":CAMELLIA256-SHA")
              .withSecurityLevel(0));

  private final TestPki.Issued root;
  private final Map<String, Member> members;

  private EnumerationFleet(TestPki.Issued root, Map<String, Member> members) {
    this.root = root;
    this.members = members;
  }

  /**
   * Starts every server of {@link #SPECS}, the n-th on {@code 127.0.<subnet>.<n>}.
   *
   * @param subnet the third octet of the loopback addresses, so that test classes do not collide
   */
  static EnumerationFleet start(int subnet) {
    TestChain chain = TestChain.rsa("Fleet Test", "fleet.test");
    Map<String, Member> members = new LinkedHashMap<>();
    try {
      for (int i = 0; i < SPECS.size(); i++) {
        ServerSpec spec = SPECS.get(i);
        String host = "127.0." + subnet + "." + (i + 1);
        members.put(
            spec.name(), new Member(spec, spec.start(host, chain.leaf(), chain.intermediate())));
      }
    } catch (RuntimeException e) {
      members.values().forEach(member -> member.server().close());
      throw e;
    }
    return new EnumerationFleet(chain.root(), members);
  }

  /** The name of every server of {@link #SPECS}, in order: a JUnit method source. */
  static Stream<String> names() {
    return SPECS.stream().map(ServerSpec::name);
  }

  TestPki.Issued root() {
    return root;
  }

  List<Member> members() {
    return List.copyOf(members.values());
  }

  Member member(String name) {
    return requireNonNull(members.get(name), name);
  }

  /** The host-list line that scans {@code member}: SNI {@code fleet.test}, its address. */
  static String hostLine(Member member) {
    return TestTargets.hostLine("fleet.test", member.server().address());
  }

  /**
   * Scans every member in one scan with {@code probes}; the records by member name.
   *
   * @param timeout the per-target deadline
   */
  Map<String, HostReport> scan(Set<ProbeId> probes, Duration timeout) {
    List<Target> targets = new ArrayList<>();
    List<Member> list = members();
    for (int i = 0; i < list.size(); i++) {
      new TargetParser()
          .parse(hostLine(list.get(i)), i + 1)
          .map(Target.class::cast)
          .forEach(targets::add);
    }
    Map<String, Member> byInput =
        list.stream().collect(Collectors.toMap(EnumerationFleet::hostLine, Function.identity()));
    try (Scanner scanner =
        TestTargets.scanner(ScanOptions.defaults().withProbes(probes).withTimeout(timeout), root)) {
      List<HostReport> reports =
          scanner.scan(Flux.fromIterable(targets)).collectList().block(timeout.multipliedBy(3));
      Map<String, HostReport> byName = new LinkedHashMap<>();
      list.forEach(member -> byName.put(member.spec().name(), null));
      for (HostReport report : reports) {
        byName.put(byInput.get(report.target().input()).spec().name(), report);
      }
      return byName;
    }
  }

  @Override
  public void close() {
    members.values().forEach(member -> member.server().close());
  }

  private static Set<ProtocolVersion> versions(ProtocolVersion... versions) {
    return Set.copyOf(EnumSet.of(versions[0], versions));
  }

  /** A running server and what it was told. */
  record Member(ServerSpec spec, OpenSslServer server) {}

  /**
   * One server's configuration.
   *
   * @param name what the test output calls it
   * @param versions the versions it speaks
   * @param cipher its TLS 1.2-and-older cipher list, {@code null} for OpenSSL's default
   * @param ciphersuites its TLS 1.3 suites, {@code null} for OpenSSL's default
   * @param groups its groups, {@code null} for OpenSSL's default
   * @param securityLevel its {@code @SECLEVEL}, {@code null} for OpenSSL's default
   * @param serverPreference whether it picks suites by its own order ({@code -serverpref})
   * @param dhe1024 whether its DHE suites use {@link #OAKLEY_GROUP_2}
   */
  record ServerSpec(
      String name,
      Set<ProtocolVersion> versions,
      String cipher,
      String ciphersuites,
      String groups,
      Integer securityLevel,
      boolean serverPreference,
      boolean dhe1024) {
    ServerSpec(String name, Set<ProtocolVersion> versions) {
      this(name, versions, null, null, null, null, false, false);
    }

    ServerSpec withCipher(String list) {
      return new ServerSpec(
          name, versions, list, ciphersuites, groups, securityLevel, serverPreference, dhe1024);
    }

    ServerSpec withCiphersuites(String suites) {
      return new ServerSpec(
          name, versions, cipher, suites, groups, securityLevel, serverPreference, dhe1024);
    }

    ServerSpec withGroups(String list) {
      return new ServerSpec(
          name, versions, cipher, ciphersuites, list, securityLevel, serverPreference, dhe1024);
    }

    ServerSpec withSecurityLevel(int level) {
      return new ServerSpec(
          name, versions, cipher, ciphersuites, groups, level, serverPreference, dhe1024);
    }

    ServerSpec withServerPreference() {
      return new ServerSpec(
          name, versions, cipher, ciphersuites, groups, securityLevel, true, dhe1024);
    }

    ServerSpec withDhe1024() {
      return new ServerSpec(
          name, versions, cipher, ciphersuites, groups, securityLevel, serverPreference, true);
    }

    /** The cipher list exactly as the server gets it, security level included. */
    String effectiveCipherList() {
      String list = cipher == null ? "DEFAULT" : cipher;
      return securityLevel == null ? list : list + ":@SECLEVEL=" + securityLevel;
    }

    private OpenSslServer start(String host, TestPki.Issued leaf, TestPki.Issued intermediate) {
      OpenSslServer.Builder builder = OpenSslServer.builder(leaf, intermediate).host(host);
      if (versions.size() == 1) {
        builder.only(versions.iterator().next());
      } else {
        for (ProtocolVersion version :
            EnumSet.range(ProtocolVersion.TLSv1_0, ProtocolVersion.TLSv1_3)) {
          if (!versions.contains(version)) {
            builder.without(version);
          }
        }
      }
      if (cipher != null) {
        builder.cipher(cipher);
      }
      if (securityLevel != null) {
        builder.securityLevel(securityLevel);
      }
      if (ciphersuites != null) {
        builder.ciphersuites(ciphersuites);
      }
      if (groups != null) {
        builder.groups(groups);
      }
      if (dhe1024) {
        builder.dhParameters(OAKLEY_GROUP_2, BigInteger.TWO);
      }
      if (serverPreference) {
        builder.arguments("-serverpref");
      }
      return builder.start();
    }
  }
}
