package jp.muniflow.notice;

import java.time.Clock;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.notice.internal.NoticeRenderer;
import jp.muniflow.notice.internal.NoticeTemplates;
import jp.muniflow.notice.internal.NoticeTypes;
import jp.muniflow.notice.internal.TemplateEditing;
import jp.muniflow.notice.internal.TemplateVersions;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The administrators' editing of notice templates in the browser, apart from {@link NoticeConfiguration}: issuing
 * notices needs no audit log, editing does (each publication is audited).
 */
@Configuration
class TemplateEditingConfiguration {

  @Bean
  TemplateEditing templateEditing(NoticeTemplates templates, TemplateVersions versions, NoticeTypes types,
      NoticeRenderer renderer, TenantRegistry registry, AuditLog audit, Clock clock, NoticeProperties properties) {
    return new TemplateEditing(templates, versions, types, renderer, registry, audit, clock, properties.zone());
  }
}
