/**
 * The casework's pages: the reviewer's workbench, and what every procedure's case page shares
 * ({@link cn.shixun.tasks.web.CaseHistoryLines}), exposed to the procedure modules as the named interface {@code web}.
 */
@org.springframework.modulith.NamedInterface("web")
package cn.shixun.tasks.web;
