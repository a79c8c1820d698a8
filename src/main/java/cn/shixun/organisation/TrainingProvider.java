package cn.shixun.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An institution that delivers training projects. */
@Entity
@Table(name = "training_provider")
public class TrainingProvider {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProviderKind kind;

    /** Runs 国培 programmes (承担国培项目); at present only such institutions qualify. */
    @Column(name = "guopei_qualified", nullable = false)
    private boolean guopeiQualified;

    /** The county a county teacher-training school belongs to; null for every other kind. */
    @Column(name = "county_id")
    private Long countyId;

    /** False once an administrator has withdrawn it from the register: no longer eligible, kept for its history. */
    @Column(nullable = false)
    private boolean enabled = true;

    protected TrainingProvider() {
        // for JPA
    }

    TrainingProvider(String name, ProviderKind kind, boolean guopeiQualified, Long countyId) {
        this.name = name;
        this.kind = kind;
        this.guopeiQualified = guopeiQualified;
        this.countyId = countyId;
    }

    public Long getId() {
        return id;
    }

    public String name() {
        return name;
    }

    public ProviderKind kind() {
        return kind;
    }

    public boolean guopeiQualified() {
        return guopeiQualified;
    }

    public Long countyId() {
        return countyId;
    }

    public boolean enabled() {
        return enabled;
    }

    void withdraw() {
        this.enabled = false;
    }

    void reinstate() {
        this.enabled = true;
    }
}
