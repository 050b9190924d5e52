package io.tlsscan.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.tlsscan.model.ErrorKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {
  @Test
  void mapsNetworkErrorsToTheirKinds() {
    assertThat(FailureClassifier.classify(new UnknownHostException("nx.example")).kind())
        .isEqualTo(ErrorKind.DNS);
    assertThat(
            FailureClassifier.classify(
                    new ConnectException("connect(..) failed: Connection refused: /127.0.0.1:1"))
                .kind())
        .isEqualTo(ErrorKind.REFUSED);
    assertThat(
            FailureClassifier.classify(new ConnectTimeoutException("connection timed out")).kind())
        .isEqualTo(ErrorKind.TIMEOUT);
    assertThat(
            FailureClassifier.classify(
                    new IOException("recvAddress(..) failed: Connection reset by peer"))
                .kind())
        .isEqualTo(ErrorKind.RESET);
    assertThat(FailureClassifier.classify(new ConnectException("No route to host")).kind())
        .isEqualTo(ErrorKind.UNREACHABLE);
    assertThat(FailureClassifier.classify(new ClosedChannelException()).kind())
        .isEqualTo(ErrorKind.RESET);
  }

  @Test
  void namesTheAlertTheServerSent() {
    Failure failure =
        FailureClassifier.classify(
            new DecoderException(
                new SSLHandshakeException(
                    "error:10000410:SSL routines:OPENSSL_internal:SSLV3_ALERT_HANDSHAKE_FAILURE")));
    assertThat(failure.kind()).isEqualTo(ErrorKind.TLS_ALERT);
    assertThat(failure.message()).isEqualTo("server sent fatal alert handshake_failure");
  }

  @Test
  void keepsWhatANonTlsServerSaid() {
    Failure failure = FailureClassifier.classify(new DecoderException(new NotTlsException("HTTP")));
    assertThat(failure.kind()).isEqualTo(ErrorKind.NOT_TLS);
    assertThat(failure.message()).isEqualTo("server answered with HTTP, not TLS");
  }

  @Test
  void starttlsFailuresKeepTheirKindAndMessage() {
    Failure failure =
        FailureClassifier.classify(
            new DecoderException(
                new StarttlsException("server refused STARTTLS over SMTP: \"454\"")));
    assertThat(failure.kind()).isEqualTo(ErrorKind.STARTTLS_FAILED);
    assertThat(failure.message()).isEqualTo("server refused STARTTLS over SMTP: \"454\"");
  }

  @Test
  void otherHandshakeFailuresSayBoringSslsReason() {
    Failure failure =
        FailureClassifier.classify(
            new SSLHandshakeException(
                "error:1000009a:SSL routines:OPENSSL_internal:NO_CIPHERS_AVAILABLE"));
    assertThat(failure.kind()).isEqualTo(ErrorKind.HANDSHAKE_FAILED);
    assertThat(failure.message()).contains("no_ciphers_available");
  }
}
