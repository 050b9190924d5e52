package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

/**
 * One ClientHello extension as it goes on the wire: its type and its encoded data, for a hello
 * whose extensions are laid out by the caller ({@link ClientHelloBuilder#extensions}).
 *
 * @param type the extension type (IANA TLS ExtensionType Values), 0-65535
 * @param data the extension_data, at most 65535 bytes
 */
public record HelloExtension(int type, byte[] data) {
  public HelloExtension {
    if (type < 0 || type > 0xffff) {
      throw new IllegalArgumentException("extension type " + type + " is not 16 bits");
    }
    data = requireNonNull(data, "data").clone();
    if (data.length > 0xffff) {
      throw new IllegalArgumentException("extension data of " + data.length + " bytes");
    }
  }

  /** A copy of the data. */
  @Override
  public byte[] data() {
    return data.clone();
  }
}
