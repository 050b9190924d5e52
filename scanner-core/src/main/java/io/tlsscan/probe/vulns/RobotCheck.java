package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.Conversation;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.KeyExchange;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerFlight;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.TlsRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code robot}: the Bleichenbacher-oracle test of the ROBOT paper (Böck, Somorovsky, Young, 2017).
 * For the newest version below TLS 1.3 with RSA key-exchange suites, one connection per {@link
 * Malformation}: a hello offering only those suites, then a ClientKeyExchange encrypted to the
 * server's certificate key, a ChangeCipherSpec and a Finished of random bytes. A server whose
 * reaction (the alert it sends, or how the connection ends) differs between the messages tells a
 * correctly padded secret from a broken one: {@code true}. A round that finds the same reaction to
 * every message is {@code false}; one that finds differences is made again, and a server that
 * reacts differently to the same message in the two rounds is undecided. No RSA key exchange:
 * {@code false} without a connection. Five connections, ten when the first round finds differences,
 * at most {@code parallelism} at a time.
 */
final class RobotCheck {
  static final Set<Weakness> CHECKS = Set.of(Weakness.ROBOT);

  private static final int ROUNDS = 2;
  private static final int SECRET = 48;
  private static final int HANDSHAKE = 22;
  private static final int CLIENT_KEY_EXCHANGE = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The encrypted premaster secrets sent, as in the ROBOT paper. */
  enum Malformation {
    /** Correct PKCS#1 v1.5 padding and premaster version. */
    VALID,
    /** 0x41 0x17 instead of 0x00 0x02. */
    WRONG_FIRST_BYTES,
    /** The 0x00 separator ten bytes early, so the secret is 58 bytes long. */
    ZERO_TOO_EARLY,
    /** No 0x00 separator at all. */
    NO_ZERO,
    /** Correct padding, premaster version 0x0202. */
    WRONG_VERSION
  }

  private final RawHelloClient client;
  private final Duration listen;

  RobotCheck(RawHelloClient client, Duration listen) {
    this.client = requireNonNull(client, "client");
    this.listen = requireNonNull(listen, "listen");
  }

  Mono<Map<Weakness, WeaknessVerdict>> run(
      ProbeTarget target, ProtocolsResult protocols, CipherSupport ciphers) {
    Optional<LegacyOffer> rsa = rsaOffer(protocols, ciphers);
    if (rsa.isEmpty()) {
      return Mono.just(Map.of(Weakness.ROBOT, WeaknessVerdict.of(false)));
    }
    LegacyOffer offer = rsa.get();
    return Refusals.orUndecided(
        round(target, offer)
            .flatMap(
                first ->
                    firstRoundVerdict(first)
                        .map(Mono::just)
                        .orElseGet(
                            () ->
                                round(target, offer)
                                    .map(
                                        second -> {
                                          List<Reaction> both = new ArrayList<>(first);
                                          both.addAll(second);
                                          return judge(both);
                                        })))
            .map(verdict -> Map.of(Weakness.ROBOT, verdict)),
        CHECKS);
  }

  /** One connection per malformation, the reactions in {@link Malformation} order. */
  private Mono<List<Reaction>> round(ProbeTarget target, LegacyOffer offer) {
    List<Mono<Reaction>> tries = new ArrayList<>();
    for (Malformation malformation : Malformation.values()) {
      tries.add(attempt(target, offer, malformation));
    }
    return Flux.mergeSequential(tries, target.parallelism(), 1).collectList();
  }

  /**
   * The verdict of a first round that needs no second: undecided when a message went unanswered,
   * {@code false} when every message met the same reaction (there is no oracle to confirm).
   */
  static Optional<WeaknessVerdict> firstRoundVerdict(List<Reaction> reactions) {
    for (Reaction reaction : reactions) {
      if (!reaction.answered()) {
        return Optional.of(WeaknessVerdict.inconclusive(reaction.what()));
      }
    }
    return Set.copyOf(reactions).size() == 1
        ? Optional.of(WeaknessVerdict.of(false))
        : Optional.empty();
  }

  /** The newest version below TLS 1.3 where RSA key-exchange suites (not export) are accepted. */
  private static Optional<LegacyOffer> rsaOffer(ProtocolsResult protocols, CipherSupport ciphers) {
    List<ProtocolVersion> accepted = protocols.acceptedVersions();
    for (int i = accepted.size() - 1; i >= 0; i--) {
      ProtocolVersion version = accepted.get(i);
      if (version == ProtocolVersion.TLSv1_3 || version == ProtocolVersion.SSLv2) {
        continue;
      }
      List<CipherSuite> rsa = new ArrayList<>();
      for (CipherInfo info : ciphers.byVersion().getOrDefault(version.reportName(), List.of())) {
        CipherSuite.byName(info.name())
            .filter(s -> s.keyExchange() == KeyExchange.RSA && !s.export())
            .ifPresent(rsa::add);
      }
      if (!rsa.isEmpty()) {
        return Optional.of(new LegacyOffer(version, rsa));
      }
    }
    return Optional.empty();
  }

  /**
   * What the server did after one malformed key exchange.
   *
   * @param answered whether the key exchange was sent and answered (else {@code what} says why not)
   * @param what the alert and how the connection ended
   */
  record Reaction(boolean answered, String what) {}

