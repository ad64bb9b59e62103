package jp.muniflow.report.internal;

/**
 * The figures of one line of the annual report. Counts of applications (申請), grant decisions (交付決定), confirmed
 * amounts (交付額確定), payments made (支払) and refund requests (返還), each with its amount in whole yen.
 */
public record Figures(long applications, long requestedYen, long granted, long grantedYen, long confirmed,
    long confirmedYen, long paid, long paidYen, long returned, long returnedYen) {

  static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  Figures plus(Figures o) {
    return new Figures(applications + o.applications, requestedYen + o.requestedYen, granted + o.granted,
        grantedYen + o.grantedYen, confirmed + o.confirmed, confirmedYen + o.confirmedYen, paid + o.paid,
        paidYen + o.paidYen, returned + o.returned, returnedYen + o.returnedYen);
  }

  static Figures application(long requestedYen) {
    return new Figures(1, requestedYen, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  static Figures grant(long yen) {
    return new Figures(0, 0, 1, yen, 0, 0, 0, 0, 0, 0);
  }

  static Figures confirmation(long yen) {
    return new Figures(0, 0, 0, 0, 1, yen, 0, 0, 0, 0);
  }

  static Figures payment(long yen) {
    return new Figures(0, 0, 0, 0, 0, 0, 1, yen, 0, 0);
  }

  static Figures refund(long yen) {
    return new Figures(0, 0, 0, 0, 0, 0, 0, 0, 1, yen);
  }
}
