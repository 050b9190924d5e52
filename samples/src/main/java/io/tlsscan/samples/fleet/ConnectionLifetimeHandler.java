package io.tlsscan.samples.fleet;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection once it has been open for a fixed time, so no demo connection lives forever.
 */
public final class ConnectionLifetimeHandler extends ChannelInboundHandlerAdapter {
  private final Duration lifetime;
  private ScheduledFuture<?> closing;

  public ConnectionLifetimeHandler(Duration lifetime) {
    this.lifetime = lifetime;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    closing =
        ctx.executor().schedule(() -> ctx.close(), lifetime.toMillis(), TimeUnit.MILLISECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (closing != null) {
      closing.cancel(false);
    }
    ctx.fireChannelInactive();
  }
}
