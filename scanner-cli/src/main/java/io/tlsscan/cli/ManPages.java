package io.tlsscan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages in troff, written from the picocli model of the command so they cannot drift from its
 * options: {@code tlsscan.1} and one {@code tlsscan-SUBCOMMAND.1} per subcommand. The Debian
 * package build runs {@code java -cp tlsscan.jar io.tlsscan.cli.ManPages DIR}.
 */
public final class ManPages {
  private static final String SECTION = "1";

  private ManPages() {}

  /** Writes every page into the directory named by the one argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ManPages DIRECTORY");
      System.exit(ExitCodes.USAGE);
    }
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (Map.Entry<String, String> page : all().entrySet()) {
      Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** Every page by its file name ({@code tlsscan.1}, {@code tlsscan-scan.1}...). */
  static Map<String, String> all() {
    CommandSpec root = TlsscanCommand.commandLine().getCommandSpec();
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put(pageName(root) + "." + SECTION, page(root));
    for (CommandLine sub : root.subcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (!spec.usageMessage().hidden()) {
        pages.putIfAbsent(pageName(spec) + "." + SECTION, page(spec));
      }
    }
    return pages;
  }

  /** {@code tlsscan} for the top command, {@code tlsscan-scan} for {@code tlsscan scan}. */
  static String pageName(CommandSpec spec) {
    return spec.qualifiedName("-");
  }

  static String page(CommandSpec spec) {
    String version = VersionProvider.tlsscanVersion();
    StringBuilder out = new StringBuilder();
    out.append(".TH \"")
        .append(pageName(spec).toUpperCase())
        .append("\" \"")
        .append(SECTION)
        .append("\" \"\" \"")
        .append(escape(version))
        .append("\" \"tlsscan manual\"\n");
    out.append(".SH NAME\n")
        .append(escape(pageName(spec)))
        .append(" \\- ")
        .append(escape(firstSentence(spec)))
        .append('\n');
    out.append(".SH SYNOPSIS\n.nf\n")
        .append(escapeLines(synopsis(spec).strip()))
        .append("\n.fi\n");
    out.append(".SH DESCRIPTION\n");
    for (String line : spec.usageMessage().description()) {
      out.append(escapeLines(line)).append('\n');
    }
    List<PositionalParamSpec> positionals =
        spec.positionalParameters().stream().filter(p -> !p.hidden()).collect(Collectors.toList());
    if (!positionals.isEmpty()) {
      out.append(".SH ARGUMENTS\n");
      for (PositionalParamSpec positional : positionals) {
        out.append(".TP\n.I ").append(escape(positional.paramLabel())).append('\n');
        out.append(escapeLines(description(positional))).append('\n');
      }
    }
    out.append(".SH OPTIONS\n");
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      out.append(".TP\n.B ").append(escape(String.join(", ", option.names())));
      if (option.arity().max() > 0) {
        out.append(" \" ").append(escape(option.paramLabel())).append('"');
      }
      out.append('\n').append(escapeLines(description(option))).append('\n');
    }
    if (!spec.subcommands().isEmpty()) {
      out.append(".SH COMMANDS\n");
      for (CommandLine sub : spec.subcommands().values()) {
        CommandSpec subSpec = sub.getCommandSpec();
        out.append(".TP\n.B ").append(escape(subSpec.name())).append('\n');
        out.append(escape(firstSentence(subSpec)))
            .append(" See \\fB")
            .append(escape(pageName(subSpec)))
            .append("\\fR(1).\n");
      }
    }
    String[] footer = spec.usageMessage().footer();
    if (footer.length > 0) {
      out.append(".SH EXAMPLES\n.nf\n");
      for (String line : footer) {
        out.append(escapeLines(line.replace("%n", ""))).append('\n');
      }
      out.append(".fi\n");
    }
    out.append(".SH SEE ALSO\n");
    out.append(
        spec.parent() == null
            ? spec.subcommands().values().stream()
                .map(sub -> "\\fB" + escape(pageName(sub.getCommandSpec())) + "\\fR(1)")
                .distinct()
                .collect(Collectors.joining(", "))
            : "\\fBtlsscan\\fR(1)");
    out.append('\n');
    return out.toString();
  }

  private static String synopsis(CommandSpec spec) {
    Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
    return help.synopsis(0);
  }

  private static String firstSentence(CommandSpec spec) {
    String[] description = spec.usageMessage().description();
    return description.length == 0 ? spec.name() : description[0];
  }

  /** The description with picocli's variables filled in, as {@code --help} shows it. */
  private static String description(ArgSpec arg) {
    List<String> lines = new ArrayList<>();
    for (String line : arg.description()) {
      String defaultValue = arg.defaultValueString();
      String candidates = "";
      if (arg.completionCandidates() != null) {
        List<String> all = new ArrayList<>();
        arg.completionCandidates().forEach(all::add);
        candidates = String.join(", ", all);
      }
      lines.add(
          line.replace("${DEFAULT-VALUE}", defaultValue == null ? "none" : defaultValue)
              .replace("${COMPLETION-CANDIDATES}", candidates));
    }
    return String.join("\n", lines);
  }

  /** Escapes troff: backslashes and hyphens everywhere, a leading dot or quote on every line. */
  static String escapeLines(String text) {
    return text.lines().map(ManPages::escape).collect(Collectors.joining("\n"));
  }

  private static String escape(String line) {
    String escaped = line.replace("\\", "\\e").replace("-", "\\-");
    return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
  }
}
