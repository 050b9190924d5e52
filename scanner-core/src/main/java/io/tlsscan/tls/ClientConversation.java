package io.tlsscan.tls;

import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * The client side of a handshake carried on by hand over several flights, transport-free: it
 * gives the hello, takes the server's bytes and gives what to send back, until it has an outcome.
 *
 * @param <T> the outcome
 */
public interface ClientConversation<T> {
  /** The hello to send first. */
  ClientHello hello();

  /**
   * Takes the server's next bytes (without consuming {@code data}'s reader index) and returns the
   * bytes to send now, possibly none.
   */
  byte[] receive(ByteBuf data);

  /** The outcome, once there is one. */
  Optional<T> outcome();

  /** The outcome when the server closes the connection now. */
  T closed();

  /** The outcome when the server stays silent now, if silence is an answer at this point. */
  Optional<T> silent();

  /** Releases buffers; called once the conversation is over. */
  void release();
}
