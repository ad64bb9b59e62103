package jp.muniflow.payment.internal;

import java.util.OptionalInt;
import jp.muniflow.payment.BankAccount;
import jp.muniflow.platform.FieldChecks;
import org.springframework.stereotype.Component;

/**
 * Checks a bank account as the banks will: 金融機関コード 4 digits, 支店コード 3 digits, 預金種目 普通 or 当座, 口座番号
 * 7 digits, 口座名義 (up to 30) and the optional names of bank and branch (up to 15) in the half-width characters of a
 * transfer file. Every wrong field is named, with the first refused character and its position.
 */
@Component
class BankAccountRules {

  static final int HOLDER_MAX = 30;
  static final int NAME_MAX = 15;

  BankAccount check(BankAccountInput in) {
    FieldChecks checks = new FieldChecks();
    String bank = digits(checks, "bankCode", in.bankCode(), 4);
    String branch = digits(checks, "branchCode", in.branchCode(), 3);
    String number = digits(checks, "accountNumber", in.accountNumber(), 7);
    BankAccount.AccountType type = null;
    if (in.accountType() == null || in.accountType().isBlank()) {
      checks.add("accountType", "input.required");
    } else {
      String t = checks.oneOf("accountType", in.accountType().strip().toUpperCase(java.util.Locale.ROOT),
          java.util.List.of("ORDINARY", "CURRENT"));
      type = t == null ? null : BankAccount.AccountType.valueOf(t);
    }
    String holder = kana(checks, "holderKana", in.holderKana(), HOLDER_MAX, true);
    String bankName = kana(checks, "bankNameKana", in.bankNameKana(), NAME_MAX, false);
    String branchName = kana(checks, "branchNameKana", in.branchNameKana(), NAME_MAX, false);
    checks.throwIfAny();
    return new BankAccount(bank, bankName, branch, branchName, type, number, holder);
  }

  private static String digits(FieldChecks checks, String field, String value, int length) {
    if (value == null || value.isBlank()) {
      checks.add(field, "input.required");
      return null;
    }
    String v = value.strip();
    if (!v.matches("[0-9]{" + length + "}")) {
      checks.add(field, "payment.account.digits", length);
      return null;
    }
    return v;
  }

  private static String kana(FieldChecks checks, String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        checks.add(field, "input.required");
      }
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      checks.add(field, "payment.account.too-long", max);
      return null;
    }
    OptionalInt refused = ZenginText.firstRefused(v);
    if (refused.isPresent()) {
      int at = refused.getAsInt();
      checks.add(field, "payment.account.kana", at + 1, String.valueOf(v.charAt(at)));
      return null;
    }
    return v;
  }

  /** What staff send: the fields as text. */
  record BankAccountInput(String bankCode, String bankNameKana, String branchCode, String branchNameKana,
      String accountType, String accountNumber, String holderKana) {
  }
}
