package io.tlsscan.target;

import java.nio.charset.StandardCharsets;

/** The 64-bit FNV-1a hash of a string's UTF-8 bytes: stable across runs, machines and JVMs. */
final class Fnv1a {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private Fnv1a() {}

  static long hash64(String text) {
    long hash = OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= PRIME;
    }
    return hash;
  }
}
