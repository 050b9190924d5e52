package io.tlsscan.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code tlsscan} command. Its subcommands are added by {@link #commandLine} rather
 * than named in the annotation: picocli builds the model of every subcommand it is given, and a run
 * of one subcommand needs only that one's (building all of them costs about 30 ms of start-up).
 */
@Command(
    name = "tlsscan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A bulk TLS scanner: certificates, trust, protocols for a whole fleet at once.")
final class TlsscanCommand {
  /** The subcommands, in the order the help lists them, by name. */
  private static final List<Subcommand> SUBCOMMANDS =
      List.of(
          new Subcommand("scan", ScanCommand.class),
          new Subcommand("demo", DemoCommand.class),
          new Subcommand("policies", PoliciesCommand.class),
          new Subcommand("diff", DiffCommand.class),
          new Subcommand("report", ReportCommand.class),
          new Subcommand("schema", SchemaCommand.class),
          new Subcommand("completion", CompletionCommand.class));

  private record Subcommand(String name, Class<?> type) {}

  /** The whole command, every subcommand included (help, man pages, completion). */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new TlsscanCommand());
    SUBCOMMANDS.forEach(sub -> commandLine.addSubcommand(sub.name(), sub.type()));
    return commandLine;
  }

  /**
   * The command for parsing {@code args}: with only the subcommand they start with when they start
   * with one, else every subcommand.
   */
  static CommandLine commandLine(String... args) {
    if (args.length > 0) {
      for (Subcommand sub : SUBCOMMANDS) {
        if (sub.name().equals(args[0])) {
          CommandLine commandLine = new CommandLine(new TlsscanCommand());
          commandLine.addSubcommand(sub.name(), sub.type());
          return commandLine;
        }
      }
    }
    return commandLine();
  }
}
