package jp.muniflow.subsidy;

/**
 * The amount of an application was confirmed (交付額確定), in the transaction of the confirming step: the payment
 * feature opens the settlement (精算) from it.
 *
 * @param decidingSecretariat the secretariat that decided the grant; it pays
 */
public record ApplicationConfirmed(String applicationId, String tenantId, int fiscalYear, String title,
    long grantedAmount, long confirmedAmount, String decidingSecretariat) {
}
