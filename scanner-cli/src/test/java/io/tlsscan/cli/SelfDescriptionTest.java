package io.tlsscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What the command says about itself: the record schema, shell completion and man pages. */
class SelfDescriptionTest {
  @TempDir Path dir;

  private static String stdoutOf(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).isEqualTo(ExitCodes.OK);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static CommandSpec spec(String subcommand) {
    return TlsscanCommand.commandLine().getSubcommands().get(subcommand).getCommandSpec();
  }

  @Test
  void schemaPrintsTheRecordSchemaTheRecordsAreCheckedAgainst() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(stdoutOf("schema"));
    assertThat(schema.path("$schema").asText()).contains("json-schema.org");
    assertThat(schema.at("/properties/target").isObject()).isTrue();
    assertThat(schema.at("/properties/ciphers").isObject()).isTrue();
    assertThat(schema.at("/required").toString()).contains("status");
  }

  @Test
  void bashCompletionNamesEverySubcommandAndEveryOptionOfScan() {
    String script = stdoutOf("completion", "bash");
    assertThat(script).contains("complete -F").contains("tlsscan");
    for (String sub : TlsscanCommand.commandLine().getSubcommands().keySet()) {
      assertThat(script).as("subcommand %s", sub).contains(sub);
    }
    for (OptionSpec option : spec("scan").options()) {
      for (String name : option.names()) {
        assertThat(script).as("scan option %s", name).contains(name);
      }
    }
  }

  @Test
  void aManPageExistsForEverySubcommandAndListsItsOptions() throws Exception {
    ManPages.main(new String[] {dir.toString()});
    assertThat(dir.resolve("tlsscan.1")).exists();
    String top = Files.readString(dir.resolve("tlsscan.1"));
    assertThat(top).startsWith(".TH \"TLSSCAN\" \"1\"").contains(".SH COMMANDS");
    for (Map.Entry<String, CommandLine> sub :
        TlsscanCommand.commandLine().getSubcommands().entrySet()) {
      Path page = dir.resolve("tlsscan-" + sub.getKey() + ".1");
      assertThat(page).as("man page of %s", sub.getKey()).exists();
      String text = Files.readString(page);
      assertThat(text).contains(".SH NAME\ntlsscan\\-" + sub.getKey().replace("-", "\\-") + " \\- ");
      assertThat(top).contains("\\fBtlsscan\\-" + sub.getKey().replace("-", "\\-") + "\\fR(1)");
      for (OptionSpec option : sub.getValue().getCommandSpec().options()) {
        if (!option.hidden()) {
          assertThat(text).as("%s in %s", option.longestName(), page).contains(troff(option.longestName()));
        }
      }
    }
    String scan = Files.readString(dir.resolve("tlsscan-scan.1"));
    // Defaults are filled in, as --help shows them; nothing is left for picocli to interpolate.
    assertThat(scan).contains("\\-\\-per\\-host\\-connections").doesNotContain("${");
  }

  private static String troff(String name) {
    return name.replace("-", "\\-");
  }
}
