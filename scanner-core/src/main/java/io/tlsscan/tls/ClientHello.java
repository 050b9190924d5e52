package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;

/**
 * A ClientHello ready to be written, with what it offered, so that a probe can judge the answer.
 *
 * @param version the highest (and for TLS 1.3 the only) version offered
 * @param cipherSuites the suites offered, in order (empty for SSLv2)
 * @param sslv2CipherSpecs the SSLv2 cipher specs offered (empty unless {@code version} is SSLv2)
 * @param groups the supported_groups offered
 * @param keyShares the groups a TLS 1.3 key share was sent for
 * @param bytes the whole record(s) to write
 */
public record ClientHello(
    ProtocolVersion version,
    List<CipherSuite> cipherSuites,
    List<Sslv2CipherSpec> sslv2CipherSpecs,
    List<NamedGroup> groups,
    List<NamedGroup> keyShares,
    byte[] bytes) {
  public ClientHello {
    requireNonNull(version, "version");
    cipherSuites = List.copyOf(cipherSuites);
    sslv2CipherSpecs = List.copyOf(sslv2CipherSpecs);
    groups = List.copyOf(groups);
    keyShares = List.copyOf(keyShares);
    bytes = bytes.clone();
  }

  /** A copy of the bytes to write. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The bytes as a new read-only buffer over this hello's own array (which nothing writes), for
   * {@code channel.writeAndFlush}.
   */
  public ByteBuf toByteBuf() {
    return Unpooled.wrappedBuffer(bytes).asReadOnly();
  }

  /**
   * This hello as one DTLS record (RFC 6347 §4.1, §4.2.2): {@code version}'s wire code as the
   * client version, {@code cookie} after the session id, a 13-byte record header (epoch 0, sequence
   * number {@code messageSeq}; see {@link DtlsRecords#withSequence} for retransmissions) and a
   * 12-byte handshake header (one unfragmented message). The random and everything else stay as
   * they are, so the hello sent again with the server's cookie repeats the first one, as RFC 6347
   * §4.2.1 requires.
   *
   * @param messageSeq 0 for the first hello, 1 for the one with the cookie
   * @throws IllegalArgumentException when this hello is not for {@code version.tls()}, or the
   *     cookie is longer than 255 bytes
   */
  public byte[] datagram(DtlsVersion version, byte[] cookie, int messageSeq) {
    if (version.tls() != this.version) {
      throw new IllegalArgumentException(
          version + " carries " + version.tls() + ", not " + this.version);
    }
    return DtlsRecords.clientHello(bytes, version, cookie, messageSeq);
  }

  /** The number of bytes on the wire. */
  public int length() {
    return bytes.length;
  }
}
