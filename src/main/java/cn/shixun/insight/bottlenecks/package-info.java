/**
 * The 管理看板 (issue 13, docs/insight.md): where approvals wait. A read model of every user task
 * ({@code task_wait}, docs/adr/0013) kept from the engine's history events; open tasks, waiting times,
 * throughput, the heatmap on the procedure's diagram and the forecast of each county's registration
 * work, scoped to the reader's organisation.
 */
package cn.shixun.insight.bottlenecks;
