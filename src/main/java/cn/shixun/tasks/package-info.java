/**
 * The casework every procedure shares: who reviews what (R-04 routing), the case history
 * the reviewer's worklist and decisions one by one or many at once, and the deadline
 * reminders and escalations of user tasks. The procedure modules plug in through
 * {@link cn.shixun.tasks.CaseHandler}; a user task joins the casework by declaring the
 * extension property {@code caseTask} ({@code review} or {@code submission}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks")
package cn.shixun.tasks;
