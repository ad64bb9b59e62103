package jp.muniflow.notice;

import jp.muniflow.notice.internal.DocumentNumbers;
import jp.muniflow.notice.internal.NoticeFonts;
import jp.muniflow.notice.internal.NoticeRenderer;
import jp.muniflow.notice.internal.NoticeStore;
import jp.muniflow.notice.internal.NoticeSealer;
import jp.muniflow.notice.internal.NoticeTemplates;
import jp.muniflow.notice.internal.SealKeys;
import jp.muniflow.notice.internal.TemplateVersions;
import jp.muniflow.notice.internal.NoticeTypes;
import jp.muniflow.notice.internal.SealVerifier;
import jp.muniflow.notice.internal.TimeStampClient;
import jp.muniflow.platform.OneNodeAtATime;
import jp.muniflow.tenants.TenantRegistry;
import java.time.Clock;
import java.util.function.Supplier;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/** The parts of the notice feature, on the application's DataSource and transaction manager. */
@Configuration
class NoticeConfiguration {

  /** The versions administrators publish in the browser. */
  @Bean
  TemplateVersions templateVersions(JdbcClient jdbc) {
    return new TemplateVersions(jdbc);
  }

  /**
   * The templates: published in the browser first at each level, then the operator's files, then the bundled ones;
   * also what the deployment gate and the modeler ask about them (NoticeTemplateCatalog).
   */
  @Bean
  NoticeTemplates noticeTemplates(NoticeProperties properties, TemplateVersions versions) {
    return new NoticeTemplates(properties.templateDir(), versions);
  }

  @Bean
  NoticeTypes noticeTypes() {
    return NoticeTypes.bundled();
  }

  @Bean
  NoticeRenderer noticeRenderer() {
    return new NoticeRenderer(NoticeFonts.bundled());
  }

  @Bean
  DocumentNumbers documentNumbers(JdbcClient jdbc, PlatformTransactionManager transactions, DataSource dataSource)
      throws MetaDataAccessException {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    return new DocumentNumbers(jdbc, transactions, "PostgreSQL".equalsIgnoreCase(product));
  }

  @Bean
  NoticeStore noticeStore(JdbcClient jdbc) {
    return new NoticeStore(jdbc);
  }

  /** The secretariats' seal keys: their own PKCS#12 files, or demo keys made at the first start. */
  @Bean
  SealKeys sealKeys(SealProperties seal, TenantRegistry registry, JdbcClient jdbc, PlatformTransactionManager transactions,
      OneNodeAtATime oneNodeAtATime, Clock clock) {
    return new SealKeys(seal.keys(), registry.secretariats(), jdbc, transactions, new SealKeys.OneAtATime() {
      @Override
      public <T> T call(String what, Supplier<T> work) {
        return oneNodeAtATime.call(SealKeys.LOCK, what, work);
      }
    }, clock);
  }

  @Bean
  NoticeSealer noticeSealer(SealProperties seal) {
    TimeStampClient timeStamps = seal.timestampUrl() == null ? null
        : new TimeStampClient(seal.timestampUrl(), seal.timestampTimeout());
    return new NoticeSealer(timeStamps, seal.location());
  }

  @Bean
  SealVerifier sealVerifier(SealKeys keys) {
    return new SealVerifier(keys::demoAuthority);
  }
}
