package jp.muniflow.attachment.internal;

import jakarta.servlet.MultipartConfigElement;
import jp.muniflow.attachment.AttachmentProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's multipart limits follow the attachments' own: a part may be as large as a whole step (the
 * per-file limit is checked by MuniFlow, which names the file in its refusal), a request a step and its form fields.
 * Every part goes to a temporary file at once (threshold 0): an upload is never held in memory.
 */
@Configuration
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfiguration {

  @Bean
  MultipartConfigElement multipartConfigElement(AttachmentProperties properties) {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    factory.setMaxFileSize(properties.maxStepSize());
    factory.setMaxRequestSize(DataSize.ofBytes(properties.maxRequestBytes()));
    factory.setFileSizeThreshold(DataSize.ofBytes(0));
    return factory.createMultipartConfig();
  }
}