  private Mono<Reaction> attempt(ProbeTarget target, LegacyOffer offer, Malformation malformation) {
    var hello = Hellos.builder(offer.version(), target.serverName()).cipherSuites(offer.suites());
    return client
        .converse(
            target,
            hello.build(),
            answer -> keyExchange(answer, offer.version(), malformation),
            listen)
        .map(RobotCheck::reaction);
  }

  private static Reaction reaction(Conversation conversation) {
    if (!(conversation.answer() instanceof ServerResponse.ServerHello)) {
      return new Reaction(false, "no ServerHello to an RSA-only hello: " + conversation.answer());
    }
    if (conversation.replies().isEmpty()) {
      return new Reaction(false, "no RSA certificate key to encrypt to");
    }
    Conversation.Reply reply = conversation.replies().get(0);
    return new Reaction(true, "alert " + reply.firstAlert() + ", " + reply.end());
  }

  /**
   * The verdict of two rounds: the same reactions in both, and different ones between messages,
   * mean an oracle.
   */
  static WeaknessVerdict judge(List<Reaction> reactions) {
    int perRound = Malformation.values().length;
    for (Reaction reaction : reactions) {
      if (!reaction.answered()) {
        return WeaknessVerdict.inconclusive(reaction.what());
      }
    }
    for (int i = 0; i < perRound; i++) {
      for (int round = 1; round < ROUNDS; round++) {
        if (!reactions.get(i).equals(reactions.get(round * perRound + i))) {
          return WeaknessVerdict.inconclusive(
              "the server reacted differently to the same "
                  + Malformation.values()[i]
                  + " key exchange: "
                  + reactions.get(i).what()
                  + " / "
                  + reactions.get(round * perRound + i).what());
        }
      }
    }
    return WeaknessVerdict.of(Set.copyOf(reactions.subList(0, perRound)).size() > 1);
  }

  /** ClientKeyExchange, ChangeCipherSpec and a random Finished, or nothing without an RSA key. */
  private static List<byte[]> keyExchange(
      ServerResponse.ServerHello answer, ProtocolVersion version, Malformation malformation) {
    Optional<RSAPublicKey> key = answer.flight().flatMap(RobotCheck::rsaKey);
    if (key.isEmpty()) {
      return List.of();
    }
    byte[] encrypted = encrypt(key.get(), padded(key.get(), version, malformation));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (version != ProtocolVersion.SSLv3) {
      body.write(encrypted.length >> 8);
      body.write(encrypted.length);
    }
    body.writeBytes(encrypted);
    byte[] message = TlsRecord.handshakeMessage(CLIENT_KEY_EXCHANGE, body.toByteArray());
    byte[] finished = new byte[64];
    RANDOM.nextBytes(finished);
    ByteArrayOutputStream records = new ByteArrayOutputStream();
    records.writeBytes(TlsRecord.encode(HANDSHAKE, version.wireCode(), message));
    records.writeBytes(
        TlsRecord.encode(TlsRecord.CHANGE_CIPHER_SPEC, version.wireCode(), new byte[] {1}));
    records.writeBytes(TlsRecord.encode(HANDSHAKE, version.wireCode(), finished));
    return List.of(records.toByteArray());
  }

  private static Optional<RSAPublicKey> rsaKey(ServerFlight flight) {
    if (flight.certificates().isEmpty()) {
      return Optional.empty();
    }
    try {
      X509Certificate leaf =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(flight.certificates().get(0)));
      return leaf.getPublicKey() instanceof RSAPublicKey rsa ? Optional.of(rsa) : Optional.empty();
    } catch (CertificateException e) {
      return Optional.empty();
    }
  }

  /** The PKCS#1 v1.5 block of the modulus' length, malformed as asked. */
  static byte[] padded(RSAPublicKey key, ProtocolVersion version, Malformation malformation) {
    int length = (key.getModulus().bitLength() + 7) / 8;
    byte[] block = new byte[length];
    block[0] = 0;
    block[1] = 2;
    int separator = length - SECRET - 1;
    for (int i = 2; i < separator; i++) {
      block[i] = (byte) (1 + RANDOM.nextInt(255));
    }
    block[separator] = 0;
    block[separator + 1] = (byte) (version.wireCode() >> 8);
    block[separator + 2] = (byte) version.wireCode();
    byte[] secret = new byte[SECRET - 2];
    RANDOM.nextBytes(secret);
    System.arraycopy(secret, 0, block, separator + 3, secret.length);
    switch (malformation) {
      case VALID -> {}
      case WRONG_FIRST_BYTES -> {
        block[0] = 0x41;
        block[1] = 0x17;
      }
      case ZERO_TOO_EARLY -> {
        block[separator] = 0x11;
        block[separator - 10] = 0;
      }
      case NO_ZERO -> block[separator] = 0x11;
      case WRONG_VERSION -> {
        block[separator + 1] = 2;
        block[separator + 2] = 2;
      }
    }
    return block;
  }

  private static byte[] encrypt(RSAPublicKey key, byte[] block) {
    int length = block.length;
    byte[] raw =
        new BigInteger(1, block).modPow(key.getPublicExponent(), key.getModulus()).toByteArray();
    byte[] fixed = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, fixed, length - copy, copy);
    return fixed;
  }
}
