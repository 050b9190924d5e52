package io.tlsscan.cert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The ICANN section of the Public Suffix List, bundled as a resource: the names under which anyone
 * may register a domain ({@code com}, {@code co.uk}, {@code *.ck} but not {@code www.ck}). Browsers
 * refuse a certificate wildcard directly above such a suffix ({@code *.co.uk}), since no single
 * registrant controls the names it would cover; the private section ({@code github.io}) they do not
 * block, so it is not bundled. Loaded on first use; thread-safe.
 */
final class PublicSuffixes {
  private static final String RESOURCE = "public_suffixes_icann.dat";

  private PublicSuffixes() {}

  /** Whether {@code name} (lower-case A-labels, no trailing dot) is an ICANN public suffix. */
  static boolean isPublicSuffix(String name) {
    Rules rules = Rules.LOADED;
    if (rules.exact.contains(name)) {
      return true;
    }
    int dot = name.indexOf('.');
    return dot > 0
        && rules.wildcardParents.contains(name.substring(dot + 1))
        && !rules.exceptions.contains(name);
  }

  /** The parsed list. */
  private static final class Rules {
    static final Rules LOADED = load();

    final Set<String> exact = new HashSet<>();
    final Set<String> wildcardParents = new HashSet<>();
    final Set<String> exceptions = new HashSet<>();

    private static Rules load() {
      Rules rules = new Rules();
      try (InputStream in = PublicSuffixes.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String rule = line.strip();
          if (!rule.isEmpty() && !rule.startsWith("//")) {
            rules.add(rule);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return rules;
    }

    private void add(String rule) {
      if (rule.startsWith("!")) {
        exceptions.add(ascii(rule.substring(1)));
      } else if (rule.startsWith("*.")) {
        wildcardParents.add(ascii(rule.substring(2)));
      } else {
        exact.add(ascii(rule));
      }
    }

    private static String ascii(String name) {
      return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }
  }
}
