package cn.shixun.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo ledger gives a mix of complete and missing statuses, computed through the calculator. */
@SpringBootTest
class DemoLedgerDataTest {

    @Autowired Clock clock;
    @Autowired Ledger ledger;
    @Autowired LedgerEntryRepository entries;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired PolicyProfiles profiles;
    @Autowired TeacherStatusQuery status;

    @Test
    void demoTeachersGetAMixOfCompleteAndMissingStatuses() {
        Regions regions = new Regions(organisations, teachers);
        LocalDate today = LocalDate.of(2025, 11, 1);
        List<Teacher> kunming = List.of(
                regions.teacher(Regions.KUNMING, LocalDate.of(2005, 9, 1)),
                regions.teacher(Regions.KUNMING, LocalDate.of(2005, 9, 1)),
                regions.teacher(Regions.KUNMING, LocalDate.of(2005, 9, 1)),
                regions.teacher(Regions.KUNMING, LocalDate.of(2005, 9, 1)),
                regions.teacher(Regions.KUNMING, LocalDate.of(2005, 9, 1), Stage.PRIMARY, null));
        DemoLedgerData demo = new DemoLedgerData(ledger, entries, organisations, teachers, profiles, clock);

        int written = demo.fill(kunming, today);

        // complete: 5 years x 2 courses; two years: 2 x 2; single course: 1; none; unregistrable: none
        assertThat(written).isEqualTo(15);
        assertThat(status.statusOf(kunming.get(0).getId(), today).requirement("YEAR_TOTAL").met()).isTrue();
        assertThat(status.statusOf(kunming.get(1).getId(), today).requirement("YEAR_TOTAL").met()).isTrue();
        assertThat(status.statusOf(kunming.get(2).getId(), today).requirement("YEAR_TOTAL").missing()).isEqualByComparingTo("32");
        assertThat(status.statusOf(kunming.get(3).getId(), today).requirement("YEAR_TOTAL").missing()).isEqualByComparingTo("72");
        assertThat(ledger.entriesOf(kunming.get(4).getId())).isEmpty();
        assertThat(ledger.entriesOf(kunming.get(0).getId())).allMatch(e -> "demo-data".equals(e.decidedBy()));
        assertThat(demo.demoTeachers()).extracting(Teacher::getId)
                .containsAll(kunming.stream().map(Teacher::getId).toList());

        long before = entries.count();
        demo.run(null);
        assertThat(entries.count()).as("a ledger with entries is left alone").isEqualTo(before);
    }
}
