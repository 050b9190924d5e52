package io.tlsscan.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The result of a connection's session reaches its subscriber whenever that one asks for it. */
class ConnectorTest {
  @AutoClose private static NetworkContext network;
  @AutoClose private static ServerSocket listener;
  private static Connector connector;
  private static Endpoint endpoint;

  @BeforeAll
  static void setUp() throws Exception {
    network = NetworkContext.create(1);
    connector =
        new Connector(
            network, Duration.ofSeconds(5), 256 * 1024, ConnectionRateLimiter.unlimited());
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    endpoint =
        Endpoint.tls(
            new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()), null);
  }

  @Test
  void aSessionsAnswerIsKeptUntilTheSubscriberAsksForIt() {
    // A session that answers at once, before the subscriber has asked for anything: the answer
    // must wait for the request, not be dropped for an empty completion
    StepVerifier.create(
            connector.withConnection(
                endpoint, ConnectionTracker.NONE, channel -> Mono.just("answer")),
            0)
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(200))
        .thenRequest(1)
        .expectNext("answer")
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void aSessionWithoutAnswerCompletesEmpty() {
    StepVerifier.create(
            connector.withConnection(endpoint, ConnectionTracker.NONE, channel -> Mono.empty()))
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }
}
