package jp.muniflow.retention;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The records class of each process definition key, notice template and document kind, read from
 * {@code retention/records-classes.csv}; what it does not list gets the configured default class.
 */
@Component
public class RecordsClasses {

  static final String DATA_FILE = "retention/records-classes.csv";

  /** What a line names: a process definition key, a notice template key or a document kind. */
  public enum Kind { PROCESS, NOTICE, ATTACHMENT }

  private final Map<String, RecordsClass> listed;
  private final RecordsClass defaultClass;

  public RecordsClasses(RetentionProperties properties) {
    this.defaultClass = properties.defaultRecordsClass();
    this.listed = read();
  }

  /** The class the data file gives the key, if it lists it. */
  public Optional<RecordsClass> listed(Kind kind, String key) {
    return Optional.ofNullable(listed.get(kind.name() + ":" + key));
  }

  /** The class of the key: the data file's, or the default. */
  public RecordsClass of(Kind kind, String key) {
    return listed(kind, key).orElse(defaultClass);
  }

  public RecordsClass defaultClass() {
    return defaultClass;
  }

  private static Map<String, RecordsClass> read() {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
    Map<String, RecordsClass> classes = new HashMap<>();
    try (InputStream in = RecordsClasses.class.getClassLoader().getResourceAsStream(DATA_FILE)) {
      if (in == null) {
        throw new IllegalStateException("missing data file on the classpath: " + DATA_FILE);
      }
      try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
        List<Map<String, String>> rows = it.readAll();
        for (Map<String, String> row : rows) {
          Kind kind = Kind.valueOf(row.get("kind").toUpperCase(java.util.Locale.ROOT));
          String key = kind.name() + ":" + row.get("key");
          if (classes.put(key, RecordsClass.ofCode(row.get("class"))) != null) {
            throw new IllegalStateException(DATA_FILE + " lists " + row.get("kind") + " " + row.get("key") + " twice");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DATA_FILE, e);
    }
    return Map.copyOf(classes);
  }
}
