package cn.shixun.teacher;

/**
 * A teacher's record changed in a way that moves who is counted where: a hire, a transfer,
 * leaving post, a certificate issued or a principal's appointment. Published in the transaction
 * that writes it, so that a listener can mark what is computed from it out of date before that
 * transaction commits (the completion tables, R-38).
 */
public record TeacherChanged(Long teacherId) {
}
