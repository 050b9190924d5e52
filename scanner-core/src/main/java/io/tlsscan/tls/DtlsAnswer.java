package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

/** What {@link DtlsFlightReader} made of the server's datagrams once it could tell. */
public sealed interface DtlsAnswer {

  /**
   * A HelloVerifyRequest (RFC 6347 §4.2.1): send the hello again with this cookie.
   *
   * @param cookie up to 255 bytes
   */
  record Cookie(byte[] cookie) implements DtlsAnswer {
    public Cookie {
      cookie = cookie.clone();
    }

    @Override
    public byte[] cookie() {
      return cookie.clone();
    }
  }

  /**
   * The server's answer to the hello: a ServerHello (with its flight when it was asked for), an
   * alert, or a reason it could not be read. {@link ServerResponse.ServerHello#version()} is the
   * TLS version the chosen DTLS version carries ({@link DtlsVersion#tls()}).
   */
  record Response(ServerResponse response) implements DtlsAnswer {
    public Response {
      requireNonNull(response, "response");
    }
  }
}
