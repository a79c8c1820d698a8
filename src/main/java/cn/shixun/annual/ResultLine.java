package cn.shixun.annual;

import cn.shixun.policy.HourCategory;
import cn.shixun.policy.Requirement;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One requirement of the registered year as the ledger's status query computed it when the
 * authority registered the card (R-09 yearly 72; R-10 each Sanmenxia category on its own).
 */
@Entity
@Table(name = "annual_result_line")
public class ResultLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "registration_id", nullable = false)
    private Long registrationId;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String label;

    @Column(name = "rule_id")
    private String ruleId;

    @Enumerated(EnumType.STRING)
    private HourCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Requirement.Period period;

    @Column(name = "required_hours", nullable = false)
    private BigDecimal required;

    @Column(name = "credited_hours", nullable = false)
    private BigDecimal credited;

    @Column(name = "missing_hours", nullable = false)
    private BigDecimal missing;

    @Column(nullable = false)
    private boolean met;

    protected ResultLine() {
        // for JPA
    }

    ResultLine(Long registrationId, String code, String label, String ruleId, HourCategory category,
               Requirement.Period period, BigDecimal required, BigDecimal credited, BigDecimal missing, boolean met) {
        this.registrationId = registrationId;
        this.code = code;
        this.label = label;
        this.ruleId = ruleId;
        this.category = category;
        this.period = period;
        this.required = required;
        this.credited = credited;
        this.missing = missing;
        this.met = met;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String ruleId() {
        return ruleId;
    }

    public HourCategory category() {
        return category;
    }

    public Requirement.Period period() {
        return period;
    }

    public BigDecimal required() {
        return required;
    }

    public BigDecimal credited() {
        return credited;
    }

    public BigDecimal missing() {
        return missing;
    }

    public boolean met() {
        return met;
    }
}
