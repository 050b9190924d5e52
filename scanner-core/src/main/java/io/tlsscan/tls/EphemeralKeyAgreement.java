package io.tlsscan.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * One side of an ECDHE exchange over x25519 (RFC 7748), secp256r1 or secp384r1 (uncompressed
 * points, RFC 8422 section 5.4.1): a fresh key pair, its public value as sent on the wire, and the
 * shared secret with the peer's public value.
 */
final class EphemeralKeyAgreement {
  private final NamedGroup group;
  private final byte[] x25519Private;
  private final KeyPair pair;
  private final byte[] publicValue;

  private EphemeralKeyAgreement(
      NamedGroup group, byte[] x25519Private, KeyPair pair, byte[] publicValue) {
    this.group = group;
    this.x25519Private = x25519Private;
    this.pair = pair;
    this.publicValue = publicValue;
  }

  /** Whether {@code group} is one this class can agree on. */
  static boolean supports(NamedGroup group) {
    return group == NamedGroup.X25519
        || group == NamedGroup.SECP256R1
        || group == NamedGroup.SECP384R1;
  }

  /**
   * The length of a coordinate of {@code group}'s points: half its uncompressed point's, less 1.
   */
  private static int coordinate(NamedGroup group) {
    return (group.keyShareLength() - 1) / 2;
  }

  /** A fresh key pair on {@code group}, which {@link #supports} must accept. */
  static EphemeralKeyAgreement generate(NamedGroup group, SecureRandom random) {
    try {
      if (group == NamedGroup.X25519) {
        byte[] secret = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, secret);
        byte[] point = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(secret, 0, point, 0);
        return new EphemeralKeyAgreement(group, secret, null, point);
      }
      if (!supports(group)) {
        throw new IllegalArgumentException("no key agreement over " + group.ianaName());
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(group.ianaName()), random);
      KeyPair pair = generator.generateKeyPair();
      ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
      int size = coordinate(group);
      byte[] point = new byte[1 + 2 * size];
      point[0] = 4;
      fixed(w.getAffineX(), point, 1, size);
      fixed(w.getAffineY(), point, 1 + size, size);
      return new EphemeralKeyAgreement(group, null, pair, point);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a key on " + group.ianaName(), e);
    }
  }

  /** The public value to send (ClientKeyExchange's ecdh_Yc). */
  byte[] publicValue() {
    return publicValue.clone();
  }

  /**
   * The shared secret with the peer's public value.
   *
   * @throws MalformedMessageException when the peer's value is not a valid point
   */
  byte[] agree(byte[] peer) throws MalformedMessageException {
    if (group == NamedGroup.X25519) {
      byte[] shared = new byte[X25519.POINT_SIZE];
      if (peer.length != X25519.POINT_SIZE
          || !X25519.calculateAgreement(x25519Private, 0, peer, 0, shared, 0)) {
        throw new MalformedMessageException("the server's x25519 public value is not usable");
      }
      return shared;
    }
    int size = coordinate(group);
    if (peer.length != 1 + 2 * size || peer[0] != 4) {
      throw new MalformedMessageException(
          "the server's " + group.ianaName() + " point is not uncompressed");
    }
    try {
      ECPublicKey ours = (ECPublicKey) pair.getPublic();
      ECPoint point =
          new ECPoint(
              new BigInteger(1, Arrays.copyOfRange(peer, 1, 1 + size)),
              new BigInteger(1, Arrays.copyOfRange(peer, 1 + size, peer.length)));
      KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
      agreement.init(pair.getPrivate());
      agreement.doPhase(
          KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, ours.getParams())),
          true);
      return agreement.generateSecret();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new MalformedMessageException(
          "the server's " + group.ianaName() + " point: " + e.getMessage());
    }
  }

  private static void fixed(BigInteger value, byte[] out, int offset, int size) {
    byte[] magnitude = value.toByteArray();
    int length = Math.min(magnitude.length, size);
    System.arraycopy(magnitude, magnitude.length - length, out, offset + size - length, length);
  }
}
