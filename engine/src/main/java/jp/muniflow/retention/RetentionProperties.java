package jp.muniflow.retention;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention settings ({@code muniflow.retention.*}, docs/operations.md "保存年限 / Retention").
 *
 * @param defaultClass the records class of a process, notice type or document kind the data file does not list
 * @param archiveDir where the archive of each disposed application is written (a ZIP named by its application id);
 *     the installation backs it up or moves it to its archive (公文書館) from there
 * @param disposalCron when the disposal runs (Japan's time); best at the start of Camunda's history cleanup window,
 *     so that the archive is written while the history is still there
 */
@ConfigurationProperties("muniflow.retention")
public record RetentionProperties(
    @DefaultValue("5y") String defaultClass,
    @DefaultValue("./data/archive") Path archiveDir,
    @DefaultValue("0 0 1 * * *") String disposalCron) {

  public RetentionProperties {
    RecordsClass.ofCode(defaultClass); // refuses to start with a class that does not exist
  }

  public RecordsClass defaultRecordsClass() {
    return RecordsClass.ofCode(defaultClass);
  }
}
