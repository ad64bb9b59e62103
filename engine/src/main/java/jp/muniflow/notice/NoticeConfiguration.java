package jp.muniflow.notice;

import jp.muniflow.notice.internal.DocumentNumbers;
import jp.muniflow.notice.internal.NoticeFonts;
import jp.muniflow.notice.internal.NoticeRenderer;
import jp.muniflow.notice.internal.NoticeStore;
import jp.muniflow.notice.internal.NoticeTemplates;
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

  @Bean
  NoticeTemplates noticeTemplates(NoticeProperties properties) {
    return new NoticeTemplates(properties.templateDir());
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
}
