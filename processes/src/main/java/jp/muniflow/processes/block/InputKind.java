package jp.muniflow.processes.block;

/** What an input of a building block holds, and so how the deployment gate checks its literal value. */
public enum InputKind {
  /** Any text that is not blank. */
  TEXT,
  /** The name of a process variable ({@code decidingSecretariat}). */
  VARIABLE_NAME,
  /** Names of process variables, separated by commas ({@code fiscalYear, deadline}). */
  VARIABLE_NAMES,
  /** The key of a process definition ({@code ghgReport}). */
  PROCESS_KEY,
  /** The key of a notice template that exists ({@code subsidy.grant}). */
  NOTICE_TEMPLATE,
  /**
   * A set of municipalities that is not empty: {@code all}, {@code wards}, {@code cities}, {@code towns-villages}, a
   * secretariat's scope ({@code secretariat:tokyo-shichoson}) or municipality codes separated by commas.
   */
  TENANT_SET
}
