package jp.muniflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.muniflow.processes.payment.PaymentChange;
import jp.muniflow.processes.payment.PaymentContract;
import jp.muniflow.processes.payment.PaymentVariables;
import jp.muniflow.processes.plan.PlanChange;
import jp.muniflow.processes.plan.PlanContract;
import jp.muniflow.processes.plan.PlanVariables;
import jp.muniflow.processes.subsidy.SubsidyChange;
import jp.muniflow.processes.subsidy.SubsidyContract;
import jp.muniflow.processes.subsidy.SubsidyVariables;
import jp.muniflow.support.ContractDrift;
import jp.muniflow.support.ContractDrift.Contract;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The drift test: the BPMN, the forms and both message bundles use exactly the task keys, decisions, variables,
 * changes, messages and timer periods of the processes' contracts ({@link SubsidyContract}, {@link PlanContract},
 * {@link PaymentContract}).
 * A plain test: it reads the files as they are shipped, without an engine.
 */
class ProcessContractDriftTest {

  static final Contract SUBSIDY = new Contract(SubsidyVariables.PROCESS_KEY, SubsidyContract.OUTCOMES,
      SubsidyContract.DECISIONS, SubsidyVariables.ALL, names(SubsidyChange.values()), SubsidyContract.TIMERS,
      Set.of(SubsidyVariables.WITHDRAW_MESSAGE));
  static final Contract PLAN = new Contract(PlanVariables.PROCESS_KEY, PlanContract.OUTCOMES, PlanContract.DECISIONS,
      PlanVariables.ALL, names(PlanChange.values()), Set.of(), Set.of());
  static final Contract PAYMENT = new Contract(PaymentVariables.PROCESS_KEY, PaymentContract.OUTCOMES,
      PaymentContract.DECISIONS, PaymentVariables.ALL, names(PaymentChange.values()), Set.of(),
      Set.of(PaymentVariables.PAID_MESSAGE));

  static final String SUBSIDY_BPMN = "processes/subsidy/subsidyReview.bpmn";
  static final String PLAN_BPMN = "processes/plan/programPlanApproval.bpmn";
  static final String PAYMENT_BPMN = "processes/payment/subsidyPayment.bpmn";

  @Test
  void theSubsidyReviewModelAndItsFormsUseTheContractOnly() {
    assertThat(ContractDrift.ofModel(SUBSIDY, read(SUBSIDY_BPMN), forms("processes/subsidy", SubsidyContract.OUTCOMES.keySet())))
        .isEmpty();
  }

  @Test
  void thePlanApprovalModelAndItsFormsUseTheContractOnly() {
    assertThat(ContractDrift.ofModel(PLAN, read(PLAN_BPMN), forms("processes/plan", PlanContract.OUTCOMES.keySet())))
        .isEmpty();
  }

  @Test
  void thePaymentModelAndItsFormsUseTheContractOnly() {
    assertThat(ContractDrift.ofModel(PAYMENT, read(PAYMENT_BPMN),
        forms("processes/payment", PaymentContract.OUTCOMES.keySet()))).isEmpty();
  }

  @Test
  void bothMessageBundlesNameTheContractsTasksDecisionsAndFieldsOnly() {
    Set<String> steps = allSteps();
    for (String bundle : List.of("messages.properties", "messages_en.properties")) {
      assertThat(ContractDrift.ofMessages(bundle, bundle(read(bundle)), List.of(SUBSIDY, PLAN, PAYMENT), steps))
          .isEmpty();
    }
  }

  @Test
  void theMailTemplatesOfOneTaskNameATaskOfAContract() throws IOException {
    Set<String> tasks = new HashSet<>(SubsidyContract.OUTCOMES.keySet());
    tasks.addAll(PlanContract.OUTCOMES.keySet());
    tasks.addAll(PaymentContract.OUTCOMES.keySet());
    Pattern variant = Pattern.compile("task-[a-z]+\\.([A-Za-z]+)\\.(ja|en)\\.(txt|html)");
    Set<String> named = new HashSet<>();
    for (Resource template : new PathMatchingResourcePatternResolver().getResources("classpath*:mail/templates/task-*")) {
      Matcher m = variant.matcher(template.getFilename());
      if (m.matches()) {
        named.add(m.group(1));
      }
    }
    assertThat(named).as("the templates of one task (task-offered.reviewPlan)").isNotEmpty();
    assertThat(tasks).containsAll(named);
  }

  @Test
  void theDeadlinesOfTheJavaSideAreTheModelsTimers() {
    // the lapse timer is the correction's deadline; the "3 days before" timer fires three days before it
    assertThat(SubsidyContract.CORRECTION_PERIOD.getDays()).isEqualTo(SubsidyContract.CORRECTION_DAYS);
    assertThat(SubsidyContract.DEADLINE_NEAR_AFTER.plusDays(3)).isEqualTo(SubsidyContract.CORRECTION_PERIOD);
    assertThat(read("messages.properties")).contains("空欄なら" + SubsidyContract.REPORT_CORRECTION_DAYS + "日後");
    assertThat(read("messages_en.properties")).contains(SubsidyContract.REPORT_CORRECTION_DAYS + " days");
  }

  // --- the check itself catches drift: the shipped files, each with one literal changed

