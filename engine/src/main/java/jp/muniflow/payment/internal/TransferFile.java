package jp.muniflow.payment.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.time.LocalDate;
import java.util.List;
import jp.muniflow.payment.BankAccount;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentProperties;

/**
 * A 全銀協 総合振込 file (種別コード 21): 120-byte records in Shift_JIS, each followed by CR LF — the header (データ区分
 * 1: the requester, the transfer date, the account paid from), one data record per payment (2: the receiving bank,
 * branch, 預金種目, 口座番号, 受取人名, amount, customer codes), the trailer (8: count and total) and the end record (9).
 * Names are in the banks' half-width kana, one byte each; an account that could not be written so was refused when it
 * was entered.
 */
final class TransferFile {

  static final int RECORD_LENGTH = 120;
  private static final byte[] CRLF = {'\r', '\n'};

  private TransferFile() {
  }

  static byte[] write(PaymentProperties.Requester requester, LocalDate transferDate, List<Payment> payments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String mmdd = String.format("%02d%02d", transferDate.getMonthValue(), transferDate.getDayOfMonth());
    record(out, "1" + "21" + "0" + ZenginText.digits(requester.code(), 10) + ZenginText.text(requester.nameKana(), 40)
        + mmdd + ZenginText.digits(requester.bankCode(), 4) + ZenginText.text(requester.bankNameKana(), 15)
        + ZenginText.digits(requester.branchCode(), 3) + ZenginText.text(requester.branchNameKana(), 15)
        + requester.accountType().code() + ZenginText.digits(requester.accountNumber(), 7) + ZenginText.text("", 17));
    long total = 0;
    for (Payment p : payments) {
      BankAccount a = p.account();
      total += p.amount();
      record(out, "2" + a.bankCode() + ZenginText.text(a.bankNameKana(), 15) + a.branchCode()
          + ZenginText.text(a.branchNameKana(), 15) + ZenginText.text("", 4) + a.accountType().code() + a.accountNumber()
          + ZenginText.text(a.holderKana(), 30) + ZenginText.number(p.amount(), 10) + "0"
          + customerCode1(p) + customerCode2(p) + " " + " " + ZenginText.text("", 7));
    }
    record(out, "8" + ZenginText.number(payments.size(), 6) + ZenginText.number(total, 12) + ZenginText.text("", 101));
    record(out, "9" + ZenginText.text("", 119));
    return out.toByteArray();
  }

  /** 顧客コード1: the municipality's code, so the secretariat's accounting can tell whom it paid. */
  static String customerCode1(Payment p) {
    return ZenginText.digits(p.tenantId(), 10);
  }

  /** 顧客コード2: the fiscal year, the application's number and the payment's number ({@code 2026-131016-001-P2} → 2026001002). */
  static String customerCode2(Payment p) {
    String[] parts = p.applicationId().split("-");
    String seq = parts[parts.length - 1];
    String paymentNo = p.id().substring(p.id().lastIndexOf("-P") + 2);
    return ZenginText.digits(parts[0], 4) + ZenginText.digits(seq.length() > 3 ? seq.substring(seq.length() - 3) : seq, 3)
        + ZenginText.digits(paymentNo, 3);
  }

  private static void record(ByteArrayOutputStream out, String record) {
    byte[] bytes = encode(record);
    if (bytes.length != RECORD_LENGTH) {
      throw new IllegalStateException("a transfer record must be " + RECORD_LENGTH + " bytes, not " + bytes.length);
    }
    out.writeBytes(bytes);
    out.writeBytes(CRLF);
  }

  private static byte[] encode(String record) {
    try {
      ByteBuffer buffer = ZenginText.SHIFT_JIS.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(record));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a transfer record holds a character Shift_JIS cannot write", e);
    }
  }
}
