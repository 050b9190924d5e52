package io.tlsscan.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tlsscan.tls.ServerResponseDecoder.Scope;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Whatever a server sends, cut into whatever reads, the raw-probe decoder gives one answer, keeps
 * its buffer under the scope's cap, throws nothing out of the channel and releases every buffer.
 *
 * <p>Input layout ({@link FuzzedDataProvider}: numbers come from the end, bytes from the front):
 * the scope, whether the decoder is removed instead of the connection closed, then per read a
 * repeat count and a length followed by that many server bytes. Repeating a read lets a small input
 * reach the byte and record caps.
 */
class ServerResponseDecoderFuzzTest {
  private static final int MAX_READ = 1024;
  private static final int MAX_REPEAT = 512;
  private static final int MAX_REASON_CHARS = 200;

  @FuzzTest
  void anyServerBytesGiveOneBoundedAnswer(FuzzedDataProvider data) {
    // Given a decoder on a channel whose every buffer is tracked
    Scope scope = data.pickValue(Scope.values());
    boolean removeDecoder = data.consumeBoolean();
    TrackingAllocator allocator = new TrackingAllocator();
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.config().setAllocator(allocator);
    channel.pipeline().addLast(new ServerResponseDecoder(scope));
    List<ServerResponse> answers = new ArrayList<>();
    try {
      // When the server's bytes arrive in arbitrary reads
      while (data.remainingBytes() > 0) {
        int repeat = data.consumeBoolean() ? data.consumeInt(2, MAX_REPEAT) : 1;
        byte[] read = data.consumeBytes(data.consumeInt(1, MAX_READ));
        for (int i = 0; i < repeat; i++) {
          channel.writeInbound(allocator.heapBuffer(read.length).writeBytes(read));
          drainAnswers(channel, answers);

          // Then there is never more than one answer, and never more buffered than the cap
          assertThat(answers).hasSizeLessThanOrEqualTo(1);
          assertThat(allocator.liveReadableBytes()).isLessThanOrEqualTo(scope.maxBytes());
        }
      }
      if (removeDecoder) {
        // And a decoder taken out of the pipeline hands on unread bytes and keeps nothing
        channel.pipeline().removeFirst();
        releaseForwardedBytes(channel);
        assertThat(answers).hasSizeLessThanOrEqualTo(1);
      } else {
        // And a closed connection always ends with exactly one answer
        channel.finish();
        drainAnswers(channel, answers);
        assertThat(answers).hasSize(1);
      }
    } finally {
      channel.finishAndReleaseAll();
    }
    answers.forEach(answer -> assertBounded(answer, scope));
    assertThat(allocator.unreleased()).as("buffers not released").isEmpty();
  }

  private static void drainAnswers(EmbeddedChannel channel, List<ServerResponse> answers) {
    for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
      assertThat(message).isInstanceOf(ServerResponse.class);
      answers.add((ServerResponse) message);
    }
  }

  private static void releaseForwardedBytes(EmbeddedChannel channel) {
    for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
      assertThat(message).isInstanceOf(ByteBuf.class);
      ((ByteBuf) message).release();
    }
  }

  private static void assertBounded(ServerResponse answer, Scope scope) {
    if (answer instanceof ServerResponse.ServerHello hello) {
      assertThat(hello.flight().isPresent())
          .as("a flight only when asked for, below TLS 1.3")
          .isEqualTo(scope == Scope.SERVER_FLIGHT && hello.version() != ProtocolVersion.TLSv1_3);
      hello
          .flight()
          .ifPresent(
              flight -> {
                assertThat(flight.certificates())
                    .hasSizeLessThanOrEqualTo(ServerResponseDecoder.MAX_CERTIFICATES);
                flight
                    .incompleteReason()
                    .ifPresent(reason -> assertThat(reason).hasSizeLessThan(MAX_REASON_CHARS));
              });
    } else if (answer instanceof ServerResponse.Malformed malformed) {
      assertThat(malformed.reason()).isNotBlank().hasSizeLessThan(MAX_REASON_CHARS);
    } else if (answer instanceof ServerResponse.Truncated truncated) {
      assertThat(truncated.reason()).isNotBlank().hasSizeLessThan(MAX_REASON_CHARS);
    } else if (answer instanceof ServerResponse.NotTls notTls) {
      assertThat(notTls.description()).isNotBlank().hasSizeLessThan(MAX_REASON_CHARS);
    }
  }

  /** Unpooled buffers, each remembered until it is seen released. */
  private static final class TrackingAllocator extends AbstractByteBufAllocator {
    private final List<ByteBuf> live = new ArrayList<>();

    TrackingAllocator() {
      super(false);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
      return track(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
      return track(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
    }

    @Override
    public boolean isDirectBufferPooled() {
      return false;
    }

    /** Readable bytes of all buffers not yet released; forgets the released ones. */
    long liveReadableBytes() {
      long bytes = 0;
      for (Iterator<ByteBuf> it = live.iterator(); it.hasNext(); ) {
        ByteBuf buffer = it.next();
        if (buffer.refCnt() == 0) {
          it.remove();
        } else {
          bytes += buffer.readableBytes();
        }
      }
      return bytes;
    }

    List<ByteBuf> unreleased() {
      return live.stream().filter(buffer -> buffer.refCnt() > 0).toList();
    }

    private ByteBuf track(ByteBuf buffer) {
      live.add(buffer);
      return buffer;
    }
  }
}