  @Test
  void aDriftedDecisionInTheModelIsFound() {
    String drifted = read(SUBSIDY_BPMN).replace("${decision == 'forward'}", "${decision == 'foward'}");
    assertThat(ContractDrift.ofModel(SUBSIDY, drifted, forms("processes/subsidy", SubsidyContract.OUTCOMES.keySet())))
        .anySatisfy(f -> assertThat(f).contains("decision 'foward'").contains("not in the contract"))
        .anySatisfy(f -> assertThat(f).contains("decision 'forward' of reviewApplication has no flow"));
  }

  @Test
  void aDriftedChangeMessageAndFormDecisionOfThePaymentAreFound() {
    String drifted = read(PAYMENT_BPMN)
        .replace("<camunda:inputParameter name=\"change\">PAID</camunda:inputParameter>",
            "<camunda:inputParameter name=\"change\">PAYED</camunda:inputParameter>")
        .replace("name=\"paymentMade\"", "name=\"paymentDone\"");
    Map<String, String> forms = forms("processes/payment", PaymentContract.OUTCOMES.keySet());
    forms.put(PaymentContract.APPROVE_PAYMENT, forms.get(PaymentContract.APPROVE_PAYMENT)
        .replace("\"value\": \"return\"", "\"value\": \"sendBack\""));
    assertThat(ContractDrift.ofModel(PAYMENT, drifted, forms))
        .containsExactlyInAnyOrder("subsidyPayment.bpmn: change 'PAYED' is not in the contract",
            "subsidyPayment.bpmn: the contract's change 'PAID' is not in the model any more",
            "subsidyPayment.bpmn: message 'paymentDone' is not in the contract",
            "subsidyPayment.bpmn: the contract's message 'paymentMade' is not in the model any more",
            "approvePayment.form: offers the decisions [approve, sendBack], the contract has [approve, return]");
  }

  @Test
  void aDriftedTaskKeyVariableAndTimerInTheModelAreFound() {
    String drifted = read(SUBSIDY_BPMN)
        .replace("userTask id=\"decideGrant\"", "userTask id=\"decideGrants\"")
        .replace("bpmnElement=\"decideGrant\"", "bpmnElement=\"decideGrants\"")
        .replace("targetRef=\"decideGrant\"", "targetRef=\"decideGrants\"")
        .replace("sourceRef=\"decideGrant\"", "sourceRef=\"decideGrants\"")
        .replace("${managersGroup}", "${managerGroup}")
        .replace(">P30D<", ">P31D<");
    assertThat(ContractDrift.ofModel(SUBSIDY, drifted, forms("processes/subsidy", SubsidyContract.OUTCOMES.keySet())))
        .contains("subsidyReview.bpmn: user task 'decideGrants' is not in the contract",
            "subsidyReview.bpmn: the contract's user task 'decideGrant' is not in the model any more",
            "subsidyReview.bpmn: timer 'P31D' is not in the contract",
            "subsidyReview.bpmn: the contract's timer 'P30D' is not in the model any more")
        .anySatisfy(f -> assertThat(f).contains("variable 'managerGroup'"));
  }

  @Test
  void aDriftedFormFieldOrDecisionIsFound() {
    Map<String, String> forms = forms("processes/subsidy", SubsidyContract.OUTCOMES.keySet());
    forms.put("decideGrant", forms.get("decideGrant").replace("\"value\": \"reject\"", "\"value\": \"rejected\""));
    forms.put("correctApplication", forms.get("correctApplication").replace("\"key\": \"plannedEnd\"", "\"key\": \"plannedFinish\""));
    assertThat(ContractDrift.ofModel(SUBSIDY, read(SUBSIDY_BPMN), forms))
        .contains("decideGrant.form: offers the decisions [grant, rejected, returnToReview], the contract has "
            + "[grant, reject, returnToReview]", "correctApplication.form: field 'plannedFinish' is not in the contract",
            "correctApplication.form: the contract's field 'plannedEnd' is not in the model any more");
  }

  @Test
  void aDriftedMessageKeyIsFound() {
    Properties messages = bundle(read("messages.properties"));
    messages.setProperty("outcome.foward", messages.getProperty("outcome.forward"));
    messages.remove("outcome.forward");
    messages.setProperty("form.reviewPerformanceReport.decision.confirmed", "確認する");
    assertThat(ContractDrift.ofMessages("messages.properties", messages, List.of(SUBSIDY, PLAN, PAYMENT), allSteps()))
        .containsExactlyInAnyOrder(
            "messages.properties: form.reviewPerformanceReport.decision.confirmed names a task's field or decision that"
                + " is not in the contract",
            "messages.properties: outcome.foward names a decision that is not in the contract",
            "messages.properties: has no outcome.forward");
  }

  /** The ids of the flow nodes of all three models: the steps that message keys may name. */
  private static Set<String> allSteps() {
    Set<String> steps = new HashSet<>(ContractDrift.flowNodes(read(SUBSIDY_BPMN)));
    steps.addAll(ContractDrift.flowNodes(read(PLAN_BPMN)));
    steps.addAll(ContractDrift.flowNodes(read(PAYMENT_BPMN)));
    return steps;
  }

  private static Map<String, String> forms(String folder, Set<String> tasks) {
    Map<String, String> forms = new HashMap<>();
    tasks.forEach(t -> forms.put(t, read(folder + "/" + t + ".form")));
    return forms;
  }

  private static Set<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
  }

  private static Properties bundle(String text) {
    Properties p = new Properties();
    try {
      p.load(new java.io.StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static String read(String resource) {
    try (InputStream in = ProcessContractDriftTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
