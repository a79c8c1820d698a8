// bpmn-js' and dmn-js' own words in Chinese, for the console's viewers and editors: a module for
// their translate service (placeholders {name} as in its default), as window.processOwnerChinese.
// Words not listed stay as the library has them. The palette, context pad and replace menu (更改类型)
// of the modeler are all here.
(function () {
  var zh = {
    // dmn-js decision tables
    'When': '条件', 'And': '且', 'Then': '结果', 'Hit policy:': '命中策略：', 'Annotations': '注释', 'Annotation': '注释',
    'Unique': '唯一', 'First': '首个', 'Priority': '优先级', 'Any': '任意', 'Collect': '汇总',
    'Collect (Sum)': '汇总（求和）', 'Collect (Min)': '汇总（最小）', 'Collect (Max)': '汇总（最大）',
    'Collect (Count)': '汇总（计数）', 'Rule order': '规则顺序', 'Output order': '输出顺序',
    'Add rule': '添加规则', 'Add rule above': '在上方添加规则', 'Add rule below': '在下方添加规则',
    'Remove rule': '删除规则', 'Copy rule': '复制规则', 'Cut rule': '剪切规则', 'Paste rule above': '粘贴到上方',
    'Paste rule below': '粘贴到下方', 'Add input': '添加条件列', 'Add output': '添加结果列', 'Remove input': '删除条件列',
    'Remove output': '删除结果列', 'View DRD': '查看决策关系图', 'Rule': '规则', 'Input': '条件', 'Output': '结果', '-': '-',
    // bpmn-js palette and context pad
    'Activate hand tool': '平移工具', 'Activate lasso tool': '框选工具', 'Activate create/remove space tool': '插入/删除空间',
    'Activate global connect tool': '连线工具', 'Create start event': '添加开始事件', 'Create end event': '添加结束事件',
    'Create intermediate/boundary event': '添加中间/边界事件', 'Create gateway': '添加网关', 'Create task': '添加任务',
    'Create data object reference': '添加数据对象', 'Create data store reference': '添加数据存储',
    'Create expanded sub-process': '添加子流程', 'Create pool/participant': '添加泳池/参与者', 'Create group': '添加分组',
    'Append task': '追加任务', 'Append end event': '追加结束事件', 'Append gateway': '追加网关',
    'Append intermediate/boundary event': '追加中间/边界事件', 'Add text annotation': '添加注释',
    'Connect using sequence flow': '用顺序流连接', 'Connect to other element': '连接到其他元素', 'Change element': '更改类型',
    'Change type': '更改类型', 'Delete': '删除', 'Remove': '删除', 'Search in diagram': '在流程图中搜索',
    'Append receive task': '追加接收任务', 'Append compensation activity': '追加补偿活动',
    'Append message intermediate catch event': '追加消息捕获事件', 'Append timer intermediate catch event': '追加定时捕获事件',
    'Append conditional intermediate catch event': '追加条件捕获事件', 'Append signal intermediate catch event': '追加信号捕获事件',
    'Connect using association': '用关联连接', 'Connect using data input association': '用数据输入关联连接',
    'Add lane above': '在上方添加泳道', 'Add lane below': '在下方添加泳道', 'Divide into two lanes': '分为两条泳道',
    'Divide into three lanes': '分为三条泳道', 'Align elements': '对齐元素', 'Distribute elements horizontally': '水平均匀分布',
    'Distribute elements vertically': '垂直均匀分布', 'Open {element}': '打开 {element}', 'Toggle non-interrupting': '切换为非中断',
    // bpmn-js replace menu (更改类型): the element types
    'Task': '任务', 'User task': '用户任务', 'Service task': '服务任务', 'Send task': '发送任务', 'Receive task': '接收任务',
    'Manual task': '手工任务', 'Business rule task': '业务规则任务', 'Script task': '脚本任务', 'Call activity': '调用活动',
    'Sub-process': '子流程', 'Sub-process (collapsed)': '子流程（折叠）', 'Sub-process (expanded)': '子流程（展开）',
    'Ad-hoc sub-process': '自由子流程', 'Ad-hoc sub-process (collapsed)': '自由子流程（折叠）',
    'Ad-hoc sub-process (expanded)': '自由子流程（展开）', 'Event sub-process': '事件子流程', 'Transaction': '事务',
    'Start event': '开始事件', 'End event': '结束事件', 'Intermediate throw event': '中间抛出事件', 'Boundary event': '边界事件',
    'Message start event': '消息开始事件', 'Timer start event': '定时开始事件', 'Conditional start event': '条件开始事件',
    'Signal start event': '信号开始事件', 'Error start event': '错误开始事件', 'Escalation start event': '升级开始事件',
    'Compensation start event': '补偿开始事件', 'Message end event': '消息结束事件', 'Error end event': '错误结束事件',
    'Escalation end event': '升级结束事件', 'Compensation end event': '补偿结束事件', 'Signal end event': '信号结束事件',
    'Terminate end event': '终止结束事件', 'Cancel end event': '取消结束事件',
    'Message intermediate catch event': '消息中间捕获事件', 'Message intermediate throw event': '消息中间抛出事件',
    'Timer intermediate catch event': '定时中间捕获事件', 'Conditional intermediate catch event': '条件中间捕获事件',
    'Signal intermediate catch event': '信号中间捕获事件', 'Signal intermediate throw event': '信号中间抛出事件',
    'Link intermediate catch event': '链接中间捕获事件', 'Link intermediate throw event': '链接中间抛出事件',
    'Escalation intermediate throw event': '升级中间抛出事件', 'Compensation intermediate throw event': '补偿中间抛出事件',
    'Message boundary event': '消息边界事件', 'Timer boundary event': '定时边界事件', 'Error boundary event': '错误边界事件',
    'Escalation boundary event': '升级边界事件', 'Conditional boundary event': '条件边界事件', 'Signal boundary event': '信号边界事件',
    'Compensation boundary event': '补偿边界事件', 'Cancel boundary event': '取消边界事件',
    'Exclusive gateway': '排他网关', 'Parallel gateway': '并行网关', 'Inclusive gateway': '包容网关',
    'Complex gateway': '复杂网关', 'Event-based gateway': '事件网关', 'Sequence flow': '顺序流', 'Default flow': '默认流',
    'Conditional flow': '条件流', 'Loop': '循环', 'Parallel multi-instance': '并行多实例',
    'Sequential multi-instance': '串行多实例', 'Collection': '集合', 'Data object reference': '数据对象',
    'Data store reference': '数据存储', 'Empty pool/participant': '空泳池/参与者', 'Expanded pool/participant': '展开的泳池/参与者'
  };
  // Non-interrupting variants: the event's words, then （非中断）.
  Object.keys(zh).forEach(function (word) {
    if (/ event$/.test(word)) {
      zh[word + ' (non-interrupting)'] = zh[word] + '（非中断）';
    }
  });
  window.processOwnerChinese = {
    translate: ['value', function (template, replacements) {
      replacements = replacements || {};
      return (zh[template] || template).replace(/{([^}]+)}/g, function (_, key) {
        return replacements[key] !== undefined ? replacements[key] : '{' + key + '}';
      });
    }]
  };
})();
