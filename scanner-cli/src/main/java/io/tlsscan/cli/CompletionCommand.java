package io.tlsscan.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tlsscan completion bash}: the bash completion script, generated from the command's own
 * model so it names exactly the subcommands and options this build has.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the shell completion script. Load it with: source <(tlsscan completion bash)",
      "(the Debian package installs it for bash)."
    })
final class CompletionCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
  Shell shell;

  /** Shells a script can be written for (bash's also serves zsh through bashcompinit). */
  enum Shell {
    bash
  }

  @Override
  public Integer call() {
    System.out.print(script());
    System.out.flush();
    return ExitCodes.OK;
  }

  /** The bash completion script of the whole {@code tlsscan} command. */
  static String script() {
    return AutoComplete.bash("tlsscan", TlsscanCommand.commandLine());
  }
}
