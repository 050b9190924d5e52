package io.tlsscan.cli;

import io.tlsscan.report.RecordJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tlsscan schema}: the JSON Schema every record follows, as shipped in the report module. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Print the JSON Schema of the records a scan writes (JSON Lines, one per target).")
final class SchemaCommand implements Callable<Integer> {
  static final String RESOURCE = "record.schema.json";

  @Override
  public Integer call() throws IOException {
    try (InputStream schema = RecordJson.class.getResourceAsStream(RESOURCE)) {
      if (schema == null) {
        throw new IOException("the record schema " + RESOURCE + " is missing from this build");
      }
      schema.transferTo(System.out);
    }
    System.out.flush();
    return ExitCodes.OK;
  }
}
