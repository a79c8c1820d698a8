package cn.shixun.security;

import cn.shixun.organisation.OrganisationLevel;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an account does in the system. Every account is scoped to one organisation (a teacher
 * to their school); the role says what it may do there. Spring Security authorities are
 * {@code ROLE_<name>}, e.g. {@code hasRole('COUNTY_REVIEWER')}.
 */
public enum Role {
    TEACHER("教师"),
    SCHOOL_ADMIN("学校管理员"),
    COUNTY_REVIEWER("县（区）审核员"),
    CITY_REVIEWER("市级审核员"),
    PROVINCE_REVIEWER("省级审核员"),
    PROCESS_OWNER("流程管理员"),
    MANAGER("管理者"),
    SYSTEM_ADMIN("系统管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Chinese name people see; pages use the i18n key {@code role.<NAME>} for other languages. */
    public String label() {
        return label;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles that operate the workflow engine and may open Cockpit (ADR 0005). */
    public boolean operatesEngine() {
        return this == PROCESS_OWNER || this == SYSTEM_ADMIN;
    }

    /** Roles that review applications and may work their tasks in Tasklist (ADR 0005). */
    public boolean reviews() {
        return this == SCHOOL_ADMIN || this == COUNTY_REVIEWER || this == CITY_REVIEWER || this == PROVINCE_REVIEWER;
    }

    /**
     * The levels of organisation an account of this role may be scoped to (docs/administration.md): a school
     * administrator at a school, a reviewer at its own level, process owners and system administrators at a
     * province (a system administrator with none is the platform's), a manager at any region; teachers take
     * their school from the teacher record.
     */
    public Set<OrganisationLevel> levels() {
        return switch (this) {
            case TEACHER -> EnumSet.noneOf(OrganisationLevel.class);
            case SCHOOL_ADMIN -> EnumSet.of(OrganisationLevel.SCHOOL);
            case COUNTY_REVIEWER -> EnumSet.of(OrganisationLevel.COUNTY);
            case CITY_REVIEWER -> EnumSet.of(OrganisationLevel.CITY);
            case PROVINCE_REVIEWER, PROCESS_OWNER, SYSTEM_ADMIN -> EnumSet.of(OrganisationLevel.PROVINCE);
            case MANAGER -> EnumSet.of(OrganisationLevel.PROVINCE, OrganisationLevel.CITY, OrganisationLevel.COUNTY);
        };
    }

    /** Roles with at least one Camunda webapp (ADR 0005); teachers and managers have none. */
    public boolean usesCamundaWebapps() {
        return operatesEngine() || reviews();
    }
}
