package io.tlsscan.probe.raw;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ServerResponse;
import java.nio.channels.ClosedChannelException;
import reactor.core.publisher.MonoSink;

/**
 * Sends the hello once the connection is up and hands the decoder's one {@link ServerResponse} to
 * the probe. Errors and a close before any answer fail the probe. One instance per channel.
 */
final class ServerResponseHandler extends ChannelInboundHandlerAdapter {
  private final MonoSink<ServerResponse> sink;
  private final ClientHello hello;
  private boolean done;

  ServerResponseHandler(MonoSink<ServerResponse> sink, ClientHello hello) {
    this.sink = sink;
    this.hello = hello;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(hello.toByteBuf());
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ServerResponse response) {
      if (!done) {
        done = true;
        sink.success(response);
      }
      ctx.close();
      return;
    }
    ReferenceCountUtil.release(msg);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!done) {
      done = true;
      sink.error(cause);
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!done) {
      done = true;
      sink.error(new ClosedChannelException());
    }
    ctx.fireChannelInactive();
  }
}
