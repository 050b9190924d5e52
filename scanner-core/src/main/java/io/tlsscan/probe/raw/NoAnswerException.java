package io.tlsscan.probe.raw;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The server said nothing, and did not close, within the answer timeout after a raw hello: what
 * servers that cannot parse a hello (an SSLv2 CLIENT-HELLO, say) and wait for more bytes do; or
 * after another probe's request, which it names.
 */
public final class NoAnswerException extends TimeoutException {
  private static final long serialVersionUID = 1L;

  public NoAnswerException(Duration waited) {
    this("ClientHello", waited);
  }

  /**
   * @param request what went unanswered, e.g. {@code HTTP request}
   */
  public NoAnswerException(String request, Duration waited) {
    super("no answer to the " + request + " within " + waited.toMillis() + " ms");
  }
}
