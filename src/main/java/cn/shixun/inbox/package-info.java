/**
 * The message centre (消息中心, issue 13): every reminder, escalation, decision and result of a case
 * becomes a message to the accounts it concerns, written in the step's own transaction; a daily digest
 * tells reviewers of their tasks due. An account that gives an e-mail address and opts in gets each
 * message by mail as well, sent by every node's worker from the message rows (an outbox), retried until
 * the mail server takes it (docs/inbox.md). It listens to the casework; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox")
package cn.shixun.inbox;
