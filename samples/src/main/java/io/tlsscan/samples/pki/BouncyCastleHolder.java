package io.tlsscan.samples.pki;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** One Bouncy Castle provider instance, not registered globally. */
final class BouncyCastleHolder {
  static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

  private BouncyCastleHolder() {}
}
