package io.tlsscan.target;

import static java.util.Objects.requireNonNull;

/**
 * A host-list line that names no target it can scan; it becomes an {@code invalid_target} record.
 *
 * @param input the line as given, shortened to about 200 characters (an ellipsis marks the cut)
 *     with control characters written as {@code \xNN}, so hostile lines stay printable
 * @param line 1-based line number in the host list, or argument position on the command line
 * @param reason what was wrong, repeating the offending token, e.g. {@code port "70000" out of
 *     range 1-65535}
 */
public record InvalidTarget(String input, long line, String reason) implements HostListEntry {
  public InvalidTarget {
    input = InputText.bounded(requireNonNull(input, "input"));
    requireNonNull(reason, "reason");
  }
}
