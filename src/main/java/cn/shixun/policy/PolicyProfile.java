package cn.shixun.policy;

import java.time.LocalDate;
import java.util.Map;

/**
 * One published version of a region's policy profile: a new notice is a new version with its own
 * effective date and its own pinned decision tables, never an edit of an old one (ADR 0012).
 *
 * @param title          the notice's title (shown to teachers)
 * @param effectiveTo    the end the notice names, if any; shown, not enforced: a version runs until the next one
 * @param decisions      the pins: decision key ({@link PolicyDecisions#REQUIREMENTS}…) → deployed decision
 *                       definition id this version evaluates; a key without a pin evaluates the latest version
 */
public record PolicyProfile(String code, int version, LocalDate effectiveFrom, String title, LocalDate effectiveTo,
                            String issuingBody, String documentNumber, Map<String, String> decisions) {

    public PolicyProfile {
        decisions = decisions == null ? Map.of() : Map.copyOf(decisions);
    }

    /** A version without notice details and pins (its tables at their latest version), as unit tests build them. */
    public PolicyProfile(String code, int version, LocalDate effectiveFrom, String title) {
        this(code, version, effectiveFrom, title, null, null, null, Map.of());
    }

    public String label() {
        return code + " v" + version;
    }
}
