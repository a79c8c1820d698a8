-- degreeExemption moved onto the casework: its own history table becomes lines of the shared
-- case history (R-40: nothing of who/what/when is lost), then goes. Version 40.1, not 3x: the
-- rows go into case_event, which V40 creates, so this must run after it on every database.
INSERT INTO case_event (process_key, case_id, task_key, step, outcome, comment, actor, occurred_at)
SELECT 'degreeExemption',
       CONCAT('', e.exemption_id),
       CASE e.step
           WHEN 'SCHOOL_REVIEW' THEN 'UserTask_SchoolReview'
           WHEN 'AUTHORITY_REVIEW' THEN 'UserTask_AuthorityReview'
           WHEN 'AMENDMENT' THEN 'UserTask_Amend'
           WHEN 'CREDIT' THEN 'ServiceTask_CreditHours'
           ELSE NULL
       END,
       CASE e.step
           WHEN 'APPLICATION' THEN '提交申请'
           WHEN 'SCHOOL_REVIEW' THEN '学校审核'
           WHEN 'AUTHORITY_REVIEW' THEN '登记机构审核'
           WHEN 'AMENDMENT' THEN '修改申请材料'
           WHEN 'CREDIT' THEN '登记免修学时'
           ELSE '办理期限'
       END,
       CASE e.outcome
           WHEN 'APPROVE' THEN 'APPROVED'
           WHEN 'RETURN' THEN 'RETURNED'
           WHEN 'REJECT' THEN 'REJECTED'
           WHEN 'REGISTERED' THEN 'COMPLETED'
           ELSE e.outcome
       END,
       e.comment, e.actor, e.occurred_at
FROM degree_exemption_event e
ORDER BY e.id;

DROP TABLE degree_exemption_event;
