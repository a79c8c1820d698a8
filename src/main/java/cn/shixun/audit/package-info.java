/**
 * The audit trail: an append-only record of what people did ({@link cn.shixun.shared.AuditedAction}
 * events from every module, in the transaction that did it), of refused requests (401/403) and of
 * sign-ins and failed sign-ins; read and exported by managers and system administrators of the
 * organisations it is about ({@link cn.shixun.audit.AuditTrail}). Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package cn.shixun.audit;
