/**
 * Reports of a fiscal year (事業実績): the annual report per program, per secretariat and per municipality —
 * applications, grants, confirmed amounts, payments and refunds — as JSON, a PDF in the notice style issued by the
 * coordinator, a CSV for Excel and a page with charts. Reads the subsidy and payment modules through their public
 * APIs only; who sees which municipalities' figures is its own rule ({@code internal.ReportScope}).
 */
@ApplicationModule(allowedDependencies = {"notice", "payment", "plan", "platform", "security", "subsidy", "tenants",
    "ui"})
package jp.muniflow.report;

import org.springframework.modulith.ApplicationModule;
