package io.tlsscan.probe.dtls;

import static java.util.Objects.requireNonNull;

import io.tlsscan.net.DatagramRefusedException;
import io.tlsscan.probe.raw.NoAnswerException;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.tls.AlertDescription;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.DtlsAnswer;
import io.tlsscan.tls.DtlsFlightReader;
import io.tlsscan.tls.DtlsRecords;
import io.tlsscan.tls.DtlsVersion;
import io.tlsscan.tls.ServerResponse;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One raw DTLS probe over UDP: send a ClientHello, answer a HelloVerifyRequest by sending it again
 * with the cookie (RFC 6347 §4.2.1), read the ServerHello (and with {@code wholeFlight} the flight
 * to ServerHelloDone) or an alert, then end the server's half of the handshake with a fatal alert.
 *
 * <p>UDP loses datagrams: a flight that gets no answer is sent again after RFC 6347's timer, 1 s
 * doubling each time (§4.2.4.1). The first hello is sent at most three times (at 0, 1 and 3 s);
 * still unanswered at 7 s, the exchange fails with {@link NoAnswerException}. The hello with the
 * cookie is sent at most twice (0 and 1 s): a server that has answered the cookie exchange is
 * there, and some (GnuTLS) drop a hello they refuse without an alert, so silence until 3 s is that
 * refusal, the answer {@link ServerResponse.Closed}, as a TCP server's hang-up is. So one probe
 * sends at most five hellos and one alert. A port nobody listens on answers with ICMP port
 * unreachable, which the connected socket reports as {@link DatagramRefusedException}. Bytes read
 * are bounded by {@link DtlsFlightReader#maxBytes()}.
 *
 * <p>The socket is blocking, so each exchange runs on {@link Schedulers#boundedElastic()}, never on
 * an event loop; cancelling the Mono (the target's deadline) closes the socket, which ends the
 * blocked read at once.
 */
public final class DtlsHelloClient {
  /** RFC 6347 §4.2.4.1: the initial retransmission timer. */
  static final Duration FIRST_RETRANSMIT = Duration.ofSeconds(1);

  /** The first hello: sent at 0, 1 and 3 s; its last timer (4 s) runs out at 7 s. */
  static final Flight FIRST = new Flight(3, Duration.ofSeconds(7));

  /** The hello with the cookie: sent at 0 and 1 s, waited for until 3 s. */
  static final Flight WITH_COOKIE = new Flight(2, Duration.ofSeconds(3));

  /** How often one flight is sent at most, and how long after the first send it is waited for. */
  record Flight(int transmissions, Duration timeout) {}

  /** Large enough for any datagram; what arrives is counted against the reader's bound. */
  private static final int DATAGRAM_BUFFER = 65_535;

  /**
   * Sends {@code hello}, framed for {@code version}, to the target and reads the answer. A
   * ServerHello's version is the TLS version the chosen DTLS version carries.
   *
   * @param hello a hello for {@code version.tls()}, framed for DTLS here
   * @param wholeFlight read to ServerHelloDone for the certificates and key exchange
   */
  public Mono<ServerResponse> ask(
      ProbeTarget target, DtlsVersion version, ClientHello hello, boolean wholeFlight) {
    requireNonNull(version, "version");
    requireNonNull(hello, "hello");
    Mono<ServerResponse> exchange =
        Mono.using(
                DatagramSocket::new,
                socket ->
                    Mono.fromCallable(
                        () -> {
                          target.tracker().connecting();
                          socket.connect(target.address());
                          target.tracker().connected();
                          try {
                            return exchange(socket, version, hello, wholeFlight);
                          } catch (SocketException closed) {
                            if (socket.isClosed()) {
                              return null; // cancelled: the socket was closed under the read
                            }
                            throw closed;
                          }
                        }),
                DatagramSocket::close)
            .subscribeOn(Schedulers.boundedElastic());
    return target.tracker().inTurn(exchange);
  }

  private static ServerResponse exchange(
      DatagramSocket socket, DtlsVersion version, ClientHello hello, boolean wholeFlight)
      throws IOException, NoAnswerException {
    DtlsFlightReader reader = new DtlsFlightReader(wholeFlight);
    byte[] flight = hello.datagram(version, new byte[0], 0);
    long recordSequence = 0;
    boolean cookieSent = false;
    while (true) {
      Transmission sent =
          send(socket, reader, flight, cookieSent ? WITH_COOKIE : FIRST, recordSequence);
      if (sent.answer() == null) {
        return new ServerResponse.Closed(); // silence after the cookie exchange: refused
      }
      recordSequence = sent.nextSequence();
      DtlsAnswer answer = sent.answer();
      if (answer instanceof DtlsAnswer.Cookie cookie) {
        if (cookieSent) {
          return new ServerResponse.Malformed("server asked for a cookie again after getting one");
        }
        cookieSent = true;
        flight = hello.datagram(version, cookie.cookie(), 1);
        continue;
      }
      ServerResponse response = ((DtlsAnswer.Response) answer).response();
      if (response instanceof ServerResponse.ServerHello) {
        send(socket, DtlsRecords.fatalAlert(AlertDescription.USER_CANCELED, recordSequence));
      }
      return response;
    }
  }

  /**
   * What one flight brought (null: nothing, after the cookie exchange), and the record sequence
   * number the next record takes.
   */
  private record Transmission(DtlsAnswer answer, long nextSequence) {}

  /**
   * Sends {@code flight} until it is answered, retransmitting on RFC 6347's doubling timer. Silence
   * throws {@link NoAnswerException} for the first hello and gives a null answer for the cookie
   * one.
   */
  private static Transmission send(
      DatagramSocket socket, DtlsFlightReader reader, byte[] flight, Flight plan, long sequence)
      throws IOException, NoAnswerException {
    long start = System.nanoTime();
    long flightEnd = start + plan.timeout().toNanos();
    Duration timer = FIRST_RETRANSMIT;
    byte[] buffer = new byte[DATAGRAM_BUFFER];
    for (int transmission = 1; ; transmission++) {
      send(socket, DtlsRecords.withSequence(flight, sequence++));
      long retransmitAt =
          transmission < plan.transmissions()
              ? Math.min(System.nanoTime() + timer.toNanos(), flightEnd)
              : flightEnd;
      timer = timer.multipliedBy(2);
      Optional<DtlsAnswer> answer = receiveUntil(socket, reader, buffer, retransmitAt);
      if (answer.isPresent()) {
        return new Transmission(answer.get(), sequence);
      }
      if (System.nanoTime() - flightEnd >= 0) {
        Optional<ServerResponse> partial =
            reader.partial("server went silent before ServerHelloDone");
        if (partial.isPresent()) {
          return new Transmission(new DtlsAnswer.Response(partial.get()), sequence);
        }
        if (plan == WITH_COOKIE) {
          return new Transmission(null, sequence);
        }
        throw new NoAnswerException(plan.timeout());
      }
    }
  }

  /** Reads datagrams until the reader has an answer or {@code until} (nanoTime) passes. */
  private static Optional<DtlsAnswer> receiveUntil(
      DatagramSocket socket, DtlsFlightReader reader, byte[] buffer, long until)
      throws IOException {
    while (true) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        return Optional.empty();
      } catch (PortUnreachableException e) {
        throw refused(socket);
      }
      Optional<DtlsAnswer> answer = reader.read(packet.getData(), packet.getLength());
      if (answer.isPresent()) {
        return answer;
      }
    }
  }

  private static void send(DatagramSocket socket, byte[] datagram) throws IOException {
    try {
      socket.send(new DatagramPacket(datagram, datagram.length));
    } catch (PortUnreachableException e) {
      throw refused(socket);
    }
  }

  private static DatagramRefusedException refused(DatagramSocket socket) {
    InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
    return new DatagramRefusedException(
        "nothing listens on UDP port " + peer.getPort() + " (ICMP port unreachable)");
  }
}
