package io.tlsscan.net;

import java.io.IOException;

/**
 * The server answered a probe's request with something the probe's protocol does not allow, or
 * with more than the probe reads (headers over its cap); the message says which.
 */
public final class BadResponseException extends IOException {
  public BadResponseException(String message) {
    super(message);
  }
}
