package io.tlsscan.net;

import java.io.IOException;

/** The server sent more bytes than one connection may read. */
public final class ReadLimitExceededException extends IOException {
  public ReadLimitExceededException(long limit) {
    super("server sent more than " + limit + " bytes on one connection");
  }
}
