/**
 * What managers see (issue 13): where approvals wait (open tasks, waiting times, throughput,
 * the forecast of a county's registration work) and how many teachers of each school and county
 * met the year's and the cycle's hours, with the summary spreadsheets. It reads
 * the other modules; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package cn.shixun.insight;
