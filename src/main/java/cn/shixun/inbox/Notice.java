package cn.shixun.inbox;

/**
 * A message to write, before it has recipients.
 *
 * @param kind    what it tells about
 * @param title   one line, e.g. 您的申请被退回修改
 * @param body    the text: procedure, case, step, comment
 * @param link    a path in this application (the case's page, the workbench); null for none
 * @param onceKey set when the message must be written once only per recipient (the daily digest); else null
 */
record Notice(NoticeKind kind, String title, String body, String link, String onceKey) {
}
