package jp.muniflow.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import jp.muniflow.payment.BankAccount;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentKind;
import jp.muniflow.payment.PaymentProperties;
import jp.muniflow.payment.PaymentStatus;
import jp.muniflow.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 全銀 file as a bank reads it — every record 120 bytes of Shift_JIS with the kana one byte each, the fields at
 * their offsets, the trailer's count and total — and the account checks that keep a file from holding what a bank
 * refuses.
 */
class TransferFileTest {

  private static final Charset SJIS = Charset.forName("Shift_JIS");
  private static final PaymentProperties.Requester REQUESTER = new PaymentProperties.Requester("123", "ﾄｸﾍﾞﾂｸｷﾖｳｷﾞｶｲ",
      "1", "ﾐｽﾞﾎ", "1", "ﾄｳｷﾖｳ", BankAccount.AccountType.CURRENT, "1234567");
  private final BankAccountRules rules = new BankAccountRules();

  private static Payment payment(String id, String tenant, long amount, String holder) {
    BankAccount account = new BankAccount("0009", "ﾐﾂｲｽﾐﾄﾓ", "123", null, BankAccount.AccountType.ORDINARY, "0012345",
        holder);
    return new Payment(id, id.substring(0, id.lastIndexOf("-P")), tenant, 2026, PaymentKind.SETTLEMENT, amount,
        PaymentStatus.APPROVED, "kyogikai", "pi-" + id, account, LocalDate.of(2027, 4, 20), null, null, null,
        Instant.EPOCH, Instant.EPOCH);
  }

  @Test
  void header_data_trailer_and_end_are_120_bytes_with_the_totals() {
    byte[] file = TransferFile.write(REQUESTER, LocalDate.of(2027, 4, 20), List.of(
        payment("2026-131016-001-P1", "131016", 850_000, "ﾁﾖﾀﾞｸｶｲｹｲｶﾝﾘｼﾔ"),
        payment("2026-131016-012-P2", "131016", 1_500_000, "(ｶ)ﾃｽﾄ.ｼﾖｳｼﾞ-")));
    assertThat(file).hasSize(5 * 122);
    String[] records = new String[5];
    for (int i = 0; i < 5; i++) {
      byte[] r = Arrays.copyOfRange(file, i * 122, i * 122 + 120);
      assertThat(file[i * 122 + 120]).isEqualTo((byte) '\r');
      assertThat(file[i * 122 + 121]).isEqualTo((byte) '\n');
      records[i] = new String(r, SJIS);
    }
    // header: 種別 21, コード区分 0, 依頼人コード (10), 依頼人名 (40), 取組日 MMDD, bank, branch, 種目, 口座番号
    assertThat(records[0]).startsWith("12100000000123ﾄｸﾍﾞﾂｸｷﾖｳｷﾞｶｲ");
    assertThat(records[0].substring(54, 62)).isEqualTo("04200001");
    assertThat(records[0].substring(77, 80)).isEqualTo("001");
    assertThat(records[0].substring(95, 103)).isEqualTo("21234567");
    // data: the holder in one-byte kana at 50..79, the amount at 80..89, the customer codes at 91..110
    assertThat(records[1].substring(50, 80).strip()).isEqualTo("ﾁﾖﾀﾞｸｶｲｹｲｶﾝﾘｼﾔ");
    assertThat(records[1].substring(80, 90)).isEqualTo("0000850000");
    assertThat(records[1].substring(91, 111)).isEqualTo("0000131016" + "2026001001");
    assertThat(records[2].substring(50, 80).strip()).isEqualTo("(ｶ)ﾃｽﾄ.ｼﾖｳｼﾞ-");
    assertThat(records[2].substring(101, 111)).isEqualTo("2026012002");
    // trailer: 2 payments, 2,350,000 yen; then the end record
    assertThat(records[3]).startsWith("8" + "000002" + "000002350000");
    assertThat(records[4]).isEqualTo("9" + " ".repeat(119));
  }

  @ParameterizedTest(name = "{0} refused at {1}")
  @CsvSource({
      "ﾁﾖﾀﾞｸｶｲｹｲｶﾝﾘｼｬ, 14, ｬ",
      "ﾃﾞｰﾀｼﾖｳｼﾞ, 3, ｰ",
      "ちよだく, 1, ち",
      "Chiyoda, 2, h",
      "ﾁﾖﾀﾞｸ@, 6, @"})
  void a_holder_the_banks_refuse_is_refused_with_its_position_and_character(String holder, int at, String character) {
    assertThatThrownBy(() -> rules.check(input("0009", "123", "ORDINARY", "0012345", holder)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).field()).isEqualTo("holderKana");
          assertThat(e.problems().get(0).args()).containsExactly(at, character);
        });
  }

  @Test
  void codes_and_type_are_checked_by_field() {
    assertThatThrownBy(() -> rules.check(input("12345", "12", "SAVINGS", "123456", "ﾁﾖﾀﾞｸ")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(InvalidInputException.FieldProblem::field)
            .containsExactlyInAnyOrder("bankCode", "branchCode", "accountType", "accountNumber"));
  }

  @Test
  void an_account_the_banks_take_is_kept_as_sent() {
    BankAccount a = rules.check(input("0009", "123", "current", "0012345", "ﾁﾖﾀﾞｸ ｶｲｹｲｶﾝﾘｼﾔ"));
    assertThat(a.accountType()).isEqualTo(BankAccount.AccountType.CURRENT);
    assertThat(a.masked().accountNumber()).isEqualTo("****345");
    assertThat(a.masked().holderKana()).isEqualTo("ﾁﾖ" + "*".repeat("ﾁﾖﾀﾞｸ ｶｲｹｲｶﾝﾘｼﾔ".length() - 2));
  }

  private static BankAccountRules.BankAccountInput input(String bank, String branch, String type, String number,
      String holder) {
    return new BankAccountRules.BankAccountInput(bank, null, branch, null, type, number, holder);
  }
}
