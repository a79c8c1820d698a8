package cn.shixun.cycleverification;

import java.time.LocalDate;
import java.util.List;

/**
 * A school's declaration: the teachers whose cycle ended in [periodFrom, periodTo]. Without
 * {@code teacherIds} every registrable teacher of the school whose cycle ended then and is not
 * yet verified is declared; with them, exactly those, each checked. A {@code requestId} makes
 * the request safe to repeat: the same school and id return the batch made the first time.
 */
public record Declaration(Long schoolId, LocalDate periodFrom, LocalDate periodTo, List<Long> teacherIds,
                          String requestId) {
}
