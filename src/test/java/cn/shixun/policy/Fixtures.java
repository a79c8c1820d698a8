package cn.shixun.policy;

import cn.shixun.organisation.Stage;
import java.time.LocalDate;

/** Teachers under each profile shape, for unit tests that need no database. */
final class Fixtures {

    static final PolicyProfile HENAN = new PolicyProfile("henan-2016", 1, LocalDate.of(2016, 1, 1), "河南");
    static final PolicyProfile KUNMING = new PolicyProfile("kunming-2015", 1, LocalDate.of(2015, 2, 1), "昆明");
    static final PolicyProfile SANMENXIA = new PolicyProfile("sanmenxia-2023", 1, LocalDate.of(2023, 1, 1), "三门峡");
    static final String ZHENGZHOU = "410100";
    static final String XINXIANG = "410700";
    static final String KUNMING_CITY = "530100";
    static final String SANMENXIA_CITY = "411200";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private Fixtures() {
    }

    static TeacherPolicy zhengzhou(Stage stage) {
        return new TeacherPolicy(1L, HENAN, ZHENGZHOU, stage, LocalDate.of(2005, 9, 1), LocalDate.of(2018, 3, 15), null);
    }

    static TeacherPolicy xinxiang(LocalDate hired) {
        return new TeacherPolicy(2L, HENAN, XINXIANG, Stage.PRIMARY, hired, null, null);
    }

    static TeacherPolicy kunming(Stage stage) {
        return new TeacherPolicy(3L, KUNMING, KUNMING_CITY, stage, LocalDate.of(2008, 9, 1), null, null);
    }

    static TeacherPolicy sanmenxia() {
        return new TeacherPolicy(4L, SANMENXIA, SANMENXIA_CITY, Stage.PRIMARY, LocalDate.of(2010, 9, 1), null, null);
    }
}
