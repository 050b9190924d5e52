package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * OpenSSL's names of the cipher suites ({@code ECDHE-RSA-AES128-GCM-SHA256} for {@code
 * TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}), read from {@code openssl-names.txt}: code points and
 * names as {@code openssl ciphers -V} lists them (written by {@code
 * scanner-core/dev/openssl-names.sh}). Suites OpenSSL does not implement have no name.
 */
public final class OpenSslNames {
  private static final String RESOURCE = "openssl-names.txt";
  private static final Map<Integer, String> BY_CODE = new HashMap<>();
  private static final Map<String, Integer> BY_NAME = new HashMap<>();

  static {
    try (InputStream in = OpenSslNames.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split(" ");
        int code = Integer.parseInt(fields[0], 16);
        BY_CODE.put(code, fields[1]);
        BY_NAME.put(fields[1].toUpperCase(Locale.ROOT), code);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + " cannot be read", e);
    }
  }

  private OpenSslNames() {}

  /** OpenSSL's name of the suite with this code point, if OpenSSL has one. */
  public static Optional<String> of(int code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /** The code point of the suite OpenSSL calls {@code name} (in any letter case), if any. */
  public static Optional<Integer> code(String name) {
    requireNonNull(name, "name");
    return Optional.ofNullable(BY_NAME.get(name.toUpperCase(Locale.ROOT)));
  }
}
