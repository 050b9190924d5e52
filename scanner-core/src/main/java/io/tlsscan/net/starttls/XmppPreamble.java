package io.tlsscan.net.starttls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.nio.charset.StandardCharsets;

/**
 * XMPP (RFC 6120 §5.4): open a stream to the target's domain, wait for the stream features, check
 * they include {@code <starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>}, send it, and start TLS
 * on {@code <proceed/>}; {@code <failure/>} or a stream error is a refusal. What the server sends
 * up to the features is at most {@link Preamble#MAX_REPLY_BYTES}.
 */
final class XmppPreamble extends Preamble {
  private static final String TLS_NAMESPACE = "urn:ietf:params:xml:ns:xmpp-tls";

  private final String domain;
  private final String namespace;
  private boolean asked;

  XmppPreamble(StarttlsProtocol protocol, String domain) {
    super(protocol);
    this.domain = domain;
    this.namespace = protocol == StarttlsProtocol.XMPP_SERVER ? "jabber:server" : "jabber:client";
  }

  @Override
  void start(ChannelHandlerContext ctx) {
    send(
        ctx,
        ("<?xml version='1.0'?><stream:stream xmlns='"
                + namespace
                + "' xmlns:stream='http://etherx.jabber.org/streams' to='"
                + domain.replace("'", "")
                + "' version='1.0'>")
            .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  void consume(ChannelHandlerContext ctx, ByteBuf in) throws StarttlsException {
    String text = in.toString(StandardCharsets.UTF_8);
    String trimmed = text.strip();
    if (!trimmed.isEmpty() && !trimmed.startsWith("<")) {
      throw notSpoken(text);
    }
    if (text.contains("<stream:error") || text.contains("<failure")) {
      throw refused(text);
    }
    if (!asked) {
      if (!text.contains("</stream:features>") && !text.contains("<stream:features/>")) {
        return;
      }
      if (!text.contains(TLS_NAMESPACE)) {
        throw notOffered("no starttls among the stream features", text);
      }
      in.skipBytes(in.readableBytes());
      asked = true;
      send(ctx, ("<starttls xmlns='" + TLS_NAMESPACE + "'/>").getBytes(StandardCharsets.UTF_8));
      return;
    }
    int proceed = text.indexOf("<proceed");
    if (proceed >= 0) {
      int end = text.indexOf('>', proceed);
      if (end < 0) {
        return;
      }
      in.skipBytes(text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length);
      startTls(ctx);
    }
  }
}
