package io.tlsscan.net;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.tlsscan.model.ErrorKind;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Maps what the network and the TLS engine throw to the report's closed set of error kinds, with a
 * message that says what happened in plain words.
 */
public final class FailureClassifier {
  /** BoringSSL reports received alerts as e.g. {@code SSLV3_ALERT_HANDSHAKE_FAILURE}. */
  private static final Pattern ALERT = Pattern.compile("(?:SSLV3|TLSV1)_ALERT_([A-Z_]+)");

  private FailureClassifier() {}

  /** Classifies {@code error}; never returns {@code null}. */
  public static Failure classify(Throwable error) {
    Throwable root = unwrap(error);
    String message = String.valueOf(root.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (root instanceof NotTlsException) {
      return new Failure(ErrorKind.NOT_TLS, message);
    }
    if (root instanceof BadResponseException) {
      return new Failure(ErrorKind.BAD_RESPONSE, message);
    }
    if (root instanceof StarttlsException) {
      return new Failure(ErrorKind.STARTTLS_FAILED, message);
    }
    if (root instanceof UnknownHostException) {
      return new Failure(ErrorKind.DNS, "DNS lookup failed: " + message);
    }
    if (root instanceof ConnectTimeoutException) {
      return new Failure(ErrorKind.TIMEOUT, "connect timed out: " + stripNettyPrefix(message));
    }
    if (root instanceof SslHandshakeTimeoutException || root instanceof TimeoutException) {
      return new Failure(ErrorKind.TIMEOUT, message);
    }
    if (root instanceof ReadLimitExceededException) {
      return new Failure(ErrorKind.HANDSHAKE_FAILED, message);
    }
    if (root instanceof DatagramRefusedException) {
      return new Failure(ErrorKind.REFUSED, "connection refused: " + message);
    }
    if (root instanceof NoRouteToHostException
        || root instanceof PortUnreachableException
        || lower.contains("no route to host")
        || lower.contains("network is unreachable")
        || lower.contains("host is unreachable")
        || lower.contains("cannot assign requested address")) {
      return new Failure(ErrorKind.UNREACHABLE, "unreachable: " + stripNettyPrefix(message));
    }
    if (lower.contains("connection refused")) {
      return new Failure(ErrorKind.REFUSED, "connection refused: " + stripNettyPrefix(message));
    }
    if (lower.contains("connection reset")) {
      return new Failure(ErrorKind.RESET, "connection reset by the server");
    }
    if (root instanceof SSLException) {
      Matcher alert = ALERT.matcher(message);
      if (alert.find()) {
        String name = alert.group(1).toLowerCase(Locale.ROOT);
        return new Failure(ErrorKind.TLS_ALERT, "server sent fatal alert " + name);
      }
      if (lower.contains("closed") || lower.contains("eof")) {
        return new Failure(ErrorKind.RESET, "server closed the connection during the handshake");
      }
      return new Failure(ErrorKind.HANDSHAKE_FAILED, "handshake failed: " + openSslReason(message));
    }
    if (root instanceof ClosedChannelException
        || root instanceof NotYetConnectedException
        || lower.contains("broken pipe")) {
      return new Failure(ErrorKind.RESET, "server closed the connection");
    }
    if (root instanceof ConnectException) {
      return new Failure(ErrorKind.UNREACHABLE, stripNettyPrefix(message));
    }
    return new Failure(
        ErrorKind.HANDSHAKE_FAILED, root.getClass().getSimpleName() + ": " + message);
  }

  /**
   * The most telling exception of the cause chain: one of our own markers or a TLS alert when
   * present anywhere in it, else the first that is not a mere wrapper (decoder, executor).
   */
  private static Throwable unwrap(Throwable error) {
    Throwable first = null;
    Throwable current = error;
    for (int depth = 0; depth < 8 && current != null; depth++) {
      boolean wrapper =
          current instanceof io.netty.handler.codec.DecoderException
              || current instanceof java.util.concurrent.ExecutionException;
      if (!wrapper) {
        if (current instanceof NotTlsException
            || current instanceof BadResponseException
            || current instanceof StarttlsException
            || current instanceof ReadLimitExceededException
            || ALERT.matcher(String.valueOf(current.getMessage())).find()) {
          return current;
        }
        if (first == null) {
          first = current;
        }
      }
      current = current.getCause();
    }
    return first != null ? first : error;
  }

  /** Netty prefixes native errors with the syscall, e.g. {@code connect(..) failed: }. */
  private static String stripNettyPrefix(String message) {
    return message.replaceFirst("^[a-zA-Z]+\\(\\.\\.\\) failed: ", "");
  }

  /** BoringSSL's {@code error:1000009a:SSL routines:OPENSSL_internal:NO_CIPHERS_AVAILABLE}. */
  private static String openSslReason(String message) {
    int colon = message.lastIndexOf(':');
    if (message.startsWith("error:") && colon > 0 && colon < message.length() - 1) {
      return message.substring(colon + 1).toLowerCase(Locale.ROOT);
    }
    return message;
  }
}
