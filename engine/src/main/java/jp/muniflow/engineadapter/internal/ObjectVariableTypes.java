package jp.muniflow.engineadapter.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The allow-list of object variables: an object variable holds JSON, and its declared type is a list or map of
 * strings, numbers and booleans ({@link #ALLOWED}). Any other value is refused when it is written, on every path,
 * with the reason ({@link BadUserRequestException}, which Camunda's REST API and webapps answer with 400).
 *
 * <p>Camunda reads an object variable by its declared type name; its deserialization type validation refuses unknown
 * types only then, when a later step reads the variable: a value typed {@code java.lang.ProcessBuilder} was stored,
 * and the reviewer's next completion failed with 500. This serializer sits first among the engine's serializers and
 * claims exactly the object values outside the list, so that the engine picks it for them, and it refuses them.
 * It never stores a value.
 */
final class ObjectVariableTypes implements TypedValueSerializer<TypedValue> {

  static final String NAME = "muniflow-refused-object";

  /** The types an object variable may declare, also as the type parameters of a list or map. */
  static final Set<String> ALLOWED = Set.of("java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap",
      "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
      "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Integer", "java.lang.Long",
      "java.lang.Short", "java.lang.Double", "java.lang.Float", "java.math.BigDecimal", "java.math.BigInteger");

  private static final Pattern TYPE_SEPARATORS = Pattern.compile("[<>,\\s]+");

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public ValueType getType() {
    return ValueType.OBJECT;
  }

  /** Claims an object value (typed, or a plain Java object) that is not on the list; leaves everything else. */
  @Override
  public boolean canHandle(TypedValue value) {
    if (value instanceof ObjectValue object) {
      return refusal(object) != null;
    }
    if (value instanceof UntypedValueImpl untyped) {
      Object v = untyped.getValue();
      return v != null && !isPrimitive(v) && !isPlain(v);
    }
    return false;
  }

  @Override
  public TypedValue convertToTypedValue(UntypedValueImpl untypedValue) {
    throw refuse(untypedValue.getValue().getClass().getName());
  }

  @Override
  public void writeValue(TypedValue value, ValueFields valueFields) {
    String refusal = value instanceof ObjectValue object ? refusal(object) : null;
    throw refuse(refusal != null ? refusal : String.valueOf(value.getType()));
  }

  @Override
  public TypedValue readValue(ValueFields valueFields, boolean deserializeValue, boolean isTransient) {
    throw new IllegalStateException("no variable is ever stored as " + NAME);
  }

  @Override
  public String getSerializationDataformat() {
    // the engine's default format: among several serializers for one value, it takes the first of this format
    return Variables.SerializationDataFormats.JSON.getName();
  }

  @Override
  public boolean isMutableValue(TypedValue typedValue) {
    return false;
  }

  /** What is wrong with an object value, or null if it may be stored. */
  static String refusal(ObjectValue object) {
    if (object.isDeserialized()) {
      Object v = object.getValue();
      return v == null || isPlain(v) ? null : v.getClass().getName();
    }
    String format = object.getSerializationDataFormat();
    if (format != null && !Variables.SerializationDataFormats.JSON.getName().equals(format)) {
      return "the format " + format;
    }
    String typeName = object.getObjectTypeName();
    if (typeName == null) {
      return "an object without a type";
    }
    for (String part : TYPE_SEPARATORS.split(typeName.strip())) {
      if (!part.isEmpty() && !ALLOWED.contains(part)) {
        return typeName;
      }
    }
    return null;
  }

  /** A Java value that is a list or map of the allowed types, all the way down. */
  static boolean isPlain(Object v) {
    if (v == null || isPrimitive(v) || v instanceof BigDecimal || v instanceof BigInteger) {
      return true;
    }
    if (v instanceof Map<?, ?> map) {
      return ALLOWED.contains(v.getClass().getName()) && map.keySet().stream().allMatch(k -> k instanceof String)
          && map.values().stream().allMatch(ObjectVariableTypes::isPlain);
    }
    if (v instanceof Collection<?> items) {
      return ALLOWED.contains(v.getClass().getName()) && items.stream().allMatch(ObjectVariableTypes::isPlain);
    }
    return false;
  }

  /** Values the engine's own serializers store as they are (strings, numbers, booleans, dates, bytes). */
  private static boolean isPrimitive(Object v) {
    return v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof Short || v instanceof Double || v instanceof Float || v instanceof Date || v instanceof byte[];
  }

  private static BadUserRequestException refuse(String what) {
    return new BadUserRequestException("Object variables may hold only JSON lists and maps of strings, numbers and "
        + "booleans, declared as one of " + new TreeSet<>(ALLOWED) + "; refused: " + what);
  }
}
