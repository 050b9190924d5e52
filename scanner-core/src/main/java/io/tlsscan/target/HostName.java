package io.tlsscan.target;

import java.net.IDN;
import java.util.Locale;

/**
 * DNS host-name validation and normalisation: IDN to A-labels (RFC 3490 ToASCII), lower case, one
 * trailing dot dropped; labels of 1-63 letters, digits, hyphens or underscores that neither start
 * nor end with a hyphen; at most 253 characters in all. Underscores are allowed because real
 * service names use them ({@code _acme-challenge.example.com}). The last label must not be all
 * digits, since that is an IP address in disguise (for example full-width digits).
 */
final class HostName {
  static final int MAX_LENGTH = 253;
  static final int MAX_LABEL_LENGTH = 63;

  private HostName() {}

  /** The normalised name, or an exception whose reason repeats the name. */
  static String normalize(String name) throws InvalidLineException {
    if (name.length() > MAX_LENGTH * 4) {
      throw invalid(name, "longer than " + MAX_LENGTH + " characters");
    }
    if (name.startsWith(".") || name.contains("..")) {
      throw invalid(name, "empty label");
    }
    String ascii = toAscii(name).toLowerCase(Locale.ROOT);
    if (ascii.endsWith(".") && ascii.length() > 1) {
      ascii = ascii.substring(0, ascii.length() - 1);
    }
    if (ascii.length() > MAX_LENGTH) {
      throw invalid(name, "longer than " + MAX_LENGTH + " characters");
    }
    String[] labels = ascii.split("\\.", -1);
    for (String label : labels) {
      checkLabel(name, label);
    }
    if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid(
          name, "the last label " + InputText.quote(labels[labels.length - 1]) + " is all digits");
    }
    return ascii;
  }

  /** A-labels for an IDN; ASCII names are left to the stricter checks below. */
  private static String toAscii(String name) throws InvalidLineException {
    if (name.chars().allMatch(c -> c < 0x80)) {
      return name;
    }
    try {
      return IDN.toASCII(name);
    } catch (IllegalArgumentException e) {
      // The IDN message repeats the whole input: quote it so the reason stays short.
      String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw invalid(
          name,
          "not a valid internationalized name (" + InputText.quote(String.valueOf(detail)) + ")");
    }
  }

  private static void checkLabel(String name, String label) throws InvalidLineException {
    if (label.isEmpty()) {
      throw invalid(name, "empty label");
    }
    if (label.length() > MAX_LABEL_LENGTH) {
      throw invalid(name, "label longer than " + MAX_LABEL_LENGTH + " characters");
    }
    if (label.startsWith("-") || label.endsWith("-")) {
      throw invalid(name, "label " + InputText.quote(label) + " starts or ends with a hyphen");
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!allowed) {
        throw invalid(name, "character " + InputText.quote(String.valueOf(c)) + " not allowed");
      }
    }
  }

  private static InvalidLineException invalid(String name, String why) {
    return new InvalidLineException(InputText.quote(name) + " is not a valid host name: " + why);
  }
}
