package io.tlsscan.cert;

/** Trust anchors could not be loaded; the message names the file and what was wrong with it. */
public final class TrustAnchorsException extends Exception {
  public TrustAnchorsException(String message) {
    super(message);
  }

  public TrustAnchorsException(String message, Throwable cause) {
    super(message, cause);
  }
}
