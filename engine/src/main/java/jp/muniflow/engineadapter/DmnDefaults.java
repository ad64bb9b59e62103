package jp.muniflow.engineadapter;

/**
 * The expression languages the engine's DMN engine uses for an expression that names none, as it is configured: the
 * deployment gate checks such an expression in these.
 */
public record DmnDefaults(String inputExpression, String inputEntry, String outputEntry, String literalExpression) {
}
