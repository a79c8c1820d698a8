package cn.shixun.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes a policy decision table ambiguous, beyond what the engine refuses (ADR 0012 §2
 * "Validation"); each problem names the table's rule (row) by its id. The tables are keyed by
 * the inputs {@code profile}, {@code profileVersion} and {@code cityCode} (ADR 0002):
 * <ul>
 *   <li>every row of a profile names its version: a {@code -} in {@code profileVersion} would make
 *       the row apply to every version, past ones included (ADR 0012 §1). A row for every profile
 *       ({@code -} in both, the catch-alls that end {@code creditRules} and
 *       {@code recognisedCertificates}) is the shared fallback and stays as it is;</li>
 *   <li>UNIQUE tables: no two rows match the same input; ANY tables: none with different outputs;</li>
 *   <li>COLLECT tables with an output {@code code} ({@code requirements}): no two rows that match
 *       the same input give the same requirement code (their minimums would both apply);</li>
 *   <li>FIRST tables: the last row each profile version can reach has {@code -} in every input but
 *       the profile and version, so no input of the version falls through without a result;</li>
 *   <li>tables with outputs {@code minimumHours} and {@code label} ({@code requirements}): every figure
 *       of hours or credits the label names ("校本研修每年16学时") is the row's minimum. Teachers read the
 *       label beside their hours; a minimum lowered in a new version with its label left as it was
 *       would tell them the old figure.</li>
 * </ul>
 * Two rows "match the same input" when every column's entries overlap, decided exactly only:
 * entries overlap when one is {@code -} (or empty), when their texts are equal, and do not when
 * both are different literals ({@code "henan-2016"}, {@code 1}, {@code true}). Not detected (taken
 * as not overlapping): ranges ({@code [1..3]}, {@code >= 2}), lists ({@code "a","b"}), negations
 * ({@code not("a")}) and other expressions that overlap some literal or each other; unsatisfiable
 * entries (a row no input matches) are taken as matching something. The FIRST check reads only
 * literal profiles and versions as keys.
 */
public final class DecisionPolicyChecks {

    /**
     * One problem of a table.
     *
     * @param elementId the rule (row) id, e.g. {@code Rule_requirements_03}
     * @param ruleId    which check: {@code policy.version-wildcard}, {@code policy.ambiguous-overlap},
     *                  {@code policy.duplicate-requirement}, {@code policy.first-without-catch-all},
     *                  {@code policy.label-contradicts-minimum}
     * @param zh        the reason in Chinese, naming the other row where two collide
     * @param en        the same in English
     */
    public record Problem(String elementId, String ruleId, String zh, String en) {
    }

