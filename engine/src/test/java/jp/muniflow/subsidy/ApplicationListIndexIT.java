package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The secretariat's list of applications by status and year, newest first, has the index that lets the database read
 * it in order and stop at the list's limit (docs/performance.md, figure 3).
 */
@MuniFlowIntegrationTest
class ApplicationListIndexIT {

  @Autowired
  DataSource dataSource;

  @Test
  void the_list_by_status_and_year_has_its_index_in_the_list_s_order() throws Exception {
    assertThat(indexColumns("ix_mf_subsidy_app_status_year"))
        .containsExactly("status", "fiscal_year", "submitted_at", "id");
  }

  private List<String> indexColumns(String index) throws Exception {
    Map<Short, String> columns = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      // H2 keeps unquoted names in upper case, PostgreSQL in lower case
      String table = meta.storesUpperCaseIdentifiers() ? "MF_SUBSIDY_APPLICATION" : "mf_subsidy_application";
      try (ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
        while (rs.next()) {
          if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
            columns.put(rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return new ArrayList<>(columns.values());
  }
}
