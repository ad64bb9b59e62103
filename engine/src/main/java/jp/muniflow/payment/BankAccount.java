package jp.muniflow.payment;

/**
 * A bank account as the banks' transfer files carry it (全銀協 総合振込): 金融機関コード (4 digits), 支店コード (3
 * digits), 預金種目, 口座番号 (7 digits) and 口座名義 in the half-width kana the banks accept; the bank's and branch's
 * names in the same kana, optional.
 */
public record BankAccount(String bankCode, String bankNameKana, String branchCode, String branchNameKana,
    AccountType accountType, String accountNumber, String holderKana) {

  /** 預金種目, with its code in the transfer file. */
  public enum AccountType {
    /** 普通預金. */
    ORDINARY('1', "普通", "Ordinary"),
    /** 当座預金. */
    CURRENT('2', "当座", "Current");

    private final char code;
    private final String japanese;
    private final String english;

    AccountType(char code, String japanese, String english) {
      this.code = code;
      this.japanese = japanese;
      this.english = english;
    }

    public char code() {
      return code;
    }

    public String label(boolean english) {
      return english ? this.english : japanese;
    }
  }

  /** The account number with all but its last three digits hidden ({@code ****567}). */
  public String maskedNumber() {
    return "****" + accountNumber.substring(accountNumber.length() - 3);
  }

  /** The same account with its number and holder hidden, for everyone but the paying secretariat's managers. */
  public BankAccount masked() {
    String holder = holderKana.length() <= 2 ? "**" : holderKana.substring(0, 2) + "*".repeat(holderKana.length() - 2);
    return new BankAccount(bankCode, bankNameKana, branchCode, branchNameKana, accountType, maskedNumber(), holder);
  }
}
