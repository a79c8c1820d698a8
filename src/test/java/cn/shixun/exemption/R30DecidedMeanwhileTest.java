package cn.shixun.exemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reviewer who saw an application at one step and decides after someone else decided that
 * step gets a conflict naming the step, and nothing is written: not a decision on the next
 * step, not a history line, not an audit line. (The simultaneous case, on two nodes, is
 * TwoNodesIT.)
 */
@SpringBootTest
class R30DecidedMeanwhileTest {

    @Autowired DegreeExemptions exemptions;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void R30_aDecisionOnAStepDecidedMeanwhileIsAConflictAndChangesNothing() {
        ExemptionFixture data = new ExemptionFixture(organisations, teachers, accounts, "henan-2016");
        Teacher teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        DegreeExemption applied = exemptions.apply(teacher.getId(), data.usernameOf(teacher), ExemptionFixture.diploma());
        exemptions.decide(applied.getId(), data.schoolAdmin, Decision.APPROVE, null, ExemptionStep.SCHOOL_REVIEW);
        long events = history(applied);
        long audited = audited(applied);

        for (String late : new String[] {data.schoolAdmin, data.countyReviewer}) {
            assertThatThrownBy(() -> exemptions.decide(applied.getId(), late, Decision.REJECT, "重复办理",
                    ExemptionStep.SCHOOL_REVIEW))
                    .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                        assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT);
                        assertThat(refusal.field()).isEqualTo("step");
                        assertThat(refusal.ruleId()).isEqualTo("R-30");
                    });
        }
        assertThat(exemptions.require(applied.getId()).status()).isEqualTo(ExemptionStatus.AUTHORITY_REVIEW);
        assertThat(history(applied)).isEqualTo(events);
        assertThat(audited(applied)).isEqualTo(audited).isEqualTo(2);

        exemptions.decide(applied.getId(), data.countyReviewer, Decision.APPROVE, null, ExemptionStep.AUTHORITY_REVIEW);
        assertThat(exemptions.require(applied.getId()).status()).isEqualTo(ExemptionStatus.CREDITING);
    }

    private long history(DegreeExemption exemption) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM degree_exemption_event WHERE exemption_id = ?", Long.class,
                exemption.getId());
    }

    private long audited(DegreeExemption exemption) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE subject_type = 'degreeExemption'"
                + " AND subject_id = ?", Long.class, String.valueOf(exemption.getId()));
    }
}
