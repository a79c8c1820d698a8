package cn.shixun.processowner.policies;

import cn.shixun.shared.BusinessRuleException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy profiles as the console lists them: every version of a profile, published or draft,
 * with its notice, the regions it names, the ledger entries computed under it and the tables it is
 * pinned to. Read in a few queries per page: the ledger counts in one grouped query on
 * {@code ix_ledger_profile_date}, not per version.
 */
@Component
public class PolicyVersionOverview {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PolicyVersionOverview(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A region a notice names: its division code and, when the organisation tree knows it, its name. */
    public record Region(String code, String name) {
    }

    /** A pin: the deployed version of a decision table that a published version evaluates. */
    public record Pin(String decisionKey, int decisionVersion) {
    }

    /** One version of a profile; {@code ledgerEntries} counts the entries it computed. */
    public record Version(long id, int version, String title, String issuingBody, String documentNumber,
                          LocalDate effectiveFrom, LocalDate effectiveTo, String state, List<Region> regions,
                          long ledgerEntries, List<Pin> pins) {

        public boolean draft() {
            return "DRAFT".equals(state);
        }

        public boolean published() {
            return "PUBLISHED".equals(state);
        }
    }

    /**
     * A profile with its versions, newest first; {@code inForce} is the published version in force
     * today, {@code draft} the version being prepared for a new notice (at most one).
     */
    public record Profile(String code, String name, List<Version> versions, Version inForce, Version draft) {
    }

    /** Every profile with its versions, by code. */
    @Transactional(readOnly = true)
    public List<Profile> profiles() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT code, name FROM policy_profile", row -> {
            names.put(row.getString(1), row.getString(2));
        });
        Map<String, List<Version>> versions = versions(null);
        return names.keySet().stream().sorted()
                .map(code -> profile(code, names.get(code), versions.getOrDefault(code, List.of()))).toList();
    }

    /** One profile with its versions, the ledger entries of each and the tables each is pinned to. */
    @Transactional(readOnly = true)
    public Profile profile(String code) {
        return profile(code, name(code), versions(code).getOrDefault(code, List.of()));
    }

    /** A profile's name (e.g. 三门峡市), without reading its versions. */
    @Transactional(readOnly = true)
    public String name(String code) {
        return jdbc.query("SELECT name FROM policy_profile WHERE code = ?", (row, n) -> row.getString(1), code)
                .stream().findFirst()
                .orElseThrow(() -> BusinessRuleException.notFound("profileCode", "policy.unknown-profile", code));
    }

    private Profile profile(String code, String name, List<Version> versions) {
        LocalDate today = LocalDate.now(clock);
        Optional<Version> inForce = versions.stream().filter(Version::published)
                .filter(v -> !v.effectiveFrom().isAfter(today)).max(Comparator.comparingInt(Version::version));
        Optional<Version> draft = versions.stream().filter(Version::draft).findFirst();
        return new Profile(code, name, versions, inForce.orElse(null), draft.orElse(null));
    }

    /** The versions of one profile ({@code code}) or of all (null), by profile, newest first. */
    private Map<String, List<Version>> versions(String code) {
        String onlyProfile = code == null ? "" : " WHERE v.profile_code = ?";
        Object[] args = code == null ? new Object[0] : new Object[] {code};
        Map<Long, List<Region>> regions = new HashMap<>();
        jdbc.query("SELECT r.policy_version_id, r.organisation_code, o.name FROM policy_version_region r "
                        + "JOIN policy_version v ON v.id = r.policy_version_id "
                        + "LEFT JOIN organisation o ON o.code = r.organisation_code" + onlyProfile
                        + " ORDER BY r.organisation_code",
                row -> {
                    regions.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                            .add(new Region(row.getString(2), row.getString(3)));
                }, args);
        Map<Long, List<Pin>> pins = new HashMap<>();
        jdbc.query("SELECT d.policy_version_id, d.decision_key, d.decision_version FROM policy_version_decision d "
                        + "JOIN policy_version v ON v.id = d.policy_version_id" + onlyProfile + " ORDER BY d.decision_key",
                row -> {
                    pins.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(new Pin(row.getString(2), row.getInt(3)));
                }, args);
        Map<String, Long> entries = new HashMap<>();
        // One grouped query on ix_ledger_profile_date (profile_code, profile_version, entry_date).
        jdbc.query("SELECT profile_code, profile_version, COUNT(*) FROM ledger_entry"
                        + (code == null ? "" : " WHERE profile_code = ?") + " GROUP BY profile_code, profile_version",
                row -> {
                    entries.put(row.getString(1) + " v" + row.getInt(2), row.getLong(3));
                }, args);
        Map<String, List<Version>> byProfile = new HashMap<>();
        jdbc.query("SELECT v.id, v.profile_code, v.version, v.notice_title, v.issuing_body, v.document_number, "
                        + "v.effective_from, v.effective_to, v.state FROM policy_version v" + onlyProfile
                        + " ORDER BY v.profile_code, v.version DESC",
                row -> {
                    long id = row.getLong(1);
                    byProfile.computeIfAbsent(row.getString(2), c -> new ArrayList<>()).add(new Version(id, row.getInt(3),
                            row.getString(4), row.getString(5), row.getString(6), localDate(row, 7), localDate(row, 8),
                            row.getString(9), regions.getOrDefault(id, List.of()),
                            entries.getOrDefault(row.getString(2) + " v" + row.getInt(3), 0L), pins.getOrDefault(id, List.of())));
                }, args);
        return byProfile;
    }

    private static LocalDate localDate(ResultSet row, int column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
