/**
 * The payment process's ports, variables and delegate ({@code subsidyPayment}: 交付請求, 支出決定, 支払, 支払通知書,
 * and at settlement the 返還請求). A named interface of the {@code processes} module, so the engine's payment feature
 * may implement its port.
 */
@NamedInterface("payment")
package jp.muniflow.processes.payment;

import org.springframework.modulith.NamedInterface;
