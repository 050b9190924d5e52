package io.tlsscan.probe.raw;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.ServerResponseDecoder;
import io.tlsscan.tls.TlsRecord;
import io.tlsscan.tls.TlsRecordDecoder;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.MonoSink;

/**
 * Sends the hello, waits for the {@link ServerResponseDecoder}'s answer, and when it is a
 * ServerHello swaps the decoder for a {@link TlsRecordDecoder} and writes the follow-ups one by
 * one, each time listening for {@code listen} or until the server closes. Like {@link
 * ServerResponseHandler}, a close before the answer and silence for {@code answerTimeout} after the
 * hello fail the exchange. One instance per channel.
 */
final class ConversationHandler extends HelloHandler {
  /** Most bytes read after the answer. */
  static final int MAX_REPLY_BYTES = 64 * 1024;

  private final MonoSink<Conversation> sink;
  private final Function<ServerResponse.ServerHello, List<byte[]>> makeFollowUps;
  private List<byte[]> followUps = List.of();
  private final Duration listen;
  private final List<Conversation.Reply> replies = new ArrayList<>();
  private final List<TlsRecord> current = new ArrayList<>();
  private ServerResponse answer;
  private boolean done;

  ConversationHandler(
      MonoSink<Conversation> sink,
      ClientHello hello,
      Function<ServerResponse.ServerHello, List<byte[]>> followUps,
      Duration answerTimeout,
      Duration listen) {
    super(hello, answerTimeout);
    this.sink = sink;
    this.makeFollowUps = followUps;
    this.listen = listen;
  }

  @Override
  void onSilence(ChannelHandlerContext ctx, NoAnswerException silence) {
    fail(ctx, silence);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (done) {
      ReferenceCountUtil.release(msg);
    } else if (msg instanceof ServerResponse response && answer == null) {
      cancelTimer();
      answer = response;
      if (response instanceof ServerResponse.ServerHello serverHello) {
        followUps = List.copyOf(makeFollowUps.apply(serverHello));
      }
      if (followUps.isEmpty()) {
        finish(ctx);
        return;
      }
      ctx.pipeline()
          .replace(ServerResponseDecoder.class, null, new TlsRecordDecoder(MAX_REPLY_BYTES));
      next(ctx);
    } else if (msg instanceof TlsRecord record) {
      current.add(record);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  /** Writes the next follow-up and listens, or ends when all are answered. */
  private void next(ChannelHandlerContext ctx) {
    if (replies.size() == followUps.size()) {
      finish(ctx);
      return;
    }
    current.clear();
    ctx.writeAndFlush(Unpooled.wrappedBuffer(followUps.get(replies.size())));
    startTimer(
        ctx,
        listen,
        () -> {
          endReply(Conversation.End.QUIET);
          next(ctx);
        });
  }

  private void endReply(Conversation.End end) {
    replies.add(new Conversation.Reply(current, end));
    current.clear();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (answer != null && !done) {
      cancelTimer();
      endReply(Conversation.End.MALFORMED);
      finish(ctx);
      return;
    }
    fail(ctx, cause);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (answer != null && !done) {
      cancelTimer();
      endReply(Conversation.End.CLOSED);
      finish(ctx);
    } else {
      fail(ctx, new ClosedChannelException());
    }
    ctx.fireChannelInactive();
  }

  private void finish(ChannelHandlerContext ctx) {
    if (!done) {
      done = true;
      sink.success(new Conversation(answer, replies));
    }
    ctx.close();
  }

  private void fail(ChannelHandlerContext ctx, Throwable cause) {
    if (!done) {
      done = true;
      cancelTimer();
      sink.error(cause);
    }
    ctx.close();
  }
}
