/**
 * The county plan filing procedure: a county education bureau files its
 * annual training plan with the city by 1 April, the city reviews it and records its filing with
 * the HR bureau, the county reports a summary after the training, the city audits it by
 * 1 December and the participants' hours are registered in the ledger. Other modules use
 * {@link cn.shixun.countyplan.CountyPlans}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "County plan filing")
package cn.shixun.countyplan;
