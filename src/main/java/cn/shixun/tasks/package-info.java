/**
 * Who reviews what in the processes: the candidate groups of a teacher's school review and of
 * the registration authority's review. Later also the reviewers' workbench.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks")
package cn.shixun.tasks;
