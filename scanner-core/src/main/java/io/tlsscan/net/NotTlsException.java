package io.tlsscan.net;

import java.io.IOException;

/** The server answered with something that is not TLS; the message says what it was. */
public final class NotTlsException extends IOException {
  public NotTlsException(String whatWasSeen) {
    super("server answered with " + whatWasSeen + ", not TLS");
  }
}
