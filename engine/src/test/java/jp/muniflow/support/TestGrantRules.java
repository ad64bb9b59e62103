package jp.muniflow.support;

import java.util.List;
import jp.muniflow.plan.GrantRules;

/** The grant rules a test year is opened with, as an approved plan would open it: decision notices cite them. */
public final class TestGrantRules {

  public static final GrantRules FY2026 = new GrantRules("みどり東京・温暖化防止プロジェクト助成金交付要綱", "第8条", "第9条",
      "第13条", List.of("助成事業の内容又は経費の配分を変更しようとするときは、あらかじめ承認を受けること。",
          "助成事業に係る帳簿及び証拠書類を、事業の完了した年度の翌年度から５年間保存すること。"));

  private TestGrantRules() {
  }
}
