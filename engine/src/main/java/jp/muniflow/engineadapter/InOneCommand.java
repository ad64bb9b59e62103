package jp.muniflow.engineadapter;

import java.util.function.Supplier;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs several engine calls as one engine command. Each call of the engine's services is a command of its own: its
 * own look-ups of the same rows, its own authorization set-up and its own flush. Calls made inside a running command
 * join it instead (the engine reuses the command context of the thread), so a request that reads a task, checks it,
 * claims and completes it does all of it once, and flushes once.
 *
 * <p>Nothing about the checks changes: every call inside still runs the engine's authorization and tenant checks for
 * the user that is authenticated at that moment.
 *
 * <p>Only inside a transaction of the caller ({@code @Transactional}): MuniFlow's own refusals (not found, a business
 * rule, invalid input) leave the command as values and are thrown again after it, so that the engine does not log a
 * user's mistake as an error with its stack; thrown again, they roll back the caller's transaction with whatever the
 * command did before the refusal.
 */
@Component
public class InOneCommand {

  private final ProcessEngineConfigurationImpl engine;

  InOneCommand(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  public <T> T call(Supplier<T> calls) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("InOneCommand needs the caller's transaction");
    }
    Outcome<T> outcome = engine.getCommandExecutorTxRequired().execute(commandContext -> {
      try {
        return new Outcome<>(calls.get(), null);
      } catch (NotFoundException | BusinessRuleException | InvalidInputException refusal) {
        return new Outcome<>(null, refusal);
      }
    });
    if (outcome.refusal() != null) {
      throw outcome.refusal();
    }
    return outcome.value();
  }

  private record Outcome<T>(T value, RuntimeException refusal) {
  }
}
