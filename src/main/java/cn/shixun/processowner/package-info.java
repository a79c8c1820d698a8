/**
 * The process owner's console at {@code /process-owner} (流程与规则管理, ADR 0012 §2), for the role
 * {@code PROCESS_OWNER} only: the procedures and decision tables the engine runs, each version with
 * its running and finished cases, a version's diagram (bpmn-js) with the open cases per step, a
 * decision table (dmn-js), the repository's files held back at start-up, and the policy profiles
 * with their versions, a draft version's test-case run and impact preview ({@code PolicyPages}).
 * Drafts, test cases and previews live in their own sub-packages. The bpmn.io bundles are fetched at
 * build time ({@code frontend/bpmn-io.lock}, {@code scripts/bpmn-io-assets.sh}) and served from
 * {@code /vendor/}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Process owner")
package cn.shixun.processowner;
