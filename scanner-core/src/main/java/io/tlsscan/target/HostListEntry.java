package io.tlsscan.target;

/**
 * What one host-list line (or command-line argument) turns into: a {@link Target} to scan or an
 * {@link InvalidTarget} to report. One line can give several entries (port lists, CIDR ranges), all
 * with the same line number.
 */
public sealed interface HostListEntry permits Target, InvalidTarget {

  /** The line as given (comment included) without surrounding spaces and tabs. */
  String input();

  /** 1-based physical line number in the host list, or argument position on the command line. */
  long line();
}
