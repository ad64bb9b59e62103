package jp.muniflow.payment;

/** Why a payment is made. */
public enum PaymentKind {
  /** 概算払: part of the grant paid before the amount is confirmed, when the grant rules allow it. */
  ADVANCE("概算払", "Advance payment"),
  /** 精算払: what is left of the confirmed amount after the advances (or, if negative, a refund request). */
  SETTLEMENT("精算払", "Settlement");

  private final String japanese;
  private final String english;

  PaymentKind(String japanese, String english) {
    this.japanese = japanese;
    this.english = english;
  }

  public String label(boolean english) {
    return english ? this.english : japanese;
  }
}
