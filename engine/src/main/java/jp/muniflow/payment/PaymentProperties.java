package jp.muniflow.payment;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The payment settings ({@code muniflow.payment.*}): per paying secretariat, the requester (振込依頼人) its bank gave
 * it for 総合振込 and the account the transfers are paid from. Without one, the secretariat's transfer file cannot be
 * made (409, naming the setting).
 *
 * @param requesters by secretariat id ({@code kyogikai})
 */
@ConfigurationProperties("muniflow.payment")
public record PaymentProperties(Map<String, Requester> requesters) {

  public PaymentProperties {
    requesters = requesters == null ? Map.of() : Map.copyOf(requesters);
  }

  /**
   * @param code 振込依頼人コード (委託者コード), up to 10 digits, as the bank assigned it
   * @param nameKana 振込依頼人名 in the banks' half-width kana (up to 40)
   * @param bankCode 仕向銀行番号 (4 digits)
   * @param bankNameKana 仕向銀行名 (half-width kana, up to 15)
   * @param branchCode 仕向支店番号 (3 digits)
   * @param branchNameKana 仕向支店名 (half-width kana, up to 15)
   * @param accountType {@code ORDINARY} (普通) or {@code CURRENT} (当座)
   * @param accountNumber 口座番号 (7 digits)
   */
  public record Requester(String code, String nameKana, String bankCode, String bankNameKana, String branchCode,
      String branchNameKana, BankAccount.AccountType accountType, String accountNumber) {
  }
}
