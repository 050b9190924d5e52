package io.tlsscan.tls;

import java.util.Locale;

/** How much a cipher suite can be trusted, as reported in {@code ciphers[].strength}. */
public enum CipherStrength {
  /**
   * Broken or without protection: NULL, anonymous, EXPORT, RC4, DES, 3DES and other 64-bit block
   * ciphers, MD5.
   */
  INSECURE,
  /** Usable but dated: CBC with SHA-1, no forward secrecy, or finite-field DHE. */
  WEAK,
  /** Everything else: forward-secret AEAD or CBC with SHA-2. */
  STRONG;

  /** The lower-case name used in the report, e.g. {@code strong}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
