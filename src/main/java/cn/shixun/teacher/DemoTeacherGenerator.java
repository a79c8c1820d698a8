package cn.shixun.teacher;

import cn.shixun.organisation.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates the demo teachers of the schools, the same on every run: a seeded {@link Random}
 * and schools taken in code order. Teacher 001 of every school is a regular registrable teacher
 * (in post, certified, hired long ago, not a principal); teacher 002 is the principal; the rest
 * mix long-serving and new (2026) teachers, about 3% without a qualification certificate.
 */
final class DemoTeacherGenerator {

    /** One school to staff; {@code zhengzhou} marks the per-teacher certificate cycles of R-08. */
    record SchoolToStaff(Long id, String code, Set<Stage> stages, boolean zhengzhou) {
    }

    private static final long SEED = 20160724L;

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段";
    private static final String FEMALE = "芳静丽敏燕娟霞丹玲婷慧雪颖琳倩洁萍红艳梅莉璐瑶佳欣悦";
    private static final String MALE = "伟强磊军勇杰涛明超鹏辉刚浩宇斌峰毅俊亮建新林波东";
    private static final String MIDDLE = "文海晓志国春秋小子雅嘉思永丽建明云天玉";

    private static final List<String> KINDERGARTEN = List.of("学前教育");
    private static final List<String> PRIMARY = List.of("语文", "语文", "数学", "数学", "英语", "科学", "道德与法治", "音乐", "体育", "美术", "信息科技");
    private static final List<String> JUNIOR = List.of("语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "道德与法治", "体育", "信息科技");
    private static final List<String> SENIOR = List.of("语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "思想政治", "体育", "信息技术");
    private static final List<String> SPECIAL = List.of("特殊教育", "生活语文", "生活数学", "康复训练");
    private static final List<String> VOCATIONAL = List.of("语文", "数学", "计算机应用", "机电技术", "会计", "旅游服务");

    private DemoTeacherGenerator() {
    }

    static List<Teacher> generate(List<SchoolToStaff> schools) {
        Random random = new Random(SEED);
        List<Teacher> teachers = new ArrayList<>();
        for (SchoolToStaff school : schools) {
            List<Stage> stages = school.stages().stream().sorted().toList();
            int headcount = headcount(stages) + random.nextInt(3) - 1;
            for (int seq = 1; seq <= headcount; seq++) {
                teachers.add(teacher(random, school, stages.get((seq - 1) % stages.size()), seq));
            }
        }
        return teachers;
    }

    private static Teacher teacher(Random random, SchoolToStaff school, Stage stage, int seq) {
        boolean regular = seq == 1;
        boolean principal = seq == 2;
        LocalDate hired;
        if (regular || principal) {
            hired = LocalDate.of(1992 + random.nextInt(20), 9, 1);
        } else if (random.nextInt(100) < 8) {
            // New teachers of 2026: a spring or an autumn start, both already past.
            hired = random.nextBoolean() ? LocalDate.of(2026, 2, 24) : LocalDate.of(2026, 9, 1);
        } else {
            hired = LocalDate.of(1990 + random.nextInt(36), 7 + random.nextInt(3), 1 + random.nextInt(28));
        }
        boolean female = random.nextInt(100) < femalePercent(stage);
        String name = name(random, female);
        List<String> subjects = subjects(stage);
        String subject = subjects.get(random.nextInt(subjects.size()));
        boolean certified = regular || principal || random.nextInt(100) >= 3;
        String certificate = certified ? certificateNumber(random, school, stage, hired) : null;
        Teacher teacher = new Teacher(school.code() + String.format("%03d", seq), name, female ? "女" : "男", school.id(),
                stage, subject, certificate, hired);
        if (principal) {
            // A few principals were appointed this year (R-09 new principals).
            teacher.appointPrincipal(random.nextInt(100) < 15 ? LocalDate.of(2026, 3, 1) : LocalDate.of(2012 + random.nextInt(13), 9, 1));
        }
        if (school.zhengzhou() && (regular || (hired.getYear() < 2021 && random.nextInt(100) < 70))) {
            teacher.recordCertificateIssued(lastCertificateDate(random, hired));
        }
        return teacher;
    }

    /** Zhengzhou certificates are issued at the end of a year, at least five years after hire. */
    private static LocalDate lastCertificateDate(Random random, LocalDate hired) {
        int earliest = Math.max(hired.getYear() + 5, 2017);
        int year = earliest >= 2025 ? 2025 : earliest + random.nextInt(2025 - earliest + 1);
        return LocalDate.of(year, 12, 20 + random.nextInt(10));
    }

    private static int headcount(List<Stage> stages) {
        return switch (stages.get(stages.size() - 1)) {
            case KINDERGARTEN, SPECIAL_EDUCATION -> 5;
            case PRIMARY -> 9;
            case JUNIOR_MIDDLE -> 10;
            case SENIOR_HIGH -> stages.size() > 1 ? 14 : 12;
            case VOCATIONAL -> 8;
        };
    }

    private static int femalePercent(Stage stage) {
        return switch (stage) {
            case KINDERGARTEN -> 95;
            case PRIMARY, SPECIAL_EDUCATION -> 72;
            default -> 55;
        };
    }

    private static List<String> subjects(Stage stage) {
        return switch (stage) {
            case KINDERGARTEN -> KINDERGARTEN;
            case PRIMARY -> PRIMARY;
            case JUNIOR_MIDDLE -> JUNIOR;
            case SENIOR_HIGH -> SENIOR;
            case SPECIAL_EDUCATION -> SPECIAL;
            case VOCATIONAL -> VOCATIONAL;
        };
    }

    private static String name(Random random, boolean female) {
        String given = female ? FEMALE : MALE;
        StringBuilder name = new StringBuilder().append(pick(random, SURNAMES));
        if (random.nextInt(100) < 65) {
            name.append(pick(random, MIDDLE));
        }
        return name.append(pick(random, given)).toString();
    }

    private static char pick(Random random, String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }

    /**
     * Year of issue, the school's province and city digits, a stage digit and eight digits of
     * sequence: 17 digits in all, e.g. 2016 4101 2 00012345.
     */
    private static String certificateNumber(Random random, SchoolToStaff school, Stage stage, LocalDate hired) {
        int year = Math.max(hired.getYear() - random.nextInt(2), 1996);
        return year + school.code().substring(0, 4) + (stage.ordinal() + 1) + String.format("%08d", random.nextInt(100_000_000));
    }
}
