package io.tlsscan.tls;

/**
 * Thrown inside the parsers of this package when a message breaks its own length fields; {@link
 * ServerResponseDecoder} turns it into a {@link ServerResponse.Malformed}. Never leaves the
 * package.
 */
final class MalformedMessageException extends Exception {
  MalformedMessageException(String message) {
    super(message, null, false, false);
  }

  /** Throws unless {@code buf} has {@code length} more readable bytes for {@code field}. */
  static void require(io.netty.buffer.ByteBuf buf, int length, String field)
      throws MalformedMessageException {
    if (length < 0 || buf.readableBytes() < length) {
      throw new MalformedMessageException(
          field + " needs " + length + " bytes but only " + buf.readableBytes() + " are left");
    }
  }
}
