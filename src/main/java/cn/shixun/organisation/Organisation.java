package cn.shixun.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.Set;

/**
 * A province, city, county/district or school. Parents are referenced by id so that
 * loading a school never drags its ancestors along; {@link #path()} lists the ancestor ids
 * for scope queries ("everything under county X").
 */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationLevel level;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(nullable = false)
    private String path;

    @Column(name = "policy_profile")
    private String policyProfile;

    @Convert(converter = StageSetConverter.class)
    @Column(name = "stages")
    private Set<Stage> stages = EnumSet.noneOf(Stage.class);

    @Enumerated(EnumType.STRING)
    @Column(name = "school_kind")
    private SchoolKind schoolKind;

    @Column(name = "registration_authority_id")
    private Long registrationAuthorityId;

    protected Organisation() {
        // for JPA
    }

    Organisation(String code, String name, OrganisationLevel level, Organisation parent) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.parentId = parent == null ? null : parent.getId();
        // The own id is appended once it is known (see OrganisationRepository#saveWithPath).
        this.path = parent == null ? "/" : parent.path();
    }

    public Long getId() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public OrganisationLevel level() {
        return level;
    }

    public Long parentId() {
        return parentId;
    }

    /** Ancestor ids and own id, e.g. {@code /1/5/23/}. */
    public String path() {
        return path;
    }

    /** The profile code set on this organisation itself, or null when it inherits one. */
    public String ownPolicyProfile() {
        return policyProfile;
    }

    public Set<Stage> stages() {
        return stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages);
    }

    public SchoolKind schoolKind() {
        return schoolKind;
    }

    public Long registrationAuthorityId() {
        return registrationAuthorityId;
    }

    public boolean isSchool() {
        return level == OrganisationLevel.SCHOOL;
    }

    /** True when {@code other} is this organisation or lies below it. */
    public boolean contains(Organisation other) {
        return other.path().startsWith(path);
    }

    void completePath() {
        if (!path.endsWith("/" + id + "/")) {
            path = path + id + "/";
        }
    }

    void assignPolicyProfile(String profileCode) {
        this.policyProfile = profileCode;
    }

    void makeSchool(Set<Stage> schoolStages, SchoolKind kind) {
        this.stages = EnumSet.copyOf(schoolStages);
        this.schoolKind = kind;
    }

    /** A county school moved to another county: its parent, its path and its registration authority. */
    void moveToCounty(Organisation county) {
        this.parentId = county.getId();
        this.path = county.path() + id + "/";
        this.registrationAuthorityId = county.getId();
    }

    void assignRegistrationAuthority(Organisation authority) {
        this.registrationAuthorityId = authority.getId();
    }
}
