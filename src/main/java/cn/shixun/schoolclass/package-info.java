/**
 * School-based classes (R-35, Kunming appendix): a school's course, approved by the school and
 * the county; its class, opened with the county's approval; the learners enrolled and approved;
 * their grades (excellent at most 10%, R-14), reviewed by the school and the county; and the
 * course's hours credited to every learner who passed, through the policy calculator.
 * Process {@code schoolBasedClass}; the casework (cn.shixun.tasks) carries the decisions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "School-based classes")
package cn.shixun.schoolclass;