    static final String PROFILE = "profile";
    static final String PROFILE_VERSION = "profileVersion";
    /** A figure of hours or credits in a label: "16学时", "30 学时", "16学分". */
    private static final Pattern HOURS_IN_LABEL = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:学时|学分)");

    private DecisionPolicyChecks() {
    }

    /** The problems of every decision table in a DMN file; none for a file that is not readable DMN (the model validation says why). */
    public static List<Problem> check(byte[] dmn) {
        List<DecisionTableRows.Table> tables;
        try {
            tables = DecisionTableRows.tables(dmn);
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        tables.forEach(table -> problems.addAll(check(table)));
        return problems;
    }


    static List<Problem> check(DecisionTableRows.Table table) {
        List<Problem> problems = new ArrayList<>();
        versionWildcards(table, problems);
        labelsMatchMinimums(table, problems);
        switch (table.hitPolicy()) {
            case "UNIQUE" -> overlaps(table, false, problems);
            case "ANY" -> overlaps(table, true, problems);
            case "COLLECT" -> duplicateCodes(table, problems);
            case "FIRST" -> catchAlls(table, problems);
            default -> {
            }
        }
        return problems;
    }

    private static void versionWildcards(DecisionTableRows.Table table, List<Problem> problems) {
        int version = table.inputs().indexOf(PROFILE_VERSION);
        int profile = table.inputs().indexOf(PROFILE);
        if (version < 0) {
            return;
        }
        for (DecisionTableRows.Row row : table.rows()) {
            boolean everyProfile = profile >= 0 && isAny(row.inputs().get(profile));
            if (isAny(row.inputs().get(version)) && !everyProfile) {
                problems.add(new Problem(row.id(), "policy.version-wildcard", "规则 " + row.id() + " 的“方案版本”为 -：每一行都须写明"
                        + "适用的方案版本（如 1），否则它对所有版本（包括已发布的旧版本）都生效",
                        "rule " + row.id() + " has - as profileVersion: every row must name its version"));
            }
        }
    }

    private static void labelsMatchMinimums(DecisionTableRows.Table table, List<Problem> problems) {
        int minimum = table.outputs().indexOf("minimumHours");
        int label = table.outputs().indexOf("label");
        if (minimum < 0 || label < 0) {
            return;
        }
        for (DecisionTableRows.Row row : table.rows()) {
            BigDecimal figure = number(row.outputs().get(minimum));
            Matcher named = HOURS_IN_LABEL.matcher(row.outputs().get(label));
            while (figure != null && named.find()) {
                if (new BigDecimal(named.group(1)).compareTo(figure) != 0) {
                    problems.add(new Problem(row.id(), "policy.label-contradicts-minimum", "规则 " + row.id() + " 的说明写着“"
                            + named.group() + "”，但最低学时是 " + figure.toPlainString() + "：教师看到的是说明，请把说明中的学时改为 "
                            + figure.toPlainString(), "rule " + row.id() + " says \"" + named.group() + "\" in its label but its minimum is "
                            + figure.toPlainString()));
                    break;
                }
            }
        }
    }

    /** A number literal, or null for an expression these checks do not evaluate. */
    private static BigDecimal number(String entry) {
        return entry.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(entry) : null;
    }

    private static void overlaps(DecisionTableRows.Table table, boolean sameOutputAllowed, List<Problem> problems) {
        List<DecisionTableRows.Row> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                DecisionTableRows.Row one = rows.get(i);
                DecisionTableRows.Row other = rows.get(j);
                if (overlap(one, other) && !(sameOutputAllowed && one.outputs().equals(other.outputs()))) {
                    problems.add(new Problem(other.id(), "policy.ambiguous-overlap", "规则 " + other.id() + " 与规则 " + one.id()
                            + " 可能同时匹配同一输入（命中策略 " + table.hitPolicy() + " 不允许）：请让两行的条件互斥",
                            "rules " + one.id() + " and " + other.id() + " can match the same input, which hit policy "
                                    + table.hitPolicy() + " does not allow"));
                }
            }
        }
    }

    private static void duplicateCodes(DecisionTableRows.Table table, List<Problem> problems) {
        int code = table.outputs().indexOf("code");
        if (code < 0) {
            return;
        }
        List<DecisionTableRows.Row> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                DecisionTableRows.Row one = rows.get(i);
                DecisionTableRows.Row other = rows.get(j);
                String value = one.outputs().get(code);
                if (!isAny(value) && value.equals(other.outputs().get(code)) && overlap(one, other)) {
                    problems.add(new Problem(other.id(), "policy.duplicate-requirement", "规则 " + other.id() + " 与规则 " + one.id()
                            + " 对同一方案版本给出同一要求 " + value + "：两行的最低学时会同时生效，请删去一行或让条件互斥",
                            "rules " + one.id() + " and " + other.id() + " give the same requirement " + value
                                    + " for the same input"));
                }
            }
        }
    }

    /** Per literal (profile, version) pair: the last row that pair reaches is a catch-all for it. */
    private static void catchAlls(DecisionTableRows.Table table, List<Problem> problems) {
        int profile = table.inputs().indexOf(PROFILE);
        int version = table.inputs().indexOf(PROFILE_VERSION);
        Map<String, List<String>> keys = new TreeMap<>();
        for (DecisionTableRows.Row row : table.rows()) {
            String p = profile < 0 ? "-" : row.inputs().get(profile);
            String v = version < 0 ? "-" : row.inputs().get(version);
            if ((isAny(p) || isLiteral(p)) && (isAny(v) || isLiteral(v))) {
                keys.putIfAbsent(p + "\u0000" + v, List.of(p, v));
            }
        }
        for (List<String> key : keys.values()) {
            DecisionTableRows.Row last = null;
            for (DecisionTableRows.Row row : table.rows()) {
                boolean reaches = (profile < 0 || covers(row.inputs().get(profile), key.get(0)))
                        && (version < 0 || covers(row.inputs().get(version), key.get(1)));
                if (reaches) {
                    last = row;
                }
            }
            boolean catchAll = true;
            for (int column = 0; column < table.inputs().size(); column++) {
                if (column != profile && column != version && !isAny(Objects.requireNonNull(last).inputs().get(column))) {
                    catchAll = false;
                }
            }
            if (!catchAll) {
                String named = "方案 " + key.get(0) + " 版本 " + key.get(1);
                problems.add(new Problem(last.id(), "policy.first-without-catch-all", named + " 的最后一条规则 " + last.id()
                        + " 不是兜底行：命中策略 FIRST 的表须为每个方案版本以一行除方案和版本外全为 - 的规则结束，否则有的输入没有结果",
                        "the last rule " + last.id() + " for profile " + key.get(0) + " version " + key.get(1)
                                + " is not a catch-all (- in every input but profile and version)"));
            }
        }
    }

    /** Whether a row's entry matches every input the key's entry matches. */
    private static boolean covers(String entry, String key) {
        return isAny(entry) || entry.equals(key);
    }

    /** Whether some input matches both rows, where that can be decided exactly (see the class comment). */
    private static boolean overlap(DecisionTableRows.Row one, DecisionTableRows.Row other) {
        for (int column = 0; column < one.inputs().size(); column++) {
            String a = one.inputs().get(column);
            String b = other.inputs().get(column);
            if (!(isAny(a) || isAny(b) || a.equals(b))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAny(String entry) {
        return entry.isEmpty() || entry.equals("-");
    }

    /** One string, number or boolean literal: {@code "henan-2016"}, {@code 1}, {@code 2.5}, {@code true}. */
    private static boolean isLiteral(String entry) {
        return entry.matches("\"[^\"]*\"") || entry.matches("-?\\d+(\\.\\d+)?") || entry.equals("true") || entry.equals("false");
    }
}
