package jp.muniflow.engineadapter.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.springframework.stereotype.Component;

/**
 * Which values a variable may hold, on every path that writes one (Camunda's REST API, its webapps, MuniFlow's own
 * code): an object variable only the types of {@link ObjectVariableTypes}; a Java-serialized value is the client's
 * mistake and answered 400 with the reason, not 500. Camunda refuses such a value itself (Java serialization is off,
 * {@code EngineHardeningPlugin}) but as a server error, ENGINE-17007.
 */
@Component
class VariableValueGuard extends AbstractProcessEnginePlugin {

  /** Camunda's refusal of a Java-serialized value: a plain {@code ProcessEngineException} with this code. */
  static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    // first of all serializers, before Spin's JSON serializer, which would take any type name
    List<TypedValueSerializer> serializers = cfg.getCustomPreVariableSerializers() == null
        ? new ArrayList<>() : cfg.getCustomPreVariableSerializers();
    serializers.add(0, new ObjectVariableTypes());
    cfg.setCustomPreVariableSerializers(serializers);

    List<CommandInterceptor> required = cfg.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(cfg.getCustomPreCommandInterceptorsTxRequired());
    required.add(new ClientMistakes());
    cfg.setCustomPreCommandInterceptorsTxRequired(required);
    List<CommandInterceptor> requiresNew = cfg.getCustomPreCommandInterceptorsTxRequiresNew() == null
        ? new ArrayList<>() : new ArrayList<>(cfg.getCustomPreCommandInterceptorsTxRequiresNew());
    requiresNew.add(new ClientMistakes());
    cfg.setCustomPreCommandInterceptorsTxRequiresNew(requiresNew);
  }

  /** Turns the engine's refusals of a client's value into {@link BadUserRequestException}, which REST answers 400. */
  static final class ClientMistakes extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (BadUserRequestException e) {
        throw e;
      } catch (ProcessEngineException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(JAVA_SERIALIZATION_PROHIBITED)) {
          throw new BadUserRequestException(e.getMessage()
              + " (variables of MuniFlow hold strings, numbers, booleans, dates, and JSON lists and maps)", e);
        }
        throw e;
      }
    }
  }
}
