/**
 * Payment of subsidies (交付請求・支出決定・支払): the payments of an application (an advance when the year's grant
 * rules allow it, the settlement at the confirmation of the amount, a refund request when the advances were more),
 * the municipalities' bank accounts, the paying secretariat's transfer file (全銀協 総合振込 and CSV) and the marking of a
 * batch as paid. Implements the {@code subsidyPayment} process's {@code Payments} port.
 */
@ApplicationModule(allowedDependencies = {"engineadapter", "modeling", "notice", "plan", "platform", "processes",
    "processes :: payment", "security", "subsidy", "task", "tenants", "ui"})
package jp.muniflow.payment;

import org.springframework.modulith.ApplicationModule;
