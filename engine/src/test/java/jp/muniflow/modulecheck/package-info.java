/**
 * Three small modules made to break the rules that {@code ModularityTest} enforces on MuniFlow's own modules:
 * {@code orders} declares that it may use {@code billing} only, yet reaches into {@code billing}'s internals and uses
 * {@code shipping}. {@code ModularityTest} shows that Spring Modulith's {@code verify()} refuses both.
 */
package jp.muniflow.modulecheck;
