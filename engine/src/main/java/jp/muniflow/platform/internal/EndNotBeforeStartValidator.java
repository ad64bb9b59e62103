package jp.muniflow.platform.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import jp.muniflow.platform.EndNotBeforeStart;

/** {@link EndNotBeforeStart}: reads the two dates by their record components and reports on the end's field. */
public class EndNotBeforeStartValidator implements ConstraintValidator<EndNotBeforeStart, Record> {

  private String start;
  private String end;

  @Override
  public void initialize(EndNotBeforeStart constraint) {
    this.start = constraint.start();
    this.end = constraint.end();
  }

  @Override
  public boolean isValid(Record value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    LocalDate first = date(value, start);
    LocalDate last = date(value, end);
    if (first == null || last == null || !last.isBefore(first)) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
        .addPropertyNode(end).addConstraintViolation();
    return false;
  }

  private static LocalDate date(Record value, String name) {
    RecordComponent component = Arrays.stream(value.getClass().getRecordComponents())
        .filter(c -> c.getName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException(value.getClass() + " has no record component " + name));
    try {
      var accessor = component.getAccessor();
      accessor.setAccessible(true);
      return (LocalDate) accessor.invoke(value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + name + " of " + value.getClass(), e);
    }
  }
}
