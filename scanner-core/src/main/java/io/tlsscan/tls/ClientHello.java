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

  /** The bytes as a new buffer, for {@code channel.writeAndFlush}. */
  public ByteBuf toByteBuf() {
    return Unpooled.wrappedBuffer(bytes.clone());
  }

  /** The number of bytes on the wire. */
  public int length() {
    return bytes.length;
  }
}
