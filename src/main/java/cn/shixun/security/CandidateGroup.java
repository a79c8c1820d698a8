package cn.shixun.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A candidate group of the workflow engine: a role at one organisation, written
 * {@code <role>:<organisation code>} with the role in lower case and hyphens, e.g.
 * {@code school-admin:4101050001}, {@code county-reviewer:410105}, {@code city-reviewer:410100}
 * (ADR 0004). Every account but a teacher's is a member of the group of its role and
 * organisation; the engine knows no other groups except the role-wide {@link #CAMUNDA_ADMIN},
 * {@link #TASKLIST_USERS} and {@link #PROCESS_OWNERS}, which carry the engine authorizations.
 */
public record CandidateGroup(Role role, String organisationCode) {

    /** The engine's administrators group, every permission everywhere: system administrators only (ADR 0005). */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Everyone who reviews (school administrators and reviewers): may open Tasklist (ADR 0005). */
    public static final String TASKLIST_USERS = "tasklist-users";

    /** Process owners: Cockpit, deployments, reading definitions and cases (ADR 0005). */
    public static final String PROCESS_OWNERS = "process-owners";

    private static final char SEPARATOR = ':';

    public CandidateGroup {
        if (role == null || role == Role.TEACHER || organisationCode == null || organisationCode.isBlank()) {
            throw new IllegalArgumentException("a candidate group needs a non-teacher role and an organisation code");
        }
    }

    public static CandidateGroup of(Role role, String organisationCode) {
        return new CandidateGroup(role, organisationCode);
    }

    /**
     * The engine groups of an account with {@code role} at the organisation {@code organisationCode}
     * (null for none): its role-and-organisation group, plus the role-wide groups that carry the
     * engine authorizations (ADR 0005). Teachers belong to no group.
     */
    public static List<String> engineGroupsOf(Role role, String organisationCode) {
        List<String> groups = new ArrayList<>();
        if (role != Role.TEACHER && organisationCode != null) {
            groups.add(of(role, organisationCode).id());
        }
        // The role-wide groups that carry the engine authorizations (ADR 0005).
        if (role == Role.SYSTEM_ADMIN) {
            groups.add(CAMUNDA_ADMIN);
        }
        if (role == Role.PROCESS_OWNER) {
            groups.add(PROCESS_OWNERS);
        }
        if (role.reviews()) {
            groups.add(TASKLIST_USERS);
        }
        return List.copyOf(groups);
    }

    /** The group id the engine sees, e.g. {@code county-reviewer:410105}. */
    public String id() {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-') + SEPARATOR + organisationCode;
    }

    /** Reads a group id back; empty for anything that is not a role-and-organisation group. */
    public static Optional<CandidateGroup> parse(String id) {
        int at = id == null ? -1 : id.indexOf(SEPARATOR);
        if (at <= 0 || at == id.length() - 1) {
            return Optional.empty();
        }
        String roleName = id.substring(0, at).toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role role : Role.values()) {
            if (role != Role.TEACHER && role.name().equals(roleName)) {
                return Optional.of(new CandidateGroup(role, id.substring(at + 1)));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
