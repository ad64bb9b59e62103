package jp.muniflow.payment.internal;

import java.util.Locale;
import jp.muniflow.payment.BankAccount;
import jp.muniflow.payment.Payment;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.processes.payment.PaymentVariables;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.task.TaskSubject;
import jp.muniflow.task.TaskView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The payment a task of {@code subsidyPayment} is about (its business key): the amount and the account it goes to,
 * whole for the paying secretariat's managers who approve it, masked for staff; before the request, the account the
 * municipality has registered now.
 */
@Component
class PaymentTaskSubject implements TaskSubject {

  private final PaymentStore payments;
  private final BankAccountStore accounts;
  private final PaymentAccess access;

  PaymentTaskSubject(PaymentStore payments, BankAccountStore accounts, PaymentAccess access) {
    this.payments = payments;
    this.accounts = accounts;
    this.access = access;
  }

  @Override
  public boolean supports(String processDefinitionKey) {
    return PaymentVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public String describe(MuniFlowUser user, TaskView task, Locale locale, Model model) {
    if (task.businessKey() == null) {
      return null;
    }
    Payment p = payments.find(task.businessKey()).orElse(null);
    if (p == null || !access.canSee(user, p)) {
      throw new NotFoundException("payment.not-found");
    }
    boolean english = "en".equals(locale.getLanguage());
    BankAccount account = p.account() != null ? p.account() : accounts.find(p.tenantId()).orElse(null);
    boolean whole = access.isManagerOf(user, p.payingSecretariat()) && user.canSeeTenant(p.tenantId());
    if (account != null && !whole) {
      account = account.masked();
    }
    model.addAttribute("payment", p);
    model.addAttribute("kindLabel", p.kind().label(english));
    model.addAttribute("account", account);
    model.addAttribute("accountLabel", account == null ? null : PaymentNoticeValues.label(account, english, whole)
        + (english ? ", " : "　") + account.holderKana());
    return "payment/task-subject";
  }
}
