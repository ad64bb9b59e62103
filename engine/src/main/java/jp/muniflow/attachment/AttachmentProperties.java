package jp.muniflow.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of uploads ({@code muniflow.attachments.*}).
 *
 * @param maxFileSize the largest file accepted (20 MB)
 * @param maxStepSize the most that one step (an application, a correction, a report) may hold together (100 MB)
 */
@ConfigurationProperties("muniflow.attachments")
public record AttachmentProperties(@DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("100MB") DataSize maxStepSize) {

  /** What a multipart request carrying a whole step may weigh: the files and the form's fields around them. */
  public long maxRequestBytes() {
    return maxStepSize.toBytes() + DataSize.ofMegabytes(1).toBytes();
  }
}
