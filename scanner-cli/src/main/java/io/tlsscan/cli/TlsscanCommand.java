package io.tlsscan.cli;

import picocli.CommandLine.Command;

/** The top-level {@code tlsscan} command. */
@Command(
    name = "tlsscan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A bulk TLS scanner: certificates, trust, protocols for a whole fleet at once.",
    subcommands = {
      ScanCommand.class,
      DemoCommand.class,
      PoliciesCommand.class,
      DiffCommand.class,
      ReportCommand.class,
      SchemaCommand.class,
      CompletionCommand.class
    })
final class TlsscanCommand {}
