/**
 * What every module shares: the refusal type ({@link cn.shixun.shared.BusinessRuleException}) and
 * the web plumbing that turns it into RFC 9457 problem details in Chinese or English.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.shixun.shared;
