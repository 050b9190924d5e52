package io.tlsscan.tls;

import static io.tlsscan.tls.MalformedMessageException.require;

import io.netty.buffer.ByteBuf;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Parses Certificate and ServerKeyExchange bodies of TLS 1.2 and older (RFC 5246 §7.4.2-3). */
final class ServerFlightParser {
  private static final int CURVE_TYPE_EXPLICIT_PRIME = 1;
  private static final int CURVE_TYPE_EXPLICIT_CHAR2 = 2;
  private static final int CURVE_TYPE_NAMED = 3;

  private ServerFlightParser() {}

  /**
   * Adds up to {@code maxCertificates} DER certificates of a Certificate message to {@code out}.
   */
  static void certificates(ByteBuf body, int maxCertificates, List<byte[]> out)
      throws MalformedMessageException {
    require(body, 3, "certificate list length");
    int listLength = body.readUnsignedMedium();
    require(body, listLength, "certificate list");
    ByteBuf list = body.readSlice(listLength);
    while (list.isReadable()) {
      require(list, 3, "certificate length");
      int length = list.readUnsignedMedium();
      require(list, length, "certificate");
      if (out.size() < maxCertificates) {
        byte[] der = new byte[length];
        list.readBytes(der);
        out.add(der);
      } else {
        list.skipBytes(length);
      }
    }
  }

  /** The parameters of a ServerKeyExchange for a suite with this key exchange, when understood. */
  static Optional<KeyExchangeParameters> keyExchange(ByteBuf body, CipherSuite suite)
      throws MalformedMessageException {
    KeyExchange kx = suite.keyExchange();
    if (kx == KeyExchange.DHE_PSK || kx == KeyExchange.ECDHE_PSK) {
      skipVector(body, "psk identity hint");
    }
    return switch (kx) {
      case DHE, DHE_PSK -> {
        byte[] prime = vector(body, "dh_p");
        byte[] generator = vector(body, "dh_g");
        yield Optional.of(
            new KeyExchangeParameters.DiffieHellman(
                new BigInteger(1, prime).bitLength(), Rfc7919Groups.of(prime, generator)));
      }
      case ECDHE, ECDHE_PSK -> {
        require(body, 1, "curve type");
        int curveType = body.readUnsignedByte();
        if (curveType == CURVE_TYPE_NAMED) {
          require(body, 2, "named curve");
          yield Optional.of(new KeyExchangeParameters.NamedCurve(body.readUnsignedShort()));
        }
        if (curveType == CURVE_TYPE_EXPLICIT_PRIME || curveType == CURVE_TYPE_EXPLICIT_CHAR2) {
          yield Optional.of(new KeyExchangeParameters.ExplicitCurve());
        }
        throw new MalformedMessageException("unknown curve type " + curveType);
      }
      case RSA -> {
        require(body, 2, "rsa_modulus length");
        int length = body.readUnsignedShort();
        require(body, length, "rsa_modulus");
        yield Optional.of(new KeyExchangeParameters.RsaKey(bitLength(body, length)));
      }
      default -> Optional.empty();
    };
  }

  /**
   * The signature algorithm a TLS 1.2 ServerKeyExchange names after its parameters, for ECDHE over
   * a named curve and DHE with a signing certificate; empty otherwise.
   */
  static OptionalInt signatureScheme(ByteBuf body, CipherSuite suite)
      throws MalformedMessageException {
    if (suite.authentication() == Authentication.ANON) {
      return OptionalInt.empty();
    }
    switch (suite.keyExchange()) {
      case ECDHE -> {
        require(body, 1, "curve type");
        if (body.readUnsignedByte() != CURVE_TYPE_NAMED) {
          return OptionalInt.empty();
        }
        require(body, 3, "named curve and point length");
        body.skipBytes(2);
        int length = body.readUnsignedByte();
        require(body, length, "point");
        body.skipBytes(length);
      }
      case DHE -> {
        skipVector(body, "dh_p");
        skipVector(body, "dh_g");
        skipVector(body, "dh_Ys");
      }
      default -> {
        return OptionalInt.empty();
      }
    }
    require(body, 2, "signature algorithm");
    return OptionalInt.of(body.readUnsignedShort());
  }

  private static byte[] vector(ByteBuf body, String field) throws MalformedMessageException {
    require(body, 2, field + " length");
    byte[] value = new byte[body.readUnsignedShort()];
    require(body, value.length, field);
    body.readBytes(value);
    return value;
  }

  private static void skipVector(ByteBuf body, String field) throws MalformedMessageException {
    require(body, 2, field + " length");
    int length = body.readUnsignedShort();
    require(body, length, field);
    body.skipBytes(length);
  }

  private static int bitLength(ByteBuf body, int length) {
    byte[] magnitude = new byte[length];
    body.readBytes(magnitude);
    return new BigInteger(1, magnitude).bitLength();
  }
}
