package io.tlsscan.samples.dns;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A DNS server on a loopback UDP port that answers A and AAAA questions for a fixed set of names
 * (authoritatively, TTL 60 s) and NXDOMAIN for any other name, so a scan of names with several
 * addresses can be tested without touching {@code /etc/hosts} or the network.
 */
public final class LoopbackDnsServer implements AutoCloseable {
  private static final int TTL_SECONDS = 60;

  private final EventLoopGroup group;
  private final Channel channel;
  private final AtomicInteger questions;

  private LoopbackDnsServer(EventLoopGroup group, Channel channel, AtomicInteger questions) {
    this.group = group;
    this.channel = channel;
    this.questions = questions;
  }

  /**
   * Starts a server on {@code 127.0.0.1} at a port the system picks.
   *
   * @param names the addresses of each name (lower case, without the final dot), in answer order
   */
  public static LoopbackDnsServer start(Map<String, List<InetAddress>> names) {
    Map<String, List<InetAddress>> zone =
        requireNonNull(names, "names").entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    entry -> entry.getKey().toLowerCase(Locale.ROOT) + ".",
                    entry -> List.copyOf(entry.getValue())));
    AtomicInteger questions = new AtomicInteger();
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("tlsscan-dns", true), NioIoHandler.newFactory());
    try {
      Channel channel =
          new Bootstrap()
              .group(group)
              .channel(NioDatagramChannel.class)
              .handler(
                  new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                      ch.pipeline()
                          .addLast(
                              new DatagramDnsQueryDecoder(),
                              new DatagramDnsResponseEncoder(),
                              new Answerer(zone, questions));
                    }
                  })
              .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .syncUninterruptibly()
              .channel();
      return new LoopbackDnsServer(group, channel, questions);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  /** Where it listens. */
  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** How many questions it has answered. */
  public int questionsAnswered() {
    return questions.get();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }

  /** Answers each query from the zone. */
  private static final class Answerer extends SimpleChannelInboundHandler<DatagramDnsQuery> {
    private final Map<String, List<InetAddress>> zone;
    private final AtomicInteger questions;

    Answerer(Map<String, List<InetAddress>> zone, AtomicInteger questions) {
      this.zone = zone;
      this.questions = questions;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
      DatagramDnsResponse response =
          new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
      response.setAuthoritativeAnswer(true).setRecursionDesired(query.isRecursionDesired());
      DnsQuestion question = query.recordAt(DnsSection.QUESTION);
      if (question == null) {
        response.setCode(DnsResponseCode.FORMERR);
      } else {
        questions.incrementAndGet();
        String name = question.name().toLowerCase(Locale.ROOT);
        response.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(name, question.type()));
        List<InetAddress> addresses = zone.get(name);
        if (addresses == null) {
          response.setCode(DnsResponseCode.NXDOMAIN);
        } else {
          for (InetAddress address : addresses) {
            if (answers(question.type(), address)) {
              response.addRecord(
                  DnsSection.ANSWER,
                  new DefaultDnsRawRecord(
                      name,
                      question.type(),
                      TTL_SECONDS,
                      Unpooled.wrappedBuffer(address.getAddress())));
            }
          }
        }
      }
      ctx.writeAndFlush(response);
    }

    private static boolean answers(DnsRecordType type, InetAddress address) {
      return (type == DnsRecordType.A && address instanceof Inet4Address)
          || (type == DnsRecordType.AAAA && address instanceof Inet6Address);
    }
  }

  @Override
  public String toString() {
    return "LoopbackDnsServer[" + address() + "]";
  }
}
