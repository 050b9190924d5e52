package io.tlsscan.cert;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One Bouncy Castle provider instance, passed explicitly where it is used and never registered
 * globally. Its ECDSA verification is several times faster than the JDK 17 one.
 */
final class BouncyCastle {
  static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}
}
