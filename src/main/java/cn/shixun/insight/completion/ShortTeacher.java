package cn.shixun.insight.completion;

import java.util.List;

/** A counted teacher who has not met every requirement of the table's basis, and what each is missing. */
record ShortTeacher(Long teacherId, String staffNumber, String name, List<Shortfall> shortfalls) {

    ShortTeacher {
        shortfalls = List.copyOf(shortfalls);
    }
}
