package io.tlsscan.tls;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * A handshake of our own that reads the server's bytes record by record ({@link ServerStream})
 * until it has its outcome. A server that sends more than {@link
 * Tls12FullHandshake#MAX_INBOUND_BYTES} at once, a record longer than the protocol allows, or a
 * message cut short, fails the conversation with the reason.
 *
 * @param <T> the outcome
 */
abstract class RecordConversation<T> implements ClientConversation<T> {
  private final ServerStream inbound;
  private T outcome;

  /**
   * @param maxRecord the longest record fragment the protocol allows
   */
  RecordConversation(int maxRecord) {
    this.inbound = new ServerStream(Tls12FullHandshake.MAX_INBOUND_BYTES, maxRecord);
  }

  @Override
  public final byte[] receive(ByteBuf data) {
    if (outcome().isPresent()) {
      return new byte[0];
    }
    if (!inbound.append(data)) {
      fail("server sent more than " + Tls12FullHandshake.MAX_INBOUND_BYTES + " bytes");
      return new byte[0];
    }
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    try {
      Optional<ServerStream.Record> record;
      while (outcome().isEmpty() && (record = inbound.nextRecord()).isPresent()) {
        onRecord(record.get(), reply);
      }
    } catch (IndexOutOfBoundsException e) {
      fail("a message from the server is cut short");
    } catch (MalformedMessageException e) {
      fail(e.getMessage());
    }
    return reply.toByteArray();
  }

  @Override
  public final Optional<T> outcome() {
    return Optional.ofNullable(outcome);
  }

  /** The outcome, or what the close means at this point when there is none yet. */
  @Override
  public final T closed() {
    return outcome().orElseGet(this::closedBeforeOutcome);
  }

  /** Silence is no answer once there is an outcome; before, see {@link #silentBeforeOutcome}. */
  @Override
  public final Optional<T> silent() {
    return outcome().isPresent() ? Optional.empty() : silentBeforeOutcome();
  }

  @Override
  public final void release() {
    inbound.release();
  }

  /** Ends the conversation with {@code result}; nothing the server sends after is read. */
  final void finish(T result) {
    outcome = result;
  }

  /** What the server's close means before the conversation has its outcome. */
  abstract T closedBeforeOutcome();

  /** What the server's silence means before the conversation has its outcome, if anything. */
  abstract Optional<T> silentBeforeOutcome();

  /** Reads one record, writing what to send back to {@code reply}. */
  abstract void onRecord(ServerStream.Record record, ByteArrayOutputStream reply)
      throws MalformedMessageException;

  /** Ends the conversation as failed for {@code reason}. */
  abstract void fail(String reason);

  /** Passes each whole handshake message in {@code contents} and before to {@code reader}. */
  final void onHandshakeContents(byte[] contents, MessageReader reader)
      throws MalformedMessageException {
    inbound.appendHandshake(contents);
    Optional<byte[]> message;
    while (outcome().isEmpty() && (message = inbound.nextMessage()).isPresent()) {
      reader.read(message.get());
    }
  }

  /** Reads one handshake message: type, length and body. */
  @FunctionalInterface
  interface MessageReader {
    void read(byte[] message) throws MalformedMessageException;
  }
}
