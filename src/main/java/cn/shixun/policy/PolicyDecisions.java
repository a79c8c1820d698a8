package cn.shixun.policy;

import java.util.List;

/**
 * The one door to the decision tables, so that the REST preview, the registration service and
 * the BPMN processes read the same rule. Each answer carries the decision key and version used.
 */
public interface PolicyDecisions {

    String CREDIT_RULES = "creditRules";
    String RECOGNISED_CERTIFICATES = "recognisedCertificates";
    String REQUIREMENTS = "requirements";
    String CYCLE_RULES = "cycleRules";
    /** The tables a policy version is evaluated with, each pinned to a deployed definition. */
    List<String> TABLES = List.of(REQUIREMENTS, CYCLE_RULES, CREDIT_RULES, RECOGNISED_CERTIFICATES);

    CreditRule creditRule(PolicyKey key, ClaimKind kind, String role);

    Recognition recognition(PolicyKey key, String certificateKind);

    List<Requirement> requirements(PolicyKey key);

    CycleRule cycleRule(PolicyKey key);
}
