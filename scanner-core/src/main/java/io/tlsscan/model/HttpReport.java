package io.tlsscan.model;

/**
 * The report's {@code http} section: the response head to one {@code GET /} over HTTPS. Every text
 * the server chose is made safe (non-printables escaped, cut to 200 characters).
 *
 * @param status the status code
 * @param redirect the {@code Location} of a 3xx response, or {@code null}
 * @param server the {@code Server} header, or {@code null} when absent
 * @param hsts the Strict-Transport-Security policy of the first such header, or {@code null} when
 *     there is none or it is invalid
 * @param hstsError why a Strict-Transport-Security header that was sent is ignored (a browser
 *     ignores it too), or {@code null}
 */
public record HttpReport(int status, String redirect, String server, Hsts hsts, String hstsError) {
  public HttpReport {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status " + status + " is not an HTTP status code");
    }
    if (hsts != null && hstsError != null) {
      throw new IllegalArgumentException("a valid HSTS policy has no error");
    }
  }
}
